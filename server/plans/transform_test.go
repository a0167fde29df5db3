package plans

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/ot"
)

// randomTextOp makes a random valid text operation on s, never splitting a surrogate pair.
func randomTextOp(r *rand.Rand, s string) ot.Operation {
	alphabet := []string{"a", "b", "ä", "ö", " ", "😀", "Å"}
	word := func() string {
		w := ""
		for range 1 + r.Intn(3) {
			w += alphabet[r.Intn(len(alphabet))]
		}
		return w
	}
	var b ot.Builder
	for _, c := range s {
		units := 1
		if c >= 0x10000 {
			units = 2
		}
		if r.Intn(6) == 0 {
			b.Insert(word())
		}
		if r.Intn(5) == 0 {
			b.Delete(units)
		} else {
			b.Retain(units)
		}
	}
	if r.Intn(3) == 0 {
		b.Insert(word())
	}
	op, err := b.Operation()
	if err != nil {
		panic(err)
	}
	return op
}

func textOp(node, field string, op ot.Operation) Op {
	return Op{T: OpText, Node: node, Field: field, Text: op}
}

func TestTransformDropsOperationsOnDeletedNodes(t *testing.T) {
	d := testPlan()
	del, err := d.Clone().Apply(Op{T: OpDelete, Node: "a1"}, nil) // removes a1, i1, f1
	if err != nil {
		t.Fatal(err)
	}
	var b ot.Builder
	ins, _ := b.Retain(8).Insert("!").Operation() // on i1's name "Visitors"
	tests := []struct {
		name string
		op   Op
		keep bool
	}{
		{"text on the deleted node", textOp("a1", "title", ins), false},
		{"text under the deleted node", textOp("i1", "name", ins), false},
		{"set under the deleted node", Op{T: OpSet, Node: "f1", Field: "date", Value: "2026-01-01"}, false},
		{"insert under the deleted node", Op{T: OpInsert, Insert: &Node{ID: "i9", Type: TypeIndicator, Parent: "a1", List: "indicators", Pos: "a1"}}, false},
		{"move of a deleted node", Op{T: OpMove, Node: "i1", Parent: "a2", List: "indicators", Pos: "a1"}, false},
		{"move under the deleted node", Op{T: OpMove, Node: "i9", Parent: "a1", List: "indicators", Pos: "a1"}, false},
		{"delete of a deleted node", Op{T: OpDelete, Node: "f1"}, false},
		{"set elsewhere", Op{T: OpSet, Node: "a2", Field: "status", Value: "done"}, true},
		{"insert elsewhere", Op{T: OpInsert, Insert: &Node{ID: "i9", Type: TypeIndicator, Parent: "a2", List: "indicators", Pos: "a1"}}, true},
		{"move out of the way elsewhere", Op{T: OpMove, Node: "a2", Parent: "g1", List: "actions", Pos: "a1"}, true},
	}
	for _, tc := range tests {
		got, keep := Transform(tc.op, del)
		if keep != tc.keep {
			t.Errorf("%s: kept %v, want %v", tc.name, keep, tc.keep)
		}
		if keep && !reflect.DeepEqual(got, tc.op) {
			t.Errorf("%s: changed to %+v", tc.name, got)
		}
	}
}

func TestTransformLeavesSetsAndStructureAlone(t *testing.T) {
	set := Op{T: OpSet, Node: "a1", Field: "status", Value: ActionDone}
	other := Op{T: OpSet, Node: "a1", Field: "status", Value: ActionCancelled}
	if got, ok := Transform(set, other); !ok || !reflect.DeepEqual(got, set) {
		t.Errorf("set over set: %+v %v", got, ok)
	}
	move := Op{T: OpMove, Node: "a1", Parent: "g2", List: "actions", Pos: "a0"}
	ins := Op{T: OpInsert, Insert: &Node{ID: "a9", Type: TypeAction, Parent: "g2", List: "actions", Pos: "a0"}}
	if got, ok := Transform(move, ins); !ok || !reflect.DeepEqual(got, move) {
		t.Errorf("move over insert: %+v %v", got, ok)
	}
	var b ot.Builder
	t1, _ := b.Retain(4).Insert("x").Operation()
	text := textOp("g1", "title", t1)
	if got, ok := Transform(text, textOp("g1", "description", randomTextOp(rand.New(rand.NewSource(1)), ""))); !ok || !reflect.DeepEqual(got, text) {
		t.Errorf("text over text on another field: %+v %v", got, ok)
	}
}

// Concurrent text operations on one field converge whichever the server accepted first:
// apply(accepted) then op transformed equals apply(op) then accepted transformed.
func TestConcurrentTextConverges(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	bases := []string{"", "Ohjaus", "Ohjaus 😀 ä", "ääkköset ja 😀😀 emojit", "x"}
	for i := range 2000 {
		s := bases[i%len(bases)]
		op := textOp("g1", "title", randomTextOp(r, s))
		acc := textOp("g1", "title", randomTextOp(r, s))
		opT, ok := Transform(op, acc)
		if !ok {
			t.Fatal("text over text dropped")
		}
		_, accT := transformPair(op, acc)
		left := mustApply(t, mustApply(t, s, acc.Text), opT.Text)
		right := mustApply(t, mustApply(t, s, op.Text), accT.Text)
		if left != right {
			t.Fatalf("on %q: op %v, accepted %v: %q != %q", s, op.Text, acc.Text, left, right)
		}
	}
}

// At a tie the client's text comes first (ot.js order, as server/ot's Client assumes).
func TestConcurrentInsertsAtOnePlace(t *testing.T) {
	var b1, b2 ot.Builder
	mine, _ := b1.Retain(2).Insert("A").Operation()
	theirs, _ := b2.Retain(2).Insert("B").Operation()
	got, _ := Transform(textOp("n", "title", mine), textOp("n", "title", theirs))
	want(t, mustApply(t, mustApply(t, "xy", theirs), got.Text), "xyAB")
}

func mustApply(t *testing.T, s string, op ot.Operation) string {
	t.Helper()
	out, err := op.Apply(s)
	if err != nil {
		t.Fatalf("apply %v to %q: %v", op, s, err)
	}
	return out
}

func TestAcceptTransformsAChangeOverSeveralAccepted(t *testing.T) {
	d := testPlan()
	base := d.Clone()
	// Accepted meanwhile: two edits of g1's title, and the deletion of goal g2.
	var since []Op
	for _, o := range []string{
		`{"t":"text","node":"g1","field":"title","op":["Our ",4]}`,
		`{"t":"text","node":"g1","field":"title","op":[8,"!"]}`,
		`{"t":"delete","node":"g2"}`,
	} {
		a, err := d.Apply(decodeOne(t, o), nil)
		if err != nil {
			t.Fatal(err)
		}
		since = append(since, a)
	}
	// The client's change, made on base: two edits of the same title in a row, an insert under
	// the deleted goal's action and a text on that inserted node, a set elsewhere.
	ops, err := DecodeOps([]byte(`[
		{"t":"text","node":"g1","field":"title","op":[4," one"]},
		{"t":"text","node":"g1","field":"title","op":[-1,7]},
		{"t":"insert","node":{"id":"i7","type":"indicator","parent":"a2","list":"indicators","pos":"a0"}},
		{"t":"text","node":"i7","field":"name","op":["Kävijät"]},
		{"t":"set","node":"a1","field":"progress","value":50}
	]`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := base.ApplyChange(ops, nil); err != nil {
		t.Fatalf("the change does not apply where it was made: %v", err)
	}
	applied, dropped, err := d.Accept(ops, since, nil)
	if err != nil {
		t.Fatal(err)
	}
	want(t, d.Nodes["g1"].Text["title"], "Our oal one!")
	want(t, *d.Nodes["a1"].Fields.Progress, 50.0)
	want(t, dropped, []Dropped{{Node: "i7", Reason: DroppedDeleted}})
	want(t, len(applied), 3)
	if err := Validate(d); err != nil {
		t.Error(err)
	}
}

func TestAcceptDropsConflictsOnlyWhenConcurrent(t *testing.T) {
	// Two clients on the same revision: one sets the start, the other the end, each valid
	// alone, together an end before the start.
	d := testPlan()
	a, _, err := d.Accept([]Op{{T: OpSet, Node: "a1", Field: "start", Value: "2026-06-01"}}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	applied, dropped, err := d.Accept([]Op{{T: OpSet, Node: "a1", Field: "end", Value: "2026-03-01"}}, a, nil)
	if err != nil || len(applied) != 0 {
		t.Fatalf("applied %v, err %v", applied, err)
	}
	want(t, dropped, []Dropped{{Node: "a1", Reason: DroppedConflict}})
	// Not concurrent: the same operation is refused.
	if _, _, err := d.Accept([]Op{{T: OpSet, Node: "a1", Field: "end", Value: "2026-03-01"}}, nil, nil); err == nil {
		t.Error("end before start accepted")
	}
	want(t, d.Nodes["a1"].Fields.End, "2026-06-30")
}

func TestAcceptDropsTextThatConcurrentEditsMakeTooLong(t *testing.T) {
	d := testPlan() // g1's title is "Goal"
	long := strings.Repeat("x", 250)
	since, _, err := d.Accept([]Op{decodeOne(t, `{"t":"text","node":"g1","field":"title","op":[4,"`+long+`"]}`)}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Made on the old title: 100 more characters, then one more edit on top of them, and a
	// set that still fits.
	ops, err := DecodeOps([]byte(`[{"t":"text","node":"g1","field":"title","op":["` + strings.Repeat("y", 100) + `",4]},
		{"t":"text","node":"g1","field":"title","op":[104,"!"]},
		{"t":"set","node":"g1","field":"nationalGoals","value":null}]`))
	if err != nil {
		t.Fatal(err)
	}
	applied, dropped, err := d.Accept(ops, since, nil)
	if err != nil {
		t.Fatal(err)
	}
	want(t, dropped, []Dropped{{Node: "g1", Reason: DroppedConflict}})
	want(t, len(applied), 1)
	want(t, d.Nodes["g1"].Text["title"], "Goal"+long)
	// An insert with a too long text is the author's mistake even in a concurrent change.
	ins := decodeOne(t, `{"t":"insert","node":{"id":"g7","type":"goal","parent":"`+docID+`","list":"goals","pos":"a5","text":{"title":"`+strings.Repeat("z", 301)+`"}}}`)
	if _, _, err := d.Accept([]Op{ins}, since, nil); !apperr.Is(err, apperr.InvalidField) {
		t.Errorf("err = %v, want invalid_field", err)
	}
}

// The property test: five simulated clients edit one document, each basing its change on a
// random recent revision; the server transforms every change over what was accepted since and
// applies it. The server's document stays valid, no change is refused (what a concurrent change
// invalidates is dropped), and a change based on the latest revision is applied whole.
func TestRandomConcurrentClients(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { runClients(t, seed, 300) })
	}
}

func runClients(t *testing.T, seed int64, steps int) {
	r := rand.New(rand.NewSource(seed))
	server := testPlan()
	snapshots := []*Document{server.Clone()} // by revision
	var log [][]Op                           // log[i] is revision i+1
	nextID := 0
	var dropped, applied int
	for step := 0; step < steps; step++ {
		rev := len(log)
		base := max(0, rev-r.Intn(6))
		if r.Intn(3) == 0 {
			base = rev
		}
		local := snapshots[base].Clone()
		var ops []Op
		for range 1 + r.Intn(4) {
			op, ok := randomOp(r, local, &nextID)
			if !ok {
				continue
			}
			if _, err := local.Apply(op, fakeRefs{}); err != nil {
				t.Fatalf("step %d: the client's own operation %+v does not apply: %v", step, op, err)
			}
			ops = append(ops, op)
		}
		if len(ops) == 0 {
			continue
		}
		var since []Op
		for _, c := range log[base:] {
			since = append(since, c...)
		}
		got, drops, err := server.Accept(ops, since, fakeRefs{})
		if err != nil {
			t.Fatalf("step %d (base %d of %d): change %s refused: %v", step, base, rev, opsJSON(ops), err)
		}
		if base == rev && (len(drops) > 0 || len(got) != len(ops)) {
			t.Fatalf("step %d: a change on the latest revision lost operations: %v", step, drops)
		}
		if err := Validate(server); err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		dropped += len(drops)
		applied += len(got)
		if len(got) > 0 {
			server.Revision++
			log = append(log, got)
			snapshots = append(snapshots, server.Clone())
		}
	}
	if applied < steps {
		t.Errorf("only %d operations applied in %d steps", applied, steps)
	}
	t.Logf("%d operations applied, %d dropped, %d nodes at the end", applied, dropped, len(server.Nodes))
}

func opsJSON(ops []Op) string {
	b, _ := json.Marshal(ops)
	return string(b)
}

// randomOp makes a random operation valid on d, as an editor would.
func randomOp(r *rand.Rand, d *Document, nextID *int) (Op, bool) {
	ids := make([]string, 0, len(d.Nodes))
	for id := range d.Nodes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	pick := func(types ...string) *Node {
		var c []*Node
		for _, id := range ids {
			if slices.Contains(types, d.Nodes[id].Type) {
				c = append(c, d.Nodes[id])
			}
		}
		if len(c) == 0 {
			return nil
		}
		return c[r.Intn(len(c))]
	}
	pos := func() string { return string("abc"[r.Intn(3)]) + fmt.Sprint(r.Intn(10)) }
	childType := map[string][2]string{TypeGoal: {"goals", ActionPlan}, TypeAction: {"actions", TypeGoal},
		TypeIndicator: {"indicators", TypeAction}, TypeFollowup: {"followups", TypeAction}}
	types := []string{TypeGoal, TypeAction, TypeIndicator, TypeFollowup}
	switch k := r.Intn(10); {
	case k < 4: // text
		n := pick(types...)
		if n == nil {
			return Op{}, false
		}
		var fields []string
		for f := range schemas[n.Type].text {
			fields = append(fields, f)
		}
		slices.Sort(fields)
		f := fields[r.Intn(len(fields))]
		if ot.Len(n.Text[f]) > 200 {
			return Op{}, false
		}
		return textOp(n.ID, f, randomTextOp(r, n.Text[f])), true
	case k < 6: // set
		switch r.Intn(5) {
		case 0:
			n := pick(TypeAction)
			if n == nil {
				return Op{}, false
			}
			st := []string{ActionPlanned, ActionInProgress, ActionDone, ActionPostponed, ActionCancelled}
			return Op{T: OpSet, Node: n.ID, Field: "status", Value: st[r.Intn(len(st))]}, true
		case 1:
			n := pick(TypeAction)
			if n == nil {
				return Op{}, false
			}
			return Op{T: OpSet, Node: n.ID, Field: "progress", Value: float64(r.Intn(101))}, true
		case 2:
			n := pick(TypeAction)
			if n == nil {
				return Op{}, false
			}
			day := fmt.Sprintf("2026-%02d-%02d", 1+r.Intn(12), 1+r.Intn(28))
			if r.Intn(2) == 0 {
				if n.Fields.End != "" && day > n.Fields.End {
					return Op{}, false
				}
				return Op{T: OpSet, Node: n.ID, Field: "start", Value: day}, true
			}
			if n.Fields.Start != "" && day < n.Fields.Start {
				return Op{}, false
			}
			return Op{T: OpSet, Node: n.ID, Field: "end", Value: day}, true
		case 3:
			n := pick(TypeGoal)
			if n == nil {
				return Op{}, false
			}
			return Op{T: OpSet, Node: n.ID, Field: "nationalGoals", Value: []string{goal1, goal2}[:r.Intn(3)]}, true
		default:
			n := pick(TypeIndicator)
			if n == nil {
				return Op{}, false
			}
			return Op{T: OpSet, Node: n.ID, Field: "values", Value: []IndicatorValue{{Date: "2026-05-01", Value: float64(r.Intn(50))}}}, true
		}
	case k < 8: // insert
		typ := types[r.Intn(len(types))]
		p := pick(childType[typ][1])
		if p == nil || len(d.Nodes) > 200 {
			return Op{}, false
		}
		*nextID++
		n := &Node{ID: fmt.Sprintf("n%d", *nextID), Type: typ, Parent: p.ID, List: childType[typ][0], Pos: pos()}
		if r.Intn(2) == 0 {
			n.Text = map[string]string{}
			for f := range schemas[typ].text {
				n.Text[f] = "Uusi " + f
			}
		}
		return Op{T: OpInsert, Insert: n}, true
	case k < 9: // move
		n := pick(types...)
		if n == nil {
			return Op{}, false
		}
		// The schema nests by type (goal > action > indicator, follow-up), so a move cannot
		// make a cycle here; nodes move within their list and across parents.
		p := pick(childType[n.Type][1])
		if p == nil {
			return Op{}, false
		}
		return Op{T: OpMove, Node: n.ID, Parent: p.ID, List: childType[n.Type][0], Pos: pos()}, true
	default: // delete
		if r.Intn(3) != 0 {
			return Op{}, false // deletes are rarer
		}
		n := pick(types...)
		if n == nil {
			return Op{}, false
		}
		return Op{T: OpDelete, Node: n.ID}, true
	}
}
