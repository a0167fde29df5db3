package practices

import (
	"context"
	"slices"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/watching"
)

// Notification levels on practices (server/watching). A person's level on a practice is what
// they chose, or else watch for its authors (who wrote it, and who submitted any of its
// published versions) and normal for everyone else.
//
//   - watch: every review decision that concerns them, every adoption report and every newly
//     published version;
//   - normal: what is addressed to them only (a coordinator is asked to review; the submitter
//     hears the review's outcome);
//   - mute: nothing at all about the practice.

// NotePublished tells a practice's watchers of its new published version.
const NotePublished = "published"

// Levels is the store of chosen levels (watching.Store).
type Levels interface {
	Level(user, kind, target string) (string, bool)
	Watchers(kind, target string) []string
	Set(ctx context.Context, user, kind, target, level string) error
}

// authors are the people who watch a practice unless they chose otherwise (mu held).
func authors(pr *practice) []string {
	out := []string{pr.rec.AuthorID}
	for _, v := range pr.versions {
		out = append(out, v.AuthorID)
	}
	return uniq(out...)
}

// level is a person's level on a practice (mu held).
func (s *Service) level(user string, pr *practice) string {
	if s.d.Levels != nil {
		if l, ok := s.d.Levels.Level(user, watching.Practice, pr.rec.ID); ok {
			return l
		}
	}
	if slices.Contains(authors(pr), user) {
		return watching.Watch
	}
	return watching.Normal
}

// SetLevel sets p's notification level on a practice p reads.
func (s *Service) SetLevel(ctx context.Context, p accounts.Principal, id, level string) error {
	if !watching.Valid(level) {
		return apperr.Invalid("level", "level is watch, normal or mute")
	}
	pr, err := s.get(p, id)
	if err != nil {
		return err
	}
	if !signedIn(p) {
		return apperr.New(apperr.Unauthenticated, "sign in first")
	}
	if s.d.Levels == nil {
		return apperr.New(apperr.Internal, "notification levels are not wired")
	}
	return s.d.Levels.Set(ctx, p.UserID, watching.Practice, pr.rec.ID, level)
}

// Describe names a practice p may read for p's list of levels.
func (s *Service) Describe(p accounts.Principal, id string) (name string, ok bool) {
	pr, err := s.get(p, id)
	if err != nil {
		return "", false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.practiceName(p, pr), true
}

// tell delivers notes addressed to people (left out: those who muted the practice) and, when
// watchers is given, the same news to everyone watching the practice who was not told yet.
func (s *Service) tell(ctx context.Context, pr *practice, notes []Note, watchers *Note) {
	s.mu.RLock()
	told := map[string]bool{}
	out := make([]Note, 0, len(notes))
	for _, n := range notes {
		told[n.UserID] = true
		if s.level(n.UserID, pr) != watching.Mute {
			out = append(out, n)
		}
	}
	if watchers != nil {
		candidates := authors(pr)
		if s.d.Levels != nil {
			candidates = append(candidates, s.d.Levels.Watchers(watching.Practice, pr.rec.ID)...)
		}
		slices.Sort(candidates)
		for _, u := range slices.Compact(candidates) {
			if told[u] || u == watchers.ActorID || s.level(u, pr) != watching.Watch || !s.canRead(accounts.Principal{UserID: u}, pr) {
				continue
			}
			told[u] = true
			n := *watchers
			n.UserID = u
			out = append(out, n)
		}
	}
	s.mu.RUnlock()
	s.notify(ctx, out)
}

// UseLevels wires the store of notification levels (before serving).
func (s *Service) UseLevels(l Levels) { s.d.Levels = l }
