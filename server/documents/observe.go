package documents

import "github.com/elo-workspace/elo-workspace/server/accounts"

// Each calls f with every document as last published (stored, plus what open rooms accepted),
// for readers that aggregate across documents (the national view). f must not keep the
// record's nodes for changing: they are shared.
func (s *Service) Each(f func(Record)) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, r := range s.records {
		f(r)
	}
}

// Published is called with a document each time a new state of it is published: after every
// tick with changes, every metadata change and every new document. Called on the document's
// room goroutine (or the creating request's): it must return quickly and must not call back
// into the service while holding locks of its own that the service's callers take.
type Published func(Record)

// OnPublish registers a watcher; call before serving.
func (s *Service) OnPublish(f Published) { s.watchers = append(s.watchers, f) }

// Tell sends a message (JSON) to everyone who has the document open, if anyone does; used by
// neighbours of the document (comments) whose news its editors should see live.
func (s *Service) Tell(id string, msg []byte) {
	r := s.hub.Existing(id)
	if r == nil {
		return
	}
	r.Go(func() { r.Broadcast(msg) })
}

// CanEdit tells whether p may change the document's content now (coordinators and members of
// its workspace, while the document is not archived or closed).
func (s *Service) CanEdit(p accounts.Principal, id string) bool {
	r, ok := s.record(id)
	if !ok {
		return false
	}
	return s.summary(p, r).CanEdit
}
