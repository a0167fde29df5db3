package watching

import (
	"context"
	"slices"
	"testing"
)

type mem struct{ all []Choice }

func (m *mem) All(context.Context) ([]Choice, error) { return m.all, nil }
func (m *mem) Insert(_ context.Context, c Choice) error {
	m.all = append(m.all, c)
	return nil
}

func TestTheNewestChoiceWinsAndSurvivesALoad(t *testing.T) {
	ctx := context.Background()
	tbl := &mem{}
	s := New(tbl)
	for _, c := range []struct{ user, kind, target, level string }{
		{"u1", Thread, "t1", Watch}, {"u2", Thread, "t1", Watch}, {"u1", Thread, "t1", Mute}, {"u1", Forum, "f1", Watch}, {"u1", Forum, "f1", Watch},
	} {
		if err := s.Set(ctx, c.user, c.kind, c.target, c.level); err != nil {
			t.Fatal(err)
		}
	}
	if len(tbl.all) != 4 {
		t.Errorf("a choice that changes nothing was stored: %d", len(tbl.all))
	}
	if err := s.Set(ctx, "u1", Thread, "t1", "loud"); err == nil {
		t.Error("unknown level taken")
	}
	again := New(tbl)
	if err := again.Load(ctx); err != nil {
		t.Fatal(err)
	}
	for _, st := range []*Store{s, again} {
		if l, ok := st.Level("u1", Thread, "t1"); !ok || l != Mute {
			t.Errorf("u1 t1: %q %v", l, ok)
		}
		if _, ok := st.Level("u3", Thread, "t1"); ok {
			t.Error("u3 chose nothing")
		}
		if w := st.Watchers(Thread, "t1"); !slices.Equal(w, []string{"u2"}) {
			t.Errorf("watchers: %v", w)
		}
		if of := st.Of("u1"); len(of) != 2 || of[0].Kind != Forum || of[1].Level != Mute {
			t.Errorf("u1's choices: %+v", of)
		}
	}
}
