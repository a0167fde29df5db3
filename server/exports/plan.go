// Package exports renders documents and action lists for use outside the workspace: an action
// plan, strategy or situation description as DOCX (editable in Word) and PDF, the same content
// as JSON for the client's print view, and a filtered list of actions as XLSX and CSV. Names of
// national goals, quality dimensions, organisations and statuses come out in the language asked.
//
// Every export reads the documents' working set in memory (the published state, with what open
// rooms accepted) and checks that the person may read what it holds.
package exports

import (
	"strconv"
	"strings"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// Documents is the documents' working set.
type Documents interface {
	Get(p accounts.Principal, id string) (documents.Summary, error)
	Each(f func(documents.Record))
}

// Workspaces names groups and says who reads them.
type Workspaces interface {
	Get(p accounts.Principal, id string) (workspaces.View, error)
	List(p accounts.Principal) []workspaces.View
}

// Reference names items of reference data.
type Reference interface {
	Get(id string) (refdata.Item, bool)
	Is(kind, id string) bool
}

// Organisations names organisations.
type Organisations interface {
	Name(id string) string
}

// Deps are the services the exports read.
type Deps struct {
	Documents     Documents
	Workspaces    Workspaces
	Reference     Reference
	Organisations Organisations
}

// Service builds exports.
type Service struct {
	d   Deps
	now func() time.Time
}

// New makes the service.
func New(d Deps) *Service { return &Service{d: d, now: time.Now} }

// Plan is a document as the exports show it: in display order, every reference named in the
// export's language, numbers formatted. DOCX, PDF and the print view render this one model.
type Plan struct {
	ID          string    `json:"id"`
	Lang        string    `json:"lang"`
	Kind        string    `json:"kind"`     // plans.ActionPlan, ...
	KindName    string    `json:"kindName"` // "Toimintasuunnitelma"
	Title       string    `json:"title"`
	Period      string    `json:"period"`
	Status      string    `json:"status"`
	StatusName  string    `json:"statusName"`
	Workspace   string    `json:"workspace"` // the group's name
	Region      string    `json:"region"`
	Updated     string    `json:"updated"`   // YYYY-MM-DD
	Generated   string    `json:"generated"` // YYYY-MM-DD
	Responsible []string  `json:"responsible"`
	Sections    []Section `json:"sections"` // strategy and situation description
	Values      []Section `json:"values"`   // strategy
	Goals       []Goal    `json:"goals"`    // action plan
	labels      *Labels
}

// Section is a titled text of a strategy or situation description.
type Section struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Goal is a goal of an action plan.
type Goal struct {
	Title             string   `json:"title"`
	Description       string   `json:"description"`
	NationalGoals     []string `json:"nationalGoals"`
	QualityDimensions []string `json:"qualityDimensions"`
	Actions           []Action `json:"actions"`
}

// Action is an action under a goal.
type Action struct {
	Title         string      `json:"title"`
	Description   string      `json:"description"`
	Organisations []string    `json:"organisations"`
	Contact       string      `json:"contact"`
	Start         string      `json:"start"`
	End           string      `json:"end"`
	Status        string      `json:"status"`
	StatusName    string      `json:"statusName"`
	Progress      string      `json:"progress"` // "40 %", "" when not set
	Indicators    []Indicator `json:"indicators"`
	Followups     []Followup  `json:"followups"`
}

// Indicator is how an action's effect is measured.
type Indicator struct {
	Name       string `json:"name"`
	Unit       string `json:"unit"`
	Baseline   string `json:"baseline"`
	Target     string `json:"target"`
	Latest     string `json:"latest"`     // the latest recorded value by date
	LatestDate string `json:"latestDate"` // its date
}

// Followup is a follow-up entry of an action.
type Followup struct {
	Date string `json:"date"`
	Body string `json:"body"`
}

// Labels returns the texts of the plan's language.
func (p *Plan) Labels() *Labels { return p.labels }

// Plan reads a document p may read, in a language (fi, sv, en).
func (s *Service) Plan(p accounts.Principal, id, lang string) (*Plan, error) {
	sum, err := s.d.Documents.Get(p, id)
	if err != nil {
		return nil, err
	}
	lb, err := LabelsFor(lang)
	if err != nil {
		return nil, err
	}
	out := &Plan{ID: sum.ID, Lang: lang, Kind: sum.Kind, KindName: lb.T("documents.kinds." + sum.Kind), Title: sum.Title,
		Period: sum.Period, Status: sum.Status, StatusName: lb.T("documents.statuses." + sum.Status),
		Updated: dateOf(sum.UpdatedAt), Generated: dateOf(s.now()), labels: lb,
		Responsible: []string{}, Sections: []Section{}, Values: []Section{}, Goals: []Goal{}}
	if w, err := s.d.Workspaces.Get(p, sum.WorkspaceID); err == nil {
		out.Workspace = w.Name
		out.Region = s.refName(w.RegionID, lang)
	}
	s.fill(out, &sum.Document)
	return out, nil
}

// fill reads the document's outline into the plan.
func (s *Service) fill(out *Plan, doc *plans.Document) {
	if doc.Nodes == nil {
		return
	}
	root := plans.Outline(doc)
	if root.Node == nil {
		return
	}
	out.Responsible = s.orgNames(root.Node.Fields.Responsible)
	for _, list := range root.Lists {
		for _, it := range list.Items {
			n := it.Node
			switch n.Type {
			case plans.TypeSection:
				out.Sections = append(out.Sections, Section{Title: n.Text["title"], Body: n.Text["body"]})
			case plans.TypeValue:
				out.Values = append(out.Values, Section{Title: n.Text["title"], Body: n.Text["body"]})
			case plans.TypeGoal:
				out.Goals = append(out.Goals, s.goal(it, out.Lang, out.labels))
			}
		}
	}
}

func (s *Service) goal(it plans.OutlineItem, lang string, lb *Labels) Goal {
	n := it.Node
	g := Goal{Title: n.Text["title"], Description: n.Text["description"], NationalGoals: s.refNames(n.Fields.NationalGoals, lang),
		QualityDimensions: s.refNames(n.Fields.QualityDimensions, lang), Actions: []Action{}}
	for _, list := range it.Lists {
		for _, ai := range list.Items {
			if ai.Node.Type == plans.TypeAction {
				g.Actions = append(g.Actions, s.action(ai, lb))
			}
		}
	}
	return g
}

func (s *Service) action(it plans.OutlineItem, lb *Labels) Action {
	n := it.Node
	status := n.Fields.Status
	if status == "" {
		status = plans.ActionPlanned
	}
	a := Action{Title: n.Text["title"], Description: n.Text["description"], Organisations: s.orgNames(n.Fields.Organisations),
		Contact: n.Fields.Contact, Start: n.Fields.Start, End: n.Fields.End, Status: status,
		StatusName: lb.T("editor.actionStatuses." + status), Indicators: []Indicator{}, Followups: []Followup{}}
	if n.Fields.Progress != nil {
		a.Progress = number(*n.Fields.Progress, lb.Lang) + " %"
	}
	for _, list := range it.Lists {
		for _, c := range list.Items {
			m := c.Node
			switch m.Type {
			case plans.TypeIndicator:
				in := Indicator{Name: m.Text["name"], Unit: m.Text["unit"], Baseline: numberPtr(m.Fields.Baseline, lb.Lang),
					Target: numberPtr(m.Fields.Target, lb.Lang)}
				if v, ok := latest(m.Fields.Values); ok {
					in.Latest, in.LatestDate = number(v.Value, lb.Lang), v.Date
				}
				a.Indicators = append(a.Indicators, in)
			case plans.TypeFollowup:
				a.Followups = append(a.Followups, Followup{Date: m.Fields.Date, Body: m.Text["body"]})
			}
		}
	}
	return a
}

// latest is the latest value by date (the last recorded at a tie).
func latest(vs []plans.IndicatorValue) (plans.IndicatorValue, bool) {
	var out plans.IndicatorValue
	for i, v := range vs {
		if i == 0 || v.Date >= out.Date {
			out = v
		}
	}
	return out, len(vs) > 0
}

func (s *Service) refName(id, lang string) string {
	it, ok := s.d.Reference.Get(id)
	if !ok {
		return ""
	}
	switch lang {
	case "sv":
		return it.Names.SV
	case "en":
		return it.Names.EN
	}
	return it.Names.FI
}

func (s *Service) refNames(ids []string, lang string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if n := s.refName(id, lang); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func (s *Service) orgNames(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if n := s.d.Organisations.Name(id); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func dateOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// number formats a figure as the language writes it: a decimal comma in Finnish and Swedish.
func number(v float64, lang string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func numberPtr(v *float64, lang string) string {
	if v == nil {
		return ""
	}
	return number(*v, lang)
}

// Schedule is an action's start and end as one text ("2026-01-01 – 2026-06-30").
func (a Action) Schedule() string {
	switch {
	case a.Start == "" && a.End == "":
		return ""
	case a.End == "":
		return a.Start + " –"
	case a.Start == "":
		return "– " + a.End
	}
	return a.Start + " – " + a.End
}

// FileName is a download name made from the title: letters, digits and dashes, at most 80
// characters, with the extension.
func FileName(title, ext string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == 'ä' || r == 'ö' || r == 'å' || r == 'é' || r == 'ü'
		if ok {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 80 {
			break
		}
	}
	name := strings.Trim(b.String(), "-")
	if name == "" {
		name = "export"
	}
	return name + "." + ext
}
