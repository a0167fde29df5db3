package e2e

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fasthttp/websocket"

	"github.com/elo-workspace/elo-workspace/server/ot"
)

// editor is a websocket connection to a live document, read by one goroutine.
type editor struct {
	t    *testing.T
	conn *websocket.Conn
	msgs chan msg
	done chan struct{}
	code int // the close code, once closed
	mu   sync.Mutex
	wmu  sync.Mutex
}

type msg struct {
	Type    string
	Raw     json.RawMessage
	Rev     int64           `json:"rev"`
	Doc     json.RawMessage `json:"doc"`
	CanEdit bool            `json:"canEdit"`
	Code    string          `json:"code"`
	ID      string          `json:"id"`
	Changes []struct {
		Rev     int64           `json:"rev"`
		By      string          `json:"by"`
		ID      string          `json:"id"`
		Ops     json.RawMessage `json:"ops"`
		Dropped []struct{ Node, Reason string }
	} `json:"changes"`
	Users []struct{ User, Name, Field string } `json:"users"`
}

func (w *world) dial(token, docID, origin string) (*editor, *http.Response, error) {
	d := websocket.Dialer{Subprotocols: []string{"elo.v1", "bearer." + token}, HandshakeTimeout: 10 * time.Second}
	url := "ws" + strings.TrimPrefix(w.url, "http") + "/api/v1/documents/" + docID + "/socket"
	conn, res, err := d.Dial(url, http.Header{"Origin": {origin}})
	if err != nil {
		return nil, res, err
	}
	ed := &editor{t: w.t, conn: conn, msgs: make(chan msg, 10000), done: make(chan struct{})}
	go ed.read()
	w.t.Cleanup(func() { conn.Close() })
	return ed, res, nil
}

func (w *world) open(s session, docID string) *editor {
	w.t.Helper()
	ed, res, err := w.dial(s.Token, docID, "http://elo.test")
	if err != nil {
		w.t.Fatalf("dial: %v (%v)", err, res)
	}
	return ed
}

func (ed *editor) read() {
	defer close(ed.done)
	for {
		_, frame, err := ed.conn.ReadMessage()
		if err != nil {
			if ce, ok := err.(*websocket.CloseError); ok {
				ed.mu.Lock()
				ed.code = ce.Code
				ed.mu.Unlock()
			}
			return
		}
		var batch []json.RawMessage
		if err := json.Unmarshal(frame, &batch); err != nil {
			ed.t.Errorf("frame is not an array: %s", frame)
			return
		}
		for _, raw := range batch {
			var m msg
			_ = json.Unmarshal(raw, &m)
			var head struct{ Type string }
			_ = json.Unmarshal(raw, &head)
			m.Type, m.Raw = head.Type, raw
			ed.msgs <- m
		}
	}
}

func (ed *editor) send(v any) {
	ed.t.Helper()
	ed.wmu.Lock()
	defer ed.wmu.Unlock()
	b, _ := json.Marshal(v)
	if err := ed.conn.WriteMessage(websocket.TextMessage, b); err != nil {
		ed.t.Fatalf("send: %v", err)
	}
}

// next returns the next message of the type, skipping others (the guard only ends a hung test).
func (ed *editor) next(typ string) msg {
	ed.t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case m := <-ed.msgs:
			if m.Type == typ {
				return m
			}
		case <-ed.done:
			ed.t.Fatalf("connection closed (code %d) while waiting for %s", ed.closeCode(), typ)
		case <-timeout:
			ed.t.Fatalf("no %s message", typ)
		}
	}
}

func (ed *editor) closeCode() int {
	ed.mu.Lock()
	defer ed.mu.Unlock()
	return ed.code
}

// untilRev reads changes until the editor has seen revision rev; it returns them.
func (ed *editor) untilRev(rev int64) []msg {
	ed.t.Helper()
	var out []msg
	for seen := int64(0); seen < rev; {
		m := ed.next("changes")
		out = append(out, m)
		for _, c := range m.Changes {
			seen = max(seen, c.Rev)
		}
	}
	return out
}

type node struct {
	ID, Type, Parent, List string
	Text                   map[string]string
	Fields                 map[string]any
}

type docView struct {
	ID, Title, Status string
	Revision          int64
	CanEdit           bool
	Nodes             map[string]node
}

// firstOfType finds the (only) node of a type.
func (d docView) firstOfType(typ string) node {
	for _, n := range d.Nodes {
		if n.Type == typ {
			return n
		}
	}
	return node{}
}

func (w *world) createPlan(as session) string {
	w.t.Helper()
	var d struct{ ID string }
	w.must(201, "POST", "/api/v1/workspaces/"+w.kainuu+"/documents", as.Token,
		map[string]string{"kind": "action_plan", "title": "Kainuun ELO-toimintasuunnitelma", "period": "2026"}).json(w.t, &d)
	return d.ID
}

func (w *world) document(as session, id string) docView {
	w.t.Helper()
	var d docView
	w.must(200, "GET", "/api/v1/documents/"+id, as.Token, nil).json(w.t, &d)
	return d
}

func textOp(ops ...any) []any { return ops }

// twoEditors joins the coordinator and the member to the plan id and returns their sockets
// and the snapshot the coordinator was sent.
func (w *world) twoEditors(id string) (a, b *editor, snap docView) {
	w.t.Helper()
	a, b = w.open(w.coord, id), w.open(w.member, id)
	a.send(map[string]any{"type": "join", "rev": 0})
	b.send(map[string]any{"type": "join", "rev": 0})
	if err := json.Unmarshal(a.next("snapshot").Doc, &snap); err != nil {
		w.t.Fatal(err)
	}
	b.next("snapshot")
	return a, b, snap
}

func TestTwoEditorsConvergeAndNothingAcknowledgedIsLost(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	a, b := w.open(w.coord, id), w.open(w.member, id)
	a.send(map[string]any{"type": "join", "rev": 0})
	b.send(map[string]any{"type": "join", "rev": 0})
	if h := a.next("hello"); !h.CanEdit {
		t.Fatal("the coordinator edits")
	}
	var snap docView
	if err := json.Unmarshal(a.next("snapshot").Doc, &snap); err != nil {
		t.Fatal(err)
	}
	b.next("snapshot")
	goal := snap.firstOfType("goal")
	if goal.ID == "" {
		t.Fatalf("a new action plan starts with a goal: %+v", snap.Nodes)
	}
	// Both type into the same empty title at once, based on the same revision.
	a.send(map[string]any{"type": "change", "rev": snap.Revision, "id": "a1", "ops": []any{
		map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": textOp("Ohjauksen saatavuus")}}})
	b.send(map[string]any{"type": "change", "rev": snap.Revision, "id": "b1", "ops": []any{
		map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": textOp("Äänekäs ")}}})
	seenA, seenB := a.untilRev(snap.Revision+2), b.untilRev(snap.Revision+2)
	ids := func(ms []msg) string {
		var s []string
		for _, m := range ms {
			for _, c := range m.Changes {
				s = append(s, c.ID)
			}
		}
		return strings.Join(s, ",")
	}
	if ids(seenA) != ids(seenB) || len(strings.Split(ids(seenA), ",")) != 2 {
		t.Fatalf("both editors see both changes in one order: %q vs %q", ids(seenA), ids(seenB))
	}
	title := w.document(w.member, id).Nodes[goal.ID].Text["title"]
	if !strings.Contains(title, "Ohjauksen saatavuus") || !strings.Contains(title, "Äänekäs ") || len([]rune(title)) != len([]rune("Ohjauksen saatavuusÄänekäs ")) {
		t.Fatalf("title %q should hold both insertions", title)
	}

	// A change both editors have seen acknowledged survives a restart.
	w.restart()
	after := w.document(w.coord, id)
	if after.Nodes[goal.ID].Text["title"] != title || after.Revision != snap.Revision+2 {
		t.Fatalf("after restart: rev %d title %q, want rev %d title %q", after.Revision, after.Nodes[goal.ID].Text["title"], snap.Revision+2, title)
	}
}

func TestEditOfADeletedActionIsDroppedForEveryone(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	a, b, snap := w.twoEditors(id)
	action := snap.firstOfType("action")
	a.send(map[string]any{"type": "change", "rev": snap.Revision, "id": "del", "ops": []any{map[string]any{"t": "delete", "node": action.ID}}})
	a.untilRev(snap.Revision + 1)
	b.send(map[string]any{"type": "change", "rev": snap.Revision, "id": "late", "ops": []any{
		map[string]any{"t": "set", "node": action.ID, "field": "status", "value": "done"}}})
	ms := b.untilRev(snap.Revision + 2)
	last := ms[len(ms)-1].Changes[len(ms[len(ms)-1].Changes)-1]
	if last.ID != "late" || len(last.Dropped) != 1 || last.Dropped[0].Node != action.ID || last.Dropped[0].Reason != "deleted" || string(last.Ops) != "[]" {
		t.Fatalf("the late edit should be dropped and the author told: %+v", last)
	}
	if _, ok := w.document(w.coord, id).Nodes[action.ID]; ok {
		t.Fatal("the action is deleted")
	}
}

func TestObserversAndTheNationalGroupWatchButCannotEdit(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	for _, s := range []session{w.observer, w.nationalMember} {
		ed := w.open(s, id)
		ed.send(map[string]any{"type": "join", "rev": 0})
		if ed.next("hello").CanEdit {
			t.Fatalf("%s must not edit", s.Email)
		}
		var snap docView
		_ = json.Unmarshal(ed.next("snapshot").Doc, &snap)
		ed.send(map[string]any{"type": "change", "rev": snap.Revision, "id": "x", "ops": []any{
			map[string]any{"t": "text", "node": snap.firstOfType("goal").ID, "field": "title", "op": textOp("luvatta")}}})
		if e := ed.next("error"); e.Code != "forbidden" || e.ID != "x" {
			t.Fatalf("%s: %+v", s.Email, e)
		}
	}
	if r := w.call("POST", "/api/v1/documents/"+id+"/status", w.member.Token, map[string]string{"status": "approved"}); r.Status != 403 {
		t.Fatalf("a member cannot approve: %d %s", r.Status, r.Body)
	}
	if got := w.document(w.coord, id).Revision; got != 0 {
		t.Fatalf("nothing changed, yet revision %d", got)
	}
}

func TestSocketsAreRefusedBeforeTheUpgrade(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	for name, c := range map[string]struct {
		token, origin string
		want          int
	}{
		"another group's member": {w.savoMember.Token, "http://elo.test", 403},
		"no token":               {"", "http://elo.test", 401},
		"forged token":           {"x.y.z", "http://elo.test", 401},
		"foreign origin":         {w.coord.Token, "https://evil.example", 403},
	} {
		_, res, err := w.dial(c.token, id, c.origin)
		if err == nil || res == nil || res.StatusCode != c.want {
			status := 0
			if res != nil {
				status = res.StatusCode
			}
			t.Errorf("%s: status %d, want %d (%v)", name, status, c.want, err)
		}
	}
}

func TestBadMessagesGetErrorsAndAbuseClosesTheSocket(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	ed := w.open(w.coord, id)
	ed.send(map[string]any{"type": "join", "rev": 0})
	var snap docView
	_ = json.Unmarshal(ed.next("snapshot").Doc, &snap)
	goal := snap.firstOfType("goal")
	for _, bad := range []struct {
		body any
		code string
	}{
		{map[string]any{"type": "change", "rev": 99, "id": "future", "ops": []any{map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": textOp("x")}}}, "invalid_field"},
		{map[string]any{"type": "change", "rev": 0, "id": "base", "ops": []any{map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": textOp(5, "x")}}}, "invalid_field"},
		{map[string]any{"type": "change", "rev": 0, "id": "unknown", "ops": []any{map[string]any{"t": "set", "node": "nope", "field": "status", "value": "done"}}}, ""},
		{map[string]any{"type": "change", "rev": 0, "id": "status", "ops": []any{map[string]any{"t": "set", "node": snap.firstOfType("action").ID, "field": "status", "value": "maybe"}}}, "invalid_field"},
		{map[string]any{"type": "dance"}, "invalid_field"},
		{map[string]any{"type": "change", "rev": 0, "id": "x", "ops": "not a list"}, ""},
	} {
		ed.send(bad.body)
		e := ed.next("error")
		if bad.code != "" && e.Code != bad.code {
			t.Errorf("%v: code %q, want %q", bad.body, e.Code, bad.code)
		}
	}
	ed.wmu.Lock()
	_ = ed.conn.WriteMessage(websocket.TextMessage, []byte("{not json"))
	ed.wmu.Unlock()
	if e := ed.next("error"); e.Code != "invalid_json" {
		t.Errorf("malformed JSON: %+v", e)
	}
	if got := w.document(w.coord, id).Revision; got != 0 {
		t.Fatalf("bad messages changed the document: revision %d", got)
	}
	ed.wmu.Lock()
	_ = ed.conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"presence","node":"`+strings.Repeat("x", 70_000)+`"}`))
	ed.wmu.Unlock()
	<-ed.done
	if ed.closeCode() != 1009 {
		t.Fatalf("an oversized message closes with 1009, got %d", ed.closeCode())
	}
	flood := w.open(w.member, id)
	for i := 0; i < 3000; i++ { // more than the burst and what 30 a second refill during the test
		flood.wmu.Lock()
		err := flood.conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"presence","node":"n"}`))
		flood.wmu.Unlock()
		if err != nil {
			break
		}
	}
	<-flood.done
	if flood.closeCode() != 4029 {
		t.Fatalf("a flood closes with 4029, got %d", flood.closeCode())
	}
}

func TestRejoiningEditorsGetWhatTheyMissed(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	a := w.open(w.coord, id)
	a.send(map[string]any{"type": "join", "rev": 0})
	var snap docView
	_ = json.Unmarshal(a.next("snapshot").Doc, &snap)
	goal := snap.firstOfType("goal")
	for i := 0; i < 3; i++ {
		a.send(map[string]any{"type": "change", "rev": snap.Revision + int64(i), "id": fmt.Sprint("c", i), "ops": []any{
			map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": append(textOp(), func() []any {
				if i == 0 {
					return []any{"a"}
				}
				return []any{i, "a"}
			}()...)}}})
		a.untilRev(snap.Revision + int64(i) + 1)
	}
	b := w.open(w.member, id)
	b.send(map[string]any{"type": "join", "rev": snap.Revision + 1})
	h := b.next("hello")
	replay := b.next("changes")
	if h.Rev != snap.Revision+3 || len(replay.Changes) != 2 || replay.Changes[0].Rev != snap.Revision+2 {
		t.Fatalf("replay from rev %d: hello %+v, changes %+v", snap.Revision+1, h, replay.Changes)
	}
	c := w.open(w.member, id)
	c.send(map[string]any{"type": "join", "rev": 0})
	var full docView
	_ = json.Unmarshal(c.next("snapshot").Doc, &full)
	if full.Nodes[goal.ID].Text["title"] != "aaa" {
		t.Fatalf("snapshot title %q", full.Nodes[goal.ID].Text["title"])
	}
	// A change resent after a reconnect (its acknowledgement was lost) is not applied twice.
	a.send(map[string]any{"type": "change", "rev": snap.Revision + 2, "id": "c2", "ops": []any{
		map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": textOp(2, "a")}}})
	a.send(map[string]any{"type": "change", "rev": snap.Revision + 3, "id": "c3", "ops": []any{
		map[string]any{"t": "text", "node": goal.ID, "field": "title", "op": textOp(3, "b")}}})
	if got := a.untilRev(snap.Revision + 4); got[len(got)-1].Changes[0].ID != "c3" {
		t.Fatalf("the resent c2 must be ignored, the new c3 accepted: %+v", got)
	}
	if title := w.document(w.coord, id).Nodes[goal.ID].Text["title"]; title != "aaab" {
		t.Fatalf("title %q, want aaab", title)
	}
}

// typist is a simulated editor of one text field with the ot.js client state machine.
type typist struct {
	t       *testing.T
	ed      *editor
	node    string
	text    string
	client  *ot.Client
	pending []string // ids of the changes sent, oldest first
	seq     int
	name    string
}

func newTypist(t *testing.T, ed *editor, name, node string, rev int64, text string) *typist {
	ty := &typist{t: t, ed: ed, node: node, text: text, name: name}
	ty.client = ot.NewClient(int(rev), func(rev int, op ot.Operation) {
		ty.seq++
		id := fmt.Sprintf("%s-%d", name, ty.seq)
		ty.pending = append(ty.pending, id)
		ed.send(map[string]any{"type": "change", "rev": rev, "id": id, "ops": []any{map[string]any{"t": "text", "node": node, "field": "title", "op": op}}})
	}, func(op ot.Operation) {
		next, err := op.Apply(ty.text)
		if err != nil {
			t.Errorf("%s: remote op does not apply: %v", name, err)
		}
		ty.text = next
	})
	return ty
}

func (ty *typist) edit(op ot.Operation) error {
	next, err := op.Apply(ty.text)
	if err != nil {
		return err
	}
	ty.text = next
	return ty.client.ApplyClient(op)
}

// receive handles one changes message: its own changes are acknowledgements, others' are applied.
func (ty *typist) receive(m msg) error {
	for _, c := range m.Changes {
		if int64(ty.client.Revision()) >= c.Rev {
			continue
		}
		if len(ty.pending) > 0 && c.ID == ty.pending[0] {
			ty.pending = ty.pending[1:]
			if err := ty.client.ServerAck(int(c.Rev)); err != nil {
				return err
			}
			continue
		}
		var ops []struct {
			Op json.RawMessage `json:"op"`
		}
		if err := json.Unmarshal(c.Ops, &ops); err != nil || len(ops) != 1 {
			return fmt.Errorf("change %d: %s", c.Rev, c.Ops)
		}
		op, err := ot.Decode(ops[0].Op)
		if err != nil {
			return err
		}
		if err := ty.client.ApplyServer(int(c.Rev), op); err != nil {
			return err
		}
	}
	return nil
}

// TestManyEditorsTypingAtOnceConverge: editors with the ot.js client state machine make random
// edits (Finnish letters, emoji) to one field at once, each keeping one change in flight and
// buffering the rest; at the end every editor's text equals the stored document.
func TestManyEditorsTypingAtOnceConverge(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	people := []session{w.coord, w.member, w.coord, w.member, w.coord, w.member}
	const editsEach = 30
	var typists []*typist
	for i, s := range people {
		ed := w.open(s, id)
		ed.send(map[string]any{"type": "join", "rev": 0})
		var snap docView
		_ = json.Unmarshal(ed.next("snapshot").Doc, &snap)
		goal := snap.firstOfType("goal")
		typists = append(typists, newTypist(t, ed, fmt.Sprint("e", i), goal.ID, snap.Revision, goal.Text["title"]))
	}
	var wg sync.WaitGroup
	for i, ty := range typists {
		wg.Add(1)
		go func(i int, ty *typist) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			for made := 0; made < editsEach || ty.client.State() != ot.Synchronized; {
				if made < editsEach && rng.IntN(3) > 0 {
					if err := ty.edit(randomEdit(rng, ty.text)); err != nil {
						t.Errorf("%s: %v", ty.name, err)
						return
					}
					made++
					continue
				}
				if err := ty.receive(ty.ed.next("changes")); err != nil {
					t.Errorf("%s: %v", ty.name, err)
					return
				}
			}
		}(i, ty)
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	final := w.document(w.coord, id)
	want := final.Nodes[typists[0].node].Text["title"]
	for _, ty := range typists { // catch up with what the others did after this one finished
		for int64(ty.client.Revision()) < final.Revision {
			if err := ty.receive(ty.ed.next("changes")); err != nil {
				t.Fatalf("%s: %v", ty.name, err)
			}
		}
		if ty.text != want {
			t.Errorf("%s has %q, the stored document %q", ty.name, ty.text, want)
		}
	}
	if final.Revision < int64(len(people)) {
		t.Fatalf("only %d revisions", final.Revision)
	}
	t.Logf("%d editors, %d revisions, all equal to the stored text (%d characters)", len(people), final.Revision, len([]rune(want)))
}

// randomEdit makes a small insert or delete in text (Finnish letters and an emoji included).
func randomEdit(rng *rand.Rand, text string) ot.Operation {
	n := ot.Len(text)
	pieces := []string{"ä", "ö", "ohjaus ", "å", "🙂", "x"}
	b := &ot.Builder{}
	if n > 0 && rng.IntN(3) == 0 {
		// delete one whole character at a rune boundary
		runes := []rune(text)
		at := rng.IntN(len(runes))
		pre := ot.Len(string(runes[:at]))
		width := ot.Len(string(runes[at]))
		op, _ := b.Retain(pre).Delete(width).Retain(n - pre - width).Operation()
		return op
	}
	runes := []rune(text)
	at := rng.IntN(len(runes) + 1)
	pre := ot.Len(string(runes[:at]))
	op, _ := b.Retain(pre).Insert(pieces[rng.IntN(len(pieces))]).Retain(n - pre).Operation()
	return op
}
