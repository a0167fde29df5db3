package e2e

import (
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

type practiceContent struct {
	Name, Summary, BasicIdea, RegionID string
	Themes                             []string
	HTML                               map[string]string
}

type practiceView struct {
	ID, WorkspaceID, State string
	Published              int
	Public                 bool
	Current, Draft         *practiceContent
	ReviewNote             string
	Version                int
	Spread                 []string
	Adoptions              int
	CanEdit, CanReview     bool
	CanAdopt               []string
	Versions               []struct{ N int }
}

type practicePage struct {
	Items []struct{ ID, Name, State string }
	Total int
}

func ref(kind, code string) string { return refdata.DefaultID(kind, code) }

func practiceFields(name string) map[string]any {
	return map[string]any{
		"name": name, "summary": "Ohjaamon jalkautuva ohjaus tavoittaa nuoret siellä missä he ovat.",
		"basicIdea":     "Ohjaajat **jalkautuvat** kouluihin ja nuorisotiloihin. <script>alert(1)</script> [x](javascript:alert(1))",
		"steps":         "1. Kartoitus\n2. Pilotointi\n3. Vakiinnutus",
		"themes":        []string{ref(refdata.Themes, "ohjaamo")},
		"targetGroups":  []string{ref(refdata.TargetGroups, "young-people")},
		"nationalGoals": []string{ref(refdata.NationalGoals, "1")},
		"contact":       map[string]string{"name": "Kaisa", "email": "kaisa@kainuu.test"},
		"links":         []map[string]string{{"title": "Ohjaamot", "url": "https://ohjaamot.fi"}},
	}
}

func (w *world) practice(as session, id string) practiceView {
	w.t.Helper()
	var v practiceView
	w.must(200, "GET", "/api/v1/practices/"+id, as.Token, nil).json(w.t, &v)
	return v
}

func (w *world) library(as session, query string) practicePage {
	w.t.Helper()
	var p practicePage
	w.must(200, "GET", "/api/v1/practices"+query, as.Token, nil).json(w.t, &p)
	return p
}

// publishPractice writes a draft in Kainuu as the member, submits it and has the coordinator approve it.
func (w *world) publishPractice(name string) practiceView {
	w.t.Helper()
	body := practiceFields(name)
	body["workspaceId"] = w.kainuu
	var v practiceView
	w.must(201, "POST", "/api/v1/practices", w.member.Token, body).json(w.t, &v)
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/submit", w.member.Token, map[string]any{"version": v.Version}).json(w.t, &v)
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/review", w.coord.Token, map[string]any{"version": v.Version, "decision": "approve"}).json(w.t, &v)
	return v
}

func TestPracticeLifecycle(t *testing.T) {
	w := newWorld(t)
	body := practiceFields("Jalkautuva Ohjaamo")
	body["workspaceId"] = w.kainuu
	var v practiceView
	w.must(201, "POST", "/api/v1/practices", w.member.Token, body).json(t, &v)
	if v.State != "draft" || v.Published != 0 || v.Current != nil || v.Draft == nil || v.Draft.RegionID != ref(refdata.Regions, "kainuu") {
		t.Fatalf("new draft: %+v", v)
	}
	// Markdown renders; raw HTML and javascript: links do not.
	if h := v.Draft.HTML["basicIdea"]; !strings.Contains(h, "<strong>jalkautuvat</strong>") || strings.Contains(h, "<script") || strings.Contains(h, "javascript:") {
		t.Fatalf("rendered basic idea: %q", h)
	}

	// Drafts never leak: another region's member, signed-out readers, the library and search by id.
	if r := w.call("GET", "/api/v1/practices/"+v.ID, w.savoMember.Token, nil); r.Status != 404 {
		t.Fatalf("other region reads a draft: %d", r.Status)
	}
	if r := w.call("GET", "/api/v1/practices/"+v.ID, "", nil); r.Status != 404 {
		t.Fatalf("signed-out reads a draft: %d", r.Status)
	}
	if p := w.library(w.savoMember, ""); p.Total != 0 {
		t.Fatalf("library shows a draft to another region: %+v", p)
	}
	if p := w.library(w.savoMember, "?status=drafts"); p.Total != 0 {
		t.Fatalf("drafts list shows another group's draft: %+v", p)
	}
	if p := w.library(w.coord, "?status=drafts"); p.Total != 1 {
		t.Fatalf("the group's drafts: %+v", p)
	}
	// The observer reads but does not edit; the other region cannot edit.
	if r := w.call("PUT", "/api/v1/practices/"+v.ID, w.observer.Token, map[string]any{"version": v.Version, "name": "x", "regionId": v.Draft.RegionID}); r.Status != 403 {
		t.Fatalf("observer edits: %d", r.Status)
	}
	// The member cannot review.
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/submit", w.member.Token, map[string]any{"version": v.Version}).json(t, &v)
	if v.State != "review" {
		t.Fatalf("submitted: %+v", v)
	}
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/review", w.member.Token, map[string]any{"version": v.Version, "decision": "approve"}); r.Status != 403 {
		t.Fatalf("member reviews: %d", r.Status)
	}
	// Editing while in review is refused; so is a second submit.
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/submit", w.member.Token, map[string]any{"version": v.Version}); r.errorCode() != "wrong_state" {
		t.Fatalf("second submit: %d %s", r.Status, r.errorCode())
	}
	// The coordinator got a review notification.
	if !hasNotification(w.notifications(w.coord), "review", "Jalkautuva Ohjaamo") {
		t.Fatalf("coordinator not told to review: %+v", w.notifications(w.coord))
	}
	// Returned with a note (a note is required).
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/review", w.coord.Token, map[string]any{"version": v.Version, "decision": "return"}); r.errorCode() != "invalid_field" {
		t.Fatalf("return without a note: %d %s", r.Status, r.errorCode())
	}
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/review", w.coord.Token, map[string]any{"version": v.Version, "decision": "return", "note": "Lisää tulokset"}).json(t, &v)
	if v.State != "draft" || v.ReviewNote != "Lisää tulokset" || v.Published != 0 {
		t.Fatalf("returned: %+v", v)
	}
	if !hasNotification(w.notifications(w.member), "review", "Jalkautuva Ohjaamo") {
		t.Fatalf("author not told of the review")
	}
	body["version"] = v.Version
	body["results"] = "Tavoitimme 300 nuorta."
	delete(body, "workspaceId")
	w.must(200, "PUT", "/api/v1/practices/"+v.ID, w.member.Token, body).json(t, &v)
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/submit", w.member.Token, map[string]any{"version": v.Version}).json(t, &v)
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/review", w.coord.Token, map[string]any{"version": v.Version, "decision": "approve"}).json(t, &v)
	if v.State != "done" || v.Published != 1 || v.Current == nil || v.Current.Name != "Jalkautuva Ohjaamo" {
		t.Fatalf("approved: %+v", v)
	}

	// Published: the network reads it, signed-out readers are asked to sign in until it is public.
	if got := w.practice(w.savoMember, v.ID); got.Current == nil || got.Draft != nil || got.CanEdit {
		t.Fatalf("network view: %+v", got)
	}
	if r := w.call("GET", "/api/v1/practices/"+v.ID, "", nil); r.Status != 401 {
		t.Fatalf("signed-out reads a network practice: %d", r.Status)
	}
	if p := w.library(w.savoMember, "?theme="+ref(refdata.Themes, "ohjaamo")); p.Total != 1 {
		t.Fatalf("library by theme: %+v", p)
	}
	if p := w.library(w.savoMember, "?theme="+ref(refdata.Themes, "quality-work")); p.Total != 0 {
		t.Fatalf("library by another theme: %+v", p)
	}
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/visibility", w.member.Token, map[string]any{"version": v.Version, "public": true}); r.Status != 403 {
		t.Fatalf("member makes it public: %d", r.Status)
	}
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/visibility", w.coord.Token, map[string]any{"version": v.Version, "public": true}).json(t, &v)
	var anon practiceView
	w.must(200, "GET", "/api/v1/practices/"+v.ID, "", nil).json(t, &anon)
	if anon.Current == nil || anon.Draft != nil || anon.CanEdit {
		t.Fatalf("public view: %+v", anon)
	}
	if p := w.library(session{}, ""); p.Total != 1 {
		t.Fatalf("public library: %+v", p)
	}

	// A second version: the draft changes do not show to the network until approved; both versions kept.
	body["version"] = v.Version
	body["name"] = "Jalkautuva Ohjaamo 2.0"
	w.must(200, "PUT", "/api/v1/practices/"+v.ID, w.member.Token, body).json(t, &v)
	if got := w.practice(w.savoMember, v.ID); got.Current.Name != "Jalkautuva Ohjaamo" {
		t.Fatalf("network sees the unreviewed draft: %+v", got.Current)
	}
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/submit", w.member.Token, map[string]any{"version": v.Version}).json(t, &v)
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/review", w.coord.Token, map[string]any{"version": v.Version, "decision": "approve"}).json(t, &v)
	got := w.practice(w.savoMember, v.ID)
	if got.Published != 2 || len(got.Versions) != 2 || got.Current.Name != "Jalkautuva Ohjaamo 2.0" {
		t.Fatalf("second version: %+v", got)
	}
	var ver struct {
		Version struct{ N int }
		Content practiceContent
	}
	w.must(200, "GET", "/api/v1/practices/"+v.ID+"/versions/1", w.savoMember.Token, nil).json(t, &ver)
	if ver.Version.N != 1 || ver.Content.Name != "Jalkautuva Ohjaamo" {
		t.Fatalf("version 1: %+v", ver)
	}
	if r := w.call("GET", "/api/v1/practices/"+v.ID+"/versions/3", w.savoMember.Token, nil); r.Status != 404 {
		t.Fatalf("version 3: %d", r.Status)
	}

	// Survives a restart.
	w.restart()
	if got := w.practice(w.savoMember, v.ID); got.Published != 2 || !got.Public || got.Current.Name != "Jalkautuva Ohjaamo 2.0" {
		t.Fatalf("after restart: %+v", got)
	}
}

func hasNotification(ns []notificationView, kind, subject string) bool {
	for _, n := range ns {
		if n.Kind == kind && n.Subject == subject {
			return true
		}
	}
	return false
}

func TestPracticeAdoptionsAndLinks(t *testing.T) {
	w := newWorld(t)
	v := w.publishPractice("Työnantajakahvila")
	got := w.practice(w.savoMember, v.ID)
	if len(got.CanAdopt) != 1 || got.CanAdopt[0] != w.savo {
		t.Fatalf("savo may adopt: %+v", got.CanAdopt)
	}
	// Own group cannot report, the national group is not regional, empty experience refused.
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/adoptions", w.member.Token, map[string]any{"workspaceId": w.kainuu, "experience": "x"}); r.errorCode() != "invalid_field" {
		t.Fatalf("own group adopts: %d %s", r.Status, r.errorCode())
	}
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/adoptions", w.savoMember.Token, map[string]any{"workspaceId": w.kainuu, "experience": "x"}); r.Status != 403 {
		t.Fatalf("adopting for a group one does not edit: %d", r.Status)
	}
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/adoptions", w.savoMember.Token, map[string]any{"workspaceId": w.savo, "experience": "  "}); r.errorCode() != "invalid_field" {
		t.Fatalf("empty experience: %d %s", r.Status, r.errorCode())
	}
	w.must(201, "POST", "/api/v1/practices/"+v.ID+"/adoptions", w.savoMember.Token, map[string]any{"workspaceId": w.savo, "experience": "Kokeilimme Mikkelissä, **toimi**."})
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/adoptions", w.savoMember.Token, map[string]any{"workspaceId": w.savo, "experience": "again"}); r.Status != 409 {
		t.Fatalf("second report: %d", r.Status)
	}
	got = w.practice(w.coord, v.ID)
	if got.Adoptions != 1 || len(got.Spread) != 1 || got.Spread[0] != ref(refdata.Regions, "etela-savo") {
		t.Fatalf("spread: %+v", got)
	}
	var ads []struct{ WorkspaceName, Experience, HTML string }
	w.must(200, "GET", "/api/v1/practices/"+v.ID+"/adoptions", w.nationalMember.Token, nil).json(t, &ads)
	if len(ads) != 1 || !strings.Contains(ads[0].HTML, "<strong>toimi</strong>") {
		t.Fatalf("adoptions: %+v", ads)
	}
	if !hasNotification(w.notifications(w.member), "adoption", "Työnantajakahvila") {
		t.Fatalf("author not told of the adoption")
	}

	// Links with plan actions: the plan's editors link; other regions cannot link to a plan they do not edit.
	plan := w.createPlan(w.coord)
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/links", w.savoMember.Token, map[string]any{"kind": "action", "documentId": plan, "node": "a1"}); r.Status != 400 && r.Status != 403 {
		t.Fatalf("savo links to Kainuu's plan: %d", r.Status)
	}
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/links", w.observer.Token, map[string]any{"kind": "action", "documentId": plan, "node": "a1"}); r.Status != 403 {
		t.Fatalf("observer links: %d", r.Status)
	}
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/links", w.member.Token, map[string]any{"kind": "thread", "threadId": plan}); r.errorCode() != "invalid_field" {
		t.Fatalf("link to an unknown thread: %d %s", r.Status, r.errorCode())
	}
	var link struct{ ID, Title string }
	w.must(201, "POST", "/api/v1/practices/"+v.ID+"/links", w.member.Token, map[string]any{"kind": "action", "documentId": plan, "node": "a1"}).json(t, &link)
	var links []struct{ PracticeID, Node string }
	w.must(200, "GET", "/api/v1/documents/"+plan+"/practice-links", w.observer.Token, nil).json(t, &links)
	if len(links) != 1 || links[0].PracticeID != v.ID || links[0].Node != "a1" {
		t.Fatalf("document links: %+v", links)
	}
	if r := w.call("GET", "/api/v1/documents/"+plan+"/practice-links", w.savoMember.Token, nil); r.Status != 403 {
		t.Fatalf("savo reads Kainuu plan's links: %d", r.Status)
	}
	// The practice shows the link to who reads the plan, not to others.
	var pl []struct{ DocumentID string }
	w.must(200, "GET", "/api/v1/practices/"+v.ID+"/links", w.savoMember.Token, nil).json(t, &pl)
	if len(pl) != 0 {
		t.Fatalf("savo sees a link to Kainuu's plan: %+v", pl)
	}
	w.must(200, "GET", "/api/v1/practices/"+v.ID+"/links", w.nationalMember.Token, nil).json(t, &pl)
	if len(pl) != 1 {
		t.Fatalf("national group sees the link: %+v", pl)
	}
	w.must(204, "DELETE", "/api/v1/practices/"+v.ID+"/links/"+link.ID, w.member.Token, nil)
	w.must(200, "GET", "/api/v1/documents/"+plan+"/practice-links", w.coord.Token, nil).json(t, &links)
	if len(links) != 0 {
		t.Fatalf("link not removed: %+v", links)
	}
}

func TestPracticeBadInput(t *testing.T) {
	w := newWorld(t)
	post := func(as session, mutate func(map[string]any)) resp {
		body := practiceFields("Hyvä käytäntö")
		body["workspaceId"] = w.kainuu
		mutate(body)
		return w.call("POST", "/api/v1/practices", as.Token, body)
	}
	cases := []struct {
		name, code, field string
		mutate            func(map[string]any)
	}{
		{"empty name", "invalid_field", "name", func(b map[string]any) { b["name"] = "   " }},
		{"unknown theme", "invalid_field", "themes", func(b map[string]any) { b["themes"] = []string{ref(refdata.Themes, "nope")} }},
		{"theme of another kind", "invalid_field", "themes", func(b map[string]any) { b["themes"] = []string{ref(refdata.Regions, "kainuu")} }},
		{"unknown region", "invalid_field", "regionId", func(b map[string]any) { b["regionId"] = ref(refdata.Regions, "atlantis") }},
		{"unknown goal", "invalid_field", "nationalGoals", func(b map[string]any) { b["nationalGoals"] = []string{"x"} }},
		{"unknown organisation", "invalid_field", "organisations", func(b map[string]any) { b["organisations"] = []string{ref("x", "y")} }},
		{"oversized text", "invalid_field", "basicIdea", func(b map[string]any) { b["basicIdea"] = strings.Repeat("a", 20001) }},
		{"bad link", "invalid_field", "links.url", func(b map[string]any) { b["links"] = []map[string]string{{"url": "javascript:alert(1)"}} }},
		{"bad email", "invalid_field", "contact.email", func(b map[string]any) { b["contact"] = map[string]string{"email": "not an email"} }},
		{"unknown field", "unknown_field", "status", func(b map[string]any) { b["status"] = "published" }},
		{"unknown workspace", "not_found", "", func(b map[string]any) { b["workspaceId"] = ref("x", "z") }},
	}
	for _, c := range cases {
		r := post(w.member, c.mutate)
		if r.errorCode() != c.code {
			t.Errorf("%s: %d %s, want %s", c.name, r.Status, r.errorCode(), c.code)
		}
	}
	// Another region's member cannot write into Kainuu.
	if r := post(w.savoMember, func(map[string]any) {}); r.Status != 403 {
		t.Errorf("savo writes into kainuu: %d", r.Status)
	}
	// Nothing half-written: no practice exists.
	if p := w.library(w.coord, "?status=drafts"); p.Total != 0 {
		t.Fatalf("bad input left practices: %+v", p)
	}
	// Submitting an incomplete draft is refused with the field; bad filters are refused.
	var v practiceView
	w.must(201, "POST", "/api/v1/practices", w.member.Token, map[string]any{"workspaceId": w.kainuu, "name": "Keskeneräinen"}).json(t, &v)
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/submit", w.member.Token, map[string]any{"version": v.Version}); r.errorCode() != "invalid_field" {
		t.Fatalf("incomplete submit: %d %s", r.Status, r.errorCode())
	}
	if r := w.call("PUT", "/api/v1/practices/"+v.ID, w.member.Token, map[string]any{"version": v.Version + 5, "name": "x", "regionId": ref(refdata.Regions, "kainuu")}); r.errorCode() != "version_conflict" {
		t.Fatalf("stale version: %d %s", r.Status, r.errorCode())
	}
	for _, q := range []string{"?theme=" + ref(refdata.Regions, "kainuu"), "?region=abc", "?orgType=spaceport", "?status=secret"} {
		if r := w.call("GET", "/api/v1/practices"+q, w.member.Token, nil); r.errorCode() != "unknown_filter" {
			t.Errorf("filter %s: %d %s", q, r.Status, r.errorCode())
		}
	}
	if r := w.call("GET", "/api/v1/practices?status=drafts", "", nil); r.Status != 401 {
		t.Errorf("signed-out drafts: %d", r.Status)
	}
}

func TestPracticeThreadLinks(t *testing.T) {
	w := newWorld(t)
	v := w.publishPractice("Ohjauskävelyt")
	var theme, private string
	for _, f := range w.forumList(w.member) {
		switch {
		case f.Kind == "theme" && theme == "":
			theme = f.ID
		case f.WorkspaceID == w.kainuu:
			private = f.ID
		}
	}
	if theme == "" || private == "" {
		t.Fatalf("forums: %+v", w.forumList(w.member))
	}
	open := w.newForumThread(w.member, theme, "Kävelyistä", "Kokemuksia?")
	closed := w.newForumThread(w.member, private, "Kainuun sisäinen", "Vain meille")
	w.must(201, "POST", "/api/v1/practices/"+v.ID+"/links", w.savoMember.Token, map[string]any{"kind": "thread", "threadId": open.Thread.ID})
	// Savo cannot link to (or learn about) Kainuu's private area thread.
	if r := w.call("POST", "/api/v1/practices/"+v.ID+"/links", w.savoMember.Token, map[string]any{"kind": "thread", "threadId": closed.Thread.ID}); r.errorCode() != "invalid_field" {
		t.Fatalf("savo links a private thread: %d %s", r.Status, r.errorCode())
	}
	w.must(201, "POST", "/api/v1/practices/"+v.ID+"/links", w.member.Token, map[string]any{"kind": "thread", "threadId": closed.Thread.ID})
	var savo, kainuu []struct{ Kind, ThreadID, Title string }
	w.must(200, "GET", "/api/v1/practices/"+v.ID+"/links", w.savoMember.Token, nil).json(t, &savo)
	w.must(200, "GET", "/api/v1/practices/"+v.ID+"/links", w.member.Token, nil).json(t, &kainuu)
	if len(savo) != 1 || savo[0].Title != "Kävelyistä" || len(kainuu) != 2 {
		t.Fatalf("thread links: savo %+v, kainuu %+v", savo, kainuu)
	}
}

func TestPracticeSearchNeverLeaksDrafts(t *testing.T) {
	w := newWorld(t)
	body := practiceFields("Salainen ohjauskokeilu")
	body["workspaceId"] = w.kainuu
	var draft practiceView
	w.must(201, "POST", "/api/v1/practices", w.member.Token, body).json(t, &draft)
	pub := w.publishPractice("Jalkautuva ohjauskävely")
	type hits struct {
		Hits []struct{ Kind, ID string }
	}
	find := func(as session, q string) map[string]bool {
		t.Helper()
		var h hits
		w.must(200, "GET", "/api/v1/search?type=practice&q="+q, as.Token, nil).json(t, &h)
		out := map[string]bool{}
		for _, x := range h.Hits {
			out[x.ID] = true
		}
		return out
	}
	// The library puts each write into the index before it answers; a search sees every earlier Put.
	if !find(w.savoMember, "ohjauskävely")[pub.ID] {
		t.Fatal("the published practice is not found by another region")
	}
	if find(w.savoMember, "ohjauskokeilu")[draft.ID] {
		t.Fatal("another region finds a draft")
	}
	if !find(w.member, "ohjauskokeilu")[draft.ID] {
		t.Fatal("the group does not find its draft")
	}
}
