package plans

import (
	"testing"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
)

func TestNewDocument(t *testing.T) {
	for _, kind := range []string{Strategy, ActionPlan, Situation} {
		d, err := NewDocument(kind, wsID, "  Toimintasuunnitelma ", "2026")
		if err != nil {
			t.Fatal(err)
		}
		if err := Validate(d); err != nil {
			t.Errorf("%s: %v", kind, err)
		}
		if !record.Valid(d.ID) || d.Root().Type != kind || d.Status != StatusDraft || d.Title != "Toimintasuunnitelma" {
			t.Errorf("%s: %+v", kind, d)
		}
	}
	plan, _ := NewDocument(ActionPlan, wsID, "Plan", "2026")
	out := Outline(plan)
	if len(out.Lists) != 1 || len(out.Lists[0].Items) != 1 || out.Lists[0].Items[0].Lists[0].Name != "actions" ||
		len(out.Lists[0].Items[0].Lists[0].Items) != 1 {
		t.Errorf("a new plan is not one goal with one action: %+v", out)
	}
	bad := []struct {
		kind, ws, title, period string
		code                    apperr.Code
	}{
		{"minutes", wsID, "x", "", apperr.InvalidField},
		{ActionPlan, "nope", "x", "", apperr.InvalidID},
		{ActionPlan, wsID, "  ", "", apperr.InvalidField},
		{ActionPlan, wsID, "x", "a very long period name that goes on and on", apperr.InvalidField},
	}
	for _, tc := range bad {
		if _, err := NewDocument(tc.kind, tc.ws, tc.title, tc.period); !apperr.Is(err, tc.code) {
			t.Errorf("%+v: err %v", tc, err)
		}
	}
}

func TestOutlineOrdersByPositionThenID(t *testing.T) {
	d := testPlan()
	for _, o := range []string{
		`{"t":"insert","node":{"id":"g0","type":"goal","parent":"` + docID + `","list":"goals","pos":"a1"}}`,
		`{"t":"insert","node":{"id":"g9","type":"goal","parent":"` + docID + `","list":"goals","pos":"Zz"}}`,
		`{"t":"insert","node":{"id":"i2","type":"indicator","parent":"a1","list":"indicators","pos":"a0V"}}`,
	} {
		if _, err := d.Apply(decodeOne(t, o), nil); err != nil {
			t.Fatal(err)
		}
	}
	out := Outline(d)
	var goals []string
	for _, it := range out.Lists[0].Items {
		goals = append(goals, it.Node.ID)
	}
	want(t, goals, []string{"g9", "g1", "g0", "g2"}) // Zz < a0 < a1 (g0 before g2 at the tie)
	a1 := out.Lists[0].Items[1].Lists[0].Items[0]
	want(t, a1.Node.ID, "a1")
	want(t, len(a1.Lists), 2)
	want(t, []string{a1.Lists[0].Name, a1.Lists[0].Items[0].Node.ID, a1.Lists[0].Items[1].Node.ID, a1.Lists[1].Name},
		[]string{"indicators", "i1", "i2", "followups"})
}

func TestCopyForNextPeriod(t *testing.T) {
	old := testPlan()
	old.Status = StatusClosed
	old.Revision = 99
	c, err := CopyForNextPeriod(old, "2027")
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(c); err != nil {
		t.Fatal(err)
	}
	if c.ID == old.ID || c.Period != "2027" || c.Status != StatusDraft || c.Revision != 0 || c.WorkspaceID != wsID {
		t.Errorf("metadata %+v", c)
	}
	if len(c.Nodes) != len(old.Nodes)-1 {
		t.Errorf("%d nodes, want %d (all but the follow-up)", len(c.Nodes), len(old.Nodes)-1)
	}
	for id, n := range c.Nodes {
		if _, clash := old.Nodes[id]; clash {
			t.Errorf("id %s reused", id)
		}
		switch n.Type {
		case TypeFollowup:
			t.Error("a follow-up entry was copied")
		case TypeAction:
			if n.Fields.Status != ActionPlanned || n.Fields.Progress != nil || n.Fields.Start != "" || n.Fields.End != "" {
				t.Errorf("action not reset: %+v", n.Fields)
			}
		case TypeIndicator:
			want(t, n.Fields, Fields{Baseline: ptr(12), Target: ptr(20)}) // the last value is the new baseline
			want(t, n.Text["name"], "Visitors")
		case TypeGoal:
			if n.Text["title"] == "Goal" {
				want(t, n.Fields.NationalGoals, []string{goal1})
			}
		}
	}
	// The copy is independent of the original.
	before := testPlan()
	for _, n := range c.Nodes {
		if n.Type == TypeGoal && n.Fields.NationalGoals != nil {
			n.Fields.NationalGoals[0] = goal2
		}
	}
	want(t, old.Nodes["g1"].Fields, before.Nodes["g1"].Fields)
}

func TestTransition(t *testing.T) {
	const co, member, observer = "coordinator", "member", "observer"
	plan := func(status string) *Document { d := testPlan(); d.Status = status; return d }
	tests := []struct {
		kind, from, to, role string
		code                 apperr.Code
	}{
		{ActionPlan, StatusDraft, StatusApproved, co, ""},
		{ActionPlan, StatusApproved, StatusFollowedUp, co, ""},
		{ActionPlan, StatusFollowedUp, StatusClosed, co, ""},
		{ActionPlan, StatusApproved, StatusDraft, co, ""},
		{ActionPlan, StatusDraft, StatusApproved, member, apperr.Forbidden},
		{ActionPlan, StatusDraft, StatusApproved, observer, apperr.Forbidden},
		{ActionPlan, StatusApproved, StatusFollowedUp, member, apperr.Forbidden},
		{ActionPlan, StatusDraft, StatusClosed, co, apperr.InvalidField},
		{ActionPlan, StatusDraft, StatusFollowedUp, co, apperr.InvalidField},
		{ActionPlan, StatusClosed, StatusDraft, co, apperr.InvalidField},
		{ActionPlan, StatusFollowedUp, StatusDraft, co, apperr.InvalidField},
		{ActionPlan, StatusDraft, "published", co, apperr.InvalidField},
		{Strategy, StatusDraft, StatusApproved, co, ""},
		{Strategy, StatusApproved, StatusDraft, co, ""},
		{Strategy, StatusApproved, StatusFollowedUp, co, apperr.InvalidField},
		{Situation, StatusApproved, StatusClosed, co, apperr.InvalidField},
	}
	for _, tc := range tests {
		d := plan(tc.from)
		d.Kind = tc.kind
		err := Transition(d, tc.to, tc.role)
		if code, _ := errCode(err); code != tc.code {
			t.Errorf("%s %s -> %s as %s: err %v, want %q", tc.kind, tc.from, tc.to, tc.role, err, tc.code)
			continue
		}
		wantStatus := tc.from
		if err == nil {
			wantStatus = tc.to
		}
		want(t, d.Status, wantStatus)
	}
}

func TestPermissions(t *testing.T) {
	want(t, []bool{CanEdit("coordinator"), CanEdit("member"), CanEdit("observer"), CanEdit("")}, []bool{true, true, false, false})
	want(t, []bool{CanApprove("coordinator"), CanApprove("member"), CanApprove("observer")}, []bool{true, false, false})
	d := testPlan()
	d.Status = StatusFollowedUp
	want(t, CanEditDocument(d, "member"), true)
	d.Status = StatusClosed
	want(t, CanEditDocument(d, "coordinator"), false)
}

func FuzzDecodeOps(f *testing.F) {
	for _, s := range []string{
		`[{"t":"text","node":"n1","field":"title","op":[5,"uusi ",-3,10]}]`,
		`[{"t":"set","node":"n1","field":"values","value":[{"date":"2026-01-01","value":3}]}]`,
		`[{"t":"insert","node":{"id":"n2","type":"action","parent":"n1","list":"actions","pos":"a2","text":{"title":"x"},"fields":{"progress":5}}}]`,
		`[{"t":"move","node":"n2","parent":"n1","list":"actions","pos":"a0V"},{"t":"delete","node":"n2"}]`,
		`[{"t":"set","node":"a1","field":"progress","value":null}]`,
		`[]`, `{}`, `null`, `[1]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ops, err := DecodeOps(data)
		if err != nil {
			if _, ok := err.(*apperr.Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		// Whatever decodes can be applied (or refused) without panicking, and a refused
		// change leaves the document as it was.
		d := testPlan()
		if _, err := d.ApplyChange(ops, fakeRefs{}); err != nil {
			if !equalDocs(d, testPlan()) {
				t.Fatal("a refused change left something behind")
			}
		} else if err := Validate(d); err != nil {
			t.Fatalf("valid change left an invalid document: %v", err)
		}
	})
}

func equalDocs(a, b *Document) bool {
	if len(a.Nodes) != len(b.Nodes) {
		return false
	}
	for id, n := range a.Nodes {
		m := b.Nodes[id]
		if m == nil || n.Parent != m.Parent || n.Pos != m.Pos || len(n.Text) != len(m.Text) || !fieldsEqual(n.Fields, m.Fields) {
			return false
		}
		for k, v := range n.Text {
			if m.Text[k] != v {
				return false
			}
		}
	}
	return true
}
