package national

import (
	"hash/fnv"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/elo-workspace/elo-workspace/server/practices"
)

// Practices is the good-practice library: its published practices and word of new ones.
type Practices interface {
	EachPublished(f func(practices.Published))
	OnPublish(f func())
}

// PracticeRow counts published practices of one region (or of the totals) by national goal.
type PracticeRow struct {
	RegionID string `json:"regionId,omitempty"` // empty in the totals
	Cells    []int  `json:"cells"`              // in the order of the national goals
	Total    int    `json:"total"`              // each practice once, with or without a national goal
}

// PracticeCounts are the good practices per national goal and region: a row for each row of the
// matrix (same order) and the totals (over the rows shown, or over every region for a regional
// member, as the matrix's totals).
type PracticeCounts struct {
	Rows   []PracticeRow `json:"rows"`
	Totals PracticeRow   `json:"totals"`
}

// publishedPractice is what the national view keeps of a published practice.
type publishedPractice struct {
	regionID              string
	nationalGoals, themes []string
	firstPublished        time.Time
}

// inPeriods: first published in one of the periods' years (no periods: any practice).
func (p publishedPractice) inPeriods(periods []string) bool {
	if len(periods) == 0 {
		return true
	}
	var ranges []practices.Years
	for _, period := range periods {
		if y, ok := practices.ParsePeriod(period); ok {
			ranges = append(ranges, y)
		}
	}
	return len(ranges) > 0 && practices.PublishedIn(p.firstPublished, ranges)
}

// readPractices copies the library's published practices, sorted so that two readings of the
// same library compare equal, with a fingerprint of what the counts read.
func readPractices(src Practices) ([]publishedPractice, uint64) {
	var out []publishedPractice
	var ids []string
	src.EachPublished(func(p practices.Published) {
		out = append(out, publishedPractice{regionID: p.RegionID, nationalGoals: slices.Clone(p.NationalGoals),
			themes: slices.Clone(p.Themes), firstPublished: p.FirstPublished})
		ids = append(ids, p.ID)
	})
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return ids[idx[a]] < ids[idx[b]] })
	sorted := make([]publishedPractice, len(out))
	h := fnv.New64a()
	for i, j := range idx {
		p := out[j]
		sorted[i] = p
		h.Write([]byte(ids[j] + "\x00" + p.regionID + "\x00" + strings.Join(p.nationalGoals, ",") + "\x00" +
			strings.Join(p.themes, ",") + "\x00" + strconv.Itoa(p.firstPublished.UTC().Year()) + "\x01"))
	}
	return sorted, h.Sum64()
}

// practicesChanged is the library's watcher: it runs on the publishing request, so it only
// notes the change; the service's goroutine reads the library again.
func (s *Service) practicesChanged() {
	s.pmu.Lock()
	s.practicesDirty = true
	s.pmu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// foldPractices reads the library again when it changed and reports whether the counts did.
func (s *Service) foldPractices() bool {
	s.pmu.Lock()
	dirty := s.practicesDirty
	s.practicesDirty = false
	s.pmu.Unlock()
	if !dirty || s.d.Practices == nil {
		return false
	}
	list, key := readPractices(s.d.Practices)
	s.mu.Lock()
	defer s.mu.Unlock()
	if key == s.practicesKey {
		return false
	}
	s.practices, s.practicesKey = list, key
	s.version++
	return true
}

// practiceMatches: the period filter takes a practice first published in one of the periods'
// years (the library's period filter is the same rule: practices.ParsePeriod, PublishedIn),
// the theme filter one about one of the themes; quality dimensions do not apply.
func (f Filter) practiceMatches(p publishedPractice) bool {
	return p.inPeriods(f.Periods) && overlaps(f.Themes, p.themes)
}

// countPractices counts the published practices per national goal for each region shown and
// for the totals (inTotals says which regions they take).
func countPractices(list []publishedPractice, w world, f Filter, rows []Row, inTotals func(region string) bool) PracticeCounts {
	col := make(map[string]int, len(w.nationalGoals))
	for i, ng := range w.nationalGoals {
		col[ng.ID] = i
	}
	newRow := func(region string) PracticeRow {
		return PracticeRow{RegionID: region, Cells: make([]int, len(w.nationalGoals))}
	}
	byRegion := make(map[string]*PracticeRow, len(rows))
	out := PracticeCounts{Rows: make([]PracticeRow, len(rows)), Totals: newRow("")}
	for i, r := range rows {
		out.Rows[i] = newRow(r.Region.ID)
		byRegion[r.Region.ID] = &out.Rows[i]
	}
	add := func(r *PracticeRow, p publishedPractice) {
		r.Total++
		for _, ng := range p.nationalGoals {
			if i, ok := col[ng]; ok {
				r.Cells[i]++
			}
		}
	}
	for _, p := range list {
		if _, known := w.regionByID[p.regionID]; !known || !f.practiceMatches(p) {
			continue
		}
		if r := byRegion[p.regionID]; r != nil {
			add(r, p)
		}
		if inTotals(p.regionID) {
			add(&out.Totals, p)
		}
	}
	return out
}
