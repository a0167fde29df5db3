package accounts

import (
	"context"
	"sync"
	"time"

	"github.com/elo-workspace/elo-workspace/server/record"
)

// SessionTable is the durable store of sessions: a record table that can also drop many
// records at once (ended sessions are deleted, never kept).
type SessionTable interface {
	record.Table[Session]
	DeleteIDs(ctx context.Context, ids []string) error
}

// PruneEvery is how often ended sessions are dropped from memory and the store.
const PruneEvery = time.Hour

// pruneBatch is the most session ids one delete names.
const pruneBatch = 500

// ended reports whether a session can no longer be used: signed out (revoked) or expired.
func (se Session) ended(now time.Time) bool { return se.Revoked || !now.Before(se.ExpiresAt) }

// deleteSessions removes sessions from the store, a batch of ids per walk of the collection.
func (s *Service) deleteSessions(ctx context.Context, ids []string) error {
	for len(ids) > 0 {
		n := min(len(ids), pruneBatch)
		if err := s.st.Sessions.DeleteIDs(ctx, ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// PruneSessions drops the sessions that have ended (revoked or expired) from the store and
// then from memory, and returns how many. The store goes first: a restart after a failed
// delete skips them anyway (Load keeps no ended session) and deletes them then.
func (s *Service) PruneSessions(ctx context.Context) (int, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	now := s.now()
	s.mu.RLock()
	var ended []Session
	for _, se := range s.sessions {
		if se.ended(now) {
			ended = append(ended, se)
		}
	}
	s.mu.RUnlock()
	if len(ended) == 0 {
		return 0, nil
	}
	ids := make([]string, len(ended))
	for i, se := range ended {
		ids[i] = se.ID
	}
	if err := s.deleteSessions(ctx, ids); err != nil {
		return 0, err
	}
	s.mu.Lock()
	for _, se := range ended {
		delete(s.sessions, se.ID)
		for _, h := range append([]string{se.TokenHash}, se.PreviousHashes...) {
			if s.byToken[h] == se.ID {
				delete(s.byToken, h)
			}
		}
	}
	s.mu.Unlock()
	return len(ended), nil
}

// pruner runs PruneSessions every PruneEvery until Close.
type pruner struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

// StartPruning drops ended sessions every interval, on its own goroutine, until Close.
func (s *Service) StartPruning(every time.Duration) {
	p := &pruner{stop: make(chan struct{}), done: make(chan struct{})}
	s.pruning = p
	go func() {
		defer close(p.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
				n, err := s.PruneSessions(ctx)
				cancel()
				if err != nil {
					s.log.Warn("pruning ended sessions failed", "err", err)
				} else if n > 0 {
					s.log.Info("pruned ended sessions", "count", n)
				}
			}
		}
	}()
}

// Close stops the pruning (it waits for a prune in progress).
func (s *Service) Close() {
	if p := s.pruning; p != nil {
		p.once.Do(func() { close(p.stop) })
		<-p.done
	}
}
