package forums

import (
	"context"
	"fmt"
	"slices"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/mention"
	"github.com/elo-workspace/elo-workspace/server/watching"
)

// Notification levels (server/watching) on forums and threads, and who is told of a new post.
//
// A person's level on a thread, the first that applies:
//  1. what they chose for the thread (watch, normal, mute);
//  2. watch when they started the thread or followed it before levels existed (old "follow"
//     events load as watch);
//  3. what they chose for the thread's forum when it is watch or mute (or an old forum follow:
//     watch): a thread's level overrides its forum's;
//  4. normal.
//
// So the defaults are Discourse's: the threads you start are watched; the threads you reply in
// are at normal, which tells you of replies to you (a post quoting yours) and mentions of you;
// other threads and forums are at normal until you choose. Watch tells you of every new post,
// mute of nothing (not even mentions), and a muted thread's posts do not count as unread.

// Levels is the store of chosen levels (watching.Store).
type Levels interface {
	Level(user, kind, target string) (string, bool)
	Watchers(kind, target string) []string
	Set(ctx context.Context, user, kind, target, level string) error
}

func (s *Service) chosen(user, kind, target string) (string, bool) {
	if s.d.Levels == nil || user == "" {
		return "", false
	}
	return s.d.Levels.Level(user, kind, target)
}

// forumLevel is a person's level on a forum (mu held).
func (s *Service) forumLevel(user string, f *forum) string {
	if l, ok := s.chosen(user, watching.Forum, f.id); ok {
		return l
	}
	if f.follows[user] {
		return watching.Watch
	}
	return watching.Normal
}

// threadLevel is a person's level on a thread (mu held).
func (s *Service) threadLevel(user string, th *thread) string {
	if l, ok := s.chosen(user, watching.Thread, th.id); ok {
		return l
	}
	if th.follows[user] {
		return watching.Watch
	}
	if l := s.forumLevel(user, th.forum); l != watching.Normal {
		return l
	}
	return watching.Normal
}

// SetLevel sets p's notification level on a thread (threadID) or a whole forum (forumID).
func (s *Service) SetLevel(ctx context.Context, p accounts.Principal, forumID, threadID, level string) error {
	if !watching.Valid(level) {
		return apperr.Invalid("level", "level is watch, normal or mute")
	}
	if s.d.Levels == nil {
		return apperr.New(apperr.Internal, "notification levels are not wired")
	}
	s.mu.RLock()
	var err error
	var f *forum
	if threadID != "" {
		_, err = s.readableThread(p, threadID)
	} else {
		f, err = s.readable(p, forumID)
	}
	s.mu.RUnlock()
	if err != nil {
		return err
	}
	defer s.levels.Add(1) // after the change: the forum counts kept for readers are out of date
	if f != nil {
		s.ensure(f)
		return s.d.Levels.Set(ctx, p.UserID, watching.Forum, f.id, level)
	}
	return s.d.Levels.Set(ctx, p.UserID, watching.Thread, threadID, level)
}

// Follow is the older form of SetLevel: following is watch, not following is normal.
func (s *Service) Follow(ctx context.Context, p accounts.Principal, forumID, threadID string, on bool) error {
	level := watching.Normal
	if on {
		level = watching.Watch
	}
	return s.SetLevel(ctx, p, forumID, threadID, level)
}

// Target is a forum or thread a person chose a level for, as their list of levels shows it.
type Target struct {
	Names *Names `json:"names,omitempty"` // a forum's name
	Title string `json:"title,omitempty"` // a thread's title
	Link  string `json:"link"`
}

// Describe names a forum or thread p may read for p's list of levels (false: p may not read it).
func (s *Service) Describe(p accounts.Principal, kind, id string) (Target, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	switch kind {
	case watching.Forum:
		f, err := s.readable(p, id)
		if err != nil {
			return Target{}, false
		}
		n := s.forumHead(p, f).Names
		return Target{Names: &n, Link: "/forums/" + f.id}, true
	case watching.Thread:
		th, err := s.readableThread(p, id)
		if err != nil {
			return Target{}, false
		}
		return Target{Title: th.title, Link: ThreadLink(th.id)}, true
	}
	return Target{}, false
}

// notify tells, about a new post: the people it mentions (kind "mention"), the author of the
// post it quotes or else the thread's starter ("reply"), and the people watching the thread
// ("followed", see threadLevel); each person once, never the author, only people who can read
// the thread, and nobody who muted it.
func (s *Service) notify(ctx context.Context, p accounts.Principal, po *post, quoted *post) {
	if s.d.Notify == nil {
		return
	}
	s.mu.RLock()
	th := po.thread
	actor := s.name(p.UserID)
	told := map[string]bool{p.UserID: true}
	var ns []Notice
	add := func(uid, kind string) {
		if told[uid] {
			return
		}
		told[uid] = true
		u, ok := s.d.Accounts.User(uid)
		if !ok || !s.canReadThread(accounts.Principal{UserID: u.ID, IsAdmin: u.IsAdmin}, th) {
			return
		}
		if level := s.threadLevel(uid, th); level == watching.Mute || (kind == "followed" && level != watching.Watch) {
			return
		}
		ns = append(ns, Notice{UserID: uid, Kind: kind, ActorID: p.UserID, ActorName: actor, WorkspaceID: th.forum.workspace,
			Subject: th.title, Excerpt: excerpt(po.body, 200), Link: fmt.Sprintf("%s?post=%d", ThreadLink(th.id), po.n), At: po.created})
	}
	for _, id := range mention.IDs(po.body) {
		add(id, "mention")
	}
	if quoted != nil {
		add(quoted.author, "reply")
	} else if po.n > 1 {
		add(th.author, "reply")
	}
	for _, id := range s.watchCandidates(th) {
		add(id, "followed")
	}
	s.mu.RUnlock()
	s.send(ctx, ns)
}

// watchCandidates are the people who may be watching a thread, in a stable order: those who
// chose watch on it or its forum, and its old followers (mu held).
func (s *Service) watchCandidates(th *thread) []string {
	var ids []string
	for id := range th.follows {
		ids = append(ids, id)
	}
	for id := range th.forum.follows {
		ids = append(ids, id)
	}
	if s.d.Levels != nil {
		ids = append(ids, s.d.Levels.Watchers(watching.Thread, th.id)...)
		ids = append(ids, s.d.Levels.Watchers(watching.Forum, th.forum.id)...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// mentions tells the people an edited post newly mentions (not those who muted the thread).
func (s *Service) mentions(ctx context.Context, p accounts.Principal, po *post, before []string) {
	if s.d.Notify == nil {
		return
	}
	s.mu.RLock()
	var ns []Notice
	for _, id := range mention.IDs(po.body) {
		if id == p.UserID || contains(before, id) {
			continue
		}
		u, ok := s.d.Accounts.User(id)
		if !ok || !s.canReadThread(accounts.Principal{UserID: u.ID, IsAdmin: u.IsAdmin}, po.thread) || s.threadLevel(id, po.thread) == watching.Mute {
			continue
		}
		ns = append(ns, Notice{UserID: id, Kind: "mention", ActorID: p.UserID, ActorName: s.name(p.UserID), WorkspaceID: po.thread.forum.workspace,
			Subject: po.thread.title, Excerpt: excerpt(po.body, 200), Link: fmt.Sprintf("%s?post=%d", ThreadLink(po.thread.id), po.n), At: s.now().UTC()})
	}
	s.mu.RUnlock()
	s.send(ctx, ns)
}

// UseLevels wires the store of notification levels (before serving).
func (s *Service) UseLevels(l Levels) { s.d.Levels = l }

// muted reports whether a person muted a thread, knowing whether they muted its forum: the
// same answer as threadLevel(...) == mute, with one lookup per thread (the forum list counts
// unread threads by it).
func (s *Service) muted(user string, th *thread, forumMuted bool) bool {
	if l, ok := s.chosen(user, watching.Thread, th.id); ok {
		return l == watching.Mute
	}
	return forumMuted && !th.follows[user]
}
