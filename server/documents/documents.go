// Package documents serves the co-edited documents of workspaces (regional strategies, action
// plans, situation descriptions): their working set, the operations on them (create, copy from
// an earlier period, rename, archive, workflow), and a live room per open document where
// changes from many editors are serialised, transformed, stored and fanned out
// (shared/coedit/PROTOCOL.md).
//
// Storage: every tick, a room appends the tick's changes to the change log (an insert, whose
// cost does not grow with the database) before anyone hears of them, so nothing acknowledged is
// lost. The document record is a snapshot, rewritten only every SnapshotEvery changes, on
// changes of its metadata, and when the room closes; while a room has changes beyond the
// snapshot, a small marker says so (an insert at its first change, removed after the snapshot at
// close), and a server starting after a crash replays the log beyond the snapshot of each
// marked document. (Replacing the record every tick made every tick
// walk and convert the whole collection on the embedded database.)
package documents

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/realtime"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// Change is one accepted change: its revision, author and the operations as applied.
type Change struct {
	ID       string          `bson:"_id" json:"-"` // <document id>-<revision, 12 digits>: appends are idempotent
	Document string          `bson:"document" json:"-"`
	Rev      int64           `bson:"rev" json:"rev"`
	By       string          `bson:"by" json:"by"`
	ClientID string          `bson:"clientId" json:"id"` // the author's id for the change (its acknowledgement)
	At       time.Time       `bson:"at" json:"at"`
	Ops      string          `bson:"ops" json:"ops"` // JSON, the PROTOCOL.md form (ot operations have no BSON form)
	Dropped  []plans.Dropped `bson:"dropped,omitempty" json:"dropped,omitempty"`
}

// Record is a stored document. Its nodes are stored as one JSON text, Content: the embedded
// database converts every nested value of a record on each read and write (a second for sixty
// plans as nested documents, tens of milliseconds as text), and nothing queries inside a
// document anyway: documents are served from memory.
type Record struct {
	plans.Document `bson:",inline"`
	Content        string   `bson:"content"` // Document.Nodes as JSON; filled by Stored
	Archived       bool     `bson:"archived"`
	Tail           []Change `bson:"tail"`      // changes after HistoryTo kept with the snapshot (moved to a history chunk at the next snapshot)
	Origin         string   `bson:"origin"`    // the nodes as created (revision 0) as JSON: history replays from here
	History        []string `bson:"history"`   // ids of the history chunks, oldest first
	HistoryTo      int64    `bson:"historyTo"` // the last revision in the history chunks
}

// Chunk is a run of consecutive changes of one document, the document's history: each snapshot
// of a record moves the changes since the previous one into a new chunk (an insert), so reading
// one document's history reads a few records by id, whatever the size of the change log.
type Chunk struct {
	ID       string `bson:"_id"` // <document id>-<first revision>-<last revision>
	Document string `bson:"document"`
	First    int64  `bson:"first"`
	Last     int64  `bson:"last"`
	Changes  string `bson:"changes"` // JSON of []Change, First..Last
}

// NewChunk makes the chunk of consecutive changes.
func NewChunk(docID string, changes []Change) (Chunk, error) {
	b, err := json.Marshal(changes)
	if err != nil {
		return Chunk{}, apperr.Wrap(err, "encode history of %s", docID)
	}
	first, last := changes[0].Rev, changes[len(changes)-1].Rev
	return Chunk{ID: fmt.Sprintf("%s-%d-%d", docID, first, last), Document: docID, First: first, Last: last, Changes: string(b)}, nil
}

// Origin encodes a document's nodes as created, for Record.Origin.
func Origin(doc *plans.Document) (string, error) {
	b, err := json.Marshal(doc.Nodes)
	if err != nil {
		return "", apperr.Wrap(err, "encode document %s", doc.ID)
	}
	return string(b), nil
}

// Stored returns r ready to be written: its nodes encoded into Content.
func Stored(r Record) (Record, error) {
	b, err := json.Marshal(r.Nodes)
	if err != nil {
		return r, apperr.Wrap(err, "encode document %s", r.ID)
	}
	r.Content = string(b)
	return r, nil
}

// loaded decodes a record read from the store: Content back into Nodes.
func loaded(r Record) (Record, error) {
	if err := json.Unmarshal([]byte(r.Content), &r.Nodes); err != nil {
		return r, fmt.Errorf("document %s: stored content unreadable: %w", r.ID, err)
	}
	r.Content = ""
	return r, nil
}

// ArchiveEvery is how many changes a record's tail may hold (records written by the demo keep
// their last changes there).
const ArchiveEvery = 200

// SnapshotEvery is how many changes a room appends to the log between snapshots of its record.
const SnapshotEvery = 500

// Summary is a document as a list shows it to one person.
type Summary struct {
	Record
	CanEdit, CanApprove bool
}

// Unsaved marks a document whose change log may hold changes beyond its record's snapshot.
type Unsaved struct {
	ID string `bson:"_id"` // the document id
}

// Markers are the Unsaved marks.
type Markers interface {
	All(ctx context.Context) ([]Unsaved, error)
	Append(ctx context.Context, marks []Unsaved) error
	Delete(ctx context.Context, id string) error
}

// Chunks are the documents' history chunks.
type Chunks interface {
	All(ctx context.Context) ([]Chunk, error)
	Append(ctx context.Context, chunks []Chunk) error
	WhereIn(ctx context.Context, field string, values []string) ([]Chunk, error)
}

// ChangeLog is the journal of accepted changes: written every tick before the changes are
// acknowledged, read after a crash to bring marked records up to date.
type ChangeLog interface {
	Append(ctx context.Context, changes []Change) error
	WhereIn(ctx context.Context, field string, values []string) ([]Change, error)
}

// Workspaces is what documents need to know about workspaces and their people.
type Workspaces interface {
	CanRead(p accounts.Principal, workspaceID string) bool
	Role(userID, workspaceID string) string
	Record(ctx context.Context, a workspaces.Activity) error
}

// Accounts names people.
type Accounts interface {
	User(id string) (accounts.User, bool)
}

// Deps are the services documents use.
type Deps struct {
	Workspaces Workspaces
	Accounts   Accounts
	Refs       plans.Refs
	Log        *slog.Logger
}

// Service is the documents' working set and their live rooms.
type Service struct {
	docs    record.Table[Record]
	changes ChangeLog
	chunks  Chunks
	unsaved Markers
	d       Deps
	hub     *realtime.Hub
	base    context.Context // for the rooms' writes; ends at Shutdown
	cancel  context.CancelFunc
	now     func() time.Time

	wmu     sync.Mutex // serialises creating documents
	mu      sync.RWMutex
	records map[string]Record // the latest stored copy of every document
	lives   map[*realtime.Room]*live

	watchers   []Published // set before serving, then only read
	chunkCache *historyCache
}

// New makes the service; call Load before use.
func New(docs record.Table[Record], changes ChangeLog, chunks Chunks, unsaved Markers, d Deps) *Service {
	s := &Service{docs: docs, changes: changes, chunks: chunks, unsaved: unsaved, d: d, now: time.Now, lives: map[*realtime.Room]*live{}, chunkCache: newHistoryCache()}
	s.base, s.cancel = context.WithCancel(context.Background())
	s.hub = realtime.NewHub(realtime.Tick, s.open)
	return s
}

// Load reads every document record.
func (s *Service) Load(ctx context.Context) error {
	all, err := s.docs.All(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	marks, err := s.unsaved.All(ctx)
	if err != nil {
		return err
	}
	s.records = make(map[string]Record, len(all))
	for _, r := range all {
		if r, err = loaded(r); err != nil {
			return err
		}
		s.records[r.ID] = r
	}
	var dirty []string
	for _, m := range marks {
		if _, ok := s.records[m.ID]; ok {
			dirty = append(dirty, m.ID)
		}
	}
	return s.recover(ctx, dirty)
}

// recover brings marked records (a room was open when the server stopped without closing it)
// up to date with their changes in the log, stores them and removes their marks. The replayed
// changes stay in the record's tail in memory, so editors who reconnect get them as a replay. The replayed changes stay in the record's tail, so
// editors who reconnect get them as a replay.
func (s *Service) recover(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	all, err := s.changes.WhereIn(ctx, "document", ids)
	if err != nil {
		return err
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Rev < all[j].Rev })
	for _, ch := range all {
		r := s.records[ch.Document]
		if ch.Rev <= r.Revision {
			continue
		}
		if ch.Rev != r.Revision+1 {
			return fmt.Errorf("document %s: the change log skips from revision %d to %d", r.ID, r.Revision, ch.Rev)
		}
		var ops []plans.Op
		if err := json.Unmarshal([]byte(ch.Ops), &ops); err != nil {
			return fmt.Errorf("document %s revision %d: %w", r.ID, ch.Rev, err)
		}
		r.Nodes = r.Document.Clone().Nodes
		if _, err := r.Document.ApplyChange(ops, nil); err != nil {
			return fmt.Errorf("document %s revision %d does not apply: %w", r.ID, ch.Rev, err)
		}
		r.Revision, r.UpdatedAt = ch.Rev, ch.At
		r.Tail = append(slices.Clone(r.Tail), ch)
		s.records[r.ID] = r
	}
	for _, id := range ids {
		r := s.records[id]
		snap := r
		var err error
		if snap, err = s.archive(ctx, snap, r.Tail); err != nil {
			return err
		}
		snap.Version = r.Version + 1
		out, err := Stored(snap)
		if err != nil {
			return err
		}
		if err := s.docs.Replace(ctx, id, r.Version, out); err != nil {
			return fmt.Errorf("document %s: store the recovered snapshot: %w", id, err)
		}
		r.Version, r.History, r.HistoryTo = snap.Version, snap.History, snap.HistoryTo
		s.records[id] = r
		if err := s.unsaved.Delete(ctx, id); err != nil {
			return err
		}
	}
	s.d.Log.Info("documents recovered from the change log", "documents", len(ids), "changes", len(all))
	return nil
}

// Shutdown stores what rooms hold, tells every editor to reconnect, and stops the rooms.
func (s *Service) Shutdown() {
	s.hub.Shutdown()
	s.cancel()
}

func (s *Service) record(id string) (Record, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r, ok := s.records[id]
	return r, ok
}

func (s *Service) put(r Record) {
	s.mu.Lock()
	s.records[r.ID] = r
	s.mu.Unlock()
	for _, w := range s.watchers {
		w(r)
	}
}

// readable returns the record if p may read it.
func (s *Service) readable(p accounts.Principal, id string) (Record, error) {
	if !record.Valid(id) {
		return Record{}, apperr.New(apperr.InvalidID, "not a valid id")
	}
	r, ok := s.record(id)
	if !ok {
		return Record{}, apperr.New(apperr.NotFound, "no such document")
	}
	if !s.d.Workspaces.CanRead(p, r.WorkspaceID) {
		return Record{}, apperr.New(apperr.Forbidden, "you are not a member of this workspace")
	}
	return r, nil
}

func (s *Service) summary(p accounts.Principal, r Record) Summary {
	role := s.d.Workspaces.Role(p.UserID, r.WorkspaceID)
	return Summary{Record: r, CanEdit: !r.Archived && plans.CanEditDocument(&r.Document, role), CanApprove: plans.CanApprove(role)}
}

// List returns a workspace's documents, the latest changed first.
func (s *Service) List(p accounts.Principal, workspaceID string) ([]Summary, error) {
	if !s.d.Workspaces.CanRead(p, workspaceID) {
		return nil, apperr.New(apperr.Forbidden, "you are not a member of this workspace")
	}
	s.mu.RLock()
	var out []Summary
	for _, r := range s.records {
		if r.WorkspaceID == workspaceID {
			out = append(out, s.summary(p, r))
		}
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].UpdatedAt.After(out[j].UpdatedAt) })
	return out, nil
}

// Get returns a document as last stored.
func (s *Service) Get(p accounts.Principal, id string) (Summary, error) {
	r, err := s.readable(p, id)
	if err != nil {
		return Summary{}, err
	}
	return s.summary(p, r), nil
}

// Create makes a document in a workspace, empty or copied from an earlier one of the same kind.
func (s *Service) Create(ctx context.Context, p accounts.Principal, workspaceID, kind, title, period, copyFrom string) (Summary, error) {
	if !plans.CanEdit(s.d.Workspaces.Role(p.UserID, workspaceID)) {
		if !s.d.Workspaces.CanRead(p, workspaceID) {
			return Summary{}, apperr.New(apperr.Forbidden, "you are not a member of this workspace")
		}
		return Summary{}, apperr.New(apperr.Forbidden, "only the group's coordinators and members create documents")
	}
	var doc *plans.Document
	var err error
	if copyFrom != "" {
		src, err := s.readable(p, copyFrom)
		if err != nil || src.WorkspaceID != workspaceID || src.Kind != kind {
			return Summary{}, apperr.Invalid("copyFrom", "copy from a document of the same kind in this workspace")
		}
		if doc, err = plans.CopyForNextPeriod(&src.Document, period); err != nil {
			return Summary{}, err
		}
		doc.Title = title
	} else if doc, err = plans.NewDocument(kind, workspaceID, title, period); err != nil {
		return Summary{}, err
	}
	now := s.now().UTC()
	doc.CreatedAt, doc.UpdatedAt, doc.Version = now, now, 1
	origin, err := Origin(doc)
	if err != nil {
		return Summary{}, err
	}
	r := Record{Document: *doc, Tail: []Change{}, Origin: origin, History: []string{}}
	stored, err := Stored(r)
	if err != nil {
		return Summary{}, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.docs.Insert(ctx, stored); err != nil {
		return Summary{}, err
	}
	s.put(r)
	s.activity(ctx, p, r, "document_created", kind)
	return s.summary(p, r), nil
}

// Meta are the fields of a document outside its content; nil leaves one as it is.
type Meta struct {
	Title    *string
	Period   *string
	Archived *bool
}

// Update renames a document, changes its period, or archives or restores it.
func (s *Service) Update(ctx context.Context, p accounts.Principal, id string, m Meta) (Summary, error) {
	r, err := s.readable(p, id)
	if err != nil {
		return Summary{}, err
	}
	if !plans.CanEdit(s.d.Workspaces.Role(p.UserID, r.WorkspaceID)) {
		return Summary{}, apperr.New(apperr.Forbidden, "only the group's coordinators and members change documents")
	}
	var title, period string
	if m.Title != nil {
		if title, err = record.Text("title", *m.Title, 1, 200); err != nil {
			return Summary{}, err
		}
	}
	if m.Period != nil {
		if period, err = record.Text("period", *m.Period, 0, 40); err != nil {
			return Summary{}, err
		}
	}
	out, err := s.inRoom(id, func(lv *live) (Record, error) {
		if m.Title != nil {
			lv.rec.Title = title
		}
		if m.Period != nil {
			lv.rec.Period = period
		}
		if m.Archived != nil {
			lv.rec.Archived = *m.Archived
		}
		return lv.saveMeta()
	})
	if err != nil {
		return Summary{}, err
	}
	if m.Archived != nil {
		verb := "document_restored"
		if *m.Archived {
			verb = "document_archived"
		}
		s.activity(ctx, p, out, verb, "")
	}
	return s.summary(p, out), nil
}

// Transition moves a document along its workflow (plans.Transition says who may).
func (s *Service) Transition(ctx context.Context, p accounts.Principal, id, status string) (Summary, error) {
	r, err := s.readable(p, id)
	if err != nil {
		return Summary{}, err
	}
	role := s.d.Workspaces.Role(p.UserID, r.WorkspaceID)
	out, err := s.inRoom(id, func(lv *live) (Record, error) {
		if err := plans.Transition(&lv.rec.Document, status, role); err != nil {
			return Record{}, err
		}
		return lv.saveMeta()
	})
	if err != nil {
		return Summary{}, err
	}
	s.activity(ctx, p, out, "document_status_changed", status)
	return s.summary(p, out), nil
}

// activity records a document event in the workspace's feed.
func (s *Service) activity(ctx context.Context, p accounts.Principal, r Record, verb, detail string) {
	u, _ := s.d.Accounts.User(p.UserID)
	err := s.d.Workspaces.Record(ctx, workspaces.Activity{WorkspaceID: r.WorkspaceID, ActorID: p.UserID, ActorName: u.Name, Verb: verb, Subject: r.Title, Detail: detail})
	if err != nil {
		s.d.Log.Error("activity not recorded", "document", r.ID, "verb", verb, "err", err)
	}
}
