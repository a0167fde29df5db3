package e2e

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

type nationalSummary struct {
	Goals, Actions int
	Status         map[string]int
	Progress       *float64
	Indicators     int
	Measured       int
	OnTrack        int
	LastFollowup   string
}

type nationalDashboard struct {
	Scope         string
	Version       uint64
	Periods       []string
	NationalGoals []struct{ ID string }
	Rows          []struct {
		Region struct{ ID, Code string }
		Plans  int
		Cells  []struct {
			NationalGoal string
			nationalSummary
		}
		Total nationalSummary
	}
	Totals struct {
		Regions, Plans int
		Total          nationalSummary
	}
	Groups []struct {
		WorkspaceID string
		Quiet       bool
	}
}

func (d nationalDashboard) cell(t *testing.T, regionCode, nationalGoal string) nationalSummary {
	t.Helper()
	for _, r := range d.Rows {
		if r.Region.Code != regionCode {
			continue
		}
		for _, c := range r.Cells {
			if c.NationalGoal == nationalGoal {
				return c.nationalSummary
			}
		}
	}
	t.Fatalf("no cell %s × %s", regionCode, nationalGoal)
	return nationalSummary{}
}

func (w *world) dashboard(s session, query string) nationalDashboard {
	w.t.Helper()
	var d nationalDashboard
	w.must(200, "GET", "/api/v1/national/dashboard?"+query, s.Token, nil).json(w.t, &d)
	return d
}

// setFields changes fields of nodes through the document's websocket, as the editor does, and
// waits for the acknowledgement.
func setFields(t *testing.T, ed *editor, rev int64, id string, sets ...map[string]any) int64 {
	t.Helper()
	ops := make([]any, len(sets))
	for i, s := range sets {
		s["t"] = "set"
		ops[i] = s
	}
	ed.send(map[string]any{"type": "change", "rev": rev, "id": id, "ops": ops})
	ed.untilRev(rev + 1)
	return rev + 1
}

func TestTheNationalDashboardFollowsAPlanLive(t *testing.T) {
	w := newWorld(t)
	ng1 := refdata.DefaultID(refdata.NationalGoals, "1")
	id := w.createPlan(w.coord)
	ed := w.open(w.coord, id)
	ed.send(map[string]any{"type": "join", "rev": 0})
	var snap docView
	if err := json.Unmarshal(ed.next("snapshot").Doc, &snap); err != nil {
		t.Fatal(err)
	}
	goal, action := snap.firstOfType("goal"), snap.firstOfType("action")
	rev := setFields(t, ed, snap.Revision, "link", map[string]any{"node": goal.ID, "field": "nationalGoals", "value": []string{ng1}},
		map[string]any{"node": action.ID, "field": "status", "value": "in_progress"},
		map[string]any{"node": action.ID, "field": "progress", "value": 30})

	// The national group's member watches the national topic.
	tab := w.listen(w.nationalMember)
	tab.send(`{"type":"subscribe","topics":["national"]}`)
	tab.next("subscribed")
	wantCell := func(status string, progress float64) bool {
		c := w.dashboard(w.nationalMember, "period=2026").cell(t, "kainuu", ng1)
		return c.Goals == 1 && c.Actions == 1 && c.Status[status] == 1 && c.Progress != nil && *c.Progress == progress
	}
	// Folding the linked goal in may come after the acknowledgement: its notice says when.
	for !wantCell("in_progress", 30) {
		if e := tab.next("event"); e.Topic != "national" || e.Kind != "changed" {
			t.Fatalf("event %s", e.Raw)
		}
	}

	// A member marks the action done in the plan; the dashboard hears of it without asking.
	setFields(t, ed, rev, "done", map[string]any{"node": action.ID, "field": "status", "value": "done"},
		map[string]any{"node": action.ID, "field": "progress", "value": nil})
	for {
		e := tab.next("event")
		var data struct{ Version uint64 }
		if err := json.Unmarshal(mustField(t, e.Raw, "data"), &data); err != nil || data.Version == 0 {
			t.Fatalf("event without a version: %s", e.Raw)
		}
		if wantCell("done", 100) {
			break
		}
	}

	// Drill down: the goal behind the cell, with the link to its plan.
	var cell struct {
		Goals []struct {
			Plan    struct{ ID, WorkspaceID string }
			ID      string
			Actions []struct{ ID, Status string }
		}
	}
	w.must(200, "GET", "/api/v1/national/cell?nationalGoal="+ng1+"&region="+refdata.DefaultID(refdata.Regions, "kainuu"),
		w.nationalMember.Token, nil).json(t, &cell)
	if len(cell.Goals) != 1 || cell.Goals[0].Plan.ID != id || cell.Goals[0].Plan.WorkspaceID != w.kainuu ||
		cell.Goals[0].ID != goal.ID || cell.Goals[0].Actions[0].Status != "done" {
		t.Errorf("cell %+v", cell)
	}

	// A regional member may listen too: they see their own region against the totals.
	other := w.listen(w.savoMember)
	other.send(`{"type":"subscribe","topics":["national"]}`)
	other.next("subscribed")
}

func mustField(t *testing.T, raw json.RawMessage, name string) json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m[name]
}

func TestRegionalMembersSeeTheirOwnRegionAgainstAnonymousTotals(t *testing.T) {
	w := newWorld(t)
	w.createPlan(w.coord)
	var savoPlan struct{ ID string }
	w.must(201, "POST", "/api/v1/workspaces/"+w.savo+"/documents", w.savoMember.Token,
		map[string]string{"kind": "action_plan", "title": "Etelä-Savon toimintasuunnitelma", "period": "2026"}).json(t, &savoPlan)

	all := w.dashboard(w.nationalMember, "")
	if all.Scope != "national" || len(all.Rows) != 15 || all.Totals.Plans != 2 || all.Totals.Regions != 2 {
		t.Errorf("national view: scope %s, %d rows, totals over %d plans in %d regions", all.Scope, len(all.Rows), all.Totals.Plans, all.Totals.Regions)
	}
	res := w.must(200, "GET", "/api/v1/national/dashboard", w.savoMember.Token, nil)
	var own nationalDashboard
	res.json(t, &own)
	if own.Scope != "regional" || len(own.Rows) != 1 || own.Rows[0].Region.Code != "etela-savo" || own.Totals.Plans != 2 {
		t.Errorf("regional view: scope %s, rows %+v, totals over %d plans", own.Scope, own.Rows, own.Totals.Plans)
	}
	for _, secret := range []string{"Kainuu", w.kainuu, refdata.DefaultID(refdata.Regions, "kainuu")} {
		if strings.Contains(string(res.Body), secret) {
			t.Errorf("the regional view names %q", secret)
		}
	}
	var tl struct{ Total int }
	w.must(200, "GET", "/api/v1/national/timeline", w.savoMember.Token, nil).json(t, &tl)
}

func TestNationalFiltersRefuseWhatDoesNotExist(t *testing.T) {
	w := newWorld(t)
	w.createPlan(w.coord)
	kainuu := refdata.DefaultID(refdata.Regions, "kainuu")
	ng1 := refdata.DefaultID(refdata.NationalGoals, "1")
	if d := w.dashboard(w.admin, "period=2026&region="+kainuu+"&qualityDimension="); len(d.Rows) != 1 || d.Rows[0].Plans != 1 {
		t.Errorf("period 2026 in Kainuu: %+v", d.Rows)
	}
	if d := w.dashboard(w.admin, "qualityDimension="+refdata.DefaultID(refdata.QualityDimensions, "tno-processes")); d.Totals.Total.Goals != 0 {
		t.Errorf("the plan's goal has no quality dimension yet, but the filter let it through: %+v", d.Totals.Total)
	}
	for _, c := range []struct {
		path, token string
		status      int
		code, field string
	}{
		{"/national/dashboard?colour=red", w.admin.Token, 400, "unknown_filter", "colour"},
		{"/national/dashboard?period=1999", w.admin.Token, 400, "unknown_filter", "period"},
		{"/national/dashboard?period=" + strings.Repeat("9", 200), w.admin.Token, 400, "invalid_field", "period"},
		{"/national/dashboard?region=not-an-id", w.admin.Token, 400, "unknown_filter", "region"},
		{"/national/dashboard?region=" + ng1, w.admin.Token, 400, "unknown_filter", "region"},
		{"/national/dashboard?region=" + url.QueryEscape(`{"$ne":1}`), w.admin.Token, 400, "unknown_filter", "region"},
		{"/national/dashboard?qualityDimension=" + kainuu, w.admin.Token, 400, "unknown_filter", "qualityDimension"},
		{"/national/dashboard?theme=" + ng1, w.admin.Token, 400, "unknown_filter", "theme"},
		{"/national/dashboard?region=" + kainuu, w.savoMember.Token, 403, "forbidden", "region"},
		{"/national/dashboard", "", 401, "unauthenticated", ""},
		{"/national/cell?region=" + kainuu, w.admin.Token, 400, "invalid_field", "nationalGoal"},
		{"/national/cell?nationalGoal=" + kainuu + "&region=" + kainuu, w.admin.Token, 400, "unknown_filter", "nationalGoal"},
		{"/national/cell?nationalGoal=" + ng1, w.admin.Token, 400, "invalid_field", "region"},
		{"/national/cell?nationalGoal=" + ng1 + "&nationalGoal=" + ng1 + "&region=" + kainuu, w.admin.Token, 400, "invalid_field", "nationalGoal"},
		{"/national/cell?nationalGoal=" + ng1 + "&region=" + kainuu, w.savoMember.Token, 403, "forbidden", "region"},
		{"/national/compare?region=" + kainuu, w.admin.Token, 400, "invalid_field", "region"},
		{"/national/compare?region=" + kainuu + "&region=" + refdata.DefaultID(refdata.Regions, "lappi"), w.coord.Token, 403, "forbidden", "region"},
		{"/national/timeline?limit=0", w.admin.Token, 400, "invalid_field", "limit"},
		{"/national/timeline?limit=x", w.admin.Token, 400, "invalid_field", "limit"},
		{"/national/timeline?nationalGoal=" + ng1, w.admin.Token, 400, "unknown_filter", "nationalGoal"},
	} {
		res := w.call("GET", "/api/v1"+c.path, c.token, nil)
		var body struct{ Error struct{ Code, Field string } }
		_ = json.Unmarshal(res.Body, &body)
		if res.Status != c.status || body.Error.Code != c.code || body.Error.Field != c.field {
			t.Errorf("%s: %d %s", c.path, res.Status, res.Body)
		}
	}
}

type practiceRow struct {
	RegionID string
	Cells    []int
	Total    int
}

type practiceCounts struct {
	Rows   []practiceRow
	Totals practiceRow
}

// practices reads the dashboard's good practices per goal and region.
func (w *world) practiceCounts(s session, query string) (practiceCounts, []string) {
	w.t.Helper()
	var d struct {
		NationalGoals []struct{ ID string }
		Practices     practiceCounts
	}
	w.must(200, "GET", "/api/v1/national/dashboard?"+query, s.Token, nil).json(w.t, &d)
	ids := make([]string, len(d.NationalGoals))
	for i, g := range d.NationalGoals {
		ids[i] = g.ID
	}
	return d.Practices, ids
}

func TestTheNationalDashboardCountsPublishedPracticesLive(t *testing.T) {
	w := newWorld(t)
	kainuu := refdata.DefaultID(refdata.Regions, "kainuu")
	ng1 := refdata.DefaultID(refdata.NationalGoals, "1")
	tab := w.listen(w.nationalMember)
	tab.send(`{"type":"subscribe","topics":["national"]}`)
	tab.next("subscribed")

	kainuuNG1 := func(pc practiceCounts, ngs []string) (cell, total int) {
		for _, r := range pc.Rows {
			if r.RegionID == kainuu {
				for i, id := range ngs {
					if id == ng1 {
						return r.Cells[i], r.Total
					}
				}
			}
		}
		t.Fatalf("no Kainuu row in %+v", pc)
		return 0, 0
	}
	if pc, ngs := w.practiceCounts(w.nationalMember, ""); pc.Totals.Total != 0 {
		t.Fatalf("practices before any was published: %+v", pc)
	} else if c, _ := kainuuNG1(pc, ngs); c != 0 {
		t.Fatalf("Kainuu × goal 1 before: %d", c)
	}

	// A draft counts nowhere; an approved one counts in Kainuu × national goal 1 and the dashboard hears of it.
	body := practiceFields("Luonnos")
	body["workspaceId"] = w.kainuu
	w.must(201, "POST", "/api/v1/practices", w.member.Token, body)
	w.publishPractice("Jalkautuva ohjaus")
	for {
		if e := tab.next("event"); e.Topic != "national" || e.Kind != "changed" {
			t.Fatalf("event %s", e.Raw)
		}
		pc, ngs := w.practiceCounts(w.nationalMember, "")
		if c, total := kainuuNG1(pc, ngs); c == 1 && total == 1 && pc.Totals.Total == 1 {
			break
		}
	}
	// Filters: the theme and the period of its first publication (this year) keep it; another
	// theme, an earlier period and another region do not. (Periods are those of the plans.)
	year := time.Now().UTC().Year()
	for _, y := range []int{year, year - 1} {
		w.must(201, "POST", "/api/v1/workspaces/"+w.kainuu+"/documents", w.coord.Token,
			map[string]string{"kind": "action_plan", "title": "Suunnitelma", "period": strconv.Itoa(y)})
	}
	for _, c := range []struct {
		query string
		want  int
	}{
		{"theme=" + refdata.DefaultID(refdata.Themes, "ohjaamo"), 1},
		{"theme=" + refdata.DefaultID(refdata.Themes, "communication"), 0},
		{"theme=" + refdata.DefaultID(refdata.Themes, "ohjaamo") + "&theme=" + refdata.DefaultID(refdata.Themes, "communication"), 1},
		{"period=" + strconv.Itoa(year), 1},
		{"period=" + strconv.Itoa(year-1), 0},
		{"qualityDimension=" + refdata.DefaultID(refdata.QualityDimensions, "tno-processes"), 1},
		{"region=" + refdata.DefaultID(refdata.Regions, "etela-savo"), 0},
	} {
		if pc, _ := w.practiceCounts(w.nationalMember, c.query); pc.Totals.Total != c.want {
			t.Errorf("%s: %d practices, want %d", c.query, pc.Totals.Total, c.want)
		}
	}
	// A member of another region sees their own row (none here) against totals naming no region.
	pc, _ := w.practiceCounts(w.savoMember, "")
	if len(pc.Rows) != 1 || pc.Rows[0].RegionID != refdata.DefaultID(refdata.Regions, "etela-savo") || pc.Rows[0].Total != 0 || pc.Totals.Total != 1 {
		t.Errorf("Etelä-Savo's view: %+v", pc)
	}
}
