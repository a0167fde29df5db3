package documents

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"sort"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/realtime"
)

// presenceEvery is how many ticks presence waits at least between broadcasts (about 250 ms):
// the list goes to everyone, so in a big room it must not go out on every keystroke.
const presenceEvery = 16

// KeepRecent is how many changes a room keeps for transforming late changes and replaying
// them to rejoining editors; a client further behind gets the whole document.
const KeepRecent = 2000

// live is the state of one open document; it is touched only on its room's goroutine.
type live struct {
	s       *Service
	room    *realtime.Room
	rec     Record           // the document now: stored, plus what this tick accepted
	recent  []Change         // the last accepted changes, oldest first, ending at rec.Revision
	ops     [][]plans.Op     // the operations of recent, decoded
	batch   []Change         // accepted this tick, not stored yet
	seen    map[string]int64 // author + change id -> revision, for the changes in recent
	peers   map[*realtime.Client]*peer
	moved   bool // presence changed since it was last sent
	ticks   int
	failed  bool // a write failed: the room is closing
	pending int  // changes appended to the log since the record was last stored
	marked  bool // an Unsaved mark is stored for this document
	// unarchived are the changes after rec.HistoryTo: the next snapshot moves them into a
	// history chunk.
	unarchived []Change
	// snapshot is the result of a snapshot being written off the room's goroutine (nil when
	// none is): editors go on meanwhile, since their changes are in the log already.
	snapshot chan snapshotResult
}

// snapshotResult is a written snapshot: the record as stored, and how many of the unarchived
// changes its history chunk took.
type snapshotResult struct {
	rec      Record
	archived int
	err      error
}

// peer is one editor's connection.
type peer struct {
	p      accounts.Principal
	name   string
	color  string
	joined bool
	node   string
	field  string
	sel    []int
}

// open prepares a new room for its document (the hub calls it on the room's goroutine).
func (s *Service) open(r *realtime.Room) {
	rec, _ := s.record(r.ID)
	rec.Nodes = rec.Document.Clone().Nodes // the stored copy stays as it is
	rec.Tail = slices.Clone(rec.Tail)
	lv := &live{s: s, room: r, rec: rec, peers: map[*realtime.Client]*peer{}, seen: map[string]int64{}}
	for _, ch := range rec.Tail { // the tail is the recent history a fresh room can replay
		var ops []plans.Op
		if err := json.Unmarshal([]byte(ch.Ops), &ops); err != nil {
			s.d.Log.Error("stored change unreadable", "document", r.ID, "rev", ch.Rev, "err", err)
			lv.recent, lv.ops = nil, nil
			continue
		}
		lv.recent, lv.ops = append(lv.recent, ch), append(lv.ops, ops)
		lv.seen[ch.By+"/"+ch.ClientID] = ch.Rev
		if ch.Rev > rec.HistoryTo {
			lv.unarchived = append(lv.unarchived, ch)
		}
	}
	r.BeforeFlush(lv.flush)
	r.OnStop(lv.close)
	s.mu.Lock()
	s.lives[r] = lv
	s.mu.Unlock()
}

func (s *Service) liveOf(r *realtime.Room) *live {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.lives[r]
}

func (s *Service) closeRoom(r *realtime.Room) {
	s.hub.Close(r)
	s.forget(r)
}

// closeIdleRoom closes a room its last editor left, unless someone joined meanwhile.
func (s *Service) closeIdleRoom(r *realtime.Room) {
	if s.hub.CloseIfEmpty(r) {
		s.forget(r)
	}
}

func (s *Service) forget(r *realtime.Room) {
	s.mu.Lock()
	delete(s.lives, r)
	s.mu.Unlock()
}

// inRoom runs f on the document's room (opening it if needed), so changes of metadata are
// serialised with editors' changes. An idle room is closed again.
func (s *Service) inRoom(id string, f func(*live) (Record, error)) (Record, error) {
	for attempt := 0; attempt < 3; attempt++ {
		r := s.hub.Room(id)
		var out Record
		var err error
		idle := false
		if r.Do(func() {
			lv := s.liveOf(r)
			out, err = f(lv)
			idle = len(lv.peers) == 0
		}) {
			if idle {
				go s.closeIdleRoom(r)
			}
			return out, err
		}
		<-r.Done() // it was stopping: its successor starts from its last writes
	}
	return Record{}, apperr.Wrap(fmt.Errorf("document %s: room unavailable", id), "open document")
}

// saveMeta stores the record at once (metadata changes are answered after they are durable)
// and tells the editors.
func (lv *live) saveMeta() (Record, error) {
	lv.rec.UpdatedAt = lv.s.now().UTC()
	if err := lv.store(); err != nil {
		return Record{}, err
	}
	lv.room.Broadcast(mustJSON(metaMessage{Type: "meta", Title: lv.rec.Title, Period: lv.rec.Period, Status: lv.rec.Status, Archived: lv.rec.Archived}))
	lv.moved = true // canEdit may have changed: peers get a fresh hello
	for c, pe := range lv.peers {
		if pe.joined {
			lv.room.SendTo(c, lv.hello(pe))
		}
	}
	return lv.rec, nil
}

// store writes the record (a snapshot of the document now), first moving the changes since
// the last snapshot into a history chunk.
func (lv *live) store() error {
	if err := lv.awaitSnapshot(); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(lv.s.base, 10*time.Second)
	defer cancel()
	next, err := lv.s.archive(ctx, lv.rec, lv.unarchived)
	if err != nil {
		return err
	}
	next.Version = lv.rec.Version + 1
	out, err := Stored(next)
	if err != nil {
		return err
	}
	if err := lv.s.docs.Replace(ctx, next.ID, lv.rec.Version, out); err != nil {
		return err
	}
	lv.rec = next
	lv.pending = 0
	lv.unarchived = nil
	lv.publish()
	return nil
}

// startSnapshot writes a snapshot of the document as it is now on another goroutine: the
// history chunk of the unarchived changes, then the record. Its result is taken by the next
// flush after it is done (or by awaitSnapshot).
func (lv *live) startSnapshot() {
	snap := lv.rec
	snap.Nodes = lv.rec.Document.Clone().Nodes
	chs := slices.Clone(lv.unarchived)
	done := make(chan snapshotResult, 1)
	lv.snapshot = done
	s := lv.s
	go func() {
		ctx, cancel := context.WithTimeout(s.base, 30*time.Second)
		defer cancel()
		next, err := s.archive(ctx, snap, chs)
		if err == nil {
			next.Version = snap.Version + 1
			var out Record
			if out, err = Stored(next); err == nil {
				err = s.docs.Replace(ctx, next.ID, snap.Version, out)
			}
		}
		done <- snapshotResult{rec: next, archived: len(chs), err: err}
	}()
}

// finishSnapshot takes a written snapshot into the room's state.
func (lv *live) finishSnapshot(r snapshotResult) error {
	lv.snapshot = nil
	if r.err != nil {
		return r.err
	}
	lv.rec.Version, lv.rec.History, lv.rec.HistoryTo, lv.rec.Tail = r.rec.Version, r.rec.History, r.rec.HistoryTo, []Change{}
	lv.unarchived = lv.unarchived[r.archived:]
	lv.pending = len(lv.unarchived)
	return nil
}

// awaitSnapshot waits for a snapshot being written, if one is.
func (lv *live) awaitSnapshot() error {
	if lv.snapshot == nil {
		return nil
	}
	return lv.finishSnapshot(<-lv.snapshot)
}

// publish makes the room's document what readers (and the next room) see.
func (lv *live) publish() {
	shown := lv.rec
	shown.Nodes = lv.rec.Document.Clone().Nodes // the room goes on changing its own map
	lv.s.put(shown)
}

// close stores a snapshot when the room stops and removes the document's mark, so the next
// start need not replay the log.
func (lv *live) close() {
	if lv.failed {
		// A snapshot written meanwhile moved the stored record's version on: what the next room
		// starts from must say so, or its first snapshot would be refused.
		if lv.snapshot != nil {
			if r := <-lv.snapshot; r.err == nil {
				lv.s.mu.Lock()
				pub := lv.s.records[lv.rec.ID]
				pub.Version, pub.History, pub.HistoryTo, pub.Tail = r.rec.Version, r.rec.History, r.rec.HistoryTo, []Change{}
				lv.s.records[lv.rec.ID] = pub
				lv.s.mu.Unlock()
			}
		}
		return
	}
	if err := lv.awaitSnapshot(); err != nil {
		lv.s.d.Log.Error("document snapshot failed; the next start replays the log", "document", lv.rec.ID, "err", err)
		return
	}
	if lv.pending > 0 {
		if err := lv.store(); err != nil {
			lv.s.d.Log.Error("document snapshot at close failed; the next start replays the log", "document", lv.rec.ID, "err", err)
			return
		}
	}
	if lv.marked {
		ctx, cancel := context.WithTimeout(lv.s.base, 10*time.Second)
		defer cancel()
		if err := lv.s.unsaved.Delete(ctx, lv.rec.ID); err != nil {
			lv.s.d.Log.Error("document mark not removed; the next start replays the log", "document", lv.rec.ID, "err", err)
		}
	}
}

// flush runs before each tick's messages go out: it stores the tick's changes, then queues them
// for everyone, so nobody hears of a change before it is durable.
func (lv *live) flush() {
	if lv.failed {
		return
	}
	if lv.snapshot != nil {
		select {
		case r := <-lv.snapshot:
			if err := lv.finishSnapshot(r); err != nil {
				lv.fail(err)
				return
			}
		default:
		}
	}
	if len(lv.batch) > 0 {
		ctx, cancel := context.WithTimeout(lv.s.base, 10*time.Second)
		err := lv.s.changes.Append(ctx, lv.batch)
		cancel()
		if err != nil {
			lv.fail(err)
			return
		}
		lv.pending += len(lv.batch)
		if !lv.marked {
			ctx, cancel := context.WithTimeout(lv.s.base, 10*time.Second)
			err := lv.s.unsaved.Append(ctx, []Unsaved{{ID: lv.rec.ID}})
			cancel()
			if err != nil {
				lv.fail(err)
				return
			}
			lv.marked = true
		}
		if lv.pending >= SnapshotEvery && lv.snapshot == nil {
			lv.startSnapshot()
		}
		lv.publish()
		lv.room.Broadcast(changesMessage(lv.batch))
		lv.batch = lv.batch[:0]
	}
	lv.ticks++
	if lv.moved && lv.ticks%presenceEvery == 0 {
		lv.room.Broadcast(lv.presence())
		lv.moved = false
	}
}

// fail gives up on a room whose writes fail: what it accepted this tick was never acknowledged;
// editors reconnect and resynchronise from what is stored.
func (lv *live) fail(err error) {
	lv.failed = true
	lv.s.d.Log.Error("document room could not store changes; editors will resync", "document", lv.rec.ID, "err", err)
	for c := range lv.peers {
		c.Close(realtime.CloseRestarting, "could not save: reconnect")
	}
	go lv.s.closeRoom(lv.room)
}

func (lv *live) role(pe *peer) string { return lv.s.d.Workspaces.Role(pe.p.UserID, lv.rec.WorkspaceID) }

func (lv *live) canEdit(pe *peer) bool {
	return !lv.rec.Archived && plans.CanEditDocument(&lv.rec.Document, lv.role(pe))
}

func (lv *live) hello(pe *peer) []byte {
	return mustJSON(helloMessage{Type: "hello", You: pe.p.UserID, CanEdit: lv.canEdit(pe), Rev: lv.rec.Revision})
}

// join answers a client's join: the changes it missed, or the whole document when that is shorter.
func (lv *live) join(c *realtime.Client, rev int64) {
	pe := lv.peers[c]
	pe.joined = true
	lv.moved = true
	lv.room.SendTo(c, lv.hello(pe))
	first := lv.rec.Revision - int64(len(lv.recent)) // recent holds first+1 .. Revision
	if rev > 0 && rev >= first && rev <= lv.rec.Revision {
		lv.room.SendTo(c, changesMessage(lv.recent[rev-first:]))
		return
	}
	lv.room.SendTo(c, mustJSON(snapshotMessage{Type: "snapshot", Rev: lv.rec.Revision, Doc: lv.rec.Document, Archived: lv.rec.Archived}))
}

// change accepts (or refuses) one change from an editor.
func (lv *live) change(c *realtime.Client, rev int64, id string, ops []plans.Op) {
	pe := lv.peers[c]
	refuse := func(err *apperr.Error) {
		lv.room.SendTo(c, mustJSON(errorMessage{Type: "error", ID: id, Code: string(err.Code), Message: err.Message}))
	}
	switch {
	case lv.failed:
		return
	case !pe.joined:
		refuse(apperr.New(apperr.BadRequest, "join first"))
		return
	case !lv.canEdit(pe):
		refuse(apperr.New(apperr.Forbidden, "you can follow this document but not change it"))
		return
	case rev > lv.rec.Revision:
		refuse(apperr.Invalid("rev", "revision %d is ahead of the document (%d)", rev, lv.rec.Revision))
		return
	}
	if _, dup := lv.seen[pe.p.UserID+"/"+id]; dup {
		return // resent after a reconnect, but already accepted: the author finds it in its replay
	}
	first := lv.rec.Revision - int64(len(lv.recent))
	if rev < first {
		refuse(apperr.New(apperr.VersionConflict, "your copy is too old: rejoin"))
		return
	}
	var since []plans.Op
	for _, o := range lv.ops[rev-first:] {
		since = append(since, o...)
	}
	doc := &lv.rec.Document
	applied, dropped, err := doc.Accept(ops, since, lv.s.d.Refs)
	if err != nil {
		refuse(apperr.From(err))
		return
	}
	if err := lv.record(pe.p.UserID, id, applied, dropped); err != nil {
		refuse(apperr.From(err))
	}
}

// accept applies a change made on the server (a restore) by a person, on the document as it is.
func (lv *live) accept(userID, id string, ops []plans.Op) error {
	applied, err := lv.rec.Document.ApplyChange(ops, lv.s.d.Refs)
	if err != nil {
		return err
	}
	return lv.record(userID, id, applied, nil)
}

// record gives an applied change the next revision and queues it for storing and sending.
func (lv *live) record(userID, id string, applied []plans.Op, dropped []plans.Dropped) error {
	if applied == nil {
		applied = []plans.Op{}
	}
	raw, err := json.Marshal(applied)
	if err != nil {
		return apperr.Wrap(err, "encode change")
	}
	doc := &lv.rec.Document
	now := lv.s.now().UTC()
	doc.Revision++
	doc.UpdatedAt = now
	ch := Change{ID: fmt.Sprintf("%s-%012d", doc.ID, doc.Revision), Document: doc.ID, Rev: doc.Revision, By: userID,
		ClientID: id, At: now, Ops: string(raw), Dropped: dropped}
	lv.batch = append(lv.batch, ch)
	lv.recent, lv.ops = append(lv.recent, ch), append(lv.ops, applied)
	lv.unarchived = append(lv.unarchived, ch)
	lv.seen[ch.By+"/"+id] = ch.Rev
	if len(lv.recent) > KeepRecent {
		for _, old := range lv.recent[:len(lv.recent)-KeepRecent] {
			delete(lv.seen, old.By+"/"+old.ClientID)
		}
		lv.recent, lv.ops = lv.recent[len(lv.recent)-KeepRecent:], lv.ops[len(lv.ops)-KeepRecent:]
	}
	return nil
}

// --- connections ----------------------------------------------------------------------------

// palette: colours with at least 4.5:1 contrast on white, for names and cursors.
var palette = []string{"#005eb8", "#b3261e", "#2e7d32", "#6a1b9a", "#8a4b00", "#00695c", "#ad1457", "#37474f"}

func colour(userID string) string {
	h := fnv.New32a()
	h.Write([]byte(userID))
	return palette[h.Sum32()%uint32(len(palette))]
}

// Authorize tells whether p may open the document (the socket layer asks before the upgrade
// and again while connected).
func (s *Service) Authorize(p accounts.Principal, id string) error {
	_, err := s.readable(p, id)
	return err
}

// Session is one editor's connection to a document.
type Session struct {
	s      *Service
	room   *realtime.Room
	lv     *live
	client *realtime.Client
}

// Connect joins the document's room with a connection.
func (s *Service) Connect(p accounts.Principal, id string, sock realtime.Socket) (*Session, error) {
	if err := s.Authorize(p, id); err != nil {
		return nil, err
	}
	u, _ := s.d.Accounts.User(p.UserID)
	c := realtime.NewClient(p.UserID, sock)
	for attempt := 0; attempt < 3; attempt++ {
		r := s.hub.Room(id)
		var lv *live
		if r.Do(func() {
			lv = s.liveOf(r)
			lv.peers[c] = &peer{p: p, name: u.Name, color: colour(p.UserID)}
			lv.room.Join(c)
		}) {
			return &Session{s: s, room: r, lv: lv, client: c}, nil
		}
		<-r.Done()
	}
	c.Close(realtime.CloseRestarting, "document unavailable")
	c.Wait()
	return nil, apperr.Wrap(fmt.Errorf("document %s: room unavailable", id), "open document")
}

type inbound struct {
	Type  string          `json:"type"`
	Rev   *int64          `json:"rev"`
	ID    string          `json:"id"`
	Ops   json.RawMessage `json:"ops"`
	Node  string          `json:"node"`
	Field string          `json:"field"`
	Sel   []int           `json:"sel"`
}

// Receive handles one message from the editor. Bad messages get an error message and change
// nothing; an error return ends the connection.
func (ss *Session) Receive(msg []byte) error {
	var m inbound
	dec := json.NewDecoder(bytes.NewReader(msg))
	dec.DisallowUnknownFields()
	refuse := func(e *apperr.Error) error {
		ss.room.Go(func() {
			ss.room.SendTo(ss.client, mustJSON(errorMessage{Type: "error", ID: m.ID, Code: string(e.Code), Message: e.Message}))
		})
		return nil
	}
	if err := dec.Decode(&m); err != nil {
		return refuse(apperr.New(apperr.InvalidJSON, "the message is not valid JSON of the protocol"))
	}
	if len(m.ID) > 64 || len(m.Node) > 64 || len(m.Field) > 64 || len(m.Sel) > 2 {
		return refuse(apperr.Invalid("id", "a field of the message is too long"))
	}
	var ok bool
	switch m.Type {
	case "join":
		if m.Rev == nil || *m.Rev < 0 {
			return refuse(apperr.Invalid("rev", "join needs the revision the client has (0 for none)"))
		}
		ok = ss.room.Go(func() { ss.lv.join(ss.client, *m.Rev) })
	case "change":
		if m.Rev == nil || *m.Rev < 0 || m.ID == "" {
			return refuse(apperr.Invalid("rev", "a change needs the revision it is based on and an id"))
		}
		ops, err := plans.DecodeOps(m.Ops)
		if err != nil {
			return refuse(apperr.From(err))
		}
		ok = ss.room.Go(func() { ss.lv.change(ss.client, *m.Rev, m.ID, ops) })
	case "presence":
		ok = ss.room.Go(func() {
			if pe := ss.lv.peers[ss.client]; pe != nil {
				pe.node, pe.field, pe.sel = m.Node, m.Field, m.Sel
				ss.lv.moved = true
			}
		})
	default:
		return refuse(apperr.Invalid("type", "unknown message type"))
	}
	if !ok {
		return fmt.Errorf("document room stopped")
	}
	return nil
}

// Leave takes the editor out of the room; the last one out closes it.
func (ss *Session) Leave() {
	last := false
	ss.room.Do(func() {
		delete(ss.lv.peers, ss.client)
		last = ss.room.Leave(ss.client) == 0
		ss.lv.moved = true
	})
	ss.client.Close(1000, "")
	ss.client.Wait()
	if last {
		go ss.s.closeIdleRoom(ss.room)
	}
}

// --- messages -------------------------------------------------------------------------------

type helloMessage struct {
	Type    string `json:"type"`
	You     string `json:"you"`
	CanEdit bool   `json:"canEdit"`
	Rev     int64  `json:"rev"`
}

type snapshotMessage struct {
	Type     string         `json:"type"`
	Rev      int64          `json:"rev"`
	Doc      plans.Document `json:"doc"`
	Archived bool           `json:"archived"`
}

type metaMessage struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Period   string `json:"period"`
	Status   string `json:"status"`
	Archived bool   `json:"archived"`
}

type errorMessage struct {
	Type    string `json:"type"`
	ID      string `json:"id,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

type droppedView struct {
	Node   string `json:"node"`
	Reason string `json:"reason"`
}

type changeView struct {
	Rev     int64           `json:"rev"`
	By      string          `json:"by"`
	ID      string          `json:"id"`
	At      time.Time       `json:"at"`
	Ops     json.RawMessage `json:"ops"`
	Dropped []droppedView   `json:"dropped,omitempty"`
}

func changesMessage(chs []Change) []byte {
	views := make([]changeView, len(chs))
	for i, ch := range chs {
		v := changeView{Rev: ch.Rev, By: ch.By, ID: ch.ClientID, At: ch.At, Ops: json.RawMessage(ch.Ops)}
		for _, d := range ch.Dropped {
			v.Dropped = append(v.Dropped, droppedView{Node: d.Node, Reason: d.Reason})
		}
		views[i] = v
	}
	return mustJSON(struct {
		Type    string       `json:"type"`
		Changes []changeView `json:"changes"`
	}{"changes", views})
}

type presenceView struct {
	User  string `json:"user"`
	Name  string `json:"name"`
	Color string `json:"color"`
	Node  string `json:"node,omitempty"`
	Field string `json:"field,omitempty"`
	Sel   []int  `json:"sel,omitempty"`
}

func (lv *live) presence() []byte {
	users := []presenceView{}
	for _, pe := range lv.peers {
		if pe.joined {
			users = append(users, presenceView{User: pe.p.UserID, Name: pe.name, Color: pe.color, Node: pe.node, Field: pe.field, Sel: pe.sel})
		}
	}
	sort.Slice(users, func(i, j int) bool { return users[i].Name < users[j].Name })
	return mustJSON(struct {
		Type  string         `json:"type"`
		Users []presenceView `json:"users"`
	}{"presence", users})
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only our own message types are encoded here
	}
	return b
}
