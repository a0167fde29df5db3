package e2e

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

type publicDoc struct {
	ID, Kind, Title, Period, Status string
	Group                           struct{ ID, Name string }
	Figures                         struct {
		Goals, Actions, Indicators, Measured, Reached int
		Statuses                                      map[string]int
		Progress                                      *float64
	}
	Goals []struct {
		Title         string
		NationalGoals []struct{ ID, Code string }
		Themes        []struct{ ID, Code string }
		Actions       []struct {
			Title, Status string
			Progress      *float64
			Organisations []string
			Indicators    []struct {
				Name    string
				Reached *bool
			}
		}
	}
}

type publicRegion struct {
	Region    struct{ ID, Code string }
	Groups    []struct{ ID, Name string }
	Documents []publicDoc
	Practices []struct{ ID string }
}

func (e *env) publicRegion(code string) publicRegion {
	e.t.Helper()
	var p publicRegion
	e.must(200, "GET", "/api/v1/public/regions/"+refdata.DefaultID(refdata.Regions, code), "", nil).json(e.t, &p)
	return p
}

func TestPublicPagesShowPublishedPlansWithoutAnAccount(t *testing.T) {
	w := newWorld(t)
	id, actionID := w.exportPlan()
	ed := w.open(w.coord, id)
	ed.send(map[string]any{"type": "join", "rev": 0})
	var snap docView
	if err := json.Unmarshal(ed.next("snapshot").Doc, &snap); err != nil {
		t.Fatal(err)
	}
	setFields(t, ed, snap.Revision, "private", map[string]any{"node": actionID, "field": "contact", "value": "Kaisa Yhteyshenkilö"})

	// A draft is not public: the region lists nothing and the document is "not found".
	if p := w.publicRegion("kainuu"); len(p.Documents) != 0 || len(p.Groups) != 1 || p.Groups[0].Name != "ELO-ryhmä Kainuu" {
		t.Fatalf("a draft is listed: %+v", p)
	}
	if r := w.call("GET", "/api/v1/public/documents/"+id, "", nil); r.Status != 404 || r.errorCode() != "not_found" {
		t.Fatalf("draft: %d %s", r.Status, r.Body)
	}

	// Approved, it is: goals, actions with status, organisations by name; never the contact person.
	w.must(200, "POST", "/api/v1/documents/"+id+"/status", w.coord.Token, map[string]string{"status": "approved"})
	p := w.publicRegion("kainuu")
	if len(p.Documents) != 1 || p.Documents[0].ID != id || p.Documents[0].Figures.Actions != 1 || p.Documents[0].Figures.Statuses["in_progress"] != 1 {
		t.Fatalf("region page %+v", p)
	}
	r := w.must(200, "GET", "/api/v1/public/documents/"+id, "", nil)
	var doc publicDoc
	r.json(t, &doc)
	if len(doc.Goals) != 1 || doc.Goals[0].Title != "Ohjaus löytyy helposti" || doc.Goals[0].NationalGoals[0].Code != "1" ||
		doc.Goals[0].Actions[0].Status != "in_progress" || doc.Goals[0].Actions[0].Organisations[0] != "Kainuun ELY-keskus" {
		t.Fatalf("public document %s", r.Body)
	}
	if strings.Contains(string(r.Body), "Yhteyshenkilö") || strings.Contains(string(r.Body), "contact") {
		t.Errorf("the contact person is public: %s", r.Body)
	}
	if r.Header.Get("Cache-Control") != "public, max-age=60" || r.Header.Get("Access-Control-Allow-Origin") != "*" || r.Header.Get("ETag") == "" {
		t.Errorf("headers %v", r.Header)
	}
	if again := w.raw("GET", "/api/v1/public/documents/"+id, nil, "If-None-Match", r.Header.Get("ETag")); again.Status != 304 || len(again.Body) != 0 {
		t.Errorf("revalidation: %d %q, want 304 without a body", again.Status, again.Body)
	}
	// Signed in or not, the same answer (a bearer token is neither needed nor used).
	if r2 := w.must(200, "GET", "/api/v1/public/documents/"+id, w.savoMember.Token, nil); string(r2.Body) != string(r.Body) {
		t.Errorf("signed in: %s", r2.Body)
	}

	// The coordinator switches it off; members and other groups cannot; it is gone from the public pages.
	vis := "/api/v1/documents/" + id + "/visibility"
	var v struct{ Public, Eligible, SwitchedOn, CanSwitch bool }
	w.must(200, "GET", vis, w.member.Token, nil).json(t, &v)
	if !v.Public || !v.Eligible || !v.SwitchedOn || v.CanSwitch {
		t.Errorf("member's view of the visibility %+v", v)
	}
	w.must(403, "PUT", vis, w.member.Token, map[string]bool{"public": false})
	w.must(403, "PUT", vis, w.savoMember.Token, map[string]bool{"public": false})
	w.must(401, "PUT", vis, "", map[string]bool{"public": false})
	w.must(200, "PUT", vis, w.coord.Token, map[string]bool{"public": false}).json(t, &v)
	if v.Public || !v.Eligible || v.SwitchedOn || !v.CanSwitch {
		t.Errorf("switched off: %+v", v)
	}
	w.must(404, "GET", "/api/v1/public/documents/"+id, "", nil)
	if p := w.publicRegion("kainuu"); len(p.Documents) != 0 {
		t.Errorf("a switched-off plan is listed: %+v", p.Documents)
	}
	w.restart() // the switch is stored
	w.must(404, "GET", "/api/v1/public/documents/"+id, "", nil)
	w.must(200, "PUT", vis, w.coord.Token, map[string]bool{"public": true})
	w.must(200, "GET", "/api/v1/public/documents/"+id, "", nil)

	// Regions: every region in the reference data, Kainuu with its one document.
	var regions struct {
		Regions []struct {
			Region    struct{ ID, Code string }
			Documents int
			Periods   []string
		}
	}
	w.must(200, "GET", "/api/v1/public/regions", "", nil).json(t, &regions)
	found := false
	for _, r := range regions.Regions {
		if r.Region.Code == "kainuu" {
			found = r.Documents == 1 && len(r.Periods) == 1 && r.Periods[0] == "2026"
		}
	}
	if len(regions.Regions) < 15 || !found {
		t.Errorf("regions %+v", regions)
	}

	// Archived: gone again.
	w.must(200, "PATCH", "/api/v1/documents/"+id, w.coord.Token, map[string]bool{"archived": true})
	w.must(404, "GET", "/api/v1/public/documents/"+id, "", nil)
}

func TestPublicRoutesRefuseBadInputClearly(t *testing.T) {
	e := start(t)
	ng1 := refdata.DefaultID(refdata.NationalGoals, "1")
	kainuu := refdata.DefaultID(refdata.Regions, "kainuu")
	for _, c := range []struct {
		method, path string
		status       int
		code         string
	}{
		{"GET", "/api/v1/public/regions?region=x", 400, "unknown_filter"},
		{"GET", "/api/v1/public/regions/" + kainuu + "?lang=fi", 400, "unknown_filter"},
		{"GET", "/api/v1/public/regions/not-an-id", 400, "invalid_id"},
		{"GET", "/api/v1/public/regions/" + ng1, 404, "not_found"}, // an id, but a national goal
		{"GET", "/api/v1/public/regions/aaaaaaaaaaaaaaaaaaaaaaaa", 404, "not_found"},
		{"GET", "/api/v1/public/documents/%7B%22$ne%22:1%7D", 400, "invalid_id"},
		{"GET", "/api/v1/public/documents/aaaaaaaaaaaaaaaaaaaaaaaa", 404, "not_found"},
		{"GET", "/api/v1/public/documents/aaaaaaaaaaaaaaaaaaaaaaaa?x=1", 400, "unknown_filter"},
		{"POST", "/api/v1/public/regions", 404, "not_found"},
		{"DELETE", "/api/v1/public/documents/aaaaaaaaaaaaaaaaaaaaaaaa", 404, "not_found"},
		{"GET", "/api/v1/documents/aaaaaaaaaaaaaaaaaaaaaaaa/visibility", 401, "unauthenticated"},
	} {
		r := e.call(c.method, c.path, "", nil)
		if r.Status != c.status || r.errorCode() != c.code {
			t.Errorf("%s %s: %d %s, want %d %s", c.method, c.path, r.Status, r.Body, c.status, c.code)
		}
	}
	admin := e.setupAdmin()
	for _, body := range []string{`{}`, `{"public":"yes"}`, `{"public":true,"x":1}`, `{"public":true}{}`, `[`} {
		r := e.raw("PUT", "/api/v1/documents/aaaaaaaaaaaaaaaaaaaaaaaa/visibility", []byte(body), "Authorization", "Bearer "+admin.Token)
		if r.Status != 400 {
			t.Errorf("visibility body %s: %d %s, want 400", body, r.Status, r.Body)
		}
	}
	if r := e.call("PUT", "/api/v1/documents/aaaaaaaaaaaaaaaaaaaaaaaa/visibility", admin.Token, map[string]bool{"public": true}); r.Status != 404 {
		t.Errorf("visibility of no document: %d %s", r.Status, r.Body)
	}
}

// emailPattern finds anything shaped like an email address.
var emailPattern = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

// TestNothingPrivateReachesThePublicAPI marks private content in the demo dataset (a draft, a
// switched-off plan, an archived plan, a contact person, a follow-up entry, a note on an
// indicator value, a comment, a group's description, an invited email) and walks every public
// route, finding none of it; nor any email address, nor any contact person, follow-up entry or
// value note the demo dataset itself holds.
func TestNothingPrivateReachesThePublicAPI(t *testing.T) {
	e := start(t, "DEMO", "1")
	w := &world{env: e}
	coord := e.login("coordinator@kainuu.example", "elo-demo")
	admin := e.login("admin@elo.example", "elo-demo")
	marker := func(what string) string { return "PRIVATE-" + what + "-7Q2X" }

	var spaces []struct {
		ID, Name, Kind, RegionID, Description string
		Version                               int
	}
	e.must(200, "GET", "/api/v1/workspaces", admin.Token, nil).json(t, &spaces)
	var kainuuWS string
	for _, s := range spaces {
		if s.RegionID == refdata.DefaultID(refdata.Regions, "kainuu") {
			kainuuWS = s.ID
			e.must(200, "PATCH", "/api/v1/workspaces/"+s.ID, admin.Token, map[string]any{"description": marker("group-description"), "version": s.Version})
		}
	}
	type docSummary struct{ ID, Kind, Status, Title string }
	var kainuuDocs []docSummary
	e.must(200, "GET", "/api/v1/workspaces/"+kainuuWS+"/documents", coord.Token, nil).json(t, &kainuuDocs)

	// Private content the demo dataset already holds in published plans: every contact person,
	// follow-up entry and value note (longer than a few letters, so that it cannot be a word of a
	// public text by chance).
	private := map[string]string{}
	for _, s := range spaces {
		var docs []docSummary
		e.must(200, "GET", "/api/v1/workspaces/"+s.ID+"/documents", admin.Token, nil).json(t, &docs)
		for _, d := range docs {
			if d.Status == "draft" {
				private[d.ID] = "a draft's id"
				continue
			}
			full := w.document(admin, d.ID)
			for _, n := range full.Nodes {
				if c, _ := n.Fields["contact"].(string); len(c) > 5 {
					private[c] = "a contact person"
				}
				if n.Type == "followup" && len(n.Text["body"]) > 20 {
					private[n.Text["body"]] = "a follow-up entry"
				}
				if vals, ok := n.Fields["values"].([]any); ok {
					for _, v := range vals {
						if note, _ := v.(map[string]any)["note"].(string); len(note) > 20 {
							private[note] = "a note on an indicator value"
						}
					}
				}
			}
		}
	}

	// Marked private content.
	var draft struct{ ID string }
	e.must(201, "POST", "/api/v1/workspaces/"+kainuuWS+"/documents", coord.Token,
		map[string]string{"kind": "action_plan", "title": marker("draft-title"), "period": "2027"}).json(t, &draft)
	private[draft.ID] = "a draft's id"
	var published, closed string
	for _, d := range kainuuDocs {
		switch {
		case d.Kind == "action_plan" && d.Status == "followed_up" && published == "":
			published = d.ID
		case d.Kind == "action_plan" && d.Status == "closed" && closed == "":
			closed = d.ID
		}
	}
	if published == "" || closed == "" {
		t.Fatalf("the demo's Kainuu has no followed-up and closed plans: %+v", kainuuDocs)
	}
	// Inside the published plan: a contact person, a follow-up entry and a value note.
	full := w.document(admin, published)
	var action, indicator, followup node
	// an action with an indicator and a follow-up entry
	for _, n := range full.Nodes {
		if n.Type == "followup" && n.Text["body"] != "" {
			for _, m := range full.Nodes {
				if m.Parent == n.Parent && m.Type == "indicator" {
					action, indicator, followup = full.Nodes[n.Parent], m, n
				}
			}
		}
		if followup.ID != "" {
			break
		}
	}
	ed := w.open(coord, published)
	ed.send(map[string]any{"type": "join", "rev": 0})
	var snap docView
	if err := json.Unmarshal(ed.next("snapshot").Doc, &snap); err != nil {
		t.Fatal(err)
	}
	sets := []map[string]any{
		{"node": action.ID, "field": "contact", "value": marker("contact")},
		{"node": indicator.ID, "field": "values", "value": []map[string]any{{"date": "2025-06-01", "value": 1, "note": marker("value-note")}}},
	}
	rev := setFields(t, ed, snap.Revision, "private-fields", sets...)
	if followup.ID != "" {
		ed.send(map[string]any{"type": "change", "rev": rev, "id": "private-followup", "ops": []any{
			map[string]any{"t": "text", "node": followup.ID, "field": "body", "op": textOp(len16(followup.Text["body"]), marker("followup"))},
		}})
		ed.untilRev(rev + 1)
	} else {
		t.Fatal("the demo action has no follow-up entry")
	}
	e.must(201, "POST", commentsPath(published), coord.Token, map[string]any{"anchor": map[string]string{"node": action.ID}, "body": marker("comment")})
	// A published plan switched off, and one archived, each renamed with a marker first.
	e.must(200, "PATCH", "/api/v1/documents/"+closed, coord.Token, map[string]string{"title": marker("switched-off")})
	e.must(200, "PUT", "/api/v1/documents/"+closed+"/visibility", coord.Token, map[string]bool{"public": false})
	private[closed] = "a switched-off plan's id"
	var strategy string
	for _, d := range kainuuDocs {
		if d.Kind == "strategy" && d.Status == "approved" {
			strategy = d.ID
		}
	}
	if strategy != "" {
		e.must(200, "PATCH", "/api/v1/documents/"+strategy, coord.Token, map[string]any{"title": marker("archived"), "archived": true})
		private[strategy] = "an archived document's id"
	}
	// An invitation to a marked email address.
	e.must(201, "POST", "/api/v1/workspaces/"+kainuuWS+"/invitations", coord.Token, map[string]string{"email": "private-7q2x@invited.test", "role": "member"})

	// The walk: every public route, every region, every listed document, and the private ids.
	pages := 0
	check := func(path string, r resp) {
		t.Helper()
		pages++
		body := string(r.Body)
		if strings.Contains(body, "PRIVATE-") || strings.Contains(body, "7Q2X") || strings.Contains(strings.ToLower(body), "7q2x") {
			t.Errorf("%s shows marked private content: %s", path, excerptAround(body, "7Q2X"))
		}
		if m := emailPattern.FindString(body); m != "" {
			t.Errorf("%s shows an email address %q", path, m)
		}
		for text, what := range private {
			if strings.Contains(body, text) {
				t.Errorf("%s shows %s: %q", path, what, text)
			}
		}
	}
	get := func(path string, want int) resp {
		t.Helper()
		r := e.call("GET", path, "", nil)
		if r.Status != want {
			t.Fatalf("GET %s: %d %s, want %d", path, r.Status, r.Body, want)
		}
		check(path, r)
		return r
	}
	var regions struct {
		Regions []struct {
			Region    struct{ ID string }
			Documents int
		}
	}
	get("/api/v1/public/regions", 200).json(t, &regions)
	documents := 0
	for _, reg := range regions.Regions {
		var p publicRegion
		get("/api/v1/public/regions/"+reg.Region.ID, 200).json(t, &p)
		if len(p.Documents) != reg.Documents {
			t.Errorf("region %s: %d documents listed, %d counted", reg.Region.ID, len(p.Documents), reg.Documents)
		}
		for _, d := range p.Documents {
			if d.Status == "draft" {
				t.Errorf("a draft is listed: %s", d.ID)
			}
			get("/api/v1/public/documents/"+d.ID, 200)
			documents++
		}
		for _, pr := range p.Practices {
			get("/api/v1/public/practices/"+pr.ID, 200)
		}
	}
	for id := range private {
		if len(id) == 24 && !strings.ContainsAny(id, " -") {
			get("/api/v1/public/documents/"+id, 404)
		}
	}
	if documents < 30 {
		t.Errorf("only %d published documents walked; the demo has 15 regions with 2 published plans and a strategy each", documents)
	}
	// The published plan still shows (its public parts), with the marked fields inside it.
	get("/api/v1/public/documents/"+published, 200)
	t.Logf("walked %d public answers (%d published documents), %d private texts and ids checked", pages, documents, len(private))
}

// len16 is the length of s in UTF-16 code units (what text operations count).
func len16(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func excerptAround(body, needle string) string {
	i := strings.Index(body, needle)
	if i < 0 {
		return fmt.Sprintf("%.200s", body)
	}
	return body[max(0, i-150):min(len(body), i+50)]
}

func TestPublicPagesShowOnlyPublicPractices(t *testing.T) {
	w := newWorld(t)
	public := w.publishPractice("Jalkautuva Ohjaamo")
	w.must(200, "POST", "/api/v1/practices/"+public.ID+"/visibility", w.coord.Token, map[string]any{"version": public.Version, "public": true})
	network := w.publishPractice("Verkoston oma käytäntö")

	var p struct {
		Practices []struct{ ID, Name, Group string }
	}
	w.must(200, "GET", "/api/v1/public/regions/"+refdata.DefaultID(refdata.Regions, "kainuu"), "", nil).json(t, &p)
	if len(p.Practices) != 1 || p.Practices[0].ID != public.ID || p.Practices[0].Group != "ELO-ryhmä Kainuu" {
		t.Fatalf("region's practices %+v, want the public one only", p.Practices)
	}
	r := w.must(200, "GET", "/api/v1/public/practices/"+public.ID, "", nil)
	var got struct {
		Name   string
		HTML   map[string]string
		Themes []struct{ Code string }
	}
	r.json(t, &got)
	if got.Name != "Jalkautuva Ohjaamo" || !strings.Contains(got.HTML["basicIdea"], "<strong>jalkautuvat</strong>") || len(got.Themes) != 1 || got.Themes[0].Code != "ohjaamo" {
		t.Errorf("public practice %s", r.Body)
	}
	if body := string(r.Body); emailPattern.MatchString(body) || strings.Contains(body, "<script") || strings.Contains(body, "Kaisa") {
		t.Errorf("the public practice shows its contact person or unsafe HTML: %s", body)
	}
	for _, id := range []string{network.ID, "aaaaaaaaaaaaaaaaaaaaaaaa"} {
		if r := w.call("GET", "/api/v1/public/practices/"+id, "", nil); r.Status != 404 || r.errorCode() != "not_found" {
			t.Errorf("practice %s: %d %s, want 404", id, r.Status, r.Body)
		}
	}
	if r := w.call("GET", "/api/v1/public/practices/bad", "", nil); r.Status != 400 || r.errorCode() != "invalid_id" {
		t.Errorf("bad id: %d %s", r.Status, r.Body)
	}
}
