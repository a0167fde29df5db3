package national

import (
	"slices"
	"sort"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/refdata"
)

// PlanRef names an action plan and its group (the client links to the plan with it).
type PlanRef struct {
	ID            string `json:"id"`
	WorkspaceID   string `json:"workspaceId"`
	WorkspaceName string `json:"workspaceName"`
	Title         string `json:"title"`
	Period        string `json:"period"`
	Status        string `json:"status"`
}

// IndicatorDetail is one indicator as the drill-down shows it.
type IndicatorDetail struct {
	ID       string                `json:"id"`
	Name     string                `json:"name"`
	Unit     string                `json:"unit"`
	Baseline *float64              `json:"baseline"`
	Target   *float64              `json:"target"`
	Latest   *plans.IndicatorValue `json:"latest"`
	Measured bool                  `json:"measured"`
	OnTrack  bool                  `json:"onTrack"`
}

// ActionDetail is one action as the drill-down shows it.
type ActionDetail struct {
	ID           string            `json:"id"`
	Title        string            `json:"title"`
	Status       string            `json:"status"`
	Progress     *float64          `json:"progress"`
	Start        string            `json:"start,omitempty"`
	End          string            `json:"end,omitempty"`
	Indicators   []IndicatorDetail `json:"indicators"`
	LastFollowup string            `json:"lastFollowup,omitempty"`
}

// GoalDetail is one plan goal behind a cell.
type GoalDetail struct {
	Plan              PlanRef        `json:"plan"`
	ID                string         `json:"id"`
	Title             string         `json:"title"`
	NationalGoals     []string       `json:"nationalGoals"`
	QualityDimensions []string       `json:"qualityDimensions"`
	Actions           []ActionDetail `json:"actions"`
}

// CellDetail is what lies behind one cell of the matrix.
type CellDetail struct {
	NationalGoal Ref          `json:"nationalGoal"`
	Region       Ref          `json:"region"`
	Summary      Summary      `json:"summary"`
	Goals        []GoalDetail `json:"goals"`
}

func (w world) planRef(p *plan) PlanRef {
	return PlanRef{ID: p.id, WorkspaceID: p.workspaceID, WorkspaceName: w.ws[p.workspaceID].Name, Title: p.title,
		Period: p.period, Status: p.status}
}

func (s *Service) nationalGoal(w world, id string) (Ref, error) {
	if id == "" {
		return Ref{}, apperr.Invalid("nationalGoal", "choose a national goal")
	}
	for _, ng := range w.nationalGoals {
		if ng.ID == id && record.Valid(id) {
			return ng, nil
		}
	}
	return Ref{}, &apperr.Error{Code: apperr.UnknownFilter, Field: "nationalGoal", Message: "unknown nationalGoal: " + quote(id)}
}

// Cell returns the plan goals of a region that address a national goal, with their actions.
// f.Regions must be that one region.
func (s *Service) Cell(p accounts.Principal, nationalGoal string, f Filter) (CellDetail, error) {
	v, err := s.viewer(p)
	if err != nil {
		return CellDetail{}, err
	}
	w := s.world()
	if len(f.Regions) != 1 {
		return CellDetail{}, apperr.Invalid("region", "choose one region")
	}
	if err := s.check(v, w, f); err != nil {
		return CellDetail{}, err
	}
	ng, err := s.nationalGoal(w, nationalGoal)
	if err != nil {
		return CellDetail{}, err
	}
	region := f.Regions[0]
	out := CellDetail{NationalGoal: ng, Region: w.regionByID[region], Goals: []GoalDetail{}}
	for _, pl := range w.plans {
		if w.regionOf(pl) != region || !pl.counted() || !f.planMatches(pl) {
			continue
		}
		for _, g := range pl.goals {
			if !f.goalMatches(g) || !slices.Contains(g.nationalGoals, ng.ID) {
				continue
			}
			out.Summary.addGoal(g)
			gd := GoalDetail{Plan: w.planRef(pl), ID: g.id, Title: g.title, NationalGoals: orEmpty(g.nationalGoals),
				QualityDimensions: orEmpty(g.qualityDimensions), Actions: []ActionDetail{}}
			for _, a := range g.actions {
				gd.Actions = append(gd.Actions, actionDetail(a))
			}
			out.Goals = append(out.Goals, gd)
		}
	}
	out.Summary.close()
	return out, nil
}

func actionDetail(a action) ActionDetail {
	ad := ActionDetail{ID: a.id, Title: a.title, Status: a.status, Progress: a.progress, Start: a.start, End: a.end,
		Indicators: []IndicatorDetail{}}
	for _, f := range a.followups {
		ad.LastFollowup = max(ad.LastFollowup, f.date)
	}
	for _, in := range a.indicators {
		ad.Indicators = append(ad.Indicators, IndicatorDetail{ID: in.id, Name: in.name, Unit: in.unit, Baseline: in.baseline,
			Target: in.target, Latest: in.latest, Measured: in.measured, OnTrack: in.onTrack})
	}
	return ad
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// DimensionCell is one quality dimension in one region.
type DimensionCell struct {
	QualityDimension string `json:"qualityDimension"`
	Summary
}

// CompareRow is one region of a comparison.
type CompareRow struct {
	Row
	Dimensions []DimensionCell `json:"dimensions"`
	Groups     []Group         `json:"groups"`
}

// Comparison sets regions side by side.
type Comparison struct {
	NationalGoals     []Ref        `json:"nationalGoals"`
	QualityDimensions []Ref        `json:"qualityDimensions"`
	Regions           []CompareRow `json:"regions"`
	// Practices counts published good practices per national goal for each region compared
	// (rows in the order of Regions) and for them together, as the dashboard counts them.
	Practices PracticeCounts `json:"practices"`
}

// MaxCompared is how many regions a comparison takes.
const MaxCompared = 15

// Compare sets two or more regions side by side: by national goal and by quality dimension.
func (s *Service) Compare(p accounts.Principal, f Filter) (Comparison, error) {
	v, err := s.viewer(p)
	if err != nil {
		return Comparison{}, err
	}
	w := s.world()
	if err := s.check(v, w, f); err != nil {
		return Comparison{}, err
	}
	regions := slices.Compact(slices.Sorted(slices.Values(f.Regions)))
	if len(regions) < 2 || len(regions) > MaxCompared {
		return Comparison{}, apperr.Invalid("region", "choose from 2 to %d different regions", MaxCompared)
	}
	var dims []Ref
	for _, it := range s.d.Reference.All()[refdata.QualityDimensions] {
		if !it.Archived {
			dims = append(dims, Ref{ID: it.ID, Code: it.Code, Names: it.Names})
		}
	}
	out := Comparison{NationalGoals: w.nationalGoals, QualityDimensions: orEmptyRefs(dims), Regions: []CompareRow{}}
	for _, r := range w.regions { // in the regions' display order
		if !slices.Contains(regions, r.ID) {
			continue
		}
		acc := newAccumulator(w.nationalGoals)
		byDim := map[string]*Summary{}
		for _, d := range dims {
			byDim[d.ID] = &Summary{}
		}
		for _, pl := range w.plans {
			if w.regionOf(pl) != r.ID || !pl.counted() || !f.planMatches(pl) {
				continue
			}
			acc.plans[pl.id] = true
			for _, g := range pl.goals {
				if !f.goalMatches(g) {
					continue
				}
				acc.add(pl, g)
				for _, qd := range g.qualityDimensions {
					if sm, ok := byDim[qd]; ok {
						sm.addGoal(g)
					}
				}
			}
		}
		cells, total := acc.result()
		row := CompareRow{Row: Row{Region: r, Plans: len(acc.plans), Cells: cells, Total: total}, Dimensions: []DimensionCell{}}
		for _, d := range dims {
			byDim[d.ID].close()
			row.Dimensions = append(row.Dimensions, DimensionCell{QualityDimension: d.ID, Summary: *byDim[d.ID]})
		}
		id := r.ID
		row.Groups = s.groups(w, func(region string) bool { return region == id })
		out.Regions = append(out.Regions, row)
	}
	rows := make([]Row, len(out.Regions))
	for i, r := range out.Regions {
		rows[i] = r.Row
	}
	out.Practices = countPractices(w.practices, w, f, rows, func(region string) bool { return slices.Contains(regions, region) })
	return out, nil
}

func orEmptyRefs(r []Ref) []Ref {
	if r == nil {
		return []Ref{}
	}
	return r
}

// TimelineEntry is one follow-up entry of a plan.
type TimelineEntry struct {
	Date        string  `json:"date"`
	Region      Ref     `json:"region"`
	Plan        PlanRef `json:"plan"`
	GoalID      string  `json:"goalId"`
	ActionID    string  `json:"actionId"`
	ActionTitle string  `json:"actionTitle"`
	FollowupID  string  `json:"followupId"`
	Excerpt     string  `json:"excerpt"`
}

// Timeline is the follow-up entries across regions, newest first.
type Timeline struct {
	Entries []TimelineEntry `json:"entries"`
	Total   int             `json:"total"` // before the limit
}

// MaxTimeline is the most entries one timeline answer holds.
const MaxTimeline = 500

// Timeline returns the follow-up entries of the plans under the filter, newest first, at most
// limit of them. Regional readers get their own regions only.
func (s *Service) Timeline(p accounts.Principal, f Filter, limit int) (Timeline, error) {
	v, err := s.viewer(p)
	if err != nil {
		return Timeline{}, err
	}
	w := s.world()
	if err := s.check(v, w, f); err != nil {
		return Timeline{}, err
	}
	if limit <= 0 || limit > MaxTimeline {
		limit = 100
	}
	out := Timeline{Entries: []TimelineEntry{}}
	for _, pl := range w.plans {
		region := w.regionOf(pl)
		if region == "" || !v.sees(region) || !pl.counted() || !f.planMatches(pl) ||
			(len(f.Regions) > 0 && !slices.Contains(f.Regions, region)) {
			continue
		}
		for _, g := range pl.goals {
			if !f.goalMatches(g) {
				continue
			}
			for _, a := range g.actions {
				for _, fu := range a.followups {
					out.Entries = append(out.Entries, TimelineEntry{Date: fu.date, Region: w.regionByID[region], Plan: w.planRef(pl),
						GoalID: g.id, ActionID: a.id, ActionTitle: a.title, FollowupID: fu.id, Excerpt: fu.excerpt})
				}
			}
		}
	}
	sort.Slice(out.Entries, func(i, j int) bool {
		a, b := out.Entries[i], out.Entries[j]
		if a.Date != b.Date {
			return a.Date > b.Date
		}
		if a.Region.Code != b.Region.Code {
			return a.Region.Code < b.Region.Code
		}
		return a.FollowupID < b.FollowupID
	})
	out.Total = len(out.Entries)
	if len(out.Entries) > limit {
		out.Entries = out.Entries[:limit]
	}
	return out, nil
}
