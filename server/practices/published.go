package practices

import "time"

// Published is what other services read of a published practice: where it comes from, what it
// is about (its newest published version) and when it was first published.
type Published struct {
	ID             string
	WorkspaceID    string
	RegionID       string
	NationalGoals  []string
	Themes         []string
	FirstPublished time.Time
}

// EachPublished calls f with every published practice (in no order), under the service's read
// lock: f must not call back into the library.
func (s *Service) EachPublished(f func(Published)) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, pr := range s.all {
		last := pr.latest()
		if last == nil {
			continue
		}
		f(Published{ID: pr.rec.ID, WorkspaceID: pr.rec.WorkspaceID, RegionID: last.Fields.RegionID,
			NationalGoals: last.Fields.NationalGoals, Themes: last.Fields.Themes, FirstPublished: pr.firstPublished()})
	}
}

// OnPublish registers f to be told (on the publishing request's goroutine, so it must return
// quickly) after a new version of a practice is published; call before serving.
func (s *Service) OnPublish(f func()) { s.onPublish = append(s.onPublish, f) }

func (s *Service) published() {
	for _, f := range s.onPublish {
		f()
	}
}
