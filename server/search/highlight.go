package search

import (
	"html"
	"strings"
	"unicode/utf8"
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
