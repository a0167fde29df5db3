package forums

import (
	"context"
	"fmt"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/watching"
)

type memChoices struct{ all []watching.Choice }

func (m *memChoices) All(context.Context) ([]watching.Choice, error) { return m.all, nil }
func (m *memChoices) Insert(_ context.Context, c watching.Choice) error {
	m.all = append(m.all, c)
	return nil
}

// Follow events stored before levels existed load as watch; a chosen level overrides them, and
// a thread's level overrides its forum's.
func TestOldFollowsLoadAsWatch(t *testing.T) {
	ctx := context.Background()
	ev := &memEvents{}
	ev.recs = Records(1, []Event{
		{Kind: evThread, By: alice, Forum: themeID, Thread: "d00000000000000000000001", Title: "Ketju", Body: "Alku"},
		{Kind: evFollow, By: bob, Thread: "d00000000000000000000001", On: true},
		{Kind: evFollow, By: bob, Forum: themeID, On: true},
		{Kind: evFollow, By: alice, Thread: "d00000000000000000000001", On: false},
	})
	s, _ := newTest(t, ev)
	levels := watching.New(&memChoices{})
	if err := levels.Load(ctx); err != nil {
		t.Fatal(err)
	}
	s.UseLevels(levels)
	bobP, aliceP := accounts.Principal{UserID: bob}, accounts.Principal{UserID: alice}
	level := func(p accounts.Principal) string {
		page, err := s.Thread(p, "d00000000000000000000001", 0, 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		return page.Thread.Level
	}
	if l := level(bobP); l != watching.Watch {
		t.Errorf("old thread follow: %q", l)
	}
	if l := level(aliceP); l != watching.Normal {
		t.Errorf("starter who unfollowed: %q", l)
	}
	if page, _ := s.Forum(bobP, themeID, "", 0); page.Forum.Level != watching.Watch || !page.Forum.Following {
		t.Errorf("old forum follow: %+v", page.Forum)
	}
	if err := s.SetLevel(ctx, bobP, "", "d00000000000000000000001", watching.Mute); err != nil {
		t.Fatal(err)
	}
	if l := level(bobP); l != watching.Mute {
		t.Errorf("chosen over the old follow: %q", l)
	}
	if err := s.SetLevel(ctx, aliceP, themeID, "", watching.Mute); err != nil {
		t.Fatal(err)
	}
	if l := level(aliceP); l != watching.Mute {
		t.Errorf("forum muted: %q", l)
	}
	if err := s.SetLevel(ctx, aliceP, "", "d00000000000000000000001", watching.Watch); err != nil {
		t.Fatal(err)
	}
	if l := level(aliceP); l != watching.Watch {
		t.Errorf("thread over forum: %q", l)
	}
	if err := s.SetLevel(ctx, aliceP, themeID, "", "loud"); err == nil {
		t.Error("an unknown level was taken")
	}
}

// The forum list counts unread threads, leaving muted ones out: a level is looked up per
// unread thread.
func BenchmarkForumListWithLevels(b *testing.B) {
	evs := make([]Event, 0, 5000)
	for i := range 5000 {
		evs = append(evs, Event{Kind: evThread, By: alice, Forum: themeID, Thread: fmt.Sprintf("d%023d", i), Title: "Ketju", Body: "Alku"})
	}
	s, _ := newTest(b, &memEvents{recs: Records(1, evs)})
	levels := watching.New(&memChoices{})
	_ = levels.Load(context.Background())
	s.UseLevels(levels)
	ctx := context.Background()
	_ = s.SetLevel(ctx, accounts.Principal{UserID: bob}, "", "d00000000000000000000007", watching.Mute)
	b.ReportAllocs()
	for b.Loop() {
		if fs := s.Forums(accounts.Principal{UserID: bob}); fs[0].Unread != 4999 {
			b.Fatalf("unread: %d", fs[0].Unread)
		}
	}
}
