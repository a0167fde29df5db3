package search

import (
	"context"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// Workspaces is what search needs of the workspaces: who belongs where (the searcher's
// audience), the workspaces and their people (member entries).
type Workspaces interface {
	Roles(userID string) map[string]string
	List(p accounts.Principal) []workspaces.View
	Members(p accounts.Principal, workspaceID string) ([]workspaces.Member, error)
}

// Documents is what search needs of the documents: every document now and each published
// state from now on.
type Documents interface {
	Each(func(documents.Record))
	OnPublish(documents.Published)
}

// Refs checks filter values against reference data.
type Refs interface {
	Is(kind, id string) bool // refdata.Service
}

// Deps are the services search reads.
type Deps struct {
	Workspaces Workspaces
	Documents  Documents
	Refs       Refs
	Log        *slog.Logger
}

// Service is the search box: the index, fed by the other services, and who may see what.
type Service struct {
	*Index
	d Deps

	mu    sync.Mutex
	dirty map[string]documents.Record // published plans not yet turned into entries
	wake  chan struct{}
	stop  chan struct{}
	done  chan struct{}

	members  map[string]Entry // the member entries last put, by user id
	national string           // the national workspaces when plans were last put
	refresh  sync.Mutex       // one refresh of the members at a time
	lastSeen time.Time        // of the last refresh (under refresh)

	// Figures of the start, for the log and the README.
	Built     time.Duration
	BuiltWith int
}

// NewService makes the service with an empty index; Load fills it.
func NewService(d Deps) (*Service, error) {
	ix, err := New()
	if err != nil {
		return nil, err
	}
	if d.Log != nil {
		ix.OnFlush = func(n int, took time.Duration) {
			if n >= bigFlush {
				d.Log.Info("search index applied a batch", "changes", n, "took", took.Round(time.Millisecond).String(), "entries", ix.Len())
			}
		}
	}
	return &Service{Index: ix, d: d, dirty: map[string]documents.Record{}, wake: make(chan struct{}, 1),
		stop: make(chan struct{}), done: make(chan struct{}), members: map[string]Entry{}, national: "(plans not put yet)"}, nil
}

// bigFlush is how many changes applied at once are worth a line in the log (the forums'
// and practices' entries arrive at start this way).
const bigFlush = 1000

// admin reads every workspace and its people: search builds entries for everyone and
// filters per searcher.
var admin = accounts.Principal{IsAdmin: true}

// Load indexes every plan and member (call after the services it reads have loaded, before
// serving) and starts following the documents' publications and the members' changes.
func (s *Service) Load(ctx context.Context) error {
	began := time.Now()
	s.refreshMembers() // and every plan
	if err := s.Flush(); err != nil {
		return err
	}
	s.Built, s.BuiltWith = time.Since(began), s.Len()
	s.d.Documents.OnPublish(func(r documents.Record) {
		s.mu.Lock()
		s.dirty[r.ID] = r
		s.mu.Unlock()
		select {
		case s.wake <- struct{}{}:
		default:
		}
	})
	go s.follow()
	return ctx.Err()
}

// Close stops following and drops the index.
func (s *Service) Close() error {
	close(s.stop)
	<-s.done
	return s.Index.Close()
}

// membersEvery is how often member entries are compared with the people and workspaces:
// neither service tells of its changes, so a ticker does it (600 people in 16 groups take
// about a millisecond), off the searches' path.
const membersEvery = time.Second

// planEvery bounds how often an edited plan is re-indexed: a room publishes after every
// tick, and a plan's text is long.
const planEvery = time.Second

func (s *Service) follow() {
	defer close(s.done)
	members := time.NewTicker(membersEvery)
	defer members.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-members.C:
			s.refreshMembersIfOld()
		case <-s.wake:
			select {
			case <-s.stop:
				return
			case <-time.After(planEvery):
			}
			s.putDirtyPlans()
		}
	}
}

func (s *Service) putDirtyPlans() {
	s.mu.Lock()
	dirty := s.dirty
	s.dirty = map[string]documents.Record{}
	s.mu.Unlock()
	if len(dirty) == 0 {
		return
	}
	g := s.groups()
	for _, r := range dirty {
		s.putPlan(r, g)
	}
}

// groups is what plans need of the workspaces: the national group's workspaces (whose
// members read every plan) and each workspace's region.
type groups struct {
	national []string
	region   map[string]string
}

func (s *Service) groups() groups {
	g := groups{region: map[string]string{}}
	for _, w := range s.d.Workspaces.List(admin) {
		if w.Kind == workspaces.National {
			g.national = append(g.national, w.ID)
		}
		g.region[w.ID] = w.RegionID
	}
	sort.Strings(g.national)
	return g
}

// putPlan indexes a document (a strategy, an action plan or a situation description): its
// title and every text of its nodes, readable as workspaces.CanRead says (the workspace's
// members, the national group; administrators read all).
func (s *Service) putPlan(r documents.Record, g groups) {
	if r.Archived {
		s.Remove("plan", r.ID)
		return
	}
	e := Entry{Kind: "plan", ID: r.ID, Title: r.Title, Link: "/workspaces/" + r.WorkspaceID + "/documents/" + r.ID,
		At: r.UpdatedAt, Readers: Audience{Workspaces: append([]string{r.WorkspaceID}, g.national...)}}
	if reg := g.region[r.WorkspaceID]; reg != "" {
		e.Region = []string{reg}
	}
	themes, goals := map[string]bool{}, map[string]bool{}
	var body strings.Builder
	for _, n := range ordered(r.Nodes, r.ID) {
		for _, k := range sortedKeys(n.Text) {
			if t := strings.TrimSpace(n.Text[k]); t != "" {
				body.WriteString(t)
				body.WriteString("\n")
			}
		}
		for _, t := range n.Fields.Themes {
			themes[t] = true
		}
		for _, g := range n.Fields.NationalGoals {
			goals[g] = true
		}
	}
	e.Body = body.String()
	e.Theme, e.NationalGoal = setList(themes), setList(goals)
	if old, ok := s.entry(key(e.Kind, e.ID)); ok && samePlan(old, e) {
		return // a status or a number changed: nothing searched for (re-indexing a plan's text and merging its segments was a quarter of the server's CPU while 50 people edited plans)
	}
	s.Put(e)
}

// planDateSlack is how stale an indexed plan's date may grow while its text, filters and
// readers stay the same (date filters are by day).
const planDateSlack = time.Hour

// samePlan tells whether b would index as a does: the same text, filters and readers, and a
// date less than planDateSlack later.
func samePlan(a, b Entry) bool {
	same := func(x, y []string) bool { return strings.Join(x, ",") == strings.Join(y, ",") }
	return sameMember(a, b) && same(a.Theme, b.Theme) && same(a.NationalGoal, b.NationalGoal) &&
		same(a.Readers.Workspaces, b.Readers.Workspaces) && a.Readers.Public == b.Readers.Public &&
		a.Readers.Network == b.Readers.Network && b.At.Sub(a.At) < planDateSlack
}

// ordered walks a document's nodes depth first in their lists' order (the order a reader
// sees), so fragments read as the plan does.
func ordered(nodes map[string]*plans.Node, root string) []*plans.Node {
	children := map[string][]*plans.Node{}
	for _, n := range nodes {
		if n.ID != root {
			children[n.Parent] = append(children[n.Parent], n)
		}
	}
	for _, c := range children {
		sort.Slice(c, func(i, j int) bool {
			if c[i].List != c[j].List {
				return c[i].List < c[j].List
			}
			if c[i].Pos != c[j].Pos {
				return c[i].Pos < c[j].Pos
			}
			return c[i].ID < c[j].ID
		})
	}
	out := make([]*plans.Node, 0, len(nodes))
	var walk func(id string)
	walk = func(id string) {
		if n := nodes[id]; n != nil {
			out = append(out, n)
		}
		for _, c := range children[id] {
			walk(c.ID)
		}
	}
	walk(root)
	return out
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func setList(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// refreshMembersIfOld refreshes the members unless that was done within membersEvery or
// is being done now.
func (s *Service) refreshMembersIfOld() {
	if !s.refresh.TryLock() {
		return
	}
	defer s.refresh.Unlock()
	if time.Since(s.lastSeen) >= membersEvery {
		s.refreshMembersLocked()
	}
}

func (s *Service) refreshMembers() {
	s.refresh.Lock()
	defer s.refresh.Unlock()
	s.refreshMembersLocked()
}

// refreshMembersLocked puts an entry per person in a workspace (name, title, organisation; the
// regions of their groups), readable by every signed-in user, and removes those gone.
func (s *Service) refreshMembersLocked() {
	s.lastSeen = time.Now()
	// Plans name the national workspaces among their readers: when those change (the
	// national group is made after the plans), every plan is put again.
	g := s.groups()
	if nat := strings.Join(g.national, ","); nat != s.national {
		s.national = nat
		s.d.Documents.Each(func(r documents.Record) { s.putPlan(r, g) })
	}
	next := map[string]Entry{}
	for _, w := range s.d.Workspaces.List(admin) {
		ms, err := s.d.Workspaces.Members(admin, w.ID)
		if err != nil {
			if s.d.Log != nil {
				s.d.Log.Warn("search: members of a workspace", "workspace", w.ID, "err", err)
			}
			continue
		}
		for _, m := range ms {
			e, ok := next[m.UserID]
			if !ok {
				e = Entry{Kind: "member", ID: m.UserID, Title: m.Name, Body: strings.TrimSpace(m.Title + "\n" + m.OrganisationName),
					Link: "/workspaces/" + w.ID + "/members", At: m.JoinedAt, Readers: Audience{Network: true}}
				if m.OrganisationID != "" {
					e.Link = "/organisations/" + m.OrganisationID
				}
			}
			if w.RegionID != "" && !contains(e.Region, w.RegionID) {
				e.Region = append(e.Region, w.RegionID)
				sort.Strings(e.Region)
			}
			next[m.UserID] = e
		}
	}
	s.mu.Lock()
	old := s.members
	s.members = next
	s.mu.Unlock()
	for id, e := range next {
		if o, ok := old[id]; !ok || !sameMember(o, e) {
			s.Put(e)
		}
	}
	for id := range old {
		if _, ok := next[id]; !ok {
			s.Remove("member", id)
		}
	}
}

func sameMember(a, b Entry) bool {
	return a.Title == b.Title && a.Body == b.Body && a.Link == b.Link && strings.Join(a.Region, ",") == strings.Join(b.Region, ",")
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// SearcherOf is who p is to the index: administrators read everything; everyone else what
// is network-wide and what their workspaces hold (the national group's members read plans
// because plans name the national workspaces among their readers).
func (s *Service) SearcherOf(p accounts.Principal) Searcher {
	if p.UserID == "" {
		return Searcher{}
	}
	if p.IsAdmin {
		return Searcher{SignedIn: true, All: true}
	}
	roles := s.d.Workspaces.Roles(p.UserID)
	ws := make([]string, 0, len(roles))
	for w := range roles {
		ws = append(ws, w)
	}
	return Searcher{SignedIn: true, Workspaces: ws}
}

// Find checks the query and runs it for p. Entries put by other services are found at
// once; an edited plan within about planEvery (re-indexing a long plan at every search
// would make searches wait on editors).
func (s *Service) Find(p accounts.Principal, q Query) (Result, error) {
	if err := s.check(q); err != nil {
		return Result{}, err
	}
	r, err := s.Search(s.SearcherOf(p), q)
	if err != nil {
		return Result{}, apperr.Wrap(err, "search")
	}
	return r, nil
}

// MaxQueryLen bounds the text of a query.
const MaxQueryLen = 200

func (s *Service) check(q Query) error {
	if len(q.Text) > MaxQueryLen {
		return apperr.Invalid("q", "the search text is longer than %d characters", MaxQueryLen)
	}
	for _, k := range q.Kinds {
		if !contains(Kinds, k) {
			return apperr.Invalid("type", "unknown type %q", k)
		}
	}
	for _, c := range []struct {
		field string
		ids   []string
		kind  string
	}{{"region", q.Region, refdata.Regions}, {"theme", q.Theme, refdata.Themes}, {"nationalGoal", q.NationalGoal, refdata.NationalGoals}} {
		for _, id := range c.ids {
			if !s.d.Refs.Is(c.kind, id) {
				return apperr.Invalid(c.field, "unknown %s %q", c.field, id)
			}
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return apperr.Invalid("to", "the end date is before the start date")
	}
	if q.Offset < 0 || q.Offset > 10000 {
		return apperr.Invalid("offset", "offset must be between 0 and 10000")
	}
	if q.Limit < 0 || q.Limit > MaxLimit {
		return apperr.Invalid("limit", "limit must be between 1 and %d", MaxLimit)
	}
	return nil
}
