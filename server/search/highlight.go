package search

import (
	"html"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/analysis/lang/fi"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
)

// fragmentLen is about how many bytes of a body a result shows around its first match.
const fragmentLen = 200

// Highlight returns text as HTML: every part escaped, the matched spans wrapped in <mark>.
func Highlight(text string, spans []span) string {
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.start < at || s.end > len(text) || s.start >= s.end {
			continue
		}
		b.WriteString(html.EscapeString(text[at:s.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[s.start:s.end]))
		b.WriteString("</mark>")
		at = s.end
	}
	b.WriteString(html.EscapeString(text[at:]))
	return b.String()
}

// Fragment returns about n bytes of text around its first matched span (from the start
// when nothing matched) as HTML, as Highlight, with an ellipsis where text was cut.
func Fragment(text string, spans []span, n int) string {
	if text == "" {
		return ""
	}
	from := 0
	if len(spans) > 0 && spans[0].start > n/3 {
		from = spans[0].start - n/3
	}
	to := min(len(text), from+n)
	// Cut at word boundaries (and never inside a UTF-8 sequence).
	if from > 0 {
		if i := strings.IndexAny(text[from:min(to, from+30)], " \n\t"); i >= 0 {
			from += i + 1
		}
		for from < len(text) && !utf8.RuneStart(text[from]) {
			from++
		}
	}
	if to < len(text) {
		if i := strings.LastIndexAny(text[from:to], " \n\t"); i > 0 && i > (to-from)/2 {
			to = from + i
		}
		for to > from && !utf8.RuneStart(text[to]) {
			to--
		}
	}
	var in []span
	for _, s := range spans {
		if s.start >= from && s.end <= to {
			in = append(in, span{s.start - from, s.end - from})
		}
	}
	out := Highlight(text[from:to], in)
	if from > 0 {
		out = "…" + out
	}
	if to < len(text) {
		out += "…"
	}
	return out
}

// highlighter finds the words of a query in a text as the index matched them: a word of
// the text is marked when one of the analysers (Finnish, Swedish, plain) turns it into a term
// the same analyser made of a query word, or when it starts with the last query word (typing).
type highlighter struct {
	analyzers []analysis.Analyzer
	terms     []map[string]bool // per analyser
	prefix    string

	// When every analyser tokenizes alike and starts with the same filters (the Finnish,
	// Swedish and plain ones: the unicode tokenizer, then lower case), a text is tokenized
	// and lower-cased once and each analyser applies only its own filters to a copy: the
	// same tokens, a third of the work.
	tokenizer analysis.Tokenizer
	common    []analysis.TokenFilter
	own       [][]analysis.TokenFilter // per analyser, after common
}

// shareTokens fills h's tokenizer, common and own when its analysers allow.
func (h *highlighter) shareTokens() {
	var das []*analysis.DefaultAnalyzer
	for _, a := range h.analyzers {
		da, ok := a.(*analysis.DefaultAnalyzer)
		if !ok || len(da.CharFilters) > 0 || da.Tokenizer == nil {
			return
		}
		if len(das) > 0 && da.Tokenizer != das[0].Tokenizer {
			return
		}
		das = append(das, da)
	}
	if len(das) == 0 {
		return
	}
	n := len(das[0].TokenFilters)
	for _, da := range das[1:] {
		n = min(n, len(da.TokenFilters))
		for i := range n {
			if da.TokenFilters[i] != das[0].TokenFilters[i] {
				n = i
				break
			}
		}
	}
	h.tokenizer, h.common = das[0].Tokenizer, das[0].TokenFilters[:n]
	for _, da := range das {
		h.own = append(h.own, da.TokenFilters[n:])
	}
}

// analyze returns each analyser's tokens of b.
func (h *highlighter) analyze(b []byte) []analysis.TokenStream {
	out := make([]analysis.TokenStream, len(h.analyzers))
	if h.tokenizer == nil {
		for i, a := range h.analyzers {
			out[i] = a.Analyze(b)
		}
		return out
	}
	toks := h.tokenizer.Tokenize(b)
	for _, f := range h.common {
		toks = f.Filter(toks)
	}
	for i := range h.analyzers {
		if i == len(h.analyzers)-1 {
			out[i] = toks // the last one filters the shared tokens themselves
		} else { // a copy: filters change terms in place
			cp := make([]analysis.Token, len(toks))
			stream := make(analysis.TokenStream, len(toks))
			size := 0
			for _, t := range toks {
				size += len(t.Term)
			}
			terms := make([]byte, 0, size)
			for j, t := range toks {
				cp[j] = *t
				terms = append(terms, t.Term...)
				cp[j].Term = terms[len(terms)-len(t.Term) : len(terms) : len(terms)]
				stream[j] = &cp[j]
			}
			out[i] = stream
		}
		for _, f := range h.own[i] {
			out[i] = f.Filter(out[i])
		}
	}
	return out
}

func (ix *Index) highlighter(words []string) *highlighter {
	h := &highlighter{}
	if len(words) == 0 {
		return h
	}
	q := []byte(strings.Join(words, " "))
	for _, name := range []string{fi.AnalyzerName, sv.AnalyzerName, standard.Name} {
		a := ix.cold.Mapping().AnalyzerNamed(name)
		if a == nil {
			continue
		}
		set := map[string]bool{}
		for _, tok := range a.Analyze(q) {
			set[string(tok.Term)] = true
		}
		h.analyzers = append(h.analyzers, a)
		h.terms = append(h.terms, set)
	}
	if last := words[len(words)-1]; len([]rune(last)) >= minPrefix {
		h.prefix = last
	}
	h.shareTokens()
	return h
}

// chunk is how much of a long text is analysed at a time when looking for its first match.
const chunk = 2048

// spans returns the matched byte ranges of text, sorted and merged. With window > 0 only
// those up to about window bytes after the first match are wanted (a fragment), so a long
// text is analysed a chunk at a time and no further.
func (h *highlighter) spans(text string, window int) []span {
	if len(h.analyzers) == 0 || text == "" {
		return nil
	}
	var out []span
	for from := 0; from < len(text); {
		to := len(text)
		if window > 0 && to-from > chunk {
			to = from + chunk
			if i := strings.LastIndexAny(text[from:to], " \n\t"); i > 0 {
				to = from + i
			}
		}
		out = append(out, h.match(text[from:to], from)...)
		from = to
		if window > 0 && len(out) > 0 && from > out[0].start+window {
			break
		}
	}
	return merge(out)
}

func (h *highlighter) match(text string, base int) []span {
	var out []span
	for i, toks := range h.analyze([]byte(text)) {
		for _, tok := range toks {
			if h.terms[i][string(tok.Term)] || (h.prefix != "" && strings.HasPrefix(string(tok.Term), h.prefix)) {
				out = append(out, span{base + tok.Start, base + tok.End})
			}
		}
	}
	return out
}

// merge sorts spans and joins overlapping ones.
func merge(out []span) []span {
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}
