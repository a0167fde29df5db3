package national

import (
	"slices"
	"sort"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// Scopes of a view.
const (
	ScopeNational = "national" // every region by name
	ScopeRegional = "regional" // the reader's own region(s) against anonymous national totals
)

// MaxFilterValues is how many values one filter takes.
const MaxFilterValues = 50

// Filter narrows the view; empty lists do not narrow. Values within a list are alternatives.
type Filter struct {
	Periods           []string // action plan periods, e.g. "2026"
	QualityDimensions []string // plan goals linked to one of them
	Themes            []string // plan goals about one of them
	Regions           []string // rows
}

// Ref names an item of reference data.
type Ref struct {
	ID    string        `json:"id"`
	Code  string        `json:"code"`
	Names refdata.Names `json:"names"`
}

// StatusCounts counts actions by status.
type StatusCounts struct {
	Planned    int `json:"planned"`
	InProgress int `json:"in_progress"`
	Done       int `json:"done"`
	Postponed  int `json:"postponed"`
	Cancelled  int `json:"cancelled"`
}

// Summary is what a cell, a row or a total shows.
type Summary struct {
	Goals        int          `json:"goals"`   // plan goals
	Actions      int          `json:"actions"` // actions under them
	Status       StatusCounts `json:"status"`
	Progress     *float64     `json:"progress"`   // mean progress 0-100, one decimal; nil with no action to count
	Indicators   int          `json:"indicators"` // of actions not cancelled
	Measured     int          `json:"measured"`   // with a target and a recorded value
	OnTrack      int          `json:"onTrack"`
	LastFollowup string       `json:"lastFollowup,omitempty"` // YYYY-MM-DD

	progressSum float64
	progressN   int
}

// addGoal counts a plan goal and its actions (summed when the plan was read).
func (s *Summary) addGoal(g goal) { s.add(g.sum) }

func (s *Summary) add(o Summary) {
	s.Goals += o.Goals
	s.Actions += o.Actions
	s.Status.Planned += o.Status.Planned
	s.Status.InProgress += o.Status.InProgress
	s.Status.Done += o.Status.Done
	s.Status.Postponed += o.Status.Postponed
	s.Status.Cancelled += o.Status.Cancelled
	s.Indicators += o.Indicators
	s.Measured += o.Measured
	s.OnTrack += o.OnTrack
	s.LastFollowup = max(s.LastFollowup, o.LastFollowup)
	s.progressSum += o.progressSum
	s.progressN += o.progressN
}

func (s *Summary) addAction(a action) {
	s.Actions++
	switch a.status {
	case plans.ActionInProgress:
		s.Status.InProgress++
	case plans.ActionDone:
		s.Status.Done++
	case plans.ActionPostponed:
		s.Status.Postponed++
	case plans.ActionCancelled:
		s.Status.Cancelled++
	default:
		s.Status.Planned++
	}
	for _, f := range a.followups {
		s.LastFollowup = max(s.LastFollowup, f.date)
	}
	if a.status == plans.ActionCancelled {
		return
	}
	switch {
	case a.progress != nil:
		s.progressSum += *a.progress
	case a.status == plans.ActionDone:
		s.progressSum += 100
	}
	s.progressN++
	for _, in := range a.indicators {
		s.Indicators++
		if in.measured {
			s.Measured++
			if in.onTrack {
				s.OnTrack++
			}
		}
	}
}

// close works out the mean progress.
func (s *Summary) close() {
	if s.progressN > 0 {
		p := float64(int(s.progressSum/float64(s.progressN)*10+0.5)) / 10
		s.Progress = &p
	}
}

// Cell is one national goal in one region (or in the totals).
type Cell struct {
	NationalGoal string `json:"nationalGoal"`
	Summary
}

// Row is one region.
type Row struct {
	Region Ref     `json:"region"`
	Plans  int     `json:"plans"` // action plans counted
	Cells  []Cell  `json:"cells"` // in the order of the national goals
	Total  Summary `json:"total"` // each plan goal once
}

// Totals are the national totals: over the rows shown (national scope) or over every region
// without naming any (regional scope).
type Totals struct {
	Regions int     `json:"regions"` // regions with at least one plan counted
	Plans   int     `json:"plans"`
	Cells   []Cell  `json:"cells"`
	Total   Summary `json:"total"`
}

// Group is one regional group's latest signs of life.
type Group struct {
	WorkspaceID        string     `json:"workspaceId"`
	Name               string     `json:"name"`
	RegionID           string     `json:"regionId"`
	LastActivity       *time.Time `json:"lastActivity"`       // the newest entry of its activity feed
	LastDocumentChange *time.Time `json:"lastDocumentChange"` // of any of its documents
	LastFollowup       string     `json:"lastFollowup,omitempty"`
	LastSeen           *time.Time `json:"lastSeen"` // the latest of the three
	Quiet              bool       `json:"quiet"`
}

// Dashboard is the matrix of national goals by region with its totals and the groups.
type Dashboard struct {
	Scope          string   `json:"scope"`
	Version        uint64   `json:"version"`
	Periods        []string `json:"periods"` // every period an action plan has, for the filter
	NationalGoals  []Ref    `json:"nationalGoals"`
	Rows           []Row    `json:"rows"`
	Totals         Totals   `json:"totals"`
	Groups         []Group  `json:"groups"`
	QuietAfterDays int      `json:"quietAfterDays"`
	// Practices counts published good practices per national goal and region (rows as Rows).
	Practices PracticeCounts `json:"practices"`
}

// viewer is what one person may see.
type viewer struct {
	all     bool
	regions map[string]bool // own regions (regional scope)
}

func (v viewer) scope() string {
	if v.all {
		return ScopeNational
	}
	return ScopeRegional
}

func (v viewer) sees(region string) bool { return v.all || v.regions[region] }

// world is one query's consistent reading of the workspaces, reference data and plans.
type world struct {
	ws            map[string]workspaces.View // every workspace by id
	regions       []Ref                      // in display order, not archived
	regionByID    map[string]Ref
	nationalGoals []Ref
	plans         []*plan
	periodList    []string
	practices     []publishedPractice
}

var everyone = accounts.Principal{IsAdmin: true} // the service's own reading of every workspace

func (s *Service) world() world {
	w := world{ws: map[string]workspaces.View{}, regionByID: map[string]Ref{}}
	for _, v := range s.d.Workspaces.List(everyone) {
		w.ws[v.ID] = v
	}
	all := s.d.Reference.All()
	for _, it := range all[refdata.Regions] {
		if !it.Archived {
			r := Ref{ID: it.ID, Code: it.Code, Names: it.Names}
			w.regions = append(w.regions, r)
			w.regionByID[r.ID] = r
		}
	}
	for _, it := range all[refdata.NationalGoals] {
		if !it.Archived {
			w.nationalGoals = append(w.nationalGoals, Ref{ID: it.ID, Code: it.Code, Names: it.Names})
		}
	}
	w.plans = s.snapshot()
	w.periodList = w.listPeriods()
	s.mu.RLock()
	w.practices = s.practices
	s.mu.RUnlock()
	return w
}

// regionOf is the region of a plan's group, "" when it has none (the national group).
func (w world) regionOf(p *plan) string {
	v, ok := w.ws[p.workspaceID]
	if !ok || v.Kind != workspaces.Regional {
		return ""
	}
	if _, ok := w.regionByID[v.RegionID]; !ok {
		return ""
	}
	return v.RegionID
}

// periods lists the periods of the plans counted.
func (w world) periods() []string { return w.periodList }

func (w world) listPeriods() []string {
	seen := map[string]bool{}
	for _, p := range w.plans {
		if p.counted() && p.period != "" && w.regionOf(p) != "" {
			seen[p.period] = true
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// CanView reports whether p may see the national view at all (the `national` events topic).
func (s *Service) CanView(p accounts.Principal) bool {
	_, err := s.viewer(p)
	return err == nil
}

func (s *Service) viewer(p accounts.Principal) (viewer, error) {
	if p.IsAdmin || s.d.Workspaces.IsNational(p.UserID) {
		return viewer{all: true}, nil
	}
	v := viewer{regions: map[string]bool{}}
	roles := s.d.Workspaces.Roles(p.UserID)
	if len(roles) > 0 {
		for _, w := range s.d.Workspaces.List(p) {
			if _, member := roles[w.ID]; member && w.Kind == workspaces.Regional && w.RegionID != "" {
				v.regions[w.RegionID] = true
			}
		}
	}
	if len(v.regions) == 0 {
		return viewer{}, apperr.New(apperr.Forbidden, "the national view is for the national group, administrators and members of regional groups")
	}
	return v, nil
}

// check validates a filter against what exists and what the viewer may see: an unknown value
// is unknown_filter (400), a region the viewer may not read is forbidden (403).
func (s *Service) check(v viewer, w world, f Filter) error {
	lists := []struct {
		field string
		vals  []string
		ok    func(string) bool
	}{
		{"period", f.Periods, func(x string) bool { return slices.Contains(w.periods(), x) }},
		{"qualityDimension", f.QualityDimensions, func(x string) bool {
			return record.Valid(x) && s.d.Reference.Is(refdata.QualityDimensions, x)
		}},
		{"theme", f.Themes, func(x string) bool { return record.Valid(x) && s.d.Reference.Is(refdata.Themes, x) }},
		{"region", f.Regions, func(x string) bool { _, ok := w.regionByID[x]; return record.Valid(x) && ok }},
	}
	for _, l := range lists {
		if len(l.vals) > MaxFilterValues {
			return apperr.Invalid(l.field, "at most %d values for %s", MaxFilterValues, l.field)
		}
		for _, x := range l.vals {
			if !l.ok(x) {
				return &apperr.Error{Code: apperr.UnknownFilter, Field: l.field, Message: "unknown " + l.field + ": " + quote(x)}
			}
		}
	}
	for _, r := range f.Regions {
		if !v.sees(r) {
			return &apperr.Error{Code: apperr.Forbidden, Field: "region", Message: "you may see your own region only"}
		}
	}
	return nil
}

func quote(s string) string {
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return `"` + s + `"`
}

func (f Filter) planMatches(p *plan) bool {
	return len(f.Periods) == 0 || slices.Contains(f.Periods, p.period)
}

func (f Filter) goalMatches(g goal) bool {
	return overlaps(f.QualityDimensions, g.qualityDimensions) && overlaps(f.Themes, g.themes)
}

// overlaps: no wanted values, or one of them is in have.
func overlaps(want, have []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, x := range want {
		if slices.Contains(have, x) {
			return true
		}
	}
	return false
}

// accumulator sums goals into cells by national goal.
type accumulator struct {
	order []Ref
	cells map[string]*Summary
	total Summary
	plans map[string]bool
}

func newAccumulator(ngs []Ref) *accumulator {
	a := &accumulator{order: ngs, cells: map[string]*Summary{}, plans: map[string]bool{}}
	for _, ng := range ngs {
		a.cells[ng.ID] = &Summary{}
	}
	return a
}

func (a *accumulator) add(p *plan, g goal) {
	a.plans[p.id] = true
	a.total.addGoal(g)
	for _, ng := range g.nationalGoals {
		if c, ok := a.cells[ng]; ok {
			c.addGoal(g)
		}
	}
}

func (a *accumulator) result() ([]Cell, Summary) {
	out := make([]Cell, len(a.order))
	for i, ng := range a.order {
		c := a.cells[ng.ID]
		c.close()
		out[i] = Cell{NationalGoal: ng.ID, Summary: *c}
	}
	a.total.close()
	return out, a.total
}

// Dashboard is the matrix for p under the filter.
func (s *Service) Dashboard(p accounts.Principal, f Filter) (Dashboard, error) {
	v, err := s.viewer(p)
	if err != nil {
		return Dashboard{}, err
	}
	w := s.world()
	if err := s.check(v, w, f); err != nil {
		return Dashboard{}, err
	}
	shown := func(region string) bool {
		return v.sees(region) && (len(f.Regions) == 0 || slices.Contains(f.Regions, region))
	}
	rows := map[string]*accumulator{}
	totals := newAccumulator(w.nationalGoals)
	withPlans := map[string]bool{}
	for _, p := range w.plans {
		region := w.regionOf(p)
		if region == "" || !p.counted() || !f.planMatches(p) {
			continue
		}
		inRow := shown(region)
		// National users' totals are over the rows shown; regional users' over every region.
		inTotals := inRow || !v.all
		if !inRow && !inTotals {
			continue
		}
		if rows[region] == nil && inRow {
			rows[region] = newAccumulator(w.nationalGoals)
		}
		if inTotals {
			withPlans[region] = true
			totals.plans[p.id] = true
		}
		if inRow {
			rows[region].plans[p.id] = true
		}
		for _, g := range p.goals {
			if !f.goalMatches(g) {
				continue
			}
			if inRow {
				rows[region].add(p, g)
			}
			if inTotals {
				totals.add(p, g)
			}
		}
	}
	d := Dashboard{Scope: v.scope(), Version: s.Version(), Periods: w.periods(), NationalGoals: w.nationalGoals,
		Rows: []Row{}, QuietAfterDays: int(QuietAfter / (24 * time.Hour))}
	if d.NationalGoals == nil {
		d.NationalGoals = []Ref{}
	}
	for _, r := range w.regions {
		if !shown(r.ID) {
			continue
		}
		acc := rows[r.ID]
		if acc == nil {
			acc = newAccumulator(w.nationalGoals)
		}
		cells, total := acc.result()
		d.Rows = append(d.Rows, Row{Region: r, Plans: len(acc.plans), Cells: cells, Total: total})
	}
	d.Totals.Cells, d.Totals.Total = totals.result()
	d.Totals.Regions, d.Totals.Plans = len(withPlans), len(totals.plans)
	d.Groups = s.groups(w, shown)
	d.Practices = countPractices(w.practices, w, f, d.Rows, func(region string) bool { return shown(region) || !v.all })
	return d, nil
}

// groups lists the regional groups of the regions shown with their latest signs of life,
// quiet ones first, then by name.
func (s *Service) groups(w world, shown func(region string) bool) []Group {
	now := s.now()
	lastDoc := map[string]time.Time{}
	lastFollowup := map[string]string{}
	for _, p := range w.plans {
		if p.updatedAt.After(lastDoc[p.workspaceID]) {
			lastDoc[p.workspaceID] = p.updatedAt
		}
		lastFollowup[p.workspaceID] = max(lastFollowup[p.workspaceID], p.lastFollowup)
	}
	out := []Group{}
	for _, v := range w.ws {
		if v.Kind != workspaces.Regional || !shown(v.RegionID) {
			continue
		}
		g := Group{WorkspaceID: v.ID, Name: v.Name, RegionID: v.RegionID, LastFollowup: lastFollowup[v.ID]}
		var seen time.Time
		if feed, _, err := s.d.Workspaces.Feed(everyone, v.ID, 0, 1); err == nil && len(feed) > 0 {
			at := feed[0].At
			g.LastActivity, seen = &at, at
		}
		if at, ok := lastDoc[v.ID]; ok {
			g.LastDocumentChange = &at
			if at.After(seen) {
				seen = at
			}
		}
		if d, err := time.Parse(time.DateOnly, g.LastFollowup); err == nil && d.After(seen) {
			seen = d
		}
		if !seen.IsZero() {
			g.LastSeen = &seen
		}
		g.Quiet = seen.IsZero() || now.Sub(seen) > QuietAfter
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Quiet != out[j].Quiet {
			return out[i].Quiet
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].WorkspaceID < out[j].WorkspaceID
	})
	return out
}
