package notifymail

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/mail"
	"github.com/elo-workspace/elo-workspace/server/notifications"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// memLog is an append-only table in memory (the service's cost, not the database's).
type memLog[T any] struct {
	mu   sync.Mutex
	docs []T
}

func (m *memLog[T]) All(context.Context) ([]T, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]T(nil), m.docs...), nil
}
func (m *memLog[T]) Append(_ context.Context, d []T) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.docs = append(m.docs, d...)
	return nil
}

type nopPub struct{}

func (nopPub) Publish(string, string, any) {}

type countMail struct{ n int }

func (c *countMail) SendMessage(context.Context, mail.Message) error { c.n++; return nil }

// The sender's cost on a national-scale inbox: 600 people with 50 unread notifications each
// (replies; a weekly digest by default). Steady is RunDue between slots once the week's digests
// are out (what the sender does every 30 seconds); Slot is the first run after a slot, which
// writes the 600 digests (to a counting mailer).
func BenchmarkRunDue(b *testing.B) {
	ns := notifications.New(&memLog[notifications.Notification]{}, &memLog[notifications.ReadMark]{}, nopPub{}, nil)
	people := people{}
	var users []string
	for i := 0; i < 600; i++ {
		id := record.New()
		users = append(users, id)
		people[id] = accounts.User{ID: id, Name: fmt.Sprint("Person ", i), Email: fmt.Sprintf("p%d@elo.test", i), Language: "fi"}
	}
	m := &countMail{}
	s := New(&memLog[Choice]{}, &memLog[Delivery]{}, Deps{Notifications: ns, People: people, Mail: m, PublicURL: "http://elo.test",
		SigningKey: []byte("0123456789abcdef0123456789abcdef")})
	ctx := context.Background()
	for round := 0; round < 50; round++ {
		batch := make([]notifications.Notification, 0, len(users))
		for i, u := range users {
			batch = append(batch, notifications.Notification{UserID: u, Kind: notifications.KindReply, ActorID: users[(i+1)%len(users)],
				ActorName: "Aino", Subject: "Ohjaamon aukioloajat", Excerpt: "Vastaus ketjuun", Link: "/threads/x"})
		}
		if err := ns.Send(ctx, batch...); err != nil {
			b.Fatal(err)
		}
	}
	slot := SlotOf(time.Now().Add(7*24*time.Hour), Weekly).Add(time.Minute)
	b.Run("Slot", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			s.mu.Lock()
			s.digests = map[string]map[string]Delivery{}
			s.mu.Unlock()
			b.StartTimer()
			if err := s.RunDue(ctx, slot); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(m.n)/float64(b.N), "emails/op")
	})
	b.Run("Steady", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := s.RunDue(ctx, slot.Add(time.Hour)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
