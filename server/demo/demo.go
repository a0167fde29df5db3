// Package demo generates the national-scale demo dataset (DOMAIN.md) deterministically.
//
// Generate builds the whole dataset in memory from a seed: the same seed gives the same
// records, ids and timestamps every time. Load writes it into an empty database with one
// InsertMany per collection. Later features add their records to Dataset, generate them in
// Generate (after what they depend on) and list their collection in Dataset.writers.
package demo

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/directory"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/eventlog"
	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/practices"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/store"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// Seed is the seed Load generates from.
const Seed = 20260115

// Base is the dataset's "now": every generated timestamp lies before it. Only pending
// invitations are moved to the day of loading (Freshen), so that they have not expired.
var Base = time.Date(2026, 1, 15, 9, 0, 0, 0, time.UTC)

// The demo accounts (all with the demo password).
const (
	AdminEmail       = "admin@elo.example"
	CoordinatorEmail = "coordinator@kainuu.example"
	MemberEmail      = "member@etela-savo.example"
	NationalEmail    = "national@elo.example"
)

// invitationTTL is how long demo invitations last (the server's default INVITATION_TTL).
const invitationTTL = 14 * 24 * time.Hour

// NationalName is the national workspace's name.
const NationalName = "Valtakunnallinen ELO-ryhmä"

// Dataset is every record of the demo dataset. Users carry no password hash: Load sets one
// hash for all of them.
type Dataset struct {
	Organisations []directory.Organisation
	Users         []accounts.User
	Workspaces    []workspaces.Workspace
	Memberships   []workspaces.Membership
	Invitations   []workspaces.Invitation
	Activity      []workspaces.Activity
	Documents     []documents.Record // strategies and action plans, each with its recent changes in Tail
	Changes       []documents.Change // every change not in a document's Tail: written as history chunks
	Forums        []forums.Record    // forum events (forums.go)

	Practices         []practices.Record // the good-practice library (practices.go)
	PracticeVersions  []practices.PublishedVersion
	PracticeAdoptions []practices.Adoption

	fresh     []int // indexes of Invitations that Freshen moves to the day of loading
	freshActs []int // indexes of their invitation_sent entries in Activity
}

// ID is the deterministic id of a demo record of a kind with a key (an email, a name, a code):
// stable across runs and databases, the shape of every other id (24 hex digits).
func ID(kind, key string) string {
	return fmt.Sprintf("%024x", record.Fingerprint("demo/"+kind+"/"+key))
}

// Load fills an empty database (no users) with the demo dataset; with users it does nothing.
func Load(ctx context.Context, db *store.DB, password string, log *slog.Logger) error {
	return load(ctx, db, password, log, func() *Dataset { return Generate(Seed) })
}

// load is Load with the dataset made by generate (tests under the race detector load a part).
func load(ctx context.Context, db *store.DB, password string, log *slog.Logger, generate func() *Dataset) error {
	began := time.Now()
	n, err := store.NewTable[accounts.User](db, "users").Count(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		log.Debug("demo dataset not loaded: the database has users", "users", n)
		return nil
	}
	hash, err := accounts.HashPassword(password)
	if err != nil {
		return fmt.Errorf("hash the demo password: %w", err)
	}
	d := generate()
	for i := range d.Users {
		d.Users[i].PasswordHash = hash
	}
	d.Freshen(time.Now())
	var counts []any
	for _, w := range d.writers() {
		if err := w.write(ctx, db); err != nil {
			return fmt.Errorf("%w (users are written last: with no users the next start retries; delete DATA_DIR first if it says duplicate key)", err)
		}
		counts = append(counts, w.name, w.n)
	}
	log.Info("demo dataset loaded", append(counts, "took", time.Since(began).Round(time.Millisecond).String())...)
	return nil
}

// writer stores one collection of the dataset.
type writer struct {
	name  string
	n     int
	write func(ctx context.Context, db *store.DB) error
}

func insert[T any](name string, docs []T) writer {
	return writer{name: name, n: len(docs), write: func(ctx context.Context, db *store.DB) error {
		return store.NewTable[T](db, name).InsertMany(ctx, docs)
	}}
}

// writers lists the collections in the order Load writes them; users come last, so a
// database with users holds the whole dataset.
func (d *Dataset) writers() []writer {
	return []writer{
		insert("organisations", d.Organisations),
		insert("workspaces", d.Workspaces),
		insert("memberships", d.Memberships),
		insert("invitations", d.Invitations),
		insert("activity", d.Activity),
		insert("documents", d.storedDocuments()),
		insert("history", d.history()),
		insert("practices", d.Practices),
		insert("practice_versions", d.PracticeVersions),
		insert("practice_adoptions", d.PracticeAdoptions),
		d.forumChunks(),
		insert("users", d.Users),
	}
}

// forumChunks stores the forum events packed as the forums' event log keeps them after a
// compaction (eventlog), so the first start reads 15 chunks rather than 14,000 records.
func (d *Dataset) forumChunks() writer {
	return writer{name: "forum_events", n: len(d.Forums), write: func(ctx context.Context, db *store.DB) error {
		rs := make([]eventlog.Record, len(d.Forums))
		for i, r := range d.Forums {
			rs[i] = eventlog.Record(r)
		}
		chunks, err := eventlog.Pack(rs, 0)
		if err != nil {
			return err
		}
		return store.NewTable[eventlog.Chunk](db, "forum_event_chunks").InsertMany(ctx, chunks)
	}}
}

// storedDocuments are the documents in their stored form (nodes as JSON text).
func (d *Dataset) storedDocuments() []documents.Record {
	out := make([]documents.Record, len(d.Documents))
	for i, r := range d.Documents {
		var err error
		if out[i], err = documents.Stored(r); err != nil {
			panic(err) // generated documents always encode
		}
	}
	return out
}

// Freshen moves the pending invitations (and their activity entries) by whole weeks (so they
// stay on working days) so that they were sent in the two weeks before now rather than before
// Base, and have not expired.
func (d *Dataset) Freshen(now time.Time) {
	weeks := int(now.UTC().Sub(Base).Hours() / (24 * 7))
	if weeks <= 0 {
		return
	}
	shift := time.Duration(weeks) * 7 * 24 * time.Hour
	for _, i := range d.fresh {
		d.Invitations[i].CreatedAt = d.Invitations[i].CreatedAt.Add(shift)
		d.Invitations[i].ExpiresAt = d.Invitations[i].ExpiresAt.Add(shift)
	}
	for _, i := range d.freshActs {
		d.Activity[i].At = d.Activity[i].At.Add(shift)
	}
}

// --- generation ---------------------------------------------------------------------------

type gen struct {
	rng       *rand.Rand
	d         *Dataset
	emails    map[string]bool
	names     map[string]bool
	orgByName map[string]int // index in d.Organisations
	domains   []string       // email domain per organisation
	orgSpecs  []orgSpec
	userIdx   map[string]int // user id -> index in d.Users
	events    []event
	editors   map[string][]editor // workspace id -> who may edit its documents, and since when
}

// event is an activity entry before it gets its sequence number.
type event struct {
	a     workspaces.Activity
	fresh int // index+1 in d.Invitations of a pending invitation Freshen moves; 0 otherwise
}

// member is one person's place in one workspace while generating.
type member struct {
	user     int // index in d.Users
	role     string
	initial  string // role on joining; differs from role when a role_changed entry follows
	joined   time.Time
	inviter  int // index in d.Users
	invited  time.Time
	changed  time.Time
	changeBy int
}

// Generate builds the dataset from seed.
func Generate(seed uint64) *Dataset {
	g := &gen{
		rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		d:   &Dataset{}, emails: map[string]bool{}, names: map[string]bool{},
		orgByName: map[string]int{}, userIdx: map[string]int{}, editors: map[string][]editor{},
	}
	for _, e := range []string{AdminEmail, CoordinatorEmail, MemberEmail, NationalEmail} {
		g.emails[e] = true
	}
	g.organisations()
	g.groups()
	g.documents()
	g.activity()
	g.forumsData()
	g.practices()
	return g.d
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 0, 0, 0, time.UTC) }

func (g *gen) organisations() {
	created := day(2025, 2, 3)
	add := func(s orgSpec, regionCode, locative, genitive string) {
		domain := slug(s.name) + ".example"
		desc, services := s.desc, s.services
		if desc == "" {
			tmpl := descFI[s.typ]
			if t, ok := descSV[s.typ]; ok && s.sv {
				tmpl = t
			}
			desc = fmt.Sprintf(tmpl, s.name, locative, genitive)
		}
		if services == nil {
			pool := servicesFI[s.typ]
			if p, ok := servicesSV[s.typ]; ok && s.sv {
				pool = p
			}
			services = g.pick(pool, 3+g.rng.IntN(3))
		}
		region := ""
		if regionCode != "" {
			region = refdata.DefaultID(refdata.Regions, regionCode)
		}
		i := len(g.d.Organisations)
		g.d.Organisations = append(g.d.Organisations, directory.Organisation{
			ID: ID("organisation", s.name), Name: s.name, Type: s.typ, RegionID: region, Description: desc,
			Services: services, Website: "https://www." + domain, CreatedAt: created.Add(time.Duration(i) * 7 * time.Minute), Version: 1,
		})
		g.orgByName[s.name] = i
		g.domains = append(g.domains, domain)
		g.orgSpecs = append(g.orgSpecs, s)
	}
	for _, s := range nationalOrgs {
		add(s, "", "koko maassa", "valtakunnallisen")
	}
	for _, r := range regions {
		for _, s := range r.orgs {
			add(s, r.code, r.locative, r.genitive)
		}
	}
}

// pick returns k items of pool in pool order.
func (g *gen) pick(pool []string, k int) []string {
	k = min(k, len(pool))
	idx := g.rng.Perm(len(pool))[:k]
	sort.Ints(idx)
	out := make([]string, k)
	for i, j := range idx {
		out[i] = pool[j]
	}
	return out
}

func (g *gen) oneOf(list []string) string { return list[g.rng.IntN(len(list))] }

// person makes a new person of an organisation, speaking lang ("" = drawn for the organisation).
func (g *gen) person(org int, lang string, svShare int, created time.Time) int {
	s := g.orgSpecs[org]
	if lang == "" {
		p := g.rng.IntN(1000)
		switch {
		case s.sv && p < 880, !s.sv && p < svShare*10:
			lang = "sv"
		case p >= 985 && s.typ != tELY: // the coordinating TNO experts work in Finnish or Swedish
			lang = "en"
		default:
			lang = "fi"
		}
	}
	var first, last, title string
	for try := 0; ; try++ {
		switch lang {
		case "sv":
			first, last = g.oneOf(append(svFemale[:len(svFemale):len(svFemale)], svMale...)), g.oneOf(svSurnames)
		case "en":
			n := enNames[g.rng.IntN(len(enNames))]
			first, last = n[0], n[1]
		default:
			if g.rng.IntN(100) < 58 { // guidance work is mostly done by women
				first = g.oneOf(fiFemale)
			} else {
				first = g.oneOf(fiMale)
			}
			last = g.oneOf(fiSurnames)
		}
		if !g.names[first+" "+last] || try > 20 {
			break
		}
	}
	typ := g.d.Organisations[org].Type
	switch lang {
	case "sv":
		title = g.oneOf(titlesSV[typ])
	case "en":
		title = g.oneOf(titlesEN[typ])
	default:
		title = g.oneOf(titlesFI[typ])
	}
	return g.addUser(first+" "+last, g.email(first, last, g.domains[org]), title, org, lang, created)
}

func (g *gen) email(first, last, domain string) string {
	base := fold(first) + "." + fold(last)
	e := base + "@" + domain
	for n := 2; g.emails[e]; n++ {
		e = fmt.Sprintf("%s%d@%s", base, n, domain)
	}
	g.emails[e] = true
	return e
}

func (g *gen) addUser(name, email, title string, org int, lang string, created time.Time) int {
	g.names[name] = true
	u := accounts.User{ID: ID("user", email), Email: email, Name: name, Title: title, Language: lang,
		NotificationEmail: email, CreatedAt: created, Version: 1}
	if org >= 0 {
		u.OrganisationID = g.d.Organisations[org].ID
	}
	g.d.Users = append(g.d.Users, u)
	g.userIdx[u.ID] = len(g.d.Users) - 1
	return len(g.d.Users) - 1
}

// orgWeight is how many people of a regional group come from an organisation of a type.
var orgWeight = map[string]int{
	tMunicipality: 3, tVocational: 3, tUAS: 2, tEmployment: 2, tOhjaamo: 2, tThird: 1, tOther: 1, tELY: 0,
}

func (g *gen) groups() {
	admin := g.addUser("Aino Ylläpitäjä", AdminEmail, "Pääkäyttäjä", g.orgByName["KEHA-keskus"], "fi", day(2025, 2, 3))
	g.d.Users[admin].IsAdmin = true

	// The national group: led jointly by the two ministries.
	natCreated := day(2025, 2, 17)
	national := g.workspace("national", NationalName, workspaces.National, "", "",
		"Valtakunnallinen elinikäisen ohjauksen yhteistyöryhmä, jota työ- ja elinkeinoministeriö ja opetus- ja kulttuuriministeriö johtavat yhdessä. "+
			"Ryhmä seuraa alueellisten ELO-ryhmien työtä ja viiden kansallisen tavoitteen toteutumista sekä kokoaa alueiden hyvät käytännöt yhteiseen käyttöön.", natCreated, admin)
	var natMembers []member
	for i, s := range nationalOrgs {
		org := g.orgByName[s.name]
		for k := 0; k < 2; k++ {
			joined := g.workday(natCreated.Add(time.Duration(1+i*2+k) * 24 * time.Hour))
			u := g.person(org, "fi", 0, joined.Add(-time.Minute))
			role := workspaces.RoleMember
			switch {
			case k == 0 && i < 2:
				role = workspaces.RoleCoordinator
			case k == 1 && i >= 3:
				role = workspaces.RoleObserver
			}
			natMembers = append(natMembers, member{user: u, role: role, initial: role, joined: joined})
		}
	}
	nat := g.addUser("Pekka Valtonen", NationalEmail, "Opetusneuvos", g.orgByName["Opetushallitus"], "fi", natCreated.Add(12*24*time.Hour))
	natMembers = append(natMembers, member{user: nat, role: workspaces.RoleMember, initial: workspaces.RoleMember, joined: natCreated.Add(12*24*time.Hour + time.Minute)})

	// The regional groups; nine of their coordinators also sit in the national group.
	inNational := map[int]bool{}
	for _, i := range g.rng.Perm(len(regions))[:9] {
		inNational[i] = true
	}
	for ri, r := range regions {
		first := g.region(ri, r, admin)
		if g.d.Memberships[first].UserID == ID("user", CoordinatorEmail) {
			first++ // the demo coordinator stays in Kainuu only; its second coordinator goes
		}
		if inNational[ri] {
			joined := g.workday(maxTime(g.d.Memberships[first].JoinedAt.Add(24*time.Hour), natCreated.Add(30*24*time.Hour)))
			natMembers = append(natMembers, member{user: g.userIdx[g.d.Memberships[first].UserID], role: workspaces.RoleMember, initial: workspaces.RoleMember, joined: joined})
		}
	}
	g.members(national, natMembers, []int{natMembers[0].user, natMembers[2].user}, natCreated, admin)
	g.pending(national, -1, natMembers[0].user, 1+g.rng.IntN(2))
}

// workday moves t to a random time of office hours on its day, or on the Monday after a weekend.
func (g *gen) workday(t time.Time) time.Time {
	switch t.Weekday() {
	case time.Saturday:
		t = t.AddDate(0, 0, 2)
	case time.Sunday:
		t = t.AddDate(0, 0, 1)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 8, 0, 0, 0, time.UTC).Add(g.minutes(8*60 + 30))
}

// minutes is a random duration of up to n minutes.
func (g *gen) minutes(n int) time.Duration { return time.Duration(g.rng.IntN(n)) * time.Minute }

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func (g *gen) workspace(key, name, kind, regionID, ely, desc string, created time.Time, creator int) int {
	w := workspaces.Workspace{ID: ID("workspace", key), Name: name, Kind: kind, RegionID: regionID, ELYCentreID: ely,
		Description: desc, CreatedAt: created, Version: 1}
	g.d.Workspaces = append(g.d.Workspaces, w)
	g.event(len(g.d.Workspaces)-1, creator, workspaces.VerbWorkspaceCreated, name, "", created, 0)
	return len(g.d.Workspaces) - 1
}

func (g *gen) event(ws, actor int, verb, subject, detail string, at time.Time, fresh int) {
	g.events = append(g.events, event{a: workspaces.Activity{
		WorkspaceID: g.d.Workspaces[ws].ID, ActorID: g.d.Users[actor].ID, ActorName: g.d.Users[actor].Name,
		Verb: verb, Subject: subject, Detail: detail, At: at,
	}, fresh: fresh})
}

// region makes one regional group with its people; it returns the index in Memberships of
// its first coordinator.
func (g *gen) region(ri int, r regionSpec, admin int) int {
	orgs := make([]int, len(r.orgs))
	for i, s := range r.orgs {
		orgs[i] = g.orgByName[s.name]
	}
	ely := orgs[0]
	created := g.workday(day(2025, 3, 3).AddDate(0, 0, ri))
	created = time.Date(created.Year(), created.Month(), created.Day(), 8, 0, 0, 0, time.UTC).Add(g.minutes(3 * 60))
	name := r.wsName
	if name == "" {
		name = "ELO-ryhmä " + r.name
	}
	desc := r.wsDesc
	if desc == "" {
		desc = fmt.Sprintf("%s elinikäisen ohjauksen yhteistyöryhmä (ELO-ryhmä) kokoaa alueen ohjaustoimijat – kunnat, oppilaitokset, työllisyyspalvelut, Ohjaamot ja järjestöt – "+
			"kehittämään tieto-, neuvonta- ja ohjauspalveluja yhdessä. Ryhmä laatii alueen toimintasuunnitelman, seuraa sen toteutumista ja jakaa hyviä käytäntöjä. Ryhmää koordinoi %s.",
			r.genitive, g.d.Organisations[ely].Name)
	}
	ws := g.workspace(r.code, name, workspaces.Regional, refdata.DefaultID(refdata.Regions, r.code), g.d.Organisations[ely].ID, desc, created, admin)

	// Coordinators: the ELY centre's TNO experts, who join as the group starts.
	coordinators := 2 + g.rng.IntN(2)
	elyStaff := coordinators + g.rng.IntN(2)
	var ms []member
	newMember := func(u int, role string, joined time.Time) {
		ms = append(ms, member{user: u, role: role, initial: role, joined: joined})
		g.d.Users[u].CreatedAt = joined.Add(-time.Minute)
	}
	for k := 0; k < elyStaff; k++ {
		joined := created.Add(time.Duration(k+1)*40*time.Minute + g.minutes(30))
		role := workspaces.RoleMember
		if k < coordinators {
			role = workspaces.RoleCoordinator
		}
		var u int
		if r.code == "kainuu" && k == 0 {
			u = g.addUser("Kaisa Kemppainen", CoordinatorEmail, "TNO-asiantuntija", ely, "fi", joined)
		} else {
			u = g.person(ely, "", r.svShare, joined)
		}
		newMember(u, role, joined)
	}
	// Then everyone else: one person from every organisation, the rest by organisation type.
	var pool []int
	for _, org := range orgs[1:] {
		for k := 0; k < orgWeight[g.d.Organisations[org].Type]; k++ {
			pool = append(pool, org)
		}
	}
	start, end := created.Add(4*24*time.Hour), Base.Add(-20*24*time.Hour)
	span := int(end.Sub(start) / time.Minute)
	generated := elyStaff
	if r.code == "kainuu" {
		generated--
	}
	for i := 0; generated < r.users; i++ {
		org := pool[g.rng.IntN(len(pool))]
		if i < len(orgs)-1 {
			org = orgs[i+1]
		}
		// Early joiners are many: the group fills up in its first months.
		f := g.rng.Float64()
		joined := g.workday(start.Add(time.Duration(f*f*float64(span)) * time.Minute))
		u := g.person(org, "", r.svShare, joined)
		role := workspaces.RoleMember
		if g.rng.IntN(100) < 9 {
			role = workspaces.RoleObserver
		}
		newMember(u, role, joined)
		generated++
	}
	if r.code == "etela-savo" {
		joined := g.workday(start.Add(40 * 24 * time.Hour))
		u := g.addUser("Mervi Savolainen", MemberEmail, "Opinto-ohjaaja", g.orgByName["Etelä-Savon ammattiopisto Esedu"], "fi", joined)
		newMember(u, workspaces.RoleMember, joined)
	}
	leads := []int{ms[0].user, ms[1].user}
	// Some roles changed along the way: the third coordinator was promoted later, some observers
	// started as members and some members as observers.
	for i := range ms {
		m := &ms[i]
		switch {
		case i == 2 && m.role == workspaces.RoleCoordinator:
			m.initial = workspaces.RoleMember
		case i >= elyStaff && m.role == workspaces.RoleObserver && g.rng.IntN(2) == 0:
			m.initial = workspaces.RoleMember
		case i >= elyStaff && m.role == workspaces.RoleMember && g.rng.IntN(100) < 8:
			m.initial = workspaces.RoleObserver
		}
	}
	first := len(g.d.Memberships)
	g.members(ws, ms, leads, created, admin)
	g.pending(ws, ri, leads[g.rng.IntN(2)], 2+g.rng.IntN(3))
	if g.rng.IntN(3) == 0 {
		g.expired(ws, ri, leads[0])
	}
	return first
}

// members stores the memberships of a workspace and their history: an invitation sent by a
// lead (by the administrator for the first coordinators), the joining, and role changes.
func (g *gen) members(ws int, ms []member, leads []int, created time.Time, admin int) {
	w := g.d.Workspaces[ws]
	leadJoined := map[int]time.Time{}
	for _, m := range ms {
		leadJoined[m.user] = m.joined
	}
	for i := range ms {
		m := &ms[i]
		if m.joined.Sub(created) < 24*time.Hour {
			m.invited = created.Add(time.Duration(i+1) * time.Minute)
		} else if m.invited = g.workday(m.joined.AddDate(0, 0, -1-g.rng.IntN(4))); !m.invited.Before(m.joined) {
			m.invited = m.joined.Add(-time.Duration(20+g.rng.IntN(60)) * time.Minute)
		}
		m.invited = maxTime(m.invited, created.Add(time.Duration(i+1)*time.Minute))
		// Leads invite once they are in; before that (and for themselves) the administrator does.
		m.inviter = leads[g.rng.IntN(len(leads))]
		if m.inviter == m.user || !leadJoined[m.inviter].Before(m.invited) {
			m.inviter = admin
		}
		if m.initial != m.role {
			m.changed = g.workday(m.joined.AddDate(0, 0, 7+g.rng.IntN(60)))
			if limit := Base.AddDate(0, 0, -15); m.changed.After(limit) {
				m.changed = g.workday(limit.AddDate(0, 0, -g.rng.IntN(5)))
			}
			if !m.changed.After(m.joined) {
				m.changed = m.joined.Add(time.Duration(30+g.rng.IntN(120)) * time.Minute)
			}
			m.changeBy = leads[0]
			if m.changeBy == m.user {
				m.changeBy = leads[1]
			}
		}
		u := g.d.Users[m.user]
		if editsFrom, ok := canEditSince(*m); ok {
			e := editor{user: m.user, since: editsFrom, coordinator: m.role == workspaces.RoleCoordinator, coordSince: m.joined}
			if m.initial != m.role {
				e.coordSince = m.changed
			}
			g.editors[w.ID] = append(g.editors[w.ID], e)
		}
		g.d.Memberships = append(g.d.Memberships, workspaces.Membership{
			ID: ID("membership", w.ID+"/"+u.ID), WorkspaceID: w.ID, UserID: u.ID, Role: m.role, JoinedAt: m.joined, Version: 1,
		})
		g.event(ws, m.inviter, workspaces.VerbInvitationSent, u.Email, m.initial, m.invited, 0)
		g.event(ws, m.user, workspaces.VerbMemberJoined, u.Name, m.initial, m.joined, 0)
		if m.initial != m.role {
			g.event(ws, m.changeBy, workspaces.VerbRoleChanged, u.Name, m.role, m.changed, 0)
			g.d.Memberships[len(g.d.Memberships)-1].Version = 2
		}
	}
}

// invitee makes the address of someone invited who has no account yet.
func (g *gen) invitee(ri int) string {
	var first, last string
	if g.rng.IntN(100) < 58 {
		first = g.oneOf(fiFemale)
	} else {
		first = g.oneOf(fiMale)
	}
	last = g.oneOf(fiSurnames)
	var org int
	if ri < 0 {
		org = g.orgByName[nationalOrgs[g.rng.IntN(len(nationalOrgs))].name]
	} else {
		org = g.orgByName[regions[ri].orgs[1+g.rng.IntN(len(regions[ri].orgs)-1)].name]
	}
	return g.email(first, last, g.domains[org])
}

// pending makes n invitations still waiting for an answer, sent in the last week before Base
// (Freshen moves them to the week before loading).
func (g *gen) pending(ws, ri, by, n int) {
	for k := 0; k < n; k++ {
		sent := g.workday(Base.AddDate(0, 0, -1-g.rng.IntN(6)))
		inv := g.invitation(ws, ri, by, g.oneOf(pendingRoles), sent)
		g.d.fresh = append(g.d.fresh, inv)
		g.event(ws, by, workspaces.VerbInvitationSent, g.d.Invitations[inv].Email, g.d.Invitations[inv].Role, sent, inv+1)
	}
}

// expired makes one invitation nobody answered in time.
func (g *gen) expired(ws, ri, by int) {
	sent := g.workday(Base.AddDate(0, 0, -40-g.rng.IntN(30)))
	inv := g.invitation(ws, ri, by, workspaces.RoleMember, sent)
	g.event(ws, by, workspaces.VerbInvitationSent, g.d.Invitations[inv].Email, workspaces.RoleMember, sent, 0)
}

func (g *gen) invitation(ws, ri, by int, role string, sent time.Time) int {
	email := g.invitee(ri)
	w := g.d.Workspaces[ws]
	g.d.Invitations = append(g.d.Invitations, workspaces.Invitation{
		ID: ID("invitation", w.ID+"/"+email), WorkspaceID: w.ID, Email: email, Role: role,
		// The hash of a secret nobody was sent: the link cannot be used, as in a real database.
		TokenHash: accounts.HashSecret("demo invitation " + w.ID + "/" + email),
		InvitedBy: g.d.Users[by].ID, Status: workspaces.Pending, CreatedAt: sent, ExpiresAt: sent.Add(invitationTTL), Version: 1,
	})
	return len(g.d.Invitations) - 1
}

// activity orders the events in time and numbers them from 1 across all workspaces.
func (g *gen) activity() {
	sort.SliceStable(g.events, func(i, j int) bool { return g.events[i].a.At.Before(g.events[j].a.At) })
	g.d.Activity = make([]workspaces.Activity, len(g.events))
	for i, e := range g.events {
		a := e.a
		a.Seq = int64(i + 1)
		a.ID = ID("activity", fmt.Sprint(a.Seq))
		g.d.Activity[i] = a
		if e.fresh > 0 {
			g.d.freshActs = append(g.d.freshActs, i)
		}
	}
}

// fold makes a name into the ASCII of an email address ("Järvinen" -> "jarvinen").
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == 'ä', r == 'å', r == 'á', r == 'à':
			b.WriteByte('a')
		case r == 'ö', r == 'ó', r == 'ø':
			b.WriteByte('o')
		case r == 'é', r == 'è':
			b.WriteByte('e')
		case r == 'ü', r == 'ú':
			b.WriteByte('u')
		case r == 'í':
			b.WriteByte('i')
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// slug makes an organisation's name into a domain name: the part before a dash or comma.
func slug(name string) string {
	if i := strings.IndexAny(name, "–,"); i > 0 {
		name = name[:i]
	}
	s := fold(strings.TrimSpace(name))
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return strings.Trim(s, "-")
}
