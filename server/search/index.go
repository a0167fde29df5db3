package search

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
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
// and a bleve index in memory over them. Put and Remove only queue the change, so they are
// cheap and safe from any goroutine (including a document room's); the queue is applied in
// one batch by a background writer and by every search before it runs, so a search always
// sees every Put made before it.
type Index struct {
	bleve bleve.Index
	dir   string // scratch directory of the bleve index

	mu       sync.Mutex // guards entries, pending and applying
	entries  map[string]Entry
	pending  map[string]*Entry // nil: remove
	applying int               // changes taken from pending, not yet searchable
	wake     chan struct{}

	apply sync.Mutex // serialises applying the queue to bleve

	gen      atomic.Uint64 // grows with every batch applied to bleve: the cached answers' generation
	answers  answers       // cache.go
	rankings rankings
	hits     genCache[Hit] // highlighted hits by words and entry (cache.go)

	// OnFlush, when set before the first Put, is told after the queue was applied: how many
	// changes and how long it took (the service logs large ones: the build at start).
	OnFlush func(changes int, took time.Duration)
	stop    chan struct{}
	done    chan struct{}
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
	b, err := bleve.NewUsing(filepath.Join(dir, "index"), m, scorch.Name, scorch.Name, map[string]any{
		"unsafe_batch": true, // a batch is searchable once applied in memory; writing it out is the persister's, later
	})
	if err != nil {
		_ = os.RemoveAll(dir)
		return nil, fmt.Errorf("search index: %w", err)
	}
	ix := &Index{bleve: b, dir: dir, entries: map[string]Entry{}, pending: map[string]*Entry{},
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
	ix.entries[k] = e
	ix.pending[k] = &e
	ix.mu.Unlock()
	ix.poke()
}

// Remove drops an entry; removing an unknown one does nothing.
func (ix *Index) Remove(kind, id string) {
	k := key(kind, id)
	ix.mu.Lock()
	delete(ix.entries, k)
	ix.pending[k] = nil
	ix.mu.Unlock()
	ix.poke()
}

// Len is how many entries the index holds.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.entries)
}

func (ix *Index) entry(k string) (Entry, bool) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	e, ok := ix.entries[k]
	return e, ok
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
	err := ix.bleve.Close()
	if rmErr := os.RemoveAll(ix.dir); err == nil {
		err = rmErr
	}
	return err
}

// maxBatch bounds one bleve batch, so a search that applies the queue waits for at most
// one batch's worth of another writer's work.
const maxBatch = 500

// Flush applies every queued Put and Remove to the bleve index.
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
		ix.applying += len(todo)
		ix.mu.Unlock()
		b := ix.bleve.NewBatch()
		for k, e := range todo {
			if e == nil {
				b.Delete(k)
				continue
			}
			if err := b.Index(k, indexed(*e)); err != nil {
				ix.mu.Lock()
				ix.applying -= len(todo)
				ix.mu.Unlock()
				return fmt.Errorf("search index %s: %w", k, err)
			}
		}
		err := ix.bleve.Batch(b)
		ix.gen.Add(1) // before the changes count as applied: no search caches an answer without them as current
		ix.mu.Lock()
		ix.applying -= len(todo)
		ix.mu.Unlock()
		if err != nil {
			return fmt.Errorf("search index batch: %w", err)
		}
		applied += len(todo)
	}
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
	if r, ok := ix.answers.get(gen, cacheKey); ok {
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
		out, err := ix.searchRanked(s, q, words, gen, build(filters))
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
		req.SortBy([]string{"-" + fAt})
	}
	res, err := ix.bleve.Search(req)
	if err != nil {
		return Result{}, fmt.Errorf("search: %w", err)
	}
	out := Result{Total: int(res.Total), Hits: make([]Hit, 0, len(res.Hits)), ByKind: map[string]int{}}
	hl := ix.highlighter(words)
	for _, h := range res.Hits {
		e, ok := ix.entry(h.ID)
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
		if fres, err = ix.bleve.Search(fr); err != nil {
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

// searchRanked answers a search of words from the query's ranking (every match under its
// filters, in relevance order, made once per generation of the index and shared by every
// searcher): the searcher's page and counts are what of it they may read (may), of the kinds
// asked for. Ranking thousands of matches of a common word is the search's cost; reading a
// ranking again is a map lookup per match.
func (ix *Index) searchRanked(s Searcher, q Query, words []string, gen uint64, matching query.Query) (Result, error) {
	rk := rankKey(q, words)
	keys, ok := ix.rankings.get(gen, rk)
	if !ok {
		size := ix.Len() + backlog
		for {
			res, err := ix.bleve.Search(bleve.NewSearchRequestOptions(matching, size, 0, false))
			if err != nil {
				return Result{}, fmt.Errorf("search: %w", err)
			}
			if int(res.Total) > len(res.Hits) && len(res.Hits) == size { // more in bleve than entries (removals queued)
				size = int(res.Total)
				continue
			}
			keys = make([]string, len(res.Hits))
			for i, h := range res.Hits {
				keys[i] = h.ID
			}
			break
		}
		ix.rankings.put(gen, rk, keys, len(keys), maxRanked)
	}
	out := Result{ByKind: map[string]int{}}
	var page []Entry
	const chunk = 512 // entries read per hold of the lock, so writers' Puts do not wait for a long ranking
	for i := 0; i < len(keys); i += chunk {
		ix.mu.Lock()
		for _, k := range keys[i:min(i+chunk, len(keys))] {
			e, ok := ix.entries[k]
			if !ok || !s.may(e.Readers) {
				continue // removed since, or not the searcher's to read
			}
			if !q.NoCounts {
				out.ByKind[e.Kind]++
			}
			if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, e.Kind) {
				continue
			}
			if out.Total >= q.Offset && len(page) < q.Limit {
				page = append(page, e)
			}
			out.Total++
		}
		ix.mu.Unlock()
	}
	out.Hits = make([]Hit, 0, len(page))
	var hl *highlighter
	said := strings.Join(words, " ") + "|"
	for _, e := range page {
		// A hit highlighted for these words is the same for every searcher: found again in the
		// entry's text by the analysers (most of a search's CPU once rankings are shared).
		hk := said + key(e.Kind, e.ID)
		h, ok := ix.hits.get(gen, hk)
		if !ok {
			if hl == nil {
				hl = ix.highlighter(words)
			}
			h = hitOf(e, hl)
			ix.hits.put(gen, hk, h, 1, maxHits)
		}
		out.Hits = append(out.Hits, h)
	}
	return out, nil
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
