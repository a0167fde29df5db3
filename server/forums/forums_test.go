package forums

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/search"
)

type memEvents struct {
	mu   sync.Mutex
	recs []Record
}

func (m *memEvents) All(context.Context) ([]Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Record(nil), m.recs...), nil
}

func (m *memEvents) Insert(_ context.Context, r Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.recs = append(m.recs, r)
	return nil
}

type groups map[string]map[string]string // user -> workspace -> role

func (g groups) Role(u, ws string) string         { return g[u][ws] }
func (g groups) Roles(u string) map[string]string { return g[u] }
func (g groups) Name(ws string) (string, bool)    { return "Ryhmä " + ws[:4], ws == wsA || ws == wsB }

type themes struct{}

func (themes) Themes() []Theme {
	return []Theme{{ID: themeID, Code: "ohjaamo", NameFI: "Ohjaamot", NameSV: "Navigatorn", NameEN: "Ohjaamo"}}
}

type people struct{}

func (people) User(id string) (accounts.User, bool) {
	return accounts.User{ID: id, Name: "Henkilö " + id[:4]}, true
}

type index struct {
	mu sync.Mutex
	m  map[string]search.Entry
}

func (ix *index) Put(e search.Entry)  { ix.mu.Lock(); ix.m[e.Kind+"/"+e.ID] = e; ix.mu.Unlock() }
func (ix *index) Remove(k, id string) { ix.mu.Lock(); delete(ix.m, k+"/"+id); ix.mu.Unlock() }

const (
	themeID = "aaaaaaaaaaaaaaaaaaaaaaaa"
	wsA     = "bbbbbbbbbbbbbbbbbbbbbbbb"
	wsB     = "cccccccccccccccccccccccc"
	alice   = "a11ce0000000000000000000"
	bob     = "b0b000000000000000000000"
)

func newTest(t testing.TB, ev *memEvents) (*Service, *index) {
	ix := &index{m: map[string]search.Entry{}}
	s := New(ev, Deps{Workspaces: groups{alice: {wsA: "coordinator"}, bob: {wsB: "member"}}, Themes: themes{}, Accounts: people{}, Index: ix, Burst: 1 << 20, Every: time.Millisecond})
	if err := s.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s, ix
}

func TestReplayAndPaging(t *testing.T) {
	ev := &memEvents{}
	s, ix := newTest(t, ev)
	ctx := context.Background()
	a, b := accounts.Principal{UserID: alice}, accounts.Principal{UserID: bob}
	var threads []string
	for i := 0; i < 120; i++ {
		tp, err := s.Start(ctx, a, themeID, NewThread{Title: fmt.Sprintf("Ketju %d", i), Body: "Alku"})
		if err != nil {
			t.Fatal(err)
		}
		threads = append(threads, tp.Thread.ID)
	}
	if _, err := s.Reply(ctx, b, threads[5], "Vastaus **tähän**", ""); err != nil {
		t.Fatal(err)
	}
	// Reload from the events: the same state.
	s2, _ := newTest(t, ev)
	for _, svc := range []*Service{s, s2} {
		var seen []string
		cursor := ""
		for {
			page, err := svc.Forum(b, themeID, cursor, 50)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range page.Threads {
				seen = append(seen, h.ID)
			}
			if page.Next == "" {
				break
			}
			cursor = page.Next
		}
		uniq := map[string]bool{}
		for _, id := range seen {
			uniq[id] = true
		}
		if len(seen) != 120 || len(uniq) != 120 {
			t.Fatalf("paged %d threads, %d different", len(seen), len(uniq))
		}
	}
	// Private area: bob is not in wsA.
	if _, err := s.Start(ctx, b, wsA, NewThread{Title: "x", Body: "y"}); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("outsider in a private area: %v", err)
	}
	tp, err := s.Start(ctx, a, wsA, NewThread{Title: "Oma", Body: "Sisäinen"})
	if err != nil {
		t.Fatal(err)
	}
	if e := ix.m["thread/"+tp.Thread.ID]; e.Readers.Network || len(e.Readers.Workspaces) != 1 || e.Readers.Workspaces[0] != wsA {
		t.Fatalf("private thread's audience: %+v", e.Readers)
	}
	if s.CanListen(b, "thread:"+tp.Thread.ID) || !s.CanListen(a, "thread:"+tp.Thread.ID) || s.CanListen(b, "forum:"+wsA) {
		t.Fatal("live topics of a private area")
	}
}

func TestRenderMentionsAreEscaped(t *testing.T) {
	out := render("Hei @[<b>Eve</b>](" + alice + ") ja <script>x</script>")
	if strings.Contains(out, "<b>") || strings.Contains(out, "<script") || !strings.Contains(out, `<span class="mention">@&lt;b&gt;Eve&lt;/b&gt;</span>`) {
		t.Fatalf("render: %s", out)
	}
}

// BenchmarkLoad replays a forum of 3,000 threads and a 2,000-post thread.
func BenchmarkLoad(b *testing.B) {
	ev := &memEvents{}
	var evs []Event
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for i := 0; i < 3000; i++ {
		n++
		tid := fmt.Sprintf("%024x", n)
		evs = append(evs, Event{Kind: evThread, By: alice, At: at.Add(time.Duration(n) * time.Second), Forum: themeID, Thread: tid, Title: "Otsikko", Body: "Teksti **lihava** ja [linkki](https://x.fi)."})
		for k := 0; k < 3; k++ {
			n++
			evs = append(evs, Event{Kind: evPost, By: bob, At: at.Add(time.Duration(n) * time.Second), Thread: tid, Post: fmt.Sprintf("%024x", n), Body: "Vastaus."})
		}
	}
	ev.recs = Records(1, evs)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		newTest(b, ev)
	}
}
