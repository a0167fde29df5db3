// Package national is the national ELO group's view of every region: how the regional groups'
// action plans address the five national goals (a matrix of national goals by region), the
// plan goals and actions behind each cell, regions side by side, the follow-ups of every region
// on one timeline, and which groups are active and which have gone quiet.
//
// Everything is computed from the documents' working set in memory. Each action plan has a
// contribution (a compact copy of what the aggregates need: its goals, actions, indicators and
// follow-up dates), rebuilt for that one document whenever a new state of it is published, so a
// dashboard query is a sum over the contributions with no database access. When a rebuilt
// contribution changes an aggregate (not on every keystroke of a text), the listeners registered
// with OnChange hear of it, at most once per Debounce (the `national` events topic).
//
// Rules (also shown in the interface):
//   - A plan goal addresses the national goals in its nationalGoals field; a goal linked to two
//     national goals counts in both cells but once in its region's total.
//   - An action without a status counts as planned. Progress is the mean of the actions'
//     progress (a done action without a progress figure counts 100, any other without one 0);
//     cancelled actions are left out of the mean.
//   - An indicator is measured when it has a target and at least one recorded value. It is on
//     track when its latest value (by date) has covered at least the share of the way from
//     baseline (0 when not set) to target that the elapsed part of its action's period implies
//     on that value's date; a done action's indicators must have reached the target; without
//     start and end dates the target itself is expected. Indicators of cancelled actions are
//     left out.
//   - Good practices per goal and region count the library's published practices by the region
//     and national goals of their newest published version (a practice with two national goals
//     counts in both cells but once in its region's total); the theme filter applies to their
//     themes, the period filter to the year they were first published; quality dimensions do not
//     apply. The library tells of every new publication (OnPublish), which changes the version.
//   - A group has gone quiet when neither its documents, nor a follow-up entry, nor its activity
//     feed show anything in the last QuietAfter (60 days).
//
// Who sees what: national-group members and platform administrators see every region; members
// of regional groups see their own region(s) against national totals that name no other region;
// anyone else is refused.
package national

import (
	"slices"
	"sync"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// QuietAfter is how long a group may show nothing before it counts as gone quiet.
const QuietAfter = 60 * 24 * time.Hour

// Debounce is the shortest time between two change notices.
const Debounce = 250 * time.Millisecond

// Documents is the documents' working set.
type Documents interface {
	Each(f func(documents.Record))
	OnPublish(f documents.Published)
}

// Workspaces tells which groups exist, who belongs where and what each group did last.
type Workspaces interface {
	List(p accounts.Principal) []workspaces.View
	IsNational(userID string) bool
	Roles(userID string) map[string]string
	Feed(p accounts.Principal, workspaceID string, before int64, limit int) ([]workspaces.Activity, int64, error)
}

// Reference is the reference data: regions, national goals, quality dimensions, themes.
type Reference interface {
	All() map[string][]refdata.Item
	Is(kind, id string) bool
}

// Deps are the services the national view reads.
type Deps struct {
	Documents  Documents
	Workspaces Workspaces
	Reference  Reference
	Practices  Practices // nil: no practice counts
}

// Change is what listeners hear when an aggregate changed.
type Change struct {
	Version uint64 `json:"version"` // grows with every change of an aggregate
}

// Service keeps the contributions of every action plan and answers the national queries.
type Service struct {
	d   Deps
	now func() time.Time

	mu      sync.RWMutex
	plans   map[string]*plan // document id -> contribution (action plans only)
	version uint64

	practices    []publishedPractice // the library's published practices, replaced whole
	practicesKey uint64

	pmu            sync.Mutex
	pending        map[string]documents.Record // published, not yet folded in
	practicesDirty bool                        // the library published a practice, not yet read
	wake           chan struct{}

	listeners []func(Change) // set before Start, then only read
	stop      chan struct{}
	stopped   chan struct{}
	once      sync.Once
}

// New makes the service and registers it for every published document; call it before the
// documents are served, then Start once they are loaded.
func New(d Deps) *Service {
	s := &Service{d: d, now: time.Now, plans: map[string]*plan{}, pending: map[string]documents.Record{},
		wake: make(chan struct{}, 1), stop: make(chan struct{}), stopped: make(chan struct{})}
	d.Documents.OnPublish(s.published)
	if d.Practices != nil {
		d.Practices.OnPublish(s.practicesChanged)
	}
	return s
}

// OnChange registers a listener for changes of the aggregates (called at most once per
// Debounce, on the service's own goroutine); call before Start.
func (s *Service) OnChange(f func(Change)) { s.listeners = append(s.listeners, f) }

// Start builds the contributions of every document and begins following their changes.
func (s *Service) Start() {
	built := map[string]*plan{}
	s.d.Documents.Each(func(r documents.Record) {
		if p := contribution(r); p != nil {
			built[p.id] = p
		}
	})
	var list []publishedPractice
	var key uint64
	if s.d.Practices != nil {
		list, key = readPractices(s.d.Practices)
	}
	s.mu.Lock()
	s.practices, s.practicesKey = list, key
	for id, p := range built {
		if _, newer := s.plans[id]; !newer {
			s.plans[id] = p
		}
	}
	s.mu.Unlock()
	go s.run()
}

// Close stops following changes.
func (s *Service) Close() {
	s.once.Do(func() { close(s.stop) })
}

// Version grows with every change of an aggregate.
func (s *Service) Version() uint64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.version
}

// published is the documents' watcher: it runs on a room's goroutine, so it only notes the
// record; the service's goroutine folds it in.
func (s *Service) published(r documents.Record) {
	s.pmu.Lock()
	s.pending[r.ID] = r
	s.pmu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// run folds published documents in and notifies listeners: at once when the last notice is
// older than Debounce, otherwise when Debounce has passed since it.
func (s *Service) run() {
	var last time.Time
	var due <-chan time.Time
	dirty := false
	for {
		select {
		case <-s.stop:
			return
		case <-s.wake:
			if s.fold() {
				dirty = true
			}
			if s.foldPractices() {
				dirty = true
			}
		case <-due:
			due = nil
		}
		if !dirty || due != nil {
			continue
		}
		if wait := Debounce - time.Since(last); wait > 0 {
			due = time.After(wait)
			continue
		}
		last, dirty = time.Now(), false
		c := Change{Version: s.Version()}
		for _, f := range s.listeners {
			f(c)
		}
	}
}

// fold rebuilds the contribution of each pending document and reports whether an aggregate
// changed.
func (s *Service) fold() bool {
	s.pmu.Lock()
	batch := s.pending
	s.pending = map[string]documents.Record{}
	s.pmu.Unlock()
	changed := false
	for id, r := range batch {
		p := contribution(r)
		s.mu.Lock()
		old := s.plans[id]
		moved := false
		switch {
		case p == nil && old != nil:
			delete(s.plans, id)
			moved = true
		case p != nil:
			s.plans[id] = p
			moved = old == nil || old.key != p.key
		}
		if moved {
			s.version++
			changed = true
		}
		s.mu.Unlock()
	}
	return changed
}

// snapshot returns the current contributions (each immutable).
func (s *Service) snapshot() []*plan {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*plan, 0, len(s.plans))
	for _, p := range s.plans {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *plan) int {
		if a.period != b.period {
			if a.period < b.period {
				return -1
			}
			return 1
		}
		if a.id < b.id {
			return -1
		}
		return 1
	})
	return out
}

// Topic is the events topic whose listeners hear Change.
const Topic = "national"
