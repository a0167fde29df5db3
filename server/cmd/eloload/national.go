package main

// The national scenario: national-group members poll the national dashboard with random filters
// while members of the regional groups edit their plans over the document websockets; a prober
// changes an action's status (and progress) in Kainuu's plan once per -interval, and every
// national member, listening to the `national` events topic, refetches the drill-down of that
// action's cell on each event until it shows the change. Reported: the dashboard's latency
// (p50/p95/p99 under the edits), the editors' acknowledgements, and how long a status change
// takes to reach the open dashboards (from sending it to a refetch that shows it, and to the
// first event after it).
//
//	go run ./server/cmd/eloload -scenario national -users 20 -editors 50 -duration 30s

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fasthttp/websocket"
)

type nationalResult struct {
	Scenario       string     `json:"scenario"`
	Machine        string     `json:"machine"`
	Server         string     `json:"server"`
	Duration       string     `json:"duration"`
	NationalUsers  int        `json:"nationalUsers"`
	Editors        int        `json:"editors"`
	Plans          int        `json:"editedPlans"`
	Dashboard      latencyRow `json:"dashboard"`
	DashboardRPS   float64    `json:"dashboardPerSecond"`
	DashErrors     int64      `json:"dashboardErrors"`
	Refetch        latencyRow `json:"refetchAfterEvent"`
	Acks           latencyRow `json:"editAcks"`
	EditsSent      int64      `json:"editsSent"`
	EditErrors     int64      `json:"editErrors"`
	Probes         int        `json:"statusChanges"`
	ToEvent        latencyRow `json:"statusChangeToFirstEvent"`
	ToDashboard    latencyRow `json:"statusChangeToDashboard"`
	AckToDashboard latencyRow `json:"acknowledgedStatusChangeToDashboard"`
	Missed         int        `json:"probesNotSeen"`
	Events         int64      `json:"eventsReceived"`
	RSSPeak        float64    `json:"serverPeakRssMiB"`
	ServerCPU      float64    `json:"serverCpuPercent"`        // of one core, over the run (the edits' work included)
	CPUPerDash     float64    `json:"serverCpuMsPerDashboard"` // the server's CPU over the run / dashboard requests (edits included)
	Load           string     `json:"loadAverage"`
}

// probe is one status change of the prober: the progress value it sets identifies it.
type probe struct {
	progress    int
	sent, acked time.Time
}

// probeLog is what the prober sent, for the listeners to match what they see.
type probeLog struct {
	mu     sync.Mutex
	probes []probe
}

func (l *probeLog) add(p probe) {
	l.mu.Lock()
	l.probes = append(l.probes, p)
	l.mu.Unlock()
}

// latest returns the index of the newest probe with the progress value, -1 if none.
func (l *probeLog) latest(progress int) (int, time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := len(l.probes) - 1; i >= 0; i-- {
		if l.probes[i].progress == progress {
			return i, l.probes[i].sent
		}
	}
	return -1, time.Time{}
}

// before returns the probes sent before at, by index.
func (l *probeLog) before(at time.Time) map[int]time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[int]time.Time{}
	for i, p := range l.probes {
		if !p.sent.After(at) {
			out[i] = p.sent
		}
	}
	return out
}

func (l *probeLog) ack(i int, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i >= 0 && i < len(l.probes) {
		l.probes[i].acked = at
	}
}

// ackedAt is when probe i was acknowledged (zero when it was not).
func (l *probeLog) ackedAt(i int) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.probes[i].acked
}

func (l *probeLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.probes)
}

func runNational(ctx context.Context, o options) error {
	env, _, stop, err := startWSEnv(ctx, o, 256)
	if err != nil {
		return err
	}
	defer stop()
	editorsWanted := o.editors
	if editorsWanted == 200 { // the coedit default: this scenario's is 50
		editorsWanted = 50
	}

	// Who takes part: the national group's members, editors of every other regional group, and
	// the Kainuu coordinator as the prober.
	groups, err := env.regionalGroups(ctx)
	if err != nil {
		return err
	}
	var wss []struct{ ID, Kind string }
	if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/workspaces", nil, &wss); err != nil {
		return err
	}
	var nationalEmails []string
	for _, w := range wss {
		if w.Kind != "national" {
			continue
		}
		var ms []struct{ Email string }
		if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/workspaces/"+w.ID+"/members", nil, &ms); err != nil {
			return err
		}
		for _, m := range ms {
			nationalEmails = append(nationalEmails, m.Email)
		}
	}
	if len(nationalEmails) == 0 {
		return errors.New("the dataset has no national group with members")
	}
	kainuu, _, err := env.kainuu(ctx, groups)
	if err != nil {
		return err
	}
	type seatPlan struct{ email, doc string }
	var editing []seatPlan
	plansOf := map[string]string{} // workspace -> its newest action plan
	for _, g := range groups {
		var docs []struct{ ID, Kind, Period string }
		if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/workspaces/"+g.id+"/documents", nil, &docs); err != nil {
			return err
		}
		for _, d := range docs {
			if d.Kind == "action_plan" && d.Period > plansOf[g.id+"/period"] {
				plansOf[g.id], plansOf[g.id+"/period"] = d.ID, d.Period
			}
		}
	}
	for i := 0; len(editing) < editorsWanted && i < 1000; i++ {
		g := groups[i%len(groups)]
		if g.id == kainuu.id || plansOf[g.id] == "" {
			continue
		}
		if k := i / len(groups); k < len(g.editors) {
			editing = append(editing, seatPlan{g.editors[k], plansOf[g.id]})
		}
	}
	var emails []string
	for i := 0; i < o.users; i++ {
		emails = append(emails, nationalEmails[i%len(nationalEmails)])
	}
	for _, s := range editing {
		emails = append(emails, s.email)
	}
	emails = append(emails, "coordinator@kainuu.example")
	tokens, took, err := env.signInAll(ctx, emails, nil)
	if err != nil {
		return err
	}
	fmt.Printf("signed in %d accounts in %.1fs; %d national users, %d editors in %d plans\n", len(tokens), took.Seconds(), o.users, len(editing), len(plansOf)/2-1)
	if _, err := waitIndexed(ctx, env.srv, env.admin); err != nil { // the start's search backlog would count as the dashboards' CPU
		return err
	}

	// The prober's action: the first action under a goal of Kainuu's plan linked to national goal 1.
	var ref struct {
		NationalGoals []struct{ ID, Code string } `json:"nationalGoals"`
		Regions       []struct{ ID, Code string } `json:"regions"`
	}
	if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/reference", nil, &ref); err != nil {
		return err
	}
	var ng1, kainuuRegion string
	for _, n := range ref.NationalGoals {
		if n.Code == "1" {
			ng1 = n.ID
		}
	}
	for _, r := range ref.Regions {
		if r.Code == "kainuu" {
			kainuuRegion = r.ID
		}
	}
	probeDoc, period := plansOf[kainuu.id], plansOf[kainuu.id+"/period"]
	var doc struct {
		Nodes map[string]struct {
			ID, Type, Parent, List, Pos string
			Fields                      struct{ NationalGoals []string }
		}
	}
	if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/documents/"+probeDoc, nil, &doc); err != nil {
		return err
	}
	var probeAction string
	for _, n := range doc.Nodes {
		if n.Type != "action" {
			continue
		}
		if g := doc.Nodes[n.Parent]; slices.Contains(g.Fields.NationalGoals, ng1) && (probeAction == "" || n.ID < probeAction) {
			probeAction = n.ID
		}
	}
	if probeAction == "" {
		return errors.New("Kainuu's plan has no action under a goal linked to national goal 1")
	}
	cellPath := "/api/v1/national/cell?" + url.Values{"nationalGoal": {ng1}, "region": {kainuuRegion}, "period": {period}}.Encode()

	res := &nationalResult{Scenario: "national", Machine: machine(), Server: env.srv.base, Duration: o.duration.String(),
		NationalUsers: o.users, Editors: len(editing), Plans: len(plansOf)/2 - 1}
	runCtx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var dash, refetch, acks, toEvent, toDash, fromAck hist
	seenAt := make([]map[int]time.Time, o.users) // per listener: when its dashboard showed each probe
	var dashN, dashErr, sent, editErr, events atomic.Int64
	log := &probeLog{}
	seen := make([]map[int]bool, o.users)   // per listener: probes it has seen on its dashboard
	evSeen := make([]map[int]bool, o.users) // per listener: probes followed by an event

	// The editors: each sets a field of a random action of its plan once per -interval; most
	// are contact names (no aggregate changes), some are progress and status (they do).
	ready := make(chan struct{}, len(editing)+o.users+1) // editors joined, listeners subscribed
	for i, s := range editing {
		wg.Add(1)
		go func(i int, s seatPlan) {
			defer wg.Done()
			h, n, e := nationalEditor(runCtx, env, tokens[s.email], s.doc, i, o.interval, false, nil, ready, nil)
			mu.Lock()
			acks.merge(h)
			mu.Unlock()
			sent.Add(n)
			editErr.Add(e)
		}(i, s)
	}

	// The national users: an events socket each, and a closed loop over the dashboard.
	periods := []string{"", "2024", "2025", "2026"}
	var qds []string
	var rs []string
	for _, r := range ref.Regions {
		rs = append(rs, r.ID)
	}
	var allRef struct {
		QualityDimensions []struct{ ID string } `json:"qualityDimensions"`
	}
	if _, _, err := env.admin.call(ctx, http.MethodGet, "/api/v1/reference", nil, &allRef); err != nil {
		return err
	}
	for _, q := range allRef.QualityDimensions {
		qds = append(qds, q.ID)
	}
	for u := 0; u < o.users; u++ {
		token := tokens[emails[u]]
		seen[u], evSeen[u], seenAt[u] = map[int]bool{}, map[int]bool{}, map[int]time.Time{}
		wg.Add(2)
		go func(u int) { // listener
			defer wg.Done()
			c := env.as(token)
			var lh, eh, dh hist
			onEvent := func(at time.Time) {
				events.Add(1)
				for i, sentAt := range log.before(at) {
					if !evSeen[u][i] { // the first event after probe i
						evSeen[u][i] = true
						eh.add(at.Sub(sentAt))
					}
				}
				var cell struct {
					Goals []struct {
						Actions []struct {
							ID       string
							Progress *float64
						}
					}
				}
				_, took, err := c.call(runCtx, http.MethodGet, cellPath, nil, &cell)
				if err != nil {
					return
				}
				lh.add(took)
				now := time.Now()
				for _, g := range cell.Goals {
					for _, a := range g.Actions {
						if a.ID != probeAction || a.Progress == nil {
							continue
						}
						if i, sentAt := log.latest(int(*a.Progress)); i >= 0 && !seen[u][i] {
							seen[u][i], seenAt[u][i] = true, now
							dh.add(now.Sub(sentAt))
						}
					}
				}
			}
			env.listenEvents(runCtx, token, []string{"national"}, ready, func(m eventMsg, at time.Time) {
				if m.Topic == "national" && m.Kind == "changed" {
					onEvent(at)
				}
			})
			mu.Lock()
			refetch.merge(&lh)
			toEvent.merge(&eh)
			toDash.merge(&dh)
			mu.Unlock()
		}(u)
		go func(u int) { // dashboard poller
			defer wg.Done()
			c := env.as(token)
			rng := rand.New(rand.NewPCG(uint64(u), 7))
			var h hist
			for runCtx.Err() == nil {
				q := url.Values{}
				if p := periods[rng.IntN(len(periods))]; p != "" {
					q.Set("period", p)
				}
				for range rng.IntN(3) {
					q.Add("qualityDimension", qds[rng.IntN(len(qds))])
				}
				for range rng.IntN(4) {
					q.Add("region", rs[rng.IntN(len(rs))])
				}
				_, took, err := c.call(runCtx, http.MethodGet, "/api/v1/national/dashboard?"+q.Encode(), nil, nil)
				if runCtx.Err() != nil {
					break
				}
				if err != nil {
					dashErr.Add(1)
					continue
				}
				h.add(took)
				dashN.Add(1)
				if o.think > 0 {
					time.Sleep(time.Duration(rng.Int64N(int64(o.think))))
				}
			}
			mu.Lock()
			dash.merge(&h)
			mu.Unlock()
		}(u)
	}

	// The prober: once every editor and listener is in, a status change in Kainuu's plan every -interval.
	for range len(editing) + o.users {
		select {
		case <-ready:
		case <-runCtx.Done():
		}
	}
	cpu0 := cpuSeconds(env.srv.pid)
	began := time.Now()
	wg.Add(1)
	go func() {
		defer wg.Done()
		k := 0
		_, n, e := nationalEditor(runCtx, env, tokens["coordinator@kainuu.example"], probeDoc, 0, o.interval, true, func() []map[string]any {
			k++
			status := "done"
			if k%2 == 0 {
				status = "in_progress"
			}
			p := probe{progress: k % 100, sent: time.Now()}
			log.add(p)
			return []map[string]any{
				{"t": "set", "node": probeAction, "field": "status", "value": status},
				{"t": "set", "node": probeAction, "field": "progress", "value": p.progress},
			}
		}, nil, log.ack) // change n is probe n
		sent.Add(n)
		editErr.Add(e)
	}()
	wg.Wait()
	elapsed := time.Since(began)
	cpu := cpuSeconds(env.srv.pid) - cpu0
	res.Load = loadAverage()
	env.hc.CloseIdleConnections()

	for u := range seenAt {
		for i, at := range seenAt[u] {
			if acked := log.ackedAt(i); !acked.IsZero() {
				fromAck.add(max(0, at.Sub(acked)))
			}
		}
	}
	res.Dashboard, res.Refetch, res.Acks, res.ToEvent, res.ToDashboard = row(&dash), row(&refetch), row(&acks), row(&toEvent), row(&toDash)
	res.AckToDashboard = row(&fromAck)
	res.DashboardRPS = float64(dashN.Load()) / elapsed.Seconds()
	res.ServerCPU = cpu * 100 / elapsed.Seconds()
	res.CPUPerDash = cpu * 1000 / float64(max(dashN.Load(), 1))
	res.DashErrors, res.EditsSent, res.EditErrors, res.Events = dashErr.Load(), sent.Load(), editErr.Load(), events.Load()
	res.Probes = log.count()
	late := log.before(time.Now().Add(-5 * time.Second)) // the last ones had no time to arrive
	missedProbes := map[int]int{}
	for u := range seen {
		for i := range late {
			if !seen[u][i] {
				res.Missed++
				missedProbes[i]++
			}
		}
	}
	if len(missedProbes) > 0 {
		fmt.Println("status changes not seen (index: dashboards):", missedProbes)
	}
	_, peak := rss(env.srv.pid)
	res.RSSPeak = mib(peak)
	if o.json {
		b, _ := json.MarshalIndent(res, "", "  ")
		fmt.Println(string(b))
		return nil
	}
	fmt.Printf("\nnational scenario on %s, %s: %d national users polling the dashboard, %d editors in %d plans\n", res.Machine, res.Duration, res.NationalUsers, res.Editors, res.Plans)
	pr := func(name string, r latencyRow, extra string) {
		fmt.Printf("  %-36s n=%-7d p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms %s\n", name, r.Count, r.P50, r.P95, r.P99, r.Max, extra)
	}
	pr("GET /national/dashboard (filters)", res.Dashboard, fmt.Sprintf("(%.0f/s, %d errors)", res.DashboardRPS, res.DashErrors))
	pr("refetch of the cell after an event", res.Refetch, "")
	pr("edit acknowledgements", res.Acks, fmt.Sprintf("(%d edits, %d errors)", res.EditsSent, res.EditErrors))
	pr("status change -> first national event", res.ToEvent, fmt.Sprintf("(%d events)", res.Events))
	pr("status change -> dashboard shows it", res.ToDashboard, fmt.Sprintf("(%d changes x %d dashboards, %d not seen)", res.Probes, res.NationalUsers, res.Missed))
	pr("  of which after its acknowledgement", res.AckToDashboard, "(the national view's part; the rest is the plan's room)")
	fmt.Printf("  server peak RSS %.0f MiB; server CPU %.0f %% of a core, %.2f ms per dashboard request (the edits' work included); load average %s\n", res.RSSPeak, res.ServerCPU, res.CPUPerDash, res.Load)
	return nil
}

// nationalEditor joins a plan over its websocket and sets a field once per interval until ctx
// ends: by default a random action's contact, progress or status; next, when given, says what
// to send. It returns the acknowledgement latencies, edits sent and errors.
func nationalEditor(ctx context.Context, env *wsEnv, token, docID string, seed int, every time.Duration, prober bool,
	next func() []map[string]any, ready chan<- struct{}, onAck func(n int, at time.Time)) (*hist, int64, int64) {
	h := &hist{}
	conn, err := env.dialRetry(ctx, token, docID, 64*1024)
	if err != nil {
		if ready != nil {
			ready <- struct{}{}
		}
		return h, 0, 1
	}
	defer conn.Close()
	go func() { <-ctx.Done(); conn.Close() }()
	var wmu sync.Mutex
	write := func(v any) error {
		b, _ := json.Marshal(v)
		wmu.Lock()
		defer wmu.Unlock()
		return conn.WriteMessage(websocket.TextMessage, b)
	}
	if write(map[string]any{"type": "join", "rev": 0}) != nil {
		return h, 0, 1
	}
	var rev atomic.Int64
	var actions []string
	pending := sync.Map{} // change id -> sent time
	var errs, sent int64
	joined := make(chan struct{})
	go func() {
		once := sync.Once{}
		for {
			_, frame, err := conn.ReadMessage()
			if err != nil {
				once.Do(func() { close(joined) })
				return
			}
			now := time.Now()
			var msgs []struct {
				Type string
				Rev  int64
				Code string
				Doc  struct {
					Nodes map[string]struct{ ID, Type string }
				}
				Changes []struct {
					Rev int64
					ID  string
				}
			}
			if json.Unmarshal(frame, &msgs) != nil {
				continue
			}
			for _, m := range msgs {
				switch m.Type {
				case "snapshot":
					rev.Store(max(rev.Load(), m.Rev))
					if actions == nil {
						for id, n := range m.Doc.Nodes {
							if n.Type == "action" {
								actions = append(actions, id)
							}
						}
						slices.Sort(actions)
						once.Do(func() { close(joined) })
					}
				case "changes":
					for _, c := range m.Changes {
						rev.Store(max(rev.Load(), c.Rev))
						if at, ok := pending.LoadAndDelete(c.ID); ok {
							h.add(now.Sub(at.(time.Time)))
							if onAck != nil {
								var n int
								if _, err := fmt.Sscanf(c.ID[strings.LastIndexByte(c.ID, '-')+1:], "%d", &n); err == nil {
									onAck(n, now)
								}
							}
						}
					}
				case "error":
					atomic.AddInt64(&errs, 1)
				}
			}
		}
	}()
	<-joined
	if ready != nil {
		ready <- struct{}{}
	}
	if len(actions) == 0 {
		return h, 0, errs + 1
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 11))
	statuses := []string{"planned", "in_progress", "done", "postponed"}
	if !prober { // spread the editors' phases over the interval
		select {
		case <-time.After(time.Duration(rng.Int64N(int64(every)))):
		case <-ctx.Done():
		}
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for n := 0; ctx.Err() == nil; n++ {
		var ops []map[string]any
		if next != nil {
			ops = next()
		} else {
			a := actions[rng.IntN(len(actions))]
			switch x := rng.IntN(10); {
			case x < 7:
				ops = []map[string]any{{"t": "set", "node": a, "field": "contact", "value": fmt.Sprintf("Yhteyshenkilö %d", rng.IntN(1000))}}
			case x < 9:
				ops = []map[string]any{{"t": "set", "node": a, "field": "progress", "value": rng.IntN(101)}}
			default:
				ops = []map[string]any{{"t": "set", "node": a, "field": "status", "value": statuses[rng.IntN(len(statuses))]}}
			}
		}
		id := fmt.Sprintf("n%d-%d", seed, n)
		pending.Store(id, time.Now())
		if write(map[string]any{"type": "change", "rev": rev.Load(), "id": id, "ops": ops}) != nil {
			break
		}
		sent++
		select {
		case <-tick.C:
		case <-ctx.Done():
		}
	}
	return h, sent, atomic.LoadInt64(&errs)
}
