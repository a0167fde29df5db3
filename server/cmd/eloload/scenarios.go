package main

// The websocket scenarios: coedit (one plan, many editors), rooms (many plans, a few editors
// each) and idle (many quiet connections, for memory per connection).

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/fasthttp/websocket"

	"github.com/elo-workspace/elo-workspace/server/ot"
)

// raiseFileLimit lifts the soft limit on open files to the hard limit; the server child
// inherits it. It returns the limit now in force.
func raiseFileLimit() uint64 {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return 0
	}
	if l.Cur < l.Max {
		l.Cur = l.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
		_ = syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l)
	}
	return l.Cur
}

// cpuSeconds is a process's user+system CPU time (0 when unknown).
func cpuSeconds(pid int) float64 {
	if pid <= 0 {
		return 0
	}
	s := readFile(fmt.Sprintf("/proc/%d/stat", pid))
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:]) // f[0] is field 3 (state); utime, stime are fields 14, 15
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (u + st) / 100 // USER_HZ
}

func mib(kib int64) float64 { return float64(kib) / 1024 }

type latencyRow struct {
	Count uint64  `json:"count"`
	P50   float64 `json:"p50Ms"`
	P95   float64 `json:"p95Ms"`
	P99   float64 `json:"p99Ms"`
	Max   float64 `json:"maxMs"`
}

func row(h *hist) latencyRow {
	return latencyRow{Count: h.n, P50: h.quantile(0.50), P95: h.quantile(0.95), P99: h.quantile(0.99), Max: h.quantile(1)}
}

type editResult struct {
	Scenario       string         `json:"scenario"`
	Machine        string         `json:"machine"`
	Server         string         `json:"server"`
	Plans          int            `json:"plans"`
	EditorsPerPlan int            `json:"editorsPerPlan"`
	Editors        int            `json:"editors"`
	Full           int            `json:"fullEditors"`
	Accounts       int            `json:"accounts"`
	Fields         int            `json:"fieldsPerPlan"`
	Interval       string         `json:"interval"`
	Edit           float64        `json:"editSeconds"`
	SignIn         float64        `json:"signInSeconds"`
	Dial           float64        `json:"dialSeconds"`
	Join           float64        `json:"joinSeconds"`
	Ack            latencyRow     `json:"sendToOwnAck"`
	Arrival        latencyRow     `json:"sendToOtherEditors"`
	Edits          int64          `json:"edits"`
	Sent           int64          `json:"changesSent"`
	Acked          int64          `json:"changesAcknowledged"`
	Revisions      int64          `json:"revisions"`
	Frames         int64          `json:"framesReceived"`
	Messages       int64          `json:"messagesReceived"`
	JoinFrames     int64          `json:"framesReceivedWhileJoining"`
	Errors         map[string]int `json:"errors,omitempty"`
	Closes         map[string]int `json:"closeCodes,omitempty"`
	Resyncs        int            `json:"resyncs"`
	Reconnects     int            `json:"reconnects"`
	Gone           int            `json:"editorsLost"`
	Reordered      int            `json:"snapshotsAfterNewerChanges"`
	Load           string         `json:"loadAverageAfterEditing"` // the machine's, other work included
	ServerCPU      float64        `json:"serverCpuPercentWhileEditing"`
	ToolCPU        float64        `json:"eloloadCpuPercentWhileEditing"`
	RSS            rssResult      `json:"serverRss"`
	Compared       int            `json:"editorsCompared"`
	Mismatches     []string       `json:"mismatches,omitempty"`
	Converged      bool           `json:"converged"`
	CatchUp        float64        `json:"catchUpSeconds"`
	CacheHits      float64        `json:"frameCacheHitRatio"`
	ServerExited   string         `json:"serverExited,omitempty"`
	Timeline       []slotResult   `json:"ackTimeline,omitempty"`
}

// slotResult is 5 s of typing: acknowledgements received, their mean and largest latency.
type slotResult struct {
	From   int     `json:"fromSecond"`
	Acks   int64   `json:"acks"`
	MeanMs float64 `json:"meanMs"`
	MaxMs  float64 `json:"maxMs"`
}

type rssResult struct {
	Start   float64 `json:"startMiB"`
	Setup   float64 `json:"afterSetupMiB"`
	Joined  float64 `json:"afterJoinMiB"`
	End     float64 `json:"endOfEditingMiB"`
	Peak    float64 `json:"peakMiB"`
	Tool    float64 `json:"eloloadRssMiB"`
	PerConn float64 `json:"perConnectionKiB,omitempty"`
}

func runWS(ctx context.Context, o options) error {
	env, limit, stop, err := startWSEnv(ctx, o, 64)
	if err != nil {
		return err
	}
	defer stop()
	r0, _ := rss(env.srv.pid)
	switch o.scenario {
	case "coedit", "rooms":
		res, err := runEditScenario(ctx, env)
		if err != nil {
			return err
		}
		res.RSS.Start = mib(r0)
		return printEdit(o, res)
	case "idle":
		res, err := runIdle(ctx, env, limit)
		if err != nil {
			return err
		}
		res.RSSStart = mib(r0)
		return printIdle(o, res)
	}
	return fmt.Errorf("unknown -scenario %q (http, coedit, rooms, idle)", o.scenario)
}

// assignment: the editors of one plan, each an account and a token.
type seat struct{ email, token string }

func runEditScenario(ctx context.Context, env *wsEnv) (*editResult, error) {
	o := env.o
	groups, err := env.regionalGroups(ctx)
	if err != nil {
		return nil, err
	}
	res := &editResult{Scenario: o.scenario, Machine: machine(), Server: env.srv.base, Interval: o.interval.String()}
	var plans []*plan
	var seats [][]seat
	switch o.scenario {
	case "coedit":
		g, coordToken, err := env.kainuu(ctx, groups)
		if err != nil {
			return nil, err
		}
		emails := g.editors[:min(len(g.editors), o.editors)]
		tokens, took, err := env.signInAll(ctx, emails, map[string]string{"coordinator@kainuu.example": coordToken})
		if err != nil {
			return nil, err
		}
		res.SignIn, res.Accounts = took.Seconds(), len(emails)
		p, err := env.createPlan(ctx, g.id, coordToken, "Kuormitustesti: Kainuun ELO-toimintasuunnitelma", o.actions)
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
		var ss []seat
		for i := 0; i < o.editors; i++ {
			e := emails[i%len(emails)]
			ss = append(ss, seat{e, tokens[e]})
		}
		seats = append(seats, ss)
	case "rooms":
		var emails []string
		for _, g := range groups {
			emails = append(emails, g.editors[:min(len(g.editors), o.editors)]...)
		}
		tokens, took, err := env.signInAll(ctx, emails, nil)
		if err != nil {
			return nil, err
		}
		res.SignIn, res.Accounts = took.Seconds(), len(emails)
		plans = make([]*plan, o.rooms)
		seats = make([][]seat, o.rooms)
		var mu sync.Mutex
		var firstErr error
		var wg sync.WaitGroup
		sem := make(chan struct{}, 8)
		for i := range o.rooms {
			g := groups[i%len(groups)]
			own := g.editors[:min(len(g.editors), o.editors)]
			for j := 0; j < o.editors; j++ {
				e := own[j%len(own)]
				seats[i] = append(seats[i], seat{e, tokens[e]})
			}
			wg.Add(1)
			sem <- struct{}{}
			go func(i int, g group, creator string) {
				defer wg.Done()
				defer func() { <-sem }()
				p, err := env.createPlan(ctx, g.id, creator, fmt.Sprintf("Kuormitustesti %d: %s", i+1, g.name), o.actions)
				mu.Lock()
				defer mu.Unlock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				plans[i] = p
			}(i, g, tokens[own[0]])
		}
		wg.Wait()
		if firstErr != nil {
			return nil, firstErr
		}
	}
	res.Plans, res.EditorsPerPlan, res.Fields = len(plans), o.editors, len(plans[0].fields)
	r, _ := rss(env.srv.pid)
	res.RSS.Setup = mib(r)
	if err := editPlans(ctx, env, plans, seats, res); err != nil {
		return nil, err
	}
	return res, nil
}

// editPlans connects every editor, joins them all at once, lets them type for -duration,
// lets them catch up, and checks that everyone converged on the stored document.
func editPlans(ctx context.Context, env *wsEnv, plans []*plan, seats [][]seat, res *editResult) error {
	o := env.o
	var eds []*editor
	for i, p := range plans {
		for j, s := range seats[i] {
			eds = append(eds, newEditor(env, p, fmt.Sprintf("e%d", len(eds)), s.token, p.fields[j%len(p.fields)].key(), j < o.full))
			if j < o.full {
				res.Full++
			}
		}
	}
	res.Editors = len(eds)

	// 1. Connect, in parallel batches.
	began := time.Now()
	if err := inBatches(ctx, len(eds), 200, func(i int) error {
		conn, err := env.dialRetry(ctx, eds[i].token, eds[i].p.id, editorReadBuffer)
		if err != nil {
			return err
		}
		eds[i].conn = conn
		return nil
	}); err != nil {
		return fmt.Errorf("connect editors: %w", err)
	}
	res.Dial = time.Since(began).Seconds()
	runCtx, cancelRun := context.WithCancel(ctx)
	defer cancelRun()
	var readers sync.WaitGroup
	for _, e := range eds {
		readers.Add(1)
		go func(e *editor) { defer readers.Done(); e.run(runCtx) }(e)
	}
	defer func() {
		env.ending.Store(true)
		for _, e := range eds {
			e.mu.Lock()
			if e.conn != nil {
				_ = e.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(1000, ""), time.Now().Add(100*time.Millisecond))
				e.conn.Close()
			}
			e.mu.Unlock()
		}
		cancelRun()
		readers.Wait()
	}()

	// 2. Join all at once: a presence update goes to the whole room every tick that has joins,
	// so joins spread over many ticks cost N² presence bytes; a burst keeps that to a few ticks.
	began = time.Now()
	for _, e := range eds {
		e.mu.Lock()
		e.join()
		e.mu.Unlock()
	}
	joinWait := time.After(180 * time.Second)
	for _, e := range eds {
		select {
		case <-e.joined:
		case <-joinWait:
			return fmt.Errorf("not every editor had its snapshot within 3 minutes (server log: %s)", env.srv.logPath)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	res.Join = time.Since(began).Seconds()
	time.Sleep(time.Second) // let the join burst's presence frames drain
	r, _ := rss(env.srv.pid)
	res.RSS.Joined = mib(r)
	for _, e := range eds {
		e.mu.Lock()
		res.JoinFrames += e.frames
		e.frames, e.msgs = 0, 0
		e.errs = map[string]int{}
		e.mu.Unlock()
	}

	// 3. Type: one edit per interval each, with a random phase.
	env.cache.hits.Store(0)
	env.cache.misses.Store(0)
	stopProfiles := startProfiles(env, o.duration)
	cpu0, tool0 := cpuSeconds(env.srv.pid), cpuSeconds(os.Getpid())
	began = time.Now()
	env.editStart.Store(env.since())
	editCtx, stopEditing := context.WithTimeout(ctx, o.duration)
	var typists sync.WaitGroup
	for i, e := range eds {
		typists.Add(1)
		go func(i int, e *editor) {
			defer typists.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 99))
			select {
			case <-time.After(time.Duration(rng.Int64N(int64(o.interval)))):
			case <-editCtx.Done():
				return
			}
			t := time.NewTicker(o.interval)
			defer t.Stop()
			for {
				e.typeOnce(rng)
				select {
				case <-t.C:
				case <-editCtx.Done():
					return
				}
			}
		}(i, e)
	}
	typists.Wait()
	stopEditing()
	res.Edit = time.Since(began).Seconds()
	res.ServerCPU = 100 * (cpuSeconds(env.srv.pid) - cpu0) / res.Edit
	res.ToolCPU = 100 * (cpuSeconds(os.Getpid()) - tool0) / res.Edit
	res.Load = loadAverage()
	if err := stopProfiles(); err != nil {
		return err
	}
	r, _ = rss(env.srv.pid)
	res.RSS.End = mib(r)
	for _, e := range eds {
		e.mu.Lock()
		e.stop = true
		e.mu.Unlock()
	}

	// 4. Catch up: everything in flight acknowledged, then everyone at the stored revision.
	began = time.Now()
	settled := func(ok func(e *editor) bool) bool {
		deadline := time.Now().Add(90 * time.Second)
		for time.Now().Before(deadline) && ctx.Err() == nil {
			all := true
			for _, e := range eds {
				e.mu.Lock()
				done := e.gone || ok(e)
				e.mu.Unlock()
				if !done {
					all = false
					break
				}
			}
			if all {
				return true
			}
			time.Sleep(50 * time.Millisecond)
		}
		return false
	}
	synced := settled(func(e *editor) bool { return e.client != nil && e.outID == "" && e.client.State() == ot.Synchronized })
	stored := make([]docNodes, len(plans))
	byPlan := map[*plan]int{}
	for i, p := range plans {
		byPlan[p] = i
		d, err := env.stored(ctx, p)
		if err != nil {
			return err
		}
		stored[i] = d
		res.Revisions += d.Revision
	}
	caught := settled(func(e *editor) bool {
		return e.client != nil && e.rev >= stored[byPlan[e.p]].Revision
	})
	res.CatchUp = time.Since(began).Seconds()

	// 5. Compare every editor's copy of every field with the stored document.
	res.Errors, res.Closes = map[string]int{}, map[string]int{}
	hits, misses := env.cache.hits.Load(), env.cache.misses.Load()
	if hits+misses > 0 {
		res.CacheHits = float64(hits) / float64(hits+misses)
	}
	var ack, arr hist
	for _, e := range eds {
		e.mu.Lock()
		ack.merge(&e.ack)
		arr.merge(&e.arr)
		res.Frames += e.frames
		res.Messages += e.msgs
		res.Edits += e.edits
		res.Sent += e.sentN
		res.Acked += e.ackedN
		res.Resyncs += e.resyncs
		res.Reconnects += e.reconnects
		res.Reordered += e.reordered
		for k, v := range e.errs {
			res.Errors[k] += v
		}
		for k, v := range e.closes {
			res.Closes[k] += v
		}
		if e.gone {
			res.Gone++
		} else if e.client != nil {
			res.Compared++
			d := stored[byPlan[e.p]]
			if e.rev != d.Revision {
				res.Mismatches = append(res.Mismatches, fmt.Sprintf("%s is at revision %d, the stored plan at %d", e.name, e.rev, d.Revision))
			}
			for _, f := range e.p.fields {
				if !e.full && f.key() != e.own {
					continue
				}
				want := d.Nodes[f.node].Text[f.name]
				if got := e.texts[f.key()]; got != want {
					res.Mismatches = append(res.Mismatches, fmt.Sprintf("%s %s: %q, stored %q", e.name, f.key(), clip(got), clip(want)))
				}
			}
		} else {
			res.Mismatches = append(res.Mismatches, e.name+" never got back in sync")
		}
		e.mu.Unlock()
	}
	if !synced {
		res.Mismatches = append(res.Mismatches, "not every editor had its changes acknowledged within 90 s of the end")
	}
	if !caught {
		res.Mismatches = append(res.Mismatches, "not every editor reached the stored revision within 90 s")
	}
	res.Ack, res.Arrival = row(&ack), row(&arr)
	for i := range env.slots {
		s := &env.slots[i]
		if n := s.n.Load(); n > 0 {
			res.Timeline = append(res.Timeline, slotResult{From: i * 5, Acks: n, MeanMs: float64(s.sum.Load()) / float64(n) / 1000, MaxMs: float64(s.max.Load()) / 1000})
		}
	}
	res.Converged = len(res.Mismatches) == 0 && res.Compared > 0
	_, peak := rss(env.srv.pid)
	res.RSS.Peak = mib(peak)
	tool, _ := rss(os.Getpid())
	res.RSS.Tool = mib(tool)
	select {
	case <-env.srv.exited:
		res.ServerExited = "the server stopped during the run; its log:\n" + tail(env.srv.logPath)
	default:
	}
	return nil
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// inBatches runs f for 0..n-1, batch at a time in parallel; the first error wins.
func inBatches(ctx context.Context, n, batch int, f func(i int) error) error {
	for start := 0; start < n; start += batch {
		var wg sync.WaitGroup
		var mu sync.Mutex
		var firstErr error
		for i := start; i < min(n, start+batch); i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				if err := f(i); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}(i)
		}
		wg.Wait()
		if firstErr != nil {
			return firstErr
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

func printEdit(o options, r *editResult) error {
	if o.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Printf("eloload %s: %d plan(s) × %d editors = %d editors (%d accounts), one change per %s each, %.1f s of typing, against %s\n",
		r.Scenario, r.Plans, r.EditorsPerPlan, r.Editors, r.Accounts, r.Interval, r.Edit, r.Server)
	fmt.Printf("machine: %s (eloload and the server share it)\n", r.Machine)
	fmt.Printf("set-up: sign-ins %.1f s, connect %.1f s, join burst until every snapshot %.1f s (%d frames), %d text fields per plan\n\n",
		r.SignIn, r.Dial, r.Join, r.JoinFrames, r.Fields)
	fmt.Printf("%-30s %9s %9s %9s %9s %9s\n", "latency", "count", "p50 ms", "p95 ms", "p99 ms", "max ms")
	for _, x := range []struct {
		name string
		l    latencyRow
	}{{"send → own acknowledgement", r.Ack}, {"send → arrival at the others", r.Arrival}} {
		fmt.Printf("%-30s %9d %9.2f %9.2f %9.2f %9.2f\n", x.name, x.l.Count, x.l.P50, x.l.P95, x.l.P99, x.l.Max)
	}
	if len(r.Timeline) > 0 {
		fmt.Print("acknowledgements per 5 s (count, mean ms, max ms):")
		for _, t := range r.Timeline {
			fmt.Printf(" [%ds: %d, %.0f, %.0f]", t.From, t.Acks, t.MeanMs, t.MaxMs)
		}
		fmt.Println()
	}
	fmt.Printf("\nedits %d, changes sent %d (%.1f/s), acknowledged %d, revisions %d\n", r.Edits, r.Sent, float64(r.Sent)/r.Edit, r.Acked, r.Revisions)
	fmt.Printf("received while typing: %d frames (%.0f/s), %d messages; frame cache hit ratio %.3f\n", r.Frames, float64(r.Frames)/r.Edit, r.Messages, r.CacheHits)
	fmt.Printf("errors: %s\n", counts(r.Errors))
	fmt.Printf("close codes: %s; reconnects %d, resyncs %d, editors lost %d\n", counts(r.Closes), r.Reconnects, r.Resyncs, r.Gone)
	if r.Reordered > 0 {
		fmt.Printf("changes newer than a snapshot that came before it in the same frame (the join tick's broadcast): %d\n", r.Reordered)
	}
	fmt.Printf("CPU while typing: server %.0f %%, eloload %.0f %% (of one core; 2 cores = 200 %%)", r.ServerCPU, r.ToolCPU)
	if r.Load != "" {
		fmt.Printf("; machine load average %s (1, 5, 15 min; other work included)", r.Load)
	}
	if r.Sent > 0 {
		fmt.Printf("; server %.2f ms of CPU per change sent", r.ServerCPU*10*r.Edit/float64(r.Sent))
	}
	fmt.Println()
	fmt.Printf("server RSS: %.0f MiB at start, %.0f after set-up, %.0f after joins, %.0f at end of typing, %.0f peak; eloload %.0f MiB\n",
		r.RSS.Start, r.RSS.Setup, r.RSS.Joined, r.RSS.End, r.RSS.Peak, r.RSS.Tool)
	fmt.Printf("catch-up after typing stopped: %.1f s; %d editors compared: %d full over all %d fields, the others over the field each types into\n", r.CatchUp, r.Compared, r.Full, r.Fields)
	for i, m := range r.Mismatches {
		if i == 10 {
			fmt.Printf("… and %d more\n", len(r.Mismatches)-10)
			break
		}
		fmt.Println("mismatch:", m)
	}
	if r.ServerExited != "" {
		fmt.Println(r.ServerExited)
	}
	if r.Converged {
		fmt.Println("\nCONVERGED: every editor's texts equal each other and the stored document")
	} else {
		fmt.Println("\nDIVERGED (or not comparable): see the mismatches above")
	}
	return nil
}

func counts(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	var parts []string
	for k, v := range m {
		parts = append(parts, fmt.Sprintf("%s ×%d", k, v))
	}
	slices.Sort(parts)
	return strings.Join(parts, ", ")
}

// --- idle -------------------------------------------------------------------------------------

type idleResult struct {
	Scenario   string         `json:"scenario"`
	Machine    string         `json:"machine"`
	Server     string         `json:"server"`
	FileLimit  uint64         `json:"fileLimit"`
	Conns      int            `json:"connections"`
	Open       int64          `json:"openAtEnd"`
	Joined     int64          `json:"joined"`
	Plans      int            `json:"plans"`
	Accounts   int            `json:"accounts"`
	Dial       float64        `json:"connectSeconds"`
	Join       float64        `json:"joinSeconds"`
	Hold       float64        `json:"holdSeconds"`
	DialFailed int            `json:"connectFailures"`
	Failures   []string       `json:"firstFailures,omitempty"`
	Closes     map[string]int `json:"closeCodes,omitempty"`
	Frames     int64          `json:"framesReceived"`
	RSSStart   float64        `json:"rssAtStartMiB"`
	RSSBefore  float64        `json:"rssBeforeMiB"`
	RSSAfter   float64        `json:"rssAfterMiB"`
	RSSEnd     float64        `json:"rssEndOfHoldMiB"`
	RSSPeak    float64        `json:"peakRssMiB"`
	PerConn    float64        `json:"perConnectionKiB"`
	PerConnEnd float64        `json:"perConnectionEndOfHoldKiB"`
	ServerCPU  float64        `json:"serverCpuPercentWhileHolding"`
	ToolRSS    float64        `json:"eloloadRssMiB"`
}

func runIdle(ctx context.Context, env *wsEnv, limit uint64) (*idleResult, error) {
	o := env.o
	res := &idleResult{Scenario: "idle", Machine: machine(), Server: env.srv.base, FileLimit: limit, Conns: o.conns}
	if need := uint64(o.conns + 200); limit < need {
		return nil, fmt.Errorf("the open-file limit is %d; %d connections need about %d (raise the hard limit: ulimit -Hn)", limit, o.conns, need)
	}
	groups, err := env.regionalGroups(ctx)
	if err != nil {
		return nil, err
	}
	g, coordToken, err := env.kainuu(ctx, groups)
	if err != nil {
		return nil, err
	}
	emails := g.everyone[:min(len(g.everyone), 50)]
	tokens, _, err := env.signInAll(ctx, emails, map[string]string{"coordinator@kainuu.example": coordToken})
	if err != nil {
		return nil, err
	}
	res.Accounts = len(emails)
	var plans []*plan
	for i := range o.docs {
		p, err := env.createPlan(ctx, g.id, coordToken, fmt.Sprintf("Kuormitustesti, hiljaiset yhteydet %d", i+1), 0)
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}
	res.Plans = len(plans)
	time.Sleep(2 * time.Second)
	r, _ := rss(env.srv.pid)
	res.RSSBefore = mib(r)

	type idleConn struct {
		conn   *websocket.Conn
		joined atomic.Bool
	}
	conns := make([]*idleConn, o.conns)
	var (
		open, joined, frames atomic.Int64
		cmu                  sync.Mutex
		closes               = map[string]int{}
		failures             []string
	)
	began := time.Now()
	_ = inBatches(ctx, o.conns, 200, func(i int) error {
		e := emails[i%len(emails)]
		conn, err := env.dialRetry(ctx, tokens[e], plans[i%len(plans)].id, 1024)
		if err != nil {
			cmu.Lock()
			res.DialFailed++
			if len(failures) < 5 {
				failures = append(failures, err.Error())
			}
			cmu.Unlock()
			return nil
		}
		ic := &idleConn{conn: conn}
		conns[i] = ic
		open.Add(1)
		go func() {
			defer open.Add(-1)
			for {
				_, frame, err := conn.ReadMessage()
				if err != nil {
					if env.ending.Load() {
						return
					}
					key := "dropped without close frame"
					var ce *websocket.CloseError
					if errors.As(err, &ce) {
						key = fmt.Sprint(ce.Code)
					}
					cmu.Lock()
					closes[key]++
					cmu.Unlock()
					return
				}
				frames.Add(1)
				if !ic.joined.Load() && snapshotFrame(frame) {
					ic.joined.Store(true)
					joined.Add(1)
				}
			}
		}()
		return nil
	})
	res.Dial = time.Since(began).Seconds()
	defer func() {
		env.ending.Store(true)
		for _, c := range conns {
			if c != nil {
				c.conn.Close()
			}
		}
	}()
	began = time.Now()
	for _, c := range conns {
		if c != nil {
			_ = c.conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
			_ = c.conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"join","rev":0}`))
		}
	}
	deadline := time.Now().Add(120 * time.Second)
	for joined.Load() < open.Load() && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	res.Join = time.Since(began).Seconds()
	time.Sleep(5 * time.Second) // let presence frames drain and the server's heap settle
	r, _ = rss(env.srv.pid)
	res.RSSAfter = mib(r)
	n := float64(open.Load())
	if n > 0 {
		res.PerConn = float64(r-int64(res.RSSBefore*1024)) / n
	}
	// Hold them (the server pings every 25 s; the reader answers with pongs).
	cpu0 := cpuSeconds(env.srv.pid)
	began = time.Now()
	select {
	case <-time.After(o.duration):
	case <-ctx.Done():
	}
	res.Hold = time.Since(began).Seconds()
	res.ServerCPU = 100 * (cpuSeconds(env.srv.pid) - cpu0) / res.Hold
	r, peak := rss(env.srv.pid)
	res.RSSEnd, res.RSSPeak = mib(r), mib(peak)
	res.Open, res.Joined, res.Frames = open.Load(), joined.Load(), frames.Load()
	if res.Open > 0 {
		res.PerConnEnd = float64(r-int64(res.RSSBefore*1024)) / float64(res.Open)
	}
	tool, _ := rss(os.Getpid())
	res.ToolRSS = mib(tool)
	cmu.Lock()
	res.Closes, res.Failures = closes, failures
	cmu.Unlock()
	return res, nil
}

func printIdle(o options, r *idleResult) error {
	if o.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	fmt.Printf("eloload idle: %d websocket connections (%d accounts) joined to %d plans, held %.1f s, against %s\n", r.Conns, r.Accounts, r.Plans, r.Hold, r.Server)
	fmt.Printf("machine: %s; open-file limit %d (the server inherits it)\n", r.Machine, r.FileLimit)
	fmt.Printf("connect %.1f s (%d failed), join until every snapshot %.1f s; %d joined, %d open at the end, %d frames received\n",
		r.Dial, r.DialFailed, r.Join, r.Joined, r.Open, r.Frames)
	fmt.Printf("close codes: %s\n", counts(r.Closes))
	for _, f := range r.Failures {
		fmt.Println("failure:", f)
	}
	fmt.Printf("\nserver RSS: %.0f MiB at start, %.1f MiB before connecting, %.1f MiB after joining, %.1f MiB at the end of the hold, %.1f MiB peak\n",
		r.RSSStart, r.RSSBefore, r.RSSAfter, r.RSSEnd, r.RSSPeak)
	fmt.Printf("per connection: %.1f KiB after joining, %.1f KiB at the end of the hold ((after - before) / connections)\n", r.PerConn, r.PerConnEnd)
	fmt.Printf("server CPU while holding: %.1f %% of one core; eloload RSS %.0f MiB\n", r.ServerCPU, r.ToolRSS)
	return nil
}

// startProfiles starts CPU profiles of the typing phase (-profile): the tool's own, and the
// server's through its PPROF_ADDR. The returned function stops them and writes the files.
func startProfiles(env *wsEnv, d time.Duration) func() error {
	dir := env.o.profile
	if dir == "" {
		return func() error { return nil }
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return func() error { return err }
	}
	f, err := os.Create(filepath.Join(dir, "eloload.cpu"))
	if err != nil {
		return func() error { return err }
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() error { return err }
	}
	served := make(chan error, 1)
	if addr := os.Getenv("PPROF_ADDR"); addr != "" {
		secs := max(1, int(d.Seconds())-1)
		go func() {
			c := &http.Client{Timeout: d + 30*time.Second}
			resp, err := c.Get(fmt.Sprintf("http://%s/debug/pprof/profile?seconds=%d", addr, secs))
			if err != nil {
				served <- err
				return
			}
			defer resp.Body.Close()
			out, err := os.Create(filepath.Join(dir, "server.cpu"))
			if err == nil {
				_, err = io.Copy(out, resp.Body)
				out.Close()
			}
			served <- err
		}()
	} else {
		served <- nil
	}
	return func() error {
		pprof.StopCPUProfile()
		f.Close()
		if err := <-served; err != nil {
			return fmt.Errorf("server profile (PPROF_ADDR): %w", err)
		}
		return nil
	}
}

// loadAverage is the machine's load average (1, 5 and 15 minutes) from /proc/loadavg: other
// work on shared cores shows in the figures, so each run says how busy the machine was.
func loadAverage() string {
	f := strings.Fields(readFile("/proc/loadavg"))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}
