package plans

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/apperr"
)

const (
	docID   = "aaaaaaaaaaaaaaaaaaaaaaaa"
	wsID    = "bbbbbbbbbbbbbbbbbbbbbbbb"
	goal1   = "111111111111111111111111" // national goal
	goal2   = "222222222222222222222222" // national goal
	dim1    = "333333333333333333333333" // quality dimension
	org1    = "444444444444444444444444" // organisation
	org2    = "555555555555555555555555" // organisation
	unknown = "999999999999999999999999" // shaped like an id, but nothing
	meeting = "666666666666666666666666"
	theme1  = "777777777777777777777777" // theme
)

type fakeRefs struct{}

func (fakeRefs) IsNationalGoal(id string) bool     { return id == goal1 || id == goal2 }
func (fakeRefs) IsQualityDimension(id string) bool { return id == dim1 }
func (fakeRefs) IsTheme(id string) bool            { return id == theme1 }
func (fakeRefs) OrganisationExists(id string) bool { return id == org1 || id == org2 }

func ptr(x float64) *float64 { return &x }

// testPlan is an action plan: goal g1 (action a1 with indicator i1 and follow-up f1), goal g2
// (action a2).
func testPlan() *Document {
	nodes := []*Node{
		{ID: docID, Type: ActionPlan},
		{ID: "g1", Type: TypeGoal, Parent: docID, List: "goals", Pos: "a0", Text: map[string]string{"title": "Goal"},
			Fields: Fields{NationalGoals: []string{goal1}}},
		{ID: "g2", Type: TypeGoal, Parent: docID, List: "goals", Pos: "a1"},
		{ID: "a1", Type: TypeAction, Parent: "g1", List: "actions", Pos: "a0",
			Text:   map[string]string{"title": "Ohjaus 😀 ä", "description": "Kuvaus"},
			Fields: Fields{Start: "2026-01-01", End: "2026-06-30", Status: ActionInProgress, Progress: ptr(40)}},
		{ID: "a2", Type: TypeAction, Parent: "g2", List: "actions", Pos: "a0"},
		{ID: "i1", Type: TypeIndicator, Parent: "a1", List: "indicators", Pos: "a0",
			Text:   map[string]string{"name": "Visitors"},
			Fields: Fields{Baseline: ptr(10), Target: ptr(20), Values: []IndicatorValue{{Date: "2026-03-01", Value: 12, Note: "spring"}}}},
		{ID: "f1", Type: TypeFollowup, Parent: "a1", List: "followups", Pos: "a0",
			Text: map[string]string{"body": "Met in March"}, Fields: Fields{Date: "2026-03-15", Meeting: meeting}},
	}
	d := &Document{ID: docID, WorkspaceID: wsID, Kind: ActionPlan, Title: "Plan", Period: "2026",
		Status: StatusDraft, Nodes: map[string]*Node{}}
	for _, n := range nodes {
		d.Nodes[n.ID] = n
	}
	return d
}

func decodeOne(t *testing.T, s string) Op {
	t.Helper()
	ops, err := DecodeOps([]byte("[" + s + "]"))
	if err != nil {
		t.Fatalf("decode %s: %v", s, err)
	}
	return ops[0]
}

func errCode(err error) (apperr.Code, string) {
	if err == nil {
		return "", ""
	}
	e := apperr.From(err)
	return e.Code, e.Field
}

func TestApply(t *testing.T) {
	tests := []struct {
		name  string
		op    string
		code  apperr.Code // "" when the op applies
		field string
		check func(t *testing.T, d *Document, applied Op)
	}{
		// text
		{name: "text appends to a title", op: `{"t":"text","node":"g1","field":"title","op":[4," uusi"]}`,
			check: func(t *testing.T, d *Document, _ Op) { want(t, d.Nodes["g1"].Text["title"], "Goal uusi") }},
		{name: "text counts UTF-16 units", op: `{"t":"text","node":"a1","field":"title","op":[7,-2,"!",2]}`,
			check: func(t *testing.T, d *Document, _ Op) { want(t, d.Nodes["a1"].Text["title"], "Ohjaus ! ä") }},
		{name: "text into an empty field", op: `{"t":"text","node":"g2","field":"description","op":["Uusi"]}`,
			check: func(t *testing.T, d *Document, _ Op) { want(t, d.Nodes["g2"].Text["description"], "Uusi") }},
		{name: "text emptied is removed", op: `{"t":"text","node":"g1","field":"title","op":[-4]}`,
			check: func(t *testing.T, d *Document, _ Op) {
				if d.Nodes["g1"].Text != nil {
					t.Errorf("text = %v, want nil", d.Nodes["g1"].Text)
				}
			}},
		{name: "text with a wrong base length", op: `{"t":"text","node":"g1","field":"title","op":[5,"x"]}`, code: apperr.InvalidField, field: "op"},
		{name: "text splitting a surrogate pair", op: `{"t":"text","node":"a1","field":"title","op":[8,"x",3]}`, code: apperr.InvalidField, field: "op"},
		{name: "text on an unknown node", op: `{"t":"text","node":"nope","field":"title","op":["x"]}`, code: apperr.NotFound},
		{name: "text field the type lacks", op: `{"t":"text","node":"g1","field":"body","op":["x"]}`, code: apperr.InvalidField, field: "field"},
		{name: "text over the maximum length", op: `{"t":"text","node":"g1","field":"title","op":[4,"` + strings.Repeat("x", 297) + `"]}`, code: apperr.InvalidField, field: "title"},
		{name: "text with a NUL", op: `{"t":"text","node":"g1","field":"title","op":[4,"\u0000"]}`, code: apperr.InvalidField, field: "title"},
		// set
		{name: "set status", op: `{"t":"set","node":"a1","field":"status","value":"done"}`,
			check: func(t *testing.T, d *Document, _ Op) { want(t, d.Nodes["a1"].Fields.Status, ActionDone) }},
		{name: "set progress", op: `{"t":"set","node":"a1","field":"progress","value":100}`,
			check: func(t *testing.T, d *Document, _ Op) { want(t, *d.Nodes["a1"].Fields.Progress, 100.0) }},
		{name: "set null clears", op: `{"t":"set","node":"a1","field":"progress","value":null}`,
			check: func(t *testing.T, d *Document, _ Op) {
				if d.Nodes["a1"].Fields.Progress != nil {
					t.Error("progress still set")
				}
			}},
		{name: "set national goals", op: `{"t":"set","node":"g1","field":"nationalGoals","value":["` + goal1 + `","` + goal2 + `"]}`,
			check: func(t *testing.T, d *Document, _ Op) {
				want(t, d.Nodes["g1"].Fields.NationalGoals, []string{goal1, goal2})
			}},
		{name: "set empty list clears", op: `{"t":"set","node":"g1","field":"nationalGoals","value":[]}`,
			check: func(t *testing.T, d *Document, a Op) {
				if d.Nodes["g1"].Fields.NationalGoals != nil || a.Value != nil {
					t.Error("national goals still set")
				}
			}},
		{name: "set contact is trimmed", op: `{"t":"set","node":"a1","field":"contact","value":"  Maija Meikäläinen "}`,
			check: func(t *testing.T, d *Document, a Op) {
				want(t, d.Nodes["a1"].Fields.Contact, "Maija Meikäläinen")
				want(t, a.Value, any("Maija Meikäläinen"))
			}},
		{name: "set indicator values", op: `{"t":"set","node":"i1","field":"values","value":[{"date":"2026-04-01","value":14.5,"note":""}]}`,
			check: func(t *testing.T, d *Document, _ Op) {
				want(t, d.Nodes["i1"].Fields.Values, []IndicatorValue{{Date: "2026-04-01", Value: 14.5}})
			}},
		{name: "set end equal to start", op: `{"t":"set","node":"a1","field":"end","value":"2026-01-01"}`,
			check: func(t *testing.T, d *Document, _ Op) { want(t, d.Nodes["a1"].Fields.End, "2026-01-01") }},
		{name: "set unknown status", op: `{"t":"set","node":"a1","field":"status","value":"finished"}`, code: apperr.InvalidField, field: "status"},
		{name: "set progress 120", op: `{"t":"set","node":"a1","field":"progress","value":120}`, code: apperr.InvalidField, field: "progress"},
		{name: "set progress -1", op: `{"t":"set","node":"a1","field":"progress","value":-1}`, code: apperr.InvalidField, field: "progress"},
		{name: "set bad date", op: `{"t":"set","node":"a1","field":"start","value":"2026-02-30"}`, code: apperr.InvalidField, field: "start"},
		{name: "set date in another format", op: `{"t":"set","node":"a1","field":"start","value":"1.2.2026"}`, code: apperr.InvalidField, field: "start"},
		{name: "set end before start", op: `{"t":"set","node":"a1","field":"end","value":"2025-12-31"}`, code: apperr.InvalidField, field: "end"},
		{name: "set start after end", op: `{"t":"set","node":"a1","field":"start","value":"2026-07-01"}`, code: apperr.InvalidField, field: "end"},
		{name: "set unknown national goal", op: `{"t":"set","node":"g1","field":"nationalGoals","value":["` + unknown + `"]}`, code: apperr.InvalidField, field: "nationalGoals"},
		{name: "set national goal twice", op: `{"t":"set","node":"g1","field":"nationalGoals","value":["` + goal1 + `","` + goal1 + `"]}`, code: apperr.InvalidField, field: "nationalGoals"},
		{name: "set quality dimension that is an organisation", op: `{"t":"set","node":"g1","field":"qualityDimensions","value":["` + org1 + `"]}`, code: apperr.InvalidField, field: "qualityDimensions"},
		{name: "set themes of a goal", op: `{"t":"set","node":"g1","field":"themes","value":["` + theme1 + `"]}`,
			check: func(t *testing.T, d *Document, _ Op) { want(t, d.Nodes["g1"].Fields.Themes[0], theme1) }},
		{name: "set theme that is a quality dimension", op: `{"t":"set","node":"g1","field":"themes","value":["` + dim1 + `"]}`, code: apperr.InvalidField, field: "themes"},
		{name: "set themes on an action", op: `{"t":"set","node":"a1","field":"themes","value":["` + theme1 + `"]}`, code: apperr.InvalidField, field: "field"},
		{name: "set unknown organisation", op: `{"t":"set","node":"a1","field":"organisations","value":["` + unknown + `"]}`, code: apperr.InvalidField, field: "organisations"},
		{name: "set organisation that is not an id", op: `{"t":"set","node":"a1","field":"organisations","value":["Kainuu"]}`, code: apperr.InvalidField, field: "organisations"},
		{name: "set field the type lacks", op: `{"t":"set","node":"g1","field":"status","value":"done"}`, code: apperr.InvalidField, field: "field"},
		{name: "set on an unknown node", op: `{"t":"set","node":"x","field":"status","value":"done"}`, code: apperr.NotFound},
		{name: "set meeting that is not an id", op: `{"t":"set","node":"f1","field":"meeting","value":"spring"}`, code: apperr.InvalidField, field: "meeting"},
		{name: "set indicator value with a bad date", op: `{"t":"set","node":"i1","field":"values","value":[{"date":"2026-13-01","value":1}]}`, code: apperr.InvalidField, field: "values"},
		{name: "set 201 indicator values", op: `{"t":"set","node":"i1","field":"values","value":[` + strings.TrimSuffix(strings.Repeat(`{"date":"2026-01-01","value":1},`, 201), ",") + `]}`, code: apperr.InvalidField, field: "values"},
		// insert
		{name: "insert an action", op: `{"t":"insert","node":{"id":"a3","type":"action","parent":"g1","list":"actions","pos":"a1","text":{"title":"Uusi","description":""},"fields":{"status":"planned","start":"2026-02-01"}}}`,
			check: func(t *testing.T, d *Document, a Op) {
				n := d.Nodes["a3"]
				want(t, *n, Node{ID: "a3", Type: TypeAction, Parent: "g1", List: "actions", Pos: "a1",
					Text: map[string]string{"title": "Uusi"}, Fields: Fields{Status: ActionPlanned, Start: "2026-02-01"}})
				want(t, *a.Insert, *n)
			}},
		{name: "insert a follow-up", op: `{"t":"insert","node":{"id":"f2","type":"followup","parent":"a2","list":"followups","pos":"Zz","fields":{"date":"2026-05-05"}}}`,
			check: func(t *testing.T, d *Document, _ Op) { want(t, d.Nodes["f2"].Parent, "a2") }},
		{name: "insert with a used id", op: `{"t":"insert","node":{"id":"a1","type":"action","parent":"g1","list":"actions","pos":"a1"}}`, code: apperr.InvalidField, field: "id"},
		{name: "insert with the document id", op: `{"t":"insert","node":{"id":"` + docID + `","type":"goal","parent":"` + docID + `","list":"goals","pos":"a1"}}`, code: apperr.InvalidField, field: "id"},
		{name: "insert under an unknown parent", op: `{"t":"insert","node":{"id":"a3","type":"action","parent":"gx","list":"actions","pos":"a1"}}`, code: apperr.NotFound},
		{name: "insert into the wrong list", op: `{"t":"insert","node":{"id":"a3","type":"action","parent":"g1","list":"indicators","pos":"a1"}}`, code: apperr.InvalidField, field: "list"},
		{name: "insert a type the list does not take", op: `{"t":"insert","node":{"id":"i3","type":"indicator","parent":"g1","list":"actions","pos":"a1"}}`, code: apperr.InvalidField, field: "list"},
		{name: "insert a second root", op: `{"t":"insert","node":{"id":"r2","type":"action_plan","parent":"` + docID + `","list":"goals","pos":"a1"}}`, code: apperr.InvalidField, field: "type"},
		{name: "insert an unknown type", op: `{"t":"insert","node":{"id":"x1","type":"chapter","parent":"` + docID + `","list":"goals","pos":"a1"}}`, code: apperr.InvalidField, field: "type"},
		{name: "insert with a bad position", op: `{"t":"insert","node":{"id":"a3","type":"action","parent":"g1","list":"actions","pos":"a"}}`, code: apperr.InvalidField, field: "pos"},
		{name: "insert with a position of other characters", op: `{"t":"insert","node":{"id":"a3","type":"action","parent":"g1","list":"actions","pos":"a-1"}}`, code: apperr.InvalidField, field: "pos"},
		{name: "insert with a bad id", op: `{"t":"insert","node":{"id":"a 3","type":"action","parent":"g1","list":"actions","pos":"a1"}}`, code: apperr.InvalidField, field: "id"},
		{name: "insert with a text field the type lacks", op: `{"t":"insert","node":{"id":"a3","type":"action","parent":"g1","list":"actions","pos":"a1","text":{"body":"x"}}}`, code: apperr.InvalidField, field: "text"},
		{name: "insert with a field the type lacks", op: `{"t":"insert","node":{"id":"g3","type":"goal","parent":"` + docID + `","list":"goals","pos":"a1","fields":{"progress":5}}}`, code: apperr.InvalidField, field: "progress"},
		{name: "insert with end before start", op: `{"t":"insert","node":{"id":"a3","type":"action","parent":"g1","list":"actions","pos":"a1","fields":{"start":"2026-02-01","end":"2026-01-01"}}}`, code: apperr.InvalidField, field: "end"},
		{name: "insert with progress 120", op: `{"t":"insert","node":{"id":"a3","type":"action","parent":"g1","list":"actions","pos":"a1","fields":{"progress":120}}}`, code: apperr.InvalidField, field: "progress"},
		{name: "insert with an unknown national goal", op: `{"t":"insert","node":{"id":"g3","type":"goal","parent":"` + docID + `","list":"goals","pos":"a1","fields":{"nationalGoals":["` + unknown + `"]}}}`, code: apperr.InvalidField, field: "nationalGoals"},
		// move
		{name: "move an action to another goal", op: `{"t":"move","node":"a1","parent":"g2","list":"actions","pos":"a0V"},`,
			check: func(t *testing.T, d *Document, _ Op) {
				n := d.Nodes["a1"]
				want(t, []string{n.Parent, n.List, n.Pos}, []string{"g2", "actions", "a0V"})
			}},
		{name: "move within a list", op: `{"t":"move","node":"g1","parent":"` + docID + `","list":"goals","pos":"b0"}`,
			check: func(t *testing.T, d *Document, _ Op) { want(t, d.Nodes["g1"].Pos, "b0") }},
		{name: "move into the wrong list", op: `{"t":"move","node":"a1","parent":"g2","list":"goals","pos":"a0"}`, code: apperr.InvalidField, field: "list"},
		{name: "move an action under an action", op: `{"t":"move","node":"a1","parent":"a2","list":"actions","pos":"a0"}`, code: apperr.InvalidField, field: "list"},
		{name: "move into its own subtree", op: `{"t":"move","node":"g1","parent":"a1","list":"actions","pos":"a0"}`, code: apperr.InvalidField, field: "parent"},
		{name: "move under itself", op: `{"t":"move","node":"a1","parent":"a1","list":"actions","pos":"a0"}`, code: apperr.InvalidField, field: "parent"},
		{name: "move the root", op: `{"t":"move","node":"` + docID + `","parent":"g1","list":"actions","pos":"a0"}`, code: apperr.InvalidField, field: "node"},
		{name: "move an unknown node", op: `{"t":"move","node":"zz","parent":"g2","list":"actions","pos":"a0"}`, code: apperr.NotFound},
		{name: "move under an unknown parent", op: `{"t":"move","node":"a1","parent":"zz","list":"actions","pos":"a0"}`, code: apperr.NotFound},
		{name: "move with a bad position", op: `{"t":"move","node":"a1","parent":"g2","list":"actions","pos":"ä0"}`, code: apperr.InvalidField, field: "pos"},
		// delete
		{name: "delete removes the subtree", op: `{"t":"delete","node":"a1"}`,
			check: func(t *testing.T, d *Document, a Op) {
				want(t, a.Removed, []string{"a1", "f1", "i1"})
				for _, id := range a.Removed {
					if d.Nodes[id] != nil {
						t.Errorf("%s is still there", id)
					}
				}
				want(t, len(d.Nodes), 4)
			}},
		{name: "delete a goal", op: `{"t":"delete","node":"g2"}`,
			check: func(t *testing.T, d *Document, a Op) { want(t, a.Removed, []string{"g2", "a2"}) }},
		{name: "delete the root", op: `{"t":"delete","node":"` + docID + `"}`, code: apperr.InvalidField, field: "node"},
		{name: "delete an unknown node", op: `{"t":"delete","node":"zz"}`, code: apperr.NotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := testPlan()
			before := testPlan()
			op := decodeOne(t, strings.TrimSuffix(tc.op, ","))
			applied, err := d.Apply(op, fakeRefs{})
			code, field := errCode(err)
			if code != tc.code || (tc.field != "" && field != tc.field) {
				t.Fatalf("error %v (code %q field %q), want code %q field %q", err, code, field, tc.code, tc.field)
			}
			if err != nil {
				if !reflect.DeepEqual(d, before) {
					t.Error("a failed operation changed the document")
				}
				return
			}
			if err := Validate(d); err != nil {
				t.Errorf("document invalid after the operation: %v", err)
			}
			if tc.check != nil {
				tc.check(t, d, applied)
			}
		})
	}
}

func want[T any](t *testing.T, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v, want %#v", got, want)
	}
}

func TestApplyDoesNotChangeEarlierSnapshots(t *testing.T) {
	d := testPlan()
	snap := d.Clone()
	for _, s := range []string{
		`{"t":"text","node":"g1","field":"title","op":[4,"!"]}`,
		`{"t":"set","node":"i1","field":"values","value":null}`,
		`{"t":"move","node":"a1","parent":"g2","list":"actions","pos":"b0"}`,
		`{"t":"delete","node":"g2"}`,
	} {
		if _, err := d.Apply(decodeOne(t, s), nil); err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(snap, testPlan()) {
		t.Error("applying operations changed a snapshot taken before")
	}
}

func TestApplyChangeIsAllOrNothing(t *testing.T) {
	d := testPlan()
	ops, err := DecodeOps([]byte(`[
		{"t":"text","node":"g1","field":"title","op":[4,"!"]},
		{"t":"insert","node":{"id":"a9","type":"action","parent":"g1","list":"actions","pos":"b0"}},
		{"t":"delete","node":"a1"},
		{"t":"set","node":"a9","field":"progress","value":101}
	]`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.ApplyChange(ops, nil); !apperr.Is(err, apperr.InvalidField) {
		t.Fatalf("err = %v, want invalid_field", err)
	}
	if !reflect.DeepEqual(d, testPlan()) {
		t.Error("a refused change left something behind")
	}
	applied, err := d.ApplyChange(ops[:3], nil)
	if err != nil || len(applied) != 3 {
		t.Fatalf("applied %d, err %v", len(applied), err)
	}
}

func TestStrategyAndSituationSchemas(t *testing.T) {
	s, err := NewDocument(Strategy, wsID, "Kainuun ELO-strategia", "2021-2025")
	if err != nil {
		t.Fatal(err)
	}
	ok := []string{
		`{"t":"insert","node":{"id":"v1","type":"value","parent":"` + s.ID + `","list":"values","pos":"a0","text":{"title":"Asiakaslähtöisyys"}}}`,
		`{"t":"insert","node":{"id":"s1","type":"section","parent":"` + s.ID + `","list":"sections","pos":"a5","text":{"title":"Visio","body":"..."}}}`,
		`{"t":"set","node":"` + s.ID + `","field":"responsible","value":["` + org1 + `"]}`,
	}
	for _, o := range ok {
		if _, err := s.Apply(decodeOne(t, o), fakeRefs{}); err != nil {
			t.Errorf("%s: %v", o, err)
		}
	}
	bad := []string{
		`{"t":"insert","node":{"id":"g1","type":"goal","parent":"` + s.ID + `","list":"goals","pos":"a0"}}`,
		`{"t":"insert","node":{"id":"v2","type":"value","parent":"` + s.ID + `","list":"sections","pos":"a0"}}`,
		`{"t":"set","node":"` + s.ID + `","field":"responsible","value":["` + unknown + `"]}`,
	}
	for _, o := range bad {
		if _, err := s.Apply(decodeOne(t, o), fakeRefs{}); !apperr.Is(err, apperr.InvalidField) {
			t.Errorf("%s: err = %v, want invalid_field", o, err)
		}
	}
	if err := Validate(s); err != nil {
		t.Error(err)
	}
	sit, _ := NewDocument(Situation, wsID, "Ohjauksen tilannekuva", "")
	if _, err := sit.Apply(decodeOne(t, `{"t":"insert","node":{"id":"v1","type":"value","parent":"`+sit.ID+`","list":"values","pos":"a0"}}`), nil); err == nil {
		t.Error("a situation description took a value")
	}
}

func TestDecodeOps(t *testing.T) {
	good := `[{"t":"text","node":"n1","field":"title","op":[5,"uusi ",-3,10]},
		{"t":"set","node":"n1","field":"status","value":"done"},
		{"t":"set","node":"n1","field":"progress","value":null},
		{"t":"set","node":"n1","field":"values","value":[{"date":"2026-01-01","value":3,"note":"x"}]},
		{"t":"insert","node":{"id":"n2","type":"action","parent":"n1","list":"actions","pos":"a2","text":{},"fields":{}}},
		{"t":"move","node":"n2","parent":"n1","list":"actions","pos":"a0V"},
		{"t":"delete","node":"n2"}]`
	ops, err := DecodeOps([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if len(ops) != 7 || ops[2].Value != nil || ops[3].Value.([]IndicatorValue)[0].Note != "x" || ops[4].Insert.Pos != "a2" {
		t.Errorf("decoded %+v", ops)
	}
	// The encoding reads back the same.
	b, err := json.Marshal(ops)
	if err != nil {
		t.Fatal(err)
	}
	again, err := DecodeOps(b)
	if err != nil {
		t.Fatal(err)
	}
	want(t, again, ops)

	bad := []struct {
		in   string
		code apperr.Code
	}{
		{`{}`, apperr.InvalidJSON},
		{`null`, apperr.InvalidJSON},
		{`[]`, apperr.InvalidField},
		{`[{"t":"rename","node":"n1"}]`, apperr.InvalidField},
		{`[{"node":"n1"}]`, apperr.InvalidField},
		{`[{"t":"delete","node":"n1","extra":1}]`, apperr.UnknownField},
		{`[{"t":"delete","node":"n1","field":"title"}]`, apperr.UnknownField},
		{`[{"t":"delete","node":"n1","removed":["n1"]}]`, apperr.UnknownField},
		{`[{"t":"delete"}]`, apperr.InvalidField},
		{`[{"t":"delete","node":5}]`, apperr.InvalidField},
		{`[{"t":"delete","node":{"id":"n1"}}]`, apperr.InvalidField},
		{`[{"t":"text","node":"n1","field":"title"}]`, apperr.InvalidField},
		{`[{"t":"text","node":"n1","field":"title","op":[0]}]`, apperr.InvalidField},
		{`[{"t":"text","node":"n1","field":"title","op":"abc"}]`, apperr.InvalidField},
		{`[{"t":"text","node":"n1","field":"title","op":["\ud83d"]}]`, apperr.InvalidField},
		{`[{"t":"set","node":"n1","field":"status"}]`, apperr.InvalidField},
		{`[{"t":"set","node":"n1","field":"status","value":3}]`, apperr.InvalidField},
		{`[{"t":"set","node":"n1","field":"progress","value":"50"}]`, apperr.InvalidField},
		{`[{"t":"set","node":"n1","field":"nationalGoals","value":"abc"}]`, apperr.InvalidField},
		{`[{"t":"set","node":"n1","field":"values","value":[{"date":"2026-01-01","value":"3"}]}]`, apperr.InvalidField},
		{`[{"t":"set","node":"n1","field":"values","value":[{"date":"2026-01-01","value":3,"unit":"%"}]}]`, apperr.UnknownField},
		{`[{"t":"set","node":"n1","field":"colour","value":"red"}]`, apperr.InvalidField},
		{`[{"t":"insert","node":"n2"}]`, apperr.InvalidField},
		{`[{"t":"insert","node":{"id":"n2","type":"action","colour":"red"}}]`, apperr.UnknownField},
		{`[{"t":"insert","node":{"id":"n2","fields":{"progress":"x"}}}]`, apperr.InvalidField},
		{`[{"t":"insert","node":{"id":"n2","fields":{"colour":1}}}]`, apperr.UnknownField},
		{`[{"t":"insert","node":{"id":"n2","text":{"title":1}}}]`, apperr.InvalidField},
		{`[{"t":"move","node":"n2","parent":"n1","list":"actions"}]`, apperr.InvalidField},
		{`[{"t":"delete","node":"n1"}] []`, apperr.InvalidJSON},
		{`[{"t":"delete","node":"n1"}`, apperr.InvalidJSON},
		{"[" + strings.TrimSuffix(strings.Repeat(`{"t":"delete","node":"n1"},`, MaxOpsPerChange+1), ",") + "]", apperr.InvalidField},
	}
	for _, tc := range bad {
		_, err := DecodeOps([]byte(tc.in))
		if code, _ := errCode(err); code != tc.code {
			t.Errorf("%.80s: err %v, want code %q", tc.in, err, tc.code)
		}
	}
}

func TestDocumentJSONRoundTrip(t *testing.T) {
	d := testPlan()
	d.Revision = 42
	d.Version = 3
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var back Document
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	want(t, &back, d)
}

func TestValidateFindsBrokenDocuments(t *testing.T) {
	tests := []struct {
		name   string
		break_ func(d *Document)
	}{
		{"no root", func(d *Document) { delete(d.Nodes, docID) }},
		{"orphan", func(d *Document) { delete(d.Nodes, "g1") }},
		{"cycle", func(d *Document) {
			g := d.Nodes["g1"].clone()
			g.Parent, g.List = "a1", "actions"
			d.Nodes["g1"] = g
		}},
		{"wrong list", func(d *Document) { d.Nodes["a2"].List = "indicators" }},
		{"bad pos", func(d *Document) { d.Nodes["a2"].Pos = "" }},
		{"second root", func(d *Document) {
			d.Nodes["r2"] = &Node{ID: "r2", Type: ActionPlan, Parent: docID, List: "goals", Pos: "a0"}
		}},
		{"key is not the id", func(d *Document) { d.Nodes["zz"] = d.Nodes["g2"] }},
		{"progress 120", func(d *Document) { d.Nodes["a1"].Fields.Progress = ptr(120) }},
		{"end before start", func(d *Document) { d.Nodes["a1"].Fields.End = "2025-01-01" }},
		{"field of another type", func(d *Document) { d.Nodes["g1"].Fields.Status = ActionDone }},
		{"empty text", func(d *Document) { d.Nodes["g1"].Text["description"] = "" }},
		{"unknown status", func(d *Document) { d.Status = "archived" }},
		{"followed-up strategy", func(d *Document) { d.Kind, d.Nodes[docID].Type, d.Status = Strategy, Strategy, StatusFollowedUp }},
	}
	if err := Validate(testPlan()); err != nil {
		t.Fatalf("the test plan is invalid: %v", err)
	}
	for _, tc := range tests {
		d := testPlan()
		tc.break_(d)
		if err := Validate(d); err == nil {
			t.Errorf("%s: Validate found nothing", tc.name)
		}
	}
}
