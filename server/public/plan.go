package public

import (
	"time"

	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
)

// PlanSummary is a published document with its figures, as a region's list shows it.
type PlanSummary struct {
	ID        string    `json:"id"`
	Kind      string    `json:"kind"` // action_plan, strategy, situation
	Title     string    `json:"title"`
	Period    string    `json:"period"`
	Status    string    `json:"status"` // approved, followed_up, closed
	Group     Group     `json:"group"`
	RegionID  string    `json:"regionId"`
	UpdatedAt time.Time `json:"updatedAt"`
	Figures   Figures   `json:"figures"`
}

// Figures sum an action plan's goals (zero for other kinds).
type Figures struct {
	Goals      int            `json:"goals"`
	Actions    int            `json:"actions"`
	Statuses   map[string]int `json:"statuses"`   // action status -> how many (an action without one counts as planned)
	Progress   *float64       `json:"progress"`   // mean progress of the actions that are not cancelled, 0-100; null without any
	Indicators int            `json:"indicators"` // indicators of the actions
	Measured   int            `json:"measured"`   // with a target and at least one value
	Reached    int            `json:"reached"`    // measured, and the latest value has reached the target
}

// Plan is one published document.
type Plan struct {
	PlanSummary
	Responsible []string  `json:"responsible"` // a strategy's responsible organisations, by name
	Sections    []Section `json:"sections"`    // strategy and situation description
	Values      []Section `json:"values"`      // strategy
	Goals       []Goal    `json:"goals"`       // action plan
}

// Section is a titled text of a strategy or a situation description.
type Section struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Goal is a plan goal.
type Goal struct {
	ID                string   `json:"id"`
	Title             string   `json:"title"`
	Description       string   `json:"description"`
	NationalGoals     []Ref    `json:"nationalGoals"`
	QualityDimensions []Ref    `json:"qualityDimensions"`
	Themes            []Ref    `json:"themes"`
	Actions           []Action `json:"actions"`
}

// Action is an action under a goal. Its contact person and follow-up entries are not public.
type Action struct {
	ID            string      `json:"id"`
	Title         string      `json:"title"`
	Description   string      `json:"description"`
	Status        string      `json:"status"`
	Progress      *float64    `json:"progress"`
	Start         string      `json:"start"`
	End           string      `json:"end"`
	Organisations []string    `json:"organisations"` // by name
	Indicators    []Indicator `json:"indicators"`
}

// Indicator is how an action's effect is measured: its baseline, target and latest value (the
// notes on values are not public).
type Indicator struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Unit     string   `json:"unit"`
	Baseline *float64 `json:"baseline"`
	Target   *float64 `json:"target"`
	Latest   *Value   `json:"latest"`
	Reached  *bool    `json:"reached"` // null when not measured (no target or no value)
}

// Value is a recorded value of an indicator.
type Value struct {
	Date  string  `json:"date"`
	Value float64 `json:"value"`
}

func (s *Service) plan(r documents.Record, g group) Plan {
	p := Plan{PlanSummary: PlanSummary{ID: r.ID, Kind: r.Kind, Title: r.Title, Period: r.Period, Status: r.Status,
		Group: Group{ID: g.id, Name: g.name}, RegionID: g.region, UpdatedAt: r.UpdatedAt,
		Figures: Figures{Statuses: map[string]int{}}},
		Responsible: []string{}, Sections: []Section{}, Values: []Section{}, Goals: []Goal{}}
	if r.Nodes == nil || r.Root() == nil {
		return p
	}
	root := plans.Outline(&r.Document)
	p.Responsible = s.orgNames(root.Node.Fields.Responsible)
	for _, list := range root.Lists {
		for _, it := range list.Items {
			n := it.Node
			switch n.Type {
			case plans.TypeSection:
				p.Sections = append(p.Sections, Section{ID: n.ID, Title: n.Text["title"], Body: n.Text["body"]})
			case plans.TypeValue:
				p.Values = append(p.Values, Section{ID: n.ID, Title: n.Text["title"], Body: n.Text["body"]})
			case plans.TypeGoal:
				p.Goals = append(p.Goals, s.goal(it))
			}
		}
	}
	p.Figures = figures(p.Goals)
	return p
}

func (s *Service) goal(gi plans.OutlineItem) Goal {
	n := gi.Node
	g := Goal{ID: n.ID, Title: n.Text["title"], Description: n.Text["description"], NationalGoals: s.refs(n.Fields.NationalGoals),
		QualityDimensions: s.refs(n.Fields.QualityDimensions), Themes: s.refs(n.Fields.Themes), Actions: []Action{}}
	for _, list := range gi.Lists {
		if list.Name != "actions" {
			continue
		}
		for _, ai := range list.Items {
			g.Actions = append(g.Actions, s.action(ai))
		}
	}
	return g
}

func (s *Service) action(ai plans.OutlineItem) Action {
	n := ai.Node
	a := Action{ID: n.ID, Title: n.Text["title"], Description: n.Text["description"], Status: n.Fields.Status,
		Progress: n.Fields.Progress, Start: n.Fields.Start, End: n.Fields.End, Organisations: s.orgNames(n.Fields.Organisations),
		Indicators: []Indicator{}}
	if a.Status == "" {
		a.Status = plans.ActionPlanned
	}
	for _, list := range ai.Lists {
		if list.Name != "indicators" {
			continue // follow-up entries are the group's minutes, not public
		}
		for _, ii := range list.Items {
			m := ii.Node
			in := Indicator{ID: m.ID, Name: m.Text["name"], Unit: m.Text["unit"], Baseline: m.Fields.Baseline, Target: m.Fields.Target}
			for _, v := range m.Fields.Values {
				if in.Latest == nil || v.Date >= in.Latest.Date {
					in.Latest = &Value{Date: v.Date, Value: v.Value} // the note stays private
				}
			}
			if in.Target != nil && in.Latest != nil {
				reached := reachedTarget(in)
				in.Reached = &reached
			}
			a.Indicators = append(a.Indicators, in)
		}
	}
	return a
}

// reachedTarget: the latest value is at the target or beyond it, in the direction from the
// baseline (0 when not set) to the target.
func reachedTarget(in Indicator) bool {
	b := 0.0
	if in.Baseline != nil {
		b = *in.Baseline
	}
	if *in.Target >= b {
		return in.Latest.Value >= *in.Target
	}
	return in.Latest.Value <= *in.Target
}

func (s *Service) orgNames(ids []string) []string {
	out := []string{}
	for _, id := range ids {
		if name := s.d.Organisations.Name(id); name != "" {
			out = append(out, name)
		}
	}
	return out
}

func figures(goals []Goal) Figures {
	f := Figures{Statuses: map[string]int{}}
	sum, counted := 0.0, 0
	for _, g := range goals {
		f.Goals++
		for _, a := range g.Actions {
			f.Actions++
			f.Statuses[a.Status]++
			if a.Status != plans.ActionCancelled {
				switch {
				case a.Progress != nil:
					sum += *a.Progress
				case a.Status == plans.ActionDone:
					sum += 100
				}
				counted++
			}
			for _, in := range a.Indicators {
				f.Indicators++
				if in.Reached != nil {
					f.Measured++
					if *in.Reached {
						f.Reached++
					}
				}
			}
		}
	}
	if counted > 0 {
		m := sum / float64(counted)
		f.Progress = &m
	}
	return f
}
