package demo

import (
	"context"
	"io"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/directory"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/store"
	"github.com/elo-workspace/elo-workspace/server/store/storetest"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// generated is the dataset of Seed, generated once for the tests that only read it.
var generated = sync.OnceValue(func() *Dataset { return Generate(Seed) })

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := generated(), Generate(Seed)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
	c := Generate(Seed + 1)
	if reflect.DeepEqual(a.Users, c.Users) {
		t.Fatal("another seed gives the same people")
	}
	// The organisations are the same whatever the seed: they are named, not drawn.
	if a.Organisations[0].ID != c.Organisations[0].ID {
		t.Fatal("organisation ids depend on the seed")
	}
}

func TestCounts(t *testing.T) {
	d := generated()
	if got := len(d.Organisations); got != 250 {
		t.Errorf("organisations = %d, want 250", got)
	}
	if got := len(d.Users); got != 604 {
		t.Errorf("users = %d, want 600 and the 4 demo accounts", got)
	}
	if got := len(d.Workspaces); got != 16 {
		t.Errorf("workspaces = %d, want 16", got)
	}
	regions := map[string]bool{}
	for _, it := range refdata.Defaults() {
		if it.Kind == refdata.Regions {
			regions[it.ID] = true
		}
	}
	members := map[string]int{}
	coordinators := map[string]int{}
	observers := 0
	for _, m := range d.Memberships {
		members[m.WorkspaceID]++
		switch m.Role {
		case workspaces.RoleCoordinator:
			coordinators[m.WorkspaceID]++
		case workspaces.RoleObserver:
			observers++
		}
	}
	orgs := map[string]directory.Organisation{}
	for _, o := range d.Organisations {
		orgs[o.ID] = o
	}
	national := 0
	seenRegion := map[string]bool{}
	for _, w := range d.Workspaces {
		n := members[w.ID]
		switch w.Kind {
		case workspaces.National:
			national++
			if w.Name != NationalName || n < 18 || n > 22 {
				t.Errorf("national workspace %q has %d members, want about 20", w.Name, n)
			}
		case workspaces.Regional:
			if !regions[w.RegionID] || seenRegion[w.RegionID] {
				t.Errorf("workspace %q: region %q unknown or repeated", w.Name, w.RegionID)
			}
			seenRegion[w.RegionID] = true
			if n < 10 || n > 50 {
				t.Errorf("workspace %q has %d members, want 10-50", w.Name, n)
			}
			if ely, ok := orgs[w.ELYCentreID]; !ok || ely.Type != "ely_centre" || ely.RegionID != w.RegionID {
				t.Errorf("workspace %q: ELY centre %q is not its region's ELY centre", w.Name, w.ELYCentreID)
			}
			if !strings.HasPrefix(w.Name, "ELO-ryhmä ") {
				t.Errorf("workspace name %q", w.Name)
			}
		default:
			t.Errorf("workspace %q: kind %q", w.Name, w.Kind)
		}
		if c := coordinators[w.ID]; c < 2 || c > 3 {
			t.Errorf("workspace %q has %d coordinators, want 2-3", w.Name, c)
		}
		if w.Description == "" || w.Version != 1 || !w.CreatedAt.Before(Base) {
			t.Errorf("workspace %q: description, version or creation time missing", w.Name)
		}
	}
	if national != 1 || len(seenRegion) != 15 {
		t.Errorf("national workspaces %d, regions covered %d", national, len(seenRegion))
	}
	if observers == 0 {
		t.Error("no observers")
	}
	types := map[string]int{}
	for _, o := range d.Organisations {
		types[o.Type]++
		if o.Description == "" || len(o.Services) == 0 || len(o.Services) > 50 || o.Version != 1 {
			t.Errorf("organisation %q lacks a description or services", o.Name)
		}
		if o.RegionID != "" && !regions[o.RegionID] {
			t.Errorf("organisation %q: unknown region", o.Name)
		}
	}
	for _, ty := range directory.Types {
		if types[ty] == 0 {
			t.Errorf("no organisation of type %s", ty)
		}
	}
	if len(types) != len(directory.Types) {
		t.Errorf("organisation types %v", types)
	}
	if len(d.Invitations) < 2*16 {
		t.Errorf("only %d invitations", len(d.Invitations))
	}
}

func TestSeedOrganisations(t *testing.T) {
	d := generated()
	byName := map[string]directory.Organisation{}
	for _, o := range d.Organisations {
		byName[o.Name] = o
	}
	kainuu := refdata.DefaultID(refdata.Regions, "kainuu")
	// Seed 000, "Strategian toteuttamistahot".
	for _, name := range []string{"Kajaanin kaupunki", "Kainuun ammattiopisto", "Kajaanin ammattikorkeakoulu", "Kaukametsän opisto",
		"Kianta-Opisto", "Aikuis- ja täydennyskoulutuspalvelut AIKOPA", "Kainuun TE-toimisto", "Kainuun ELY-keskus"} {
		o, ok := byName[name]
		if !ok || o.RegionID != kainuu {
			t.Errorf("Kainuu organisation %q missing", name)
		}
	}
	if !strings.Contains(byName["Kainuun ELY-keskus"].Description, "Kainuun ELO-työryhmää") {
		t.Error("Kainuun ELY-keskus does not carry the seed's description")
	}
	esavo := refdata.DefaultID(refdata.Regions, "etela-savo")
	for _, name := range []string{"Etelä-Savon ELY-keskus", "Mikkelin Ohjaamo Olkkari", "Pieksämäen Ohjaamo Piennar", "Savonlinnan Ohjaamo"} {
		if o, ok := byName[name]; !ok || o.RegionID != esavo {
			t.Errorf("Etelä-Savo organisation %q missing", name)
		}
	}
	sv := 0
	for _, u := range d.Users {
		if u.Language == "sv" {
			sv++
		}
	}
	if sv < 20 {
		t.Errorf("only %d Swedish-speaking people", sv)
	}
}

func TestDemoAccounts(t *testing.T) {
	d := generated()
	users := map[string]accounts.User{}
	for _, u := range d.Users {
		users[u.Email] = u
	}
	ws := map[string]workspaces.Workspace{}
	for _, w := range d.Workspaces {
		ws[w.ID] = w
	}
	roles := func(email string) map[string]string {
		out := map[string]string{}
		for _, m := range d.Memberships {
			if m.UserID == users[email].ID {
				out[ws[m.WorkspaceID].Name] = m.Role
			}
		}
		return out
	}
	orgName := map[string]string{}
	for _, o := range d.Organisations {
		orgName[o.ID] = o.Name
	}
	admin, ok := users[AdminEmail]
	if !ok || !admin.IsAdmin {
		t.Fatalf("no administrator %s", AdminEmail)
	}
	for _, u := range d.Users {
		if u.IsAdmin && u.Email != AdminEmail {
			t.Errorf("%s is an administrator too", u.Email)
		}
	}
	if r := roles(AdminEmail); len(r) != 0 {
		t.Errorf("administrator's memberships %v", r)
	}
	if r := roles(CoordinatorEmail); !reflect.DeepEqual(r, map[string]string{"ELO-ryhmä Kainuu": "coordinator"}) {
		t.Errorf("coordinator's memberships %v", r)
	}
	if o := orgName[users[CoordinatorEmail].OrganisationID]; o != "Kainuun ELY-keskus" {
		t.Errorf("coordinator works at %q", o)
	}
	if r := roles(MemberEmail); !reflect.DeepEqual(r, map[string]string{"ELO-ryhmä Etelä-Savo": "member"}) {
		t.Errorf("member's memberships %v", r)
	}
	if r := roles(NationalEmail); !reflect.DeepEqual(r, map[string]string{NationalName: "member"}) {
		t.Errorf("national member's memberships %v", r)
	}
}

func TestReferences(t *testing.T) {
	d := generated()
	ids := map[string]bool{}
	unique := func(kind, id string) {
		if !record.Valid(id) || ids[id] {
			t.Errorf("%s id %q invalid or repeated", kind, id)
		}
		ids[id] = true
	}
	orgs := map[string]bool{}
	for _, o := range d.Organisations {
		unique("organisation", o.ID)
		orgs[o.ID] = true
	}
	users := map[string]bool{}
	emails := map[string]bool{}
	for _, u := range d.Users {
		unique("user", u.ID)
		users[u.ID] = true
		e, err := accounts.NormalizeEmail("email", u.Email)
		if err != nil || e != u.Email || emails[e] {
			t.Errorf("email %q invalid or repeated", u.Email)
		}
		emails[e] = true
		if !orgs[u.OrganisationID] {
			t.Errorf("%s: organisation %q does not exist", u.Email, u.OrganisationID)
		}
		if u.NotificationEmail != u.Email || u.Version != 1 || !u.CreatedAt.Before(Base) || u.Name == "" || u.Title == "" || !accounts.ValidLanguage(u.Language) {
			t.Errorf("user %+v incomplete", u)
		}
	}
	wss := map[string]bool{}
	for _, w := range d.Workspaces {
		unique("workspace", w.ID)
		wss[w.ID] = true
	}
	pairs := map[string]bool{}
	memberOf := map[string]bool{}
	for _, m := range d.Memberships {
		unique("membership", m.ID)
		if !users[m.UserID] || !wss[m.WorkspaceID] || !workspaces.ValidRole(m.Role) {
			t.Errorf("membership %+v points nowhere", m)
		}
		if pairs[m.WorkspaceID+m.UserID] {
			t.Errorf("membership %+v repeated", m)
		}
		pairs[m.WorkspaceID+m.UserID] = true
		memberOf[m.UserID] = true
	}
	for _, u := range d.Users {
		if !memberOf[u.ID] && !u.IsAdmin {
			t.Errorf("%s belongs to no workspace", u.Email)
		}
	}
	for _, inv := range d.Invitations {
		unique("invitation", inv.ID)
		if !wss[inv.WorkspaceID] || !users[inv.InvitedBy] || emails[inv.Email] || inv.Status != workspaces.Pending || !inv.ExpiresAt.After(inv.CreatedAt) {
			t.Errorf("invitation %+v is wrong", inv)
		}
	}
	var last workspaces.Activity
	verbs := map[string]int{}
	for i, a := range d.Activity {
		unique("activity", a.ID)
		if a.Seq != int64(i+1) || a.At.Before(last.At) {
			t.Fatalf("activity %d: seq %d at %v after %v", i, a.Seq, a.At, last.At)
		}
		if !wss[a.WorkspaceID] || !users[a.ActorID] || a.ActorName == "" || a.Subject == "" {
			t.Errorf("activity %+v points nowhere", a)
		}
		verbs[a.Verb]++
		last = a
	}
	if verbs[workspaces.VerbWorkspaceCreated] != 16 || verbs[workspaces.VerbMemberJoined] != len(d.Memberships) || verbs[workspaces.VerbRoleChanged] == 0 ||
		verbs[workspaces.VerbInvitationSent] != len(d.Memberships)+len(d.Invitations) {
		t.Errorf("activity verbs %v", verbs)
	}
}

func TestFreshen(t *testing.T) {
	shared := generated()
	d := &Dataset{Invitations: slices.Clone(shared.Invitations), Activity: slices.Clone(shared.Activity), fresh: shared.fresh, freshActs: shared.freshActs}
	now := Base.Add(300 * 24 * time.Hour)
	d.Freshen(now)
	pending := 0
	for _, inv := range d.Invitations {
		if inv.ExpiresAt.After(now) {
			pending++
			if !inv.CreatedAt.Before(now) {
				t.Errorf("invitation sent in the future: %v", inv.CreatedAt)
			}
		}
	}
	if pending < 2*16 {
		t.Errorf("%d invitations still valid after Freshen", pending)
	}
	for i := 1; i < len(d.Activity); i++ {
		if d.Activity[i].At.Before(d.Activity[i-1].At) {
			t.Fatalf("activity out of order after Freshen at seq %d", d.Activity[i].Seq)
		}
	}
}

func TestLoad(t *testing.T) {
	db := storetest.Open(t, "demo_test")
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	began := time.Now()
	d := generated()
	if raceDetector {
		// The embedded database is slow under the race detector: store all but most documents.
		part := *d
		part.Documents = d.Documents[:4]
		part.Changes = nil
		for _, c := range d.Changes {
			if slices.ContainsFunc(part.Documents, func(r documents.Record) bool { return r.ID == c.Document }) {
				part.Changes = append(part.Changes, c)
			}
		}
		d = &part
		if err := load(ctx, db, "elo-demo-password", log, func() *Dataset {
			c := part // load sets passwords and freshens invitations: not in the shared dataset
			c.Users, c.Invitations, c.Activity = slices.Clone(c.Users), slices.Clone(c.Invitations), slices.Clone(c.Activity)
			return &c
		}); err != nil {
			t.Fatal(err)
		}
	} else if err := Load(ctx, db, "elo-demo-password", log); err != nil {
		t.Fatal(err)
	}
	t.Logf("Load took %v", time.Since(began))
	want := map[string]int64{
		"organisations": int64(len(d.Organisations)), "users": int64(len(d.Users)), "workspaces": int64(len(d.Workspaces)),
		"memberships": int64(len(d.Memberships)), "invitations": int64(len(d.Invitations)), "activity": int64(len(d.Activity)),
		"documents": int64(len(d.Documents)), "history": int64(len(d.history())),
	}
	counts := func() map[string]int64 {
		got := map[string]int64{}
		for name := range want {
			n, err := store.NewTable[struct{}](db, name).Count(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got[name] = n
		}
		return got
	}
	if got := counts(); !reflect.DeepEqual(got, want) {
		t.Fatalf("counts %v, want %v", got, want)
	}
	users, err := store.NewTable[accounts.User](db, "users").All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.Email == CoordinatorEmail {
			if u.PasswordHash == "" || u.ID != ID("user", CoordinatorEmail) {
				t.Errorf("stored coordinator %+v", u)
			}
		}
	}
	// A second Load (the next start) changes nothing.
	if err := Load(ctx, db, "another password", log); err != nil {
		t.Fatal(err)
	}
	if got := counts(); !reflect.DeepEqual(got, want) {
		t.Fatalf("after a second Load: counts %v, want %v", got, want)
	}
	again, err := store.NewTable[accounts.User](db, "users").All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(hashes(users), hashes(again)) {
		t.Error("a second Load changed the users")
	}
}

func hashes(us []accounts.User) map[string]string {
	out := map[string]string{}
	for _, u := range us {
		out[u.ID] = u.PasswordHash
	}
	return out
}
