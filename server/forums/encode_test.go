package forums

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/watching"
)

// renamable names people and lets a test rename them.
type renamable struct {
	mu    sync.Mutex
	names map[string]string
}

func (r *renamable) User(id string) (accounts.User, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n, ok := r.names[id]; ok {
		return accounts.User{ID: id, Name: n}, true
	}
	return accounts.User{ID: id, Name: "Henkilö " + id[:4]}, true
}

func (r *renamable) rename(id, name string) {
	r.mu.Lock()
	r.names[id] = name
	r.mu.Unlock()
}

// cardLinks shows a practice's card to alice and bob (not to the administrator) and a plan's
// card to everyone.
type cardLinks struct{}

func (cardLinks) Practice(p accounts.Principal, id string) (Card, bool) {
	return Card{Kind: "practice", Title: "Käytäntö <" + id[:4] + ">", Summary: "Lyhyesti & selvästi"}, p.UserID == alice || p.UserID == bob
}

func (cardLinks) Plan(p accounts.Principal, documentID, node string) (Card, bool) {
	progress := 0.5
	return Card{Kind: "plan", Title: "Suunnitelma", ItemType: "action", ItemTitle: node, Progress: &progress}, true
}

// The pages written from the posts' kept JSON are byte for byte what encoding/json writes for
// the same views, for every reader (moderator, member, another member), before and after every
// kind of change to a post, to a quoted post and to an author's name.
func TestPagesJSONAsEncodingJSON(t *testing.T) {
	names := &renamable{names: map[string]string{}}
	s := New(&memEvents{}, Deps{Workspaces: groups{alice: {wsA: "coordinator"}, bob: {wsB: "member"}}, Themes: themes{},
		Accounts: names, Links: cardLinks{}, Burst: 1 << 20, Every: time.Millisecond})
	if err := s.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, b := accounts.Principal{UserID: alice}, accounts.Principal{UserID: bob}
	admin := accounts.Principal{UserID: "ad0000000000000000000000", IsAdmin: true}
	readers := []accounts.Principal{a, b, admin}

	page, err := s.Start(ctx, a, themeID, NewThread{Title: `Ohjaamo "<b>" & co` + "\u2028", Body: "Ensimmäinen **viesti** <script>x</script>\n\n- a\n- b"})
	if err != nil {
		t.Fatal(err)
	}
	th := page.Thread.ID
	first := page.Posts[0].ID
	var posts []string
	for i, body := range []string{
		"Vastaus @[Henkilö b0b0](" + bob + ") \t tab \x01 ctrl",
		"Linkki /practices/0123456789abcdef01234567 ja /workspaces/" + wsB + "/documents/89abcdef0123456789abcdef#item-n1",
		"Lainaus",
		"Piilotettava",
		"Poistettava",
	} {
		quote := ""
		if i == 2 {
			quote = first
		}
		v, err := s.Reply(ctx, b, th, body, quote)
		if err != nil {
			t.Fatal(err)
		}
		posts = append(posts, v.ID)
	}
	if _, err := s.React(ctx, a, posts[0], "like", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.React(ctx, b, posts[0], "thanks", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.React(ctx, b, posts[0], "like", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Start(ctx, b, themeID, NewThread{Title: "Toinen", Body: "Toinen ketju"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Start(ctx, a, wsA, NewThread{Title: "Ryhmän oma", Body: "Vain ryhmälle"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.OpenCircle(ctx, a, NewCircle{Title: "Piiri", Workspace: wsA, Invite: []string{wsB}}); err != nil {
		t.Fatal(err)
	}

	check := func(when string) {
		t.Helper()
		for _, p := range readers {
			for _, q := range [][3]int{{0, 0, 50}, {2, 0, 2}, {0, 4, 2}, {0, 0, 1}, {10, 0, 5}} {
				want, err := s.Thread(p, th, q[0], q[1], q[2])
				if err != nil {
					t.Fatal(err)
				}
				same(t, when+": thread as "+p.UserID[:4], want, func() ([]byte, error) { return s.ThreadJSON(p, th, q[0], q[1], q[2]) })
			}
			for _, limit := range []int{0, 1} {
				want, err := s.Forum(p, themeID, "", limit)
				if err != nil {
					t.Fatal(err)
				}
				same(t, when+": forum as "+p.UserID[:4], want, func() ([]byte, error) { return s.ForumJSON(p, themeID, "", limit) })
				if want.Next != "" {
					next, _ := s.Forum(p, themeID, want.Next, limit)
					same(t, when+": forum's next page", next, func() ([]byte, error) { return s.ForumJSON(p, themeID, want.Next, limit) })
				}
			}
			same(t, when+": forums as "+p.UserID[:4], map[string]any{"forums": s.Forums(p)}, func() ([]byte, error) { return s.ForumsJSON(p), nil })
		}
	}
	check("posted")
	mine, _ := s.ThreadJSON(b, th, 0, 0, 0)
	theirs, _ := s.ThreadJSON(admin, th, 0, 0, 0)
	if !bytes.Contains(mine, []byte(`"cards":[{"kind":"practice"`)) || bytes.Contains(theirs, []byte(`"kind":"practice"`)) ||
		!bytes.Contains(theirs, []byte(`"cards":[{"kind":"plan"`)) {
		t.Fatalf("each reader sees the cards of what they may read:\n%s\n%s", mine, theirs)
	}
	s.mu.RLock()
	po := s.posts[posts[0]]
	kept := s.piece(po, false)
	again := s.piece(po, false)
	s.mu.RUnlock()
	if kept != again {
		t.Fatal("an unchanged post was encoded again")
	}
	if err := s.Visit(ctx, a, themeID); err != nil {
		t.Fatal(err)
	}
	if err := s.Read(ctx, b, th, 3); err != nil {
		t.Fatal(err)
	}
	check("visited and read")
	edited := "Muokattu <i>lainattu</i>"
	if _, err := s.Update(ctx, a, first, Change{Body: &edited}); err != nil {
		t.Fatal(err)
	}
	check("the quoted post edited")
	names.rename(alice, "Alice Uusinimi")
	names.rename(bob, `Bob "B" <Bobson>`)
	check("renamed")
	hidden := true
	if _, err := s.Update(ctx, admin, posts[3], Change{Hidden: &hidden}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(ctx, admin, first, Change{Hidden: &hidden}); err != nil {
		t.Fatal(err)
	}
	check("hidden")
	if err := s.Delete(ctx, b, posts[4]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.React(ctx, a, posts[0], "like", false); err != nil {
		t.Fatal(err)
	}
	check("removed and reaction taken back")
	if err := s.Report(ctx, b, posts[1], "asiaton"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Resolve(ctx, admin, posts[1], ResolveHide); err != nil {
		t.Fatal(err)
	}
	check("reported and hidden")
	shown := false
	if _, err := s.Update(ctx, admin, posts[3], Change{Hidden: &shown}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Moderate(ctx, admin, th, Moderation{Pinned: &hidden, Locked: &hidden}); err != nil {
		t.Fatal(err)
	}
	check("shown again, pinned and locked")
	if _, err := s.Moderate(ctx, admin, th, Moderation{Hidden: &hidden}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ThreadJSON(b, th, 0, 0, 0); err == nil {
		t.Fatal("a hidden thread's page was written for a member")
	}
	want, _ := s.Thread(admin, th, 0, 0, 0)
	same(t, "the hidden thread as its moderator", want, func() ([]byte, error) { return s.ThreadJSON(admin, th, 0, 0, 0) })
}

func same(t *testing.T, what string, view any, got func() ([]byte, error)) {
	t.Helper()
	want, err := json.Marshal(view)
	if err != nil {
		t.Fatal(err)
	}
	g, err := got()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !bytes.Equal(g, want) {
		i := 0
		for i < len(g) && i < len(want) && g[i] == want[i] {
			i++
		}
		t.Fatalf("%s: the written JSON differs from encoding/json's at byte %d:\n got: …%s\nwant: …%s", what, i, clip(g[i:]), clip(want[i:]))
	}
}

func clip(b []byte) string {
	s := string(b)
	if len(s) > 200 {
		s = s[:200]
	}
	return strings.ToValidUTF8(s, "?")
}

// Every JSON string is written as encoding/json writes it.
func TestAppendStringAsEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `"quoted" \back\slash`, "<tag> & amp", "ctrl \x00\x01\x1f \b\f\n\r\t", "äöå € 😀",
		"bad \xff\xfe utf-8", "line\u2028para\u2029", "del \x7f", string([]byte{0xe2, 0x80})} {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

// The forum counts kept for each reader (threads, unread, last activity) are always those
// counted afresh: after new threads and posts, reads, hiding, moving, and levels chosen.
func TestKeptForumCountsAsCountedAfresh(t *testing.T) {
	ctx := context.Background()
	s, _ := newTest(t, &memEvents{})
	levels := watching.New(&memChoices{})
	if err := levels.Load(ctx); err != nil {
		t.Fatal(err)
	}
	s.UseLevels(levels)
	a, b := accounts.Principal{UserID: alice}, accounts.Principal{UserID: bob}
	admin := accounts.Principal{UserID: "ad0000000000000000000000", IsAdmin: true}
	readers := []accounts.Principal{a, b, admin}
	check := func(when string) {
		t.Helper()
		kept := map[string][]byte{}
		for _, p := range readers {
			kept[p.UserID], _ = json.Marshal(s.Forums(p))
		}
		s.mu.Lock()
		for _, f := range s.forums {
			f.counts = nil
		}
		s.mu.Unlock()
		for _, p := range readers {
			fresh, _ := json.Marshal(s.Forums(p))
			if !bytes.Equal(kept[p.UserID], fresh) {
				t.Fatalf("%s: %s's kept counts\n%s\nare not those counted afresh\n%s", when, p.UserID[:4], kept[p.UserID], fresh)
			}
		}
	}
	var ths []string
	for i := range 3 {
		page, err := s.Start(ctx, a, themeID, NewThread{Title: fmt.Sprintf("Ketju %d", i), Body: "Alku"})
		if err != nil {
			t.Fatal(err)
		}
		ths = append(ths, page.Thread.ID)
		check("a thread started")
	}
	if _, err := s.Start(ctx, a, wsA, NewThread{Title: "Oma", Body: "Alku"}); err != nil {
		t.Fatal(err)
	}
	check("a group's thread")
	if _, err := s.Reply(ctx, b, ths[0], "Vastaus", ""); err != nil {
		t.Fatal(err)
	}
	check("a reply")
	if err := s.Read(ctx, b, ths[0], 2); err != nil {
		t.Fatal(err)
	}
	if err := s.Read(ctx, a, ths[1], 1); err != nil {
		t.Fatal(err)
	}
	check("read")
	if err := s.SetLevel(ctx, b, "", ths[2], watching.Mute); err != nil {
		t.Fatal(err)
	}
	check("a thread muted")
	if err := s.SetLevel(ctx, a, themeID, "", watching.Mute); err != nil {
		t.Fatal(err)
	}
	check("a forum muted")
	if err := s.Follow(ctx, a, "", ths[1], true); err != nil {
		t.Fatal(err)
	}
	check("a thread of a muted forum watched")
	on := true
	if _, err := s.Moderate(ctx, admin, ths[1], Moderation{Hidden: &on}); err != nil {
		t.Fatal(err)
	}
	check("a thread hidden")
	if _, err := s.Reply(ctx, b, ths[2], "Toinen", ""); err != nil {
		t.Fatal(err)
	}
	check("a reply to a muted thread")
}
