package demo

// The co-edited documents of the regional groups: per group a strategy and action plans for
// 2024, 2025 and 2026 (5 goals x 6 actions x 2 indicators), each built the way the editor
// builds it: from the starting structure of a new document (plans.NewDocument's, with
// deterministic ids), through changes of 1-20 operations by the group's coordinators and
// members, applied with (*plans.Document).ApplyChange and recorded as applied. Texts are typed
// a few words at a time, with typing errors fixed later and descriptions completed in a
// later session; actions are reordered, drafts deleted, statuses, progress and indicator values
// updated at follow-up rounds.

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/ot"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// editor is someone who may change a workspace's documents, from a time on.
type editor struct {
	user        int
	since       time.Time
	coordinator bool      // a coordinator now
	coordSince  time.Time // since when
}

// canEditSince says from when a member may edit documents (coordinators and members do;
// observers read): from joining, or from being made a member. Observers who were members at
// first are left out: they edited only for a while.
func canEditSince(m member) (time.Time, bool) {
	editorRole := func(r string) bool { return r == workspaces.RoleCoordinator || r == workspaces.RoleMember }
	switch {
	case !editorRole(m.role):
		return time.Time{}, false
	case editorRole(m.initial):
		return m.joined, true
	default:
		return m.changed, true
	}
}

// StrategyPeriod is the period of the demo strategies.
const StrategyPeriod = "2025–2028"

// documents makes every regional group's strategy and action plans.
func (g *gen) documents() {
	for _, r := range regions {
		ws := -1
		for i, w := range g.d.Workspaces {
			if w.ID == ID("workspace", r.code) {
				ws = i
			}
		}
		g.strategy(ws, r)
		for _, year := range []int{2024, 2025, 2026} {
			g.plan(ws, r, year)
		}
	}
}

// DocumentID is the id of a demo document: key is "strategy" or "plan/<year>".
func DocumentID(regionCode, key string) string { return ID("document", regionCode+"/"+key) }

// nodeID is the id of the k-th node made in a document (the root has the document's id).
func nodeID(docID string, k int) string {
	return "n_" + ID("node", fmt.Sprintf("%s/%d", docID, k))[:20]
}

// InitialDocument is a demo document as it was created (revision 0): its root and the
// starting structure plans.NewDocument gives, with the ids the generator gave them. Replaying
// the document's changes from it gives the stored document.
func InitialDocument(rec *documents.Record) *plans.Document {
	d := &plans.Document{ID: rec.ID, WorkspaceID: rec.WorkspaceID, Kind: rec.Kind, Title: rec.Title, Period: rec.Period,
		Status: plans.StatusDraft, Nodes: map[string]*plans.Node{}, CreatedAt: rec.CreatedAt, UpdatedAt: rec.CreatedAt, Version: 1}
	d.Nodes[d.ID] = &plans.Node{ID: d.ID, Type: d.Kind}
	if d.Kind == plans.ActionPlan {
		goal, action := nodeID(d.ID, 0), nodeID(d.ID, 1)
		d.Nodes[goal] = &plans.Node{ID: goal, Type: plans.TypeGoal, Parent: d.ID, List: "goals", Pos: pos(0)}
		d.Nodes[action] = &plans.Node{ID: action, Type: plans.TypeAction, Parent: goal, List: "actions", Pos: pos(0)}
	} else {
		s := nodeID(d.ID, 0)
		d.Nodes[s] = &plans.Node{ID: s, Type: plans.TypeSection, Parent: d.ID, List: "sections", Pos: pos(0)}
	}
	return d
}

const posDigits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// pos is the k-th fractional-indexing key of a list ("a0", "a1", ... "az"; k < 62).
func pos(k int) string { return "a" + posDigits[k:k+1] }

// --- the document builder ------------------------------------------------------------------

// docGen builds one document change by change.
type docGen struct {
	g      *gen
	r      regionSpec
	ws     int
	sv     bool // written in Swedish
	doc    *plans.Document
	nodes  int                          // node ids given out
	shadow map[string]map[string]string // the texts with the pending change's operations
	want   map[[2]string]string         // node and field -> the text it must end with
	fixes  []fix                        // typing errors not fixed yet
	later  []func()                     // completions left for a revision session

	phases   []phase
	sessions []session
	cur      []plans.Op
	curMax   int
	changes  []built
	steps    []step // workflow moves, after a session
}

type phase struct{ from, to time.Time }

type session struct {
	phase       int
	coordinator bool
	changes     []int
}

type built struct {
	ops     string
	session int
}

type step struct {
	status  string
	session int // after this session
}

// fix is a typing error: wrong was typed where right belongs.
type fix struct{ node, field, wrong, right string }

func (g *gen) newDoc(ws int, r regionSpec, kind, key, title, period string, sv bool) *docGen {
	id := DocumentID(r.code, key)
	rec := &documents.Record{}
	rec.ID, rec.WorkspaceID, rec.Kind, rec.Title, rec.Period = id, g.d.Workspaces[ws].ID, kind, title, period
	dg := &docGen{g: g, r: r, ws: ws, sv: sv, doc: InitialDocument(rec), shadow: map[string]map[string]string{}, want: map[[2]string]string{}}
	dg.nodes = len(dg.doc.Nodes) - 1
	return dg
}

func (dg *docGen) phase(from, to time.Time) { dg.phases = append(dg.phases, phase{from, to}) }

// session starts a new editing session (one person, one sitting).
func (dg *docGen) session(coordinator bool) {
	dg.flush()
	dg.sessions = append(dg.sessions, session{phase: len(dg.phases) - 1, coordinator: coordinator})
}

// emit adds an operation to the change being made; a change is sent after 1-20 operations.
func (dg *docGen) emit(op plans.Op) {
	if dg.curMax == 0 {
		dg.curMax = 1 + dg.g.rng.IntN(1+dg.g.rng.IntN(20))
	}
	dg.cur = append(dg.cur, op)
	if len(dg.cur) >= dg.curMax {
		dg.flush()
	}
}

// flush applies the change being made to the document and records it as applied.
func (dg *docGen) flush() {
	if len(dg.cur) == 0 {
		return
	}
	applied, err := dg.doc.ApplyChange(dg.cur, nil)
	if err != nil {
		panic(fmt.Sprintf("demo: document %s, change %d: %v", dg.doc.ID, dg.doc.Revision+1, err))
	}
	raw, err := json.Marshal(applied)
	if err != nil {
		panic(err)
	}
	dg.doc.Revision++
	s := len(dg.sessions) - 1
	dg.sessions[s].changes = append(dg.sessions[s].changes, len(dg.changes))
	dg.changes = append(dg.changes, built{ops: string(raw), session: s})
	dg.cur, dg.curMax = nil, 0
}

func (dg *docGen) insert(parent, list, typ string, k int) string {
	id := nodeID(dg.doc.ID, dg.nodes)
	dg.nodes++
	dg.emit(plans.Op{T: plans.OpInsert, Insert: &plans.Node{ID: id, Type: typ, Parent: parent, List: list, Pos: pos(k)}})
	return id
}

func (dg *docGen) set(node, field string, v any) {
	dg.emit(plans.Op{T: plans.OpSet, Node: node, Field: field, Value: v})
}

func (dg *docGen) text(node, field string) string { return dg.shadow[node][field] }

// textOp emits a text operation and keeps the shadow copy of the text up to date.
func (dg *docGen) textOp(node, field string, b *ot.Builder) {
	op, err := b.Operation()
	if err != nil {
		panic(err)
	}
	s, err := op.Apply(dg.text(node, field))
	if err != nil {
		panic(fmt.Sprintf("demo: text op on %s.%s: %v", node, field, err))
	}
	if dg.shadow[node] == nil {
		dg.shadow[node] = map[string]string{}
	}
	dg.shadow[node][field] = s
	dg.emit(plans.Op{T: plans.OpText, Node: node, Field: field, Text: op})
}

func u16(s string) int { return len(utf16.Encode([]rune(s))) }

func (dg *docGen) appendText(node, field, s string) {
	var b ot.Builder
	dg.textOp(node, field, b.Retain(u16(dg.text(node, field))).Insert(s))
}

// write types text into a field that must end up as full, lo to hi words at a time, now and
// then with a typing error that is fixed at once or in a later session.
func (dg *docGen) write(node, field, text, full string, lo, hi int) {
	dg.want[[2]string{node, field}] = full
	words := strings.SplitAfter(text, " ")
	for i := 0; i < len(words); {
		k := lo + dg.g.rng.IntN(hi-lo+1)
		chunk := strings.Join(words[i:min(i+k, len(words))], "")
		i += k
		if chunk == "" {
			continue
		}
		if dg.g.rng.IntN(100) < 7 {
			if typed, f, ok := dg.typo(node, field, chunk, full); ok {
				dg.appendText(node, field, typed)
				if dg.g.rng.IntN(100) < 40 {
					dg.fix(f)
				} else {
					dg.fixes = append(dg.fixes, f)
				}
				continue
			}
		}
		dg.appendText(node, field, chunk)
	}
}

// typo swaps two letters of a long word of chunk, unless that makes a string found in the
// field's final text, or the field has an error waiting already.
func (dg *docGen) typo(node, field, chunk, full string) (string, fix, bool) {
	for _, f := range dg.fixes {
		if f.node == node && f.field == field {
			return "", fix{}, false
		}
	}
	words := strings.Split(chunk, " ")
	var long []int
	for i, w := range words {
		rs := []rune(w)
		ok := len(rs) >= 6
		for _, r := range rs {
			ok = ok && unicode.IsLetter(r)
		}
		if ok {
			long = append(long, i)
		}
	}
	if len(long) == 0 {
		return "", fix{}, false
	}
	i := long[dg.g.rng.IntN(len(long))]
	rs := []rune(words[i])
	j := 1 + dg.g.rng.IntN(len(rs)-3)
	if rs[j] == rs[j+1] {
		return "", fix{}, false
	}
	right := words[i]
	rs[j], rs[j+1] = rs[j+1], rs[j]
	wrong := string(rs)
	if strings.Contains(full, wrong) || strings.Contains(dg.text(node, field), wrong) {
		return "", fix{}, false
	}
	words[i] = wrong
	return strings.Join(words, " "), fix{node, field, wrong, right}, true
}

// fix corrects a typing error: select the word, type the right one.
func (dg *docGen) fix(f fix) {
	cur := dg.text(f.node, f.field)
	i := strings.Index(cur, f.wrong)
	if i < 0 {
		panic("demo: typing error not found: " + f.wrong)
	}
	var b ot.Builder
	dg.textOp(f.node, f.field, b.Retain(u16(cur[:i])).Delete(u16(f.wrong)).Insert(f.right).Retain(u16(cur[i+len(f.wrong):])))
}

// fixAll corrects every typing error left.
func (dg *docGen) fixAll() {
	for _, f := range dg.fixes {
		dg.fix(f)
	}
	dg.fixes = nil
}

// draft writes the first sentence of a longer text now (sometimes with a note that more is to
// come) and leaves the rest for a later session.
func (dg *docGen) draft(node, field, full string, lo, hi int) {
	i := strings.Index(full, ". ")
	if i < 0 || dg.g.rng.IntN(100) < 15 {
		dg.write(node, field, full, full, lo, hi)
		return
	}
	first, rest := full[:i+1], full[i+1:]
	dg.write(node, field, first, full, lo, hi)
	note := ""
	if dg.g.rng.IntN(100) < 20 {
		note = " (täydennetään)"
		if dg.sv {
			note = " (kompletteras)"
		}
		dg.appendText(node, field, note)
	}
	dg.later = append(dg.later, func() {
		if note != "" {
			cur := dg.text(node, field)
			var b ot.Builder
			dg.textOp(node, field, b.Retain(u16(cur)-u16(note)).Delete(u16(note)))
		}
		dg.write(node, field, rest, full, lo, hi)
	})
}

// complete runs what draft left, spread over sessions of about n completions each.
func (dg *docGen) complete(n int, coordinator bool) {
	later := dg.later
	dg.later = nil
	for i, f := range later {
		if i%n == 0 {
			dg.session(coordinator && i == 0)
		}
		f()
	}
}

// finish gives the changes their times and authors, checks the texts, and returns the stored
// record, the changes that went to the change log, and the workflow moves with their times.
func (dg *docGen) finish(status string) {
	dg.flush()
	for k, full := range dg.want {
		if dg.doc.Nodes[k[0]] == nil {
			continue // deleted
		}
		if got := dg.doc.Nodes[k[0]].Text[k[1]]; got != full {
			panic(fmt.Sprintf("demo: document %s node %s %s is %q, want %q", dg.doc.ID, k[0], k[1], got, full))
		}
	}
	g := dg.g
	ws := g.d.Workspaces[dg.ws]
	// Session start times: spread over each phase, office hours, in order.
	starts := make([]time.Time, len(dg.sessions))
	for p, ph := range dg.phases {
		var idx []int
		for i, s := range dg.sessions {
			if s.phase == p {
				idx = append(idx, i)
			}
		}
		span := int(ph.to.Sub(ph.from) / time.Minute)
		ts := make([]time.Time, len(idx))
		for i := range ts {
			ts[i] = g.workday(ph.from.Add(time.Duration(g.rng.IntN(span)) * time.Minute))
		}
		sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
		for i, s := range idx {
			starts[s] = ts[i]
		}
	}
	editors := g.editors[ws.ID]
	var out []documents.Change
	var last time.Time
	ends := make([]time.Time, len(dg.sessions))
	for si, s := range dg.sessions {
		t := starts[si]
		if !t.After(last) {
			t = last.Add(time.Duration(3+g.rng.IntN(30)) * time.Minute)
		}
		var pool []int
		for _, e := range editors {
			if !e.since.After(t) && (!s.coordinator || e.coordinator && !e.coordSince.After(t)) {
				pool = append(pool, e.user)
			}
		}
		if len(pool) == 0 {
			panic(fmt.Sprintf("demo: nobody can edit %s at %v", dg.doc.ID, t))
		}
		by := g.d.Users[pool[g.rng.IntN(len(pool))]].ID
		client := fmt.Sprintf("c-%s-", ID("client", fmt.Sprintf("%s/%d", dg.doc.ID, si))[:8])
		for k, ci := range s.changes {
			if k > 0 {
				t = t.Add(time.Duration(5+g.rng.IntN(120)) * time.Second)
			}
			rev := int64(ci + 1)
			out = append(out, documents.Change{ID: fmt.Sprintf("%s-%012d", dg.doc.ID, rev), Document: dg.doc.ID, Rev: rev, By: by,
				ClientID: fmt.Sprintf("%s%d", client, k+1), At: t, Ops: dg.changes[ci].ops})
		}
		ends[si], last = t, t
	}
	doc := dg.doc
	doc.Status = status
	doc.CreatedAt = out[0].At.Add(-time.Duration(2+g.rng.IntN(10)) * time.Minute)
	doc.UpdatedAt = out[len(out)-1].At
	doc.Version = 1
	creator := g.userIdx[out[0].By]
	g.event(dg.ws, creator, "document_created", doc.Title, doc.Kind, doc.CreatedAt, 0)
	var coords []int
	for _, e := range editors {
		if e.coordinator {
			coords = append(coords, e.user)
		}
	}
	for _, st := range dg.steps {
		at := ends[st.session].Add(time.Duration(20+g.rng.IntN(200)) * time.Minute)
		g.event(dg.ws, coords[g.rng.IntN(len(coords))], "document_status_changed", doc.Title, st.status, at, 0)
	}
	tail := min(len(out)%documents.ArchiveEvery, maxTail)
	rec := documents.Record{Document: *doc, Tail: append([]documents.Change{}, out[len(out)-tail:]...), History: []string{}}
	origin, err := documents.Origin(InitialDocument(&rec))
	if err != nil {
		panic(err)
	}
	rec.Origin = origin
	for _, b := range chunkBounds(int64(len(out) - tail)) {
		rec.History = append(rec.History, fmt.Sprintf("%s-%d-%d", rec.ID, b[0], b[1]))
		rec.HistoryTo = b[1]
	}
	g.d.Documents = append(g.d.Documents, rec)
	g.d.Changes = append(g.d.Changes, out[:len(out)-tail]...)
}

// chunkSize is how many changes a demo history chunk holds (a live room's are SnapshotEvery).
const chunkSize = documents.SnapshotEvery

// chunkBounds splits revisions 1..n into history chunks: first and last revision of each.
func chunkBounds(n int64) [][2]int64 {
	var out [][2]int64
	for first := int64(1); first <= n; first += chunkSize {
		out = append(out, [2]int64{first, min(first+chunkSize-1, n)})
	}
	return out
}

// history is the documents' history chunks: the changes not in their tails.
func (d *Dataset) history() []documents.Chunk {
	byDoc := map[string][]documents.Change{}
	for _, c := range d.Changes {
		byDoc[c.Document] = append(byDoc[c.Document], c)
	}
	var out []documents.Chunk
	for _, r := range d.Documents {
		chs := byDoc[r.ID]
		for _, b := range chunkBounds(int64(len(chs))) {
			c, err := documents.NewChunk(r.ID, chs[b[0]-1:b[1]])
			if err != nil {
				panic(err)
			}
			out = append(out, c)
		}
	}
	return out
}

// step records a workflow move made after the last session so far.
func (dg *docGen) step(status string) {
	dg.steps = append(dg.steps, step{status: status, session: len(dg.sessions) - 1})
}

// fill puts the region's names into a text of the banks.
func (r regionSpec) fill(s string) string {
	return strings.NewReplacer("{alue}", r.locative, "{gen}", r.genitive, "{sv}", r.svName).Replace(s)
}

func (g *gen) orgID(name string) string { return g.d.Organisations[g.orgByName[name]].ID }

// --- strategies ----------------------------------------------------------------------------

func (g *gen) strategy(ws int, r regionSpec) {
	sv := r.code == "pohjanmaa"
	var sections, values []section
	var responsible []string
	title := r.genitive + " elinikäisen ohjauksen strategia"
	switch r.code {
	case "kainuu":
		title = "Kainuun elinikäisen ohjauksen strategia (ELO-strategia)"
		sections, values = kainuuSections, kainuuValues
		for _, n := range kainuuResponsible {
			responsible = append(responsible, g.orgID(n))
		}
	case "etela-savo":
		title = "Etelä-Savon elinikäisen oppimisen, ohjauksen ja nuorisotakuun strategia"
		sections, values = etelaSavoSections, etelaSavoValues
		for _, n := range etelaSavoResponsible {
			responsible = append(responsible, g.orgID(n))
		}
	default:
		pool, secs := valuePoolFI, strategySectionsFI
		if sv {
			title = "Strategi för livslång vägledning i " + r.svName
			pool, secs = valuePoolSV, strategySectionsSV
		}
		for _, s := range secs {
			sections = append(sections, section{r.fill(s.title), r.fill(s.body)})
		}
		for _, i := range g.rng.Perm(len(pool))[:3] {
			values = append(values, pool[i])
		}
		seen := map[string]bool{}
		for _, s := range r.orgs {
			if !seen[s.typ] {
				seen[s.typ] = true
				responsible = append(responsible, g.orgID(s.name))
			}
		}
	}
	dg := g.newDoc(ws, r, plans.Strategy, "strategy", title, StrategyPeriod, sv)
	created := g.d.Workspaces[ws].CreatedAt
	root := dg.doc.ID

	dg.phase(created.AddDate(0, 0, 1), created.AddDate(0, 0, 40))
	// The coordinator lays out the sections; then the group writes them.
	dg.session(true)
	ids := make([]string, len(sections))
	ids[0] = nodeID(root, 0)
	extra := 2 + g.rng.IntN(len(sections)-2) // a section written, then dropped
	for i, s := range sections {
		if i > 0 {
			ids[i] = dg.insert(root, "sections", plans.TypeSection, i)
		}
		dg.write(ids[i], "title", s.title, s.title, 1, 2)
		if i == extra {
			dg.session(false)
		}
	}
	dg.set(root, "responsible", responsible[:len(responsible)-1])
	draftID := ""
	for i, s := range sections {
		if i%2 == 0 {
			dg.session(false)
		}
		dg.draft(ids[i], "body", s.body, 1, 3)
		if i == extra {
			draftID = dg.insert(root, "sections", plans.TypeSection, len(sections)+1)
			t := "Luonnos: yhteiset painopisteet"
			if sv {
				t = "Utkast: gemensamma prioriteringar"
			}
			dg.write(draftID, "title", t, t, 2, 3)
		}
	}
	dg.session(false)
	vids := make([]string, len(values))
	for i, v := range values {
		vids[i] = dg.insert(root, "values", plans.TypeValue, i)
		dg.write(vids[i], "title", v.title, v.title, 2, 4)
		dg.draft(vids[i], "body", v.body, 1, 4)
	}

	dg.phase(created.AddDate(0, 0, 42), created.AddDate(0, 0, 75))
	dg.complete(3, true)
	dg.session(false)
	dg.fixAll()
	dg.emit(plans.Op{T: plans.OpDelete, Node: draftID})
	dg.set(root, "responsible", responsible)
	// The last value is moved first, between the first two... then back at its place it stays.
	if len(vids) > 2 {
		dg.emit(plans.Op{T: plans.OpMove, Node: vids[2], Parent: root, List: "values", Pos: pos(0) + "V"})
	}
	dg.step(plans.StatusApproved)
	dg.finish(plans.StatusApproved)
}

// --- action plans --------------------------------------------------------------------------

// planAction is one action of a plan while it is generated.
type planAction struct {
	id, title, desc string
	inds            []planIndicator
	start, end      string
	final           string // final status
	first, decided  int    // round it became active; round its final status was set
	progress        float64
	status          string
	amended         bool // a sentence was added at a follow-up round
}

type planIndicator struct {
	id             string
	spec           indSpec
	baseline, goal float64
	at             []int // indexes of the value dates it has values for
	vals           []plans.IndicatorValue
}

// planTiming is when a plan of a year was written and followed up.
type planTiming struct {
	draft     phase
	rounds    []phase
	valueDate []string // dates of recorded values, in order
	cut       []int    // round r records values of valueDate[:cut[r]]
	meeting   []string // date of the follow-up meeting of each round
}

func (g *gen) plan(ws int, r regionSpec, year int) {
	created := g.d.Workspaces[ws].CreatedAt
	sv := r.code == "pohjanmaa" && year == 2026
	status := map[int]string{2024: plans.StatusClosed, 2025: plans.StatusFollowedUp, 2026: plans.StatusDraft}[year]
	if year == 2026 && g.rng.IntN(2) == 0 {
		status = plans.StatusApproved
	}
	var tm planTiming
	ymd := func(t time.Time) string { return t.Format("2006-01-02") }
	switch year {
	case 2024: // written down from the group's earlier papers when the workspace started
		tm.draft = phase{created.AddDate(0, 0, 8), created.AddDate(0, 0, 35)}
		tm.rounds = []phase{{created.AddDate(0, 0, 36), created.AddDate(0, 0, 48)}, {created.AddDate(0, 0, 49), created.AddDate(0, 0, 62)}}
		tm.valueDate = []string{"2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"}
		tm.cut = []int{2, 4}
		tm.meeting = []string{fmt.Sprintf("2024-06-%02d", 3+g.rng.IntN(20)), fmt.Sprintf("2024-12-%02d", 2+g.rng.IntN(15))}
	case 2025:
		tm.draft = phase{created.AddDate(0, 0, 3), created.AddDate(0, 0, 45)}
		from := maxTime(created.AddDate(0, 0, 47), day(2025, 4, 22))
		tm.rounds = []phase{{from, day(2025, 6, 27)}, {day(2025, 8, 4), day(2025, 9, 26)}, {day(2025, 10, 1), day(2025, 11, 28)}, {day(2025, 12, 1), day(2025, 12, 19)}}
		tm.valueDate = []string{"2025-03-31", "2025-06-30", "2025-09-30", "2025-11-30"}
		tm.cut = []int{1, 2, 3, 4}
	case 2026:
		end := day(2025, 12, 12)
		if status == plans.StatusDraft {
			end = day(2026, 1, 2)
		}
		tm.draft = phase{day(2025, 10, 6), end}
		tm.rounds = []phase{{day(2026, 1, 5), day(2026, 1, 13)}}
		tm.valueDate = []string{"2026-01-02"}
		tm.cut = []int{1}
	}
	if tm.meeting == nil {
		for _, p := range tm.rounds {
			tm.meeting = append(tm.meeting, ymd(p.from))
		}
	}

	title := fmt.Sprintf("%s ELO-ryhmän toimintasuunnitelma %d", r.genitive, year)
	bank := goalBank
	if sv {
		title = fmt.Sprintf("Verksamhetsplan %d för ELO-gruppen i %s", year, r.svName)
		bank = goalBankSV
	}
	dg := g.newDoc(ws, r, plans.ActionPlan, fmt.Sprintf("plan/%d", year), title, fmt.Sprint(year), sv)
	root := dg.doc.ID
	members := g.editors[g.d.Workspaces[ws].ID]
	var orgs []string
	for _, s := range r.orgs {
		orgs = append(orgs, g.orgID(s.name))
	}

	// What the plan holds.
	type planGoal struct {
		id, title, desc string
		spec            goalSpec
		actions         []*planAction
	}
	goals := make([]*planGoal, 5)
	for k := range goals {
		spec := bank[k]
		t := spec.titles[(year+len(r.code))%len(spec.titles)]
		switch {
		case sv:
		case r.code == "kainuu":
			t = kainuuGoals[k]
		case r.code == "etela-savo":
			t = etelaSavoGoals[k]
		}
		spec.quality = goalBank[k].quality // the Swedish bank shares the Finnish one's links
		pg := &planGoal{title: r.fill(t), desc: r.fill(spec.desc), spec: spec}
		acts := g.rng.Perm(len(spec.actions))[:6]
		for _, a := range acts {
			pa := &planAction{title: r.fill(spec.actions[a].title), desc: r.fill(spec.actions[a].body)}
			for _, i := range g.rng.Perm(len(spec.inds))[:2] {
				pa.inds = append(pa.inds, g.indicator(spec.inds[i], len(tm.valueDate)))
			}
			g.schedule(pa, year, tm)
			pg.actions = append(pg.actions, pa)
		}
		goals[k] = pg
	}

	// Drafting: the coordinator sets up the goals, the group writes the actions.
	dg.phase(tm.draft.from, tm.draft.to)
	dg.session(true)
	for k, pg := range goals {
		if k == 0 {
			pg.id = nodeID(root, 0)
		} else {
			pg.id = dg.insert(root, "goals", plans.TypeGoal, k)
		}
		dg.write(pg.id, "title", pg.title, pg.title, 1, 3)
		ng := []string{refdata.DefaultID(refdata.NationalGoals, fmt.Sprint(k+1))}
		if g.rng.IntN(100) < 30 {
			ng = append(ng, refdata.DefaultID(refdata.NationalGoals, fmt.Sprint(1+(k+1+g.rng.IntN(4))%5)))
		}
		dg.set(pg.id, "nationalGoals", ng)
		qd := []string{refdata.DefaultID(refdata.QualityDimensions, pg.spec.quality)}
		if g.rng.IntN(100) < 20 {
			qd = append(qd, refdata.DefaultID(refdata.QualityDimensions, "tno-processes"))
			if pg.spec.quality == "tno-processes" {
				qd = qd[:1]
			}
		}
		dg.set(pg.id, "qualityDimensions", qd)
		// Themes follow from the goal's place and title, without a draw from g.rng, so the rest
		// of the dataset stays as it was before goals had themes.
		th := []string{refdata.DefaultID(refdata.Themes, themeCodes[(k+len(pg.title))%len(themeCodes)])}
		if (k+len(pg.title))%3 == 0 {
			th = append(th, refdata.DefaultID(refdata.Themes, themeCodes[(k+len(pg.title)+3)%len(themeCodes)]))
		}
		dg.set(pg.id, "themes", th)
	}
	var drafts []string // actions started and deleted later
	for k, pg := range goals {
		dg.session(k == 0)
		dg.draft(pg.id, "description", pg.desc, 1, 4)
		for i, pa := range pg.actions {
			if i%2 == 0 {
				dg.session(false)
			}
			if k == 0 && i == 0 {
				pa.id = nodeID(root, 1)
			} else {
				pa.id = dg.insert(pg.id, "actions", plans.TypeAction, i)
			}
			dg.write(pa.id, "title", pa.title, pa.title, 1, 2)
			dg.draft(pa.id, "description", pa.desc, 1, 4)
			contact := members[g.rng.IntN(len(members))].user
			own := g.d.Users[contact].OrganisationID
			resp := []string{own}
			for _, i := range g.rng.Perm(len(orgs))[:g.rng.IntN(3)] {
				if orgs[i] != own {
					resp = append(resp, orgs[i])
				}
			}
			dg.set(pa.id, "organisations", resp)
			dg.set(pa.id, "contact", g.d.Users[contact].Name)
			dg.set(pa.id, "start", pa.start)
			dg.set(pa.id, "end", pa.end)
			dg.set(pa.id, "status", plans.ActionPlanned)
			if i == 3 && k%2 == 1 {
				t := "Uusi toimenpide"
				if sv {
					t = "Ny åtgärd"
				}
				d := dg.insert(pg.id, "actions", plans.TypeAction, len(pg.actions)+1)
				dg.write(d, "title", t, t, 1, 2)
				drafts = append(drafts, d)
			}
		}
	}
	for _, pg := range goals {
		for i, pa := range pg.actions {
			if i%3 == 0 {
				dg.session(false)
			}
			for j, in := range pa.inds {
				in.id = dg.insert(pa.id, "indicators", plans.TypeIndicator, j)
				dg.write(in.id, "name", in.spec.name, in.spec.name, 1, 3)
				dg.write(in.id, "unit", in.spec.unit, in.spec.unit, 3, 3)
				dg.set(in.id, "baseline", in.baseline)
				if g.rng.IntN(100) < 20 { // a first guess, revised when the group discussed it
					dg.set(in.id, "target", round(in.goal*1.1, in.spec.decimals))
				}
				dg.set(in.id, "target", in.goal)
				pa.inds[j] = in
			}
		}
	}
	// Revision before approval: texts completed, errors fixed, drafts dropped, order settled.
	dg.complete(4, false)
	dg.session(true)
	dg.fixAll()
	for _, d := range drafts {
		dg.emit(plans.Op{T: plans.OpDelete, Node: d})
	}
	for _, k := range g.rng.Perm(5)[:2] {
		acts := goals[k].actions
		dg.emit(plans.Op{T: plans.OpMove, Node: acts[5].id, Parent: goals[k].id, List: "actions", Pos: pos(1) + "V"})
	}
	if status != plans.StatusDraft {
		dg.step(plans.StatusApproved)
	}

	// Follow-up rounds: statuses, progress, indicator values, follow-up entries.
	notes := followupsFI
	if sv {
		notes = followupsSV
	}
	for ri, rp := range tm.rounds {
		dg.phase(rp.from, rp.to)
		if year == 2025 && ri == 1 {
			dg.step(plans.StatusFollowedUp)
		}
		if year == 2024 && ri == 0 {
			dg.step(plans.StatusFollowedUp)
		}
		for _, pg := range goals {
			dg.session(false)
			for i, pa := range pg.actions {
				if i == 3 {
					dg.session(false)
				}
				g.advance(dg, pa, ri, len(tm.rounds), year)
				for j := range pa.inds {
					in := &pa.inds[j]
					var vals []plans.IndicatorValue
					for n, at := range in.at {
						if at < tm.cut[ri] {
							vals = append(vals, plans.IndicatorValue{Date: tm.valueDate[at], Value: g.value(*in, n)})
						}
					}
					if len(vals) > len(in.vals) {
						in.vals = vals
						dg.set(in.id, "values", vals)
					}
				}
				if g.rng.IntN(100) < 15 && !pa.amended { // what was learnt on the way goes into the description
					pa.amended = true
					pool := amendsFI
					if sv {
						pool = amendsSV
					}
					add := " " + strings.ReplaceAll(pool[g.rng.IntN(len(pool))], "{org}", r.orgs[1+g.rng.IntN(len(r.orgs)-1)].name)
					key := [2]string{pa.id, "description"}
					dg.write(pa.id, "description", add, dg.want[key]+add, 1, 4)
				}
				if (year < 2026 && g.rng.IntN(100) < 30) || (year == 2026 && g.rng.IntN(100) < 3) {
					n := notes[g.rng.IntN(len(notes))]
					f := dg.insert(pa.id, "followups", plans.TypeFollowup, ri)
					dg.set(f, "date", tm.meeting[ri])
					dg.write(f, "body", n, n, 1, 4)
				}
			}
		}
		dg.session(false)
		dg.fixAll()
	}
	if year == 2024 {
		dg.step(plans.StatusClosed)
	}
	dg.finish(status)
}

func round(x float64, decimals int) float64 {
	p := 1.0
	for i := 0; i < decimals; i++ {
		p *= 10
	}
	return float64(int64(x*p+0.5*sign(x))) / p
}

func sign(x float64) float64 {
	if x < 0 {
		return -1
	}
	return 1
}

// indicator draws an indicator's baseline, target and which value dates it has values for.
func (g *gen) indicator(s indSpec, dates int) planIndicator {
	in := planIndicator{spec: s}
	in.baseline = round(s.lo+g.rng.Float64()*(s.hi-s.lo), s.decimals)
	if s.rel {
		in.goal = round(in.baseline*(1+s.delta), s.decimals)
	} else {
		in.goal = round(in.baseline+s.delta, s.decimals)
	}
	n := 1 + g.rng.IntN(min(4, dates))
	in.at = g.rng.Perm(dates)[:n]
	sort.Ints(in.at)
	return in
}

// value is the n-th recorded value of an indicator: from the baseline towards the target.
func (g *gen) value(in planIndicator, n int) float64 {
	f := float64(in.at[n]+1) / 4 * (0.4 + 0.8*g.rng.Float64())
	return round(in.baseline+(in.goal-in.baseline)*f, in.spec.decimals)
}

// schedule draws an action's final status, dates and the rounds it changes at.
func (g *gen) schedule(pa *planAction, year int, tm planTiming) {
	rounds := len(tm.rounds)
	p := g.rng.IntN(100)
	switch year {
	case 2024:
		pa.final = pick(p, []int{65, 12, 8, 15}, plans.ActionDone, plans.ActionPostponed, plans.ActionCancelled, plans.ActionInProgress)
	case 2025:
		pa.final = pick(p, []int{45, 35, 10, 5, 5}, plans.ActionDone, plans.ActionInProgress, plans.ActionPostponed, plans.ActionCancelled, plans.ActionPlanned)
	default:
		pa.final = pick(p, []int{78, 22}, plans.ActionPlanned, plans.ActionInProgress)
	}
	pa.status = plans.ActionPlanned
	y0 := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	yEnd := time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	var start time.Time
	if pa.final == plans.ActionPlanned {
		start = y0.AddDate(0, 1+g.rng.IntN(9), g.rng.IntN(28))
		pa.first = rounds
	} else {
		pa.first = g.rng.IntN(rounds)
		if pa.final == plans.ActionPostponed && rounds > 1 {
			pa.first = g.rng.IntN(rounds - 1)
		}
		asOf, _ := time.Parse("2006-01-02", tm.valueDate[tm.cut[pa.first]-1])
		start = y0.Add(time.Duration(g.rng.Int64N(int64(asOf.Sub(y0)/(24*time.Hour))+1)) * 24 * time.Hour)
	}
	end := start.AddDate(0, 2+g.rng.IntN(7), 0)
	if end.After(yEnd) {
		end = yEnd
	}
	pa.start, pa.end = start.Format("2006-01-02"), end.Format("2006-01-02")
	pa.decided = pa.first
	if pa.final != plans.ActionInProgress && pa.first < rounds-1 {
		pa.decided = pa.first + g.rng.IntN(rounds-pa.first)
		if pa.final == plans.ActionPostponed && pa.decided == pa.first {
			pa.decided++
		}
	}
}

func pick(p int, weights []int, statuses ...string) string {
	for i, w := range weights {
		if p < w {
			return statuses[i]
		}
		p -= w
	}
	return statuses[len(statuses)-1]
}

// advance records an action's status and progress at follow-up round ri.
func (g *gen) advance(dg *docGen, pa *planAction, ri, rounds, year int) {
	if ri < pa.first || pa.final == plans.ActionPlanned {
		return
	}
	setStatus := func(s string) {
		if pa.status != s {
			pa.status = s
			dg.set(pa.id, "status", s)
		}
	}
	setProgress := func(x float64) {
		if x != pa.progress {
			pa.progress = x
			dg.set(pa.id, "progress", x)
		}
	}
	step := float64(5 * (2 + g.rng.IntN(5)))
	if year == 2026 {
		step = float64(5 * (1 + g.rng.IntN(3)))
	}
	switch {
	case ri < pa.decided || pa.final == plans.ActionInProgress:
		setStatus(plans.ActionInProgress)
		setProgress(min(90, pa.progress+step))
	case ri == pa.decided:
		switch pa.final {
		case plans.ActionDone:
			setStatus(plans.ActionDone)
			setProgress(100)
		case plans.ActionPostponed:
			setStatus(plans.ActionPostponed)
			end := fmt.Sprintf("%d-12-31", year)
			if pa.end != end {
				pa.end = end
				dg.set(pa.id, "end", end)
			}
		case plans.ActionCancelled:
			setStatus(plans.ActionCancelled)
		}
	}
}

// maxTail is how many of its last changes a document keeps in its record; the rest are in the
// change log. A room replays its record's tail to editors who rejoin; a short one keeps the
// documents collection small, which is what every start reads.
const maxTail = 20

// themeCodes are the codes of the default themes (refdata) that demo goals are about.
var themeCodes = []string{"youth-guarantee", "ohjaamo", "employer-cooperation", "multi-professional",
	"quality-work", "digital-guidance", "guidance-competence", "communication"}
