package documents

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/plans"
)

// A document's history is its origin (the nodes as created) and every accepted change since,
// in its history chunks and, after the last snapshot, in its record's tail or its open room.
// Any past revision is the origin with the changes up to it replayed; restoring one applies
// the difference to the document now as new changes, so history is never rewritten.

// archive moves changes after rec.HistoryTo into a new history chunk (an insert) and returns
// the record that lists it, with an empty tail, ready to be stored.
func (s *Service) archive(ctx context.Context, rec Record, changes []Change) (Record, error) {
	var fresh []Change
	for _, ch := range changes {
		if ch.Rev > rec.HistoryTo {
			fresh = append(fresh, ch)
		}
	}
	rec.Tail = []Change{}
	if len(fresh) == 0 {
		return rec, nil
	}
	c, err := NewChunk(rec.ID, fresh)
	if err != nil {
		return rec, err
	}
	if err := s.chunks.Append(ctx, []Chunk{c}); err != nil {
		return rec, err
	}
	s.chunkCache.put(c.ID, fresh)
	rec.History = append(slices.Clone(rec.History), c.ID)
	rec.HistoryTo = c.Last
	return rec, nil
}

// historyCache keeps decoded chunks (they never change once written), up to a bound.
type historyCache struct {
	mu      sync.Mutex
	chunks  map[string][]Change
	changes int
}

// historyCacheMax bounds the changes the cache holds (a few hundred bytes each).
const historyCacheMax = 200_000

func newHistoryCache() *historyCache { return &historyCache{chunks: map[string][]Change{}} }

func (h *historyCache) get(id string) ([]Change, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	c, ok := h.chunks[id]
	return c, ok
}

// add caches a chunk if the cache has room for it, and says whether it had.
func (h *historyCache) add(id string, chs []Change) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.changes+len(chs) > historyCacheMax {
		return false
	}
	if _, ok := h.chunks[id]; !ok {
		h.chunks[id] = chs
		h.changes += len(chs)
	}
	return true
}

func (h *historyCache) put(id string, chs []Change) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if old, ok := h.chunks[id]; ok {
		h.changes -= len(old)
	}
	if h.changes+len(chs) > historyCacheMax {
		h.chunks, h.changes = map[string][]Change{}, 0
	}
	h.chunks[id] = chs
	h.changes += len(chs)
}

// WarmHistory reads the history chunks into the cache in the background, up to its bound, so
// the first history a person opens is served from memory. On the embedded database reading any
// one document's chunks walks the whole collection anyway: one walk at start costs about the
// same as the first history opened would.
func (s *Service) WarmHistory() {
	go func() {
		began := time.Now()
		all, err := s.chunks.All(s.base)
		if err != nil {
			s.d.Log.Warn("history not preloaded; it is read when opened", "err", err)
			return
		}
		n := 0
		for _, c := range all {
			var chs []Change
			if err := json.Unmarshal([]byte(c.Changes), &chs); err != nil {
				s.d.Log.Error("history chunk unreadable", "chunk", c.ID, "err", err)
				continue
			}
			if !s.chunkCache.add(c.ID, chs) {
				break
			}
			n += len(chs)
		}
		s.d.Log.Info("history preloaded", "chunks", len(all), "changes", n, "took", time.Since(began).Round(time.Millisecond).String())
	}()
}

// historyOf returns a readable document's record and every change of its history, oldest
// first. complete is false when changes are missing (a document stored before histories were
// kept), in which case no past revision can be rebuilt.
func (s *Service) historyOf(ctx context.Context, p accounts.Principal, id string) (rec Record, changes []Change, complete bool, err error) {
	if rec, err = s.readable(p, id); err != nil {
		return rec, nil, false, err
	}
	var after []Change
	got := false
	if r := s.hub.Existing(id); r != nil {
		got = r.Do(func() {
			lv := s.liveOf(r)
			rec, after = lv.rec, slices.Clone(lv.unarchived)
		})
	}
	if !got {
		rec, _ = s.record(id)
		for _, ch := range rec.Tail {
			if ch.Rev > rec.HistoryTo {
				after = append(after, ch)
			}
		}
	}
	var missing []string
	for _, cid := range rec.History {
		if _, ok := s.chunkCache.get(cid); !ok {
			missing = append(missing, cid)
		}
	}
	if len(missing) > 0 {
		read, err := s.chunks.WhereIn(ctx, "_id", missing)
		if err != nil {
			return rec, nil, false, err
		}
		for _, c := range read {
			var chs []Change
			if err := json.Unmarshal([]byte(c.Changes), &chs); err != nil {
				return rec, nil, false, fmt.Errorf("history chunk %s unreadable: %w", c.ID, err)
			}
			s.chunkCache.put(c.ID, chs)
		}
	}
	for _, cid := range rec.History {
		chs, ok := s.chunkCache.get(cid)
		if !ok {
			return rec, nil, false, fmt.Errorf("document %s: history chunk %s is missing", id, cid)
		}
		changes = append(changes, chs...)
	}
	changes = append(changes, after...)
	complete = rec.Origin != ""
	for i, ch := range changes {
		if ch.Rev != int64(i+1) {
			complete = false
		}
	}
	if int64(len(changes)) != rec.Revision {
		complete = false
	}
	return rec, changes, complete, nil
}

// HistoryGroup is a stretch of changes by one person, none more than GroupGap after the last.
type HistoryGroup struct {
	By       string    `json:"by"`
	Name     string    `json:"name"`
	From     int64     `json:"from"` // first revision
	To       int64     `json:"to"`   // last revision
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Changes  int       `json:"changes"`
	Texts    int       `json:"texts"`   // text operations
	Fields   int       `json:"fields"`  // values set
	Added    int       `json:"added"`   // items inserted
	Moved    int       `json:"moved"`   // items moved
	Removed  int       `json:"removed"` // items deleted
	Restored int64     `json:"restored,omitempty"`
}

// Timeline is a document's history as a person reads it.
type Timeline struct {
	Revision int64          `json:"revision"`
	Complete bool           `json:"complete"` // every revision can be opened
	Groups   []HistoryGroup `json:"groups"`   // newest first
}

// GroupGap is the longest pause within one group of a timeline.
const GroupGap = 15 * time.Minute

// restoreClient marks the changes of a restore: "restore-<revision>-<part>".
const restoreClient = "restore-"

// History returns the document's timeline.
func (s *Service) History(ctx context.Context, p accounts.Principal, id string) (Timeline, error) {
	rec, changes, complete, err := s.historyOf(ctx, p, id)
	if err != nil {
		return Timeline{}, err
	}
	var groups []HistoryGroup
	for _, ch := range changes {
		var ops []plans.Op
		if err := json.Unmarshal([]byte(ch.Ops), &ops); err != nil {
			return Timeline{}, fmt.Errorf("document %s revision %d: %w", id, ch.Rev, err)
		}
		var restored int64
		fmt.Sscanf(ch.ClientID, restoreClient+"%d-", &restored)
		k := len(groups) - 1
		if k < 0 || groups[k].By != ch.By || ch.At.Sub(groups[k].End) > GroupGap || restored != groups[k].Restored {
			groups = append(groups, HistoryGroup{By: ch.By, Name: s.name(ch.By), From: ch.Rev, Start: ch.At, Restored: restored})
			k++
		}
		g := &groups[k]
		g.To, g.End = ch.Rev, ch.At
		g.Changes++
		for _, op := range ops {
			switch op.T {
			case plans.OpText:
				g.Texts++
			case plans.OpSet:
				g.Fields++
			case plans.OpInsert:
				g.Added++
			case plans.OpMove:
				g.Moved++
			case plans.OpDelete:
				g.Removed++
			}
		}
	}
	slices.Reverse(groups)
	if groups == nil {
		groups = []HistoryGroup{}
	}
	return Timeline{Revision: rec.Revision, Complete: complete, Groups: groups}, nil
}

func (s *Service) name(userID string) string {
	u, _ := s.d.Accounts.User(userID)
	return u.Name
}

// Revision is a document as it was after one change.
type Revision struct {
	Revision int64          `json:"revision"`
	At       time.Time      `json:"at"`
	By       string         `json:"by,omitempty"`
	Doc      plans.Document `json:"doc"`
}

// replay rebuilds the document at revision rev from its origin and changes.
// start, if given, sees the origin before the first change, visit each change as applied.
func replay(rec Record, changes []Change, rev int64, start func(*plans.Document), visit func(Change, []plans.Op)) (*plans.Document, error) {
	doc := &plans.Document{ID: rec.ID, WorkspaceID: rec.WorkspaceID, Kind: rec.Kind, Title: rec.Title, Period: rec.Period,
		Status: rec.Status, CreatedAt: rec.CreatedAt, UpdatedAt: rec.CreatedAt}
	if err := json.Unmarshal([]byte(rec.Origin), &doc.Nodes); err != nil {
		return nil, fmt.Errorf("document %s: origin unreadable: %w", rec.ID, err)
	}
	if start != nil {
		start(doc)
	}
	for _, ch := range changes[:rev] {
		var ops []plans.Op
		if err := json.Unmarshal([]byte(ch.Ops), &ops); err != nil {
			return nil, fmt.Errorf("document %s revision %d: %w", rec.ID, ch.Rev, err)
		}
		if _, err := doc.ApplyChange(ops, nil); err != nil {
			return nil, fmt.Errorf("document %s revision %d does not replay: %w", rec.ID, ch.Rev, err)
		}
		doc.Revision, doc.UpdatedAt = ch.Rev, ch.At
		if visit != nil {
			visit(ch, ops)
		}
	}
	return doc, nil
}

// pastRevision rebuilds a readable document at rev (0: as created).
func (s *Service) pastRevision(ctx context.Context, p accounts.Principal, id string, rev int64, start func(*plans.Document), visit func(Change, []plans.Op)) (Record, *plans.Document, error) {
	rec, changes, complete, err := s.historyOf(ctx, p, id)
	if err != nil {
		return rec, nil, err
	}
	if rev < 0 || rev > rec.Revision {
		return rec, nil, apperr.Invalid("revision", "the document has revisions 0 to %d", rec.Revision)
	}
	if !complete {
		return rec, nil, apperr.New(apperr.NotFound, "this document's earlier revisions were not kept")
	}
	doc, err := replay(rec, changes, rev, start, visit)
	return rec, doc, err
}

// Revision returns the document as it was at a revision.
func (s *Service) Revision(ctx context.Context, p accounts.Principal, id string, rev int64) (Revision, error) {
	var last Change
	_, doc, err := s.pastRevision(ctx, p, id, rev, nil, func(ch Change, _ []plans.Op) { last = ch })
	if err != nil {
		return Revision{}, err
	}
	out := Revision{Revision: rev, At: doc.CreatedAt, Doc: *doc}
	if rev > 0 {
		out.At, out.By = last.At, last.By
	}
	return out, nil
}

// Authors says who wrote what in the document at a revision: the author of every character of
// every text and who last set every field, with their names.
type Authors struct {
	Revision int64                              `json:"revision"`
	Texts    map[string]map[string][]plans.Span `json:"texts"`
	Fields   map[string]map[string]plans.Setter `json:"fields"`
	People   map[string]string                  `json:"people"` // user id -> name
}

// Authorship returns who wrote what at a revision.
func (s *Service) Authorship(ctx context.Context, p accounts.Principal, id string, rev int64) (Authors, error) {
	var who *plans.Authorship
	people := map[string]string{}
	start := func(origin *plans.Document) { who = plans.NewAuthorship(origin) }
	_, _, err := s.pastRevision(ctx, p, id, rev, start, func(ch Change, ops []plans.Op) {
		who.Apply(ch.By, ch.At, ops)
		if _, ok := people[ch.By]; !ok {
			people[ch.By] = s.name(ch.By)
		}
	})
	if err != nil {
		return Authors{}, err
	}
	return Authors{Revision: rev, Texts: who.Texts, Fields: who.Fields, People: people}, nil
}

// Restore brings the document back to a past revision by new changes on top of the present
// (history keeps everything in between), stored before it answers.
func (s *Service) Restore(ctx context.Context, p accounts.Principal, id string, rev int64) (Summary, error) {
	if _, err := s.readable(p, id); err != nil {
		return Summary{}, err
	}
	if !s.CanEdit(p, id) {
		return Summary{}, apperr.New(apperr.Forbidden, "only the group's coordinators and members change this document")
	}
	_, past, err := s.pastRevision(ctx, p, id, rev, nil, nil)
	if err != nil {
		return Summary{}, err
	}
	out, err := s.inRoom(id, func(lv *live) (Record, error) {
		ops := plans.Diff(&lv.rec.Document, past)
		if _, err := lv.rec.Document.Clone().ApplyChange(ops, lv.s.d.Refs); err != nil {
			return Record{}, err // e.g. an organisation named then is gone: nothing is changed
		}
		for part := 0; len(ops) > 0; part++ {
			n := min(len(ops), plans.MaxOpsPerChange)
			if err := lv.accept(p.UserID, fmt.Sprintf("%s%d-%d", restoreClient, rev, part), ops[:n]); err != nil {
				return Record{}, err
			}
			ops = ops[n:]
		}
		lv.flush()
		if lv.failed {
			return Record{}, apperr.Wrap(fmt.Errorf("document %s: restore not stored", id), "restore")
		}
		return lv.rec, nil
	})
	if err != nil {
		return Summary{}, err
	}
	s.activity(ctx, p, out, "document_revision_restored", fmt.Sprint(rev))
	return s.summary(p, out), nil
}
