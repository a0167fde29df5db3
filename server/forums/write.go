package forums

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/mention"
	"github.com/elo-workspace/elo-workspace/server/record"
)

func sortStrings(xs []string) { sort.Strings(xs) }

func sortForums(fs []*forum) {
	sort.Slice(fs, func(i, j int) bool { return fs[i].circle.created.Before(fs[j].circle.created) })
}

// store appends an event (wmu held, and held again when it returns): stored first, then
// applied. The event joins the event log's group commit and wmu is released while it is
// stored, so the writers behind it queue theirs into the next group (one insert and one fsync
// for all of them) instead of each waiting for its own; each group is applied in sequence order
// before its writers go on (applyEvents).
func (s *Service) store(ctx context.Context, ev Event) error {
	s.queued = max(s.queued, s.seq) + 1
	ev.Seq = s.queued
	ev.At = s.now().UTC().Truncate(time.Millisecond)
	raw, err := json.Marshal(ev)
	if err != nil {
		return apperr.Wrap(err, "encode forum event")
	}
	pe := &pendingEvent{rec: Record{ID: fmt.Sprintf("%016d", ev.Seq), Event: string(raw)}, ev: ev}
	wait := s.log.Add(pe)
	s.wmu.Unlock()
	err = wait(context.WithoutCancel(ctx)) // queued: it will be stored, so wait for the answer
	s.wmu.Lock()
	if err != nil {
		return err
	}
	if pe.err != nil {
		return apperr.Wrap(pe.err, "apply forum event") // checked before storing: not expected
	}
	return nil
}

// pendingEvent is an event in the log's queue.
type pendingEvent struct {
	rec Record
	ev  Event
	err error // applying it
}

// storeEvents stores a group of events, in one insert when the table takes many at once.
func (s *Service) storeEvents(ctx context.Context, batch []*pendingEvent) error {
	recs := make([]Record, len(batch))
	for i, pe := range batch {
		recs[i] = pe.rec
	}
	if many, ok := s.events.(interface {
		InsertMany(context.Context, []Record) error
	}); ok && len(recs) > 1 {
		return many.InsertMany(ctx, recs)
	}
	for _, r := range recs {
		if err := s.events.Insert(ctx, r); err != nil {
			return err
		}
	}
	return nil
}

// applyEvents applies a stored group in order (a group that failed to store is not applied).
func (s *Service) applyEvents(batch []*pendingEvent, err error) {
	if err != nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, pe := range batch {
		s.seq = pe.ev.Seq
		pe.err = s.apply(pe.ev)
	}
}

// allow takes a token from p's posting bucket.
func (s *Service) allow(userID string) error {
	now := s.now()
	b := s.bucket[userID]
	if b == nil {
		b = &bucket{tokens: float64(s.d.Burst), at: now}
		s.bucket[userID] = b
	}
	b.tokens = min(float64(s.d.Burst), b.tokens+now.Sub(b.at).Seconds()/s.d.Every.Seconds())
	b.at = now
	if b.tokens < 1 {
		wait := time.Duration((1 - b.tokens) * float64(s.d.Every))
		return apperr.New(apperr.RateLimited, "you are posting too fast: wait %s", wait.Round(time.Second)+time.Second)
	}
	b.tokens--
	return nil
}

func (s *Service) publish(topic, kind string, data any) {
	if s.d.Events != nil {
		s.d.Events.Publish(topic, kind, data)
	}
}

// Live is what a thread's readers receive: the post changed (viewed as by nobody in
// particular: "mine" flags are false; readers fetch the post again for their own flags only
// when they need them) or the thread's head.
type Live struct {
	Post   *PostView   `json:"post,omitempty"`
	Thread *ThreadHead `json:"thread,omitempty"`
}

func (s *Service) livePost(kind string, po *post) {
	s.mu.RLock()
	v := s.viewPost(accounts.Principal{}, po, false)
	h := s.head(accounts.Principal{}, po.thread, time.Time{})
	s.mu.RUnlock()
	s.publish("thread:"+po.thread.id, kind, Live{Post: &v, Thread: &h})
}

func (s *Service) liveThread(kind string, th *thread) {
	s.mu.RLock()
	h := s.head(accounts.Principal{}, th, time.Time{})
	s.mu.RUnlock()
	s.publish("thread:"+th.id, kind, Live{Thread: &h})
	s.publish("forum:"+th.forum.id, kind, Live{Thread: &h})
}

// NewThread is a thread to start.
type NewThread struct {
	Title, Body string
}

// Start opens a thread in a forum with its first post.
func (s *Service) Start(ctx context.Context, p accounts.Principal, forumID string, in NewThread) (ThreadPage, error) {
	s.wmu.Lock()
	s.mu.RLock()
	f, err := s.readable(p, forumID)
	if err == nil && !s.canWrite(p, f) {
		err = apperr.New(apperr.Forbidden, "you can read this forum but not write in it")
	}
	var title, body string
	if err == nil {
		title, err = record.Text("title", in.Title, 1, MaxTitle)
	}
	if err == nil {
		body, err = s.checkBody(p, in.Body)
	}
	s.mu.RUnlock()
	if err == nil {
		err = s.allow(p.UserID)
	}
	if err != nil {
		s.wmu.Unlock()
		return ThreadPage{}, err
	}
	id := record.New()
	err = s.store(ctx, Event{Kind: evThread, By: p.UserID, Forum: f.id, Thread: id, Title: title, Body: body})
	s.wmu.Unlock()
	if err != nil {
		return ThreadPage{}, err
	}
	s.mu.RLock()
	th := s.threads[id]
	s.indexThread(th)
	s.mu.RUnlock()
	s.liveThread("thread", th)
	s.notify(ctx, p, th.posts[0], nil)
	return s.Thread(p, id, 0, 0, 0)
}

// Reply adds a post to a thread, optionally quoting one of its posts.
func (s *Service) Reply(ctx context.Context, p accounts.Principal, threadID, body, quote string) (PostView, error) {
	s.wmu.Lock()
	s.mu.RLock()
	th, err := s.readableThread(p, threadID)
	if err == nil {
		switch {
		case !s.canWrite(p, th.forum):
			err = apperr.New(apperr.Forbidden, "you can read this thread but not write in it")
		case th.locked && !s.canModerate(p, th.forum):
			err = apperr.New(apperr.Forbidden, "the thread is locked")
		}
	}
	if err == nil {
		body, err = s.checkBody(p, body)
	}
	var quoted *post
	if err == nil && quote != "" {
		if quoted = s.posts[quote]; !record.Valid(quote) || quoted == nil || quoted.thread != th || quoted.deleted || quoted.hidden {
			err = apperr.Invalid("quote", "quote a post of this thread")
		}
	}
	s.mu.RUnlock()
	if err == nil {
		err = s.allow(p.UserID)
	}
	if err != nil {
		s.wmu.Unlock()
		return PostView{}, err
	}
	id := record.New()
	err = s.store(ctx, Event{Kind: evPost, By: p.UserID, Thread: th.id, Post: id, Body: body, Quote: quote})
	s.wmu.Unlock()
	if err != nil {
		return PostView{}, err
	}
	s.mu.RLock()
	po := s.posts[id]
	s.indexPost(po, s.audience(th.forum))
	v := s.viewPost(p, po, false)
	s.mu.RUnlock()
	s.livePost("post", po)
	s.mu.RLock()
	h := s.head(accounts.Principal{}, th, time.Time{})
	s.mu.RUnlock()
	s.publish("forum:"+th.forum.id, "activity", Live{Thread: &h})
	s.notify(ctx, p, po, quoted)
	return s.withCards(p, v), nil
}

// Change is a change to a post: a new body (its author), or hidden/shown (a moderator).
type Change struct {
	Body   *string
	Hidden *bool
}

// Update edits a post's body (kept in its history) or hides it.
func (s *Service) Update(ctx context.Context, p accounts.Principal, postID string, ch Change) (PostView, error) {
	if ch.Body == nil && ch.Hidden == nil {
		return PostView{}, apperr.New(apperr.BadRequest, "nothing to change: give body or hidden")
	}
	s.wmu.Lock()
	s.mu.RLock()
	po, err := s.readablePost(p, postID)
	var body, old string
	if err == nil {
		mod := s.canModerate(p, po.thread.forum)
		old = po.body
		switch {
		case po.deleted:
			err = apperr.New(apperr.NotFound, "the post was removed")
		case ch.Body != nil && po.author != p.UserID:
			err = apperr.New(apperr.Forbidden, "only its author edits a post")
		case ch.Body != nil && po.thread.locked && !mod:
			err = apperr.New(apperr.Forbidden, "the thread is locked")
		case ch.Hidden != nil && !mod:
			err = apperr.New(apperr.Forbidden, "only the forum's moderators hide posts")
		case ch.Body != nil:
			body, err = s.checkBody(p, *ch.Body)
		}
	}
	s.mu.RUnlock()
	var evs []Event
	if err == nil && ch.Body != nil && body != old {
		evs = append(evs, Event{Kind: evEdit, By: p.UserID, Post: postID, Body: body})
	}
	if err == nil && ch.Hidden != nil && *ch.Hidden != po.hidden {
		evs = append(evs, Event{Kind: evHide, By: p.UserID, Post: postID, On: *ch.Hidden})
	}
	for _, ev := range evs {
		if err = s.store(ctx, ev); err != nil {
			break
		}
	}
	s.wmu.Unlock()
	if err != nil {
		return PostView{}, err
	}
	s.mu.RLock()
	s.indexPost(po, s.audience(po.thread.forum))
	v := s.viewPost(p, po, s.canModerate(p, po.thread.forum))
	s.mu.RUnlock()
	if len(evs) > 0 {
		s.livePost("edited", po)
	}
	if ch.Body != nil && body != old {
		s.mentions(ctx, p, po, mention.IDs(old))
	}
	return s.withCards(p, v), nil
}

// Delete removes a post (its author or a moderator): it shows as "message removed".
func (s *Service) Delete(ctx context.Context, p accounts.Principal, postID string) error {
	s.wmu.Lock()
	s.mu.RLock()
	po, err := s.readablePost(p, postID)
	if err == nil && po.deleted {
		err = apperr.New(apperr.NotFound, "the post was removed")
	}
	if err == nil && po.author != p.UserID && !s.canModerate(p, po.thread.forum) {
		err = apperr.New(apperr.Forbidden, "only its author or a moderator removes a post")
	}
	s.mu.RUnlock()
	if err == nil {
		err = s.store(ctx, Event{Kind: evDelete, By: p.UserID, Post: postID})
	}
	s.wmu.Unlock()
	if err != nil {
		return err
	}
	s.mu.RLock()
	s.indexPost(po, s.audience(po.thread.forum))
	s.mu.RUnlock()
	s.livePost("edited", po)
	return nil
}

// React adds (on) or takes back a reaction of the fixed set.
func (s *Service) React(ctx context.Context, p accounts.Principal, postID, reaction string, on bool) (PostView, error) {
	if !slices.Contains(Reactions, reaction) {
		return PostView{}, apperr.Invalid("reaction", "a reaction is one of %v", Reactions)
	}
	s.wmu.Lock()
	s.mu.RLock()
	po, err := s.readablePost(p, postID)
	if err == nil && (po.deleted || po.hidden) {
		err = apperr.New(apperr.NotFound, "the post was removed")
	}
	if err == nil && !s.canWrite(p, po.thread.forum) {
		err = apperr.New(apperr.Forbidden, "you can read this thread but not react in it")
	}
	changed := err == nil && contains(po.reactions[reaction], p.UserID) != on
	s.mu.RUnlock()
	if changed {
		err = s.store(ctx, Event{Kind: evReact, By: p.UserID, Post: postID, Reaction: reaction, On: on})
	}
	s.wmu.Unlock()
	if err != nil {
		return PostView{}, err
	}
	s.mu.RLock()
	v := s.viewPost(p, po, false)
	s.mu.RUnlock()
	if changed {
		s.livePost("reacted", po)
	}
	return s.withCards(p, v), nil
}

// Report tells a forum's moderators about a post (once per person while their report is open).
func (s *Service) Report(ctx context.Context, p accounts.Principal, postID, reason string) error {
	reason, err := record.Text("reason", reason, 1, MaxReason)
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	po, err := s.readablePost(p, postID)
	again := false // the person's earlier report of the post is still open: nothing to add
	for i := 0; err == nil && i < len(s.reports) && !again; i++ {
		r := s.reports[i]
		again = r.post == po && r.by == p.UserID && r.resolvedBy == ""
	}
	if err == nil && !again {
		err = s.allow(p.UserID)
	}
	s.mu.RUnlock()
	if err != nil || again {
		return err
	}
	if err := s.store(ctx, Event{Kind: evReport, By: p.UserID, Post: postID, Body: reason}); err != nil {
		return err
	}
	s.mu.RLock()
	f := s.posts[postID].thread.forum
	s.mu.RUnlock()
	s.publish("forum:"+f.id, "reports", Live{}) // the moderators' queue
	return nil
}

// Resolve resolves a post's open reports (a moderator of the post's forum): dismiss leaves the
// post as it is, hide hides it. One appended event records who resolved them, when and how.
func (s *Service) Resolve(ctx context.Context, p accounts.Principal, postID, action string) ([]ReportView, error) {
	if action != ResolveDismiss && action != ResolveHide {
		return nil, apperr.Invalid("action", "action is %s or %s", ResolveDismiss, ResolveHide)
	}
	s.wmu.Lock()
	s.mu.RLock()
	po, err := s.readablePost(p, postID)
	if err == nil && !s.canModerate(p, po.thread.forum) {
		err = apperr.New(apperr.Forbidden, "only the forum's moderators resolve reports")
	}
	open := 0
	if err == nil {
		for _, r := range s.reports {
			if r.post == po && r.resolvedBy == "" {
				open++
			}
		}
		if open == 0 {
			err = apperr.New(apperr.WrongState, "the post has no open reports")
		}
	}
	hide := err == nil && action == ResolveHide && !po.hidden
	s.mu.RUnlock()
	if err == nil {
		err = s.store(ctx, Event{Kind: evResolve, By: p.UserID, Post: postID, Action: action})
	}
	s.wmu.Unlock()
	if err != nil {
		return nil, err
	}
	if hide {
		s.mu.RLock()
		s.indexPost(po, s.audience(po.thread.forum))
		s.mu.RUnlock()
		s.livePost("edited", po)
	}
	s.mu.RLock()
	f := po.thread.forum
	all, _ := s.reportsFrom(f, ReportsResolved, len(s.reports), len(s.reports))
	s.mu.RUnlock()
	s.publish("forum:"+f.id, "reports", Live{})
	out := []ReportView{}
	for _, r := range all {
		if r.PostID == postID && len(out) < open {
			out = append(out, r)
		}
	}
	return out, nil
}

// Moderation is a moderator's change to a thread; nil leaves a part as it is.
type Moderation struct {
	Pinned, Locked, Hidden *bool
	ForumID                *string // move the thread there (the moderator moderates both)
}

// Moderate pins, locks, hides or moves a thread.
func (s *Service) Moderate(ctx context.Context, p accounts.Principal, threadID string, m Moderation) (ThreadPage, error) {
	if m.Pinned == nil && m.Locked == nil && m.Hidden == nil && m.ForumID == nil {
		return ThreadPage{}, apperr.New(apperr.BadRequest, "nothing to change: give pinned, locked, hidden or forumId")
	}
	s.wmu.Lock()
	s.mu.RLock()
	th, err := s.readableThread(p, threadID)
	if err == nil && !s.canModerate(p, th.forum) {
		err = apperr.New(apperr.Forbidden, "only the forum's moderators do that")
	}
	var to *forum
	if err == nil && m.ForumID != nil && *m.ForumID != th.forum.id {
		to, err = s.readable(p, *m.ForumID)
		if err == nil && !s.canModerate(p, to) {
			err = apperr.New(apperr.Forbidden, "you can move a thread only to a forum you moderate")
		}
		if err != nil {
			err = apperr.Invalid("forumId", "move the thread to a forum you moderate")
		}
	}
	var from *forum
	if th != nil {
		from = th.forum
	}
	s.mu.RUnlock()
	if err == nil && (m.Pinned != nil || m.Locked != nil || m.Hidden != nil) {
		err = s.store(ctx, Event{Kind: evModerate, By: p.UserID, Thread: th.id, Pinned: m.Pinned, Locked: m.Locked, Hidden: m.Hidden})
	}
	if err == nil && to != nil {
		if s.forums[to.id] == nil {
			s.mu.Lock()
			s.forums[to.id] = to
			s.mu.Unlock()
		}
		err = s.store(ctx, Event{Kind: evMove, By: p.UserID, Thread: th.id, Forum: to.id})
	}
	s.wmu.Unlock()
	if err != nil {
		return ThreadPage{}, err
	}
	s.mu.RLock()
	s.indexThread(th)
	s.mu.RUnlock()
	s.liveThread("moderated", th)
	if to != nil {
		s.publish("forum:"+from.id, "moved", Live{})
	}
	return s.Thread(p, th.id, 0, 0, 0)
}

// Read records that p has read a thread up to a post number.
func (s *Service) Read(ctx context.Context, p accounts.Principal, threadID string, upTo int) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	th, err := s.readableThread(p, threadID)
	var was int
	if err == nil {
		upTo = min(upTo, len(th.posts))
		was = s.reads[p.UserID][th.id]
		if upTo < 1 {
			err = apperr.Invalid("upTo", "read up to a post number")
		}
	}
	s.mu.RUnlock()
	if err != nil || upTo <= was {
		return err
	}
	return s.store(ctx, Event{Kind: evRead, By: p.UserID, Thread: th.id, UpTo: upTo})
}

// Visit records p's visit to a forum: its threads active since show as new on the next visit.
func (s *Service) Visit(ctx context.Context, p accounts.Principal, forumID string) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	f, err := s.readable(p, forumID)
	s.mu.RUnlock()
	if err != nil {
		return err
	}
	s.ensure(f)
	return s.store(ctx, Event{Kind: evVisit, By: p.UserID, Forum: f.id})
}

func (s *Service) ensure(f *forum) {
	s.mu.Lock()
	if s.forums[f.id] == nil {
		s.forums[f.id] = f
	}
	s.mu.Unlock()
}

// NewCircle is a peer circle to open: its title, the group the opener coordinates and the other
// groups invited (their coordinators join).
type NewCircle struct {
	Title     string
	Workspace string
	Invite    []string
}

// OpenCircle opens a peer circle.
func (s *Service) OpenCircle(ctx context.Context, p accounts.Principal, in NewCircle) (ForumView, error) {
	title, err := record.Text("title", in.Title, 1, MaxTitle)
	if err != nil {
		return ForumView{}, err
	}
	if !record.Valid(in.Workspace) || s.d.Workspaces.Role(p.UserID, in.Workspace) != "coordinator" {
		return ForumView{}, apperr.Invalid("workspaceId", "open a circle for a group you coordinate")
	}
	groups := []string{in.Workspace}
	for _, ws := range in.Invite {
		if _, ok := s.d.Workspaces.Name(ws); !record.Valid(ws) || !ok {
			return ForumView{}, apperr.Invalid("invite", "no group %q", ws)
		}
		if !contains(groups, ws) {
			groups = append(groups, ws)
		}
	}
	if len(groups) < 2 {
		return ForumView{}, apperr.Invalid("invite", "a peer circle is for two or more groups: invite at least one other")
	}
	if len(groups) > 50 {
		return ForumView{}, apperr.Invalid("invite", "a peer circle has at most 50 groups")
	}
	s.wmu.Lock()
	id := record.New()
	err = s.store(ctx, Event{Kind: evCircle, By: p.UserID, Forum: id, Title: title, Workspaces: groups, Workspace: in.Workspace})
	s.wmu.Unlock()
	if err != nil {
		return ForumView{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.viewForum(p, s.forums[id]), nil
}

// GroupLister lists every group (the forums' Workspaces may offer it): whom a circle may invite.
type GroupLister interface {
	Groups() []Group
}

// CircleGroups returns the groups p may open a circle for (those p coordinates) and the groups
// p may invite (every other group), by name.
func (s *Service) CircleGroups(p accounts.Principal) (mine, others []Group, err error) {
	gl, ok := s.d.Workspaces.(GroupLister)
	if !ok {
		return nil, nil, apperr.New(apperr.NotFound, "no group list")
	}
	mine, others = []Group{}, []Group{}
	for _, g := range gl.Groups() {
		if s.d.Workspaces.Role(p.UserID, g.ID) == "coordinator" {
			mine = append(mine, g)
		} else {
			others = append(others, g)
		}
	}
	if len(mine) == 0 {
		return nil, nil, apperr.New(apperr.Forbidden, "only a group's coordinator opens a peer circle")
	}
	return mine, others, nil
}

// JoinCircle joins a group to a circle it is invited to (the group's coordinator).
func (s *Service) JoinCircle(ctx context.Context, p accounts.Principal, circleID, workspaceID string) (ForumView, error) {
	s.wmu.Lock()
	s.mu.RLock()
	f := s.forums[circleID]
	var err error
	switch {
	case !record.Valid(circleID) || f == nil || f.circle == nil || (!s.canRead(p, f) && s.invitedCoordinator(p, f) == ""):
		err = apperr.New(apperr.NotFound, "no such circle")
	case !contains(f.circle.invited, workspaceID) || s.d.Workspaces.Role(p.UserID, workspaceID) != "coordinator":
		err = apperr.Invalid("workspaceId", "join with an invited group you coordinate")
	}
	already := err == nil && contains(f.circle.joined, workspaceID)
	s.mu.RUnlock()
	if err == nil && !already {
		err = s.store(ctx, Event{Kind: evJoin, By: p.UserID, Forum: circleID, Workspace: workspaceID})
	}
	s.wmu.Unlock()
	if err != nil {
		return ForumView{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, th := range f.threads { // the audience grew
		s.indexThread(th)
	}
	return s.viewForum(p, f), nil
}

// ---- notifications ------------------------------------------------------------------------

func (s *Service) send(ctx context.Context, ns []Notice) {
	if len(ns) == 0 {
		return
	}
	if err := s.d.Notify(ctx, ns); err != nil {
		s.d.Log.Error("forum notifications not delivered", "people", len(ns), "err", err)
	}
}

// Preview renders a body as a post would show it (the reply box's preview); nothing is stored.
func (s *Service) Preview(body string) (string, error) {
	body, err := record.Text("body", body, 0, MaxBody)
	if err != nil {
		return "", err
	}
	return render(body), nil
}
