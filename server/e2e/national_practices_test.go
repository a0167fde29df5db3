package e2e

import (
	"net/url"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

// TestPracticeCountsEqualTheLibrarysLists walks the demo dataset's national view: every count of
// good practices on the dashboard and on the regions' comparison, under each period filter and
// one theme or two, equals the total the practice library lists under the same region, national
// goal, themes and periods (the query the count's link opens).
func TestPracticeCountsEqualTheLibrarysLists(t *testing.T) {
	e := start(t, "DEMO", "1")
	w := &world{env: e}
	national := e.login("national@elo.example", "elo-demo")

	var all struct {
		Periods       []string
		NationalGoals []struct{ ID string }
		Practices     practiceCounts
	}
	e.must(200, "GET", "/api/v1/national/dashboard", national.Token, nil).json(t, &all)
	if len(all.Periods) < 2 || all.Practices.Totals.Total == 0 {
		t.Fatalf("the demo dataset should have several periods and published practices: %v, %d", all.Periods, all.Practices.Totals.Total)
	}
	listed := func(q url.Values) int {
		t.Helper()
		q.Set("limit", "1")
		return w.library(national, "?"+q.Encode()).Total
	}
	// libraryQuery is what a count's link carries (client/src/national/api.ts libraryHref).
	libraryQuery := func(filter url.Values, region, goal string) url.Values {
		q := url.Values{}
		if region != "" {
			q.Set("region", region)
		}
		if goal != "" {
			q.Set("nationalGoal", goal)
		}
		for _, th := range filter["theme"] {
			q.Add("theme", th)
		}
		for _, p := range filter["period"] {
			q.Add("period", p)
		}
		return q
	}
	check := func(where string, filter url.Values, region string, row practiceRow) {
		t.Helper()
		for i, g := range all.NationalGoals {
			if got := listed(libraryQuery(filter, region, g.ID)); got != row.Cells[i] {
				t.Errorf("%s (%s), region %q, goal %d: the count is %d, the library lists %d", where, filter.Encode(), region, i+1, row.Cells[i], got)
			}
		}
		if got := listed(libraryQuery(filter, region, "")); got != row.Total {
			t.Errorf("%s (%s), region %q, all goals: the count is %d, the library lists %d", where, filter.Encode(), region, row.Total, got)
		}
	}

	filters := []url.Values{{}, {"period": all.Periods}, {"theme": {refdata.DefaultID(refdata.Themes, "ohjaamo")}},
		{"theme": {refdata.DefaultID(refdata.Themes, "ohjaamo"), refdata.DefaultID(refdata.Themes, "digital-guidance")}}}
	for _, p := range all.Periods {
		filters = append(filters, url.Values{"period": {p}}, url.Values{"period": {p}, "theme": {refdata.DefaultID(refdata.Themes, "ohjaamo")}})
	}
	narrowed := false
	for _, f := range filters {
		var d struct{ Practices practiceCounts }
		e.must(200, "GET", "/api/v1/national/dashboard?"+f.Encode(), national.Token, nil).json(t, &d)
		if d.Practices.Totals.Total < all.Practices.Totals.Total && len(f["theme"]) == 0 {
			narrowed = true // a period alone lists fewer practices: the period filter matters
		}
		for _, r := range d.Practices.Rows {
			check("dashboard", f, r.RegionID, r)
		}
		check("dashboard totals", f, "", d.Practices.Totals)

		// The comparison of two regions counts the same per region; its totals are the two together.
		cmp := url.Values{}
		for k, v := range f {
			cmp[k] = v
		}
		cmp["region"] = []string{refdata.DefaultID(refdata.Regions, "kainuu"), refdata.DefaultID(refdata.Regions, "etela-savo")}
		var c struct {
			Regions   []struct{ Region struct{ ID string } }
			Practices practiceCounts
		}
		e.must(200, "GET", "/api/v1/national/compare?"+cmp.Encode(), national.Token, nil).json(t, &c)
		if len(c.Practices.Rows) != 2 || len(c.Regions) != 2 {
			t.Fatalf("comparison of two regions: %d practice rows, %d regions", len(c.Practices.Rows), len(c.Regions))
		}
		sum := 0
		for i, r := range c.Practices.Rows {
			if r.RegionID != c.Regions[i].Region.ID {
				t.Errorf("comparison practice row %d is region %s, the comparison's %s", i, r.RegionID, c.Regions[i].Region.ID)
			}
			check("comparison", f, r.RegionID, r)
			sum += r.Total
		}
		if c.Practices.Totals.Total != sum {
			t.Errorf("comparison totals %d, the two regions %d", c.Practices.Totals.Total, sum)
		}
	}
	// Two themes count (and list) more than one of them: the library takes every theme of the link.
	themeTotal := func(themes ...string) int {
		var d struct{ Practices practiceCounts }
		e.must(200, "GET", "/api/v1/national/dashboard?"+url.Values{"theme": themes}.Encode(), national.Token, nil).json(t, &d)
		return d.Practices.Totals.Total
	}
	if one, two := themeTotal(refdata.DefaultID(refdata.Themes, "ohjaamo")),
		themeTotal(refdata.DefaultID(refdata.Themes, "ohjaamo"), refdata.DefaultID(refdata.Themes, "digital-guidance")); two <= one {
		t.Errorf("two themes count %d, one %d: the test shows nothing about several themes", two, one)
	}
	if !narrowed {
		t.Errorf("no period narrowed the counts (periods %v): the test shows nothing about the period filter", all.Periods)
	}
	// Bad periods are refused, as other unknown filters.
	for _, bad := range []string{"kevät", "2027-2025", "-"} {
		if code := e.call("GET", "/api/v1/practices?period="+url.QueryEscape(bad), national.Token, nil).errorCode(); code != "unknown_filter" {
			t.Errorf("period %q: %q, want unknown_filter", bad, code)
		}
	}
}
