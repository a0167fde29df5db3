package national

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// The small dataset of these tests, with every figure worked out by hand in the tests below.
//
// Kainuu, plan 2026:
//   G1 (national goal 1; individual needs)
//     A1 done, no progress figure, 2026-01-01..2026-12-31, follow-up 2026-02-10
//        I1 baseline 0, target 10, value 2 on 2026-03-01: done wants all of it -> measured, not on track
//     A2 in progress 40 %, 2026-01-01..2026-12-31
//        I2 baseline 10, target 20, value 16 on 2026-07-02: 182 of 364 days = 0.5 wanted, 0.6 got -> on track
//        I3 no target -> not measured
//   G2 (national goals 1 and 2; TNO processes)
//     A3 no status (planned), no dates
//        I4 no baseline (0), target 5, value 5 on 2026-01-10 -> on track
//     A4 cancelled, 50 % (left out of progress and indicators)
//        I5 target 1, value 0
// Kainuu, plan 2025:  G3 (national goal 3) A5 done 100 %, follow-up 2025-11-01
// Kainuu, archived plan 2026 and a strategy: not counted.
// Etelä-Savo, plan 2026: G4 (national goal 2; individual needs) A6 postponed 10 %, follow-up 2026-05-05

var (
	kainuu   = refdata.DefaultID(refdata.Regions, "kainuu")
	savo     = refdata.DefaultID(refdata.Regions, "etela-savo")
	ng       = func(n int) string { return refdata.DefaultID(refdata.NationalGoals, fmt.Sprint(n)) }
	needs    = refdata.DefaultID(refdata.QualityDimensions, "individual-needs")
	tno      = refdata.DefaultID(refdata.QualityDimensions, "tno-processes")
	ohjaamo  = refdata.DefaultID(refdata.Themes, "ohjaamo")
	today    = time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC)
	wsKainuu = "aaaaaaaaaaaaaaaaaaaaaaa1"
	wsSavo   = "aaaaaaaaaaaaaaaaaaaaaaa2"
	wsNat    = "aaaaaaaaaaaaaaaaaaaaaaa3"
)

func num(x float64) *float64 { return &x }

// planBuilder builds an action plan document node by node.
type planBuilder struct {
	doc *plans.Document
	n   int
}

func newPlan(id, ws, period string, updated time.Time) *planBuilder {
	d := &plans.Document{ID: id, WorkspaceID: ws, Kind: plans.ActionPlan, Title: "Plan " + period, Period: period,
		Status: plans.StatusApproved, Nodes: map[string]*plans.Node{}, UpdatedAt: updated}
	d.Nodes[id] = &plans.Node{ID: id, Type: plans.ActionPlan}
	return &planBuilder{doc: d}
}

func (b *planBuilder) add(parent, list, typ, title string, f plans.Fields) string {
	b.n++
	id := fmt.Sprintf("%s-n%02d", b.doc.ID, b.n)
	text := map[string]string{}
	switch typ {
	case plans.TypeIndicator:
		text["name"] = title
	case plans.TypeFollowup:
		text["body"] = title
	default:
		text["title"] = title
	}
	b.doc.Nodes[id] = &plans.Node{ID: id, Type: typ, Parent: parent, List: list, Pos: fmt.Sprintf("a%d", b.n), Text: text, Fields: f}
	return id
}

func (b *planBuilder) goal(title string, ngs []string, qds []string) string {
	return b.add(b.doc.ID, "goals", plans.TypeGoal, title, plans.Fields{NationalGoals: ngs, QualityDimensions: qds})
}

func (b *planBuilder) action(goal, title string, f plans.Fields) string {
	return b.add(goal, "actions", plans.TypeAction, title, f)
}

func (b *planBuilder) indicator(action, name string, f plans.Fields) string {
	return b.add(action, "indicators", plans.TypeIndicator, name, f)
}

func (b *planBuilder) followup(action, date, body string) string {
	return b.add(action, "followups", plans.TypeFollowup, body, plans.Fields{Date: date})
}

func (b *planBuilder) record() documents.Record { return documents.Record{Document: *b.doc} }

func values(date string, v float64) []plans.IndicatorValue {
	return []plans.IndicatorValue{{Date: date, Value: v}}
}

// kainuu2026 is built apart: the live tests change it.
func kainuu2026() *planBuilder {
	b := newPlan("kainuu-2026", wsKainuu, "2026", today.AddDate(0, 0, -21))
	g1 := b.goal("Ohjaus saavutettavaksi", []string{ng(1)}, []string{needs})
	a1 := b.action(g1, "Ohjaamon jalkautuminen", plans.Fields{Status: plans.ActionDone, Start: "2026-01-01", End: "2026-12-31"})
	b.indicator(a1, "Käynnit", plans.Fields{Baseline: num(0), Target: num(10), Values: values("2026-03-01", 2)})
	b.followup(a1, "2026-02-10", "Aloitettu kolmessa kunnassa.")
	a2 := b.action(g1, "Chat-ohjaus", plans.Fields{Status: plans.ActionInProgress, Progress: num(40), Start: "2026-01-01", End: "2026-12-31"})
	b.indicator(a2, "Keskustelut", plans.Fields{Baseline: num(10), Target: num(20), Values: values("2026-07-02", 16)})
	b.indicator(a2, "Tyytyväisyys", plans.Fields{Baseline: num(3)})
	g2 := b.goal("Koordinoitu ohjaus", []string{ng(1), ng(2)}, []string{tno})
	b.doc.Nodes[g2].Fields.Themes = []string{ohjaamo} // the one goal with a theme
	a3 := b.action(g2, "Verkostotapaamiset", plans.Fields{})
	b.indicator(a3, "Tapaamiset", plans.Fields{Target: num(5), Values: values("2026-01-10", 5)})
	a4 := b.action(g2, "Lakkautettu kokeilu", plans.Fields{Status: plans.ActionCancelled, Progress: num(50)})
	b.indicator(a4, "Osallistujat", plans.Fields{Target: num(1), Values: values("2026-01-10", 0)})
	return b
}

func dataset() []documents.Record {
	k25 := newPlan("kainuu-2025", wsKainuu, "2025", time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC))
	g3 := k25.goal("Osaaminen", []string{ng(3)}, nil)
	a5 := k25.action(g3, "Koulutus", plans.Fields{Status: plans.ActionDone, Progress: num(100)})
	k25.followup(a5, "2025-11-01", "Koulutus pidetty.")

	archived := newPlan("kainuu-old", wsKainuu, "2026", today.AddDate(0, 0, -30))
	ga := archived.goal("Vanha", []string{ng(1)}, nil)
	archived.action(ga, "Vanha toimenpide", plans.Fields{Status: plans.ActionDone})
	arch := archived.record()
	arch.Archived = true

	strategy := documents.Record{Document: plans.Document{ID: "kainuu-strategy", WorkspaceID: wsKainuu, Kind: plans.Strategy,
		Title: "Strategia", Period: "2025–2028", Status: plans.StatusApproved, UpdatedAt: today.AddDate(0, 0, -5),
		Nodes: map[string]*plans.Node{"kainuu-strategy": {ID: "kainuu-strategy", Type: plans.Strategy}}}}

	es := newPlan("savo-2026", wsSavo, "2026", time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	g4 := es.goal("Urataidot", []string{ng(2)}, []string{needs})
	a6 := es.action(g4, "Urapaja", plans.Fields{Status: plans.ActionPostponed, Progress: num(10)})
	es.followup(a6, "2026-05-05", "Siirretty syksyyn.")

	return []documents.Record{kainuu2026().record(), k25.record(), arch, strategy, es.record()}
}

// --- the inputs: small stand-ins for the documents' working set and the workspaces ----------

type docsStub struct {
	records  []documents.Record
	watchers []documents.Published
}

func (d *docsStub) Each(f func(documents.Record)) {
	for _, r := range d.records {
		f(r)
	}
}
func (d *docsStub) OnPublish(f documents.Published) { d.watchers = append(d.watchers, f) }
func (d *docsStub) publish(r documents.Record) {
	for _, w := range d.watchers {
		w(r)
	}
}

type wsStub struct {
	all      []workspaces.Workspace
	roles    map[string]map[string]string // user -> workspace -> role
	activity map[string]time.Time
}

func (w *wsStub) List(p accounts.Principal) []workspaces.View {
	var out []workspaces.View
	for _, x := range w.all {
		if _, ok := w.roles[p.UserID][x.ID]; ok || p.IsAdmin || w.IsNational(p.UserID) {
			out = append(out, workspaces.View{Workspace: x})
		}
	}
	return out
}
func (w *wsStub) IsNational(userID string) bool {
	_, ok := w.roles[userID][wsNat]
	return ok
}
func (w *wsStub) Roles(userID string) map[string]string { return w.roles[userID] }
func (w *wsStub) Feed(p accounts.Principal, id string, before int64, limit int) ([]workspaces.Activity, int64, error) {
	if at, ok := w.activity[id]; ok {
		return []workspaces.Activity{{WorkspaceID: id, At: at}}, 0, nil
	}
	return nil, 0, nil
}

// memItems is an in-memory table for the real reference data service.
type memItems struct{ items []refdata.Item }

func (m *memItems) All(context.Context) ([]refdata.Item, error) { return m.items, nil }
func (m *memItems) Insert(_ context.Context, it refdata.Item) error {
	m.items = append(m.items, it)
	return nil
}
func (m *memItems) Replace(context.Context, string, int, refdata.Item) error {
	return nil
}
func (m *memItems) Delete(context.Context, string) error { return nil }

var (
	nationalUser = accounts.Principal{UserID: "national"}
	savoUser     = accounts.Principal{UserID: "savo"}
	stranger     = accounts.Principal{UserID: "stranger"}
	admin        = accounts.Principal{UserID: "admin", IsAdmin: true}
)

func newService(t *testing.T) (*Service, *docsStub) {
	t.Helper()
	return newServiceWith(t, nil)
}

// newServiceWith is newService reading practices from a library (nil: none).
func newServiceWith(t *testing.T, lib Practices) (*Service, *docsStub) {
	t.Helper()
	ref := refdata.New(&memItems{})
	if err := ref.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	docs := &docsStub{records: dataset()}
	ws := &wsStub{
		all: []workspaces.Workspace{
			{ID: wsKainuu, Name: "ELO-ryhmä Kainuu", Kind: workspaces.Regional, RegionID: kainuu},
			{ID: wsSavo, Name: "ELO-ryhmä Etelä-Savo", Kind: workspaces.Regional, RegionID: savo},
			{ID: wsNat, Name: "Valtakunnallinen ELO-ryhmä", Kind: workspaces.National},
		},
		roles: map[string]map[string]string{
			"national": {wsNat: workspaces.RoleMember},
			"savo":     {wsSavo: workspaces.RoleMember},
		},
		activity: map[string]time.Time{wsKainuu: today.AddDate(0, 0, -10), wsSavo: today.AddDate(0, 0, -100)},
	}
	s := New(Deps{Documents: docs, Workspaces: ws, Reference: ref, Practices: lib})
	s.now = func() time.Time { return today }
	s.Start()
	t.Cleanup(s.Close)
	return s, docs
}

func row(t *testing.T, d Dashboard, region string) Row {
	t.Helper()
	for _, r := range d.Rows {
		if r.Region.ID == region {
			return r
		}
	}
	t.Fatalf("no row for %s", region)
	return Row{}
}

func cell(t *testing.T, cells []Cell, nationalGoal string) Summary {
	t.Helper()
	for _, c := range cells {
		if c.NationalGoal == nationalGoal {
			return c.Summary
		}
	}
	t.Fatalf("no cell for %s", nationalGoal)
	return Summary{}
}

// want compares the exported figures of a summary.
func want(t *testing.T, what string, got Summary, exp Summary) {
	t.Helper()
	got.progressSum, got.progressN = 0, 0
	g, _ := json.Marshal(got)
	e, _ := json.Marshal(exp)
	if string(g) != string(e) {
		t.Errorf("%s:\n got  %s\n want %s", what, g, e)
	}
}

func TestTheMatrixAddsUpPlanGoalsActionsStatusesProgressAndIndicators(t *testing.T) {
	s, _ := newService(t)
	d, err := s.Dashboard(nationalUser, Filter{Periods: []string{"2026"}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Scope != ScopeNational || len(d.Rows) != 15 || len(d.NationalGoals) != 5 {
		t.Fatalf("scope %s, %d rows, %d national goals", d.Scope, len(d.Rows), len(d.NationalGoals))
	}
	if got := fmt.Sprint(d.Periods); got != "[2025 2026]" {
		t.Errorf("periods %s (the archived plan and the strategy have none of their own)", got)
	}
	k := row(t, d, kainuu)
	kainuuNG1 := Summary{Goals: 2, Actions: 4, Status: StatusCounts{Planned: 1, InProgress: 1, Done: 1, Cancelled: 1},
		Progress: num(46.7), Indicators: 4, Measured: 3, OnTrack: 2, LastFollowup: "2026-02-10"}
	want(t, "Kainuu, national goal 1", cell(t, k.Cells, ng(1)), kainuuNG1)
	want(t, "Kainuu, national goal 2", cell(t, k.Cells, ng(2)), Summary{Goals: 1, Actions: 2,
		Status: StatusCounts{Planned: 1, Cancelled: 1}, Progress: num(0), Indicators: 1, Measured: 1, OnTrack: 1})
	want(t, "Kainuu, national goal 3 (the 2025 plan is another period)", cell(t, k.Cells, ng(3)), Summary{})
	want(t, "Kainuu total (G2 once)", k.Total, kainuuNG1)
	if k.Plans != 1 {
		t.Errorf("Kainuu counts %d plans, want 1 (not the archived one, not the strategy)", k.Plans)
	}
	es := row(t, d, savo)
	savoNG2 := Summary{Goals: 1, Actions: 1, Status: StatusCounts{Postponed: 1}, Progress: num(10), LastFollowup: "2026-05-05"}
	want(t, "Etelä-Savo, national goal 2", cell(t, es.Cells, ng(2)), savoNG2)
	want(t, "Etelä-Savo total", es.Total, savoNG2)
	want(t, "an empty region", row(t, d, refdata.DefaultID(refdata.Regions, "lappi")).Total, Summary{})

	want(t, "national total, goal 2", cell(t, d.Totals.Cells, ng(2)), Summary{Goals: 2, Actions: 3,
		Status: StatusCounts{Planned: 1, Postponed: 1, Cancelled: 1}, Progress: num(5), Indicators: 1, Measured: 1, OnTrack: 1,
		LastFollowup: "2026-05-05"})
	want(t, "national total", d.Totals.Total, Summary{Goals: 3, Actions: 5,
		Status: StatusCounts{Planned: 1, InProgress: 1, Done: 1, Postponed: 1, Cancelled: 1}, Progress: num(37.5),
		Indicators: 4, Measured: 3, OnTrack: 2, LastFollowup: "2026-05-05"})
	if d.Totals.Regions != 2 || d.Totals.Plans != 2 {
		t.Errorf("totals over %d regions and %d plans, want 2 and 2", d.Totals.Regions, d.Totals.Plans)
	}

	// Every period: the 2025 plan joins.
	all, err := s.Dashboard(admin, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	want(t, "Kainuu, national goal 3, every period", cell(t, row(t, all, kainuu).Cells, ng(3)), Summary{Goals: 1, Actions: 1,
		Status: StatusCounts{Done: 1}, Progress: num(100), LastFollowup: "2025-11-01"})
}

func TestFiltersNarrowGoalsAndRows(t *testing.T) {
	s, _ := newService(t)
	d, err := s.Dashboard(nationalUser, Filter{Periods: []string{"2026"}, QualityDimensions: []string{tno}})
	if err != nil {
		t.Fatal(err)
	}
	g2 := Summary{Goals: 1, Actions: 2, Status: StatusCounts{Planned: 1, Cancelled: 1}, Progress: num(0), Indicators: 1, Measured: 1, OnTrack: 1}
	want(t, "Kainuu, goal 1, TNO processes only", cell(t, row(t, d, kainuu).Cells, ng(1)), g2)
	want(t, "Etelä-Savo, TNO processes only", row(t, d, savo).Total, Summary{})

	d, err = s.Dashboard(nationalUser, Filter{Regions: []string{savo}})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Rows) != 1 || d.Rows[0].Region.ID != savo || d.Totals.Total.Goals != 1 {
		t.Errorf("region filter: %d rows, totals over %d goals; want Etelä-Savo alone", len(d.Rows), d.Totals.Total.Goals)
	}
	if len(d.Groups) != 1 || d.Groups[0].WorkspaceID != wsSavo {
		t.Errorf("groups %+v, want Etelä-Savo's", d.Groups)
	}
}

func TestThemeFilterKeepsTheGoalsWithTheTheme(t *testing.T) {
	s, _ := newService(t)
	d, err := s.Dashboard(nationalUser, Filter{Themes: []string{ohjaamo}})
	if err != nil {
		t.Fatal(err)
	}
	g2 := Summary{Goals: 1, Actions: 2, Status: StatusCounts{Planned: 1, Cancelled: 1}, Progress: num(0), Indicators: 1, Measured: 1, OnTrack: 1}
	want(t, "Kainuu, goal 1, Ohjaamo theme only", cell(t, row(t, d, kainuu).Cells, ng(1)), g2)
	want(t, "Kainuu, goal 2, Ohjaamo theme only", cell(t, row(t, d, kainuu).Cells, ng(2)), g2)
	want(t, "Etelä-Savo has no goal with the theme", row(t, d, savo).Total, Summary{})
	if d.Totals.Total.Goals != 1 {
		t.Errorf("totals over %d goals, want the one with the theme", d.Totals.Total.Goals)
	}
}

func TestRegionalMembersSeeTheirRegionAgainstAnonymousTotals(t *testing.T) {
	s, _ := newService(t)
	d, err := s.Dashboard(savoUser, Filter{Periods: []string{"2026"}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Scope != ScopeRegional || len(d.Rows) != 1 || d.Rows[0].Region.ID != savo {
		t.Fatalf("scope %s, rows %v", d.Scope, d.Rows)
	}
	if d.Totals.Total.Goals != 3 || d.Totals.Regions != 2 {
		t.Errorf("totals over %d goals in %d regions, want the whole country's 3 in 2", d.Totals.Total.Goals, d.Totals.Regions)
	}
	b, _ := json.Marshal(d)
	for _, secret := range []string{"Kainuu", wsKainuu, kainuu} {
		if strings.Contains(string(b), secret) {
			t.Errorf("the regional view names %q", secret)
		}
	}
	if _, err := s.Dashboard(savoUser, Filter{Regions: []string{kainuu}}); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("another region: %v, want forbidden", err)
	}
	if _, err := s.Dashboard(stranger, Filter{}); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("someone in no group: %v, want forbidden", err)
	}
	tl, err := s.Timeline(savoUser, Filter{}, 0)
	if err != nil || tl.Total != 1 || tl.Entries[0].Date != "2026-05-05" {
		t.Errorf("regional timeline %+v %v, want Etelä-Savo's one entry", tl, err)
	}
	if _, err := s.Cell(savoUser, ng(1), Filter{Regions: []string{kainuu}}); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("another region's cell: %v, want forbidden", err)
	}
	if !s.CanView(savoUser) || s.CanView(stranger) {
		t.Error("CanView disagrees with the dashboard")
	}
}

func TestUnknownFiltersAreRefused(t *testing.T) {
	s, _ := newService(t)
	for _, f := range []Filter{
		{Periods: []string{"2030"}},
		{Regions: []string{ng(1)}}, // an id, but not a region
		{Regions: []string{"not-an-id"}},
		{QualityDimensions: []string{kainuu}},
		{Themes: []string{needs}},
	} {
		if _, err := s.Dashboard(nationalUser, f); !apperr.Is(err, apperr.UnknownFilter) {
			t.Errorf("%+v: %v, want unknown_filter", f, err)
		}
	}
	if _, err := s.Cell(nationalUser, kainuu, Filter{Regions: []string{kainuu}}); !apperr.Is(err, apperr.UnknownFilter) {
		t.Errorf("a region as national goal: %v", err)
	}
	if _, err := s.Compare(nationalUser, Filter{Regions: []string{kainuu}}); !apperr.Is(err, apperr.InvalidField) {
		t.Errorf("compare one region: %v", err)
	}
}

func TestCellDrillDownListsTheGoalsAndActionsBehindIt(t *testing.T) {
	s, _ := newService(t)
	c, err := s.Cell(nationalUser, ng(1), Filter{Periods: []string{"2026"}, Regions: []string{kainuu}})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Goals) != 2 || c.Goals[0].Title != "Ohjaus saavutettavaksi" || c.Goals[0].Plan.ID != "kainuu-2026" ||
		c.Goals[0].Plan.WorkspaceID != wsKainuu || c.Goals[0].Plan.WorkspaceName != "ELO-ryhmä Kainuu" {
		t.Fatalf("goals %+v", c.Goals)
	}
	a2 := c.Goals[0].Actions[1]
	if a2.Title != "Chat-ohjaus" || !a2.Indicators[0].Measured || !a2.Indicators[0].OnTrack || a2.Indicators[1].Measured {
		t.Errorf("A2 %+v", a2)
	}
	a1 := c.Goals[0].Actions[0]
	if a1.LastFollowup != "2026-02-10" || a1.Indicators[0].OnTrack {
		t.Errorf("A1 %+v", a1)
	}
	if c.Summary.Goals != 2 || c.Summary.OnTrack != 2 {
		t.Errorf("summary %+v", c.Summary)
	}
}

func TestCompareAndTimeline(t *testing.T) {
	s, _ := newService(t)
	cmp, err := s.Compare(nationalUser, Filter{Periods: []string{"2026"}, Regions: []string{savo, kainuu}})
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp.Regions) != 2 || cmp.Regions[0].Region.ID != savo || cmp.Regions[1].Region.ID != kainuu { // display order
		t.Fatalf("regions %+v", cmp.Regions)
	}
	for _, dc := range cmp.Regions[1].Dimensions {
		if dc.QualityDimension == needs {
			want(t, "Kainuu, individual needs", dc.Summary, Summary{Goals: 1, Actions: 2,
				Status: StatusCounts{InProgress: 1, Done: 1}, Progress: num(70), Indicators: 3, Measured: 2, OnTrack: 1,
				LastFollowup: "2026-02-10"})
		}
	}
	tl, err := s.Timeline(nationalUser, Filter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, e := range tl.Entries {
		dates = append(dates, e.Date+" "+e.Region.Code)
	}
	if got := fmt.Sprint(dates); got != "[2026-05-05 etela-savo 2026-02-10 kainuu 2025-11-01 kainuu]" {
		t.Errorf("timeline %s", got)
	}
}

func TestQuietGroups(t *testing.T) {
	s, _ := newService(t)
	d, err := s.Dashboard(admin, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Groups) != 2 || d.Groups[0].WorkspaceID != wsSavo || !d.Groups[0].Quiet || d.Groups[1].Quiet {
		t.Fatalf("groups %+v: want Etelä-Savo quiet (last sign 100 days ago), Kainuu active", d.Groups)
	}
	if got, exp := d.Groups[0].LastSeen, today.AddDate(0, 0, -100); !got.Equal(exp) {
		t.Errorf("Etelä-Savo last seen %s, want its last activity on %s", got, exp)
	}
	if got := d.Groups[1].LastSeen.Format(time.DateOnly); got != "2026-11-17" {
		t.Errorf("Kainuu last seen %s, want its strategy's change on 2026-11-17", got)
	}
}

func TestOnTrackRule(t *testing.T) {
	year := action{status: plans.ActionInProgress, start: "2026-01-01", end: "2027-01-01"} // 365 days
	for _, c := range []struct {
		name              string
		in                indicator
		a                 action
		measured, onTrack bool
	}{
		{"no target", indicator{latest: &plans.IndicatorValue{Date: "2026-07-02", Value: 5}}, year, false, false},
		{"no value", indicator{target: num(10)}, year, false, false},
		{"half way at half time", indicator{target: num(10), latest: &plans.IndicatorValue{Date: "2026-07-02", Value: 5}}, year, true, true},
		{"behind at half time", indicator{target: num(10), latest: &plans.IndicatorValue{Date: "2026-07-02", Value: 4}}, year, true, false},
		{"a falling target", indicator{baseline: num(30), target: num(10), latest: &plans.IndicatorValue{Date: "2026-07-02", Value: 19}}, year, true, true},
		{"rising while it should fall", indicator{baseline: num(30), target: num(10), latest: &plans.IndicatorValue{Date: "2026-07-02", Value: 31}}, year, true, false},
		{"before the start", indicator{target: num(10), latest: &plans.IndicatorValue{Date: "2025-12-01", Value: 0}}, year, true, true},
		{"done wants the target", indicator{target: num(10), latest: &plans.IndicatorValue{Date: "2026-02-01", Value: 9}}, action{status: plans.ActionDone}, true, false},
		{"no period wants the target", indicator{target: num(10), latest: &plans.IndicatorValue{Date: "2026-02-01", Value: 10}}, action{}, true, true},
	} {
		m, on := judge(c.in, c.a)
		if m != c.measured || on != c.onTrack {
			t.Errorf("%s: measured %v on track %v, want %v %v", c.name, m, on, c.measured, c.onTrack)
		}
	}
}

func TestAStatusChangeIsNoticedAndTypingIsNot(t *testing.T) {
	s, docs := newService(t)
	heard := make(chan Change, 10)
	s.OnChange(func(c Change) { heard <- c })
	before := s.Version()

	// Typing in a goal's title changes no aggregate: no new version.
	b := kainuu2026()
	b.doc.Nodes["kainuu-2026-n01"].Text = map[string]string{"title": "Ohjaus kaikkien saataville"}
	docs.publish(b.record())

	// The status of A3 (planned) becomes done: one new version.
	b = kainuu2026()
	n := *b.doc.Nodes["kainuu-2026-n09"]
	n.Fields.Status = plans.ActionDone
	b.doc.Nodes[n.ID] = &n
	docs.publish(b.record())
	for c := range heard {
		if c.Version > before {
			if c.Version != before+1 {
				t.Errorf("version %d after %d: the title change counted too", c.Version, before)
			}
			break
		}
	}
	d, err := s.Dashboard(nationalUser, Filter{Periods: []string{"2026"}, Regions: []string{kainuu}})
	if err != nil {
		t.Fatal(err)
	}
	if got := cell(t, d.Rows[0].Cells, ng(2)).Status; got != (StatusCounts{Done: 1, Cancelled: 1}) {
		t.Errorf("national goal 2 statuses after the change: %+v", got)
	}
}
