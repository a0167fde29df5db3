package mention

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Matches reports whether a name matches what was typed after "@": case and accents folded,
// the whole name or any of its words starts with the query (the client's matchesName,
// client/src/comments/mentions.ts). An empty query matches every name.
func Matches(name, query string) bool { return Matcher(query)(name) }

// Matcher is Matches for one query over many names (the query folded once).
func Matcher(query string) func(name string) bool {
	q := Fold(strings.TrimSpace(query))
	return func(name string) bool {
		if q == "" {
			return true
		}
		n := Fold(name)
		if strings.HasPrefix(n, q) {
			return true
		}
		for _, w := range strings.Fields(n) {
			if strings.HasPrefix(w, q) {
				return true
			}
		}
		return false
	}
}

// folded keeps the folded form of names already seen (a name folds the same way every time);
// bounded: past foldCacheMax names the rest are folded on each call.
var (
	foldMu     sync.RWMutex
	folded     = map[string]string{}
	foldedSize int
)

const foldCacheMax = 200_000

// Fold is s in lower case without its accents ("Äijälä" -> "aijala").
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || (s[i] >= 'A' && s[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	foldMu.RLock()
	f, ok := folded[s]
	foldMu.RUnlock()
	if ok {
		return f
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	f = b.String()
	foldMu.Lock()
	if foldedSize < foldCacheMax {
		if _, ok := folded[s]; !ok {
			folded[s] = f
			foldedSize++
		}
	}
	foldMu.Unlock()
	return f
}
