package main

// -scenario forums: -users people (members of the regional groups, one each) read the theme
// forums and threads, the 2,000-post demo thread among them, and post replies (each person at
// most one post per -interval on average, under the server's per-person rate limit); every
// reader of the long thread listens to thread:<id> on the events socket. Reported: p50/p95/p99
// of opening the forum list, a forum, a forum's later page, a thread, the long thread at a
// random page, and of posting; and the time from sending a post to its arrival at each other
// listener (p50/p95/p99 over every delivery).

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

type forumOps struct {
	mu       sync.Mutex
	took     map[string][]time.Duration
	errs     map[string]int
	delivery []time.Duration
}

func (f *forumOps) add(op string, d time.Duration, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err != nil {
		f.errs[op]++
		return
	}
	f.took[op] = append(f.took[op], d)
}

func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := sortedCopy(ds)
	i := int(float64(len(s))*p+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

func sortedCopy(ds []time.Duration) []time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s
}

func runForums(ctx context.Context, o options) error {
	env, _, stop, err := startWSEnv(ctx, o, 256)
	if err != nil {
		return err
	}
	defer stop()
	emails, err := env.regionalPeople(ctx, o.users, false)
	if err != nil {
		return err
	}
	tokens, took, err := env.signInAll(ctx, emails, nil)
	if err != nil {
		return err
	}
	fmt.Printf("signed in %d people in %s\n", len(tokens), took.Round(time.Millisecond))
	if _, err := waitIndexed(ctx, env.srv, env.admin); err != nil { // the start's search backlog would count as the requests' CPU
		return err
	}

	// The theme forums, a page of threads of each, and the long thread.
	var list struct {
		Forums []struct{ ID, Kind string }
	}
	if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/forums", nil, &list); err != nil {
		return err
	}
	type forumInfo struct {
		id      string
		threads []string
		next    string
	}
	var forums []forumInfo
	long := ""
	for _, f := range list.Forums {
		if f.Kind != "theme" {
			continue
		}
		fi := forumInfo{id: f.ID}
		cursor := ""
		for pages := 0; pages < 60; pages++ {
			var page struct {
				Threads []struct {
					ID    string
					Posts int
				}
				Next string
			}
			path := "/api/v1/forums/" + f.ID + "?limit=100"
			if cursor != "" {
				path += "&cursor=" + cursor
			}
			if _, _, err := env.admin.call(ctx, http.MethodGet, path, nil, &page); err != nil {
				return err
			}
			for _, th := range page.Threads {
				fi.threads = append(fi.threads, th.ID)
				if th.Posts >= 2000 {
					long = th.ID
				}
			}
			if pages == 0 {
				fi.next = page.Next
			}
			if page.Next == "" || (long != "" && pages > 0) {
				break
			}
			cursor = page.Next
		}
		forums = append(forums, fi)
	}
	if long == "" || len(forums) == 0 {
		return errors.New("the dataset has no theme forum with the 2,000-post thread (is it the demo dataset?)")
	}
	fmt.Printf("%d theme forums, long thread %s\n", len(forums), long)

	ops := &forumOps{took: map[string][]time.Duration{}, errs: map[string]int{}}
	var sent sync.Map // post token -> time sent
	// Every person listens to the long thread.
	listenCtx, stopListening := context.WithCancel(ctx)
	defer stopListening()
	ready := make(chan struct{}, len(emails))
	for _, e := range emails {
		go env.listenEvents(listenCtx, tokens[e], []string{"thread:" + long}, ready, func(m eventMsg, at time.Time) {
			var data struct{ Post struct{ Body string } }
			if m.Kind != "post" || json.Unmarshal(m.Data, &data) != nil {
				return
			}
			body := data.Post.Body
			i := strings.Index(body, "#tok")
			if i < 0 {
				return
			}
			tok := strings.Fields(body[i:])[0]
			if v, ok := sent.Load(tok); ok {
				ops.mu.Lock()
				ops.delivery = append(ops.delivery, at.Sub(v.(time.Time)))
				ops.mu.Unlock()
			}
		})
	}
	for range emails {
		select {
		case <-ready:
		case <-ctx.Done():
			return ctx.Err()
		}
	}

	every := o.interval
	if every < 5*time.Second {
		every = 5 * time.Second // the server lets a person post once per 2 s on average
	}
	runCtx, stop := context.WithTimeout(ctx, o.duration)
	defer stop()
	stopProfiles := startProfiles(env, o.duration)
	cpu0, tool0 := cpuSeconds(env.srv.pid), cpuSeconds(os.Getpid())
	began := time.Now()
	var wg sync.WaitGroup
	var postsSent, seq int64
	var seqMu sync.Mutex
	for ui, e := range emails {
		wg.Add(1)
		go func(ui int, c *client) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(ui), 7))
			nextPost := time.Now().Add(time.Duration(rng.Int64N(int64(every))))
			var buf bytes.Buffer // the answers' bytes, reused
			for runCtx.Err() == nil {
				if time.Now().After(nextPost) {
					seqMu.Lock()
					seq++
					tok := fmt.Sprintf("#tok%d-%d", ui, seq)
					postsSent++
					seqMu.Unlock()
					sent.Store(tok, time.Now())
					_, d, err := c.call(runCtx, http.MethodPost, "/api/v1/threads/"+long+"/posts", map[string]string{"body": "Kuormitustesti " + tok + " **ok**"}, nil)
					if runCtx.Err() == nil {
						ops.add("post a reply", d, err)
					}
					nextPost = nextPost.Add(every/2 + time.Duration(rng.Int64N(int64(every))))
					continue
				}
				f := forums[rng.IntN(len(forums))]
				var op, path string
				var want answer
				switch r := rng.IntN(10); {
				case r == 0:
					op, path, want = "forum list", "/api/v1/forums", answer{prefix: `{"forums":[{"id":`}
				case r <= 2:
					op, path, want = "open a forum", "/api/v1/forums/"+f.id, answer{prefix: `{"forum":{"id":"` + f.id + `"`, holds: `"threads":[{"id":`}
				case r == 3 && f.next != "":
					op, path, want = "forum, 2nd page", "/api/v1/forums/"+f.id+"?cursor="+f.next, answer{prefix: `{"forum":{"id":"` + f.id + `"`, holds: `"threads":[{"id":`}
				case r <= 6:
					id := f.threads[rng.IntN(len(f.threads))]
					op, path, want = "open a thread", "/api/v1/threads/"+id, answer{prefix: `{"thread":{"id":"` + id + `"`, holds: `"posts":[{"id":`, first: 1}
				case r == 7:
					op, path, want = "long thread, first page", "/api/v1/threads/"+long, answer{prefix: `{"thread":{"id":"` + long + `"`, holds: `"posts":[{"id":`, first: 1}
				default:
					after := rng.IntN(1950)
					op, path = "long thread, random page", fmt.Sprintf("/api/v1/threads/%s?after=%d", long, after)
					want = answer{prefix: `{"thread":{"id":"` + long + `"`, holds: `"posts":[{"id":`, first: after + 1}
				}
				d, err := c.get(runCtx, path, &buf, want)
				if runCtx.Err() == nil {
					ops.add(op, d, err)
				}
				if o.think > 0 {
					select {
					case <-time.After(time.Duration(rng.Int64N(int64(o.think)))):
					case <-runCtx.Done():
					}
				}
			}
		}(ui, env.as(tokens[e]))
	}
	wg.Wait()
	elapsed := time.Since(began)
	cpu, tool := cpuSeconds(env.srv.pid)-cpu0, cpuSeconds(os.Getpid())-tool0
	load := loadAverage()
	if err := stopProfiles(); err != nil {
		return err
	}
	// Let the last posts arrive (bounded: a lost delivery is counted as missing, not waited for).
	deadline := time.Now().Add(3 * time.Second)
	want := func() int { ops.mu.Lock(); defer ops.mu.Unlock(); return len(ops.delivery) }
	for time.Now().Before(deadline) && int64(want()) < int64(len(ops.took["post a reply"]))*int64(len(emails)) {
		time.Sleep(50 * time.Millisecond)
	}
	stopListening()

	ops.mu.Lock()
	defer ops.mu.Unlock()
	fmt.Printf("\nforums: %d users for %s (%s)\n", len(emails), elapsed.Round(time.Second), machine())
	fmt.Printf("%-26s %8s %9s %9s %9s %9s %7s\n", "operation", "count", "p50", "p95", "p99", "max", "errors")
	var names []string
	for k := range ops.took {
		names = append(names, k)
	}
	for k := range ops.errs {
		if _, ok := ops.took[k]; !ok {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	total := 0
	for _, k := range names {
		ds := ops.took[k]
		total += len(ds)
		fmt.Printf("%-26s %8d %9s %9s %9s %9s %7d\n", k, len(ds), ms(pct(ds, .5)), ms(pct(ds, .95)), ms(pct(ds, .99)), ms(pct(ds, 1)), ops.errs[k])
	}
	fmt.Printf("requests/s: %.0f; server CPU %.3f ms per request (posts included), eloload %.3f ms; load average %s\n",
		float64(total)/elapsed.Seconds(), cpu*1000/float64(max(total, 1)), tool*1000/float64(max(total, 1)), load)
	posted := len(ops.took["post a reply"])
	fmt.Printf("\npost -> every listener of the thread (events socket): %d deliveries of %d posts x %d listeners (%d missing)\n",
		len(ops.delivery), posted, len(emails), max(0, posted*len(emails)-len(ops.delivery)))
	fmt.Printf("  p50 %s  p95 %s  p99 %s  max %s\n", ms(pct(ops.delivery, .5)), ms(pct(ops.delivery, .95)), ms(pct(ops.delivery, .99)), ms(pct(ops.delivery, 1)))
	return nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }

// answer is what a page's JSON must hold, checked without decoding it (the tool shares the
// server's cores): how it begins (the forum's or thread's id), a list that is not empty, and
// for a thread's page the number of its first post.
type answer struct {
	prefix, holds string
	first         int // the first post's number; 0: not checked
}

func (a answer) check(b []byte) error {
	if !bytes.HasPrefix(b, []byte(a.prefix)) {
		return fmt.Errorf("the answer does not begin with %s: %.80s", a.prefix, b)
	}
	i := bytes.Index(b, []byte(a.holds))
	if i < 0 {
		return fmt.Errorf("the answer holds no %s", a.holds)
	}
	if a.first > 0 {
		n := []byte(`"number":`)
		j := bytes.Index(b[i:], n)
		if j < 0 || !bytes.HasPrefix(b[i+j+len(n):], []byte(strconv.Itoa(a.first)+",")) {
			return fmt.Errorf("the page does not begin with post %d", a.first)
		}
	}
	return nil
}

// get reads a page into buf (reused across calls) and checks it.
func (c *client) get(ctx context.Context, path string, buf *bytes.Buffer, want answer) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	began := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return time.Since(began), err
	}
	buf.Reset()
	_, err = buf.ReadFrom(resp.Body)
	resp.Body.Close()
	took := time.Since(began)
	if err != nil {
		return took, err
	}
	if resp.StatusCode >= 300 {
		return took, fmt.Errorf("GET %s: %d %s", path, resp.StatusCode, strings.TrimSpace(buf.String()))
	}
	if err := want.check(buf.Bytes()); err != nil {
		return took, fmt.Errorf("GET %s: %w", path, err)
	}
	return took, nil
}
