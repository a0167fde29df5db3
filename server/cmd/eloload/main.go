// Command eloload drives real HTTP calls against an ELO Workspace server on loopback and
// reports latency percentiles, throughput, errors and the server's memory per kind of call.
//
// Without -url it starts the server itself (-bin, default ./bin/elo-workspace) with DEMO=1 in a
// fresh data folder on a free port, waits for /readyz, and stops it at the end. Every virtual
// user signs in as a different member of a regional group and then loops, closed-loop, over
// the calls a group's home page and the directory make:
//
//	go build -o bin/elo-workspace ./server/cmd/elo-workspace
//	go run ./server/cmd/eloload -users 50 -duration 30s
//
// -scenario coedit|rooms|idle drives live co-editing websockets instead (see scenarios.go):
//
//	go run ./server/cmd/eloload -scenario coedit -editors 200 -duration 30s
//	go run ./server/cmd/eloload -scenario rooms -rooms 100 -editors 10
//	go run ./server/cmd/eloload -scenario idle -conns 10000
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"
)

type options struct {
	url, bin, data, password, origin string
	users, requests, pid             int
	duration, think                  time.Duration
	json                             bool

	scenario                             string
	profile                              string // coedit, rooms: write CPU profiles of the typing phase here
	editors, rooms, conns, docs, actions int
	full                                 int
	interval                             time.Duration
	writers                              int // search: people posting meanwhile
}

func main() {
	var o options
	flag.StringVar(&o.url, "url", "", "base URL of a running server on loopback (default: start -bin with the demo dataset)")
	flag.StringVar(&o.bin, "bin", "./bin/elo-workspace", "server binary to start when -url is not given")
	flag.StringVar(&o.data, "data", "", "DATA_DIR for the started server (default: a fresh temporary folder, removed at the end; an existing folder is kept, so a second run measures a start with the dataset already loaded)")
	flag.IntVar(&o.pid, "pid", 0, "process id of the server given by -url, to report its memory")
	flag.IntVar(&o.users, "users", 50, "concurrent virtual users, each signed in as a different member")
	flag.DurationVar(&o.duration, "duration", 30*time.Second, "how long to run the loop")
	flag.IntVar(&o.requests, "requests", 0, "stop after this many requests in the loop (0: no limit); whichever of -duration and -requests comes first")
	flag.DurationVar(&o.think, "think", 0, "random think time of up to this between calls (default 0: closed loop)")
	flag.StringVar(&o.password, "password", or(os.Getenv("DEMO_PASSWORD"), "elo-demo"), "the demo accounts' password")
	flag.BoolVar(&o.json, "json", false, "print the results as JSON")
	flag.StringVar(&o.scenario, "scenario", "http", "http: REST calls of the group home and directory; coedit: many editors in one action plan; rooms: many plans with a few editors each; idle: many quiet websocket connections; national: national users on the dashboard while members edit plans (national.go); search: people typing into the search box (search.go); forums: reading and posting in the forums (forums.go); practices: the good-practice library (practices.go)")
	flag.IntVar(&o.editors, "editors", 0, "coedit: editors in the plan (default 200); rooms: editors per plan (default 10)")
	flag.IntVar(&o.rooms, "rooms", 100, "rooms: how many plans, spread over the regional groups")
	flag.IntVar(&o.conns, "conns", 10000, "idle: websocket connections to hold open")
	flag.IntVar(&o.docs, "docs", 100, "idle: plans the connections are spread over")
	flag.IntVar(&o.full, "full", 20, "coedit, rooms: editors per plan that keep and check every field of the plan; the others keep and check the field they type into (cheaper for the tool, which shares the cores)")
	flag.IntVar(&o.actions, "actions", 4, "coedit, rooms: actions inserted into each new plan before editing (more fields to type into)")
	flag.IntVar(&o.writers, "writers", 0, "search: people posting replies into theme forum threads meanwhile, each about once per -interval (at least 2 s, the server's rate limit), so the index changes under the searches")
	flag.DurationVar(&o.interval, "interval", time.Second, "coedit, rooms: each editor makes one text change per interval (random phase)")
	flag.StringVar(&o.profile, "profile", "", "coedit, rooms, forums: write CPU profiles of the typing phase into this folder: eloload's own (eloload.cpu) and, when PPROF_ADDR is set (the started server inherits it), the server's (server.cpu)")
	flag.StringVar(&o.origin, "origin", "", "Origin header of websocket connections (default: the server's URL, which eloload puts in ALLOWED_ORIGINS of the server it starts)")
	flag.Parse()
	if o.editors == 0 {
		o.editors = 200
		if o.scenario == "rooms" {
			o.editors = 10
		}
	}
	switch {
	case o.users < 1:
		fail(errors.New("-users must be at least 1"))
	case o.editors < 1 || o.editors > 5000, o.rooms < 1 || o.rooms > 1000, o.conns < 1 || o.conns > 100000, o.docs < 1 || o.docs > 1000, o.actions < 0 || o.actions > 50:
		fail(errors.New("-editors (1-5000), -rooms (1-1000), -conns (1-100000), -docs (1-1000) or -actions (0-50) out of range"))
	case o.interval < 10*time.Millisecond || o.duration <= 0 || o.duration > time.Hour:
		fail(errors.New("-interval must be at least 10ms and -duration between 0 and 1h"))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	run := run
	if o.scenario != "http" {
		run = runWS
	}
	if o.scenario == "national" { // national.go: the national dashboard under plan edits
		run = runNational
	}
	if o.scenario == "search" { // search.go: people typing into the search box
		run = runSearch
	}
	if o.scenario == "forums" { // forums.go: reading and posting in the forums, live posts
		run = runForums
	}
	if o.scenario == "practices" { // practices.go: browsing, opening and comparing good practices
		run = runPractices
	}
	if err := run(ctx, o); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "eloload:", err)
	os.Exit(1)
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// --- the server -----------------------------------------------------------------------------

type server struct {
	base     string
	pid      int
	cmd      *exec.Cmd
	exited   chan struct{}
	logPath  string
	tempData string
	startup  string        // what the server logged as startup=
	wait     time.Duration // from starting the process until /readyz answered
}

func startServer(ctx context.Context, o options) (*server, error) {
	if o.url != "" {
		u, err := url.Parse(strings.TrimRight(o.url, "/"))
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("-url %q is not a URL", o.url)
		}
		if !loopback(u.Hostname()) {
			return nil, fmt.Errorf("-url %q is not a loopback address; eloload only talks to this machine", o.url)
		}
		return &server{base: u.String(), pid: o.pid}, nil
	}
	bin, err := filepath.Abs(o.bin)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("no server binary at %s (go build -o bin/elo-workspace ./server/cmd/elo-workspace): %w", o.bin, err)
	}
	s := &server{exited: make(chan struct{})}
	data := o.data
	if data == "" {
		if data, err = os.MkdirTemp("", "eloload-"); err != nil {
			return nil, err
		}
		s.tempData = data
	} else if err := os.MkdirAll(data, 0o700); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s.base = fmt.Sprintf("http://127.0.0.1:%d", port)
	s.logPath = filepath.Join(data, fmt.Sprintf("eloload-server-%d.log", time.Now().Unix()))
	logFile, err := os.Create(s.logPath)
	if err != nil {
		return nil, err
	}
	s.cmd = exec.Command(bin)
	s.cmd.Env = append(os.Environ(), "DEMO=1", "DATA_DIR="+data, "PORT="+strconv.Itoa(port),
		"DEMO_PASSWORD="+o.password, "PUBLIC_URL="+s.base, "ALLOWED_ORIGINS="+s.base, "LOG_LEVEL=info", "MONGODB_URI=")
	s.cmd.Stdout, s.cmd.Stderr = logFile, logFile
	began := time.Now()
	if err := s.cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	s.pid = s.cmd.Process.Pid
	go func() {
		_ = s.cmd.Wait()
		logFile.Close()
		close(s.exited)
	}()
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(120 * time.Second)
	for {
		if resp, err := client.Get(s.base + "/readyz"); err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case <-s.exited:
			return nil, fmt.Errorf("the server stopped while starting; its log:\n%s", tail(s.logPath))
		case <-ctx.Done():
			s.stop()
			return nil, ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.stop()
			return nil, fmt.Errorf("the server was not ready within 2 minutes; its log:\n%s", tail(s.logPath))
		}
	}
	s.wait = time.Since(began)
	if m := regexp.MustCompile(`msg=ready .*startup=(\S+)`).FindStringSubmatch(readFile(s.logPath)); m != nil {
		s.startup = m[1]
	}
	return s, nil
}

func (s *server) stop() {
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(15 * time.Second):
		_ = s.cmd.Process.Kill()
		<-s.exited
	}
	if s.tempData != "" {
		_ = os.RemoveAll(s.tempData)
	}
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func readFile(p string) string {
	b, _ := os.ReadFile(p)
	return string(b)
}

func tail(p string) string {
	s := readFile(p)
	if len(s) > 4000 {
		s = "..." + s[len(s)-4000:]
	}
	return s
}

// rss reads a process's resident memory (VmRSS) and its peak (VmHWM) in KiB.
func rss(pid int) (now, peak int64) {
	if pid <= 0 {
		return 0, 0
	}
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmRSS":
			now = n
		case "VmHWM":
			peak = n
		}
	}
	return now, peak
}

// --- HTTP -------------------------------------------------------------------------------------

type client struct {
	base  string
	http  *http.Client
	token string
}

// call makes one request and decodes a JSON answer into out (when not nil). It returns the
// status (0 when no answer came) and how long the call took, reading the body included.
// httpClient is the HTTP client for a number of REST users: loopback only, never through a proxy, up
// to two idle connections each.
func httpClient(users int) *http.Client {
	transport := &http.Transport{
		Proxy:               nil, // loopback only: never through a proxy
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        users * 2,
		MaxIdleConnsPerHost: users * 2,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}
	return &http.Client{Transport: transport, Timeout: 60 * time.Second}
}

func (c *client) call(ctx context.Context, method, path string, body, out any) (int, time.Duration, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, 0, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return 0, 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	began := time.Now()
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, time.Since(began), err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	took := time.Since(began)
	if err != nil {
		return 0, took, err
	}
	if resp.StatusCode >= 300 {
		return resp.StatusCode, took, fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, strings.TrimSpace(string(b)))
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			return resp.StatusCode, took, fmt.Errorf("%s %s: %w", method, path, err)
		}
	}
	return resp.StatusCode, took, nil
}

func (c *client) signIn(ctx context.Context, email, password string) (time.Duration, int, error) {
	var s struct {
		AccessToken string `json:"accessToken"`
	}
	status, took, err := c.call(ctx, http.MethodPost, "/api/v1/auth/login", map[string]string{"email": email, "password": password}, &s)
	if err == nil && s.AccessToken == "" {
		err = errors.New("sign-in answered without an access token")
	}
	c.token = s.AccessToken
	return took, status, err
}

// --- the run ----------------------------------------------------------------------------------

// Kinds of call, in the order they are reported.
var kinds = []string{
	"POST /auth/login", "GET /me", "GET /workspaces", "GET /workspaces/{id}", "GET /workspaces/{id}/members",
	"GET /workspaces/{id}/activity", "GET /organisations?q=", "GET /organisations/{id}",
}

type sample struct {
	kind   int
	took   time.Duration
	status int // 0: no answer
}

type fixture struct {
	emails []string // regional members to sign in as, spread over the groups
	words  []string // words of organisation names, for searches
	orgIDs []string
}

func prepare(ctx context.Context, c *client, o options) (fixture, error) {
	var f fixture
	if _, _, err := c.signIn(ctx, "admin@elo.example", o.password); err != nil {
		return f, fmt.Errorf("sign in as the demo administrator (is the demo dataset loaded, is -password right?): %w", err)
	}
	var users []struct {
		Email   string `json:"email"`
		IsAdmin bool   `json:"isAdmin"`
	}
	if _, _, err := c.call(ctx, http.MethodGet, "/api/v1/users", nil, &users); err != nil {
		return f, err
	}
	known := map[string]bool{}
	for _, u := range users {
		if !u.IsAdmin {
			known[u.Email] = true
		}
	}
	var wss []struct {
		ID   string `json:"id"`
		Kind string `json:"kind"`
	}
	if _, _, err := c.call(ctx, http.MethodGet, "/api/v1/workspaces", nil, &wss); err != nil {
		return f, err
	}
	var groups [][]string
	for _, w := range wss {
		if w.Kind != "regional" {
			continue
		}
		var ms []struct {
			Email string `json:"email"`
		}
		if _, _, err := c.call(ctx, http.MethodGet, "/api/v1/workspaces/"+w.ID+"/members", nil, &ms); err != nil {
			return f, err
		}
		var g []string
		for _, m := range ms {
			if known[m.Email] {
				g = append(g, m.Email)
			}
		}
		groups = append(groups, g)
	}
	// Round robin over the groups, so the load spreads like real use.
	for i := 0; len(f.emails) < o.users; i++ {
		added := false
		for _, g := range groups {
			if i < len(g) && len(f.emails) < o.users {
				f.emails = append(f.emails, g[i])
				added = true
			}
		}
		if !added {
			return f, fmt.Errorf("only %d regional members to sign in as; -users %d is more", len(f.emails), o.users)
		}
	}
	seen := map[string]bool{}
	if err := c.pages(ctx, "/api/v1/organisations", func(id, name string) {
		f.orgIDs = append(f.orgIDs, id)
		f.words = addWords(f.words, seen, name, 4)
	}); err != nil {
		return f, err
	}
	if len(f.orgIDs) == 0 {
		return f, errors.New("the directory is empty")
	}
	return f, nil
}

// pages reads every page of a list (path answers {items: [{id, name}], total} for limit and
// offset) and calls each with every item's id and name.
func (c *client) pages(ctx context.Context, path string, each func(id, name string)) error {
	for offset := 0; ; offset += 200 {
		var page struct {
			Items []struct {
				ID   string `json:"id"`
				Name string `json:"name"`
			} `json:"items"`
			Total int `json:"total"`
		}
		if _, _, err := c.call(ctx, http.MethodGet, fmt.Sprintf("%s?limit=200&offset=%d", path, offset), nil, &page); err != nil {
			return err
		}
		for _, it := range page.Items {
			each(it.ID, it.Name)
		}
		if len(page.Items) == 0 || offset+len(page.Items) >= page.Total {
			return nil
		}
	}
}

// addWords appends the words of name (lower case, at least minRunes letters) not seen before:
// what the scenarios search for.
func addWords(words []string, seen map[string]bool, name string, minRunes int) []string {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return strings.ContainsRune(" ,–-.:;()\"'", r) }) {
		if utf8.RuneCountInString(w) >= minRunes && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

type result struct {
	Machine  string        `json:"machine"`
	CPUs     int           `json:"cpus"`
	Server   string        `json:"server"`
	Startup  string        `json:"serverStartup,omitempty"`
	Ready    string        `json:"readyAfter,omitempty"`
	Users    int           `json:"users"`
	Think    string        `json:"think"`
	Elapsed  float64       `json:"elapsedSeconds"`
	Total    int           `json:"loopRequests"`
	RPS      float64       `json:"loopRequestsPerSecond"`
	Kinds    []kindResult  `json:"endpoints"`
	Memory   *memoryResult `json:"serverMemory,omitempty"`
	Failures []string      `json:"firstFailures,omitempty"`
}

type kindResult struct {
	Name   string         `json:"name"`
	Count  int            `json:"count"`
	P50    float64        `json:"p50Ms"`
	P95    float64        `json:"p95Ms"`
	P99    float64        `json:"p99Ms"`
	Max    float64        `json:"maxMs"`
	RPS    float64        `json:"requestsPerSecond"`
	Errors map[string]int `json:"errors,omitempty"`
}

type memoryResult struct {
	StartMiB  float64 `json:"rssAtStartMiB"`
	SignedMiB float64 `json:"rssAfterSignInMiB"`
	EndMiB    float64 `json:"rssAtEndMiB"`
	PeakMiB   float64 `json:"peakRssMiB"`
}

func run(ctx context.Context, o options) error {
	srv, err := startServer(ctx, o)
	if err != nil {
		return err
	}
	defer srv.stop()
	var mem memoryResult
	kib := func(n int64) float64 { return float64(n) / 1024 }
	r, _ := rss(srv.pid)
	mem.StartMiB = kib(r)

	hc := httpClient(o.users)
	admin := &client{base: srv.base, http: hc}
	fx, err := prepare(ctx, admin, o)
	if err != nil {
		return err
	}

	// Every virtual user signs in (concurrently, as at the start of a working day), then loops.
	vus := make([]*client, o.users)
	samples := make([][]sample, o.users)
	var failures []string
	var fmu sync.Mutex
	noteFailure := func(err error) {
		fmu.Lock()
		if len(failures) < 10 {
			failures = append(failures, err.Error())
		}
		fmu.Unlock()
	}
	var wg sync.WaitGroup
	for i := range vus {
		vus[i] = &client{base: srv.base, http: hc}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			took, status, err := vus[i].signIn(ctx, fx.emails[i], o.password)
			if err != nil {
				noteFailure(err)
			}
			samples[i] = append(samples[i], sample{kind: 0, took: took, status: status})
		}(i)
	}
	wg.Wait()
	r, _ = rss(srv.pid)
	mem.SignedMiB = kib(r)

	var (
		budget  atomic.Int64
		stopped atomic.Bool
	)
	budget.Store(int64(o.requests))
	loopCtx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	began := time.Now()
	for i, vu := range vus {
		if vu.token == "" {
			continue
		}
		wg.Add(1)
		go func(i int, vu *client) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 42))
			var me struct {
				Memberships []struct {
					WorkspaceID string `json:"workspaceId"`
				} `json:"memberships"`
			}
			do := func(kind int, path string, out any) bool {
				if o.requests > 0 && budget.Add(-1) < 0 {
					stopped.Store(true)
				}
				if stopped.Load() || loopCtx.Err() != nil {
					return false
				}
				if o.think > 0 {
					time.Sleep(time.Duration(rng.Int64N(int64(o.think))))
				}
				status, took, err := vu.call(loopCtx, http.MethodGet, path, nil, out)
				if err != nil && loopCtx.Err() != nil {
					return false // cut off by the end of the run: not a server error
				}
				if err != nil {
					noteFailure(err)
				}
				samples[i] = append(samples[i], sample{kind: kind, took: took, status: status})
				return true
			}
			for {
				ws := ""
				if !do(1, "/api/v1/me", &me) {
					return
				}
				if len(me.Memberships) > 0 {
					ws = me.Memberships[0].WorkspaceID
				}
				if !do(2, "/api/v1/workspaces", nil) {
					return
				}
				if ws != "" {
					if !do(3, "/api/v1/workspaces/"+ws, nil) || !do(4, "/api/v1/workspaces/"+ws+"/members", nil) ||
						!do(5, "/api/v1/workspaces/"+ws+"/activity", nil) {
						return
					}
				}
				q := url.QueryEscape(fx.words[rng.IntN(len(fx.words))])
				if !do(6, "/api/v1/organisations?q="+q+"&limit=20", nil) ||
					!do(7, "/api/v1/organisations/"+fx.orgIDs[rng.IntN(len(fx.orgIDs))], nil) {
					return
				}
			}
		}(i, vu)
	}
	wg.Wait()
	elapsed := time.Since(began)
	r, peak := rss(srv.pid)
	mem.EndMiB, mem.PeakMiB = kib(r), kib(peak)

	res := summarise(samples, elapsed)
	res.Machine, res.CPUs = machine(), runtime.NumCPU()
	res.Server, res.Users, res.Think = srv.base, o.users, o.think.String()
	res.Startup = srv.startup
	if srv.wait > 0 {
		res.Ready = srv.wait.Round(time.Millisecond).String()
	}
	if srv.pid > 0 && mem.StartMiB > 0 {
		res.Memory = &mem
	}
	res.Failures = failures
	if o.json {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printTable(res)
	return nil
}

func summarise(samples [][]sample, elapsed time.Duration) result {
	res := result{Elapsed: elapsed.Seconds()}
	by := make([][]time.Duration, len(kinds))
	errs := make([]map[string]int, len(kinds))
	for _, ss := range samples {
		for _, s := range ss {
			by[s.kind] = append(by[s.kind], s.took)
			if s.status == 0 || s.status >= 300 {
				if errs[s.kind] == nil {
					errs[s.kind] = map[string]int{}
				}
				key := strconv.Itoa(s.status)
				if s.status == 0 {
					key = "no answer"
				}
				errs[s.kind][key]++
			}
			if s.kind != 0 {
				res.Total++
			}
		}
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	for k, ds := range by {
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		q := func(p float64) float64 { return ms(ds[min(len(ds)-1, int(p*float64(len(ds))))]) }
		kr := kindResult{Name: kinds[k], Count: len(ds), P50: q(0.50), P95: q(0.95), P99: q(0.99), Max: ms(ds[len(ds)-1]), Errors: errs[k]}
		if k != 0 {
			kr.RPS = float64(len(ds)) / elapsed.Seconds()
		}
		res.Kinds = append(res.Kinds, kr)
	}
	res.RPS = float64(res.Total) / elapsed.Seconds()
	return res
}

func machine() string {
	model := ""
	for _, line := range strings.Split(readFile("/proc/cpuinfo"), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			model = strings.TrimSpace(v)
			break
		}
	}
	return strings.TrimSpace(fmt.Sprintf("%s/%s, %d CPUs %s", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), model))
}

func printTable(r result) {
	fmt.Printf("eloload: %d virtual users, think %s, %.1f s against %s\n", r.Users, r.Think, r.Elapsed, r.Server)
	fmt.Printf("machine: %s\n", r.Machine)
	if r.Startup != "" || r.Ready != "" {
		fmt.Printf("server start-up: %s (server's own figure), ready after %s\n", or(r.Startup, "?"), or(r.Ready, "?"))
	}
	fmt.Println()
	fmt.Printf("%-32s %8s %9s %9s %9s %9s %9s  %s\n", "endpoint", "count", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s", "errors")
	for _, k := range r.Kinds {
		errs := "-"
		if len(k.Errors) > 0 {
			var parts []string
			for s, n := range k.Errors {
				parts = append(parts, fmt.Sprintf("%s×%d", s, n))
			}
			slices.Sort(parts)
			errs = strings.Join(parts, " ")
		}
		rps := fmt.Sprintf("%9.1f", k.RPS)
		if k.RPS == 0 {
			rps = fmt.Sprintf("%9s", "")
		}
		fmt.Printf("%-32s %8d %9.2f %9.2f %9.2f %9.2f %s  %s\n", k.Name, k.Count, k.P50, k.P95, k.P99, k.Max, rps, errs)
	}
	fmt.Printf("%-32s %8d %49.1f\n", "loop total", r.Total, r.RPS)
	if m := r.Memory; m != nil {
		fmt.Printf("\nserver RSS: %.0f MiB at start, %.0f MiB after sign-ins, %.0f MiB at end, %.0f MiB peak\n", m.StartMiB, m.SignedMiB, m.EndMiB, m.PeakMiB)
	}
	for _, f := range r.Failures {
		fmt.Println("failure:", f)
	}
}
