package notifications

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/store"
)

// seed stores n notifications for 100 people straight into the table.
func seed(b *testing.B, f *fixture, n int) []string {
	users := make([]string, 100)
	for i := range users {
		users[i] = record.New()
	}
	var batch []Notification
	at := time.Now().UTC().Truncate(time.Millisecond)
	for i := 0; i < n; i++ {
		batch = append(batch, Notification{ID: record.New(), UserID: users[i%len(users)], Kind: KindMention, ActorID: users[(i+1)%len(users)],
			ActorName: "Aino Actor", Subject: "Strategy", Excerpt: "a mention of someone in a comment", Link: "/x", At: at, Seq: int64(i + 1)})
		if len(batch) == 1000 {
			if err := store.NewTable[Notification](f.db, "notifications").InsertMany(context.Background(), batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	return users
}

// The cost of sending, marking read and loading with 10,000 notifications stored: sending and
// marking are inserts, so they do not grow with the collection; loading does (on the embedded
// database every stored record is converted at start).
func BenchmarkWithTenThousandStored(b *testing.B) {
	f := open(b)
	users := seed(b, f, 10_000)
	ctx := context.Background()
	b.Run("Load", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			f.reload(b)
		}
	})
	b.Run("Send", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := f.svc.Send(ctx, mention(users[i%100], users[(i+1)%100], fmt.Sprint("m", i))); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("MarkOneRead", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			p := accounts.Principal{UserID: users[i%100]}
			page, _ := f.svc.List(p, 100, "")
			var id string
			for _, n := range page.Notifications {
				if !n.Read {
					id = n.ID
					break
				}
			}
			if id == "" {
				b.Skip("all read")
			}
			if _, err := f.svc.MarkRead(ctx, p, []string{id}, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("List20", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			_, _ = f.svc.List(accounts.Principal{UserID: users[i%100]}, 20, "")
		}
	})
}
