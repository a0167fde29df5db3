package e2e

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

type searchResult struct {
	Total  int
	ByKind map[string]int
	Hits   []struct {
		Kind, ID, Title, TitleHTML, FragmentHTML, Link string
		Region                                         []string
	}
}

func (w *world) search(as session, query string) searchResult {
	w.t.Helper()
	var r searchResult
	w.must(200, "GET", "/api/v1/search?"+query, as.Token, nil).json(w.t, &r)
	return r
}

func (r searchResult) has(kind, id string) bool {
	for _, h := range r.Hits {
		if h.Kind == kind && h.ID == id {
			return true
		}
	}
	return false
}

// searchUntil repeats a search until found says yes (plans are indexed within about a
// second of a change, members within a second of joining): the condition, not a sleep.
func (w *world) searchUntil(as session, query string, found func(searchResult) bool) searchResult {
	w.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		r := w.search(as, query)
		if found(r) {
			return r
		}
		if time.Now().After(deadline) {
			w.t.Fatalf("search %s: never found; last %+v", query, r)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestSearchFindsInflectedPlansOnlyForTheirReaders(t *testing.T) {
	w := newWorld(t)
	var d struct{ ID string }
	w.must(201, "POST", "/api/v1/workspaces/"+w.kainuu+"/documents", w.coord.Token,
		map[string]string{"kind": "action_plan", "title": "Ohjaamon <b>toimintasuunnitelma</b>", "period": "2026"}).json(t, &d)

	// The Kainuu member finds it by another inflected form, highlighted and escaped.
	r := w.searchUntil(w.member, "q=ohjaamoissa", func(r searchResult) bool { return r.has("plan", d.ID) })
	h := r.Hits[0]
	if h.TitleHTML != "<mark>Ohjaamon</mark> &lt;b&gt;toimintasuunnitelma&lt;/b&gt;" || h.Link != "/workspaces/"+w.kainuu+"/documents/"+d.ID {
		t.Fatalf("hit %+v", h)
	}
	if h.Region[0] != refdata.DefaultID(refdata.Regions, "kainuu") {
		t.Fatalf("region %v", h.Region)
	}
	// Typing: a prefix finds it too.
	if !w.search(w.member, "q=ohjaa").has("plan", d.ID) {
		t.Fatal("prefix")
	}
	// The national group and administrators read every plan (workspaces.CanRead).
	for _, s := range []session{w.nationalMember, w.admin, w.observer} {
		if !w.search(s, "q=ohjaamo").has("plan", d.ID) {
			t.Fatalf("%s does not find the plan", s.Email)
		}
	}
	// Another region's member and anonymous readers do not: not by words, filters or counts.
	for _, q := range []string{"q=ohjaamo", "q=toimintasuunnitelma", "type=plan", "region=" + refdata.DefaultID(refdata.Regions, "kainuu"), ""} {
		for _, s := range []session{w.savoMember, {}} {
			r := w.search(s, q)
			if r.has("plan", d.ID) || r.ByKind["plan"] != 0 {
				t.Fatalf("%q: %q sees Kainuu's plan: %+v", s.Email, q, r)
			}
		}
	}
	// Members: network-wide, by name and organisation's people; anonymous readers see none.
	r = w.searchUntil(w.savoMember, "q=koordinaattori&type=member", func(r searchResult) bool { return r.Total > 0 })
	if r.Hits[0].Title != "Kaisa Koordinaattori" {
		t.Fatalf("member %+v", r.Hits)
	}
	if r := w.search(session{}, "q=koordinaattori"); r.Total != 0 {
		t.Fatalf("anonymous sees members: %+v", r)
	}
}

func TestSearchRefusesBadInput(t *testing.T) {
	w := newWorld(t)
	for q, code := range map[string]string{
		"sort=date":                     "unknown_filter",
		"q=a&q=b":                       "invalid_field",
		"type=secret":                   "invalid_field",
		"region=atlantis":               "invalid_field",
		"theme=nothing":                 "invalid_field",
		"nationalGoal=x":                "invalid_field",
		"from=2026-13-01":               "invalid_field",
		"from=2026-05-01&to=2026-04-01": "invalid_field",
		"limit=500":                     "invalid_field",
		"offset=-1":                     "invalid_field",
		"q=" + url.QueryEscape(strings.Repeat("ohjaamo ", 40)): "invalid_field",
	} {
		r := w.call("GET", "/api/v1/search?"+q, w.member.Token, nil)
		if r.Status != 400 || r.errorCode() != code {
			t.Errorf("%s: %d %s", q, r.Status, r.Body)
		}
	}
	r := w.call("GET", "/api/v1/search?q=x", "not-a-token", nil)
	if r.Status != 401 {
		t.Errorf("bad token: %d", r.Status)
	}
	// Empty values narrow nothing; a query of no words lists what may be read, newest first.
	w.must(200, "GET", "/api/v1/search?q=&type=&region=", w.member.Token, nil)
	// counts=false leaves the counts per type out (the search box's suggestions).
	var r2 searchResult
	w.must(200, "GET", "/api/v1/search?q=koordinaattori&counts=false", w.member.Token, nil).json(t, &r2)
	if len(r2.ByKind) != 0 {
		t.Errorf("counts=false: %v", r2.ByKind)
	}
}
