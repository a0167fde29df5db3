package e2e

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

// exportPlan makes the Kainuu plan through the API and the document socket as an editor
// would: a goal linked to national goal 1, an action in progress with an organisation.
func (w *world) exportPlan() (id, actionID string) {
	w.t.Helper()
	id = w.createPlan(w.coord)
	ed := w.open(w.coord, id)
	ed.send(map[string]any{"type": "join", "rev": 0})
	var snap docView
	if err := json.Unmarshal(ed.next("snapshot").Doc, &snap); err != nil {
		w.t.Fatal(err)
	}
	goal, action := snap.firstOfType("goal"), snap.firstOfType("action")
	ed.send(map[string]any{"type": "change", "rev": snap.Revision, "id": "texts", "ops": []any{
		map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": textOp("Ohjaus löytyy helposti")},
		map[string]any{"t": "text", "node": action.ID, "field": "title", "op": textOp("Yhteinen palvelukartta")},
	}})
	ed.untilRev(snap.Revision + 1)
	setFields(w.t, ed, snap.Revision+1, "fields",
		map[string]any{"node": goal.ID, "field": "nationalGoals", "value": []string{refdata.DefaultID(refdata.NationalGoals, "1")}},
		map[string]any{"node": action.ID, "field": "status", "value": "in_progress"},
		map[string]any{"node": action.ID, "field": "organisations", "value": []string{w.org}})
	return id, action.ID
}

func documentXML(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a DOCX: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			defer rc.Close()
			body, _ := io.ReadAll(rc)
			return string(body)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}

func TestExportsOfAPlanInEveryFormat(t *testing.T) {
	w := newWorld(t)
	id, _ := w.exportPlan()
	base := "/api/v1/documents/" + id + "/export."

	r := w.must(200, "GET", base+"docx", w.observer.Token, nil)
	if ct := r.Header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
		t.Errorf("content type %q", ct)
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="kainuun-elo-toimintasuunnitelma.docx"`) ||
		r.Header.Get("Content-Length") == "" || r.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("headers %v", r.Header)
	}
	doc := documentXML(t, r.Body)
	for _, want := range []string{"Kainuun ELO-toimintasuunnitelma", "Tavoite 1: Ohjaus löytyy helposti", "Yhteinen palvelukartta", "Käynnissä", "Kainuun ELY-keskus"} {
		if !strings.Contains(doc, want) {
			t.Errorf("the DOCX lacks %q", want)
		}
	}
	if doc := documentXML(t, w.must(200, "GET", base+"docx?lang=sv", w.nationalMember.Token, nil).Body); !strings.Contains(doc, "Pågår") {
		t.Error("the Swedish DOCX lacks the status in Swedish")
	}

	r = w.must(200, "GET", base+"pdf?lang=en", w.member.Token, nil)
	if r.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(r.Body, []byte("%PDF-")) {
		t.Errorf("not a PDF: %s", r.Header.Get("Content-Type"))
	}

	var p struct {
		Title, StatusName string
		Goals             []struct {
			NationalGoals []string
			Actions       []struct{ Title, StatusName string }
		}
	}
	w.must(200, "GET", base+"json?lang=en", w.admin.Token, nil).json(t, &p)
	if len(p.Goals) != 1 || len(p.Goals[0].NationalGoals) != 1 || p.Goals[0].Actions[0].StatusName != "In progress" || p.StatusName != "Draft" {
		t.Errorf("print view content %+v", p)
	}
}

func TestActionListExports(t *testing.T) {
	w := newWorld(t)
	id, _ := w.exportPlan()
	var savo struct{ ID string }
	w.must(201, "POST", "/api/v1/workspaces/"+w.savo+"/documents", w.savoMember.Token,
		map[string]string{"kind": "action_plan", "title": "Etelä-Savon suunnitelma", "period": "2026"}).json(t, &savo)

	rows := func(s session, query string) []string {
		t.Helper()
		r := w.must(200, "GET", "/api/v1/actions/export.csv?"+query, s.Token, nil)
		if ct := r.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
			t.Errorf("content type %q", ct)
		}
		lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(r.Body), "\ufeff")), "\n")
		return lines[1:]
	}
	if got := rows(w.nationalMember, ""); len(got) != 2 {
		t.Errorf("the national group: %d actions, want both plans' (2): %q", len(got), got)
	}
	if got := rows(w.coord, ""); len(got) != 1 || !strings.Contains(got[0], "Yhteinen palvelukartta") || !strings.Contains(got[0], "Käynnissä") {
		t.Errorf("the Kainuu coordinator sees only Kainuu: %q", got)
	}
	if got := rows(w.nationalMember, "status=in_progress&status=done"); len(got) != 1 {
		t.Errorf("by status: %q", got)
	}
	if got := rows(w.nationalMember, "nationalGoal="+refdata.DefaultID(refdata.NationalGoals, "1")+"&region="+refdata.DefaultID(refdata.Regions, "kainuu")); len(got) != 1 {
		t.Errorf("by national goal and region: %q", got)
	}
	if got := rows(w.nationalMember, "document="+savo.ID+"&lang=en"); len(got) != 1 || !strings.Contains(got[0], "Planned") {
		t.Errorf("one plan in English: %q", got)
	}
	if got := rows(w.nationalMember, "theme="+refdata.DefaultID(refdata.Themes, "ohjaamo")); len(got) != 0 {
		t.Errorf("by a theme no goal has: %q", got)
	}
	// The CSV is streamed as it is written (chunked, no length); the workbook, which excelize
	// assembles in memory, is sent whole with its length.
	r := w.must(200, "GET", "/api/v1/actions/export.csv", w.nationalMember.Token, nil)
	if r.Header.Get("Content-Length") != "" || !strings.Contains(string(r.Body), "Yhteinen palvelukartta") {
		t.Errorf("the CSV was not streamed: Content-Length %q", r.Header.Get("Content-Length"))
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, ".csv") {
		t.Errorf("streamed CSV's file name %q", cd)
	}
	r = w.must(200, "GET", "/api/v1/actions/export.xlsx?document="+id, w.observer.Token, nil)
	if r.Header.Get("Content-Length") != strconv.Itoa(len(r.Body)) {
		t.Errorf("the workbook's Content-Length %q for %d bytes", r.Header.Get("Content-Length"), len(r.Body))
	}
	if r.Header.Get("Content-Type") != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" || !bytes.HasPrefix(r.Body, []byte("PK")) {
		t.Errorf("not an XLSX: %s", r.Header.Get("Content-Type"))
	}
	if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, "kainuun-elo-toimintasuunnitelma-toimenpiteet.xlsx") {
		t.Errorf("file name %q", cd)
	}
}

func TestExportsRefuseOutsidersAndBadInput(t *testing.T) {
	w := newWorld(t)
	id, _ := w.exportPlan()
	doc := "/api/v1/documents/" + id + "/export."
	for _, c := range []struct {
		path, token string
		status      int
		code, field string
	}{
		{doc + "docx", "", 401, "unauthenticated", ""},
		{doc + "pdf", w.savoMember.Token, 403, "forbidden", ""},
		{doc + "json", w.savoMember.Token, 403, "forbidden", ""},
		{doc + "odt", w.coord.Token, 404, "not_found", ""},
		{doc + "docx?lang=de", w.coord.Token, 400, "invalid_field", "lang"},
		{doc + "docx?lang=fi&lang=sv", w.coord.Token, 400, "invalid_field", "lang"},
		{doc + "docx?colour=red", w.coord.Token, 400, "unknown_filter", "colour"},
		{"/api/v1/documents/0000000000000000000000ff/export.docx", w.coord.Token, 404, "not_found", ""},
		{"/api/v1/documents/not-an-id/export.pdf", w.coord.Token, 400, "invalid_id", "documentId"},
		{"/api/v1/actions/export.csv?status=finished", w.coord.Token, 400, "unknown_filter", "status"},
		{"/api/v1/actions/export.csv?nationalGoal=%24ne", w.coord.Token, 400, "unknown_filter", "nationalGoal"},
		{"/api/v1/actions/export.xlsx?region=" + refdata.DefaultID(refdata.NationalGoals, "1"), w.coord.Token, 400, "unknown_filter", "region"},
		{"/api/v1/actions/export.csv?sort=title", w.coord.Token, 400, "unknown_filter", "sort"},
		{"/api/v1/actions/export.csv?archived=maybe", w.coord.Token, 400, "invalid_field", "archived"},
		{"/api/v1/actions/export.csv?period=" + strings.Repeat("9", 101), w.coord.Token, 400, "invalid_field", "period"},
		{"/api/v1/actions/export.csv?workspace=" + w.savo, w.coord.Token, 403, "forbidden", ""},
		{"/api/v1/actions/export.csv?document=" + id, w.savoMember.Token, 403, "forbidden", ""},
		{"/api/v1/actions/export.ods", w.coord.Token, 404, "not_found", ""},
		{"/api/v1/actions/export.csv", "", 401, "unauthenticated", ""},
	} {
		r := w.call("GET", c.path, c.token, nil)
		var body struct{ Error struct{ Code, Field string } }
		_ = json.Unmarshal(r.Body, &body)
		if r.Status != c.status || body.Error.Code != c.code || body.Error.Field != c.field {
			t.Errorf("GET %s: %d %s %q, want %d %s %q", c.path, r.Status, body.Error.Code, body.Error.Field, c.status, c.code, c.field)
		}
	}
}

func TestNationalSummaryExports(t *testing.T) {
	w := newWorld(t)
	w.exportPlan()
	r := w.must(200, "GET", "/api/v1/national/export.csv?lang=en&period=2026", w.nationalMember.Token, nil)
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(r.Body), "\ufeff")), "\n")
	// 15 regions × (5 national goals + a total), then 5 national goals and the total.
	if len(lines) != 1+15*6+6 || !strings.HasPrefix(lines[0], "Region,National goals,Plans") {
		t.Fatalf("%d lines, header %q", len(lines), lines[0])
	}
	var kainuuTotal string
	for _, l := range lines {
		if strings.HasPrefix(l, "Kainuu,Total,") {
			kainuuTotal = l
		}
	}
	if !strings.HasPrefix(kainuuTotal, "Kainuu,Total,1,1,1,0,1,") {
		t.Errorf("Kainuu's total: %q", kainuuTotal)
	}
	// The last column counts published practices: one in Kainuu, under national goal 1.
	if !strings.HasSuffix(lines[0], ",Published practices") || !strings.HasSuffix(kainuuTotal, ",0") {
		t.Errorf("before publishing: header %q, Kainuu %q", lines[0], kainuuTotal)
	}
	if r.Header.Get("Content-Length") != "" {
		t.Error("the summary CSV was not streamed")
	}
	tab := w.listen(w.nationalMember)
	tab.send(`{"type":"subscribe","topics":["national"]}`)
	tab.next("subscribed")
	w.publishPractice("Jalkautuva ohjaus")
	tab.next("event") // the national view has read the library
	r = w.must(200, "GET", "/api/v1/national/export.csv?lang=en", w.nationalMember.Token, nil)
	counted := false
	for _, l := range strings.Split(string(r.Body), "\n") {
		l = strings.TrimSpace(l)
		counted = counted || (strings.HasPrefix(l, "Kainuu,1 ") && strings.HasSuffix(l, ",1"))
		if strings.HasPrefix(l, "Kainuu,2 ") && !strings.HasSuffix(l, ",0") {
			t.Errorf("a practice counted under national goal 2: %q", l)
		}
	}
	if !counted {
		t.Errorf("no practice counted in Kainuu × national goal 1: %s", r.Body)
	}
	r = w.must(200, "GET", "/api/v1/national/export.xlsx", w.savoMember.Token, nil)
	if !bytes.HasPrefix(r.Body, []byte("PK")) {
		t.Error("not an XLSX")
	}
	if r := w.call("GET", "/api/v1/national/export.csv?colour=red", w.nationalMember.Token, nil); r.Status != 400 || r.errorCode() != "unknown_filter" {
		t.Errorf("unknown filter: %d %s", r.Status, r.errorCode())
	}
}
