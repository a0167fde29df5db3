package search

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// Cached answers, rankings and hits are exactly what a search made afresh returns, while
// entries are put and removed in batches small (the hot tier) and large (a compaction into
// cold), for people of different audiences, with and without words and filters; and the same
// matches (totals, counts per kind, and the hits when they fit a page) as an index built
// afresh of the same entries.
func TestCachedEqualsFresh(t *testing.T) {
	ix := newIndex(t)
	rng := rand.New(rand.NewPCG(4, 9))
	vocab := []string{"ohjaamo", "ohjaamon", "ohjaamoissa", "nuoret", "nuorten", "työnantajien", "työnantaja", "yhteistyö",
		"yhteistyön", "handledning", "handledningen", "ungdomar", "samarbete", "laatu", "laadun", "verkosto", "verkoston", "kainuu", "savo"}
	text := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(w, " ")
	}
	wss := []string{"a", "b", "c"}
	entry := func(i int) Entry {
		e := Entry{Kind: Kinds[rng.IntN(len(Kinds))], ID: fmt.Sprint(i), Title: text(1 + rng.IntN(3)), Body: text(rng.IntN(30)),
			Lang: []string{"fi", "sv", ""}[rng.IntN(3)], Region: []string{[]string{"r1", "r2"}[rng.IntN(2)]},
			At: time.Date(2026, 1, 1+rng.IntN(300), 0, 0, 0, 0, time.UTC)}
		switch rng.IntN(4) {
		case 0:
			e.Readers.Public = true
		case 1:
			e.Readers.Network = true
		default:
			e.Readers.Workspaces = []string{wss[rng.IntN(len(wss))]}
		}
		return e
	}
	live := map[string]Entry{}
	write := func(n int) {
		for range n {
			i := rng.IntN(700)
			if e := entry(i); rng.IntN(5) > 0 {
				ix.Put(e)
				live[key(e.Kind, e.ID)] = e
			} else {
				for _, k := range Kinds { // whichever kind it was
					ix.Remove(k, e.ID)
					delete(live, key(k, e.ID))
				}
			}
		}
		if err := ix.Flush(); err != nil { // a search does not wait for a backlog the writer is applying: settle it
			t.Fatal(err)
		}
	}
	searchers := []Searcher{{}, {SignedIn: true}, {SignedIn: true, Workspaces: []string{"a"}}, {SignedIn: true, Workspaces: []string{"b", "c"}}, everyone}
	queries := func() []Query {
		var qs []Query
		for range 4 {
			q := Query{Text: vocab[rng.IntN(len(vocab))], Limit: 10}
			switch rng.IntN(6) {
			case 0:
				q.Text += " " + vocab[rng.IntN(len(vocab))]
			case 1:
				q.Text = q.Text[:3] // typing
			case 2:
				q.Kinds = []string{Kinds[rng.IntN(len(Kinds))]}
			case 3:
				q.Region = []string{"r1"}
			case 4:
				q.Text, q.Offset = "", 10 // no words: newest first
			case 5:
				q.Offset, q.Limit = 5, 8
			}
			qs = append(qs, q)
		}
		return qs
	}
	compactions := 0
	for round := range 20 {
		before := ix.coldGen.Load()
		switch {
		case round == 0:
			write(400) // the start: into cold
		case round%9 == 0:
			write(300) // a burst: a compaction
		default:
			write(1 + rng.IntN(15))
		}
		qs := queries()
		for _, q := range qs {
			for _, si := range rng.Perm(len(searchers))[:2] { // two audiences a query: the test's time under -race
				s := searchers[si]
				cached, err := ix.Search(s, q)
				if err != nil {
					t.Fatal(err)
				}
				again := mustSearch(t, ix, s, q) // from the caches now
				ix.uncached = true
				fresh := mustSearch(t, ix, s, q)
				ix.uncached = false
				if !reflect.DeepEqual(cached, fresh) || !reflect.DeepEqual(again, fresh) {
					t.Fatalf("round %d, %+v as %+v:\ncached %v %d %v\nagain  %v %d %v\nfresh  %v %d %v", round, q, s,
						ids(cached), cached.Total, cached.ByKind, ids(again), again.Total, again.ByKind, ids(fresh), fresh.Total, fresh.ByKind)
				}
			}
		}
		if ix.coldGen.Load() != before && round > 0 {
			compactions++
		}
		if round%8 != 7 {
			continue
		}
		// An index built afresh of the live entries finds the same.
		ref := newIndex(t)
		for _, e := range live {
			ref.Put(e)
		}
		if err := ref.Flush(); err != nil {
			t.Fatal(err)
		}
		if ix.Len() != len(live) || ref.Len() != len(live) {
			t.Fatalf("%d entries, reference %d, live %d", ix.Len(), ref.Len(), len(live))
		}
		for _, q := range qs {
			q.Offset, q.Limit = 0, MaxLimit
			for _, s := range searchers {
				got, want := mustSearch(t, ix, s, q), mustSearch(t, ref, s, q)
				if got.Total != want.Total || !reflect.DeepEqual(got.ByKind, want.ByKind) {
					t.Fatalf("round %d, %+v as %+v: total %d %v, afresh %d %v", round, q, s, got.Total, got.ByKind, want.Total, want.ByKind)
				}
				if g, w := slices.Sorted(slices.Values(ids(got))), slices.Sorted(slices.Values(ids(want))); want.Total <= MaxLimit && !slices.Equal(g, w) {
					t.Fatalf("round %d, %+v as %+v:\n%v\nafresh %v", round, q, s, g, w)
				}
			}
		}
	}
	ix.mu.Lock()
	hot := len(ix.inHot)
	ix.mu.Unlock()
	if compactions < 2 || hot == 0 {
		t.Errorf("the test did not exercise both tiers: %d compactions, %d keys hot at the end", compactions, hot)
	}
	if h, _, rh, _ := ix.CacheStats(); h == 0 || rh == 0 {
		t.Errorf("nothing answered from the caches: %d answers, %d rankings", h, rh)
	}
}

// Tokenizing a text once for the three analysers marks what analysing it three times does.
func TestSharedTokensHighlightAlike(t *testing.T) {
	ix := newIndex(t)
	texts := []string{"Ohjaamon jalkautuva ohjaus tavoittaa nuoret ohjaamoissa ja OHJAAMOIHIN.", "Handledningen sker i samarbete med arbetsgivare; handledning för ungdomar.",
		"Työnantajien ja oppilaitosten yhteistyö: työnantajayhteistyö, the employers' cooperation and the ohjaamo.", strings.Repeat("laadun laatutyö verkoston ", 200)}
	for _, q := range []string{"ohjaamo", "ohj", "handledning", "työnantaja yhteistyö", "laatu verkosto", "the", "ungdomar samarbete"} {
		shared := ix.highlighter(Words(q))
		if shared.tokenizer == nil {
			t.Fatal("the analysers do not share their tokenizer")
		}
		alone := ix.highlighter(Words(q))
		alone.tokenizer = nil
		for _, text := range texts {
			if a, b := shared.spans(text, 0), alone.spans(text, 0); !reflect.DeepEqual(a, b) {
				t.Errorf("%q in %.40q: shared %v, alone %v", q, text, a, b)
			}
		}
	}
}

// Searches while others write (small batches into hot, bursts that compact into cold) never
// show an entry twice nor a removed one, whatever moment of a hand-over between the tiers.
func TestSearchesDuringWritesAndCompactions(t *testing.T) {
	ix := newIndex(t)
	net := Audience{Network: true}
	for i := range 300 {
		ix.Put(Entry{Kind: "post", ID: fmt.Sprint(i), Title: "ohjaamo", Body: fmt.Sprint("viesti ", i), Lang: "fi", Readers: net})
	}
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	writes := make(chan error, 1)
	go func() {
		defer close(writes)
		rng := rand.New(rand.NewPCG(1, 2))
		for n := 0; ; n++ {
			select {
			case <-done:
				return
			default:
			}
			burst := 1 + rng.IntN(5)
			if n%40 == 39 {
				burst = 300 // past hotMax: a compaction
			}
			for range burst {
				id := fmt.Sprint(rng.IntN(400))
				if rng.IntN(4) == 0 {
					ix.Remove("post", id)
				} else {
					ix.Put(Entry{Kind: "post", ID: id, Title: "ohjaamon " + fmt.Sprint(n), Lang: "fi", Readers: net})
				}
			}
			if err := ix.Flush(); err != nil {
				writes <- err
				return
			}
		}
	}()
	for i := range 300 {
		r := mustSearch(t, ix, everyone, Query{Text: []string{"ohjaamo", "ohj", "ohjaamon"}[i%3], Limit: MaxLimit, Offset: (i % 8) * 50})
		seen := map[string]bool{}
		for _, h := range r.Hits {
			if seen[h.ID] {
				t.Fatalf("search %d: %s twice", i, h.ID)
			}
			seen[h.ID] = true
		}
		if r.Total > 400 || r.ByKind["post"] != r.Total {
			t.Fatalf("search %d: total %d, by kind %v", i, r.Total, r.ByKind)
		}
	}
	close(done)
	if err := <-writes; err != nil {
		t.Fatal(err)
	}
}
