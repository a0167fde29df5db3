package e2e

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/eventlog"
	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/store"
)

// The forums' events are packed into chunks once many are stored alone (eventlog): a thread
// written before, during and after the packing reads back whole across restarts, and new
// posts carry on its numbering.
func TestForumEventsPackedIntoChunksSurviveRestarts(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	th := w.newForumThread(w.member, ohjaamo, "Pakattu ketju", "Ensimmäinen")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	db, err := store.Open(ctx, store.Options{URI: mongoURI, Database: w.cfg.Database})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close(ctx)
	records := store.NewTable[forums.Record](db, "forum_events")
	chunks := store.NewTable[eventlog.Chunk](db, "forum_event_chunks")
	have, err := records.All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const written = 2499
	evs := make([]forums.Event, written)
	at := time.Now().UTC().Truncate(time.Millisecond)
	for i := range evs {
		evs[i] = forums.Event{Kind: forums.EventPost, By: w.member.UserID, At: at.Add(time.Duration(i) * time.Millisecond), Thread: th.Thread.ID,
			Post: fmt.Sprintf("%024x", i+1), Body: fmt.Sprintf("Viesti %d", i+2)}
	}
	if err := records.InsertMany(ctx, forums.Records(int64(len(have)+1), evs)); err != nil {
		t.Fatal(err)
	}

	// The start reads them alone and packs them behind it; meanwhile people post.
	w.restart()
	w.post(w.savoMember, th.Thread.ID, "Pakkauksen aikana")
	for {
		alone, err := records.Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cs, err := chunks.All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if alone < eventlog.Every && len(cs) >= 2 {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("not packed: %d records alone, %d chunks", alone, len(cs))
		}
		time.Sleep(50 * time.Millisecond)
	}
	w.post(w.member, th.Thread.ID, "Pakkauksen jälkeen")

	w.restart()
	var tp threadPage
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID+"?after=2495&limit=100", w.coord.Token, nil).json(t, &tp)
	if tp.Thread.Posts != written+3 || len(tp.Posts) != 7 {
		t.Fatalf("after the restart: %d posts, last page %d", tp.Thread.Posts, len(tp.Posts))
	}
	if got := tp.Posts[len(tp.Posts)-1]; got.Body != "Pakkauksen jälkeen" || got.Number != written+3 || tp.Posts[len(tp.Posts)-2].Body != "Pakkauksen aikana" {
		t.Fatalf("the posts written around the packing: %+v", tp.Posts[len(tp.Posts)-3:])
	}
	if p := w.post(w.member, th.Thread.ID, "Uuden alun jälkeen"); p.Number != written+4 {
		t.Fatalf("numbering after the restart: %d", p.Number)
	}
}
