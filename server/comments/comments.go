// Package comments holds the discussion on co-edited documents: threads anchored on an item of
// a document (a goal, an action, a section, …), optionally on a text field of it and a quoted
// selection; replies; editing and removing one's own comments; resolving and reopening threads;
// and @mentions, which notify the people mentioned who can read the document.
//
// Who may do what comes from the documents service: whoever may open a document reads its
// comments (observers and the national group included); whoever may edit it comments, replies
// and resolves; only the author edits or removes a comment.
//
// Storage: every change is an appended event (thread, reply, edit, delete, resolve, reopen),
// never an update. On the embedded database an update walks the whole collection, and an
// insert does not; events also keep what a comment said before it was edited. The working set
// (every document's threads) is rebuilt from the events at start and kept current by this
// service's own writes, each stored before it is answered or told to anyone.
package comments

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/mention"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// Limits.
const (
	MaxBody     = 5000 // characters of a comment
	MaxQuote    = 1000 // characters of a quoted selection
	MaxMentions = 20   // distinct people mentioned in one comment
)

// Event kinds.
const (
	KindThread  = "thread"  // a new thread with its first comment
	KindReply   = "reply"   // a reply in a thread
	KindEdit    = "edit"    // a comment's new body
	KindDelete  = "delete"  // a comment removed
	KindResolve = "resolve" // a thread resolved
	KindReopen  = "reopen"  // a resolved thread reopened
)

// Anchor is what a thread is about: a node of the document, optionally one of its text fields
// and a quoted selection of it (the client finds the quote in the current text to highlight).
type Anchor struct {
	Node  string `json:"node"`
	Field string `json:"field,omitempty"`
	Quote string `json:"quote,omitempty"`
}

// Event is one change to a document's comments.
type Event struct {
	Document string    `json:"document"`
	Seq      int64     `json:"seq"` // 1, 2, … per document: one writer per document, in order
	Kind     string    `json:"kind"`
	Thread   string    `json:"thread"`
	Comment  string    `json:"comment,omitempty"` // thread, reply, edit, delete
	By       string    `json:"by"`
	At       time.Time `json:"at"`
	Body     string    `json:"body,omitempty"`   // thread, reply, edit
	Anchor   *Anchor   `json:"anchor,omitempty"` // thread
}

// Record is an event as stored: the event as one JSON text. The embedded database converts
// every field of every record it reads, and every event is read at each start: with one text
// field instead of ten, loading 2,000 events took about 0.75 of the documents' load in the same
// start instead of about 1.0 (six starts each on a shared machine; absolute times varied 2x).
type Record struct {
	ID       string `bson:"_id"` // <document>-<seq, 12 digits>: a second write of one seq is refused
	Document string `bson:"document"`
	Event    string `bson:"event"`
}

// Events is the append-only store of comment events.
type Events interface {
	All(ctx context.Context) ([]Record, error)
	Insert(ctx context.Context, r Record) error
}

// Documents is what comments need from the documents service.
type Documents interface {
	Authorize(p accounts.Principal, id string) error
	CanEdit(p accounts.Principal, id string) bool
	Get(p accounts.Principal, id string) (documents.Summary, error)
	Tell(id string, msg []byte)
}

// Workspaces says who may read a workspace.
type Workspaces interface {
	CanRead(p accounts.Principal, workspaceID string) bool
}

// Accounts names people.
type Accounts interface {
	User(id string) (accounts.User, bool)
}

// Mention is one person to tell that a comment mentions them.
type Mention struct {
	UserID      string
	ActorID     string
	ActorName   string
	WorkspaceID string
	DocumentID  string
	Subject     string // the document's title
	Excerpt     string // the comment as plain text, mentions as @Name, shortened
	Link        string // the comment in the web client
	At          time.Time
}

// Notify delivers mentions (the notifications service, wired in app).
type Notify func(ctx context.Context, ms []Mention) error

// Deps are the services comments use.
type Deps struct {
	Documents  Documents
	Workspaces Workspaces
	Accounts   Accounts
	Notify     Notify // nil: mentions are not delivered
	Log        *slog.Logger
}

// comment is one comment in memory.
type comment struct {
	id, author, body string
	created, edited  time.Time
	deleted          bool
}

// thread is one thread in memory: its first comment, then the replies in order.
type thread struct {
	id         string
	anchor     Anchor
	comments   []*comment
	resolved   bool
	resolvedBy string
	resolvedAt time.Time
}

// book is one document's comments; its lock serialises the document's writes.
type book struct {
	mu      sync.Mutex
	seq     int64
	threads map[string]*thread
	order   []*thread          // by creation
	owner   map[string]*thread // comment id -> its thread
}

func newBook() *book { return &book{threads: map[string]*thread{}, owner: map[string]*thread{}} }

// Service is the comments of every document.
type Service struct {
	events Events
	d      Deps
	now    func() time.Time

	mu    sync.Mutex
	books map[string]*book
}

// New makes the service; call Load before use.
func New(events Events, d Deps) *Service {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	return &Service{events: events, d: d, now: time.Now, books: map[string]*book{}}
}

// Load rebuilds every document's comments from the stored events.
func (s *Service) Load(ctx context.Context) error {
	recs, err := s.events.All(ctx)
	if err != nil {
		return err
	}
	all := make([]Event, 0, len(recs))
	for _, r := range recs {
		var ev Event
		if err := json.Unmarshal([]byte(r.Event), &ev); err != nil {
			return fmt.Errorf("comment event %s unreadable: %w", r.ID, err)
		}
		all = append(all, ev)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Document != all[j].Document {
			return all[i].Document < all[j].Document
		}
		return all[i].Seq < all[j].Seq
	})
	s.mu.Lock()
	defer s.mu.Unlock()
	s.books = map[string]*book{}
	for _, ev := range all {
		b := s.books[ev.Document]
		if b == nil {
			b = newBook()
			s.books[ev.Document] = b
		}
		if err := b.apply(ev); err != nil {
			s.d.Log.Error("stored comment event does not apply; skipped", "document", ev.Document, "seq", ev.Seq, "err", err)
		}
		b.seq = max(b.seq, ev.Seq)
	}
	return nil
}

func (s *Service) book(docID string) *book {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.books[docID]
	if b == nil {
		b = newBook()
		s.books[docID] = b
	}
	return b
}

// apply changes the book by one event; the writers check events before storing them, so an
// error here means a stored event that no longer fits (skipped at load).
func (b *book) apply(ev Event) error {
	switch ev.Kind {
	case KindThread:
		if ev.Anchor == nil || b.threads[ev.Thread] != nil || b.owner[ev.Comment] != nil {
			return fmt.Errorf("thread %s: no anchor or already there", ev.Thread)
		}
		c := &comment{id: ev.Comment, author: ev.By, body: ev.Body, created: ev.At}
		th := &thread{id: ev.Thread, anchor: *ev.Anchor, comments: []*comment{c}}
		b.threads[th.id] = th
		b.order = append(b.order, th)
		b.owner[c.id] = th
	case KindReply:
		th := b.threads[ev.Thread]
		if th == nil || b.owner[ev.Comment] != nil {
			return fmt.Errorf("reply %s: no thread %s", ev.Comment, ev.Thread)
		}
		c := &comment{id: ev.Comment, author: ev.By, body: ev.Body, created: ev.At}
		th.comments = append(th.comments, c)
		b.owner[c.id] = th
	case KindEdit, KindDelete:
		th := b.owner[ev.Comment]
		if th == nil {
			return fmt.Errorf("%s: no comment %s", ev.Kind, ev.Comment)
		}
		for i, c := range th.comments {
			if c.id != ev.Comment {
				continue
			}
			next := *c // comments are replaced, never changed in place: views may hold the old one
			if ev.Kind == KindEdit {
				next.body, next.edited = ev.Body, ev.At
			} else {
				next.body, next.deleted = "", true
			}
			th.comments[i] = &next
		}
	case KindResolve, KindReopen:
		th := b.threads[ev.Thread]
		if th == nil {
			return fmt.Errorf("%s: no thread %s", ev.Kind, ev.Thread)
		}
		th.resolved = ev.Kind == KindResolve
		th.resolvedBy, th.resolvedAt = "", time.Time{}
		if th.resolved {
			th.resolvedBy, th.resolvedAt = ev.By, ev.At
		}
	default:
		return fmt.Errorf("unknown event kind %q", ev.Kind)
	}
	return nil
}

// visible reports whether a thread shows: some comment in it is not removed.
func (th *thread) visible() bool {
	for _, c := range th.comments {
		if !c.deleted {
			return true
		}
	}
	return false
}

// --- views ----------------------------------------------------------------------------------

// CommentView is a comment as the API and the live message show it.
type CommentView struct {
	ID         string     `json:"id"`
	ThreadID   string     `json:"threadId"`
	AuthorID   string     `json:"authorId"`
	AuthorName string     `json:"authorName"`
	Body       string     `json:"body"` // "" when removed
	CreatedAt  time.Time  `json:"createdAt"`
	EditedAt   *time.Time `json:"editedAt,omitempty"`
	Deleted    bool       `json:"deleted"`
}

// ThreadView is a thread with its visible comments, the first comment first.
type ThreadView struct {
	ID             string        `json:"id"`
	DocumentID     string        `json:"documentId"`
	Anchor         Anchor        `json:"anchor"`
	Resolved       bool          `json:"resolved"`
	ResolvedBy     string        `json:"resolvedBy,omitempty"`
	ResolvedByName string        `json:"resolvedByName,omitempty"`
	ResolvedAt     *time.Time    `json:"resolvedAt,omitempty"`
	CreatedAt      time.Time     `json:"createdAt"`
	Comments       []CommentView `json:"comments"`
}

// List is a document's threads, oldest first, and the sequence number of its last change (a
// client applying live messages knows from it whether the list is older than what it has).
type List struct {
	Seq     int64        `json:"seq"`
	Threads []ThreadView `json:"threads"`
}

func (s *Service) name(id string) string {
	u, _ := s.d.Accounts.User(id)
	return u.Name
}

func (s *Service) viewComment(threadID string, c *comment) CommentView {
	v := CommentView{ID: c.id, ThreadID: threadID, AuthorID: c.author, AuthorName: s.name(c.author), Body: c.body,
		CreatedAt: c.created, Deleted: c.deleted}
	if !c.edited.IsZero() && !c.deleted {
		at := c.edited
		v.EditedAt = &at
	}
	return v
}

// viewHead is a thread without its comments.
func (s *Service) viewHead(docID string, th *thread) ThreadView {
	v := ThreadView{ID: th.id, DocumentID: docID, Anchor: th.anchor, Resolved: th.resolved, CreatedAt: th.comments[0].created,
		Comments: []CommentView{}}
	if th.resolved {
		at := th.resolvedAt
		v.ResolvedBy, v.ResolvedByName, v.ResolvedAt = th.resolvedBy, s.name(th.resolvedBy), &at
	}
	return v
}

// viewThread is a thread with its visible comments: removed replies are left out; a removed
// first comment stays as a placeholder while replies remain.
func (s *Service) viewThread(docID string, th *thread) ThreadView {
	v := s.viewHead(docID, th)
	for i, c := range th.comments {
		if c.deleted && i > 0 {
			continue
		}
		v.Comments = append(v.Comments, s.viewComment(th.id, c))
	}
	return v
}

// --- reading --------------------------------------------------------------------------------

// List returns a document's visible threads, resolved ones included.
func (s *Service) List(p accounts.Principal, docID string) (List, error) {
	if err := s.d.Documents.Authorize(p, docID); err != nil {
		return List{}, err
	}
	b := s.book(docID)
	b.mu.Lock()
	defer b.mu.Unlock()
	out := List{Seq: b.seq, Threads: []ThreadView{}}
	for _, th := range b.order {
		if th.visible() {
			out.Threads = append(out.Threads, s.viewThread(docID, th))
		}
	}
	return out, nil
}

// --- writing --------------------------------------------------------------------------------

// NewThread is a thread to start.
type NewThread struct {
	Anchor Anchor
	Body   string
}

// writable checks that p may comment on the document and returns it.
func (s *Service) writable(p accounts.Principal, docID string) (documents.Summary, error) {
	doc, err := s.d.Documents.Get(p, docID)
	if err != nil {
		return documents.Summary{}, err
	}
	if !s.d.Documents.CanEdit(p, docID) {
		return documents.Summary{}, apperr.New(apperr.Forbidden, "you can read the comments of this document but not write them")
	}
	return doc, nil
}

// textFields are the text fields of the document schema (server/plans/schema.go) a comment may
// be anchored on.
var textFields = map[string]bool{"title": true, "description": true, "body": true, "name": true, "unit": true}

func checkAnchor(doc documents.Summary, a Anchor) (Anchor, error) {
	n := doc.Nodes[a.Node]
	if a.Node == "" || n == nil {
		return Anchor{}, apperr.Invalid("anchor.node", "the document has no item %q", short(a.Node))
	}
	if a.Field == "" {
		if a.Quote != "" {
			return Anchor{}, apperr.Invalid("anchor.field", "a quote needs the text field it is from")
		}
		return Anchor{Node: a.Node}, nil
	}
	if _, has := n.Text[a.Field]; !has && !textFields[a.Field] {
		return Anchor{}, apperr.Invalid("anchor.field", "a %s has no text field %q", n.Type, short(a.Field))
	}
	if utf8.RuneCountInString(a.Quote) > MaxQuote {
		return Anchor{}, apperr.Invalid("anchor.quote", "the quote is longer than %d characters", MaxQuote)
	}
	if strings.ContainsRune(a.Quote, 0) {
		return Anchor{}, apperr.Invalid("anchor.quote", "the quote contains a control character")
	}
	return a, nil
}

func short(s string) string {
	if len(s) > 64 {
		return s[:64] + "…"
	}
	return s
}

func checkBody(body string) (string, error) {
	body, err := record.Text("body", body, 1, MaxBody)
	if err != nil {
		return "", err
	}
	if len(mention.IDs(body)) > MaxMentions {
		return "", apperr.Invalid("body", "a comment mentions at most %d people", MaxMentions)
	}
	return body, nil
}

// store appends an event to the book (its lock held): stored first, then applied, then told to
// the document's open editors.
func (s *Service) store(ctx context.Context, docID string, b *book, ev Event, event string) error {
	ev.Document, ev.Seq = docID, b.seq+1
	ev.At = s.now().UTC().Truncate(time.Millisecond)
	raw, err := json.Marshal(ev)
	if err != nil {
		return apperr.Wrap(err, "encode comment event")
	}
	if err := s.events.Insert(ctx, Record{ID: fmt.Sprintf("%s-%012d", docID, ev.Seq), Document: docID, Event: string(raw)}); err != nil {
		return err
	}
	b.seq = ev.Seq
	if err := b.apply(ev); err != nil {
		return apperr.Wrap(err, "apply comment event") // checked before storing: not expected
	}
	s.tell(docID, b, ev, event)
	return nil
}

// Message is the live message to a document's editors after a change of its comments
// (shared/coedit/PROTOCOL.md, "comments").
type Message struct {
	Type    string       `json:"type"` // "comments"
	Event   string       `json:"event"`
	Seq     int64        `json:"seq"`
	By      string       `json:"by"`
	Thread  ThreadView   `json:"thread"`            // the thread's head, without comments
	Comment *CommentView `json:"comment,omitempty"` // the comment created, edited or removed
	Removed bool         `json:"removed"`           // the thread no longer shows
}

func (s *Service) tell(docID string, b *book, ev Event, event string) {
	th := b.threads[ev.Thread]
	m := Message{Type: "comments", Event: event, Seq: ev.Seq, By: ev.By, Thread: s.viewHead(docID, th), Removed: !th.visible()}
	if ev.Comment != "" {
		for _, c := range th.comments {
			if c.id == ev.Comment {
				v := s.viewComment(th.id, c)
				m.Comment = &v
			}
		}
	}
	raw, err := json.Marshal(m)
	if err != nil {
		s.d.Log.Error("comment message not encoded", "document", docID, "err", err)
		return
	}
	s.d.Documents.Tell(docID, raw)
}

// Start opens a thread on an item of the document with its first comment.
func (s *Service) Start(ctx context.Context, p accounts.Principal, docID string, in NewThread) (ThreadView, error) {
	doc, err := s.writable(p, docID)
	if err != nil {
		return ThreadView{}, err
	}
	anchor, err := checkAnchor(doc, in.Anchor)
	if err != nil {
		return ThreadView{}, err
	}
	body, err := checkBody(in.Body)
	if err != nil {
		return ThreadView{}, err
	}
	id := record.New()
	b := s.book(docID)
	b.mu.Lock()
	ev := Event{Kind: KindThread, Thread: id, Comment: id, By: p.UserID, Body: body, Anchor: &anchor}
	if err := s.store(ctx, docID, b, ev, "created"); err != nil {
		b.mu.Unlock()
		return ThreadView{}, err
	}
	out := s.viewThread(docID, b.threads[id])
	b.mu.Unlock()
	s.mention(ctx, p, doc, id, "", body)
	return out, nil
}

// found returns the thread of a comment id, checked.
func (b *book) found(commentID string) (*thread, *comment, error) {
	if !record.Valid(commentID) {
		return nil, nil, apperr.New(apperr.InvalidID, "not a valid comment id")
	}
	th := b.owner[commentID]
	if th == nil || !th.visible() {
		return nil, nil, apperr.New(apperr.NotFound, "no such comment")
	}
	for _, c := range th.comments {
		if c.id == commentID {
			if c.deleted {
				return nil, nil, apperr.New(apperr.NotFound, "the comment was removed")
			}
			return th, c, nil
		}
	}
	return nil, nil, apperr.New(apperr.NotFound, "no such comment")
}

// Reply adds a comment to a thread.
func (s *Service) Reply(ctx context.Context, p accounts.Principal, docID, threadID, body string) (ThreadView, error) {
	doc, err := s.writable(p, docID)
	if err != nil {
		return ThreadView{}, err
	}
	if body, err = checkBody(body); err != nil {
		return ThreadView{}, err
	}
	if !record.Valid(threadID) {
		return ThreadView{}, apperr.New(apperr.InvalidID, "not a valid thread id")
	}
	b := s.book(docID)
	b.mu.Lock()
	th := b.threads[threadID]
	if th == nil || !th.visible() {
		b.mu.Unlock()
		return ThreadView{}, apperr.New(apperr.NotFound, "no such thread")
	}
	id := record.New()
	if err := s.store(ctx, docID, b, Event{Kind: KindReply, Thread: threadID, Comment: id, By: p.UserID, Body: body}, "replied"); err != nil {
		b.mu.Unlock()
		return ThreadView{}, err
	}
	out := s.viewThread(docID, th)
	b.mu.Unlock()
	s.mention(ctx, p, doc, id, "", body)
	return out, nil
}

// Change is a change of a comment: its body (the author only) or, for a thread's first comment,
// the thread resolved or reopened (any editor). nil leaves a part as it is.
type Change struct {
	Body     *string
	Resolved *bool
}

// Update edits a comment's body and/or resolves or reopens its thread.
func (s *Service) Update(ctx context.Context, p accounts.Principal, docID, commentID string, ch Change) (ThreadView, error) {
	doc, err := s.writable(p, docID)
	if err != nil {
		return ThreadView{}, err
	}
	var body string
	if ch.Body != nil {
		if body, err = checkBody(*ch.Body); err != nil {
			return ThreadView{}, err
		}
	}
	if ch.Body == nil && ch.Resolved == nil {
		return ThreadView{}, apperr.New(apperr.BadRequest, "nothing to change: give body or resolved")
	}
	b := s.book(docID)
	b.mu.Lock()
	th, c, err := b.found(commentID)
	switch {
	case err != nil:
	case ch.Body != nil && c.author != p.UserID:
		err = apperr.New(apperr.Forbidden, "only its author edits a comment")
	case ch.Resolved != nil && th.comments[0].id != commentID:
		err = apperr.Invalid("resolved", "resolve a thread through its first comment")
	}
	if err != nil {
		b.mu.Unlock()
		return ThreadView{}, err
	}
	old := c.body
	if ch.Body != nil && body != old {
		err = s.store(ctx, docID, b, Event{Kind: KindEdit, Thread: th.id, Comment: commentID, By: p.UserID, Body: body}, "edited")
	}
	if err == nil && ch.Resolved != nil && *ch.Resolved != th.resolved {
		kind, event := KindReopen, "reopened"
		if *ch.Resolved {
			kind, event = KindResolve, "resolved"
		}
		err = s.store(ctx, docID, b, Event{Kind: kind, Thread: th.id, By: p.UserID}, event)
	}
	if err != nil {
		b.mu.Unlock()
		return ThreadView{}, err
	}
	out := s.viewThread(docID, th)
	b.mu.Unlock()
	if ch.Body != nil && body != old {
		s.mention(ctx, p, doc, commentID, old, body)
	}
	return out, nil
}

// Delete removes the author's own comment. A thread's first comment with replies stays as
// "comment removed"; a thread whose every comment is removed no longer shows.
func (s *Service) Delete(ctx context.Context, p accounts.Principal, docID, commentID string) error {
	if _, err := s.writable(p, docID); err != nil {
		return err
	}
	b := s.book(docID)
	b.mu.Lock()
	defer b.mu.Unlock()
	th, c, err := b.found(commentID)
	if err != nil {
		return err
	}
	if c.author != p.UserID {
		return apperr.New(apperr.Forbidden, "only its author removes a comment")
	}
	return s.store(ctx, docID, b, Event{Kind: KindDelete, Thread: th.id, Comment: commentID, By: p.UserID}, "deleted")
}
