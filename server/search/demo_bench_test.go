package search_test

import (
	"encoding/json"
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/search"
)

// demoEntries reads the entries of a running demo index dumped by SEARCH_ENTRIES (a JSON
// file of []Entry, e.g. from a demo server's index); skipped without it.
func demoEntries(tb testing.TB) []search.Entry {
	path := os.Getenv("SEARCH_ENTRIES")
	if path == "" {
		tb.Skip("SEARCH_ENTRIES not set")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var es []search.Entry
	if err := json.Unmarshal(b, &es); err != nil {
		tb.Fatal(err)
	}
	return es
}

// cpuTime is the CPU time the process has used (user and system): the figure that holds
// when other work shares the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestDemoBuild measures building the index from the demo's entries: time and heap.
func TestDemoBuild(t *testing.T) {
	es := demoEntries(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	began, cpu0 := time.Now(), cpuTime()
	ix, err := search.New()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, e := range es {
		ix.Put(e)
	}
	if err := ix.Flush(); err != nil {
		t.Fatal(err)
	}
	took, cpu := time.Since(began), cpuTime()-cpu0
	runtime.GC()
	runtime.ReadMemStats(&after)
	text := 0
	for _, e := range es {
		text += len(e.Title) + len(e.Body)
	}
	t.Logf("%d entries, %.1f MB of text: built in %v (%v of CPU), heap +%.1f MiB", len(es), float64(text)/1e6, took.Round(time.Millisecond),
		cpu.Round(time.Millisecond), float64(after.HeapAlloc-before.HeapAlloc)/(1<<20))
	s := search.Searcher{SignedIn: true, Workspaces: []string{"x"}}
	// Scorch merges the build's segments in the background: searches cost their steady
	// amount once it is done, so a warm-up pass runs first.
	for range 3 {
		for _, q := range []string{"ohjaamo", "kai", "työllisyys"} {
			if _, err := ix.Search(s, search.Query{Text: q, Limit: 8}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, q := range []string{"ohjaamo", "ohjaamoissa", "nuorten ohjaus", "ka", "kai", "työllisyys", "handledning"} {
		began, cpu0 := time.Now(), cpuTime()
		n := 20
		var r search.Result
		for range n {
			r, err = ix.Search(s, search.Query{Text: q, Limit: 8})
			if err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%q: %d hits, %v per search (%v of CPU)", q, r.Total, (time.Since(began) / time.Duration(n)).Round(time.Microsecond),
			((cpuTime() - cpu0) / time.Duration(n)).Round(time.Microsecond))
	}
}
