package main

// The search scenario: every virtual user (regional members, signed in) types into the
// header's search box as a person does — the suggestions of a growing prefix (from three
// letters), then the whole word, often inflected (Finnish and Swedish) — and now and then
// opens the full results page with a filter (type, region, theme, a date range) or its next
// page. Reported: each kind's latency (p50/p95/p99/max), requests per second, errors, the
// server's CPU per search, and the index build time and entries the server logged at start.
//
//	go run ./server/cmd/eloload -scenario search -users 50 -duration 30s

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"
)

// searchWords are what people look for in the ELO network, in the forms they type them:
// base forms, inflected Finnish and Swedish forms, and two-word queries.
var searchWords = []string{
	"ohjaamo", "ohjaamon", "ohjaamoissa", "ohjaamoihin", "nuorisotakuu", "nuorisotakuun", "työnantajayhteistyö",
	"työnantajien", "työllisyys", "työllisyyspalveluiden", "monialainen", "monialaisen yhteistyön", "digitaalinen ohjaus",
	"etäohjaus", "etäohjauksen", "laatutyö", "laadun", "maahanmuuttajat", "maahanmuuttajien", "jalkautuva ohjaus",
	"oppilaitosten", "opinto-ohjaus", "aikuisten ohjaus", "uraohjaus", "koordinaattori", "kainuu", "savonlinnan",
	"handledning", "handledningen", "vägledning", "vägledningen", "ungdomar", "ungdomarnas", "samarbete",
	"arbetsgivare", "toimintasuunnitelma", "strategia", "tilannekuva", "palaute", "verkosto",
}

var searchKinds = []string{"GET /search (typing)", "GET /search (word)", "GET /search (filtered page)"}

type searchRun struct {
	Scenario  string       `json:"scenario"`
	Machine   string       `json:"machine"`
	Server    string       `json:"server"`
	Users     int          `json:"users"`
	Duration  string       `json:"duration"`
	Kinds     []searchKind `json:"kinds"`
	All       latencyRow   `json:"all"`
	RPS       float64      `json:"searchesPerSecond"`
	Errors    int64        `json:"errors"`
	Failures  []string     `json:"failures,omitempty"`
	CPUPer    float64      `json:"serverCpuMsPerSearch"`
	Index     string       `json:"indexBuild,omitempty"` // the server's log line
	Startup   string       `json:"serverStartup,omitempty"`
	RSSPeak   float64      `json:"serverPeakRssMiB"`
	Settled   string       `json:"indexSettledAfter"` // from ready until the answers stopped growing
	HitsShown float64      `json:"meanHitsPerSearch"`
	// -writers: people posting meanwhile, their posts' latency and errors
	Writers    int        `json:"writers,omitempty"`
	Posts      latencyRow `json:"posts"`
	PostErrors int64      `json:"postErrors,omitempty"`
}

type searchKind struct {
	Name string `json:"name"`
	latencyRow
}

func runSearch(ctx context.Context, o options) error {
	srv, err := startServer(ctx, o)
	if err != nil {
		return err
	}
	defer srv.stop()
	hc := httpClient(o.users)
	admin := &client{base: srv.base, http: hc}
	po := o
	po.users += o.writers // the writers are other people than the searchers
	fx, err := prepare(ctx, admin, po)
	if err != nil {
		return err
	}
	threads, err := themeThreads(ctx, admin, o.writers)
	if err != nil {
		return err
	}
	var ref struct {
		Regions []struct {
			ID string `json:"id"`
		} `json:"regions"`
		Themes []struct {
			ID string `json:"id"`
		} `json:"themes"`
	}
	if _, _, err := admin.call(ctx, http.MethodGet, "/api/v1/reference", nil, &ref); err != nil {
		return err
	}
	settled, err := waitIndexed(ctx, srv, admin)
	if err != nil {
		return err
	}
	vus := make([]*client, o.users+o.writers)
	var wg sync.WaitGroup
	var signErr error
	var mu sync.Mutex
	for i := range vus {
		vus[i] = &client{base: srv.base, http: hc}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, _, err := vus[i].signIn(ctx, fx.emails[i], o.password); err != nil {
				mu.Lock()
				signErr = err
				mu.Unlock()
			}
		}(i)
	}
	wg.Wait()
	if signErr != nil {
		return signErr
	}

	hists := make([][]hist, o.users)
	var errs, hitsSeen, searches int64
	var failures []string
	loopCtx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	cpu0 := cpuSeconds(srv.pid)
	began := time.Now()
	var posts hist
	var postErrs int64
	for i, vu := range vus[o.users:] {
		wg.Add(1)
		go func(i int, vu *client) {
			defer wg.Done()
			if d, err := writeLoop(loopCtx, vu, threads, i, o.interval, &posts, &mu); err > 0 {
				mu.Lock()
				postErrs += err
				if len(failures) < 10 {
					failures = append(failures, "post: "+d)
				}
				mu.Unlock()
			}
		}(i, vu)
	}
	for i, vu := range vus[:o.users] {
		hists[i] = make([]hist, len(searchKinds))
		wg.Add(1)
		go func(i int, vu *client) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 7))
			search := func(kind int, q url.Values) bool {
				if loopCtx.Err() != nil {
					return false
				}
				if o.think > 0 {
					time.Sleep(time.Duration(rng.Int64N(int64(o.think))))
				}
				var res struct {
					Hits []json.RawMessage `json:"hits"`
				}
				_, took, err := vu.call(loopCtx, http.MethodGet, "/api/v1/search?"+q.Encode(), nil, &res)
				if err != nil && loopCtx.Err() != nil {
					return false
				}
				mu.Lock()
				searches++
				hitsSeen += int64(len(res.Hits))
				if err != nil {
					errs++
					if len(failures) < 10 {
						failures = append(failures, err.Error())
					}
				}
				mu.Unlock()
				hists[i][kind].add(took)
				return true
			}
			for {
				word := searchWords[rng.IntN(len(searchWords))]
				runes := []rune(word)
				// Typing: the box asks at pauses, every two or three letters from the third.
				for n := 3; n < len(runes); n += 2 + rng.IntN(2) {
					if !search(0, url.Values{"q": {string(runes[:n])}, "limit": {"8"}, "counts": {"false"}}) {
						return
					}
				}
				if !search(1, url.Values{"q": {word}, "limit": {"8"}, "counts": {"false"}}) {
					return
				}
				if rng.IntN(3) == 0 {
					q := url.Values{"q": {word}, "limit": {"20"}}
					switch rng.IntN(5) {
					case 0:
						q.Set("type", []string{"plan", "practice", "member", "thread"}[rng.IntN(4)])
					case 1:
						q.Set("region", ref.Regions[rng.IntN(len(ref.Regions))].ID)
					case 2:
						q.Set("theme", ref.Themes[rng.IntN(len(ref.Themes))].ID)
					case 3:
						q.Set("from", "2025-01-01")
						q.Set("to", "2026-12-31")
					case 4:
						q.Set("offset", "20")
					}
					if !search(2, q) {
						return
					}
				}
			}
		}(i, vu)
	}
	wg.Wait()
	elapsed := time.Since(began)
	cpu := cpuSeconds(srv.pid) - cpu0
	_, peak := rss(srv.pid)

	r := searchRun{Scenario: "search", Machine: machine(), Server: srv.base, Users: o.users, Duration: elapsed.Round(time.Millisecond).String(),
		Errors: errs, Failures: failures, Startup: srv.startup, RSSPeak: mib(peak), Settled: settled.Round(time.Millisecond).String()}
	var all hist
	for k, name := range searchKinds {
		var h hist
		for i := range hists {
			h.merge(&hists[i][k])
		}
		all.merge(&h)
		r.Kinds = append(r.Kinds, searchKind{Name: name, latencyRow: row(&h)})
	}
	r.All = row(&all)
	if o.writers > 0 {
		r.Writers, r.Posts, r.PostErrors = o.writers, row(&posts), postErrs
	}
	if searches > 0 {
		r.RPS = float64(searches) / elapsed.Seconds()
		r.HitsShown = float64(hitsSeen) / float64(searches)
		if cpu > 0 {
			r.CPUPer = cpu * 1000 / float64(searches)
		}
	}
	if srv.logPath != "" {
		log := readFile(srv.logPath)
		for _, re := range []string{`msg="search index built"[^\n]*`, `msg="search index applied a batch"[^\n]*`} {
			if m := regexp.MustCompile(re).FindString(log); m != "" {
				r.Index = strings.TrimSpace(r.Index + "; " + m)
			}
		}
		r.Index = strings.TrimPrefix(r.Index, "; ")
	}
	if o.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Printf("eloload search: %d users typing searches for %s against %s\n", r.Users, r.Duration, r.Server)
	fmt.Printf("machine: %s (%d CPUs)\n", r.Machine, runtime.NumCPU())
	if r.Index != "" {
		fmt.Printf("server start: %s\n%s\n", or(r.Startup, "?"), r.Index)
	}
	fmt.Printf("index settled (answers stopped growing) %s after ready\n", r.Settled)
	fmt.Printf("%-30s %8s %9s %9s %9s %9s\n", "kind", "count", "p50 ms", "p95 ms", "p99 ms", "max ms")
	for _, k := range append(r.Kinds, searchKind{Name: "all searches", latencyRow: r.All}) {
		fmt.Printf("%-30s %8d %9.1f %9.1f %9.1f %9.1f\n", k.Name, k.Count, k.P50, k.P95, k.P99, k.Max)
	}
	if r.Writers > 0 {
		fmt.Printf("%-30s %8d %9.1f %9.1f %9.1f %9.1f  (%d writers, %d errors)\n", "POST a reply (writers)", r.Posts.Count, r.Posts.P50, r.Posts.P95, r.Posts.P99, r.Posts.Max, r.Writers, r.PostErrors)
	}
	fmt.Printf("%.0f searches/s, %.1f hits shown per search, %d errors; server CPU %.2f ms per search; server peak RSS %.0f MiB\n",
		r.RPS, r.HitsShown, r.Errors, r.CPUPer, r.RSSPeak)
	for _, f := range r.Failures {
		fmt.Println("  failure:", f)
	}
	return nil
}

// themeThreads returns threads of the first theme forum (none when no one writes): the
// writers of the search scenario reply to them.
func themeThreads(ctx context.Context, c *client, writers int) ([]string, error) {
	if writers == 0 {
		return nil, nil
	}
	var list struct {
		Forums []struct{ ID, Kind string }
	}
	if _, _, err := c.call(ctx, http.MethodGet, "/api/v1/forums", nil, &list); err != nil {
		return nil, err
	}
	for _, f := range list.Forums {
		if f.Kind != "theme" {
			continue
		}
		var page struct {
			Threads []struct{ ID string }
		}
		if _, _, err := c.call(ctx, http.MethodGet, "/api/v1/forums/"+f.ID+"?limit=100", nil, &page); err != nil {
			return nil, err
		}
		var out []string
		for _, t := range page.Threads {
			out = append(out, t.ID)
		}
		if len(out) > 0 {
			return out, nil
		}
	}
	return nil, fmt.Errorf("no theme forum with threads to post into (is it the demo dataset?)")
}

// writeLoop posts replies with searched-for words into random threads, about once per every
// (at least 2 s: the server's rate limit per person), until ctx ends; it returns the last
// error and how many posts failed.
func writeLoop(ctx context.Context, c *client, threads []string, i int, every time.Duration, h *hist, mu *sync.Mutex) (string, int64) {
	every = max(every, 2*time.Second)
	rng := rand.New(rand.NewPCG(uint64(i), 11))
	var last string
	var errs int64
	for n := 0; ; n++ {
		select {
		case <-ctx.Done():
			return last, errs
		case <-time.After(every/2 + time.Duration(rng.Int64N(int64(every)))):
		}
		body := fmt.Sprintf("Kuormitus %d-%d: %s ja %s", i, n, searchWords[rng.IntN(len(searchWords))], searchWords[rng.IntN(len(searchWords))])
		_, took, err := c.call(ctx, http.MethodPost, "/api/v1/threads/"+threads[rng.IntN(len(threads))]+"/posts", map[string]string{"body": body}, nil)
		if ctx.Err() != nil {
			return last, errs
		}
		if err != nil {
			errs++
			last = err.Error()
			continue
		}
		mu.Lock()
		h.add(took)
		mu.Unlock()
	}
}

// waitIndexed waits until the server has applied the start's backlog to its search index (the
// forums' and practices' entries reach the index after the server is ready, in the background,
// and the server logs it), or until the answers stop growing for three seconds (a server given by
// -url), at most 2 minutes: measurements then see neither the backlog's CPU nor a growing index.
// It returns how long that took.
func waitIndexed(ctx context.Context, srv *server, c *client) (time.Duration, error) {
	settle := time.Now()
	applied := regexp.MustCompile(`search index applied a batch changes=\d+`)
	for last, same := -1, 0; same < 15 && time.Since(settle) < 2*time.Minute; {
		if srv.logPath != "" && applied.MatchString(readFile(srv.logPath)) {
			break
		}
		var r struct {
			Total int `json:"total"`
		}
		if _, _, err := c.call(ctx, http.MethodGet, "/api/v1/search?q=ohjaamo&limit=1&counts=false", nil, &r); err != nil {
			return 0, err
		}
		if r.Total == last {
			same++
		} else {
			last, same = r.Total, 0
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	return time.Since(settle), nil
}
