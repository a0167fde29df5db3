package search

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func newIndex(t testing.TB) *Index {
	t.Helper()
	ix, err := New()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	return ix
}

var everyone = Searcher{SignedIn: true, All: true}

func ids(r Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Kind+"/"+h.ID)
	}
	return out
}

func mustSearch(t *testing.T, ix *Index, s Searcher, q Query) Result {
	t.Helper()
	r, err := ix.Search(s, q)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func has(r Result, kind, id string) bool {
	for _, h := range r.Hits {
		if h.Kind == kind && h.ID == id {
			return true
		}
	}
	return false
}

// The examples: "ohjaamo" finds "Ohjaamon" and "ohjaamoissa", "handledning" finds
// "handledningen"; and the other way round.
func TestStemming(t *testing.T) {
	ix := newIndex(t)
	net := Audience{Network: true}
	ix.Put(Entry{Kind: "practice", ID: "p1", Title: "Ohjaamon jalkautuva ohjaus", Body: "Nuoret tavoitetaan kaduilta.", Lang: "fi", Readers: net})
	ix.Put(Entry{Kind: "thread", ID: "t1", Title: "Kokemuksia", Body: "Olemme kokeilleet tätä ohjaamoissa Savossa.", Lang: "fi", Readers: net})
	ix.Put(Entry{Kind: "practice", ID: "p2", Title: "Digital handledning", Body: "Handledningen sker på distans.", Lang: "sv", Readers: net})
	ix.Put(Entry{Kind: "plan", ID: "d1", Title: "Toimintasuunnitelma", Body: "Ohjauksen laatu ja handledningen (ruotsiksi).", Lang: "", Readers: net})
	ix.Put(Entry{Kind: "member", ID: "u1", Title: "Aino Ohjaamo-Virtanen", Body: "", Readers: net})
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"ohjaamo", []string{"practice/p1", "thread/t1", "member/u1"}},
		{"Ohjaamon", []string{"practice/p1", "thread/t1"}},
		{"ohjaamoissa", []string{"practice/p1", "thread/t1"}},
		{"handledning", []string{"practice/p2", "plan/d1"}},
		{"handledningen", []string{"practice/p2", "plan/d1"}},
		{"ohjaa", []string{"practice/p1", "thread/t1", "member/u1"}}, // typing: a prefix
		{"ohj", []string{"practice/p1", "thread/t1", "member/u1"}},
		{"ohjaamo savossa", []string{"thread/t1"}},
	} {
		r := mustSearch(t, ix, everyone, Query{Text: c.q})
		for _, w := range c.want {
			k, id, _ := strings.Cut(w, "/")
			if !has(r, k, id) {
				t.Errorf("%q: want %s among %v", c.q, w, ids(r))
			}
		}
	}
	r := mustSearch(t, ix, everyone, Query{Text: "ohjaamoissa"})
	if len(r.Hits) == 0 || !strings.Contains(r.Hits[0].TitleHTML+r.Hits[0].FragmentHTML, "<mark>") {
		t.Fatalf("no highlight: %+v", r.Hits)
	}
	for _, h := range r.Hits {
		if h.ID == "p1" && h.TitleHTML != "<mark>Ohjaamon</mark> jalkautuva ohjaus" {
			t.Errorf("title highlight %q", h.TitleHTML)
		}
		if h.ID == "t1" && !strings.Contains(h.FragmentHTML, "<mark>ohjaamoissa</mark>") {
			t.Errorf("fragment highlight %q", h.FragmentHTML)
		}
	}
}

// Private group content never reaches anyone outside the group: not by its words, not by a
// filter, not in the counts.
func TestPermissions(t *testing.T) {
	ix := newIndex(t)
	ix.Put(Entry{Kind: "thread", ID: "private", Title: "Salainen ohjaamo", Body: "Vain Kainuun ryhmälle", Region: []string{"kainuu"},
		Readers: Audience{Workspaces: []string{"ws-kainuu"}}})
	ix.Put(Entry{Kind: "practice", ID: "public", Title: "Julkinen ohjaamo", Readers: Audience{Public: true, Network: true}})
	ix.Put(Entry{Kind: "practice", ID: "network", Title: "Verkoston ohjaamo", Readers: Audience{Network: true}})
	ix.Put(Entry{Kind: "plan", ID: "circle", Title: "Yhteinen ohjaamo", Readers: Audience{Workspaces: []string{"ws-kainuu", "ws-savo"}}})
	ix.Put(Entry{Kind: "thread", ID: "none", Title: "Kenenkään ohjaamo", Readers: Audience{}})

	cases := []struct {
		name string
		s    Searcher
		want []string
	}{
		{"anonymous", Searcher{}, []string{"practice/public"}},
		{"lappi member", Searcher{SignedIn: true, Workspaces: []string{"ws-lappi"}}, []string{"practice/network", "practice/public"}},
		{"savo member", Searcher{SignedIn: true, Workspaces: []string{"ws-savo"}}, []string{"plan/circle", "practice/network", "practice/public"}},
		{"kainuu member", Searcher{SignedIn: true, Workspaces: []string{"ws-kainuu"}}, []string{"plan/circle", "practice/network", "practice/public", "thread/private"}},
		{"admin", everyone, []string{"plan/circle", "practice/network", "practice/public", "thread/none", "thread/private"}},
	}
	for _, c := range cases {
		for _, q := range []Query{{Text: "ohjaamo"}, {Text: "salainen"}, {}, {Region: []string{"kainuu"}}, {Kinds: []string{"thread"}}} {
			r := mustSearch(t, ix, c.s, q)
			got := map[string]bool{}
			for _, id := range ids(r) {
				got[id] = true
			}
			allowed := map[string]bool{}
			for _, w := range c.want {
				allowed[w] = true
			}
			for id := range got {
				if !allowed[id] {
					t.Errorf("%s, %+v: %s leaked", c.name, q, id)
				}
			}
			total := 0
			for _, n := range r.ByKind {
				total += n
			}
			if total > len(c.want) {
				t.Errorf("%s, %+v: counts %v show more than may be read", c.name, q, r.ByKind)
			}
			if q.Text == "ohjaamo" && len(got) != len(c.want) {
				t.Errorf("%s: got %v, want %v", c.name, ids(r), c.want)
			}
		}
	}
}

func TestFiltersPagingAndRemove(t *testing.T) {
	ix := newIndex(t)
	day := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := range 30 {
		region := []string{"kainuu"}
		if i%2 == 1 {
			region = []string{"etela-savo"}
		}
		kind := "thread"
		if i%3 == 0 {
			kind = "post"
		}
		ix.Put(Entry{Kind: kind, ID: fmt.Sprint(i), Title: fmt.Sprintf("Työnantajayhteistyö %d", i), Body: "yhteistyö",
			Region: region, Theme: []string{fmt.Sprint("theme-", i%5)}, NationalGoal: []string{"goal-1"},
			At: day.AddDate(0, 0, i), Readers: Audience{Network: true}})
	}
	s := Searcher{SignedIn: true}
	r := mustSearch(t, ix, s, Query{Text: "yhteistyö", Region: []string{"kainuu"}})
	if r.Total != 15 {
		t.Fatalf("region: %d", r.Total)
	}
	r = mustSearch(t, ix, s, Query{Text: "yhteistyö", Kinds: []string{"post"}})
	if r.Total != 10 || r.ByKind["post"] != 10 || r.ByKind["thread"] != 20 {
		t.Fatalf("kind: %d %v", r.Total, r.ByKind)
	}
	r = mustSearch(t, ix, s, Query{Theme: []string{"theme-0"}, NationalGoal: []string{"goal-1"}})
	if r.Total != 6 {
		t.Fatalf("theme: %d", r.Total)
	}
	r = mustSearch(t, ix, s, Query{From: day.AddDate(0, 0, 10), To: day.AddDate(0, 0, 20)})
	if r.Total != 10 || r.Hits[0].ID != "19" { // newest first without words
		t.Fatalf("dates: %d %v", r.Total, ids(r))
	}
	seen := map[string]bool{}
	for off := 0; off < 30; off += 7 {
		r = mustSearch(t, ix, s, Query{Text: "yhteistyö", Offset: off, Limit: 7})
		for _, id := range ids(r) {
			if seen[id] {
				t.Fatalf("page at %d repeats %s", off, id)
			}
			seen[id] = true
		}
	}
	if len(seen) != 30 {
		t.Fatalf("paging saw %d", len(seen))
	}
	ix.Remove("thread", "1")
	ix.Put(Entry{Kind: "thread", ID: "2", Title: "Uusi otsikko", Readers: Audience{Network: true}})
	r = mustSearch(t, ix, s, Query{Text: "yhteistyö"})
	if r.Total != 28 {
		t.Fatalf("after remove and replace: %d", r.Total)
	}
}

func TestHighlightEscapes(t *testing.T) {
	ix := newIndex(t)
	ix.Put(Entry{Kind: "post", ID: "x", Title: `<script>alert("ohjaamo")</script>`, Body: `<img src=x onerror=alert(1)> ohjaamo & co`, Readers: Audience{Network: true}})
	r := mustSearch(t, ix, everyone, Query{Text: "ohjaamo"})
	if len(r.Hits) != 1 {
		t.Fatal(ids(r))
	}
	h := r.Hits[0]
	if strings.Contains(h.TitleHTML, "<script") || strings.Contains(h.FragmentHTML, "<img") {
		t.Fatalf("unescaped: %q %q", h.TitleHTML, h.FragmentHTML)
	}
	if h.FragmentHTML != `&lt;img src=x onerror=alert(1)&gt; <mark>ohjaamo</mark> &amp; co` {
		t.Fatalf("fragment %q", h.FragmentHTML)
	}
}

func TestFragmentCutsLongText(t *testing.T) {
	body := strings.Repeat("sana ", 200) + "ÄÖÅ ohjaamo " + strings.Repeat("loppu ", 200)
	i := strings.Index(body, "ohjaamo")
	f := Fragment(body, []span{{i, i + len("ohjaamo")}}, 200)
	if !strings.HasPrefix(f, "…") || !strings.HasSuffix(f, "…") || !strings.Contains(f, "<mark>ohjaamo</mark>") || len(f) > 260 {
		t.Fatalf("%q", f)
	}
}

// The same question from the same audience is answered from the cache until the index
// changes; a change is found at once, and another audience never gets another's answer.
func TestCachedAnswers(t *testing.T) {
	ix := newIndex(t)
	ix.Put(Entry{Kind: "thread", ID: "t1", Title: "Ohjaamon kokemuksia", Lang: "fi", Readers: Audience{Workspaces: []string{"kainuu"}}})
	ix.Put(Entry{Kind: "thread", ID: "t2", Title: "Ohjaamo verkostossa", Lang: "fi", Readers: Audience{Network: true}})
	kainuu := Searcher{SignedIn: true, Workspaces: []string{"kainuu", "x"}}
	savo := Searcher{SignedIn: true, Workspaces: []string{"savo"}}
	q := Query{Text: "ohjaamo", Limit: 8}
	if r := mustSearch(t, ix, kainuu, q); r.Total != 2 {
		t.Fatalf("kainuu: %v", ids(r))
	}
	h0, _, r0, _ := ix.CacheStats()
	// The same audience with its workspaces in another order and the words spaced otherwise.
	if r := mustSearch(t, ix, Searcher{SignedIn: true, Workspaces: []string{"x", "kainuu"}}, Query{Text: "  Ohjaamo ", Limit: 8}); r.Total != 2 {
		t.Fatalf("kainuu again: %v", ids(r))
	}
	if h, _, _, _ := ix.CacheStats(); h != h0+1 {
		t.Errorf("cache hits %d, want %d", h, h0+1)
	}
	// Another audience: its own answer, from the same ranking.
	if r := mustSearch(t, ix, savo, q); r.Total != 1 || !has(r, "thread", "t2") || r.ByKind["thread"] != 1 {
		t.Fatalf("savo got %v %v", ids(r), r.ByKind)
	}
	if _, _, rh, _ := ix.CacheStats(); rh != r0+1 {
		t.Errorf("rankings reused %d times, want %d", rh, r0+1)
	}
	if r := mustSearch(t, ix, Searcher{}, q); r.Total != 0 || len(r.Hits) != 0 || len(r.ByKind) != 0 {
		t.Fatalf("signed out got %v %v", ids(r), r.ByKind)
	}
	ix.Put(Entry{Kind: "post", ID: "p3", Title: "Ohjaamoissa uutta", Lang: "fi", Readers: Audience{Network: true}})
	if r := mustSearch(t, ix, kainuu, q); r.Total != 3 || !has(r, "post", "p3") {
		t.Fatalf("after a put: %v", ids(r))
	}
	ix.Remove("thread", "t2")
	if r := mustSearch(t, ix, savo, q); r.Total != 1 || !has(r, "post", "p3") {
		t.Fatalf("after a remove: %v", ids(r))
	}
}

// A full cache drops older values until a new one fits, and a new generation empties it.
func TestGenCacheBounds(t *testing.T) {
	var c genCache[string]
	c.put(1, "a", "A", 2, 5)
	c.put(1, "b", "B", 2, 5)
	c.put(1, "c", "C", 3, 5) // drops a or b
	if v, ok := c.get(1, "c"); !ok || v != "C" || c.cost > 5 || len(c.m) != 2 {
		t.Fatalf("after c: %q %v, cost %d, %d values", v, ok, c.cost, len(c.m))
	}
	c.put(1, "big", "X", 6, 5) // larger than the bound: not kept
	if _, ok := c.get(1, "big"); ok {
		t.Error("kept a value larger than the bound")
	}
	if _, ok := c.get(2, "c"); ok {
		t.Error("a value of generation 1 answered for generation 2")
	}
	c.put(2, "d", "D", 1, 5)
	if _, ok := c.get(2, "c"); ok || c.cost != 1 {
		t.Errorf("a new generation kept older values (cost %d)", c.cost)
	}
	c.put(1, "late", "L", 1, 5) // computed before generation 2
	if _, ok := c.get(1, "late"); ok {
		t.Error("kept a value of an older generation")
	}
}
