package plans

import (
	"math/rand"
	"testing"
	"time"
)

// Restoring any past revision by Diff, from any later one, gives that revision back, and the
// authorship of every text covers it exactly.
func TestDiffRestoresAnyEarlierRevision(t *testing.T) {
	for seed := int64(1); seed <= 40; seed++ {
		r := rand.New(rand.NewSource(seed))
		d := testPlan()
		origin := d.Clone()
		who := NewAuthorship(origin)
		revs := []*Document{d.Clone()}
		next := 0
		for step := 0; step < 60; step++ {
			op, ok := randomOp(r, d, &next)
			if !ok {
				continue
			}
			applied, err := d.Apply(op, fakeRefs{})
			if err != nil {
				continue
			}
			who.Apply([]string{"ann", "bob", "cid"}[step%3], time.Unix(int64(step), 0), []Op{applied})
			revs = append(revs, d.Clone())
		}
		for node, fields := range who.Texts {
			for f, spans := range fields {
				n := 0
				for _, s := range spans {
					n += s.N
				}
				if want := len([]rune(d.Nodes[node].Text[f])); n < want { // UTF-16 >= runes
					t.Fatalf("seed %d: authorship of %s.%s covers %d units of a %d-rune text", seed, node, f, n, want)
				}
			}
		}
		for i, past := range revs {
			now := d.Clone()
			ops := Diff(now, past)
			if _, err := now.ApplyChange(ops, fakeRefs{}); err != nil {
				t.Fatalf("seed %d: restoring revision %d: %v\nops %s", seed, i, err, opsJSON(ops))
			}
			if !equalDocs(now, past) {
				t.Fatalf("seed %d: restoring revision %d gave a different document", seed, i)
			}
			if again := Diff(now, past); len(again) != 0 {
				t.Fatalf("seed %d: identical documents differ by %s", seed, opsJSON(again))
			}
		}
	}
}

func TestApplySpans(t *testing.T) {
	a := NewAuthorship(&Document{ID: "d", Nodes: map[string]*Node{"d": {ID: "d", Type: ActionPlan}, "n": {ID: "n", Type: TypeGoal, Text: map[string]string{"title": "abcdef"}}}})
	a.Apply("ann", time.Time{}, []Op{{T: OpText, Node: "n", Field: "title", Text: replaceMiddle("abcdef", "abXYef")}})
	a.Apply("bob", time.Time{}, []Op{{T: OpText, Node: "n", Field: "title", Text: replaceMiddle("abXYef", "abXYef!")}})
	got := a.Texts["n"]["title"]
	want := []Span{{"", 2}, {"ann", 2}, {"", 2}, {"bob", 1}}
	if len(got) != len(want) {
		t.Fatalf("spans %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("spans %v, want %v", got, want)
		}
	}
}
