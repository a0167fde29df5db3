// Package notifications is each person's in-app notifications: someone mentioned you in a
// comment now; replies, followed threads, reviews and adoptions later (issue 4). Other services
// Send them; the person lists them newest first with an unread count and marks them read; every
// change is published live to the person's events topic (user:<id>) so all their tabs update.
//
// Storage (the cost model of the embedded database, FERRETDB.md): notifications are appended and
// never rewritten. Reading is also an append: a ReadMark says "these ids are read" or "everything
// up to this sequence number is read", so marking read never walks or rewrites the notifications.
// The working set (every notification and the folded read state) is loaded at start.
package notifications

import (
	"context"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/events"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// Kinds of notification.
const (
	KindMention  = "mention"  // someone mentioned you in a comment
	KindReply    = "reply"    // issue 4: a reply in a thread you take part in
	KindFollowed = "followed" // issue 4: a new message in a thread you follow
	KindReview   = "review"   // issue 4: a document waits for your review
	KindAdoption = "adoption" // issue 4: a document was adopted
)

// EventKind is the kind of the live events this package publishes on user:<id>.
const EventKind = "notification"

// Limits of a notification's texts (longer ones are shortened with an ellipsis).
const (
	MaxSubject = 200
	MaxExcerpt = 200
	MaxLink    = 500
)

// Notification is one notice to one person.
type Notification struct {
	ID          string    `bson:"_id"`
	UserID      string    `bson:"user"` // who receives it
	Kind        string    `bson:"kind"` // "mention" now; "reply", "followed", "review", "adoption" later (issue 4)
	ActorID     string    `bson:"actor"`
	ActorName   string    `bson:"actorName"`
	WorkspaceID string    `bson:"workspace,omitempty"`
	Subject     string    `bson:"subject"` // what it is about, e.g. the document's title
	Excerpt     string    `bson:"excerpt"` // a short plain-text excerpt (<= 200 chars)
	Link        string    `bson:"link"`    // client path, e.g. /documents/<id>?comment=<cid>
	At          time.Time `bson:"at"`
	Seq         int64     `bson:"seq"` // filled by Send: the order of sending, for "read up to"
}

// ReadMark records that a person has read notifications: the listed ids, or every one of theirs
// with a sequence number up to UpTo ("mark all as read"). Marks are only ever appended.
type ReadMark struct {
	ID     string    `bson:"_id"`
	UserID string    `bson:"user"`
	IDs    []string  `bson:"ids,omitempty"`
	UpTo   int64     `bson:"upTo,omitempty"`
	At     time.Time `bson:"at"`
}

// Log is an append-only table.
type Log[T any] interface {
	All(ctx context.Context) ([]T, error)
	Append(ctx context.Context, docs []T) error
}

// Publisher sends live events (events.Bus).
type Publisher interface {
	Publish(topic, kind string, data any)
}

// Service keeps every person's notifications in memory; writes are stored first.
type Service struct {
	notes Log[Notification]
	marks Log[ReadMark]
	pub   Publisher
	log   *slog.Logger
	now   func() time.Time

	wmu   sync.Mutex // serialises writers: a store and the memory change after it happen in order
	mu    sync.RWMutex
	inbox map[string]*inbox // user id -> inbox
	owner map[string]string // notification id -> user id
	seq   int64
	// queued is the newest sequence number queued for storing (wmu); group stores the queued
	// batches of concurrent senders together (one append, one fsync) and applies them in order.
	queued int64
	group  *record.Group[[]Notification]

	sent []func([]Notification) // OnSend observers
}

// inbox is one person's notifications, oldest first (by Seq), and what they have read.
type inbox struct {
	items  []Notification
	index  map[string]int // id -> position in items
	upTo   int64          // every item with Seq <= upTo is read
	read   map[string]bool
	unread int
}

func (b *inbox) isRead(n Notification) bool { return n.Seq <= b.upTo || b.read[n.ID] }

// New makes the service; call Load before use.
func New(notes Log[Notification], marks Log[ReadMark], pub Publisher, log *slog.Logger) *Service {
	if log == nil {
		log = slog.Default()
	}
	s := &Service{notes: notes, marks: marks, pub: pub, log: log, now: time.Now,
		inbox: map[string]*inbox{}, owner: map[string]string{}}
	s.group = record.NewGroup(s.storeBatches, s.applyBatches)
	return s
}

// Load reads every notification and read mark.
func (s *Service) Load(ctx context.Context) error {
	ns, err := s.notes.All(ctx)
	if err != nil {
		return err
	}
	ms, err := s.marks.All(ctx)
	if err != nil {
		return err
	}
	sort.Slice(ns, func(i, j int) bool { return ns[i].Seq < ns[j].Seq })
	sort.Slice(ms, func(i, j int) bool { return ms[i].At.Before(ms[j].At) })
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inbox, s.owner, s.seq = map[string]*inbox{}, map[string]string{}, 0
	for _, n := range ns {
		s.addLocked(n)
	}
	for _, m := range ms {
		s.applyLocked(m)
	}
	return nil
}

func (s *Service) box(userID string) *inbox {
	b := s.inbox[userID]
	if b == nil {
		b = &inbox{index: map[string]int{}, read: map[string]bool{}}
		s.inbox[userID] = b
	}
	return b
}

func (s *Service) addLocked(n Notification) {
	b := s.box(n.UserID)
	b.index[n.ID] = len(b.items)
	b.items = append(b.items, n)
	s.owner[n.ID] = n.UserID
	s.seq = max(s.seq, n.Seq)
	if !b.isRead(n) {
		b.unread++
	}
}

// applyLocked folds a read mark into its person's inbox.
func (s *Service) applyLocked(m ReadMark) {
	b := s.box(m.UserID)
	if m.UpTo > b.upTo {
		b.upTo = m.UpTo
		for id := range b.read { // ids now covered by upTo need no entry
			if i, ok := b.index[id]; ok && b.items[i].Seq <= b.upTo {
				delete(b.read, id)
			}
		}
	}
	for _, id := range m.IDs {
		if i, ok := b.index[id]; ok && !b.isRead(b.items[i]) {
			b.read[id] = true
		}
	}
	b.unread = 0
	for _, n := range b.items[b.firstUnreadCandidate():] {
		if !b.isRead(n) {
			b.unread++
		}
	}
}

// firstUnreadCandidate is the position of the first item beyond upTo.
func (b *inbox) firstUnreadCandidate() int {
	return sort.Search(len(b.items), func(i int) bool { return b.items[i].Seq > b.upTo })
}

// clip trims s and shortens it to max characters, ending with an ellipsis when shortened.
func clip(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:max-1])) + "…"
}

// Send stores notifications and then publishes each to its person live. It fills ID, At and Seq,
// shortens Subject and Excerpt to their limits, and skips notifications to their own actor (you
// are not told about your own mention of yourself). Link must be a path inside the client
// ("/workspaces/…"). Invalid input refuses the whole call; a failed store publishes nothing.
func (s *Service) Send(ctx context.Context, ns ...Notification) error {
	var out []Notification
	for _, n := range ns {
		if !record.Valid(n.UserID) {
			return apperr.Invalid("user", "a notification goes to a person's id")
		}
		if n.ActorID != "" && n.ActorID == n.UserID {
			continue
		}
		if n.Kind == "" || len(n.Kind) > 40 {
			return apperr.Invalid("kind", "a notification has a kind")
		}
		if !strings.HasPrefix(n.Link, "/") || strings.HasPrefix(n.Link, "//") || strings.ContainsAny(n.Link, "\\\x00\r\n") || len(n.Link) > MaxLink {
			return apperr.Invalid("link", "a notification links to a path inside the workspace")
		}
		n.ActorName = clip(n.ActorName, 200)
		n.Subject = clip(n.Subject, MaxSubject)
		n.Excerpt = clip(n.Excerpt, MaxExcerpt)
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil
	}
	// Numbered in the order queued, stored with what other senders queue meanwhile, applied
	// and published in that order before Send returns (storeBatches, applyBatches).
	s.wmu.Lock()
	s.mu.RLock()
	seq := max(s.seq, s.queued)
	s.mu.RUnlock()
	now := s.now().UTC().Truncate(time.Millisecond) // what the database keeps
	for i := range out {
		seq++
		out[i].ID, out[i].At, out[i].Seq = record.New(), now, seq
	}
	s.queued = seq
	wait := s.group.Add(out)
	s.wmu.Unlock()
	if err := wait(context.WithoutCancel(ctx)); err != nil { // queued: it will be stored
		return apperr.Wrap(err, "store notifications")
	}
	return nil
}

// storeBatches stores the batches of concurrent senders in one append.
func (s *Service) storeBatches(ctx context.Context, batches [][]Notification) error {
	all := batches[0]
	if len(batches) > 1 {
		all = nil
		for _, b := range batches {
			all = append(all, b...)
		}
	}
	return s.notes.Append(ctx, all)
}

// applyBatches adds stored notifications to their inboxes and publishes each to its person
// live, in the order they were queued (batches that failed to store are not applied).
func (s *Service) applyBatches(batches [][]Notification, err error) {
	if err != nil {
		return
	}
	type live struct {
		user   string
		unread int
		view   View
	}
	var lives []live
	s.mu.Lock()
	for _, out := range batches {
		for _, n := range out {
			s.addLocked(n)
			lives = append(lives, live{n.UserID, s.inbox[n.UserID].unread, viewOf(n, false)})
		}
	}
	s.mu.Unlock()
	for _, l := range lives {
		s.pub.Publish(events.UserTopic(l.user), EventKind, Change{Unread: l.unread, Notification: &l.view})
	}
	for _, out := range batches {
		for _, f := range s.sent {
			f(out)
		}
	}
}

// OnSend registers f to hear every batch of notifications once it is stored (email delivery
// follows them this way). f runs on the goroutine that stores them: it must return quickly. Register
// before serving.
func (s *Service) OnSend(f func([]Notification)) { s.sent = append(s.sent, f) }

// Get is one notification and whether its person has read it.
func (s *Service) Get(id string) (n Notification, read bool, ok bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b := s.inbox[s.owner[id]]
	if b == nil {
		return Notification{}, false, false
	}
	n = b.items[b.index[id]]
	return n, b.isRead(n), true
}

// Since lists every notification of the kinds given sent at or after t, oldest first by person
// (the email sweep at start).
func (s *Service) Since(t time.Time, kinds ...string) []Notification {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Notification
	for _, b := range s.inbox {
		for i := len(b.items) - 1; i >= 0 && !b.items[i].At.Before(t); i-- {
			if n := b.items[i]; len(kinds) == 0 || contains(kinds, n.Kind) {
				out = append(out, n)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Seq < out[j].Seq })
	return out
}

// UnreadAfter lists a person's unread notifications with a sequence number above after, oldest first.
func (s *Service) UnreadAfter(userID string, after int64) []Notification {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b := s.inbox[userID]
	if b == nil || b.unread == 0 {
		return nil
	}
	from := max(after, b.upTo)
	i := sort.Search(len(b.items), func(i int) bool { return b.items[i].Seq > from })
	var out []Notification
	for _, n := range b.items[i:] {
		if !b.read[n.ID] {
			out = append(out, n)
		}
	}
	return out
}

// WithUnread lists the people who have unread notifications.
func (s *Service) WithUnread() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []string
	for id, b := range s.inbox {
		if b.unread > 0 {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// LastSeq is the sequence number of the newest notification sent to anyone.
func (s *Service) LastSeq() int64 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.seq
}

// View is a notification as its person sees it.
type View struct {
	ID          string    `json:"id"`
	Kind        string    `json:"kind"`
	ActorID     string    `json:"actorId"`
	ActorName   string    `json:"actorName"`
	WorkspaceID string    `json:"workspaceId,omitempty"`
	Subject     string    `json:"subject"`
	Excerpt     string    `json:"excerpt"`
	Link        string    `json:"link"`
	At          time.Time `json:"at"`
	Read        bool      `json:"read"`
}

func viewOf(n Notification, read bool) View {
	return View{ID: n.ID, Kind: n.Kind, ActorID: n.ActorID, ActorName: n.ActorName, WorkspaceID: n.WorkspaceID,
		Subject: n.Subject, Excerpt: n.Excerpt, Link: n.Link, At: n.At, Read: read}
}

// Change is the data of a live "notification" event on user:<id>: the new unread count, and the
// new notification (after a Send) or what was marked read (after a read).
type Change struct {
	Unread       int      `json:"unread"`
	Notification *View    `json:"notification,omitempty"`
	Read         []string `json:"read,omitempty"`
	ReadAll      bool     `json:"readAll,omitempty"`
}

// Page is one page of a person's notifications, newest first.
type Page struct {
	Notifications []View
	Unread        int
	Next          string // the id to pass as before for the next page; "" at the end
}

// Page limits.
const (
	DefaultLimit = 20
	MaxLimit     = 100
	MaxReadIDs   = 100
)

// List is a page of the person's notifications, newest first, older than the notification
// before (one of theirs) when it is given.
func (s *Service) List(p accounts.Principal, limit int, before string) (Page, error) {
	if limit == 0 {
		limit = DefaultLimit
	}
	if limit < 1 || limit > MaxLimit {
		return Page{}, apperr.Invalid("limit", "limit is 1 to %d", MaxLimit)
	}
	if before != "" && !record.Valid(before) {
		return Page{}, apperr.New(apperr.InvalidID, "before is not a valid id")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	b := s.inbox[p.UserID]
	if b == nil {
		if before != "" {
			return Page{}, apperr.New(apperr.NotFound, "no such notification")
		}
		return Page{Notifications: []View{}}, nil
	}
	end := len(b.items)
	if before != "" {
		i, ok := b.index[before]
		if !ok {
			return Page{}, apperr.New(apperr.NotFound, "no such notification")
		}
		end = i
	}
	page := Page{Notifications: make([]View, 0, min(limit, end)), Unread: b.unread}
	for i := end - 1; i >= 0 && len(page.Notifications) < limit; i-- {
		n := b.items[i]
		page.Notifications = append(page.Notifications, viewOf(n, b.isRead(n)))
		if len(page.Notifications) == limit && i > 0 {
			page.Next = n.ID
		}
	}
	return page, nil
}

// Unread is how many of the person's notifications are unread.
func (s *Service) Unread(userID string) int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if b := s.inbox[userID]; b != nil {
		return b.unread
	}
	return 0
}

// MarkRead marks the person's notifications ids read, or all of them; it returns the unread
// count after. An id that is not one of theirs refuses the whole request (not_found). Marking
// what is already read stores nothing.
func (s *Service) MarkRead(ctx context.Context, p accounts.Principal, ids []string, all bool) (int, error) {
	if all == (len(ids) > 0) {
		return 0, apperr.Invalid("ids", "give either ids or all")
	}
	if len(ids) > MaxReadIDs {
		return 0, apperr.Invalid("ids", "at most %d ids at once", MaxReadIDs)
	}
	for _, id := range ids {
		if !record.Valid(id) {
			return 0, apperr.New(apperr.InvalidID, "not a valid id")
		}
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	b := s.inbox[p.UserID]
	mark := ReadMark{UserID: p.UserID}
	var unknown bool
	for _, id := range ids {
		if s.owner[id] != p.UserID || b == nil {
			unknown = true
			break
		}
		if n := b.items[b.index[id]]; !b.isRead(n) && !contains(mark.IDs, id) {
			mark.IDs = append(mark.IDs, id)
		}
	}
	if all && b != nil && b.unread > 0 {
		mark.UpTo = b.items[len(b.items)-1].Seq
	}
	s.mu.RUnlock()
	if unknown {
		return 0, apperr.New(apperr.NotFound, "no such notification")
	}
	if len(mark.IDs) == 0 && mark.UpTo == 0 {
		return s.Unread(p.UserID), nil
	}
	mark.ID, mark.At = record.New(), s.now().UTC()
	if err := s.marks.Append(ctx, []ReadMark{mark}); err != nil {
		return 0, apperr.Wrap(err, "store read mark")
	}
	s.mu.Lock()
	s.applyLocked(mark)
	unread := s.inbox[p.UserID].unread
	s.mu.Unlock()
	s.pub.Publish(events.UserTopic(p.UserID), EventKind, Change{Unread: unread, Read: mark.IDs, ReadAll: all})
	return unread, nil
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
