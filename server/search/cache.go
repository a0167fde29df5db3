package search

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// answers caches search results per query and audience for one generation of the index: the
// generation grows with every batch of changes applied to bleve (Flush), and a cached answer
// of an older generation is never returned, so a search still finds everything put before it.
// Many people type the same words (a group's members share an audience), and ranking a common
// word costs milliseconds of CPU (thousands of matching posts), an answer from here
// microseconds. The results are shared: callers only read them.
type answers struct {
	mu  sync.Mutex
	gen uint64 // of the answers in m
	m   map[string]Result

	hits, misses atomic.Int64
}

// maxAnswers bounds the cache (a page of hits with fragments is a few kilobytes); when full,
// it starts again empty.
const maxAnswers = 2048

func (a *answers) get(gen uint64, k string) (Result, bool) {
	a.mu.Lock()
	r, ok := a.m[k]
	ok = ok && a.gen == gen
	a.mu.Unlock()
	if ok {
		a.hits.Add(1)
	} else {
		a.misses.Add(1)
	}
	return r, ok
}

func (a *answers) put(gen uint64, k string, r Result) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if gen < a.gen {
		return // computed before a newer batch: already stale
	}
	if gen > a.gen || a.m == nil || len(a.m) >= maxAnswers {
		a.gen, a.m = gen, make(map[string]Result, 64)
	}
	a.m[k] = r
}

// CacheStats is how many searches were answered from the cache and how many ran.
func (ix *Index) CacheStats() (hits, misses int64) {
	return ix.answers.hits.Load(), ix.answers.misses.Load()
}

// answerKey names a query (its words normalised, filters sorted, page) and who asks (the
// searcher's audience: public, signed in, or the workspaces read; All: everything).
func answerKey(s Searcher, q Query, words []string) string {
	var b strings.Builder
	switch {
	case s.All:
		b.WriteString("all")
	case s.SignedIn:
		b.WriteString("in")
		ws := slices.Clone(s.Workspaces)
		slices.Sort(ws)
		for _, w := range ws {
			b.WriteString("," + w)
		}
	default:
		b.WriteString("public")
	}
	b.WriteString("|" + strings.Join(words, " "))
	for _, f := range [][]string{q.Kinds, q.Region, q.Theme, q.NationalGoal} {
		f = slices.Clone(f)
		slices.Sort(f)
		b.WriteString("|" + strings.Join(f, ","))
	}
	for _, t := range []time.Time{q.From, q.To} {
		b.WriteString("|")
		if !t.IsZero() {
			b.WriteString(strconv.FormatInt(t.UnixNano(), 36))
		}
	}
	b.WriteString("|" + strconv.Itoa(q.Offset) + "|" + strconv.Itoa(q.Limit) + "|" + strconv.FormatBool(q.NoCounts))
	return b.String()
}
