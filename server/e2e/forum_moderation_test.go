package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/refdata"
)

type reportView struct {
	PostID, ThreadID, Reason, ReporterName   string
	ResolvedByID, ResolvedByName, Resolution string
	ResolvedAt                               *string
	PostHidden                               bool
}

func (w *world) reports(as session, forum, state string) []reportView {
	w.t.Helper()
	var out struct{ Reports []reportView }
	w.must(200, "GET", "/api/v1/forums/"+forum+"/reports?state="+state, as.Token, nil).json(w.t, &out)
	return out.Reports
}

// reportPage reads one page of a forum's reports.
func (w *world) reportPage(as session, forum, query string) (reports []reportView, next string) {
	w.t.Helper()
	var out struct {
		Reports []reportView
		Next    string
	}
	w.must(200, "GET", "/api/v1/forums/"+forum+"/reports?"+query, as.Token, nil).json(w.t, &out)
	return out.Reports, out.Next
}

// A forum with many reports pages through them: limit and cursor as the thread lists; the pages
// together are the whole list once, newest first; a resolution between pages neither repeats nor
// skips what is still open; the resolved list pages the same; bad paging gets 400 with the field.
func TestForumReportsPage(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	th := w.newForumThread(w.member, ohjaamo, "Paljon ilmoituksia", "Aloitus.")
	posts := []string{th.Posts[0].ID}
	for i := 1; i < 6; i++ {
		posts = append(posts, w.post(w.member, th.Thread.ID, fmt.Sprintf("Viesti %d", i)).ID)
	}
	// 9 open reports of 6 posts; a report in another forum is never in this one's pages.
	for i, id := range posts {
		w.must(204, "POST", "/api/v1/posts/"+id+"/reports", w.savoMember.Token, map[string]string{"reason": fmt.Sprintf("Syy %d", i)})
		if i%2 == 0 {
			w.must(204, "POST", "/api/v1/posts/"+id+"/reports", w.nationalMember.Token, map[string]string{"reason": fmt.Sprintf("Toinen %d", i)})
		}
	}
	other := w.newForumThread(w.member, refdata.DefaultID(refdata.Themes, "youth-guarantee"), "Muualla", "Toinen foorumi.")
	w.must(204, "POST", "/api/v1/posts/"+other.Posts[0].ID+"/reports", w.nationalMember.Token, map[string]string{"reason": "Muualla"})

	key := func(r reportView) string { return r.PostID + "/" + r.Reason }
	all, next := w.reportPage(w.admin, ohjaamo, "state=open&limit=100")
	if len(all) != 9 || next != "" || all[0].Reason != "Syy 5" {
		t.Fatalf("every open report on one page: %d, next %q, first %+v", len(all), next, all[0])
	}
	var paged []string
	cursor, pages := "", 0
	for {
		page, n := w.reportPage(w.admin, ohjaamo, "limit=4&cursor="+cursor)
		pages++
		for _, r := range page {
			paged = append(paged, key(r))
		}
		if n == "" {
			break
		}
		if len(page) != 4 || pages > 3 {
			t.Fatalf("page %d: %d reports, next %q", pages, len(page), n)
		}
		cursor = n
	}
	var want []string
	for _, r := range all {
		want = append(want, key(r))
	}
	if pages != 3 || strings.Join(paged, ",") != strings.Join(want, ",") {
		t.Fatalf("pages %d:\n%v\nwant\n%v", pages, paged, want)
	}

	// A moderator resolves a post of the second page while another reads the first: the second
	// page, by the first page's cursor, holds the rest of the queue.
	first, next := w.reportPage(w.admin, ohjaamo, "limit=4")
	gone := all[5].PostID
	w.must(200, "POST", "/api/v1/posts/"+gone+"/reports/resolve", w.admin.Token, map[string]string{"action": "dismiss"})
	second, last := w.reportPage(w.admin, ohjaamo, "limit=10&cursor="+next)
	seen := map[string]bool{}
	for _, r := range append(first, second...) {
		if seen[key(r)] {
			t.Errorf("report %s twice", key(r))
		}
		seen[key(r)] = true
	}
	for _, r := range all {
		if want := r.PostID != gone || inPage(first, r); seen[key(r)] != want {
			t.Errorf("report %s: listed %v, want %v", key(r), seen[key(r)], want)
		}
	}
	if last != "" {
		t.Errorf("the last page has a next: %q", last)
	}
	// The resolved list pages the same way.
	if done, n := w.reportPage(w.admin, ohjaamo, "state=resolved&limit=1"); len(done) != 1 || n == "" || done[0].PostID != gone || done[0].ResolvedByID == "" {
		t.Errorf("resolved page: %+v next %q", done, n)
	} else if rest, n := w.reportPage(w.admin, ohjaamo, "state=resolved&limit=1&cursor="+n); n != "" || len(rest) != 1 || rest[0].PostID != gone {
		t.Errorf("resolved second page: %+v next %q", rest, n)
	}

	for _, q := range []string{"cursor=x", "cursor=-1", "cursor=99999", "cursor=01", "limit=0", "limit=101", "limit=a"} {
		r := w.call("GET", "/api/v1/forums/"+ohjaamo+"/reports?"+q, w.admin.Token, nil)
		if r.Status != 400 || r.errorCode() != "invalid_field" {
			t.Errorf("%s: %d %s", q, r.Status, r.Body)
		}
	}
	// Paging tells nobody else anything.
	w.must(403, "GET", "/api/v1/forums/"+ohjaamo+"/reports?limit=1&cursor="+next, w.coord.Token, nil)
}

func inPage(page []reportView, r reportView) bool {
	for _, x := range page {
		if x.PostID == r.PostID && x.Reason == r.Reason {
			return true
		}
	}
	return false
}

// Members report posts; the forum's moderators see the open ones in a queue and resolve them
// (dismiss, or hide the post); who resolved what is kept, also over a restart.
func TestForumReportsQueueAndResolution(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	th := w.newForumThread(w.member, ohjaamo, "Raportoitava ketju", "Aloitus.")
	bad := w.post(w.coord, th.Thread.ID, "Asiaton viesti")
	// The moderators hear of new reports live on the forum's topic.
	tab := w.listen(w.admin)
	tab.send(`{"type":"subscribe","topics":["forum:` + ohjaamo + `"]}`)
	tab.next("subscribed")
	w.must(204, "POST", "/api/v1/posts/"+bad.ID+"/reports", w.savoMember.Token, map[string]string{"reason": "Asiaton"})
	if ev := tab.next("event"); ev.Kind != "reports" {
		t.Errorf("live report: %s", ev.Raw)
	}
	w.must(204, "POST", "/api/v1/posts/"+bad.ID+"/reports", w.nationalMember.Token, map[string]string{"reason": "Loukkaava"})
	w.must(204, "POST", "/api/v1/posts/"+bad.ID+"/reports", w.nationalMember.Token, map[string]string{"reason": "Loukkaava!"}) // once per person while open
	w.must(204, "POST", "/api/v1/posts/"+th.Posts[0].ID+"/reports", w.savoMember.Token, map[string]string{"reason": "Väärä foorumi"})

	if open := w.reports(w.admin, ohjaamo, "open"); len(open) != 3 || open[0].PostID != th.Posts[0].ID || open[0].ResolvedByID != "" {
		t.Fatalf("open reports: %+v", open)
	}
	// The forum tells its moderators how many wait (and nobody else).
	openCount := func(as session) int {
		var page struct{ Forum struct{ OpenReports int } }
		w.must(200, "GET", "/api/v1/forums/"+ohjaamo, as.Token, nil).json(t, &page)
		return page.Forum.OpenReports
	}
	if n, m := openCount(w.admin), openCount(w.member); n != 3 || m != 0 {
		t.Errorf("open reports on the forum: moderator %d, member %d", n, m)
	}
	// Only the forum's moderators (platform administrators for a theme forum) read and resolve.
	w.must(403, "GET", "/api/v1/forums/"+ohjaamo+"/reports", w.coord.Token, nil)
	for _, s := range []session{w.coord, w.savoMember} {
		w.must(403, "POST", "/api/v1/posts/"+bad.ID+"/reports/resolve", s.Token, map[string]string{"action": "hide"})
	}
	for _, c := range []struct {
		body any
		code string
	}{
		{map[string]string{"action": "delete"}, "invalid_field"},
		{map[string]string{}, "invalid_field"},
		{map[string]any{"action": "hide", "note": "x"}, "unknown_field"},
	} {
		if r := w.call("POST", "/api/v1/posts/"+bad.ID+"/reports/resolve", w.admin.Token, c.body); r.Status != 400 || r.errorCode() != c.code {
			t.Errorf("resolve %v: %d %s", c.body, r.Status, r.Body)
		}
	}
	if r := w.call("GET", "/api/v1/forums/"+ohjaamo+"/reports?state=maybe", w.admin.Token, nil); r.Status != 400 {
		t.Errorf("state=maybe: %d", r.Status)
	}
	if n := len(w.reports(w.admin, ohjaamo, "open")); n != 3 {
		t.Fatalf("refused resolutions changed the queue: %d open", n)
	}

	// Hide: both reports of the post are resolved at once; readers see the post hidden, live.
	reader := w.listen(w.member)
	reader.send(`{"type":"subscribe","topics":["thread:` + th.Thread.ID + `"]}`)
	reader.next("subscribed")
	var res struct{ Reports []reportView }
	w.must(200, "POST", "/api/v1/posts/"+bad.ID+"/reports/resolve", w.admin.Token, map[string]string{"action": "hide"}).json(t, &res)
	if len(res.Reports) != 2 || res.Reports[0].Resolution != "hide" || res.Reports[0].ResolvedByID != w.admin.UserID || res.Reports[0].ResolvedAt == nil || !res.Reports[0].PostHidden {
		t.Errorf("resolved: %+v", res.Reports)
	}
	ev := reader.next("event")
	var live struct{ Post forumPost }
	_ = json.Unmarshal(ev.Data, &live)
	if ev.Kind != "edited" || !live.Post.Hidden || live.Post.Body != "" {
		t.Errorf("live hide: %s", ev.Raw)
	}
	var tp threadPage
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.member.Token, nil).json(t, &tp)
	if !tp.Posts[1].Hidden || tp.Posts[1].Body != "" {
		t.Errorf("post after hide: %+v", tp.Posts[1])
	}
	// Resolving again: nothing open.
	if r := w.call("POST", "/api/v1/posts/"+bad.ID+"/reports/resolve", w.admin.Token, map[string]string{"action": "dismiss"}); r.Status != 409 || r.errorCode() != "wrong_state" {
		t.Errorf("second resolve: %d %s", r.Status, r.Body)
	}
	// Dismiss: the post stays.
	w.must(200, "POST", "/api/v1/posts/"+th.Posts[0].ID+"/reports/resolve", w.admin.Token, map[string]string{"action": "dismiss"})
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.member.Token, nil).json(t, &tp)
	if tp.Posts[0].Hidden || tp.Posts[0].Body != "Aloitus." {
		t.Errorf("dismissed post: %+v", tp.Posts[0])
	}
	// The queue is empty; the audit keeps who resolved what and how; the same after a restart.
	check := func(when string) {
		if open := w.reports(w.admin, ohjaamo, ""); len(open) != 0 {
			t.Errorf("%s: open: %+v", when, open)
		}
		done := w.reports(w.admin, ohjaamo, "resolved")
		if len(done) != 3 || done[0].Resolution != "dismiss" || done[1].Resolution != "hide" || done[2].Resolution != "hide" ||
			done[0].ResolvedByName == "" || done[0].ResolvedByID != w.admin.UserID || done[1].Reason != "Loukkaava" {
			t.Errorf("%s: resolved: %+v", when, done)
		}
		if all := w.reports(w.admin, ohjaamo, "all"); len(all) != 3 {
			t.Errorf("%s: all: %d", when, len(all))
		}
	}
	if n := openCount(w.admin); n != 0 {
		t.Errorf("open reports on the forum after resolving: %d", n)
	}
	check("before restart")
	w.restart()
	check("after restart")
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.member.Token, nil).json(t, &tp)
	if !tp.Posts[1].Hidden {
		t.Error("the hidden post is shown again after a restart")
	}
	// A new report of the hidden post opens the queue again.
	w.must(204, "POST", "/api/v1/posts/"+th.Posts[0].ID+"/reports", w.nationalMember.Token, map[string]string{"reason": "Uudestaan"})
	if open := w.reports(w.admin, ohjaamo, "open"); len(open) != 1 || open[0].Reason != "Uudestaan" {
		t.Errorf("reopened queue: %+v", open)
	}
}

// A moderator moves a thread to another forum they moderate; its address stays, the old forum
// no longer lists it, the new one does; its reports and search entries follow it.
func TestForumThreadMove(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	var other string
	for _, f := range w.forumList(w.admin) {
		if f.Kind == "theme" && f.ID != ohjaamo {
			other = f.ID
			break
		}
	}
	th := w.newForumThread(w.member, ohjaamo, "Väärässä paikassa", "Siirrettäväksi.")
	w.must(204, "POST", "/api/v1/posts/"+th.Posts[0].ID+"/reports", w.savoMember.Token, map[string]string{"reason": "Kuuluu muualle"})
	tab := w.listen(w.savoMember)
	tab.send(`{"type":"subscribe","topics":["thread:` + th.Thread.ID + `"]}`)
	tab.next("subscribed")

	// Not a moderator, or not of the target forum: refused, nothing moves.
	w.must(403, "PATCH", "/api/v1/threads/"+th.Thread.ID, w.member.Token, map[string]string{"forumId": other})
	w.must(400, "PATCH", "/api/v1/threads/"+th.Thread.ID, w.admin.Token, map[string]string{"forumId": w.kainuu}) // not the admin's group
	w.must(400, "PATCH", "/api/v1/threads/"+th.Thread.ID, w.admin.Token, map[string]string{"forumId": strings.Repeat("ab", 12)})
	var page forumPage
	w.must(200, "GET", "/api/v1/forums/"+ohjaamo, w.member.Token, nil).json(t, &page)
	if len(page.Threads) != 1 {
		t.Fatalf("refused moves changed the forum: %+v", page.Threads)
	}

	var moved threadPage
	w.must(200, "PATCH", "/api/v1/threads/"+th.Thread.ID, w.admin.Token, map[string]string{"forumId": other}).json(t, &moved)
	if moved.Thread.ForumID != other {
		t.Errorf("moved: %+v", moved.Thread)
	}
	ev := tab.next("event")
	var live struct{ Thread forumThread }
	_ = json.Unmarshal(ev.Data, &live)
	if ev.Kind != "moderated" || live.Thread.ForumID != other {
		t.Errorf("live move: %s", ev.Raw)
	}
	// The old address still opens the thread, now in its new forum.
	var tp threadPage
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.savoMember.Token, nil).json(t, &tp)
	if tp.Thread.ForumID != other || tp.Posts[0].Body != "Siirrettäväksi." {
		t.Errorf("thread after the move: %+v", tp.Thread)
	}
	w.must(200, "GET", "/api/v1/forums/"+ohjaamo, w.member.Token, nil).json(t, &page)
	if len(page.Threads) != 0 {
		t.Errorf("the old forum still lists it: %+v", page.Threads)
	}
	w.must(200, "GET", "/api/v1/forums/"+other, w.member.Token, nil).json(t, &page)
	if len(page.Threads) != 1 || page.Threads[0].ID != th.Thread.ID {
		t.Errorf("the new forum: %+v", page.Threads)
	}
	if old, now := w.reports(w.admin, ohjaamo, "all"), w.reports(w.admin, other, "open"); len(old) != 0 || len(now) != 1 {
		t.Errorf("reports after the move: old %d, new %d", len(old), len(now))
	}
	w.restart()
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.member.Token, nil).json(t, &tp)
	if tp.Thread.ForumID != other {
		t.Errorf("after a restart: %+v", tp.Thread)
	}

	// A group's coordinator moves a thread of the group's area into a circle they moderate; the
	// group's people still read it there, and another group's members once their group joined.
	var circle forumView
	w.must(201, "POST", "/api/v1/forums/circles", w.coord.Token, map[string]any{"title": "Kainuu ja Etelä-Savo", "workspaceId": w.kainuu, "invite": []string{w.savo}}).json(t, &circle)
	inner := w.newForumThread(w.member, w.kainuu, "Yhteiseksi", "Jaetaan naapurin kanssa.")
	w.must(400, "PATCH", "/api/v1/threads/"+inner.Thread.ID, w.coord.Token, map[string]string{"forumId": ohjaamo}) // the coordinator does not moderate theme forums
	w.must(200, "PATCH", "/api/v1/threads/"+inner.Thread.ID, w.coord.Token, map[string]string{"forumId": circle.ID})
	w.must(200, "GET", "/api/v1/threads/"+inner.Thread.ID, w.member.Token, nil)
	w.must(404, "GET", "/api/v1/threads/"+inner.Thread.ID, w.savoMember.Token, nil)
	// Search follows the thread's readers: found by the group's member (the same address), not yet
	// by Etelä-Savo's; by both once Etelä-Savo joined.
	inCircle := func(r searchResult) bool {
		for _, h := range r.Hits {
			if h.ID == inner.Thread.ID {
				return h.Link == "/threads/"+inner.Thread.ID
			}
		}
		return false
	}
	w.searchUntil(w.member, "q=naapurin", inCircle)
	if inCircle(w.search(w.savoMember, "q=naapurin")) {
		t.Error("Etelä-Savo's member finds the circle's thread before their group joined")
	}
	savoCoord := w.invite(w.admin, w.savo, "koordinaattori@etela-savo.test", "coordinator", "Satu Savo")
	w.must(200, "POST", "/api/v1/forums/"+circle.ID+"/join", savoCoord.Token, map[string]string{"workspaceId": w.savo})
	w.must(200, "GET", "/api/v1/threads/"+inner.Thread.ID, w.savoMember.Token, nil)
	w.searchUntil(w.savoMember, "q=naapurin", inCircle)
}

type forumCard struct {
	Kind, Link, Title, Group, RegionID, Summary, State, ItemType, ItemTitle, Status string
}

type cardPost struct {
	ID    string
	Links bool
	Cards []forumCard
}

// Links to practices and plan items show as cards below a post, each resolved for its reader:
// what the reader cannot read shows no card (and never its title); posting a link to something
// the writer cannot see is refused with link_not_visible and saves nothing.
func TestForumLinkCards(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	pub := w.publishPractice("Jalkautuva Ohjaamo")
	draftFields := practiceFields("Salainen luonnos")
	draftFields["workspaceId"] = w.kainuu
	var draft practiceView
	w.must(201, "POST", "/api/v1/practices", w.member.Token, draftFields).json(t, &draft)
	plan, actionID := w.exportPlan() // an action "Yhteinen palvelukartta" in progress
	action := node{ID: actionID}
	planLink := "/workspaces/" + w.kainuu + "/documents/" + plan

	body := "Katso [käytäntö](/practices/" + pub.ID + "), luonnos /practices/" + draft.ID + " ja [toimenpide](" + planLink + "#item-" + action.ID + ")."
	th := w.newForumThread(w.member, ohjaamo, "Linkkejä", body)
	var mine struct{ Posts []cardPost }
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.member.Token, nil).json(t, &mine)
	cards := mine.Posts[0].Cards
	if len(cards) != 3 || !mine.Posts[0].Links {
		t.Fatalf("the author's cards: %+v", mine.Posts[0])
	}
	if c := cards[0]; c.Kind != "practice" || c.Title != "Jalkautuva Ohjaamo" || c.State != "published" || c.Group != "ELO-ryhmä Kainuu" ||
		!strings.HasPrefix(c.Summary, "Ohjaamon jalkautuva") || c.Link != "/practices/"+pub.ID || c.RegionID == "" {
		t.Errorf("practice card: %+v", c)
	}
	if c := cards[1]; c.Title != "Salainen luonnos" || c.State != "draft" {
		t.Errorf("draft card: %+v", c)
	}
	if c := cards[2]; c.Kind != "plan" || c.Title != "Kainuun ELO-toimintasuunnitelma" || c.ItemType != "action" || c.Status != "in_progress" || c.ItemTitle != "Yhteinen palvelukartta" ||
		c.Link != planLink+"#item-"+action.ID || c.Group != "ELO-ryhmä Kainuu" {
		t.Errorf("plan card: %+v", c)
	}

	// Another region's member reads the thread: the published practice's card only; the
	// draft's and the plan's names appear nowhere in what they get.
	r := w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.savoMember.Token, nil)
	var theirs struct{ Posts []cardPost }
	r.json(t, &theirs)
	if cs := theirs.Posts[0].Cards; len(cs) != 1 || cs[0].Title != "Jalkautuva Ohjaamo" {
		t.Errorf("the other region's cards: %+v", cs)
	}
	for _, secret := range []string{"Salainen luonnos", "Kainuun ELO-toimintasuunnitelma"} {
		if strings.Contains(string(r.Body), secret) {
			t.Errorf("%q leaks to another region: %s", secret, r.Body)
		}
	}

	// A reply arrives live without cards (viewed by nobody) but flagged, and the answer to its
	// writer carries theirs.
	tab := w.listen(w.savoMember)
	tab.send(`{"type":"subscribe","topics":["thread:` + th.Thread.ID + `"]}`)
	tab.next("subscribed")
	var reply cardPost
	w.must(201, "POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.coord.Token, map[string]string{"body": "Ja suunnitelma: " + planLink}).json(t, &reply)
	if len(reply.Cards) != 1 || reply.Cards[0].Kind != "plan" || reply.Cards[0].ItemType != "" {
		t.Errorf("reply's cards: %+v", reply)
	}
	ev := tab.next("event")
	var live struct{ Post cardPost }
	_ = json.Unmarshal(ev.Data, &live)
	if !live.Post.Links || len(live.Post.Cards) != 0 || strings.Contains(string(ev.Raw), "Kainuun ELO-toimintasuunnitelma") {
		t.Errorf("live post with links: %s", ev.Raw)
	}

	// Links to what the writer cannot see (or that does not exist) are refused; nothing is saved.
	refused := []string{
		"Luonnos /practices/" + draft.ID,
		"Suunnitelma " + planLink,
		"[x](" + planLink + "#item-" + action.ID + ")",
		"Ei ole /practices/" + strings.Repeat("ab", 12),
	}
	for _, b := range refused {
		r := w.call("POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.savoMember.Token, map[string]string{"body": b})
		if r.Status != 400 || r.errorCode() != "link_not_visible" {
			t.Errorf("savo posts %q: %d %s", b, r.Status, r.Body)
		}
	}
	// The workspace's own address counts as a link here too; another site's does not.
	if r := w.call("POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.savoMember.Token, map[string]string{"body": "[x](http://elo.test/practices/" + draft.ID + ")"}); r.Status != 400 || r.errorCode() != "link_not_visible" {
		t.Errorf("savo posts a full link to the draft: %d %s", r.Status, r.Body)
	}
	var elsewhere cardPost
	w.must(201, "POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.savoMember.Token, map[string]string{"body": "Vrt. https://example.org/practices/" + draft.ID}).json(t, &elsewhere)
	if elsewhere.Links || len(elsewhere.Cards) != 0 {
		t.Errorf("a link to another site: %+v", elsewhere)
	}
	if r := w.call("POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.member.Token, map[string]string{"body": "[x](" + planLink + "#item-nosuchitem)"}); r.Status != 400 || r.errorCode() != "link_not_visible" {
		t.Errorf("link to an item not in the plan: %d %s", r.Status, r.Body)
	}
	if r := w.call("PATCH", "/api/v1/posts/"+reply.ID, w.savoMember.Token, map[string]string{"body": "x"}); r.Status != 403 {
		t.Errorf("edit another's post: %d", r.Status)
	}
	var tp threadPage
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.member.Token, nil).json(t, &tp)
	if tp.Thread.Posts != 3 {
		t.Errorf("posts after refused links: %d", tp.Thread.Posts)
	}
	// Editing a post to link to something unseen is refused too; the text stays.
	w.must(201, "POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.savoMember.Token, map[string]string{"body": "Hyvä käytäntö: /practices/" + pub.ID})
	var sp struct{ Posts []forumPost }
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID+"?after=3", w.savoMember.Token, nil).json(t, &sp)
	if r := w.call("PATCH", "/api/v1/posts/"+sp.Posts[0].ID, w.savoMember.Token, map[string]string{"body": "Vaihdan: /practices/" + draft.ID}); r.Status != 400 || r.errorCode() != "link_not_visible" {
		t.Errorf("edit to an unseen link: %d %s", r.Status, r.Body)
	}
}

// The cost of cards, measured in-process (ELO_MEASURE=1; nothing is asserted on time): a
// thread page of 20 posts that each link a practice (and, from Kainuu's people, an action of
// Kainuu's plan) against one of 20 plain posts, for a reader of Kainuu and one of Etelä-Savo.
func TestForumCardsCost(t *testing.T) {
	if os.Getenv("ELO_MEASURE") == "" {
		t.Skip("set ELO_MEASURE=1 to measure")
	}
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	pub := w.publishPractice("Jalkautuva Ohjaamo")
	plan, actionID := w.exportPlan()
	planLink := "/workspaces/" + w.kainuu + "/documents/" + plan + "#item-" + actionID
	writers := []session{w.member, w.coord, w.savoMember, w.nationalMember, w.admin}
	linked := w.newForumThread(w.member, ohjaamo, "Linkit", "Katso /practices/"+pub.ID+" ja "+planLink)
	plain := w.newForumThread(w.coord, ohjaamo, "Tavallinen", "Ei linkkejä.")
	for i := 1; i < 20; i++ {
		s := writers[i%len(writers)]
		body := "Kokemuksia: /practices/" + pub.ID
		if s.UserID == w.member.UserID || s.UserID == w.coord.UserID {
			body += " ja " + planLink
		}
		w.post(s, linked.Thread.ID, body)
		w.post(writers[(i+1)%len(writers)], plain.Thread.ID, fmt.Sprintf("Tavallinen viesti %d", i))
	}
	for _, c := range []struct {
		name   string
		thread string
		as     session
	}{{"plain, Kainuu's member", plain.Thread.ID, w.member}, {"linked, Kainuu's member", linked.Thread.ID, w.member},
		{"linked, Etelä-Savo's member", linked.Thread.ID, w.savoMember}} {
		p := accounts.Principal{UserID: c.as.UserID}
		page, err := w.app.Forums.Thread(p, c.thread, 0, 0, 50)
		if err != nil {
			t.Fatal(err)
		}
		cards := 0
		for _, po := range page.Posts {
			cards += len(po.Cards)
		}
		r := testing.Benchmark(func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := w.app.Forums.Thread(p, c.thread, 0, 0, 50); err != nil {
					b.Fatal(err)
				}
			}
		})
		t.Logf("%-30s %2d posts, %2d cards: %8.1f µs/page, %5d allocs/page (%d runs)", c.name, len(page.Posts), cards,
			float64(r.NsPerOp())/1000, r.AllocsPerOp(), r.N)
	}
}
