package search

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/fi"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Fields of the bleve documents. Every text is indexed by the analysers of its language
// (Finnish and Swedish Snowball stemmers) and by "plain" (lower-cased words, no stemming),
// which serves prefixes (results as you type) and words no stemmer knows (names).
const (
	fKind    = "kind"
	fReaders = "readers"
	fRegion  = "region"
	fTheme   = "theme"
	fGoal    = "goal"
	fAt      = "at"
)

var textFields = []struct {
	name, source, analyzer string
	boost                  float64
}{
	{"title_fi", "title", fi.AnalyzerName, 3}, {"title_sv", "title", sv.AnalyzerName, 3}, {"title_plain", "title", standard.Name, 3},
	{"body_fi", "body", fi.AnalyzerName, 1}, {"body_sv", "body", sv.AnalyzerName, 1}, {"body_plain", "body", standard.Name, 1},
}

// Index holds every entry: the entries themselves (for results and highlighted fragments)
// and bleve indexes over them. Put and Remove only queue the change, so they are
// cheap and safe from any goroutine (including a document room's); the queue is applied in
// one batch by a background writer and by every search before it runs, so a search always
// sees every Put made before it.
//
// The entries live in two tiers, each its own bleve index: cold holds nearly all of them and
// changes only when it takes in a large batch (the start's) or the hot tier's entries
// (compact), and hot holds the entries changed since (at most hotMax keys). A key changed since
// the last compaction is in hot (indexed there, or removed: then hot only hides cold's copy);
// cold's copy of such a key is never read. So the rankings of the cold tier, the costly part
// of a search, stay valid while people post (a post changes only hot), and a search ranks
// the small hot tier and merges the two rankings by score.
type Index struct {
	cold, hot bleve.Index
	both      bleve.IndexAlias // cold and hot, for searches without words (hot's ids prefixed hotID)
	dir       string           // scratch directory of the bleve indexes

	mu       sync.Mutex       // guards slots (and what they hold), live, seq, pending, inHot, epoch and applying
	slots    map[string]*slot // by key, kept when the entry is removed (rankings point at them)
	live     int              // slots holding an entry
	seq      uint64
	pending  map[string]*Entry // nil: remove
	inHot    map[string]bool   // keys changed since the last compaction: their state is hot's (and their slot's hot)
	epoch    uint64            // grows when keys move from hot to cold
	applying int               // changes taken from pending, not yet searchable
	wake     chan struct{}

	apply sync.Mutex // serialises applying the queue to bleve

	gen         atomic.Uint64 // grows with every batch applied to either tier: the cached answers' generation
	coldGen     atomic.Uint64 // grows with every batch applied to cold: its rankings' generation
	hotGen      atomic.Uint64 // the same for hot
	answers     answers       // cache.go
	rankings    rankings      // cold's
	hotRankings rankings
	hits        genCache[Hit] // highlighted hits by words, entry and its version (cache.go; generation 0 always)

	rankHits, rankMisses atomic.Int64 // searches of words whose rankings were all cached, and the others
	uncached             bool         // tests: every search ranks and highlights afresh (the answers they are compared with)

	// OnFlush, when set before the first Put, is told after the queue was applied: how many
	// changes and how long it took (the service logs large ones: the build at start).
	OnFlush func(changes int, took time.Duration)
	stop    chan struct{}
	done    chan struct{}
}

// slot holds a key's entry: rankings point at it, so reading a ranking of thousands of matches
// needs no lookup by key.
type slot struct {
	e    Entry
	ver  uint64 // a number per Put (highlighted hits are cached by it)
	live bool   // false: removed (or not put yet)
	hot  bool   // its state is hot's (inHot)
}

// New returns an empty index with its background writer running; Close stops it.
func New() (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	// Scorch, bleve's current index format, answers a query several times faster than the
	// in-memory key-value index of bleve.NewMemOnly (upsidedown on gtreap: 10-170 ms a query
	// on the demo dataset, 3-25 ms with scorch). Scorch merges its segments only when it has
	// a directory, so the index lives in a scratch directory made at start and removed at
	// Close: it is still built from the services at every start, never read back.
	dir, err := os.MkdirTemp("", "elo-search-*")
	if err != nil {
		return nil, fmt.Errorf("search index directory: %w", err)
	}
	var tiers [2]bleve.Index
	for i, name := range []string{"cold", "hot"} {
		b, err := bleve.NewUsing(filepath.Join(dir, name), m, scorch.Name, scorch.Name, map[string]any{
			"unsafe_batch": true, // a batch is searchable once applied in memory; writing it out is the persister's, later
		})
		if err != nil {
			if i > 0 {
				_ = tiers[0].Close()
			}
			_ = os.RemoveAll(dir)
			return nil, fmt.Errorf("search index: %w", err)
		}
		tiers[i] = b
	}
	ix := &Index{cold: tiers[0], hot: tiers[1], both: bleve.NewIndexAlias(tiers[0], tiers[1]), dir: dir,
		slots: map[string]*slot{}, pending: map[string]*Entry{}, inHot: map[string]bool{},
		wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	go ix.writer()
	return ix, nil
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	doc := bleve.NewDocumentStaticMapping()
	kw := func(name string) {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.IncludeInAll = false
		f.DocValues = name == fKind
		doc.AddFieldMappingsAt(name, f)
	}
	for _, n := range []string{fKind, fReaders, fRegion, fTheme, fGoal} {
		kw(n)
	}
	at := bleve.NewDateTimeFieldMapping()
	at.IncludeInAll = false
	doc.AddFieldMappingsAt(fAt, at)
	for _, tf := range textFields {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = tf.analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false // highlights are found again in the few hits shown (highlight.go): decoding every match's positions cost more than the search
		f.DocValues = false
		doc.AddFieldMappingsAt(tf.name, f)
	}
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = standard.Name
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, m.Validate()
}

func key(kind, id string) string { return kind + "/" + id }

// Put adds or replaces an entry.
func (ix *Index) Put(e Entry) {
	e.Region, e.Theme, e.NationalGoal = clone(e.Region), clone(e.Theme), clone(e.NationalGoal)
	e.Readers.Workspaces = clone(e.Readers.Workspaces)
	k := key(e.Kind, e.ID)
	ix.mu.Lock()
	sl := ix.slots[k]
	if sl == nil {
		sl = &slot{}
		ix.slots[k] = sl
	}
	if !sl.live {
		ix.live++
	}
	ix.seq++
	sl.e, sl.ver, sl.live = e, ix.seq, true
	ix.pending[k] = &e
	ix.mu.Unlock()
	ix.poke()
}

// Remove drops an entry; removing an unknown one does nothing.
func (ix *Index) Remove(kind, id string) {
	k := key(kind, id)
	ix.mu.Lock()
	if sl := ix.slots[k]; sl != nil && sl.live {
		ix.live--
		sl.e, sl.live = Entry{}, false
	}
	ix.pending[k] = nil
	ix.mu.Unlock()
	ix.poke()
}

// Len is how many entries the index holds.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.live
}

func (ix *Index) entry(k string) (Entry, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if sl := ix.slots[k]; sl != nil && sl.live {
		return sl.e, true
	}
	return Entry{}, false
}

func (ix *Index) poke() {
	select {
	case ix.wake <- struct{}{}:
	default:
	}
}

func (ix *Index) writer() {
	defer close(ix.done)
	for {
		select {
		case <-ix.stop:
			return
		case <-ix.wake:
			_ = ix.Flush()
		}
	}
}

// Close stops the background writer and drops the index.
func (ix *Index) Close() error {
	close(ix.stop)
	<-ix.done
	err := errors.Join(ix.cold.Close(), ix.hot.Close())
	if rmErr := os.RemoveAll(ix.dir); err == nil {
		err = rmErr
	}
	return err
}

// maxBatch bounds one bleve batch, so a search that applies the queue waits for at most
// one batch's worth of another writer's work.
const maxBatch = 500

// hotMax is how many keys the hot tier holds at most: a batch that would make it hold more
// goes to cold with every hot key (a compaction, which starts cold's rankings again). Ranking
// the hot tier is a search of every query over up to hotMax entries; a compaction re-indexes
// them in cold.
const hotMax = 256

// hotID is how hot names its documents, so an alias over both tiers tells them apart.
const hotID = "h:"

// Flush applies every queued Put and Remove to the bleve indexes: a small batch to hot, a
// large one (with hot's keys) to cold.
func (ix *Index) Flush() error {
	ix.apply.Lock()
	defer ix.apply.Unlock()
	began, applied := time.Now(), 0
	for {
		ix.mu.Lock()
		if len(ix.pending) == 0 {
			ix.mu.Unlock()
			if applied > 0 && ix.OnFlush != nil {
				ix.OnFlush(applied, time.Since(began))
			}
			return nil
		}
		todo := make(map[string]*Entry, min(len(ix.pending), maxBatch))
		for k, e := range ix.pending {
			todo[k] = e
			delete(ix.pending, k)
			if len(todo) == maxBatch {
				break
			}
		}
		newHot := 0
		for k := range todo {
			if !ix.inHot[k] {
				newHot++
			}
		}
		compact := len(ix.inHot)+newHot > hotMax
		if compact { // hot's keys go to cold too, as they are now
			for k := range ix.inHot {
				if _, ok := todo[k]; !ok {
					if sl := ix.slots[k]; sl != nil && sl.live {
						e := sl.e
						todo[k] = &e
					} else {
						todo[k] = nil
					}
				}
			}
		}
		ix.applying += len(todo)
		ix.mu.Unlock()
		var err error
		if compact {
			err = ix.compact(todo)
		} else {
			err = ix.applyHot(todo)
		}
		ix.mu.Lock()
		ix.applying -= len(todo)
		ix.mu.Unlock()
		if err != nil {
			return err
		}
		applied += len(todo)
	}
}

// batch is todo as a bleve batch of tier, its ids prefixed.
func batch(tier bleve.Index, todo map[string]*Entry, prefix string) (*bleve.Batch, error) {
	b := tier.NewBatch()
	for k, e := range todo {
		if e == nil {
			b.Delete(prefix + k)
			continue
		}
		if err := b.Index(prefix+k, indexed(*e)); err != nil {
			return nil, fmt.Errorf("search index %s: %w", k, err)
		}
	}
	return b, nil
}

// applyHot puts a batch into hot: once applied, its keys are hot's (cold's copies hidden).
func (ix *Index) applyHot(todo map[string]*Entry) error {
	b, err := batch(ix.hot, todo, hotID)
	if err != nil {
		return err
	}
	err = ix.hot.Batch(b)
	ix.hotGen.Add(1) // after the batch: a ranking of a generation never misses its changes
	ix.gen.Add(1)
	if err != nil {
		return fmt.Errorf("search index batch: %w", err)
	}
	ix.mu.Lock()
	for k := range todo {
		ix.inHot[k] = true
		sl := ix.slots[k]
		if sl == nil { // removed without having been put
			sl = &slot{}
			ix.slots[k] = sl
		}
		sl.hot = true
	}
	ix.mu.Unlock()
	return nil
}

// compact puts a batch (with every hot key) into cold, then hands the keys back to cold and
// drops them from hot. Hot hides cold's copies until cold holds the new ones; a search that
// ranked cold before and merges after the hand-over sees the epoch change and ranks again.
func (ix *Index) compact(todo map[string]*Entry) error {
	b, err := batch(ix.cold, todo, "")
	if err != nil {
		return err
	}
	err = ix.cold.Batch(b)
	ix.coldGen.Add(1)
	ix.gen.Add(1)
	if err != nil {
		return fmt.Errorf("search index batch: %w", err)
	}
	ix.mu.Lock()
	drop := make(map[string]*Entry, len(ix.inHot))
	for k := range todo {
		if ix.inHot[k] {
			drop[k] = nil
			delete(ix.inHot, k)
			ix.slots[k].hot = false
		}
	}
	ix.epoch++
	ix.mu.Unlock()
	if len(drop) == 0 {
		return nil
	}
	hb, err := batch(ix.hot, drop, hotID)
	if err != nil {
		return err
	}
	err = ix.hot.Batch(hb)
	ix.hotGen.Add(1)
	ix.gen.Add(1)
	if err != nil {
		return fmt.Errorf("search index batch: %w", err)
	}
	return nil
}

// indexed is what bleve indexes of an entry.
func indexed(e Entry) map[string]any {
	d := map[string]any{
		fKind:    e.Kind,
		fReaders: readerTerms(e.Readers),
		fRegion:  e.Region,
		fTheme:   e.Theme,
		fGoal:    e.NationalGoal,
	}
	if !e.At.IsZero() {
		d[fAt] = e.At.UTC()
	}
	for _, tf := range textFields {
		if (tf.analyzer == fi.AnalyzerName && e.Lang == "sv") || (tf.analyzer == sv.AnalyzerName && e.Lang == "fi") {
			continue
		}
		if tf.source == "title" {
			d[tf.name] = e.Title
		} else {
			d[tf.name] = e.Body
		}
	}
	return d
}

func readerTerms(a Audience) []string {
	var out []string
	if a.Public {
		out = append(out, "public")
	}
	if a.Network {
		out = append(out, "network")
	}
	for _, w := range a.Workspaces {
		out = append(out, "ws:"+w)
	}
	if len(out) == 0 {
		out = append(out, "nobody")
	}
	return out
}

func clone(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return append([]string(nil), s...)
}

// Searcher is who searches: anonymous readers see public entries, signed-in people also
// network-wide ones and those of the workspaces they belong to; All (platform administrators,
// who read every workspace) sees everything.
type Searcher struct {
	SignedIn   bool
	All        bool
	Workspaces []string
}

// Query is one search.
type Query struct {
	Text         string
	Kinds        []string
	Region       []string // any of
	Theme        []string
	NationalGoal []string
	From, To     time.Time // zero: open; To is exclusive
	Offset       int
	Limit        int
	NoCounts     bool // leave Result.ByKind empty (the search box's suggestions): counting reads every match's kind
}

// Hit is one result: the entry's public parts and its highlighted title and fragment
// (HTML: the text escaped, then matches wrapped in <mark>).
type Hit struct {
	Kind         string    `json:"kind"`
	ID           string    `json:"id"`
	Title        string    `json:"title"`
	TitleHTML    string    `json:"titleHtml"`
	FragmentHTML string    `json:"fragmentHtml"`
	Link         string    `json:"link"`
	Region       []string  `json:"region"`
	Theme        []string  `json:"theme"`
	NationalGoal []string  `json:"nationalGoal"`
	At           time.Time `json:"at"`
}

// Result is one page of hits, the total and the count per kind (of what the searcher may
// read, under every filter but the kind).
type Result struct {
	Total  int            `json:"total"`
	Hits   []Hit          `json:"hits"`
	ByKind map[string]int `json:"byKind"`
}

// MaxLimit bounds a page.
const MaxLimit = 50

// backlog is how many unapplied changes a search does not wait for: the entries the
// services hand over at start (thousands of forum posts) or a burst are applied by the
// background writer while searches answer from what is in already.
const backlog = 100

// Search runs q for s. It first applies the queued changes, so it finds everything put
// before it — unless the queue is a start's backlog, which the writer is applying.
func (ix *Index) Search(s Searcher, q Query) (Result, error) {
	ix.mu.Lock()
	queued := len(ix.pending) + ix.applying
	ix.mu.Unlock()
	if queued > 0 && queued <= backlog {
		if err := ix.Flush(); err != nil {
			return Result{}, err
		}
	}
	if q.Limit <= 0 || q.Limit > MaxLimit {
		q.Limit = 20
	}
	words := Words(q.Text)
	gen, cacheKey := ix.gen.Load(), answerKey(s, q, words)
	if r, ok := ix.answers.get(gen, cacheKey); ok && !ix.uncached {
		return r, nil
	}
	// Who may read and the filters only narrow (unscored); the words rank.
	var filters []query.Query
	var scored query.Query = bleve.NewMatchAllQuery()
	if len(words) > 0 {
		scored = textQuery(words)
	}
	if len(q.Region) > 0 {
		filters = append(filters, anyTerm(fRegion, q.Region))
	}
	if len(q.Theme) > 0 {
		filters = append(filters, anyTerm(fTheme, q.Theme))
	}
	if len(q.NationalGoal) > 0 {
		filters = append(filters, anyTerm(fGoal, q.NationalGoal))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		incl, excl := true, false
		dq := bleve.NewDateRangeInclusiveQuery(q.From, q.To, &incl, &excl)
		dq.SetField(fAt)
		filters = append(filters, dq)
	}
	build := func(filters []query.Query) query.Query {
		bq := bleve.NewBooleanQuery()
		bq.AddMust(scored)
		switch len(filters) {
		case 0:
		case 1:
			bq.AddFilter(filters[0])
		default:
			bq.AddFilter(bleve.NewConjunctionQuery(filters...))
		}
		return bq
	}
	if len(words) > 0 {
		out, err := ix.searchRanked(s, q, words, build(filters))
		if err == nil {
			ix.answers.put(gen, cacheKey, out, 1, maxAnswers)
		}
		return out, err
	}
	if !s.All {
		terms := []string{"public"}
		if s.SignedIn {
			terms = append(terms, "network")
			for _, w := range s.Workspaces {
				terms = append(terms, "ws:"+w)
			}
		}
		filters = append(filters, anyTerm(fReaders, terms))
	}
	// Cold's copies of the keys hot holds are not read (hot's ids are prefixed, so this hides
	// none of hot's own).
	ix.mu.Lock()
	hidden := make([]string, 0, len(ix.inHot))
	for k := range ix.inHot {
		hidden = append(hidden, k)
	}
	ix.mu.Unlock()
	if len(hidden) > 0 {
		nq := bleve.NewBooleanQuery()
		nq.AddMustNot(bleve.NewDocIDQuery(hidden))
		filters = append(filters, nq)
	}
	all := filters
	if len(q.Kinds) > 0 {
		all = append(append([]query.Query(nil), filters...), anyTerm(fKind, q.Kinds))
	}
	req := bleve.NewSearchRequestOptions(build(all), q.Limit, q.Offset, false)
	if len(q.Kinds) == 0 && !q.NoCounts {
		req.AddFacet(fKind, bleve.NewFacetRequest(fKind, len(Kinds)+2))
	}
	// By relevance (ties in index order), or newest first when no words were given: sorting
	// by a field reads its value for every match, which relevance alone does not.
	if len(words) == 0 {
		req.SortBy([]string{"-" + fAt, "_id"}) // ties by id: the tiers' alias merges in no set order
	}
	res, err := ix.both.Search(req)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	out := Result{Total: int(res.Total), Hits: make([]Hit, 0, len(res.Hits)), ByKind: map[string]int{}}
	hl := ix.highlighter(words)
	for _, h := range res.Hits {
		e, ok := ix.entry(strings.TrimPrefix(h.ID, hotID))
		if !ok {
			continue // removed since
		}
		out.Hits = append(out.Hits, hitOf(e, hl))
	}
	// Counts per kind under the same query without the kind filter: with a kind filter, a
	// second request for them.
	fres := res
	if len(q.Kinds) > 0 && !q.NoCounts {
		fr := bleve.NewSearchRequestOptions(build(filters), 0, 0, false)
		fr.AddFacet(fKind, bleve.NewFacetRequest(fKind, len(Kinds)+2))
		if fres, err = ix.both.Search(fr); err != nil {
			return Result{}, fmt.Errorf("search counts: %w", err)
		}
	}
	if f := fres.Facets[fKind]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			out.ByKind[t.Term] = t.Count
		}
	}
	ix.answers.put(gen, cacheKey, out, 1, maxAnswers)
	return out, nil
}

// ranked is a match of a ranking: the entry's key, its score and its slot.
type ranked struct {
	k     string
	score float64
	s     *slot
}

// rank returns every match of a tier in relevance order, from the tier's rankings of its
// generation or by searching it (made says so).
func (ix *Index) rank(tier bleve.Index, c *rankings, gen uint64, rk, prefix string, matching query.Query) (out []ranked, made bool, err error) {
	if out, ok := c.get(gen, rk); ok && !ix.uncached {
		return out, false, nil
	}
	n, err := tier.DocCount()
	if err != nil {
		return nil, true, fmt.Errorf("search: %w", err)
	}
	size := int(n) + backlog
	for {
		res, err := tier.Search(bleve.NewSearchRequestOptions(matching, size, 0, false))
		if err != nil {
			return nil, true, fmt.Errorf("search: %w", err)
		}
		if int(res.Total) > len(res.Hits) && len(res.Hits) == size { // more since the count
			size = int(res.Total)
			continue
		}
		out = make([]ranked, len(res.Hits))
		for i, h := range res.Hits {
			out[i] = ranked{k: strings.TrimPrefix(h.ID, prefix), score: h.Score}
		}
		// Equal scores by key: bleve's order of ties is the order of its segments, which its
		// merges change, so a ranking made again would differ from a cached one.
		slices.SortFunc(out, func(a, b ranked) int {
			if a.score != b.score {
				return cmp.Compare(b.score, a.score)
			}
			return strings.Compare(a.k, b.k)
		})
		ix.mu.Lock()
		for i := range out {
			if out[i].s = ix.slots[out[i].k]; out[i].s == nil { // not put yet: bleve holds only what was
				out[i].s = &slot{}
			}
		}
		ix.mu.Unlock()
		break
	}
	c.put(gen, rk, out, len(out), maxRanked)
	return out, true, nil
}

// searchRanked answers a search of words from the query's rankings (every match under its
// filters, in relevance order, made once per generation of each tier and shared by every
// searcher): the two tiers' rankings merged by score (cold's first on a tie), each key read
// from the tier that holds it; the searcher's page and counts are what of it they may read
// (may), of the kinds asked for. Ranking thousands of matches of a common word is the
// search's cost, and cold's rankings outlive the posts that change only hot; reading a ranking
// again is a map lookup per match.
func (ix *Index) searchRanked(s Searcher, q Query, words []string, matching query.Query) (Result, error) {
	rk := rankKey(q, words)
	for {
		ix.mu.Lock()
		epoch, anyHot := ix.epoch, len(ix.inHot) > 0
		ix.mu.Unlock()
		cold, madeCold, err := ix.rank(ix.cold, &ix.rankings, ix.coldGen.Load(), rk, "", matching)
		if err != nil {
			return Result{}, err
		}
		var hot []ranked
		madeHot := false
		if anyHot {
			if hot, madeHot, err = ix.rank(ix.hot, &ix.hotRankings, ix.hotGen.Load(), rk, hotID, matching); err != nil {
				return Result{}, err
			}
		}
		if madeCold || madeHot {
			ix.rankMisses.Add(1)
		} else {
			ix.rankHits.Add(1)
		}
		out, page, ok := ix.readRanked(s, q, cold, hot, epoch)
		if !ok {
			continue // keys moved from hot to cold meanwhile: cold's ranking may be older than its keys
		}
		out.Hits = make([]Hit, 0, len(page))
		var hl *highlighter
		said := strings.Join(words, " ") + "|"
		for _, p := range page {
			// A hit highlighted for these words is the same for every searcher while the entry
			// stays the same: found again in the entry's text by the analysers.
			hk := said + p.k + "|" + strconv.FormatUint(p.ver, 36)
			h, ok := ix.hits.get(0, hk)
			if !ok || ix.uncached {
				if hl == nil {
					hl = ix.highlighter(words)
				}
				h = hitOf(p.e, hl)
				ix.hits.put(0, hk, h, 1, maxHits)
			}
			out.Hits = append(out.Hits, h)
		}
		return out, nil
	}
}

// shown is an entry of a page, its key and version.
type shown struct {
	k   string
	e   Entry
	ver uint64
}

// readRanked merges the tiers' rankings and keeps what s may read: the counts and the page.
// It fails when keys moved from hot to cold since epoch.
func (ix *Index) readRanked(s Searcher, q Query, cold, hot []ranked, epoch uint64) (Result, []shown, bool) {
	out := Result{ByKind: map[string]int{}}
	var page []shown
	const chunk = 512 // entries read per hold of the lock, so writers' Puts do not wait for a long ranking
	i, j := 0, 0
	for i < len(cold) || j < len(hot) {
		ix.mu.Lock()
		if ix.epoch != epoch {
			ix.mu.Unlock()
			return Result{}, nil, false
		}
		for n := 0; n < chunk && (i < len(cold) || j < len(hot)); n++ {
			var r ranked
			if j >= len(hot) || (i < len(cold) && cold[i].score >= hot[j].score) {
				r = cold[i]
				i++
				if r.s.hot {
					continue // hot holds its state
				}
			} else {
				r = hot[j]
				j++
				if !r.s.hot {
					continue // handed back to cold
				}
			}
			e := &r.s.e
			if !r.s.live || !s.may(e.Readers) {
				continue // removed since, or not the searcher's to read
			}
			if !q.NoCounts {
				out.ByKind[e.Kind]++
			}
			if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, e.Kind) {
				continue
			}
			if out.Total >= q.Offset && len(page) < q.Limit {
				page = append(page, shown{r.k, *e, r.s.ver})
			}
			out.Total++
		}
		ix.mu.Unlock()
	}
	return out, page, true
}

// may tells whether the searcher may read an entry of these readers: what the readers filter
// of a search without words lets through (public; network for the signed-in; the workspaces'
// members; everything for All).
func (s Searcher) may(a Audience) bool {
	if s.All || a.Public {
		return true
	}
	if !s.SignedIn {
		return false
	}
	if a.Network {
		return true
	}
	for _, w := range a.Workspaces {
		if slices.Contains(s.Workspaces, w) {
			return true
		}
	}
	return false
}

// hitOf is an entry as a hit: its public parts, its title and a fragment highlighted.
func hitOf(e Entry, hl *highlighter) Hit {
	title, body := hl.spans(e.Title, 0), hl.spans(e.Body, fragmentLen)
	return Hit{Kind: e.Kind, ID: e.ID, Title: e.Title, TitleHTML: Highlight(e.Title, title),
		FragmentHTML: Fragment(e.Body, body, fragmentLen), Link: e.Link, Region: nonNil(e.Region), Theme: nonNil(e.Theme),
		NationalGoal: nonNil(e.NationalGoal), At: e.At}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func anyTerm(field string, terms []string) query.Query {
	qs := make([]query.Query, 0, len(terms))
	for _, t := range terms {
		tq := bleve.NewTermQuery(t)
		tq.SetField(field)
		qs = append(qs, tq)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// textQuery: every word must match some text field in its stemmed form (Finnish or
// Swedish); the last word (the one being typed) also as a prefix of a plain word.
func textQuery(words []string) query.Query {
	var each []query.Query
	for i, w := range words {
		var alts []query.Query
		for _, tf := range textFields {
			if tf.analyzer == standard.Name {
				continue // the stemmed fields hold every word the plain ones do (plain serves prefixes)
			}
			mq := bleve.NewMatchQuery(w)
			mq.SetField(tf.name)
			mq.Analyzer = tf.analyzer
			mq.SetBoost(tf.boost)
			alts = append(alts, mq)
		}
		if i == len(words)-1 && len([]rune(w)) >= minPrefix {
			for _, f := range []string{"title_plain", "body_plain"} {
				pq := bleve.NewPrefixQuery(w)
				pq.SetField(f)
				pq.SetBoost(0.5)
				alts = append(alts, pq)
			}
		}
		each = append(each, bleve.NewDisjunctionQuery(alts...))
	}
	return bleve.NewConjunctionQuery(each...)
}

// minPrefix is the shortest last word also matched as a prefix: two letters match a good
// part of the vocabulary, which costs more than it finds.
const minPrefix = 3

// MaxWords bounds the words of one query.
const MaxWords = 12

// Words splits a query into lower-cased words (letters and digits), at most MaxWords.
func Words(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	if len(f) > MaxWords {
		f = f[:MaxWords]
	}
	return f
}

// span is a matched byte range of a text.
type span struct{ start, end int }
