// Package forums holds the peer forums: a network-wide forum per theme (themes are reference
// data), a private discussion area per group workspace, and peer circles that two or more
// groups open for joint work. Forums hold threads, threads hold posts (a safe Markdown subset,
// server/markdown), with quotes, @mentions, reactions, edit history, removal, moderation
// (pin, lock, move, hide, reports), unread markers and following.
//
// Who reads: a theme forum, every signed-in person; a group's area, the group's members; a peer
// circle, the members of the groups whose coordinator has joined it. Who moderates: platform
// administrators (theme forums), the group's coordinators (its area), the joined groups'
// coordinators (a circle).
//
// Storage: every change is an appended event (one JSON text per record, like comments), never
// an update; the working set (every forum's thread index, every thread's posts) is rebuilt from
// the events at start and kept current by this service's own writes, each stored before it is
// applied, answered or told to anyone.
package forums

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/markdown"
	"github.com/elo-workspace/elo-workspace/server/mention"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/search"
)

// Limits.
const (
	MaxTitle    = 200
	MaxBody     = 20000 // characters of a post
	MaxReason   = 1000
	MaxMentions = 20
	MaxPage     = 100
	DefaultPage = 50
)

// Forum kinds.
const (
	KindTheme     = "theme"
	KindWorkspace = "workspace"
	KindCircle    = "circle"
)

// Reactions is the fixed set of reactions.
var Reactions = []string{"like", "thanks", "insightful", "question"}

// Event kinds.
const (
	evCircle   = "circle"   // a peer circle opened
	evJoin     = "join"     // a group joined a circle
	evThread   = "thread"   // a thread with its first post
	evPost     = "post"     // a reply
	evEdit     = "edit"     // a post's new body
	evDelete   = "delete"   // a post removed
	evHide     = "hide"     // a post hidden or shown by a moderator
	evReact    = "react"    // a reaction added or taken back
	evModerate = "moderate" // a thread pinned, locked, hidden (or undone)
	evMove     = "move"     // a thread moved to another forum
	evReport   = "report"   // a post reported
	evRead     = "read"     // a person read a thread up to a post number
	evVisit    = "visit"    // a person visited a forum
	evFollow   = "follow"   // a person follows or unfollows a thread or forum
	evResolve  = "resolve"  // a moderator resolved a post's open reports: dismissed, or the post hidden
)

// Resolutions of a post's reports.
const (
	ResolveDismiss = "dismiss" // the post stays as it is
	ResolveHide    = "hide"    // the post is hidden
)

// Event is one change.
type Event struct {
	Seq        int64     `json:"seq"`
	Kind       string    `json:"kind"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
	Forum      string    `json:"forum,omitempty"`
	Thread     string    `json:"thread,omitempty"`
	Post       string    `json:"post,omitempty"`
	Title      string    `json:"title,omitempty"`
	Body       string    `json:"body,omitempty"`
	Quote      string    `json:"quote,omitempty"`      // post, thread: the quoted post's id
	Reaction   string    `json:"reaction,omitempty"`   // react
	On         bool      `json:"on,omitempty"`         // react, hide, follow
	Pinned     *bool     `json:"pinned,omitempty"`     // moderate
	Locked     *bool     `json:"locked,omitempty"`     // moderate
	Hidden     *bool     `json:"hidden,omitempty"`     // moderate
	Workspaces []string  `json:"workspaces,omitempty"` // circle: the groups invited
	Workspace  string    `json:"workspace,omitempty"`  // join
	UpTo       int       `json:"upTo,omitempty"`       // read
	Action     string    `json:"action,omitempty"`     // resolve: dismiss or hide
}

// Record is an event as stored: its sequence number as id and the event as one JSON text.
type Record struct {
	ID    string `bson:"_id"` // 16-digit sequence number: a second write of one seq is refused
	Event string `bson:"event"`
}

// Events is the append-only store.
type Events interface {
	All(ctx context.Context) ([]Record, error)
	Insert(ctx context.Context, r Record) error
}

// Workspaces is what forums need to know of groups.
type Workspaces interface {
	Role(userID, workspaceID string) string // "" when not a member
	Roles(userID string) map[string]string
	Name(workspaceID string) (string, bool)
}

// Themes names the themes of reference data.
type Themes interface {
	Themes() []Theme
}

// Theme is one theme (reference data).
type Theme struct {
	ID                     string
	Code                   string
	Order                  int
	NameFI, NameSV, NameEN string
}

// Accounts names people.
type Accounts interface {
	User(id string) (accounts.User, bool)
}

// Notice is one notification to deliver.
type Notice struct {
	UserID, Kind, ActorID, ActorName, WorkspaceID, Subject, Excerpt, Link string
	At                                                                    time.Time
}

// Index is the search index (server/search), fed at Load and on every write.
type Index interface {
	Put(e search.Entry)
	Remove(kind, id string)
}

// Publisher sends live events (server/events).
type Publisher interface {
	Publish(topic, kind string, data any)
}

// Deps are the services forums use.
type Deps struct {
	Workspaces Workspaces
	Themes     Themes
	Accounts   Accounts
	Index      Index                                        // nil: nothing indexed
	Events     Publisher                                    // nil: nothing live
	Notify     func(ctx context.Context, ns []Notice) error // nil: nobody notified
	Levels     Levels                                       // nil: only the old follows count (levels.go)
	Links      Links                                        // nil: links to practices and plans are not checked nor shown as cards
	Site       string                                       // the workspace's host (SetSite); "": links with any host are its own
	Log        *slog.Logger
	// Posting is rate-limited per person: Burst posts at once, then one per Every.
	Burst int
	Every time.Duration
}

// Links resolves the links a post holds to practices (/practices/<id>) and to plans and their
// items (/workspaces/<ws>/documents/<id>#item-<node>) for one reader: false when the reader may
// not read what is linked (or it does not exist), and then nothing of it is shown.
type Links interface {
	Practice(p accounts.Principal, id string) (Card, bool)
	Plan(p accounts.Principal, documentID, node string) (Card, bool)
}

// Card is what a post shows below its text for a link to a practice or a plan item.
type Card struct {
	Kind      string   `json:"kind"` // practice or plan
	Link      string   `json:"link"` // as written in the post (without host)
	Title     string   `json:"title"`
	Group     string   `json:"group,omitempty"`    // the group's (workspace's) name
	RegionID  string   `json:"regionId,omitempty"` // reference data
	Summary   string   `json:"summary,omitempty"`  // a practice's short description
	State     string   `json:"state,omitempty"`    // practice: published or draft; plan: the document's status
	ItemType  string   `json:"itemType,omitempty"` // plan: the linked item's type (goal, action, ...)
	ItemTitle string   `json:"itemTitle,omitempty"`
	Status    string   `json:"status,omitempty"` // plan: an action's status
	Progress  *float64 `json:"progress,omitempty"`
}

// ---- memory -------------------------------------------------------------------------------

type revision struct {
	body string
	at   time.Time
}

type post struct {
	id        string
	thread    *thread
	n         int // 1, 2, … in the thread
	author    string
	body      string
	html      atomic.Pointer[string]       // rendered on first view (not at load)
	refs      atomic.Pointer[[]ref]        // links to practices and plans, found on first view
	ver       uint64                       // counts the changes to what the post shows (edit, removal, hiding)
	pieces    [2]atomic.Pointer[postPiece] // its encoded JSON (encode.go): as read by all, and by its moderators when hidden
	quote     string
	created   time.Time
	edited    time.Time
	history   []revision // earlier bodies, oldest first
	deleted   bool
	hidden    bool
	reactions map[string][]string // reaction -> people, in order
}

type thread struct {
	id      string
	forum   *forum
	title   string
	author  string
	created time.Time
	last    time.Time
	posts   []*post
	pinned  bool
	locked  bool
	hidden  bool
	follows map[string]bool
}

type report struct {
	post   *post
	by     string
	reason string
	at     time.Time
	// resolution: who resolved it, when and how (dismiss or hide); "" while open
	resolvedBy string
	resolvedAt time.Time
	action     string
}

type forum struct {
	id        string
	kind      string
	theme     *Theme
	workspace string
	circle    *circle
	threads   []*thread // by last activity, newest first (ties by id)
	follows   map[string]bool
	// ver counts the changes its threads' counts for a reader depend on (threads, posts,
	// hiding, moving, reads, follows: mu held to change it); counts keeps each reader's counts
	// at a ver (views.go: viewForum).
	ver    uint64
	cmu    sync.Mutex
	counts map[countKey]forumCounts
}

type circle struct {
	id, title, by string
	invited       []string
	joined        []string
	created       time.Time
}

// Service is every forum.
type Service struct {
	events Events
	d      Deps
	now    func() time.Time

	wmu    sync.Mutex // one writer: events are stored in sequence order
	mu     sync.RWMutex
	seq    int64                        // the newest applied event
	queued int64                        // the newest event queued for the log (wmu)
	log    *record.Group[*pendingEvent] // the event log's group commit (write.go)

	forums  map[string]*forum
	threads map[string]*thread
	posts   map[string]*post
	reads   map[string]map[string]int       // person -> thread -> read up to post number
	visits  map[string]map[string]time.Time // person -> forum -> previous visit
	bucket  map[string]*bucket
	reports []*report // every report, oldest first (a moved thread's reports go with it)

	fetched   []Event // read by Fetch, applied by Replay
	fetchTook time.Duration

	people People // mention suggestions (mentionable.go); nil: none

	// levels counts the changes of people's levels on forums and threads (SetLevel, the only
	// way they change): each reader's kept forum counts hold the count they were made at.
	levels atomic.Uint64
}

type bucket struct {
	tokens float64
	at     time.Time
}

// New makes the service; call Load before use.
func New(events Events, d Deps) *Service {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Burst <= 0 {
		d.Burst = 10
	}
	if d.Every <= 0 {
		d.Every = 2 * time.Second
	}
	s := &Service{events: events, d: d, now: time.Now}
	s.log = record.NewGroup(s.storeEvents, s.applyEvents)
	s.reset()
	return s
}

// SetLinks wires the practices' and plans' lookups for links in posts (made after forums).
func (s *Service) SetLinks(l Links) { s.d.Links = l }

// SetSite names the workspace's own address (PUBLIC_URL): links with another host are links
// elsewhere, neither checked nor shown as cards. Without it, links with any host count.
func (s *Service) SetSite(publicURL string) {
	if u, err := url.Parse(publicURL); err == nil {
		s.d.Site = strings.ToLower(u.Host)
	}
}

// ours reports whether a link's host ("" for a path) is the workspace's own.
func (s *Service) ours(host string) bool {
	if host == "" || s.d.Site == "" {
		return true
	}
	_, h, _ := strings.Cut(host, "://")
	return strings.EqualFold(h, s.d.Site)
}

func (s *Service) reset() {
	s.forums, s.threads, s.posts = map[string]*forum{}, map[string]*thread{}, map[string]*post{}
	s.reads, s.visits, s.bucket = map[string]map[string]int{}, map[string]map[string]time.Time{}, map[string]*bucket{}
	s.reports = nil
}

// Load rebuilds the working set from the stored events and feeds the search index.
func (s *Service) Load(ctx context.Context) error {
	if err := s.Fetch(ctx); err != nil {
		return err
	}
	return s.Replay()
}

// Fetch reads the stored events (it needs no other service, so it runs alongside the other
// services' loads); Replay applies them (it needs the themes and groups loaded).
func (s *Service) Fetch(ctx context.Context) error {
	began := time.Now()
	recs, err := s.events.All(ctx)
	if err != nil {
		return err
	}
	all := make([]Event, 0, len(recs))
	for _, r := range recs {
		var ev Event
		if err := json.Unmarshal([]byte(r.Event), &ev); err != nil {
			return fmt.Errorf("forum event %s unreadable: %w", r.ID, err)
		}
		all = append(all, ev)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Seq < all[j].Seq })
	s.mu.Lock()
	s.fetched, s.fetchTook = all, time.Since(began)
	s.mu.Unlock()
	return nil
}

// Replay rebuilds the working set from the fetched events and feeds the search index.
func (s *Service) Replay() error {
	began := time.Now()
	s.mu.Lock()
	all, read := s.fetched, s.fetchTook
	s.fetched = nil
	defer s.mu.Unlock()
	s.reset()
	for _, ev := range all {
		if err := s.apply(ev); err != nil {
			s.d.Log.Error("stored forum event does not apply; skipped", "seq", ev.Seq, "kind", ev.Kind, "err", err)
		}
		s.seq = max(s.seq, ev.Seq)
	}
	for _, f := range s.forums {
		s.sortThreads(f)
	}
	s.d.Log.Info("forums replayed", "events", len(all), "threads", len(s.threads), "posts", len(s.posts),
		"read", read.Round(time.Millisecond).String(), "replay", time.Since(began).Round(time.Millisecond).String())
	if s.d.Index != nil {
		ths := make([]*thread, 0, len(s.threads))
		for _, th := range s.threads {
			ths = append(ths, th)
		}
		// The index is fed behind the start: each thread under the read lock, so a write
		// (applied under the write lock, then indexed) never gets overwritten by older text.
		go func() {
			for _, th := range ths {
				s.mu.RLock()
				s.indexThread(th)
				s.mu.RUnlock()
			}
		}()
	}
	return nil
}

// forumOf returns the forum with id, made on first use for a theme or a workspace.
func (s *Service) forumOf(id string) *forum {
	f := s.lookup(id)
	if f != nil && s.forums[id] == nil {
		s.forums[id] = f
	}
	return f
}

// lookup returns the forum with id without keeping it: a theme's or a workspace's forum that
// has no thread yet is made for the call (under the read lock).
func (s *Service) lookup(id string) *forum {
	if f := s.forums[id]; f != nil {
		return f
	}
	if th := s.theme(id); th != nil {
		return &forum{id: id, kind: KindTheme, theme: th, follows: map[string]bool{}}
	}
	if _, ok := s.d.Workspaces.Name(id); ok {
		return &forum{id: id, kind: KindWorkspace, workspace: id, follows: map[string]bool{}}
	}
	return nil
}

func (s *Service) theme(id string) *Theme {
	for _, t := range s.d.Themes.Themes() {
		if t.ID == id {
			return &t
		}
	}
	return nil
}

func (s *Service) sortThreads(f *forum) {
	sort.SliceStable(f.threads, func(i, j int) bool { return newer(f.threads[i], f.threads[j]) })
}

func newer(a, b *thread) bool {
	if !a.last.Equal(b.last) {
		return a.last.After(b.last)
	}
	return a.id > b.id
}

// touch moves a thread to its place after its last activity changed (near the front).
func (f *forum) touch(th *thread) {
	if i := slices.Index(f.threads, th); i >= 0 {
		f.threads = slices.Delete(f.threads, i, i+1)
	}
	at := sort.Search(len(f.threads), func(i int) bool { return !newer(f.threads[i], th) })
	f.threads = slices.Insert(f.threads, at, th)
}

func (f *forum) drop(th *thread) {
	if i := slices.Index(f.threads, th); i >= 0 {
		f.threads = slices.Delete(f.threads, i, i+1)
	}
}

func (s *Service) apply(ev Event) error {
	switch ev.Kind {
	case evCircle:
		c := &circle{id: ev.Forum, title: ev.Title, by: ev.By, invited: ev.Workspaces, joined: []string{ev.Workspace}, created: ev.At}
		s.forums[c.id] = &forum{id: c.id, kind: KindCircle, circle: c, follows: map[string]bool{}}
	case evJoin:
		defer s.changed(s.forums[ev.Forum])
		f := s.forums[ev.Forum]
		if f == nil || f.circle == nil {
			return fmt.Errorf("join: no circle %s", ev.Forum)
		}
		if !slices.Contains(f.circle.joined, ev.Workspace) {
			f.circle.joined = append(f.circle.joined, ev.Workspace)
		}
	case evThread:
		f := s.forumOf(ev.Forum)
		if f == nil || s.threads[ev.Thread] != nil {
			return fmt.Errorf("thread %s: no forum %s or already there", ev.Thread, ev.Forum)
		}
		th := &thread{id: ev.Thread, forum: f, title: ev.Title, author: ev.By, created: ev.At, last: ev.At, follows: map[string]bool{}}
		f.ver++
		s.threads[th.id] = th
		f.threads = append(f.threads, th)
		s.addPost(th, ev)
		f.touch(th)
	case evPost:
		th := s.threads[ev.Thread]
		if th == nil || s.posts[ev.Post] != nil {
			return fmt.Errorf("post %s: no thread %s", ev.Post, ev.Thread)
		}
		s.addPost(th, ev)
		th.last = ev.At
		th.forum.touch(th)
		th.forum.ver++
	case evEdit, evDelete, evHide, evReact:
		p := s.posts[ev.Post]
		if p == nil {
			return fmt.Errorf("%s: no post %s", ev.Kind, ev.Post)
		}
		if ev.Kind != evReact {
			p.ver++ // what it shows changed: its encoded JSON is out of date
		}
		switch ev.Kind {
		case evEdit:
			p.history = append(p.history, revision{body: p.body, at: p.lastAt()})
			p.body, p.edited = ev.Body, ev.At
			p.html.Store(nil)
			p.refs.Store(nil)
		case evDelete:
			p.deleted, p.body, p.history = true, "", nil
			p.html.Store(nil)
			p.refs.Store(nil)
		case evHide:
			p.hidden = ev.On
		case evReact:
			who := p.reactions[ev.Reaction]
			has := slices.Contains(who, ev.By)
			if ev.On && !has {
				p.reactions[ev.Reaction] = append(who, ev.By)
			} else if !ev.On && has {
				p.reactions[ev.Reaction] = slices.DeleteFunc(slices.Clone(who), func(u string) bool { return u == ev.By })
			}
		}
	case evModerate:
		th := s.threads[ev.Thread]
		if th == nil {
			return fmt.Errorf("moderate: no thread %s", ev.Thread)
		}
		if ev.Pinned != nil {
			th.pinned = *ev.Pinned
		}
		if ev.Locked != nil {
			th.locked = *ev.Locked
		}
		if ev.Hidden != nil {
			th.hidden = *ev.Hidden
		}
		th.forum.ver++
	case evMove:
		th := s.threads[ev.Thread]
		to := s.forumOf(ev.Forum)
		if th == nil || to == nil {
			return fmt.Errorf("move: no thread %s or forum %s", ev.Thread, ev.Forum)
		}
		th.forum.drop(th)
		th.forum.ver++
		to.ver++
		th.forum = to
		to.threads = append(to.threads, th)
		s.sortThreads(to)
	case evReport:
		p := s.posts[ev.Post]
		if p == nil {
			return fmt.Errorf("report: no post %s", ev.Post)
		}
		s.reports = append(s.reports, &report{post: p, by: ev.By, reason: ev.Body, at: ev.At})
	case evResolve:
		p := s.posts[ev.Post]
		if p == nil {
			return fmt.Errorf("resolve: no post %s", ev.Post)
		}
		for _, r := range s.reports {
			if r.post == p && r.resolvedBy == "" {
				r.resolvedBy, r.resolvedAt, r.action = ev.By, ev.At, ev.Action
			}
		}
		if ev.Action == ResolveHide {
			p.hidden = true
			p.ver++
		}
	case evRead:
		m := s.reads[ev.By]
		if m == nil {
			m = map[string]int{}
			s.reads[ev.By] = m
		}
		m[ev.Thread] = max(m[ev.Thread], ev.UpTo)
		if th := s.threads[ev.Thread]; th != nil {
			th.forum.ver++
		}
	case evVisit:
		m := s.visits[ev.By]
		if m == nil {
			m = map[string]time.Time{}
			s.visits[ev.By] = m
		}
		m[ev.Forum] = ev.At
	case evFollow:
		var set map[string]bool
		if ev.Thread != "" {
			if th := s.threads[ev.Thread]; th != nil {
				set = th.follows
				th.forum.ver++
			}
		} else if f := s.forumOf(ev.Forum); f != nil {
			set = f.follows
			f.ver++
		}
		if set == nil {
			return fmt.Errorf("follow: nothing to follow")
		}
		if ev.On {
			set[ev.By] = true
		} else {
			delete(set, ev.By)
		}
	default:
		return fmt.Errorf("unknown event kind %q", ev.Kind)
	}
	return nil
}

// changed marks that a forum's threads' counts for its readers are to be counted again.
func (s *Service) changed(f *forum) {
	if f != nil {
		f.ver++
	}
}

func (s *Service) addPost(th *thread, ev Event) {
	id := ev.Post
	if id == "" {
		id = ev.Thread
	}
	p := &post{id: id, thread: th, n: len(th.posts) + 1, author: ev.By, body: ev.Body, quote: ev.Quote,
		created: ev.At, reactions: map[string][]string{}}
	th.posts = append(th.posts, p)
	s.posts[id] = p
	if ev.By != "" && ev.Kind == evThread {
		th.follows[ev.By] = true
	}
}

// rendered is the post's body as safe HTML, rendered once.
func (p *post) rendered() string {
	if h := p.html.Load(); h != nil {
		return *h
	}
	h := render(p.body)
	p.html.Store(&h)
	return h
}

func (p *post) lastAt() time.Time {
	if !p.edited.IsZero() {
		return p.edited
	}
	return p.created
}

// ---- text ---------------------------------------------------------------------------------

var mdEscape = regexp.MustCompile("([\\\\`*_{}\\[\\]()#+\\-.!<>|~])")

// render turns a body into safe HTML: mentions become "@Name" in a span (escaped first).
func render(body string) string {
	if body == "" {
		return ""
	}
	const mark = "\x01MENTION\x01"
	var names []string
	src := mention.Replace(body, func(name string) string {
		names = append(names, name)
		return mark
	})
	out := markdown.Render(src)
	for _, n := range names {
		out = strings.Replace(out, mark, `<span class="mention">@`+htmlEscape(n)+`</span>`, 1)
	}
	return out
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// plain is a body as plain text: Markdown stripped, mentions as @Name.
func plain(body string) string {
	return markdown.Plain(mention.Plain(body))
}

func excerpt(body string, n int) string {
	s := strings.Join(strings.Fields(plain(body)), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// internal links a body may hold to things inside the workspace: each is checked.
var linkPattern = regexp.MustCompile(`(?:^|[\s(<])(https?://[^/\s]+)?/(threads|forums|workspaces)/([0-9a-f]{24})`)

func (s *Service) checkBody(p accounts.Principal, body string) (string, error) {
	body, err := record.Text("body", body, 1, MaxBody)
	if err != nil {
		return "", err
	}
	if len(mention.IDs(body)) > MaxMentions {
		return "", apperr.Invalid("body", "a post mentions at most %d people", MaxMentions)
	}
	for _, m := range linkPattern.FindAllStringSubmatch(body, -1) {
		if !s.ours(m[1]) {
			continue // a link elsewhere
		}
		kind, id := m[2], m[3]
		ok := false
		switch kind {
		case "threads":
			th := s.threads[id]
			ok = th != nil && s.canReadThread(p, th)
		case "forums":
			f := s.lookup(id)
			ok = f != nil && s.canRead(p, f)
		case "workspaces":
			ok = p.IsAdmin || s.d.Workspaces.Role(p.UserID, id) != ""
		}
		if !ok {
			return "", linkError(kind + "/" + id)
		}
	}
	if s.d.Links != nil {
		for _, r := range refsOf(body, s.ours) {
			if _, ok := s.resolve(p, r); !ok {
				return "", linkError(strings.TrimPrefix(r.link, "/"))
			}
		}
	}
	return body, nil
}

func linkError(what string) error {
	return apperr.New(apperr.LinkNotVisible, "the post links to /%s, which does not exist or you cannot see", what)
}

// ref is a link in a post to a practice or to a plan (and an item of it).
type ref struct {
	link           string // the path as written, without host
	practice       string
	document, node string
}

// Links to practices and plans: /practices/<id>, /workspaces/<ws>/documents/<id>, the latter
// optionally with an item anchor #item-<node> (or #goal-<node>, the plan page's goal headings).
var cardPattern = regexp.MustCompile(`(?:^|[\s(<])(https?://[^/\s]+)?(/practices/([0-9a-f]{24})|/workspaces/[0-9a-f]{24}/documents/([0-9a-f]{24})(?:#(?:item-|goal-)([0-9A-Za-z_-]{1,64}))?)`)

// MaxCards is how many cards a post shows (the first links).
const MaxCards = 5

func refsOf(body string, ours func(host string) bool) []ref {
	var out []ref
	for _, m := range cardPattern.FindAllStringSubmatch(body, -1) {
		if !ours(m[1]) {
			continue // a link elsewhere
		}
		r := ref{link: m[2], practice: m[3], document: m[4], node: m[5]}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// refsOfPost are a post's links, found once per body.
func (p *post) linkRefs(ours func(host string) bool) []ref {
	if r := p.refs.Load(); r != nil {
		return *r
	}
	r := refsOf(p.body, ours)
	p.refs.Store(&r)
	return r
}

func (s *Service) resolve(p accounts.Principal, r ref) (Card, bool) {
	var c Card
	var ok bool
	if r.practice != "" {
		c, ok = s.d.Links.Practice(p, r.practice)
	} else {
		c, ok = s.d.Links.Plan(p, r.document, r.node)
	}
	c.Link = r.link
	return c, ok
}

func (s *Service) withCards(p accounts.Principal, v PostView) PostView {
	vs := []PostView{v}
	s.cards(p, vs)
	return vs[0]
}

// cards fills in the cards of posts for p (outside the service's lock: the practices and plans
// answer under their own): a link p may not read shows no card.
func (s *Service) cards(p accounts.Principal, vs []PostView) {
	if s.d.Links == nil || p.UserID == "" {
		return
	}
	for i := range vs {
		for _, r := range vs[i].refs {
			if len(vs[i].Cards) == MaxCards {
				break
			}
			if c, ok := s.resolve(p, r); ok {
				vs[i].Cards = append(vs[i].Cards, c)
			}
		}
	}
}

// ---- permissions --------------------------------------------------------------------------

func (s *Service) member(p accounts.Principal, ws string) bool {
	return s.d.Workspaces.Role(p.UserID, ws) != ""
}

func (s *Service) canRead(p accounts.Principal, f *forum) bool {
	switch f.kind {
	case KindTheme:
		return p.UserID != ""
	case KindWorkspace:
		return s.member(p, f.workspace)
	case KindCircle:
		for _, ws := range f.circle.joined {
			if s.member(p, ws) {
				return true
			}
		}
	}
	return false
}

func (s *Service) canWrite(p accounts.Principal, f *forum) bool {
	switch f.kind {
	case KindTheme:
		return p.UserID != ""
	case KindWorkspace:
		r := s.d.Workspaces.Role(p.UserID, f.workspace)
		return r == "coordinator" || r == "member"
	case KindCircle:
		for _, ws := range f.circle.joined {
			if r := s.d.Workspaces.Role(p.UserID, ws); r == "coordinator" || r == "member" {
				return true
			}
		}
	}
	return false
}

func (s *Service) canModerate(p accounts.Principal, f *forum) bool {
	switch f.kind {
	case KindTheme:
		return p.IsAdmin
	case KindWorkspace:
		return s.d.Workspaces.Role(p.UserID, f.workspace) == "coordinator"
	case KindCircle:
		for _, ws := range f.circle.joined {
			if s.d.Workspaces.Role(p.UserID, ws) == "coordinator" {
				return true
			}
		}
	}
	return false
}

func (s *Service) canReadThread(p accounts.Principal, th *thread) bool {
	return s.canRead(p, th.forum) && (!th.hidden || s.canModerate(p, th.forum))
}

// audience is who may find a forum's content in search.
func (s *Service) audience(f *forum) search.Audience {
	switch f.kind {
	case KindTheme:
		return search.Audience{Network: true}
	case KindWorkspace:
		return search.Audience{Workspaces: []string{f.workspace}}
	default:
		return search.Audience{Workspaces: slices.Clone(f.circle.joined)}
	}
}

// CanListen reports whether p may follow a topic live: thread:<id> or forum:<id>.
func (s *Service) CanListen(p accounts.Principal, topic string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if id, ok := strings.CutPrefix(topic, "thread:"); ok {
		th := s.threads[id]
		return th != nil && s.canReadThread(p, th)
	}
	if id, ok := strings.CutPrefix(topic, "forum:"); ok {
		f := s.lookup(id)
		return f != nil && s.canRead(p, f)
	}
	return false
}

// ---- search -------------------------------------------------------------------------------

// ThreadLink is where the client shows a thread.
func ThreadLink(threadID string) string { return "/threads/" + threadID }

func (s *Service) themeIDs(f *forum) []string {
	if f.kind == KindTheme {
		return []string{f.id}
	}
	return nil
}

func (s *Service) indexThread(th *thread) {
	if s.d.Index == nil {
		return
	}
	if th.hidden {
		s.d.Index.Remove("thread", th.id)
		for _, p := range th.posts {
			s.d.Index.Remove("post", p.id)
		}
		return
	}
	aud := s.audience(th.forum)
	first := th.posts[0]
	s.d.Index.Put(search.Entry{Kind: "thread", ID: th.id, Title: th.title, Body: plain(first.body), Link: ThreadLink(th.id),
		Theme: s.themeIDs(th.forum), At: th.created, Readers: aud})
	for _, p := range th.posts[1:] {
		s.indexPost(p, aud)
	}
}

func (s *Service) indexPost(p *post, aud search.Audience) {
	if s.d.Index == nil {
		return
	}
	if p.deleted || p.hidden || p.thread.hidden {
		s.d.Index.Remove("post", p.id)
		return
	}
	if p.n == 1 {
		s.indexThreadHead(p.thread, aud)
		return
	}
	s.d.Index.Put(search.Entry{Kind: "post", ID: p.id, Title: p.thread.title, Body: plain(p.body),
		Link: fmt.Sprintf("%s?post=%d", ThreadLink(p.thread.id), p.n), Theme: s.themeIDs(p.thread.forum), At: p.created, Readers: aud})
}

func (s *Service) indexThreadHead(th *thread, aud search.Audience) {
	body := ""
	if p := th.posts[0]; !p.deleted && !p.hidden {
		body = plain(p.body)
	}
	s.d.Index.Put(search.Entry{Kind: "thread", ID: th.id, Title: th.title, Body: body, Link: ThreadLink(th.id),
		Theme: s.themeIDs(th.forum), At: th.created, Readers: aud})
}

// Records numbers events from seq first on and gives them their stored form (demo data and
// tests that write a large forum at once, before a start).
func Records(first int64, evs []Event) []Record {
	out := make([]Record, len(evs))
	for i, ev := range evs {
		ev.Seq = first + int64(i)
		raw, _ := json.Marshal(ev)
		out[i] = Record{ID: fmt.Sprintf("%016d", ev.Seq), Event: string(raw)}
	}
	return out
}

// Event kinds for writers of stored events (Records).
const (
	EventThread = evThread
	EventPost   = evPost
	EventReact  = evReact
)
