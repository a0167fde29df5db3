package forums

import (
	"strconv"
	"strings"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/watching"
)

// ForumView is a forum as the API shows it.
type ForumView struct {
	ID          string     `json:"id"`
	Kind        string     `json:"kind"`
	Names       Names      `json:"names"` // theme forums are named in fi/sv/en; others carry one name in every language
	WorkspaceID string     `json:"workspaceId,omitempty"`
	Workspaces  []Group    `json:"workspaces,omitempty"` // a circle's groups
	Threads     int        `json:"threads"`
	Unread      int        `json:"unread"` // threads with posts the person has not read
	LastAt      *time.Time `json:"lastAt,omitempty"`
	CanWrite    bool       `json:"canWrite"`
	CanModerate bool       `json:"canModerate"`
	OpenReports int        `json:"openReports,omitempty"` // its moderators: the reports waiting in its queue
	Following   bool       `json:"following"`             // level is watch (the older form of level)
	Level       string     `json:"level,omitempty"`       // the reader's notification level: watch, normal, mute
}

// Names are a name in fi/sv/en.
type Names struct {
	FI string `json:"fi"`
	SV string `json:"sv"`
	EN string `json:"en"`
}

// Group is a group of a circle and whether its coordinator has joined.
type Group struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Joined bool   `json:"joined"`
}

// ThreadHead is a thread in a forum's list.
type ThreadHead struct {
	ID         string    `json:"id"`
	ForumID    string    `json:"forumId"`
	Title      string    `json:"title"`
	AuthorID   string    `json:"authorId"`
	AuthorName string    `json:"authorName"`
	CreatedAt  time.Time `json:"createdAt"`
	LastAt     time.Time `json:"lastAt"`
	Posts      int       `json:"posts"`
	Read       int       `json:"read"`   // the person has read up to this post number
	Unread     int       `json:"unread"` // posts after it
	New        bool      `json:"new"`    // active since the person's previous visit to the forum
	Pinned     bool      `json:"pinned"`
	Locked     bool      `json:"locked"`
	Hidden     bool      `json:"hidden"`
	Following  bool      `json:"following"`       // level is watch
	Level      string    `json:"level,omitempty"` // the reader's notification level (not in live events)
}

// ForumPage is a forum with a page of its threads: pinned threads first on the first page,
// then the others by last activity.
type ForumPage struct {
	Forum     ForumView    `json:"forum"`
	Threads   []ThreadHead `json:"threads"`
	Next      string       `json:"next,omitempty"` // cursor of the next page
	LastVisit *time.Time   `json:"lastVisit,omitempty"`
}

// Reaction is the count of one reaction on a post.
type Reaction struct {
	Kind  string `json:"kind"`
	Count int    `json:"count"`
	Mine  bool   `json:"mine"`
}

// Quote is the post a post quotes.
type Quote struct {
	PostID     string `json:"postId"`
	Number     int    `json:"number"`
	AuthorName string `json:"authorName"`
	Excerpt    string `json:"excerpt"`
}

// PostView is a post as the API and live events show it.
type PostView struct {
	ID         string     `json:"id"`
	ThreadID   string     `json:"threadId"`
	Number     int        `json:"number"`
	AuthorID   string     `json:"authorId"`
	AuthorName string     `json:"authorName"`
	Body       string     `json:"body"` // Markdown source, "" when removed or hidden
	HTML       string     `json:"html"` // rendered safe HTML
	Quote      *Quote     `json:"quote,omitempty"`
	CreatedAt  time.Time  `json:"createdAt"`
	EditedAt   *time.Time `json:"editedAt,omitempty"`
	Edits      int        `json:"edits"`
	Deleted    bool       `json:"deleted"`
	Hidden     bool       `json:"hidden"`
	Reactions  []Reaction `json:"reactions"`
	// Links: the post links to practices or plans; Cards are those the reader may read (a live
	// copy, viewed by nobody, carries none: readers fetch the post for theirs).
	Links bool   `json:"links,omitempty"`
	Cards []Card `json:"cards,omitempty"`
	refs  []ref
}

// ThreadPage is a thread with a page of its posts, in order.
type ThreadPage struct {
	Thread      ThreadHead `json:"thread"`
	Forum       ForumView  `json:"forum"`
	Posts       []PostView `json:"posts"`
	CanWrite    bool       `json:"canWrite"`
	CanModerate bool       `json:"canModerate"`
	HasBefore   bool       `json:"hasBefore"`
	HasAfter    bool       `json:"hasAfter"`
}

// Revision is an earlier body of a post.
type Revision struct {
	Body string    `json:"body"`
	HTML string    `json:"html"`
	At   time.Time `json:"at"`
}

// ReportView is a report moderators read.
type ReportView struct {
	PostID       string    `json:"postId"`
	ThreadID     string    `json:"threadId"`
	ThreadTitle  string    `json:"threadTitle"`
	Number       int       `json:"number"`
	Excerpt      string    `json:"excerpt"`
	ReporterID   string    `json:"reporterId"`
	ReporterName string    `json:"reporterName"`
	Reason       string    `json:"reason"`
	At           time.Time `json:"at"`
	// Resolved: by whom, when and how (dismiss, hide); absent while the report is open.
	ResolvedByID   string     `json:"resolvedById,omitempty"`
	ResolvedByName string     `json:"resolvedByName,omitempty"`
	ResolvedAt     *time.Time `json:"resolvedAt,omitempty"`
	Resolution     string     `json:"resolution,omitempty"`
	PostHidden     bool       `json:"postHidden"`
	PostDeleted    bool       `json:"postDeleted"`
}

func (s *Service) name(id string) string {
	u, _ := s.d.Accounts.User(id)
	return u.Name
}

// countKey is a reader of a forum's counts: they depend on the person, whether they moderate
// it (they count hidden threads) and whether they muted it.
type countKey struct {
	user       string
	mod, muted bool
}

// forumCounts are a forum's counts for a reader, as at the forum's ver and the levels' count.
type forumCounts struct {
	ver, levels     uint64
	threads, unread int
	lastAt          time.Time
}

func (s *Service) viewForum(p accounts.Principal, f *forum) ForumView {
	v := s.forumHead(p, f)
	k := countKey{user: p.UserID, mod: v.CanModerate, muted: v.Level == watching.Mute}
	levels := s.levels.Load() // before counting: a level chosen meanwhile makes the counts out of date
	f.cmu.Lock()
	c, ok := f.counts[k]
	f.cmu.Unlock()
	if !ok || c.ver != f.ver || c.levels != levels {
		c = s.count(p, f, k)
		c.ver, c.levels = f.ver, levels
		f.cmu.Lock()
		if f.counts == nil {
			f.counts = map[countKey]forumCounts{}
		}
		f.counts[k] = c
		f.cmu.Unlock()
	}
	v.Threads, v.Unread = c.threads, c.unread
	if !c.lastAt.IsZero() {
		at := c.lastAt
		v.LastAt = &at
	}
	return v
}

// count counts a forum's threads for a reader: those they see, the newest activity among them,
// and those with posts they have not read (not counting the threads they muted).
func (s *Service) count(p accounts.Principal, f *forum, k countKey) forumCounts {
	var c forumCounts
	reads := s.reads[p.UserID]
	for _, th := range f.threads {
		if th.hidden && !k.mod {
			continue
		}
		c.threads++
		if c.lastAt.IsZero() {
			c.lastAt = th.last
		}
		if reads[th.id] < len(th.posts) && !s.muted(p.UserID, th, k.muted) {
			c.unread++
		}
	}
	return c
}

// forumHead is a forum without its counts (a thread's page shows only its name and rights).
func (s *Service) forumHead(p accounts.Principal, f *forum) ForumView {
	v := ForumView{ID: f.id, Kind: f.kind, CanWrite: s.canWrite(p, f), CanModerate: s.canModerate(p, f)}
	if v.CanModerate {
		for _, r := range s.reports {
			if r.resolvedBy == "" && r.post.thread.forum == f {
				v.OpenReports++
			}
		}
	}
	if p.UserID != "" {
		v.Level = s.forumLevel(p.UserID, f)
		v.Following = v.Level == watching.Watch
	}

	switch f.kind {
	case KindTheme:
		v.Names = Names{FI: f.theme.NameFI, SV: f.theme.NameSV, EN: f.theme.NameEN}
	case KindWorkspace:
		n, _ := s.d.Workspaces.Name(f.workspace)
		v.Names, v.WorkspaceID = Names{n, n, n}, f.workspace
	case KindCircle:
		c := f.circle
		v.Names = Names{c.title, c.title, c.title}
		for _, ws := range c.invited {
			n, _ := s.d.Workspaces.Name(ws)
			v.Workspaces = append(v.Workspaces, Group{ID: ws, Name: n, Joined: contains(c.joined, ws)})
		}
	}
	return v
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func (s *Service) head(p accounts.Principal, th *thread, visit time.Time) ThreadHead {
	read := s.reads[p.UserID][th.id]
	h := ThreadHead{ID: th.id, ForumID: th.forum.id, Title: th.title, AuthorID: th.author, AuthorName: s.name(th.author),
		CreatedAt: th.created, LastAt: th.last, Posts: len(th.posts), Read: read, Unread: max(0, len(th.posts)-read),
		New: !visit.IsZero() && th.last.After(visit), Pinned: th.pinned, Locked: th.locked, Hidden: th.hidden}
	if p.UserID != "" {
		h.Level = s.threadLevel(p.UserID, th)
		h.Following = h.Level == watching.Watch
		if h.Level == watching.Mute { // a muted thread's posts are not unread
			h.Unread = 0
		}
	}
	return h
}

func (s *Service) viewPost(p accounts.Principal, po *post, mod bool) PostView {
	v := PostView{ID: po.id, ThreadID: po.thread.id, Number: po.n, AuthorID: po.author, AuthorName: s.name(po.author),
		CreatedAt: po.created, Edits: len(po.history), Deleted: po.deleted, Hidden: po.hidden, Reactions: []Reaction{}}
	if !po.deleted && (!po.hidden || mod) {
		v.Body, v.HTML = po.body, po.rendered()
		if s.d.Links != nil {
			v.refs = po.linkRefs(s.ours)
			v.Links = len(v.refs) > 0
		}
	}
	if !po.edited.IsZero() && !po.deleted {
		at := po.edited
		v.EditedAt = &at
	}
	if q := s.posts[po.quote]; q != nil && q.thread == po.thread {
		qv := &Quote{PostID: q.id, Number: q.n, AuthorName: s.name(q.author)}
		if !q.deleted && !q.hidden {
			qv.Excerpt = excerpt(q.body, 300)
		}
		v.Quote = qv
	}
	for _, k := range Reactions {
		if who := po.reactions[k]; len(who) > 0 {
			v.Reactions = append(v.Reactions, Reaction{Kind: k, Count: len(who), Mine: contains(who, p.UserID)})
		}
	}
	return v
}

// ---- reading ------------------------------------------------------------------------------

// Forums lists the forums p may read: theme forums in reference order, then p's groups' areas,
// then p's circles (and the circles p's groups are invited to, for their coordinators).
func (s *Service) Forums(p accounts.Principal) []ForumView {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := []ForumView{}
	for _, t := range s.d.Themes.Themes() {
		if f := s.lookup(t.ID); f != nil {
			out = append(out, s.viewForum(p, f))
		}
	}
	var mine []string
	for ws := range s.d.Workspaces.Roles(p.UserID) {
		mine = append(mine, ws)
	}
	sortStrings(mine)
	for _, ws := range mine {
		if f := s.lookup(ws); f != nil {
			out = append(out, s.viewForum(p, f))
		}
	}
	var circles []*forum
	for _, f := range s.forums {
		if f.kind != KindCircle {
			continue
		}
		if s.canRead(p, f) || s.invitedCoordinator(p, f) != "" {
			circles = append(circles, f)
		}
	}
	sortForums(circles)
	for _, f := range circles {
		out = append(out, s.viewForum(p, f))
	}
	return out
}

// invitedCoordinator is a group p coordinates that is invited to a circle and has not joined.
func (s *Service) invitedCoordinator(p accounts.Principal, f *forum) string {
	for _, ws := range f.circle.invited {
		if !contains(f.circle.joined, ws) && s.d.Workspaces.Role(p.UserID, ws) == "coordinator" {
			return ws
		}
	}
	return ""
}

func (s *Service) readable(p accounts.Principal, forumID string) (*forum, error) {
	if !record.Valid(forumID) {
		return nil, apperr.New(apperr.InvalidID, "not a valid forum id")
	}
	f := s.lookup(forumID)
	if f == nil || !s.canRead(p, f) {
		return nil, apperr.New(apperr.NotFound, "no such forum")
	}
	return f, nil
}

// Forum returns a page of a forum's threads. cursor is "" for the first page (pinned threads
// first), then the Next of the page before.
func (s *Service) Forum(p accounts.Principal, forumID, cursor string, limit int) (ForumPage, error) {
	limit = pageSize(limit)
	s.mu.RLock()
	defer s.mu.RUnlock()
	f, err := s.readable(p, forumID)
	if err != nil {
		return ForumPage{}, err
	}
	mod := s.canModerate(p, f)
	visit := s.visits[p.UserID][f.id]
	out := ForumPage{Forum: s.viewForum(p, f), Threads: []ThreadHead{}}
	if !visit.IsZero() {
		out.LastVisit = &visit
	}
	start := 0
	if cursor == "" {
		for _, th := range f.threads {
			if th.pinned && (!th.hidden || mod) {
				out.Threads = append(out.Threads, s.head(p, th, visit))
			}
		}
	} else {
		at, id, err := parseCursor(cursor)
		if err != nil {
			return ForumPage{}, err
		}
		// threads are newest first: the first one older than the cursor
		lo, hi := 0, len(f.threads)
		for lo < hi {
			m := (lo + hi) / 2
			th := f.threads[m]
			if th.last.After(at) || (th.last.Equal(at) && th.id >= id) {
				lo = m + 1
			} else {
				hi = m
			}
		}
		start = lo
	}
	n := 0
	for i := start; i < len(f.threads); i++ {
		th := f.threads[i]
		if th.pinned || (th.hidden && !mod) {
			continue
		}
		if n == limit {
			last := out.Threads[len(out.Threads)-1]
			out.Next = strconv.FormatInt(last.LastAt.UnixNano(), 10) + "-" + last.ID
			break
		}
		out.Threads = append(out.Threads, s.head(p, th, visit))
		n++
	}
	return out, nil
}

func parseCursor(c string) (time.Time, string, error) {
	a, id, ok := strings.Cut(c, "-")
	ns, err := strconv.ParseInt(a, 10, 64)
	if !ok || err != nil || !record.Valid(id) {
		return time.Time{}, "", apperr.Invalid("cursor", "not a cursor of this list")
	}
	return time.Unix(0, ns).UTC(), id, nil
}

func pageSize(limit int) int {
	if limit <= 0 {
		return DefaultPage
	}
	return min(limit, MaxPage)
}

func (s *Service) readableThread(p accounts.Principal, threadID string) (*thread, error) {
	if !record.Valid(threadID) {
		return nil, apperr.New(apperr.InvalidID, "not a valid thread id")
	}
	th := s.threads[threadID]
	if th == nil || !s.canReadThread(p, th) {
		return nil, apperr.New(apperr.NotFound, "no such thread")
	}
	return th, nil
}

// Thread returns a page of a thread's posts: after post number `after` (ascending), or before
// post number `before` (the page that ends just before it), or from the start.
func (s *Service) Thread(p accounts.Principal, threadID string, after, before, limit int) (ThreadPage, error) {
	out, err := s.thread(p, threadID, after, before, limit)
	if err == nil {
		s.cards(p, out.Posts)
	}
	return out, err
}

func (s *Service) thread(p accounts.Principal, threadID string, after, before, limit int) (ThreadPage, error) {
	limit = pageSize(limit)
	s.mu.RLock()
	defer s.mu.RUnlock()
	th, err := s.readableThread(p, threadID)
	if err != nil {
		return ThreadPage{}, err
	}
	mod := s.canModerate(p, th.forum)
	from, to := pageOf(len(th.posts), after, before, limit)
	out := ThreadPage{Thread: s.head(p, th, time.Time{}), Forum: s.forumHead(p, th.forum), Posts: make([]PostView, 0, to-from),
		CanWrite: s.canWrite(p, th.forum) && (!th.locked || mod), CanModerate: mod, HasBefore: from > 0, HasAfter: to < len(th.posts)}
	for _, po := range th.posts[from:to] {
		out.Posts = append(out.Posts, s.viewPost(p, po, mod))
	}
	return out, nil
}

// pageOf is the posts [from, to) of a thread's page: after post number `after`, or the page
// that ends just before post number `before`, or from the start.
func pageOf(posts, after, before, limit int) (from, to int) {
	from = max(0, after) // index of the first post
	if before > 0 {
		from = max(0, min(before-1, posts)-limit)
	}
	from = min(from, posts)
	to = min(from+limit, posts)
	if before > 0 {
		to = min(max(before-1, 0), posts)
	}
	return from, to
}

// History returns a post's earlier bodies, oldest first.
func (s *Service) History(p accounts.Principal, postID string) ([]Revision, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	po, err := s.readablePost(p, postID)
	if err != nil {
		return nil, err
	}
	out := []Revision{}
	if po.hidden && !s.canModerate(p, po.thread.forum) {
		return out, nil
	}
	for _, r := range po.history {
		out = append(out, Revision{Body: r.body, HTML: render(r.body), At: r.at})
	}
	return out, nil
}

func (s *Service) readablePost(p accounts.Principal, postID string) (*post, error) {
	if !record.Valid(postID) {
		return nil, apperr.New(apperr.InvalidID, "not a valid post id")
	}
	po := s.posts[postID]
	if po == nil || !s.canReadThread(p, po.thread) {
		return nil, apperr.New(apperr.NotFound, "no such post")
	}
	return po, nil
}

// Report states to list.
const (
	ReportsOpen     = "open"
	ReportsResolved = "resolved"
	ReportsAll      = "all"
)

// Reports returns a page of the reports of a forum's posts, newest first (moderators only): the
// open ones (the queue), the resolved ones (who resolved what, when and how) or all. cursor is ""
// for the first page, then the next of the page before; next is "" after the last page.
func (s *Service) Reports(p accounts.Principal, forumID, state, cursor string, limit int) (page []ReportView, next string, err error) {
	if state == "" {
		state = ReportsOpen
	}
	if state != ReportsOpen && state != ReportsResolved && state != ReportsAll {
		return nil, "", apperr.Invalid("state", "state is open, resolved or all")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	from := len(s.reports) // the reports are kept oldest first and only appended: a position stays put
	if cursor != "" {
		n, err := strconv.Atoi(cursor)
		if err != nil || n < 0 || n > len(s.reports) || strconv.Itoa(n) != cursor {
			return nil, "", apperr.Invalid("cursor", "not a cursor of this list")
		}
		from = n
	}
	f, err := s.readable(p, forumID)
	if err != nil {
		return nil, "", err
	}
	if !s.canModerate(p, f) {
		return nil, "", apperr.New(apperr.Forbidden, "only the forum's moderators read its reports")
	}
	page, next = s.reportsFrom(f, state, from, pageSize(limit))
	return page, next, nil
}

// reportsFrom lists up to limit of f's reports in state from position from down (newest first),
// and the cursor of the rest ("" when none is left). The caller holds s.mu.
func (s *Service) reportsFrom(f *forum, state string, from, limit int) ([]ReportView, string) {
	out := []ReportView{}
	for i := from - 1; i >= 0; i-- {
		r := s.reports[i]
		if r.post.thread.forum != f || (state == ReportsOpen && r.resolvedBy != "") || (state == ReportsResolved && r.resolvedBy == "") {
			continue
		}
		if len(out) == limit {
			return out, strconv.Itoa(i + 1)
		}
		v := ReportView{PostID: r.post.id, ThreadID: r.post.thread.id, ThreadTitle: r.post.thread.title, Number: r.post.n,
			Excerpt: excerpt(r.post.body, 200), ReporterID: r.by, ReporterName: s.name(r.by), Reason: r.reason, At: r.at,
			PostHidden: r.post.hidden, PostDeleted: r.post.deleted}
		if r.resolvedBy != "" {
			at := r.resolvedAt
			v.ResolvedByID, v.ResolvedByName, v.ResolvedAt, v.Resolution = r.resolvedBy, s.name(r.resolvedBy), &at, r.action
		}
		out = append(out, v)
	}
	return out, ""
}
