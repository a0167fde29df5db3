package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

type commentView struct {
	ID, ThreadID, AuthorID, AuthorName, Body string
	EditedAt                                 *string
	Deleted                                  bool
}

type threadView struct {
	ID         string
	DocumentID string
	Anchor     struct{ Node, Field, Quote string }
	Resolved   bool
	ResolvedBy string
	Comments   []commentView
}

type commentList struct {
	Seq     int64
	Threads []threadView
}

func commentsPath(docID string, rest ...string) string {
	p := "/api/v1/documents/" + docID + "/comments"
	for _, r := range rest {
		p += "/" + r
	}
	return p
}

func (w *world) comments(as session, docID string) commentList {
	w.t.Helper()
	var l commentList
	w.must(200, "GET", commentsPath(docID), as.Token, nil).json(w.t, &l)
	return l
}

func (w *world) startThread(as session, docID string, anchor map[string]string, body string) threadView {
	w.t.Helper()
	var th threadView
	w.must(201, "POST", commentsPath(docID), as.Token, map[string]any{"anchor": anchor, "body": body}).json(w.t, &th)
	return th
}

type notificationView struct {
	Kind, ActorID, ActorName, WorkspaceID, Subject, Excerpt, Link string
}

func (w *world) notifications(as session) []notificationView {
	w.t.Helper()
	var page struct {
		Notifications []notificationView
		Unread        int
	}
	w.must(200, "GET", "/api/v1/notifications", as.Token, nil).json(w.t, &page)
	return page.Notifications
}

// mention is how the client writes a mention into a comment.
func mention(name, userID string) string { return fmt.Sprintf("@[%s](%s)", name, userID) }

func TestCommentThreadsReplyEditResolveAndRemove(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	goal := w.document(w.coord, id).firstOfType("goal")

	th := w.startThread(w.coord, id, map[string]string{"node": goal.ID, "field": "description", "quote": "ohjaus"}, "Onko tämä mitattavissa?")
	if th.Anchor.Node != goal.ID || th.Anchor.Field != "description" || th.Anchor.Quote != "ohjaus" || len(th.Comments) != 1 || th.Comments[0].ID != th.ID {
		t.Fatalf("thread: %+v", th)
	}
	if c := th.Comments[0]; c.AuthorID != w.coord.UserID || c.AuthorName != "Kaisa Koordinaattori" || c.Body != "Onko tämä mitattavissa?" {
		t.Fatalf("first comment: %+v", c)
	}
	var got threadView
	w.must(201, "POST", commentsPath(id, th.ID, "replies"), w.member.Token, map[string]string{"body": "On, lisään mittarin."}).json(t, &got)
	if len(got.Comments) != 2 || got.Comments[1].AuthorID != w.member.UserID {
		t.Fatalf("after reply: %+v", got)
	}
	reply := got.Comments[1].ID

	// Only the author edits; the edited time is kept.
	if r := w.call("PATCH", commentsPath(id, reply), w.coord.Token, map[string]string{"body": "toisen sanat"}); r.Status != 403 || r.errorCode() != "forbidden" {
		t.Fatalf("editing another's comment: %d %s", r.Status, r.Body)
	}
	w.must(200, "PATCH", commentsPath(id, reply), w.member.Token, map[string]string{"body": "On, lisään kaksi mittaria."}).json(t, &got)
	if c := got.Comments[1]; c.Body != "On, lisään kaksi mittaria." || c.EditedAt == nil {
		t.Fatalf("edited reply: %+v", c)
	}

	// Any editor resolves and reopens, through the thread's first comment.
	if r := w.call("PATCH", commentsPath(id, reply), w.member.Token, map[string]bool{"resolved": true}); r.Status != 400 || r.errorCode() != "invalid_field" {
		t.Fatalf("resolving through a reply: %d %s", r.Status, r.Body)
	}
	w.must(200, "PATCH", commentsPath(id, th.ID), w.member.Token, map[string]bool{"resolved": true}).json(t, &got)
	if !got.Resolved || got.ResolvedBy != w.member.UserID {
		t.Fatalf("resolved: %+v", got)
	}
	if l := w.comments(w.observer, id); len(l.Threads) != 1 || !l.Threads[0].Resolved {
		t.Fatalf("resolved threads are still listed: %+v", l)
	}
	got = threadView{}
	w.must(200, "PATCH", commentsPath(id, th.ID), w.coord.Token, map[string]bool{"resolved": false}).json(t, &got)
	if got.Resolved || got.ResolvedBy != "" {
		t.Fatalf("reopened: %+v", got)
	}

	// Removing the first comment of a thread with replies leaves "comment removed".
	if r := w.call("DELETE", commentsPath(id, th.ID), w.member.Token, nil); r.Status != 403 {
		t.Fatalf("removing another's comment: %d %s", r.Status, r.Body)
	}
	w.must(204, "DELETE", commentsPath(id, th.ID), w.coord.Token, nil)
	l := w.comments(w.member, id)
	if len(l.Threads) != 1 || len(l.Threads[0].Comments) != 2 || !l.Threads[0].Comments[0].Deleted || l.Threads[0].Comments[0].Body != "" {
		t.Fatalf("after removing the first comment: %+v", l)
	}
	if r := w.call("PATCH", commentsPath(id, th.ID), w.coord.Token, map[string]string{"body": "takaisin"}); r.Status != 404 {
		t.Fatalf("editing a removed comment: %d %s", r.Status, r.Body)
	}
	// ...and the thread goes when its last reply goes.
	w.must(204, "DELETE", commentsPath(id, reply), w.member.Token, nil)
	if l := w.comments(w.member, id); len(l.Threads) != 0 {
		t.Fatalf("a thread with no comment left still shows: %+v", l)
	}

	// A comment on the whole item, then a restart: everything comes back from the stored events.
	plain := w.startThread(w.member, id, map[string]string{"node": goal.ID}, "Yleinen huomio")
	w.must(200, "PATCH", commentsPath(id, plain.ID), w.coord.Token, map[string]bool{"resolved": true})
	before := w.comments(w.coord, id)
	w.restart()
	after := w.comments(w.coord, id)
	b1, _ := json.Marshal(before)
	b2, _ := json.Marshal(after)
	if string(b1) != string(b2) {
		t.Fatalf("after a restart:\n%s\nwant\n%s", b2, b1)
	}
}

func TestCommentsAreReadByEveryReaderButWrittenOnlyByEditors(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	goal := w.document(w.coord, id).firstOfType("goal")
	th := w.startThread(w.member, id, map[string]string{"node": goal.ID}, "Kommentti")

	for _, s := range []session{w.observer, w.nationalMember} {
		if l := w.comments(s, id); len(l.Threads) != 1 {
			t.Fatalf("%s reads the comments: %+v", s.Email, l)
		}
		for _, r := range []resp{
			w.call("POST", commentsPath(id), s.Token, map[string]any{"anchor": map[string]string{"node": goal.ID}, "body": "saanko?"}),
			w.call("POST", commentsPath(id, th.ID, "replies"), s.Token, map[string]string{"body": "saanko?"}),
			w.call("PATCH", commentsPath(id, th.ID), s.Token, map[string]bool{"resolved": true}),
			w.call("DELETE", commentsPath(id, th.ID), s.Token, nil),
		} {
			if r.Status != 403 || r.errorCode() != "forbidden" {
				t.Fatalf("%s writing: %d %s", s.Email, r.Status, r.Body)
			}
		}
	}
	// A member of another region reads nothing.
	for _, r := range []resp{
		w.call("GET", commentsPath(id), w.savoMember.Token, nil),
		w.call("POST", commentsPath(id, th.ID, "replies"), w.savoMember.Token, map[string]string{"body": "hei"}),
	} {
		if r.Status != 403 {
			t.Fatalf("a member of another workspace: %d %s", r.Status, r.Body)
		}
	}
	if r := w.call("GET", commentsPath(id), "", nil); r.Status != 401 {
		t.Fatalf("signed out: %d %s", r.Status, r.Body)
	}
	if l := w.comments(w.coord, id); len(l.Threads) != 1 || len(l.Threads[0].Comments) != 1 || l.Threads[0].Resolved || l.Seq != 1 {
		t.Fatalf("refused writes changed something: %+v", l)
	}
}

func TestMentionsNotifyExactlyTheMentionedReaders(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	goal := w.document(w.coord, id).firstOfType("goal")

	body := "Katsotko tämän, " + mention("Juho Jäsen", w.member.UserID) + " ja " + mention("Sanna Seuraaja", w.observer.UserID) +
		"? Myös " + mention("Eero Savolainen", w.savoMember.UserID) + " ja minä " + mention("Kaisa Koordinaattori", w.coord.UserID) + "."
	th := w.startThread(w.coord, id, map[string]string{"node": goal.ID, "field": "title"}, body)

	for _, s := range []session{w.member, w.observer} {
		ns := w.notifications(s)
		if len(ns) != 1 {
			t.Fatalf("%s has %d notifications, want 1: %+v", s.Email, len(ns), ns)
		}
		n := ns[0]
		wantLink := "/workspaces/" + w.kainuu + "/documents/" + id + "?comment=" + th.ID
		if n.Kind != "mention" || n.ActorID != w.coord.UserID || n.ActorName != "Kaisa Koordinaattori" || n.WorkspaceID != w.kainuu ||
			n.Subject != "Kainuun ELO-toimintasuunnitelma" || n.Link != wantLink {
			t.Fatalf("%s: %+v", s.Email, n)
		}
		if !strings.HasPrefix(n.Excerpt, "Katsotko tämän, @Juho Jäsen ja @Sanna Seuraaja?") || strings.Contains(n.Excerpt, "](") {
			t.Fatalf("excerpt: %q", n.Excerpt)
		}
	}
	// Not the author, not someone who cannot read the workspace.
	for _, s := range []session{w.coord, w.savoMember} {
		if ns := w.notifications(s); len(ns) != 0 {
			t.Fatalf("%s was notified: %+v", s.Email, ns)
		}
	}

	// Editing tells only the people newly mentioned; a reply tells whom it mentions.
	w.must(200, "PATCH", commentsPath(id, th.ID), w.coord.Token, map[string]string{"body": body + " " + mention("Ville Valtakunta", w.nationalMember.UserID)})
	if ns := w.notifications(w.member); len(ns) != 1 {
		t.Fatalf("an edit notified an already mentioned person again: %+v", ns)
	}
	if ns := w.notifications(w.nationalMember); len(ns) != 1 {
		t.Fatalf("the national group reads the workspace, so its member is told: %+v", ns)
	}
	w.must(201, "POST", commentsPath(id, th.ID, "replies"), w.member.Token, map[string]string{"body": "Selvä " + mention("Kaisa Koordinaattori", w.coord.UserID)})
	if ns := w.notifications(w.coord); len(ns) != 1 || ns[0].ActorID != w.member.UserID {
		t.Fatalf("reply mention: %+v", ns)
	}
	// A mention of someone outside the workspace alone notifies nobody.
	w.startThread(w.member, id, map[string]string{"node": goal.ID}, "Hei "+mention("Eero Savolainen", w.savoMember.UserID))
	if ns := w.notifications(w.savoMember); len(ns) != 0 {
		t.Fatalf("a non-member was notified: %+v", ns)
	}
}

func TestCommentChangesReachOpenEditorsLive(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	goal := w.document(w.coord, id).firstOfType("goal")
	watcher := w.open(w.observer, id) // observers watch live too
	watcher.send(map[string]any{"type": "join", "rev": 0})
	watcher.next("hello")
	editor := w.open(w.coord, id)
	editor.send(map[string]any{"type": "join", "rev": 0})
	editor.next("hello")

	th := w.startThread(w.member, id, map[string]string{"node": goal.ID, "field": "title", "quote": "Tavoite"}, "Hyvä "+mention("Kaisa Koordinaattori", w.coord.UserID))
	type live struct {
		Event   string
		Seq     int64
		By      string
		Removed bool
		Thread  threadView
		Comment *commentView
	}
	read := func() live {
		t.Helper()
		var m live
		if err := json.Unmarshal(watcher.next("comments").Raw, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	var m live
	if err := json.Unmarshal(editor.next("comments").Raw, &m); err != nil || m.Event != "created" || m.Thread.ID != th.ID {
		t.Fatalf("another editor: %+v (%v)", m, err)
	}
	m = read()
	if m.Event != "created" || m.Seq != 1 || m.By != w.member.UserID || m.Thread.ID != th.ID || m.Thread.Anchor.Quote != "Tavoite" ||
		m.Comment == nil || m.Comment.Body != th.Comments[0].Body || m.Comment.AuthorName != "Juho Jäsen" || m.Removed {
		t.Fatalf("created: %+v", m)
	}
	w.must(201, "POST", commentsPath(id, th.ID, "replies"), w.coord.Token, map[string]string{"body": "Kiitos"})
	if m = read(); m.Event != "replied" || m.Comment == nil || m.Comment.Body != "Kiitos" || m.Comment.ThreadID != th.ID {
		t.Fatalf("replied: %+v", m)
	}
	w.must(200, "PATCH", commentsPath(id, th.ID), w.coord.Token, map[string]bool{"resolved": true})
	if m = read(); m.Event != "resolved" || !m.Thread.Resolved || m.Comment != nil {
		t.Fatalf("resolved: %+v", m)
	}
	w.must(204, "DELETE", commentsPath(id, th.ID), w.member.Token, nil)
	if m = read(); m.Event != "deleted" || m.Comment == nil || !m.Comment.Deleted || m.Removed {
		t.Fatalf("deleted first comment: %+v", m)
	}
}

func TestBadCommentsAreRefusedAndChangeNothing(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	goal := w.document(w.coord, id).firstOfType("goal")
	th := w.startThread(w.coord, id, map[string]string{"node": goal.ID}, "Ensimmäinen")
	missing := "0123456789abcdef01234567"
	many := ""
	for i := 0; i < 21; i++ {
		many += mention("X", fmt.Sprintf("%024x", i+1)) + " "
	}
	cases := []struct {
		name, method, path string
		body               any
		status             int
		code, field        string
	}{
		{"empty body", "POST", commentsPath(id), map[string]any{"anchor": map[string]string{"node": goal.ID}, "body": "  "}, 400, "invalid_field", "body"},
		{"oversized body", "POST", commentsPath(id), map[string]any{"anchor": map[string]string{"node": goal.ID}, "body": strings.Repeat("ä", 5001)}, 400, "invalid_field", "body"},
		{"too many mentions", "POST", commentsPath(id), map[string]any{"anchor": map[string]string{"node": goal.ID}, "body": many}, 400, "invalid_field", "body"},
		{"no anchor", "POST", commentsPath(id), map[string]any{"body": "hei"}, 400, "invalid_field", "anchor.node"},
		{"unknown node", "POST", commentsPath(id), map[string]any{"anchor": map[string]string{"node": "n_nope"}, "body": "hei"}, 400, "invalid_field", "anchor.node"},
		{"unknown field", "POST", commentsPath(id), map[string]any{"anchor": map[string]string{"node": goal.ID, "field": "colour"}, "body": "hei"}, 400, "invalid_field", "anchor.field"},
		{"quote without field", "POST", commentsPath(id), map[string]any{"anchor": map[string]string{"node": goal.ID, "quote": "x"}, "body": "hei"}, 400, "invalid_field", "anchor.field"},
		{"oversized quote", "POST", commentsPath(id), map[string]any{"anchor": map[string]string{"node": goal.ID, "field": "title", "quote": strings.Repeat("q", 1001)}, "body": "hei"}, 400, "invalid_field", "anchor.quote"},
		{"unknown property", "POST", commentsPath(id), map[string]any{"anchor": map[string]string{"node": goal.ID}, "body": "hei", "$where": "1"}, 400, "unknown_field", "$where"},
		{"operator in anchor", "POST", commentsPath(id), map[string]any{"anchor": map[string]any{"node": map[string]string{"$ne": ""}}, "body": "hei"}, 400, "invalid_field", "anchor.node"},
		{"unknown thread", "POST", commentsPath(id, missing, "replies"), map[string]string{"body": "hei"}, 404, "not_found", ""},
		{"bad thread id", "POST", commentsPath(id, "nope", "replies"), map[string]string{"body": "hei"}, 400, "invalid_id", "commentId"},
		{"unknown comment", "PATCH", commentsPath(id, missing), map[string]string{"body": "hei"}, 404, "not_found", ""},
		{"nothing to change", "PATCH", commentsPath(id, th.ID), map[string]string{}, 400, "bad_request", ""},
		{"empty edit", "PATCH", commentsPath(id, th.ID), map[string]string{"body": ""}, 400, "invalid_field", "body"},
		{"unknown comment removed", "DELETE", commentsPath(id, missing), nil, 404, "not_found", ""},
		{"unknown document", "GET", commentsPath(missing), nil, 404, "not_found", ""},
	}
	for _, c := range cases {
		r := w.call(c.method, c.path, w.coord.Token, c.body)
		var e struct {
			Error struct{ Code, Field string }
		}
		_ = json.Unmarshal(r.Body, &e)
		if r.Status != c.status || e.Error.Code != c.code || e.Error.Field != c.field {
			t.Errorf("%s: %d %s, want %d %s (field %q)", c.name, r.Status, r.Body, c.status, c.code, c.field)
		}
	}
	if r := w.raw("POST", commentsPath(id), []byte(`{"anchor":{"node":"`+goal.ID+`"},"body":"a"} trailing`), "Authorization", "Bearer "+w.coord.Token); r.Status != 400 {
		t.Errorf("trailing data: %d %s", r.Status, r.Body)
	}
	l := w.comments(w.coord, id)
	if len(l.Threads) != 1 || len(l.Threads[0].Comments) != 1 || l.Threads[0].Comments[0].Body != "Ensimmäinen" || l.Seq != 1 {
		t.Fatalf("refused requests changed something: %+v", l)
	}
}
