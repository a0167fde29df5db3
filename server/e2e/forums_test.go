package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/store"
)

type forumView struct {
	ID, Kind, WorkspaceID string
	Names                 struct{ FI, SV, EN string }
	Threads, Unread       int
	CanWrite, CanModerate bool
}

type forumThread struct {
	ID, ForumID, Title          string
	Posts, Read, Unread         int
	Pinned, Locked, Hidden, New bool
}

type forumPost struct {
	ID, ThreadID, AuthorID, Body, HTML string
	Number, Edits                      int
	Deleted, Hidden                    bool
	Quote                              *struct{ PostID, Excerpt string }
	Reactions                          []struct {
		Kind  string
		Count int
		Mine  bool
	}
}

type threadPage struct {
	Thread              forumThread
	Posts               []forumPost
	CanWrite            bool
	HasBefore, HasAfter bool
}

type forumPage struct {
	Forum   forumView
	Threads []forumThread
	Next    string
}

func (w *world) forumList(as session) []forumView {
	w.t.Helper()
	var out struct{ Forums []forumView }
	w.must(200, "GET", "/api/v1/forums", as.Token, nil).json(w.t, &out)
	return out.Forums
}

func (w *world) newForumThread(as session, forum, title, body string) threadPage {
	w.t.Helper()
	var out threadPage
	w.must(201, "POST", "/api/v1/forums/"+forum+"/threads", as.Token, map[string]string{"title": title, "body": body}).json(w.t, &out)
	return out
}

func (w *world) post(as session, thread, body string) forumPost {
	w.t.Helper()
	var out forumPost
	w.must(201, "POST", "/api/v1/threads/"+thread+"/posts", as.Token, map[string]string{"body": body}).json(w.t, &out)
	return out
}

func has(fs []forumView, id string) bool {
	for _, f := range fs {
		if f.ID == id {
			return true
		}
	}
	return false
}

func TestForumsPrivateAreasAndCirclesNeverLeak(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	// Theme forums for everyone; a group's area for its members only.
	mine := w.forumList(w.member)
	if !has(mine, ohjaamo) || !has(mine, w.kainuu) || has(mine, w.savo) {
		t.Fatalf("member's forums: %+v", mine)
	}
	for _, s := range []session{w.savoMember, w.nationalMember, w.admin} {
		if has(w.forumList(s), w.kainuu) {
			t.Errorf("%s sees Kainuu's private area", s.Email)
		}
	}
	th := w.newForumThread(w.member, w.kainuu, "Sisäinen asia", "Vain Kainuulle. @[Eero Savolainen]("+w.savoMember.UserID+") @[Kaisa Koordinaattori]("+w.coord.UserID+")")
	for _, s := range []session{w.savoMember, w.nationalMember, w.admin} {
		for _, path := range []string{"/api/v1/forums/" + w.kainuu, "/api/v1/threads/" + th.Thread.ID, "/api/v1/posts/" + th.Posts[0].ID + "/history"} {
			if r := w.call("GET", path, s.Token, nil); r.Status != 404 {
				t.Errorf("%s GET %s: %d", s.Email, path, r.Status)
			}
		}
		if r := w.call("POST", "/api/v1/threads/"+th.Thread.ID+"/posts", s.Token, map[string]string{"body": "hei"}); r.Status != 404 {
			t.Errorf("%s posts in Kainuu's area: %d", s.Email, r.Status)
		}
	}
	// Search finds the private thread and its posts for the group's members only.
	w.post(w.coord, th.Thread.ID, "Salainen kehittämissuunnitelma")
	found := func(s session, q string) int {
		var r struct {
			Hits []struct{ Kind, ID, Link string }
		}
		w.must(200, "GET", "/api/v1/search?q="+q, s.Token, nil).json(t, &r)
		return len(r.Hits)
	}
	if found(w.member, "kehittämissuunnitelma") != 1 || found(w.member, "Sisäinen") != 2 {
		t.Error("the group's member does not find its private thread")
	}
	for _, s := range []session{w.savoMember, w.nationalMember} {
		if n := found(s, "kehittämissuunnitelma") + found(s, "Sisäinen"); n != 0 {
			t.Errorf("%s finds %d entries of Kainuu's private area", s.Email, n)
		}
	}
	// The observer reads but does not write.
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.observer.Token, nil)
	w.must(403, "POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.observer.Token, map[string]string{"body": "hei"})
	// The mention of someone who cannot read the thread notifies nobody; the coordinator is told.
	if ns := w.notifications(w.savoMember); len(ns) != 0 {
		t.Errorf("outsider notified: %+v", ns)
	}
	if ns := w.notifications(w.coord); len(ns) != 1 || ns[0].Kind != "mention" || !strings.HasPrefix(ns[0].Link, "/threads/"+th.Thread.ID) {
		t.Errorf("coordinator's notifications: %+v", ns)
	}
	// Live: an outsider cannot subscribe to the private thread or forum.
	tab := w.listen(w.savoMember)
	tab.send(`{"type":"subscribe","topics":["thread:` + th.Thread.ID + `"]}`)
	if m := tab.next("error"); m.Topic != "thread:"+th.Thread.ID {
		t.Errorf("subscribe to a private thread: %s", m.Raw)
	}
	tab.send(`{"type":"subscribe","topics":["forum:` + w.kainuu + `"]}`)
	tab.next("error")

	// A peer circle: Kainuu opens it with Etelä-Savo invited; Etelä-Savo's people read it only
	// after their coordinator joins.
	savoCoord := w.invite(w.admin, w.savo, "koordinaattori@etela-savo.test", "coordinator", "Satu Savo")
	w.must(400, "POST", "/api/v1/forums/circles", w.member.Token, map[string]any{"title": "Yhteistyö", "workspaceId": w.kainuu, "invite": []string{w.savo}})
	w.must(400, "POST", "/api/v1/forums/circles", w.coord.Token, map[string]any{"title": "Yksin", "workspaceId": w.kainuu, "invite": []string{}})
	var circle forumView
	w.must(201, "POST", "/api/v1/forums/circles", w.coord.Token, map[string]any{"title": "Kainuu ja Etelä-Savo", "workspaceId": w.kainuu, "invite": []string{w.savo}}).json(t, &circle)
	ct := w.newForumThread(w.member, circle.ID, "Yhteinen hanke", "Aloitetaan.")
	if has(w.forumList(w.savoMember), circle.ID) {
		t.Error("Etelä-Savo's member sees the circle before their group joined")
	}
	w.must(404, "GET", "/api/v1/threads/"+ct.Thread.ID, w.savoMember.Token, nil)
	if !has(w.forumList(savoCoord), circle.ID) {
		t.Error("the invited coordinator does not see the invitation")
	}
	w.must(404, "POST", "/api/v1/forums/"+circle.ID+"/join", w.savoMember.Token, map[string]string{"workspaceId": w.savo})
	w.must(200, "POST", "/api/v1/forums/"+circle.ID+"/join", savoCoord.Token, map[string]string{"workspaceId": w.savo})
	w.must(200, "GET", "/api/v1/threads/"+ct.Thread.ID, w.savoMember.Token, nil)
	w.post(w.savoMember, ct.Thread.ID, "Kiitos kutsusta!")
	if found(w.savoMember, "kutsusta") != 1 || found(w.nationalMember, "kutsusta") != 0 {
		t.Error("circle posts in search: wrong audience")
	}
	// The national group and other groups still do not.
	w.must(404, "GET", "/api/v1/threads/"+ct.Thread.ID, w.nationalMember.Token, nil)
	if has(w.forumList(w.nationalMember), circle.ID) {
		t.Error("national group sees the circle")
	}
	// Links to things the author cannot see are refused.
	r := w.call("POST", "/api/v1/forums/"+ohjaamo+"/threads", w.nationalMember.Token, map[string]string{"title": "Katso", "body": "Katso /threads/" + th.Thread.ID})
	if r.Status != 400 || r.errorCode() != "link_not_visible" {
		t.Errorf("link to a private thread: %d %s", r.Status, r.Body)
	}
	w.newForumThread(w.member, ohjaamo, "Linkki", "Katso [tämä](/threads/"+th.Thread.ID+")") // the author can see it
}

func TestForumPostsBadInput(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	th := w.newForumThread(w.member, ohjaamo, "Ohjaamon <b>nuoret</b>", "**lihavoitu** [x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>")
	p := th.Posts[0]
	for _, bad := range []string{"<script", "javascript:", "onerror", "<img"} {
		if strings.Contains(strings.ToLower(p.HTML), bad) {
			t.Errorf("html not inert: %s", p.HTML)
		}
	}
	if !strings.Contains(p.HTML, "<strong>lihavoitu</strong>") {
		t.Errorf("markdown not rendered: %s", p.HTML)
	}
	count := func() int {
		var page forumPage
		w.must(200, "GET", "/api/v1/forums/"+ohjaamo, w.member.Token, nil).json(t, &page)
		return page.Forum.Threads
	}
	cases := []struct {
		path string
		body any
		code string
		want int
	}{
		{"/api/v1/forums/" + ohjaamo + "/threads", map[string]string{"title": "  ", "body": "x"}, "invalid_field", 400},
		{"/api/v1/forums/" + ohjaamo + "/threads", map[string]string{"title": "Pitkä", "body": strings.Repeat("a", 20001)}, "invalid_field", 400},
		{"/api/v1/forums/" + ohjaamo + "/threads", map[string]string{"title": strings.Repeat("t", 201), "body": "x"}, "invalid_field", 400},
		{"/api/v1/forums/" + ohjaamo + "/threads", map[string]any{"title": "x", "body": "x", "extra": 1}, "unknown_field", 400},
		{"/api/v1/forums/" + strings.Repeat("ab", 12) + "/threads", map[string]string{"title": "Tuntematon teema", "body": "x"}, "not_found", 404},
		{"/api/v1/forums/nope/threads", map[string]string{"title": "x", "body": "x"}, "invalid_id", 400},
		{"/api/v1/threads/" + th.Thread.ID + "/posts", map[string]string{"body": ""}, "invalid_field", 400},
		{"/api/v1/threads/" + th.Thread.ID + "/posts", map[string]string{"body": "x", "quote": strings.Repeat("cd", 12)}, "invalid_field", 400},
		{"/api/v1/posts/" + p.ID + "/reactions", map[string]string{"reaction": "angry"}, "invalid_field", 400},
	}
	for _, c := range cases {
		r := w.call("POST", c.path, w.member.Token, c.body)
		if r.Status != c.want || r.errorCode() != c.code {
			t.Errorf("POST %s %v: %d %s, want %d %s", c.path, c.body, r.Status, r.Body, c.want, c.code)
		}
	}
	if n := count(); n != 1 {
		t.Errorf("threads after refused input: %d", n)
	}
	var tp threadPage
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.member.Token, nil).json(t, &tp)
	if tp.Thread.Posts != 1 {
		t.Errorf("posts after refused input: %d", tp.Thread.Posts)
	}
	// Posting is rate-limited per person: the burst runs out (another person still posts).
	limited := false
	for i := 0; i < 30 && !limited; i++ {
		r := w.call("POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.member.Token, map[string]string{"body": fmt.Sprintf("viesti %d", i)})
		if r.Status == 429 && r.errorCode() == "rate_limited" {
			limited = true
		} else if r.Status != 201 {
			t.Fatalf("post %d: %d %s", i, r.Status, r.Body)
		}
	}
	if !limited {
		t.Error("30 posts at once were not rate-limited")
	}
	w.post(w.savoMember, th.Thread.ID, "Minä ehdin vielä.")
}

func TestForumThreadLifecycle(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	th := w.newForumThread(w.member, ohjaamo, "Miten tavoitatte nuoret?", "Kertokaa kokemuksia.")
	// The other reader listens live.
	tab := w.listen(w.savoMember)
	tab.send(`{"type":"subscribe","topics":["thread:` + th.Thread.ID + `","forum:` + ohjaamo + `"]}`)
	tab.next("subscribed")
	reply := w.post(w.coord, th.Thread.ID, "Meillä **Ohjaamo** jalkautuu kouluihin.")
	ev := tab.next("event")
	var live struct{ Post forumPost }
	_ = json.Unmarshal(ev.Data, &live)
	if ev.Topic != "thread:"+th.Thread.ID || ev.Kind != "post" || live.Post.ID != reply.ID || !strings.Contains(live.Post.HTML, "<strong>Ohjaamo</strong>") {
		t.Fatalf("live post: %s", ev.Raw)
	}
	if ev := tab.next("event"); ev.Kind != "activity" { // the forum hears of the thread's activity
		t.Fatalf("forum event: %s", ev.Raw)
	}
	// The starter is told of the reply.
	if ns := w.notifications(w.member); len(ns) != 1 || ns[0].Kind != "reply" {
		t.Errorf("starter's notifications: %+v", ns)
	}
	// Quote, react, edit with history, remove.
	var q forumPost
	w.must(201, "POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.savoMember.Token, map[string]string{"body": "Hyvä idea!", "quote": reply.ID}).json(t, &q)
	if q.Quote == nil || q.Quote.PostID != reply.ID || !strings.Contains(q.Quote.Excerpt, "Ohjaamo jalkautuu") {
		t.Errorf("quote: %+v", q.Quote)
	}
	tab.next("event")
	tab.next("event")
	if ns := w.notifications(w.coord); len(ns) != 1 || ns[0].Kind != "reply" {
		t.Errorf("quoted author's notifications: %+v", ns)
	}
	var reacted forumPost
	w.must(200, "POST", "/api/v1/posts/"+reply.ID+"/reactions", w.member.Token, map[string]string{"reaction": "thanks"}).json(t, &reacted)
	if len(reacted.Reactions) != 1 || reacted.Reactions[0].Count != 1 || !reacted.Reactions[0].Mine {
		t.Errorf("reactions: %+v", reacted.Reactions)
	}
	if ev := tab.next("event"); ev.Kind != "reacted" {
		t.Errorf("live reaction: %s", ev.Raw)
	}
	w.must(403, "PATCH", "/api/v1/posts/"+reply.ID, w.member.Token, map[string]string{"body": "ei oma"})
	var edited forumPost
	w.must(200, "PATCH", "/api/v1/posts/"+reply.ID, w.coord.Token, map[string]string{"body": "Meillä Ohjaamo käy kouluissa."}).json(t, &edited)
	if edited.Edits != 1 {
		t.Errorf("edits: %d", edited.Edits)
	}
	if ev := tab.next("event"); ev.Kind != "edited" {
		t.Errorf("live edit: %s", ev.Raw)
	}
	var hist struct{ Revisions []struct{ Body string } }
	w.must(200, "GET", "/api/v1/posts/"+reply.ID+"/history", w.savoMember.Token, nil).json(t, &hist)
	if len(hist.Revisions) != 1 || !strings.Contains(hist.Revisions[0].Body, "jalkautuu") {
		t.Errorf("history: %+v", hist)
	}
	w.must(403, "DELETE", "/api/v1/posts/"+reply.ID, w.savoMember.Token, nil)
	w.must(204, "DELETE", "/api/v1/posts/"+q.ID, w.savoMember.Token, nil)
	var tp threadPage
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.member.Token, nil).json(t, &tp)
	if len(tp.Posts) != 3 || !tp.Posts[2].Deleted || tp.Posts[2].Body != "" || tp.Posts[2].HTML != "" {
		t.Errorf("removed post: %+v", tp.Posts)
	}
	// Reports and moderation: only the theme forum's moderators (platform administrators).
	w.must(204, "POST", "/api/v1/posts/"+reply.ID+"/reports", w.savoMember.Token, map[string]string{"reason": "Asiaton"})
	w.must(403, "GET", "/api/v1/forums/"+ohjaamo+"/reports", w.coord.Token, nil)
	var reps struct {
		Reports []struct{ PostID, Reason string }
	}
	w.must(200, "GET", "/api/v1/forums/"+ohjaamo+"/reports", w.admin.Token, nil).json(t, &reps)
	if len(reps.Reports) != 1 || reps.Reports[0].PostID != reply.ID {
		t.Errorf("reports: %+v", reps)
	}
	w.must(403, "PATCH", "/api/v1/threads/"+th.Thread.ID, w.coord.Token, map[string]bool{"locked": true})
	w.must(200, "PATCH", "/api/v1/threads/"+th.Thread.ID, w.admin.Token, map[string]bool{"locked": true, "pinned": true})
	r := w.call("POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.member.Token, map[string]string{"body": "Vielä yksi"})
	if r.Status != 403 {
		t.Errorf("post in a locked thread: %d", r.Status)
	}
	// Hide a post: others see it hidden and without text.
	w.must(200, "PATCH", "/api/v1/posts/"+reply.ID, w.admin.Token, map[string]bool{"hidden": true})
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.member.Token, nil).json(t, &tp)
	if !tp.Posts[1].Hidden || tp.Posts[1].Body != "" {
		t.Errorf("hidden post: %+v", tp.Posts[1])
	}
	// Pinned first; unread markers; new since the last visit.
	other := w.newForumThread(w.savoMember, ohjaamo, "Toinen ketju", "Uusi")
	var page forumPage
	w.must(200, "GET", "/api/v1/forums/"+ohjaamo, w.member.Token, nil).json(t, &page)
	if len(page.Threads) != 2 || page.Threads[0].ID != th.Thread.ID || !page.Threads[0].Pinned || page.Threads[1].ID != other.Thread.ID {
		t.Errorf("threads: %+v", page.Threads)
	}
	if page.Threads[0].Unread != 3 {
		t.Errorf("unread: %+v", page.Threads[0])
	}
	w.must(204, "POST", "/api/v1/threads/"+th.Thread.ID+"/read", w.member.Token, map[string]int{"upTo": 3})
	w.must(204, "POST", "/api/v1/forums/"+ohjaamo+"/visit", w.member.Token, nil)
	w.must(200, "PATCH", "/api/v1/threads/"+other.Thread.ID, w.admin.Token, map[string]bool{"locked": false})
	w.post(w.savoMember, other.Thread.ID, "Lisää")
	w.must(200, "GET", "/api/v1/forums/"+ohjaamo, w.member.Token, nil).json(t, &page)
	if page.Threads[0].Unread != 0 || page.Threads[0].New || !page.Threads[1].New {
		t.Errorf("after reading: %+v", page.Threads)
	}
	// Following a forum: its new threads notify.
	w.must(200, "PUT", "/api/v1/forums/"+ohjaamo+"/follow", w.nationalMember.Token, map[string]bool{"following": true})
	w.newForumThread(w.savoMember, ohjaamo, "Kolmas", "Seuratkaa")
	if ns := w.notifications(w.nationalMember); len(ns) != 1 || ns[0].Kind != "followed" {
		t.Errorf("follower's notifications: %+v", ns)
	}
}

// A thread of 2,000 posts (written as stored events, then loaded at a restart) pages by cursor.
func TestForumLongThreadPages(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	th := w.newForumThread(w.member, ohjaamo, "Pitkä ketju", "Ensimmäinen")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db, err := store.Open(ctx, store.Options{URI: mongoURI, Database: w.cfg.Database})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	table := store.NewTable[forums.Record](db, "forum_events")
	have, err := table.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	evs := make([]forums.Event, 1999)
	at := time.Now().UTC().Truncate(time.Millisecond)
	for i := range evs {
		by := w.member.UserID
		if i%2 == 0 {
			by = w.savoMember.UserID
		}
		evs[i] = forums.Event{Kind: forums.EventPost, By: by, At: at.Add(time.Duration(i) * time.Millisecond), Thread: th.Thread.ID,
			Post: fmt.Sprintf("%024x", i+1), Body: fmt.Sprintf("Viesti %d", i+2)}
	}
	if err := table.InsertMany(ctx, forums.Records(int64(len(have)+1), evs)); err != nil {
		t.Fatal(err)
	}
	w.restart()
	var tp threadPage
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID+"?limit=100", w.coord.Token, nil).json(t, &tp)
	if tp.Thread.Posts != 2000 || len(tp.Posts) != 100 || tp.Posts[0].Number != 1 || tp.HasBefore || !tp.HasAfter {
		t.Fatalf("first page: posts %d, page %d, hasBefore %v hasAfter %v", tp.Thread.Posts, len(tp.Posts), tp.HasBefore, tp.HasAfter)
	}
	seen := len(tp.Posts)
	for tp.HasAfter {
		last := tp.Posts[len(tp.Posts)-1].Number
		w.must(200, "GET", fmt.Sprintf("/api/v1/threads/%s?after=%d&limit=100", th.Thread.ID, last), w.coord.Token, nil).json(t, &tp)
		if tp.Posts[0].Number != last+1 {
			t.Fatalf("page after %d starts at %d", last, tp.Posts[0].Number)
		}
		seen += len(tp.Posts)
	}
	if seen != 2000 || tp.Posts[len(tp.Posts)-1].Body != "Viesti 2000" {
		t.Fatalf("paged %d posts; last %+v", seen, tp.Posts[len(tp.Posts)-1])
	}
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID+"?before=1951&limit=50", w.coord.Token, nil).json(t, &tp)
	if len(tp.Posts) != 50 || tp.Posts[0].Number != 1901 || tp.Posts[49].Number != 1950 || !tp.HasAfter || !tp.HasBefore {
		t.Fatalf("page before 1951: %d..%d", tp.Posts[0].Number, tp.Posts[len(tp.Posts)-1].Number)
	}
	// A new post after the restart continues the numbering.
	p := w.post(w.member, th.Thread.ID, "Uusi")
	if p.Number != 2001 {
		t.Fatalf("new post number %d", p.Number)
	}
}
