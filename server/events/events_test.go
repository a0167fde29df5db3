package events

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/realtime"
)

// socket records frames; a stuck socket blocks every write and close until released, like a
// peer that stopped reading.
type socket struct {
	mu      sync.Mutex
	frames  [][]byte
	code    int
	stuck   chan struct{}
	written chan struct{}
	closed  chan struct{} // closed at the first Close
}

func newSocket(stuck bool) *socket {
	s := &socket{written: make(chan struct{}, 1000), closed: make(chan struct{})}
	if stuck {
		s.stuck = make(chan struct{})
	}
	return s
}

func (s *socket) Write(f []byte) error {
	if s.stuck != nil {
		<-s.stuck
	}
	s.mu.Lock()
	s.frames = append(s.frames, append([]byte(nil), f...))
	s.mu.Unlock()
	s.written <- struct{}{}
	return nil
}

func (s *socket) Close(code int, _ string) {
	if s.stuck != nil {
		<-s.stuck
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.code == 0 {
		s.code = code
		close(s.closed)
	}
}

func (s *socket) closeCode() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.code
}

func (s *socket) messages() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []map[string]any
	for _, f := range s.frames {
		var batch []map[string]any
		_ = json.Unmarshal(f, &batch)
		out = append(out, batch...)
	}
	return out
}

func TestPublishNeverWaitsForAStuckConnection(t *testing.T) {
	b := New(nil)
	stuck := newSocket(true)
	c := b.Connect(accounts.Principal{UserID: "u1"}, stuck)
	fast := newSocket(false)
	b.Connect(accounts.Principal{UserID: "u1"}, fast)

	done := make(chan struct{})
	go func() {
		for i := 0; i < 10*realtime.QueueFrames; i++ {
			b.Publish(UserTopic("u1"), "notification", map[string]int{"n": i})
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second): // only ends a hung test
		t.Fatal("Publish waited for a stuck connection")
	}
	<-c.Closed()       // closed as too slow, not waited for
	close(stuck.stuck) // the peer wakes up: the pending close completes
	<-stuck.closed
	c.Leave()
	if code := stuck.closeCode(); code != realtime.CloseTooSlow {
		t.Fatalf("stuck connection closed with %d", code)
	}
}

func TestTopicsAreCheckedByTheirPrefix(t *testing.T) {
	b := New(nil)
	b.Authorize("thread:", func(p accounts.Principal, topic string) bool { return p.UserID == "u1" })
	b.Authorize("thread:secret", func(accounts.Principal, string) bool { return false })
	p := accounts.Principal{UserID: "u1"}
	for topic, want := range map[string]string{
		"thread:1": "", "thread:secret1": "forbidden", "user:u1": "", "user:u2": "forbidden", "forum": "not_found",
	} {
		err := b.check(p, topic)
		got := ""
		if err != nil {
			got = string(apperr.From(err).Code)
		}
		if got != want {
			t.Errorf("%s: %q, want %q", topic, got, want)
		}
	}
}

func BenchmarkPublishToManyListeners(b *testing.B) {
	for _, n := range []int{1, 100, 1000} {
		b.Run(fmt.Sprint(n, " listeners"), func(b *testing.B) {
			bus := New(nil)
			bus.Authorize("national", func(accounts.Principal, string) bool { return true })
			var conns []*Conn
			for i := 0; i < n; i++ {
				c := bus.Connect(accounts.Principal{UserID: fmt.Sprint("u", i)}, newDiscard())
				c.Receive([]byte(`{"type":"subscribe","topics":["national"]}`))
				conns = append(conns, c)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				bus.Publish("national", "changed", map[string]int{"i": i})
			}
			b.StopTimer()
			for _, c := range conns {
				c.Leave()
			}
		})
	}
}

type discard struct{}

func newDiscard() discard                { return discard{} }
func (discard) Write([]byte) error       { return nil }
func (discard) Close(code int, _ string) {}
