package practices

import (
	"strconv"
	"strings"
	"time"
)

// Years is a range of years, both ends included; 0 leaves an end open.
type Years struct{ From, To int }

// ParsePeriod reads a period as action plans write it ("2026", "2025-2027", "2025–2028") as a
// range of years; the library also takes an open end ("2025-": from 2025, "-2027": until 2027).
// The national view's practice counts read the dashboard's periods with it, so a count and the
// library's list under the same period agree.
func ParsePeriod(period string) (Years, bool) {
	a, b, two := strings.Cut(strings.ReplaceAll(period, "–", "-"), "-")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	year := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && len(s) == 4 && n >= 1000
	}
	var y Years
	var ok bool
	if !two {
		y.From, ok = year(a)
		y.To = y.From
		return y, ok
	}
	if a == "" && b == "" {
		return Years{}, false
	}
	if a != "" {
		if y.From, ok = year(a); !ok {
			return Years{}, false
		}
	}
	if b != "" {
		if y.To, ok = year(b); !ok {
			return Years{}, false
		}
	}
	if y.From != 0 && y.To != 0 && y.To < y.From {
		return Years{}, false
	}
	return y, true
}

// Has reports whether year is in the range.
func (y Years) Has(year int) bool {
	return (y.From == 0 || year >= y.From) && (y.To == 0 || year <= y.To)
}

// PublishedIn reports whether a practice first published at first (UTC year) falls in one of
// the ranges; no ranges take every practice, an unpublished one (zero time) none of them.
func PublishedIn(first time.Time, ranges []Years) bool {
	if len(ranges) == 0 {
		return true
	}
	if first.IsZero() {
		return false
	}
	year := first.UTC().Year()
	for _, y := range ranges {
		if y.Has(year) {
			return true
		}
	}
	return false
}

// firstPublished is when the practice's first version was published (zero: never).
func (pr *practice) firstPublished() time.Time {
	if len(pr.versions) == 0 {
		return time.Time{}
	}
	return pr.versions[0].PublishedAt
}
