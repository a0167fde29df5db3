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
type answers = genCache[Result]

// rankings caches, per query of words and its filters but who reads and the kind, every match
// of one tier (cold or hot) in relevance order (entry keys and scores) for one generation of
// that tier: one ranking serves every audience and every kind, each search keeping what its
// searcher may read (index.go, searchRanked). A post changes only the hot tier, so cold's
// rankings, nearly all of the matches, outlive it.
type rankings = genCache[[]ranked]

// genCache holds values of one generation of the index, at most max of cost (a ranking costs
// its length, an answer 1): at a new generation it starts again empty; when full, values are
// dropped at random (a map's order) until the new one fits.
type genCache[V any] struct {
	mu   sync.Mutex
	gen  uint64 // of the values in m
	m    map[string]costed[V]
	cost int

	hits, misses atomic.Int64
}

type costed[V any] struct {
	v    V
	cost int
}

// maxAnswers bounds the answers (a page of hits with fragments is a few kilobytes), maxRanked
// the rankings' keys (a common word or a short prefix matches thousands of entries; about 50
// bytes a key) and maxHits the highlighted hits.
const (
	maxAnswers = 2048
	maxRanked  = 600_000
	maxHits    = 20_000
)

func (c *genCache[V]) get(gen uint64, k string) (V, bool) {
	c.mu.Lock()
	e, ok := c.m[k]
	ok = ok && c.gen == gen
	c.mu.Unlock()
	if ok {
		c.hits.Add(1)
	} else {
		c.misses.Add(1)
	}
	return e.v, ok
}

func (c *genCache[V]) put(gen uint64, k string, v V, cost, max int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen || cost > max {
		return // computed before a newer batch: already stale; or too big to keep
	}
	if gen > c.gen || c.m == nil {
		c.gen, c.m, c.cost = gen, make(map[string]costed[V], 64), 0
	}
	if old, ok := c.m[k]; ok {
		c.cost -= old.cost
		delete(c.m, k)
	}
	for dk, dv := range c.m {
		if c.cost+cost <= max {
			break
		}
		c.cost -= dv.cost
		delete(c.m, dk)
	}
	c.m[k] = costed[V]{v, cost}
	c.cost += cost
}

// CacheStats is how many searches were answered from the cache and how many were not, and
// how many rankings were reused and how many made.
func (ix *Index) CacheStats() (hits, misses, rankHits, rankMisses int64) {
	return ix.answers.hits.Load(), ix.answers.misses.Load(), ix.rankHits.Load(), ix.rankMisses.Load()
}

// rankKey names a ranking: the words and the filters but who reads and the kind.
func rankKey(q Query, words []string) string {
	return answerKey(Searcher{All: true}, Query{Region: q.Region, Theme: q.Theme, NationalGoal: q.NationalGoal, From: q.From, To: q.To}, words)
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
