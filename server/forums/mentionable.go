package forums

import (
	"iter"
	"slices"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/mention"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// MaxMentionable is how many people a mention suggestion lists.
const MaxMentionable = 8

// People finds people by name for @mention suggestions (server/app: accounts, with the
// organisations' names from the directory).
type People interface {
	// Named yields the people whose name matches q (mention.Matches), by name.
	Named(q string) iter.Seq[accounts.User]
	// Organisation names an organisation ("" when unknown).
	Organisation(id string) string
}

// UsePeople connects what mention suggestions search (nil: none are made).
func (s *Service) UsePeople(p People) { s.people = p }

// Mentionable is one person a post may mention.
type Mentionable struct {
	UserID       string `json:"userId"`
	Name         string `json:"name"`
	Organisation string `json:"organisation,omitempty"`
}

// MentionableInThread lists up to MaxMentionable people who can read the thread and whose name
// matches q (any word starts with it, case and accents folded): the thread's participants
// first (the latest first), then the others by name. The asker is left out.
func (s *Service) MentionableInThread(p accounts.Principal, threadID, q string) ([]Mentionable, error) {
	s.mu.RLock()
	th, err := s.readableThread(p, threadID)
	if err != nil {
		s.mu.RUnlock()
		return nil, err
	}
	scope := s.readersOf(th.forum, th.hidden)
	var first []string // participants, latest first
	for i := len(th.posts) - 1; i >= 0; i-- {
		if a := th.posts[i].author; !slices.Contains(first, a) {
			first = append(first, a)
		}
	}
	if !slices.Contains(first, th.author) {
		first = append(first, th.author)
	}
	s.mu.RUnlock()
	return s.mentionable(p, scope, first, q), nil
}

// MentionableInForum is MentionableInThread for the first post of a new thread in the forum.
func (s *Service) MentionableInForum(p accounts.Principal, forumID, q string) ([]Mentionable, error) {
	if !record.Valid(forumID) {
		return nil, apperr.New(apperr.InvalidID, "not a valid forum id")
	}
	s.mu.RLock()
	f := s.lookup(forumID)
	if f == nil || !s.canRead(p, f) {
		s.mu.RUnlock()
		return nil, apperr.New(apperr.NotFound, "no such forum")
	}
	scope := s.readersOf(f, false)
	s.mu.RUnlock()
	return s.mentionable(p, scope, nil, q), nil
}

// readersOf is a copy of who may read a forum (or a hidden thread of it), to decide outside s.mu.
func (s *Service) readersOf(f *forum, hidden bool) *thread {
	cf := &forum{id: f.id, kind: f.kind, workspace: f.workspace}
	if f.circle != nil {
		cf.circle = &circle{joined: slices.Clone(f.circle.joined)}
	}
	return &thread{forum: cf, hidden: hidden}
}

func (s *Service) mentionable(p accounts.Principal, scope *thread, first []string, q string) []Mentionable {
	if s.people == nil {
		return []Mentionable{}
	}
	reads := func(u accounts.User) bool {
		return u.ID != p.UserID && s.canReadThread(accounts.Principal{UserID: u.ID, IsAdmin: u.IsAdmin}, scope)
	}
	match := mention.Matcher(q)
	out := make([]Mentionable, 0, MaxMentionable)
	seen := make(map[string]bool, MaxMentionable)
	add := func(u accounts.User) {
		seen[u.ID] = true
		out = append(out, Mentionable{UserID: u.ID, Name: u.Name, Organisation: s.people.Organisation(u.OrganisationID)})
	}
	for _, id := range first {
		if len(out) == MaxMentionable {
			return out
		}
		if u, ok := s.d.Accounts.User(id); ok && !seen[id] && match(u.Name) && reads(u) {
			add(u)
		}
	}
	for u := range s.people.Named(q) {
		if len(out) == MaxMentionable {
			break
		}
		if !seen[u.ID] && reads(u) {
			add(u)
		}
	}
	return out
}
