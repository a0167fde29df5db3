package practices

import (
	"testing"
	"time"
)

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct {
		in       string
		from, to int
		ok       bool
	}{{"2026", 2026, 2026, true}, {"2025–2028", 2025, 2028, true}, {"2025 - 2027", 2025, 2027, true},
		{"2025-", 2025, 0, true}, {"-2027", 0, 2027, true}, {"-", 0, 0, false}, {"2027-2025", 0, 0, false},
		{"kevät", 0, 0, false}, {"", 0, 0, false}, {"26", 0, 0, false}, {"2025-2026-2027", 0, 0, false}} {
		y, ok := ParsePeriod(c.in)
		if ok != c.ok || (ok && (y.From != c.from || y.To != c.to)) {
			t.Errorf("%q: %d-%d %v, want %d-%d %v", c.in, y.From, y.To, ok, c.from, c.to, c.ok)
		}
	}
}

func TestPublishedIn(t *testing.T) {
	at := func(s string) time.Time { d, _ := time.Parse(time.RFC3339, s); return d }
	y := func(s string) Years { r, _ := ParsePeriod(s); return r }
	for _, c := range []struct {
		first  time.Time
		ranges []Years
		want   bool
	}{
		{at("2026-03-01T10:00:00Z"), nil, true},
		{time.Time{}, nil, true},
		{time.Time{}, []Years{y("2026")}, false},
		{at("2026-03-01T10:00:00Z"), []Years{y("2025-2027")}, true},
		{at("2026-03-01T10:00:00Z"), []Years{y("2024"), y("2027-")}, false},
		{at("2027-01-01T00:30:00+02:00"), []Years{y("2027")}, false}, // 2026 in UTC
		{at("2027-01-01T00:30:00+02:00"), []Years{y("-2026")}, true},
	} {
		if got := PublishedIn(c.first, c.ranges); got != c.want {
			t.Errorf("%s in %v: %v, want %v", c.first, c.ranges, got, c.want)
		}
	}
}
