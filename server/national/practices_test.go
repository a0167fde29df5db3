package national

import (
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/practices"
)

// The published practices of these tests (the library's drafts never reach the national view):
//
//	P1 Kainuu      national goals 1, 2   theme ohjaamo   first published 2026-03-01
//	P2 Kainuu      national goal 1                        2025-06-01
//	P3 Kainuu      no national goal                       2026-01-05
//	P4 Etelä-Savo  national goal 2       theme ohjaamo    2026-02-01
//	P5 no region                                          2026-01-01 (counted nowhere)
type libStub struct {
	mu       sync.Mutex
	list     []practices.Published
	watchers []func()
}

func (l *libStub) EachPublished(f func(practices.Published)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, p := range l.list {
		f(p)
	}
}
func (l *libStub) OnPublish(f func()) { l.watchers = append(l.watchers, f) }
func (l *libStub) publish(p practices.Published) {
	l.mu.Lock()
	l.list = append(l.list, p)
	l.mu.Unlock()
	for _, w := range l.watchers {
		w()
	}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func library() *libStub {
	return &libStub{list: []practices.Published{
		{ID: "p1", WorkspaceID: wsKainuu, RegionID: kainuu, NationalGoals: []string{ng(1), ng(2)}, Themes: []string{ohjaamo}, FirstPublished: day("2026-03-01")},
		{ID: "p2", WorkspaceID: wsKainuu, RegionID: kainuu, NationalGoals: []string{ng(1)}, FirstPublished: day("2025-06-01")},
		{ID: "p3", WorkspaceID: wsKainuu, RegionID: kainuu, FirstPublished: day("2026-01-05")},
		{ID: "p4", WorkspaceID: wsSavo, RegionID: savo, NationalGoals: []string{ng(2)}, Themes: []string{ohjaamo}, FirstPublished: day("2026-02-01")},
		{ID: "p5", WorkspaceID: wsNat, FirstPublished: day("2026-01-01")},
	}}
}

// counts is a practice row as national goal number -> count, plus the total.
type counts struct {
	cells map[int]int
	total int
}

func wantPractices(t *testing.T, what string, d Dashboard, got PracticeRow, exp counts) {
	t.Helper()
	want := make([]int, len(d.NationalGoals))
	for i, g := range d.NationalGoals {
		for n, c := range exp.cells {
			if g.ID == ng(n) {
				want[i] = c
			}
		}
	}
	if !slices.Equal(got.Cells, want) || got.Total != exp.total {
		t.Errorf("%s: cells %v total %d, want %v total %d", what, got.Cells, got.Total, want, exp.total)
	}
}

func practiceRow(t *testing.T, d Dashboard, region string) PracticeRow {
	t.Helper()
	if len(d.Practices.Rows) != len(d.Rows) {
		t.Fatalf("%d practice rows for %d rows", len(d.Practices.Rows), len(d.Rows))
	}
	for i, r := range d.Practices.Rows {
		if r.RegionID != d.Rows[i].Region.ID {
			t.Fatalf("practice row %d is %s, the matrix row %s", i, r.RegionID, d.Rows[i].Region.ID)
		}
		if r.RegionID == region {
			return r
		}
	}
	t.Fatalf("no practice row for %s", region)
	return PracticeRow{}
}

func TestPracticesPerGoalAndRegion(t *testing.T) {
	s, _ := newServiceWith(t, library())
	dash := func(p accounts.Principal, f Filter) Dashboard {
		t.Helper()
		d, err := s.Dashboard(p, f)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	all := counts{map[int]int{1: 2, 2: 2}, 4}
	d := dash(nationalUser, Filter{})
	wantPractices(t, "Kainuu", d, practiceRow(t, d, kainuu), counts{map[int]int{1: 2, 2: 1}, 3})
	wantPractices(t, "Etelä-Savo", d, practiceRow(t, d, savo), counts{map[int]int{2: 1}, 1})
	wantPractices(t, "totals", d, d.Practices.Totals, all)
	if d.Practices.Totals.RegionID != "" {
		t.Errorf("the totals name region %q", d.Practices.Totals.RegionID)
	}

	// The period filter takes the year of the first publication; a period of several years takes each.
	d = dash(nationalUser, Filter{Periods: []string{"2026"}})
	wantPractices(t, "Kainuu 2026", d, practiceRow(t, d, kainuu), counts{map[int]int{1: 1, 2: 1}, 2})
	wantPractices(t, "totals 2026", d, d.Practices.Totals, counts{map[int]int{1: 1, 2: 2}, 3})
	d = dash(nationalUser, Filter{Periods: []string{"2025"}})
	wantPractices(t, "totals 2025", d, d.Practices.Totals, counts{map[int]int{1: 1}, 1})

	// The theme filter keeps practices about the theme; quality dimensions do not apply.
	d = dash(nationalUser, Filter{Themes: []string{ohjaamo}})
	wantPractices(t, "Kainuu ohjaamo", d, practiceRow(t, d, kainuu), counts{map[int]int{1: 1, 2: 1}, 1})
	wantPractices(t, "totals ohjaamo", d, d.Practices.Totals, counts{map[int]int{1: 1, 2: 2}, 2})
	d = dash(nationalUser, Filter{QualityDimensions: []string{tno}})
	wantPractices(t, "totals with a quality dimension", d, d.Practices.Totals, all)

	// A region filter: national totals are over the rows shown.
	d = dash(nationalUser, Filter{Regions: []string{savo}})
	wantPractices(t, "Etelä-Savo alone", d, practiceRow(t, d, savo), counts{map[int]int{2: 1}, 1})
	wantPractices(t, "totals of Etelä-Savo", d, d.Practices.Totals, counts{map[int]int{2: 1}, 1})

	// A regional member: their own region against every region's totals, no other region named.
	d = dash(savoUser, Filter{})
	if len(d.Practices.Rows) != 1 {
		t.Fatalf("a regional member sees %d practice rows", len(d.Practices.Rows))
	}
	wantPractices(t, "own region", d, practiceRow(t, d, savo), counts{map[int]int{2: 1}, 1})
	wantPractices(t, "regional member's totals", d, d.Practices.Totals, all)
}

func TestANewlyPublishedPracticeChangesTheDashboard(t *testing.T) {
	lib := library()
	s, _ := newServiceWith(t, lib)
	heard := make(chan Change, 10)
	s.OnChange(func(c Change) { heard <- c })
	before := s.Version()

	lib.publish(practices.Published{ID: "p6", WorkspaceID: wsSavo, RegionID: savo, NationalGoals: []string{ng(3)}, FirstPublished: day("2026-11-20")})
	for c := range heard {
		if c.Version > before {
			break
		}
	}
	d, err := s.Dashboard(nationalUser, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	wantPractices(t, "Etelä-Savo after the publication", d, practiceRow(t, d, savo), counts{map[int]int{2: 1, 3: 1}, 2})
}
