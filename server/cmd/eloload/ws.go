package main

// The websocket side of eloload: live co-editing clients (PROTOCOL.md in shared/coedit), the
// frames they receive, and the set-up every websocket scenario shares (groups, sign-ins, plans).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fasthttp/websocket"

	"github.com/elo-workspace/elo-workspace/server/ot"
)

// wsEnv is what every websocket scenario shares.
type wsEnv struct {
	o      options
	srv    *server
	origin string
	hc     *http.Client
	admin  *client
	t0     time.Time // time base of send and arrival stamps (monotonic)
	sent   sync.Map  // change id -> when it was sent (ns since t0): the side table for arrival latency
	cache  frameCache
	ending atomic.Bool
	// the acknowledgements per 5 s of typing: count, summed and largest latency (µs), for the timeline
	editStart atomic.Int64
	slots     [60]struct{ n, sum, max atomic.Int64 } // the tool is closing connections itself: closes are not failures
}

// startWSEnv raises the file limit, starts (or reaches) the server and returns the environment
// a websocket scenario runs in: an HTTP client over loopback keeping up to idle connections to
// the server, and the admin's client (signed in by the scenario). stop ends the server.
func startWSEnv(ctx context.Context, o options, idle int) (env *wsEnv, limit uint64, stop func(), err error) {
	limit = raiseFileLimit()
	debug.SetGCPercent(400) // the tool's own garbage collector: fewer cycles on shared cores
	srv, err := startServer(ctx, o)
	if err != nil {
		return nil, limit, nil, err
	}
	transport := &http.Transport{Proxy: nil, DialContext: loopbackDial, MaxIdleConnsPerHost: idle, DisableCompression: true}
	env = &wsEnv{o: o, srv: srv, origin: or(o.origin, srv.base), hc: &http.Client{Transport: transport, Timeout: 60 * time.Second}, t0: time.Now()}
	env.admin = env.as("")
	return env, limit, srv.stop, nil
}

func (env *wsEnv) since() int64 { return int64(time.Since(env.t0)) }

// slot counts an acknowledgement that arrived at (ns since t0) in its 5-second slot of typing.
func (env *wsEnv) slot(at, us int64) {
	start := env.editStart.Load()
	if start == 0 || at < start {
		return
	}
	i := int((at - start) / int64(5*time.Second))
	if i >= len(env.slots) {
		return
	}
	s := &env.slots[i]
	s.n.Add(1)
	s.sum.Add(us)
	for m := s.max.Load(); us > m && !s.max.CompareAndSwap(m, us); m = s.max.Load() {
	}
}

func (env *wsEnv) as(token string) *client {
	return &client{base: env.srv.base, http: env.hc, token: token}
}

// loopbackDial refuses anything but a loopback address: the tool never leaves this machine.
func loopbackDial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if !loopback(host) {
		return nil, fmt.Errorf("refusing to dial %s: not a loopback address", addr)
	}
	if host == "localhost" {
		addr = net.JoinHostPort("127.0.0.1", port)
	}
	return (&net.Dialer{Timeout: 10 * time.Second}).DialContext(ctx, network, addr)
}

// dial opens a document's socket as the token's owner.
func (env *wsEnv) dial(ctx context.Context, token, docID string, readBuf int) (*websocket.Conn, error) {
	return env.dialSocket(ctx, token, "/api/v1/documents/"+docID+"/socket", readBuf)
}

// dialSocket opens the websocket at path (a document's or the events socket) as the token's
// owner, over loopback only; readBuf 0 is the library's default read buffer.
func (env *wsEnv) dialSocket(ctx context.Context, token, path string, readBuf int) (*websocket.Conn, error) {
	d := websocket.Dialer{
		Subprotocols:     []string{"elo.v1", "bearer." + token},
		HandshakeTimeout: 30 * time.Second,
		ReadBufferSize:   readBuf,
		WriteBufferSize:  1024,
		NetDialContext:   loopbackDial,
		Proxy:            nil, // loopback only: never through a proxy
	}
	u := "ws" + strings.TrimPrefix(env.srv.base, "http") + path
	conn, resp, err := d.DialContext(ctx, u, http.Header{"Origin": {env.origin}})
	if err != nil {
		if resp != nil {
			return nil, fmt.Errorf("dial: %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
		}
		return nil, fmt.Errorf("dial: %w", err)
	}
	return conn, nil
}

// dialRetry dials with a few bounded retries (a busy accept queue refuses some at first).
func (env *wsEnv) dialRetry(ctx context.Context, token, docID string, readBuf int) (*websocket.Conn, error) {
	var err error
	for attempt := 0; attempt < 4; attempt++ {
		var conn *websocket.Conn
		if conn, err = env.dial(ctx, token, docID, readBuf); err == nil {
			return conn, nil
		}
		if ctx.Err() != nil || strings.Contains(err.Error(), "dial: 4") { // 401/403: retrying will not help
			return nil, err
		}
		time.Sleep(time.Duration(200*(attempt+1)) * time.Millisecond)
	}
	return nil, err
}

// --- groups, people, plans ------------------------------------------------------------------

type group struct {
	id, name string
	editors  []string // coordinators and members: may edit plans
	everyone []string // observers too: may follow them
}

// regionalPeople lists n people of the regional groups, taken from each group in turn so the
// load spreads like real use: the editors (coordinators and members), or everyone with observers.
func (env *wsEnv) regionalPeople(ctx context.Context, n int, everyone bool) ([]string, error) {
	groups, err := env.regionalGroups(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for i := 0; len(out) < n && i < 10000; i++ {
		g := groups[i%len(groups)]
		people := g.editors
		if everyone {
			people = g.everyone
		}
		if k := i / len(groups); k < len(people) {
			out = append(out, people[k])
		}
	}
	if len(out) < n {
		return nil, fmt.Errorf("only %d people in the regional groups; %d asked for", len(out), n)
	}
	return out, nil
}

// regionalGroups lists the regional workspaces and their people (as the administrator).
func (env *wsEnv) regionalGroups(ctx context.Context) ([]group, error) {
	if _, _, err := env.admin.signIn(ctx, "admin@elo.example", env.o.password); err != nil {
		return nil, fmt.Errorf("sign in as the demo administrator (is the demo dataset loaded, is -password right?): %w", err)
	}
	var wss []struct{ ID, Name, Kind string }
	if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/workspaces", nil, &wss); err != nil {
		return nil, err
	}
	var out []group
	for _, w := range wss {
		if w.Kind != "regional" {
			continue
		}
		var ms []struct{ Email, Role string }
		if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/workspaces/"+w.ID+"/members", nil, &ms); err != nil {
			return nil, err
		}
		g := group{id: w.ID, name: w.Name}
		for _, m := range ms {
			g.everyone = append(g.everyone, m.Email)
			if m.Role == "coordinator" || m.Role == "member" {
				g.editors = append(g.editors, m.Email)
			}
		}
		if len(g.editors) > 0 {
			out = append(out, g)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no regional group with editors in the dataset")
	}
	return out, nil
}

// kainuu finds the demo coordinator's regional group and signs the coordinator in.
func (env *wsEnv) kainuu(ctx context.Context, groups []group) (group, string, error) {
	c := env.as("")
	if _, _, err := c.signIn(ctx, "coordinator@kainuu.example", env.o.password); err != nil {
		return group{}, "", fmt.Errorf("sign in as coordinator@kainuu.example: %w", err)
	}
	var wss []struct{ ID, Kind, MyRole string }
	if _, _, err := c.call(ctx, http.MethodGet, "/api/v1/workspaces", nil, &wss); err != nil {
		return group{}, "", err
	}
	for _, w := range wss {
		if w.Kind == "regional" && w.MyRole == "coordinator" {
			for _, g := range groups {
				if g.id == w.ID {
					return g, c.token, nil
				}
			}
		}
	}
	return group{}, "", errors.New("coordinator@kainuu.example coordinates no regional group")
}

// signInAll signs each account in once (a few at a time: the server bounds its argon2id work to
// its CPUs) and returns the tokens by e-mail address.
func (env *wsEnv) signInAll(ctx context.Context, emails []string, known map[string]string) (map[string]string, time.Duration, error) {
	tokens := map[string]string{}
	for e, t := range known {
		tokens[e] = t
	}
	var todo []string
	for _, e := range emails {
		if _, ok := tokens[e]; !ok && !slices.Contains(todo, e) {
			todo = append(todo, e)
		}
	}
	began := time.Now()
	var mu sync.Mutex
	var firstErr error
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for _, e := range todo {
		wg.Add(1)
		sem <- struct{}{}
		go func(e string) {
			defer wg.Done()
			defer func() { <-sem }()
			c := env.as("")
			_, _, err := c.signIn(ctx, e, env.o.password)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = fmt.Errorf("sign in as %s: %w", e, err)
			}
			if err == nil {
				tokens[e] = c.token
			}
		}(e)
	}
	wg.Wait()
	return tokens, time.Since(began), firstErr
}

type field struct{ node, name string }

func (f field) key() string { return f.node + "/" + f.name }

// plan is one action plan being edited: a room.
type plan struct {
	id, workspace string
	token         string  // a member's token, for reading the stored document
	fields        []field // the text fields editors type into
}

type docNodes struct {
	Revision int64 `json:"revision"`
	Nodes    map[string]struct {
		Type string            `json:"type"`
		Text map[string]string `json:"text"`
	} `json:"nodes"`
}

// createPlan creates an action plan in a workspace and, over its socket, inserts extra actions
// under its goal, so there are more text fields to spread editors over.
func (env *wsEnv) createPlan(ctx context.Context, workspace, token, title string, extraActions int) (*plan, error) {
	c := env.as(token)
	var d struct{ ID string }
	if _, _, err := c.call(ctx, http.MethodPost, "/api/v1/workspaces/"+workspace+"/documents", map[string]string{
		"kind": "action_plan", "title": title, "period": "2026"}, &d); err != nil {
		return nil, err
	}
	p := &plan{id: d.ID, workspace: workspace, token: token}
	if extraActions > 0 {
		if err := env.insertActions(ctx, p, extraActions); err != nil {
			return nil, fmt.Errorf("plan %s: insert actions: %w", p.id, err)
		}
	}
	doc, err := env.stored(ctx, p)
	if err != nil {
		return nil, err
	}
	for id, n := range doc.Nodes {
		if n.Type == "goal" || n.Type == "action" {
			p.fields = append(p.fields, field{id, "title"}, field{id, "description"})
		}
	}
	slices.SortFunc(p.fields, func(a, b field) int { return strings.Compare(a.key(), b.key()) })
	if len(p.fields) == 0 {
		return nil, fmt.Errorf("plan %s has no goal or action to type into", p.id)
	}
	return p, nil
}

func (env *wsEnv) stored(ctx context.Context, p *plan) (docNodes, error) {
	var doc docNodes
	_, _, err := env.as(p.token).call(ctx, http.MethodGet, "/api/v1/documents/"+p.id, nil, &doc)
	return doc, err
}

// readMsgs reads one frame of a document's socket, decoded whole.
func readMsgs(conn *websocket.Conn) ([]wireMsg, error) {
	_, frame, err := conn.ReadMessage()
	if err != nil {
		return nil, err
	}
	var ms []wireMsg
	err = json.Unmarshal(frame, &ms)
	return ms, err
}

func (env *wsEnv) insertActions(ctx context.Context, p *plan, n int) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	conn, err := env.dialRetry(ctx, p.token, p.id, 4096)
	if err != nil {
		return err
	}
	defer conn.Close()
	go func() { <-ctx.Done(); conn.Close() }()
	if err := conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"join","rev":0}`)); err != nil {
		return err
	}
	var snap *wireDoc
	var snapRev int64
	for snap == nil {
		ms, err := readMsgs(conn)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.Type == "snapshot" {
				snap, snapRev = m.Doc, m.Rev
			}
		}
	}
	goal := ""
	for id, nd := range snap.Nodes {
		if nd.Type == "goal" {
			goal = id
		}
	}
	if goal == "" {
		return errors.New("a new action plan has no goal")
	}
	var ops []any
	for i := 1; i <= n; i++ {
		ops = append(ops, map[string]any{"t": "insert", "node": map[string]any{
			"id": fmt.Sprintf("%024x", rand.Uint64()), "type": "action", "parent": goal, "list": "actions",
			"pos": fmt.Sprintf("a%d", i), "text": map[string]string{}, "fields": map[string]any{}}})
	}
	b, _ := json.Marshal(map[string]any{"type": "change", "rev": snapRev, "id": "setup", "ops": ops})
	if err := conn.WriteMessage(websocket.TextMessage, b); err != nil {
		return err
	}
	for {
		ms, err := readMsgs(conn)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.Type == "error" {
				return fmt.Errorf("%s: %s", m.Code, m.Message)
			}
			for _, c := range m.Changes {
				if c.ID == "setup" {
					if len(c.Dropped) > 0 {
						return fmt.Errorf("inserts dropped: %+v", c.Dropped)
					}
					_ = conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(1000, ""), time.Now().Add(time.Second))
					return nil
				}
			}
		}
	}
}

// --- frames -----------------------------------------------------------------------------------

type wireDoc struct {
	Revision int64 `json:"revision"`
	Nodes    map[string]struct {
		Type string            `json:"type"`
		Text map[string]string `json:"text"`
	} `json:"nodes"`
}

type wireMsg struct {
	Type    string   `json:"type"`
	Rev     int64    `json:"rev"`
	CanEdit bool     `json:"canEdit"`
	ID      string   `json:"id"`
	Code    string   `json:"code"`
	Message string   `json:"message"`
	Doc     *wireDoc `json:"doc"`
	Changes []struct {
		Rev int64  `json:"rev"`
		By  string `json:"by"`
		ID  string `json:"id"`
		Ops []struct {
			T     string          `json:"t"`
			Node  json.RawMessage `json:"node"`
			Field string          `json:"field"`
			Op    json.RawMessage `json:"op"`
		} `json:"ops"`
		Dropped []struct{ Node, Reason string } `json:"dropped"`
	} `json:"changes"`
}

// A decoded message, shared read-only by every editor that received the same frame.
type dmsg struct {
	typ     string
	rev     int64
	canEdit bool
	id      string
	code    string
	doc     *wireDoc
	changes []dchange
}

type dchange struct {
	rev     int64
	id      string
	sent    int64 // when its author sent it (ns since t0); 0 when not ours
	ops     []dop
	dropped []string // reasons
}

type dop struct {
	text bool
	t    string
	key  string // node/field of a text operation
	op   ot.Operation
}

func decodeFrame(env *wsEnv, frame []byte) ([]dmsg, error) {
	var wire []wireMsg
	if err := json.Unmarshal(frame, &wire); err != nil {
		return nil, err
	}
	out := make([]dmsg, len(wire))
	for i, w := range wire {
		m := dmsg{typ: w.Type, rev: w.Rev, canEdit: w.CanEdit, id: w.ID, code: w.Code, doc: w.Doc}
		for _, c := range w.Changes {
			dc := dchange{rev: c.Rev, id: c.ID}
			if v, ok := env.sent.Load(c.ID); ok {
				dc.sent = v.(int64)
			}
			for _, d := range c.Dropped {
				dc.dropped = append(dc.dropped, d.Reason)
			}
			for _, o := range c.Ops {
				if o.T != "text" {
					dc.ops = append(dc.ops, dop{t: o.T})
					continue
				}
				var node string
				if err := json.Unmarshal(o.Node, &node); err != nil {
					return nil, fmt.Errorf("change %d: text operation without a node id", c.Rev)
				}
				op, err := ot.Decode(o.Op)
				if err != nil {
					return nil, fmt.Errorf("change %d: %w", c.Rev, err)
				}
				dc.ops = append(dc.ops, dop{text: true, t: o.T, key: node + "/" + o.Field, op: op})
			}
			m.changes = append(m.changes, dc)
		}
		out[i] = m
	}
	return out, nil
}

// frameCache decodes each distinct frame once: a room sends the same bytes to all its editors
// in a tick, and on two shared cores the tool must not spend a core parsing the same JSON a
// thousand times. Two generations per shard bound it.
type frameCache struct {
	seed   maphash.Seed
	once   sync.Once
	shards [16]struct {
		mu        sync.Mutex
		cur, prev map[string][]dmsg
	}
	hits, misses atomic.Int64
}

const cacheGeneration = 256

func (fc *frameCache) get(env *wsEnv, frame []byte) ([]dmsg, error) {
	fc.once.Do(func() { fc.seed = maphash.MakeSeed() })
	sh := &fc.shards[maphash.Bytes(fc.seed, frame)%16]
	sh.mu.Lock()
	v, ok := sh.cur[string(frame)]
	if !ok {
		v, ok = sh.prev[string(frame)]
	}
	sh.mu.Unlock()
	if ok {
		fc.hits.Add(1)
		return v, nil
	}
	fc.misses.Add(1)
	v, err := decodeFrame(env, frame)
	if err != nil {
		return nil, err
	}
	sh.mu.Lock()
	if sh.cur == nil || len(sh.cur) >= cacheGeneration {
		sh.prev, sh.cur = sh.cur, make(map[string][]dmsg, cacheGeneration)
	}
	sh.cur[string(frame)] = v
	sh.mu.Unlock()
	return v, nil
}

// --- an editor ------------------------------------------------------------------------------

// editorReadBuffer holds a whole frame of a busy room, so the tool reads each in one system call
// (with 4 KB a frame of a thousand editors' room took two or three).
const editorReadBuffer = 32 * 1024

// editor is one live connection typing into one text field of a plan with the ot.js client
// state machine (one change in flight, later edits composed into a buffer). A full editor keeps
// a copy of every text field of the plan; the others (-full sets how many per plan are full)
// keep only the field they type into and count the other changes' revisions, since on two
// shared cores a thousand editors applying every change to every field would cost the tool
// more than the server. Every editor checks its own field and its revision against the stored
// plan at the end; full editors check every field. Its reader goroutine and its typing timer
// share the state under mu; all writes to the socket happen under mu too.
type editor struct {
	env    *wsEnv
	p      *plan
	name   string // change ids are name-seq, unique in the whole run
	token  string
	own    string // key of the field it types into
	full   bool   // keeps every field, not only its own
	maxRec int    // reconnections allowed

	mu       sync.Mutex
	conn     *websocket.Conn
	client   *ot.Client        // nil until a snapshot arrived, and while resynchronising
	rev      int64             // the server revision the editor has (the state machine counts only changes of its own field)
	texts    map[string]string // every field (full) or the own field
	outID    string            // the change in flight
	outSent  int64
	seq      int
	stop     bool // no more typing
	gone     bool // closed for good
	canEdit  bool
	joined   chan struct{}
	joinOne  sync.Once
	applyErr error

	buf                  []byte // the frame being read, reused
	ack, arr             hist
	frames, msgs         int64
	edits, sentN, ackedN int64
	resyncs, reconnects  int
	reordered            int // snapshots that came after newer changes of their own tick
	errs                 map[string]int
	closes               map[string]int
}

func newEditor(env *wsEnv, p *plan, name, token, own string, full bool) *editor {
	return &editor{env: env, p: p, name: name, token: token, own: own, full: full, maxRec: 3,
		joined: make(chan struct{}), errs: map[string]int{}, closes: map[string]int{}}
}

func (e *editor) fail(what string) { e.errs[what]++ }

func (e *editor) write(b []byte) {
	if e.conn == nil {
		return
	}
	_ = e.conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
	if err := e.conn.WriteMessage(websocket.TextMessage, b); err != nil && !e.env.ending.Load() {
		e.fail("send failed")
	}
}

// join asks for the whole document (rev 0); changes are ignored until the snapshot.
func (e *editor) join() {
	e.client, e.outID = nil, ""
	e.write([]byte(`{"type":"join","rev":0}`))
}

func (e *editor) resync(why string) {
	e.fail(why)
	e.resyncs++
	if e.resyncs > 50 {
		e.gone = true
		e.client = nil
		if e.conn != nil {
			e.conn.Close()
		}
		return
	}
	e.join()
}

type changeMsg struct {
	Type string     `json:"type"`
	Rev  int        `json:"rev"`
	ID   string     `json:"id"`
	Ops  []changeOp `json:"ops"`
}

type changeOp struct {
	T     string       `json:"t"`
	Node  string       `json:"node"`
	Field string       `json:"field"`
	Op    ot.Operation `json:"op"`
}

func (e *editor) snapshot(m dmsg) {
	if m.doc == nil {
		e.fail("snapshot without a document")
		return
	}
	e.texts = make(map[string]string, len(e.p.fields))
	for _, f := range e.p.fields {
		if e.full || f.key() == e.own {
			e.texts[f.key()] = m.doc.Nodes[f.node].Text[f.name]
		}
	}
	node, fieldName, _ := strings.Cut(e.own, "/")
	e.rev = m.rev
	e.client = ot.NewClient(0, func(_ int, op ot.Operation) { // based on e.rev, what the editor has seen
		e.seq++
		id := fmt.Sprintf("%s-%d", e.name, e.seq)
		now := e.env.since()
		e.env.sent.Store(id, now)
		e.outID, e.outSent = id, now
		e.sentN++
		b, _ := json.Marshal(changeMsg{Type: "change", Rev: int(e.rev), ID: id, Ops: []changeOp{{T: "text", Node: node, Field: fieldName, Op: op}}})
		e.write(b)
	}, func(op ot.Operation) {
		if op.IsNoop() {
			return
		}
		next, err := op.Apply(e.texts[e.own])
		if err != nil {
			e.applyErr = err
			return
		}
		e.texts[e.own] = next
	})
	e.joinOne.Do(func() { close(e.joined) })
}

// handle processes one frame's messages, all stamped with the frame's arrival.
func (e *editor) handle(ms []dmsg, at int64) {
	if e.client == nil {
		// A snapshot answers this editor's join; the tick's broadcast goes before it in the
		// frame, so changes newer than the snapshot may precede it: take the snapshot first.
		for i, m := range ms {
			if m.typ == "snapshot" {
				e.snapshot(m)
				for _, n := range ms[:i] {
					for _, c := range n.changes {
						if c.rev > m.rev {
							e.reordered++
						}
					}
				}
				break
			}
		}
	}
	for _, m := range ms {
		switch m.typ {
		case "hello":
			e.canEdit = m.canEdit
			if !m.canEdit {
				e.fail("hello: cannot edit")
			}
		case "error":
			e.fail("error " + m.code)
			if m.id != "" && m.id == e.outID {
				e.resync("own change refused")
				return
			}
		case "changes":
			if e.client == nil {
				continue
			}
			for _, c := range m.changes {
				if !e.apply(c, at) {
					return
				}
			}
		}
	}
}

// apply handles one change; false when the editor has to resynchronise.
func (e *editor) apply(c dchange, at int64) bool {
	if c.rev <= e.rev {
		return true
	}
	if c.rev != e.rev+1 {
		e.resync("revision gap")
		return false
	}
	if e.outID != "" && c.id == e.outID {
		e.ack.add(time.Duration(at - e.outSent))
		e.ackedN++
		e.env.slot(at, (at-e.outSent)/1000)
		if len(c.dropped) > 0 {
			e.resync("own change dropped: " + c.dropped[0])
			return false
		}
		e.outID = ""
		e.rev = c.rev // before the acknowledgement: it may send the buffered edit, based on c.rev
		if err := e.client.ServerAck(e.client.Revision() + 1); err != nil {
			e.resync("ack: " + err.Error())
			return false
		}
		return true
	}
	if c.sent > 0 {
		e.arr.add(time.Duration(at - c.sent))
	}
	own := false
	for _, o := range c.ops {
		if !o.text {
			e.fail("unexpected " + o.t + " operation")
			continue
		}
		if o.key == e.own {
			if own {
				e.resync("two operations on one field in a change")
				return false
			}
			own = true
			if err := e.client.ApplyServer(e.client.Revision()+1, o.op); err != nil {
				e.resync("transform: " + err.Error())
				return false
			}
			continue
		}
		if !e.full {
			continue
		}
		if cur, ok := e.texts[o.key]; ok {
			next, err := o.op.Apply(cur)
			if err != nil {
				e.resync("remote operation does not apply")
				return false
			}
			e.texts[o.key] = next
		}
	}
	// A change without an operation on the own field is an identity for the state machine:
	// transforming over it changes nothing, so only the editor's revision moves on.
	e.rev = c.rev
	if e.applyErr != nil {
		e.applyErr = nil
		e.resync("transformed operation does not apply")
		return false
	}
	return true
}

// type makes one edit of the editor's own field.
func (e *editor) typeOnce(rng *rand.Rand) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.client == nil || e.stop || e.gone || !e.canEdit {
		return
	}
	text := e.texts[e.own]
	op := randomEdit(rng, text)
	next, err := op.Apply(text)
	if err != nil {
		e.fail("local edit: " + err.Error())
		return
	}
	e.texts[e.own] = next
	if err := e.client.ApplyClient(op); err != nil {
		e.resync("local edit: " + err.Error())
		return
	}
	e.edits++
}

// readLoop reads frames until the connection ends; it returns the close code (0: none).
func (e *editor) readLoop(conn *websocket.Conn) int {
	for {
		frame, err := e.read(conn)
		at := e.env.since()
		if err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				return ce.Code
			}
			return 0
		}
		ms, err := e.env.cache.get(e.env, frame)
		e.mu.Lock()
		e.frames++
		e.msgs += int64(len(ms))
		if err != nil {
			e.fail("undecodable frame")
		} else {
			e.handle(ms, at)
		}
		e.mu.Unlock()
	}
}

// read reads one message into the editor's reused buffer (the frame cache copies what it keeps).
func (e *editor) read(conn *websocket.Conn) ([]byte, error) {
	_, r, err := conn.NextReader()
	if err != nil {
		return nil, err
	}
	b := e.buf[:0]
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			e.buf = b
			return b, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// run reads until the end, reconnecting (bounded) after "too slow" and "restarting" closes.
func (e *editor) run(ctx context.Context) {
	e.mu.Lock()
	conn := e.conn
	e.mu.Unlock()
	for {
		code := e.readLoop(conn)
		if e.env.ending.Load() || ctx.Err() != nil {
			return
		}
		e.mu.Lock()
		key := fmt.Sprint(code)
		if code == 0 {
			key = "dropped without close frame"
		}
		e.closes[key]++
		e.client, e.outID = nil, ""
		retry := !e.gone && e.reconnects < e.maxRec && (code == 4008 || code == 1012 || code == 1006 || code == 0)
		if !retry {
			e.gone = true
		}
		e.mu.Unlock()
		if !retry {
			return
		}
		next, err := e.env.dialRetry(ctx, e.token, e.p.id, editorReadBuffer)
		e.mu.Lock()
		if err != nil {
			e.fail("reconnect: " + err.Error())
			e.gone = true
			e.mu.Unlock()
			return
		}
		e.reconnects++
		e.conn = next
		conn = next
		e.join()
		e.mu.Unlock()
	}
}

// randomEdit inserts a short piece (Finnish letters, an emoji) or deletes one character at a
// rune boundary, keeping the text roughly between 20 and 120 characters.
func randomEdit(rng *rand.Rand, text string) ot.Operation {
	n := ot.Len(text)
	runes := []rune(text)
	pieces := []string{"ä", "ö", "ohjaus ", "å", "🙂", "x", "ELO ", "Kainuu "}
	b := &ot.Builder{}
	del := len(runes) > 120 || (len(runes) > 20 && rng.IntN(5) < 2)
	if del {
		at := rng.IntN(len(runes))
		pre := ot.Len(string(runes[:at]))
		width := ot.Len(string(runes[at]))
		op, _ := b.Retain(pre).Delete(width).Retain(n - pre - width).Operation()
		return op
	}
	at := rng.IntN(len(runes) + 1)
	pre := ot.Len(string(runes[:at]))
	op, _ := b.Retain(pre).Insert(pieces[rng.IntN(len(pieces))]).Retain(n - pre).Operation()
	return op
}

// snapshotFrame reports whether a frame holds a snapshot (the idle connections' only check).
func snapshotFrame(frame []byte) bool { return bytes.Contains(frame, []byte(`"type":"snapshot"`)) }
