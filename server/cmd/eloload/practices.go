package main

// -scenario practices: -users people (members of the regional groups, one each) use the
// good-practice library as its pages do: the library's first page, filtered by region, theme,
// target group, national goal or organisation type (now and then with words, or the next
// page), a practice opened (the practice, its adoptions and its links, as the practice page
// asks for them), and two published versions of a practice fetched to compare them. Reported:
// p50/p95/p99/max per kind of call, requests per second, errors, the server's CPU per request
// and the machine's load average.
//
//	go run ./server/cmd/eloload -scenario practices -users 50 -duration 30s

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"
)

var practiceKinds = []string{
	"library, first page", "library, filtered", "library, words", "library, next page",
	"open a practice", "practice adoptions", "practice links", "compare two versions",
}

var orgTypes = []string{"municipality", "vocational_institution", "university_of_applied_sciences", "employment_services", "ohjaamo", "ely_centre", "third_sector", "other"}

type practicesRun struct {
	Scenario  string       `json:"scenario"`
	Machine   string       `json:"machine"`
	Server    string       `json:"server"`
	Users     int          `json:"users"`
	Think     string       `json:"think"`
	Duration  string       `json:"duration"`
	Practices int          `json:"practices"`
	Versioned int          `json:"practicesWithVersionsToCompare"`
	Kinds     []searchKind `json:"kinds"`
	RPS       float64      `json:"requestsPerSecond"`
	Errors    int64        `json:"errors"`
	Failures  []string     `json:"failures,omitempty"`
	CPUPer    float64      `json:"serverCpuMsPerRequest"`
	Load      string       `json:"loadAverage"`
	RSSPeak   float64      `json:"serverPeakRssMiB"`
}

// practiceFixture is what the loop picks from: practices (and those with two or more
// published versions), the reference data's ids for filters, and words of practice names.
type practiceFixture struct {
	ids       []string
	versioned map[string]int // id -> newest published version (>= 2)
	vids      []string
	filters   map[string][]string // query parameter -> values
	words     []string
}

func (env *wsEnv) practiceFixture(ctx context.Context) (practiceFixture, error) {
	fx := practiceFixture{versioned: map[string]int{}, filters: map[string][]string{"orgType": orgTypes}}
	type item struct {
		ID string `json:"id"`
	}
	var ref struct{ Regions, Themes, TargetGroups, NationalGoals []item }
	if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/reference", nil, &ref); err != nil {
		return fx, err
	}
	for param, items := range map[string][]item{"region": ref.Regions, "theme": ref.Themes, "targetGroup": ref.TargetGroups, "nationalGoal": ref.NationalGoals} {
		for _, it := range items {
			fx.filters[param] = append(fx.filters[param], it.ID)
		}
	}
	seen := map[string]bool{}
	if err := env.admin.pages(ctx, "/api/v1/practices", func(id, name string) {
		fx.ids = append(fx.ids, id)
		fx.words = addWords(fx.words, seen, name, 5)
	}); err != nil {
		return fx, err
	}
	if len(fx.ids) == 0 {
		return fx, errors.New("the library has no published practice (is it the demo dataset?)")
	}
	for _, id := range fx.ids {
		var p struct{ Published int }
		if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/practices/"+id, nil, &p); err != nil {
			return fx, err
		}
		if p.Published >= 2 {
			fx.versioned[id] = p.Published
			fx.vids = append(fx.vids, id)
		}
	}
	return fx, nil
}

func runPractices(ctx context.Context, o options) error {
	env, _, stop, err := startWSEnv(ctx, o, 256)
	if err != nil {
		return err
	}
	defer stop()
	srv := env.srv
	emails, err := env.regionalPeople(ctx, o.users, true)
	if err != nil {
		return err
	}
	fx, err := env.practiceFixture(ctx)
	if err != nil {
		return err
	}
	if _, err := waitIndexed(ctx, srv, env.admin); err != nil { // the start's backlog would count as the requests' CPU
		return err
	}
	tokens, took, err := env.signInAll(ctx, emails, nil)
	if err != nil {
		return err
	}
	fmt.Printf("signed in %d people in %s; %d practices, %d with two or more published versions\n", len(tokens), took.Round(time.Millisecond), len(fx.ids), len(fx.vids))

	hists := make([][]hist, len(emails))
	var mu sync.Mutex
	var errs, calls int64
	var failures []string
	runCtx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	cpu0 := cpuSeconds(srv.pid)
	began := time.Now()
	var wg sync.WaitGroup
	for ui, e := range emails {
		hists[ui] = make([]hist, len(practiceKinds))
		wg.Add(1)
		go func(ui int, c *client) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(ui), 11))
			get := func(kind int, path string) bool {
				if runCtx.Err() != nil {
					return false
				}
				if o.think > 0 {
					select {
					case <-time.After(time.Duration(rng.Int64N(int64(o.think)))):
					case <-runCtx.Done():
						return false
					}
				}
				_, d, err := c.call(runCtx, http.MethodGet, path, nil, nil)
				if err != nil && runCtx.Err() != nil {
					return false // cut off by the end of the run
				}
				mu.Lock()
				calls++
				if err != nil {
					errs++
					if len(failures) < 10 {
						failures = append(failures, err.Error())
					}
				}
				mu.Unlock()
				hists[ui][kind].add(d)
				return true
			}
			filter := func() url.Values {
				q := url.Values{"limit": {"20"}}
				params := []string{"region", "theme", "targetGroup", "nationalGoal", "orgType"}
				p := params[rng.IntN(len(params))]
				if vs := fx.filters[p]; len(vs) > 0 {
					q.Set(p, vs[rng.IntN(len(vs))])
				}
				return q
			}
			for {
				ok := true
				switch r := rng.IntN(20); {
				case r < 2:
					ok = get(0, "/api/v1/practices?limit=20")
				case r < 6:
					ok = get(1, "/api/v1/practices?"+filter().Encode())
				case r < 8 && len(fx.words) > 0:
					q := url.Values{"limit": {"20"}, "q": {fx.words[rng.IntN(len(fx.words))]}}
					ok = get(2, "/api/v1/practices?"+q.Encode())
				case r < 9:
					ok = get(3, "/api/v1/practices?limit=20&offset=20")
				case r < 17:
					// The practice page: the practice, then its adoptions and links.
					id := fx.ids[rng.IntN(len(fx.ids))]
					ok = get(4, "/api/v1/practices/"+id) && get(5, "/api/v1/practices/"+id+"/adoptions") && get(6, "/api/v1/practices/"+id+"/links")
				case len(fx.vids) > 0:
					id := fx.vids[rng.IntN(len(fx.vids))]
					n := fx.versioned[id]
					a := 1 + rng.IntN(n-1)
					ok = get(7, fmt.Sprintf("/api/v1/practices/%s/versions/%d", id, a)) && get(7, fmt.Sprintf("/api/v1/practices/%s/versions/%d", id, n))
				}
				if !ok {
					return
				}
			}
		}(ui, env.as(tokens[e]))
	}
	wg.Wait()
	elapsed := time.Since(began)
	cpu := cpuSeconds(srv.pid) - cpu0
	_, peak := rss(srv.pid)

	r := practicesRun{Scenario: "practices", Machine: machine(), Server: srv.base, Users: len(emails), Think: o.think.String(),
		Duration: elapsed.Round(time.Millisecond).String(), Practices: len(fx.ids), Versioned: len(fx.vids), Errors: errs,
		Failures: failures, Load: loadAverage(), RSSPeak: mib(peak)}
	for k, name := range practiceKinds {
		var h hist
		for i := range hists {
			h.merge(&hists[i][k])
		}
		r.Kinds = append(r.Kinds, searchKind{Name: name, latencyRow: row(&h)})
	}
	if calls > 0 {
		r.RPS = float64(calls) / elapsed.Seconds()
		if cpu > 0 && srv.pid > 0 {
			r.CPUPer = cpu * 1000 / float64(calls)
		}
	}
	if o.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Printf("\npractices: %d users, think %s, for %s against %s\nmachine: %s; load average %s\n", r.Users, r.Think, r.Duration, r.Server, r.Machine, r.Load)
	fmt.Printf("%-26s %8s %9s %9s %9s %9s\n", "kind", "count", "p50 ms", "p95 ms", "p99 ms", "max ms")
	for _, k := range r.Kinds {
		fmt.Printf("%-26s %8d %9.1f %9.1f %9.1f %9.1f\n", k.Name, k.Count, k.P50, k.P95, k.P99, k.Max)
	}
	fmt.Printf("%.0f requests/s, %d errors; server CPU %.2f ms per request; server peak RSS %.0f MiB\n", r.RPS, r.Errors, r.CPUPer, r.RSSPeak)
	for _, f := range r.Failures {
		fmt.Println("  failure:", f)
	}
	return nil
}
