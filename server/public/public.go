// Package public is what anyone may read without an account, for citizens and stakeholders:
// the regions, each region's published plans, and a published plan's summary (goals, actions
// with status and progress, indicators against their targets; a strategy's or situation
// description's sections).
//
// Published means (see README "Public pages and open data"):
//   - the document belongs to a regional group (the national group's own documents are not shown),
//     is not archived, and
//   - an action plan is approved, followed up or closed; a strategy or a situation description is
//     approved (drafts are never public), and
//   - no coordinator of its group (or platform administrator) has switched its public visibility
//     off.
//
// Only what a published plan says to its stakeholders leaves this package: titles, descriptions,
// sections, statuses, dates, progress, the names of responsible organisations and of the
// reference data, indicators' baselines, targets and latest values. Never: contact persons,
// follow-up entries (minutes of meetings), notes on indicator values, comments, history,
// members, or anything of a draft. The end-to-end privacy walk checks this against the demo
// dataset with private content marked.
//
// Everything is read from the documents' working set in memory; the visibility switches are
// appended events (an insert per switch), loaded at start.
package public

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// Documents is the documents' working set.
type Documents interface {
	Each(f func(documents.Record))
	Get(p accounts.Principal, id string) (documents.Summary, error)
}

// Workspaces lists the groups.
type Workspaces interface {
	List(p accounts.Principal) []workspaces.View
	CanManage(p accounts.Principal, workspaceID string) bool
}

// Reference names regions, national goals, quality dimensions and themes.
type Reference interface {
	All() map[string][]refdata.Item
	Get(id string) (refdata.Item, bool)
}

// Organisations names organisations.
type Organisations interface {
	Name(id string) string
}

// Deps are the services the public pages read.
type Deps struct {
	Documents     Documents
	Workspaces    Workspaces
	Reference     Reference
	Organisations Organisations
}

// Switch is one change of a document's public visibility (appended, never updated; the latest
// per document holds).
type Switch struct {
	ID       string    `bson:"_id"`
	Document string    `bson:"document"`
	Hidden   bool      `bson:"hidden"`
	By       string    `bson:"by"`
	At       time.Time `bson:"at"`
}

// Switches are the stored visibility switches.
type Switches interface {
	All(ctx context.Context) ([]Switch, error)
	Insert(ctx context.Context, s Switch) error
}

// Service answers the public queries.
type Service struct {
	d         Deps
	switches  Switches
	practices Practices // nil until UsePractices
	now       func() time.Time

	wmu    sync.Mutex // serialises switches
	mu     sync.RWMutex
	hidden map[string]bool // document id -> switched off
}

// New makes the service; call Load before use.
func New(switches Switches, d Deps) *Service {
	return &Service{d: d, switches: switches, now: time.Now, hidden: map[string]bool{}}
}

// Load reads the visibility switches.
func (s *Service) Load(ctx context.Context) error {
	all, err := s.switches.All(ctx)
	if err != nil {
		return err
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].At.Before(all[j].At) })
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, sw := range all {
		s.hidden[sw.Document] = sw.Hidden
	}
	return nil
}

// system reads every workspace: the public pages list groups without a person behind them.
var system = accounts.Principal{IsAdmin: true}

// Visibility is whether a document is public now and whether it could be.
type Visibility struct {
	DocumentID string `json:"documentId"`
	Public     bool   `json:"public"`     // shown on the public pages now
	Eligible   bool   `json:"eligible"`   // its status and group allow it (published if not switched off)
	SwitchedOn bool   `json:"switchedOn"` // its visibility switch (on unless a coordinator turned it off)
	CanSwitch  bool   `json:"canSwitch"`  // the asker may turn it on or off
}

// Visibility tells a reader of the document whether it is public.
func (s *Service) Visibility(p accounts.Principal, id string) (Visibility, error) {
	sum, err := s.d.Documents.Get(p, id)
	if err != nil {
		return Visibility{}, err
	}
	return s.visibility(p, sum.Record), nil
}

func (s *Service) visibility(p accounts.Principal, r documents.Record) Visibility {
	s.mu.RLock()
	hidden := s.hidden[r.ID]
	s.mu.RUnlock()
	eligible := s.eligible(r, s.regional())
	return Visibility{DocumentID: r.ID, Public: eligible && !hidden, Eligible: eligible, SwitchedOn: !hidden,
		CanSwitch: s.d.Workspaces.CanManage(p, r.WorkspaceID)}
}

// SetVisible switches a document's public visibility on or off: its group's coordinators and
// platform administrators may. Off keeps a published plan from the public pages; on lets it
// show once it is published.
func (s *Service) SetVisible(ctx context.Context, p accounts.Principal, id string, visible bool) (Visibility, error) {
	sum, err := s.d.Documents.Get(p, id)
	if err != nil {
		return Visibility{}, err
	}
	if !s.d.Workspaces.CanManage(p, sum.WorkspaceID) {
		return Visibility{}, apperr.New(apperr.Forbidden, "only the group's coordinators decide what is public")
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	was := s.hidden[id]
	s.mu.RUnlock()
	if was != !visible {
		sw := Switch{ID: record.New(), Document: id, Hidden: !visible, By: p.UserID, At: s.now().UTC()}
		if err := s.switches.Insert(ctx, sw); err != nil {
			return Visibility{}, err
		}
		s.mu.Lock()
		s.hidden[id] = !visible
		s.mu.Unlock()
	}
	return s.visibility(p, sum.Record), nil
}

// group is a regional group as the public pages name it.
type group struct{ id, name, region string }

// regional returns the regional groups by workspace id.
func (s *Service) regional() map[string]group {
	out := map[string]group{}
	for _, v := range s.d.Workspaces.List(system) {
		if v.Kind == workspaces.Regional && v.RegionID != "" {
			out[v.ID] = group{id: v.ID, name: v.Name, region: v.RegionID}
		}
	}
	return out
}

// eligible reports whether the document's status and group allow it to be public.
func (s *Service) eligible(r documents.Record, groups map[string]group) bool {
	if r.Archived {
		return false
	}
	if _, ok := groups[r.WorkspaceID]; !ok {
		return false
	}
	switch r.Kind {
	case plans.ActionPlan:
		return r.Status == plans.StatusApproved || r.Status == plans.StatusFollowedUp || r.Status == plans.StatusClosed
	case plans.Strategy, plans.Situation:
		return r.Status == plans.StatusApproved
	}
	return false
}

// published returns the published documents, with the regional groups.
func (s *Service) published() ([]documents.Record, map[string]group) {
	groups := s.regional()
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []documents.Record
	s.d.Documents.Each(func(r documents.Record) {
		if s.eligible(r, groups) && !s.hidden[r.ID] {
			out = append(out, r)
		}
	})
	return out, groups
}

// Ref is an item of reference data with its names in fi, sv and en.
type Ref struct {
	ID    string        `json:"id"`
	Code  string        `json:"code"`
	Names refdata.Names `json:"names"`
}

func (s *Service) ref(id string) (Ref, bool) {
	it, ok := s.d.Reference.Get(id)
	if !ok {
		return Ref{}, false
	}
	return Ref{ID: it.ID, Code: it.Code, Names: it.Names}, true
}

func (s *Service) refs(ids []string) []Ref {
	out := []Ref{}
	for _, id := range ids {
		if r, ok := s.ref(id); ok {
			out = append(out, r)
		}
	}
	return out
}

// RegionEntry is one region on the public list.
type RegionEntry struct {
	Region    Ref      `json:"region"`
	Documents int      `json:"documents"` // published documents of the region's groups
	Periods   []string `json:"periods"`   // periods of its published action plans, newest first
}

// Regions lists every region (in the reference data's order) with what it has published.
func (s *Service) Regions() []RegionEntry {
	docs, groups := s.published()
	count := map[string]int{}
	periods := map[string][]string{}
	for _, r := range docs {
		reg := groups[r.WorkspaceID].region
		count[reg]++
		if r.Kind == plans.ActionPlan && r.Period != "" && !slices.Contains(periods[reg], r.Period) {
			periods[reg] = append(periods[reg], r.Period)
		}
	}
	out := []RegionEntry{}
	for _, it := range s.d.Reference.All()[refdata.Regions] {
		if it.Archived && count[it.ID] == 0 {
			continue
		}
		ps := periods[it.ID]
		slices.SortFunc(ps, func(a, b string) int { return strings.Compare(b, a) })
		if ps == nil {
			ps = []string{}
		}
		out = append(out, RegionEntry{Region: Ref{ID: it.ID, Code: it.Code, Names: it.Names}, Documents: count[it.ID], Periods: ps})
	}
	return out
}

// Group is a regional group as the public pages show it.
type Group struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// RegionPage is a region's published documents.
type RegionPage struct {
	Region    Ref               `json:"region"`
	Groups    []Group           `json:"groups"`
	Documents []PlanSummary     `json:"documents"` // action plans (newest period first), then strategies and situation descriptions
	Practices []PracticeSummary `json:"practices"` // the region's public good practices
}

// Region returns a region's published documents with their figures.
func (s *Service) Region(id string) (RegionPage, error) {
	if !record.Valid(id) {
		return RegionPage{}, &apperr.Error{Code: apperr.InvalidID, Field: "regionId", Message: "regionId is not a valid id"}
	}
	it, ok := s.d.Reference.Get(id)
	if !ok || it.Kind != refdata.Regions {
		return RegionPage{}, apperr.New(apperr.NotFound, "no such region")
	}
	docs, groups := s.published()
	page := RegionPage{Region: Ref{ID: it.ID, Code: it.Code, Names: it.Names}, Groups: []Group{}, Documents: []PlanSummary{}}
	for _, g := range groups {
		if g.region == id {
			page.Groups = append(page.Groups, Group{ID: g.id, Name: g.name})
		}
	}
	slices.SortFunc(page.Groups, func(a, b Group) int { return strings.Compare(a.Name, b.Name) })
	for _, r := range docs {
		if g := groups[r.WorkspaceID]; g.region == id {
			page.Documents = append(page.Documents, s.plan(r, g).PlanSummary)
		}
	}
	sortSummaries(page.Documents)
	page.Practices = s.regionPractices(id)
	return page, nil
}

var kindOrder = map[string]int{plans.ActionPlan: 0, plans.Strategy: 1, plans.Situation: 2}

func sortSummaries(ds []PlanSummary) {
	slices.SortFunc(ds, func(a, b PlanSummary) int {
		if kindOrder[a.Kind] != kindOrder[b.Kind] {
			return kindOrder[a.Kind] - kindOrder[b.Kind]
		}
		if a.Period != b.Period {
			return strings.Compare(b.Period, a.Period)
		}
		if a.Title != b.Title {
			return strings.Compare(a.Title, b.Title)
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// Plan returns one published document. A document that does not exist and one that is not
// published get the same not_found: the public API does not tell that a draft exists.
func (s *Service) Plan(id string) (Plan, error) {
	if !record.Valid(id) {
		return Plan{}, &apperr.Error{Code: apperr.InvalidID, Field: "documentId", Message: "documentId is not a valid id"}
	}
	docs, groups := s.published()
	for _, r := range docs {
		if r.ID == id {
			return s.plan(r, groups[r.WorkspaceID]), nil
		}
	}
	return Plan{}, apperr.New(apperr.NotFound, "no such published document")
}
