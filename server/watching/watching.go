// Package watching keeps each person's notification level on a forum, a thread or a practice:
// watch (every new post or change), normal (only what is addressed to them: mentions, replies to
// them; plus the defaults the forums and the library give) or mute (nothing at all, not even
// mentions). It only stores and answers what a person chose; the services that notify (forums,
// practices) decide with it, because they know the defaults (a thread's starter watches it, a
// practice's authors watch it) and who may read what.
//
// One small store shared by forums and practices rather than one per service: the person's
// list of what they watch or mute (the notifications page) then reads one place, and the
// choice is made the same way everywhere.
//
// Storage (FERRETDB.md): a choice is appended, never updated; the newest choice for a target
// wins. Everything is loaded at start and kept current by this service's own writes, each
// stored before it is applied.
//
// Live: a stored change is published on the person's own topic (user:<id>, kind level), so
// their other open tabs show the new level without a reload.
package watching

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/events"
)

// EventKind is the kind of the live event of a changed level on the person's own topic.
const EventKind = "level"

// Change is a changed level as published live.
type Change struct {
	Kind  string `json:"kind"` // forum, thread, practice
	ID    string `json:"id"`
	Level string `json:"level"`
}

// Levels.
const (
	Watch  = "watch"
	Normal = "normal"
	Mute   = "mute"
)

// Kinds of target.
const (
	Forum    = "forum"
	Thread   = "thread"
	Practice = "practice"
)

// Valid reports whether level is one of the three levels.
func Valid(level string) bool { return level == Watch || level == Normal || level == Mute }

// Choice is one person's level on one target, as stored.
type Choice struct {
	ID     string    `bson:"_id"` // 16-digit sequence number: a second write of one seq is refused
	Seq    int64     `bson:"seq"`
	User   string    `bson:"user"`
	Kind   string    `bson:"kind"`
	Target string    `bson:"target"`
	Level  string    `bson:"level"`
	At     time.Time `bson:"at"`
}

// Table is the append-only store.
type Table interface {
	All(ctx context.Context) ([]Choice, error)
	Insert(ctx context.Context, c Choice) error
}

type key struct{ kind, target string }

// Store is every person's choices in memory.
type Store struct {
	table   Table
	now     func() time.Time
	publish func(topic, kind string, data any) // nil: nothing is published

	wmu      sync.Mutex // one writer: choices are stored in sequence order
	mu       sync.RWMutex
	seq      int64
	byUser   map[string]map[key]Choice // person -> target -> their choice
	watchers map[key]map[string]bool   // target -> people who chose watch
}

// New makes the store; call Load before use.
func New(t Table) *Store {
	return &Store{table: t, now: time.Now, byUser: map[string]map[key]Choice{}, watchers: map[key]map[string]bool{}}
}

// PublishWith sets how changes are published live (events.Bus.Publish); call before use.
func (s *Store) PublishWith(publish func(topic, kind string, data any)) { s.publish = publish }

// Load reads every stored choice.
func (s *Store) Load(ctx context.Context) error {
	all, err := s.table.All(ctx)
	if err != nil {
		return err
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Seq < all[j].Seq })
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byUser, s.watchers = map[string]map[key]Choice{}, map[key]map[string]bool{}
	for _, c := range all {
		s.apply(c)
		s.seq = max(s.seq, c.Seq)
	}
	return nil
}

func (s *Store) apply(c Choice) {
	k := key{c.Kind, c.Target}
	m := s.byUser[c.User]
	if m == nil {
		m = map[key]Choice{}
		s.byUser[c.User] = m
	}
	m[k] = c
	w := s.watchers[k]
	if c.Level == Watch {
		if w == nil {
			w = map[string]bool{}
			s.watchers[k] = w
		}
		w[c.User] = true
	} else if w != nil {
		delete(w, c.User)
	}
}

// Level is the level a person chose on a target, and whether they chose one at all.
func (s *Store) Level(user, kind, target string) (string, bool) {
	s.mu.RLock()
	c, ok := s.byUser[user][key{kind, target}]
	s.mu.RUnlock()
	return c.Level, ok
}

// Watchers are the people who chose watch on a target, in a stable order.
func (s *Store) Watchers(kind, target string) []string {
	s.mu.RLock()
	w := s.watchers[key{kind, target}]
	out := make([]string, 0, len(w))
	for u := range w {
		out = append(out, u)
	}
	s.mu.RUnlock()
	slices.Sort(out)
	return out
}

// Set stores a person's level on a target (the caller has checked the person may read it).
func (s *Store) Set(ctx context.Context, user, kind, target, level string) error {
	if !Valid(level) {
		return apperr.Invalid("level", "level is watch, normal or mute")
	}
	if was, ok := s.Level(user, kind, target); ok && was == level {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	c := Choice{Seq: s.seq + 1, User: user, Kind: kind, Target: target, Level: level, At: s.now().UTC().Truncate(time.Millisecond)}
	c.ID = fmt.Sprintf("%016d", c.Seq)
	if err := s.table.Insert(ctx, c); err != nil {
		return apperr.Wrap(err, "store notification level")
	}
	s.mu.Lock()
	s.seq = c.Seq
	s.apply(c)
	s.mu.Unlock()
	if s.publish != nil {
		s.publish(events.UserTopic(user), EventKind, Change{Kind: kind, ID: target, Level: level})
	}
	return nil
}

// Of lists a person's choices, newest first.
func (s *Store) Of(user string) []Choice {
	s.mu.RLock()
	out := make([]Choice, 0, len(s.byUser[user]))
	for _, c := range s.byUser[user] {
		out = append(out, c)
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Seq > out[j].Seq })
	return out
}
