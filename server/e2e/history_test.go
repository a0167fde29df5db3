package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

type timelineView struct {
	Revision int64
	Complete bool
	Groups   []struct {
		By, Name                       string
		From, To                       int64
		Changes, Texts, Added, Removed int
		Restored                       int64
	}
}

type revisionView struct {
	Revision int64
	By       string
	Doc      docView
}

type authorsView struct {
	Texts map[string]map[string][]struct {
		By string
		N  int
	}
	Fields map[string]map[string]struct{ By string }
	People map[string]string
}

// change sends one change and waits until this editor has it back (its acknowledgement).
func (ed *editor) change(rev int64, id string, ops ...any) int64 {
	ed.t.Helper()
	ed.send(map[string]any{"type": "change", "rev": rev, "id": id, "ops": ops})
	for {
		m := ed.next("changes")
		for _, c := range m.Changes {
			if c.ID == id {
				return c.Rev
			}
		}
	}
}

func TestHistoryTimelineRevisionsAuthorsAndRestore(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	a, b, snap := w.twoEditors(id)
	goal, action := snap.firstOfType("goal"), snap.firstOfType("action")

	r1 := a.change(0, "a1", map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": textOp("Ohjaus kaikille")})
	r2 := b.change(r1, "b1", map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": textOp(15, " nuorille")})
	r3 := b.change(r2, "b2", map[string]any{"t": "delete", "node": action.ID})
	if r3 != 3 {
		t.Fatalf("three changes, revision %d", r3)
	}

	var tl timelineView
	w.must(200, "GET", "/api/v1/documents/"+id+"/history", w.observer.Token, nil).json(t, &tl)
	if !tl.Complete || tl.Revision != 3 || len(tl.Groups) != 2 {
		t.Fatalf("timeline: %+v", tl)
	}
	if g := tl.Groups[0]; g.Name != "Juho Jäsen" || g.From != 2 || g.To != 3 || g.Removed != 1 || g.Texts != 1 {
		t.Fatalf("the newest group is the member's two changes: %+v", g)
	}
	if g := tl.Groups[1]; g.Name != "Kaisa Koordinaattori" || g.From != 1 || g.To != 1 {
		t.Fatalf("the oldest group is the coordinator's: %+v", g)
	}

	var rv revisionView
	w.must(200, "GET", "/api/v1/documents/"+id+"/revisions/1", w.member.Token, nil).json(t, &rv)
	if rv.Doc.Nodes[goal.ID].Text["title"] != "Ohjaus kaikille" || rv.Doc.Nodes[action.ID].ID == "" || rv.By != w.coord.UserID {
		t.Fatalf("revision 1: %+v", rv)
	}
	rv = revisionView{}
	w.must(200, "GET", "/api/v1/documents/"+id+"/revisions/0", w.member.Token, nil).json(t, &rv)
	if rv.Doc.Nodes[goal.ID].Text["title"] != "" || len(rv.Doc.Nodes) != 3 {
		t.Fatalf("revision 0 is the plan as created: %+v", rv.Doc.Nodes)
	}

	var au authorsView
	w.must(200, "GET", "/api/v1/documents/"+id+"/authors", w.member.Token, nil).json(t, &au)
	spans := au.Texts[goal.ID]["title"]
	if len(spans) != 2 || spans[0].By != w.coord.UserID || spans[0].N != 15 || spans[1].By != w.member.UserID || spans[1].N != 9 {
		t.Fatalf("who wrote the title: %+v", spans)
	}
	if au.People[w.member.UserID] != "Juho Jäsen" {
		t.Fatalf("people: %+v", au.People)
	}

	// Who may restore, and what bad input gets.
	for _, s := range []session{w.observer, w.nationalMember, w.savoMember} {
		if r := w.call("POST", "/api/v1/documents/"+id+"/restore", s.Token, map[string]any{"revision": 1}); r.Status != 403 {
			t.Fatalf("%s restores: %d %s", s.Email, r.Status, r.Body)
		}
	}
	if r := w.call("GET", "/api/v1/documents/"+id+"/history", w.savoMember.Token, nil); r.Status != 403 {
		t.Fatalf("another region's member reads the history: %d", r.Status)
	}
	for path, code := range map[string]string{"/revisions/9": "invalid_field", "/revisions/-1": "invalid_field", "/revisions/x": "invalid_field", "/authors?revision=4": "invalid_field"} {
		if r := w.call("GET", "/api/v1/documents/"+id+path, w.member.Token, nil); r.Status != 400 || r.errorCode() != code {
			t.Fatalf("GET %s: %d %s", path, r.Status, r.Body)
		}
	}
	for _, body := range []any{map[string]any{}, map[string]any{"revision": 7}, map[string]any{"revision": "1"}, map[string]any{"revision": 1, "x": 1}} {
		if r := w.call("POST", "/api/v1/documents/"+id+"/restore", w.member.Token, body); r.Status != 400 {
			t.Fatalf("restore %v: %d %s", body, r.Status, r.Body)
		}
	}
	if got := w.document(w.coord, id).Revision; got != 3 {
		t.Fatalf("refused restores changed the document: revision %d", got)
	}

	// Restoring revision 1 brings back the deleted action and the title, as new changes that
	// every editor receives.
	w.must(200, "POST", "/api/v1/documents/"+id+"/restore", w.member.Token, map[string]any{"revision": 1})
	var restored []string
	for _, m := range a.untilRev(4) {
		for _, c := range m.Changes {
			if c.Rev == 4 {
				restored = append(restored, c.ID, string(c.Ops))
			}
		}
	}
	if len(restored) != 2 || !strings.HasPrefix(restored[0], "restore-1-") || !strings.Contains(restored[1], action.ID) {
		t.Fatalf("the other editor gets the restore as a change: %v", restored)
	}
	now := w.document(w.coord, id)
	if now.Revision != 4 || now.Nodes[goal.ID].Text["title"] != "Ohjaus kaikille" || now.Nodes[action.ID].ID == "" {
		t.Fatalf("after restore: %+v", now)
	}
	tl = timelineView{}
	w.must(200, "GET", "/api/v1/documents/"+id+"/history", w.coord.Token, nil).json(t, &tl)
	if g := tl.Groups[0]; g.Restored != 1 || g.From != 4 || g.Added != 1 {
		t.Fatalf("the restore is its own group: %+v", g)
	}

	// After a restart (the room closes and stores its history) every revision still opens.
	w.restart()
	tl = timelineView{}
	w.must(200, "GET", "/api/v1/documents/"+id+"/history", w.coord.Token, nil).json(t, &tl)
	if !tl.Complete || tl.Revision != 4 {
		t.Fatalf("after restart: %+v", tl)
	}
	rv = revisionView{}
	w.must(200, "GET", "/api/v1/documents/"+id+"/revisions/3", w.member.Token, nil).json(t, &rv)
	if rv.Doc.Nodes[goal.ID].Text["title"] != "Ohjaus kaikille nuorille" || rv.Doc.Nodes[action.ID].ID != "" {
		t.Fatalf("revision 3 after restart: %+v", rv.Doc.Nodes[goal.ID])
	}
}

// A busy document crosses several snapshots (written off the room's goroutine while editors go
// on): every revision stays in its history, before and after a restart.
func TestSnapshotsDuringBusyEditingKeepTheWholeHistory(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	const editors, each = 10, 110 // a burst each editor may send at once (rate limit: 120)
	eds := make([]*editor, editors)
	var goal string
	for i := range eds {
		s := w.coord
		if i%2 == 1 {
			s = w.member
		}
		eds[i] = w.open(s, id)
		eds[i].send(map[string]any{"type": "join", "rev": 0})
		var snap docView
		_ = json.Unmarshal(eds[i].next("snapshot").Doc, &snap)
		goal = snap.firstOfType("goal").ID
	}
	// Every change inserts one letter into the empty description as the editor saw it at
	// revision 0; the server transforms each over all before it.
	for i, ed := range eds {
		for k := 0; k < each; k++ {
			ed.send(map[string]any{"type": "change", "rev": 0, "id": fmt.Sprintf("e%d-%d", i, k), "ops": []any{
				map[string]any{"t": "text", "node": goal, "field": "description", "op": textOp(string(rune('a' + i)))}}})
		}
	}
	total := int64(editors * each)
	eds[0].untilRev(total)
	check := func(when string) {
		t.Helper()
		var tl timelineView
		w.must(200, "GET", "/api/v1/documents/"+id+"/history", w.coord.Token, nil).json(t, &tl)
		if !tl.Complete || tl.Revision != total {
			t.Fatalf("%s: history complete %v at revision %d, want %d", when, tl.Complete, tl.Revision, total)
		}
		for _, rev := range []int64{1, 499, 500, 501, 777, total} {
			var rv revisionView
			w.must(200, "GET", fmt.Sprintf("/api/v1/documents/%s/revisions/%d", id, rev), w.member.Token, nil).json(t, &rv)
			if got := int64(len(rv.Doc.Nodes[goal].Text["description"])); got != rev {
				t.Fatalf("%s: revision %d has %d letters", when, rev, got)
			}
		}
		if d := w.document(w.coord, id); int64(len(d.Nodes[goal].Text["description"])) != total {
			t.Fatalf("%s: the document has %d letters, want %d", when, len(d.Nodes[goal].Text["description"]), total)
		}
	}
	check("while open")
	w.restart()
	check("after a restart")
}
