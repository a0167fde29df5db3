package public

import (
	"testing"

	"github.com/elo-workspace/elo-workspace/server/plans"
)

func num(x float64) *float64 { return &x }

func TestReachedTargetFollowsTheDirectionFromBaselineToTarget(t *testing.T) {
	for _, c := range []struct {
		name                    string
		baseline, target, value float64
		noBaseline, want        bool
	}{
		{name: "rising, reached", baseline: 10, target: 20, value: 20, want: true},
		{name: "rising, beyond", baseline: 10, target: 20, value: 25, want: true},
		{name: "rising, short", baseline: 10, target: 20, value: 19, want: false},
		{name: "falling (waiting time down), reached", baseline: 30, target: 14, value: 12, want: true},
		{name: "falling, short", baseline: 30, target: 14, value: 15, want: false},
		{name: "no baseline counts from 0", noBaseline: true, target: 5, value: 5, want: true},
	} {
		in := Indicator{Target: num(c.target), Latest: &Value{Date: "2026-01-01", Value: c.value}}
		if !c.noBaseline {
			in.Baseline = num(c.baseline)
		}
		if got := reachedTarget(in); got != c.want {
			t.Errorf("%s: reached = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestFiguresSumActionsStatusesProgressAndIndicators(t *testing.T) {
	yes, no := true, false
	goals := []Goal{
		{Actions: []Action{
			{Status: plans.ActionDone}, // no figure: counts 100
			{Status: plans.ActionInProgress, Progress: num(40), Indicators: []Indicator{{Reached: &yes}, {Reached: &no}, {}}},
		}},
		{Actions: []Action{
			{Status: plans.ActionCancelled, Progress: num(90)}, // left out of the mean
			{Status: plans.ActionPlanned},                      // no figure: counts 0
		}},
	}
	f := figures(goals)
	if f.Goals != 2 || f.Actions != 4 || f.Statuses[plans.ActionDone] != 1 || f.Statuses[plans.ActionCancelled] != 1 {
		t.Errorf("counts %+v", f)
	}
	if f.Progress == nil || *f.Progress != (100+40+0)/3.0 {
		t.Errorf("progress %v, want the mean of 100, 40 and 0", f.Progress)
	}
	if f.Indicators != 3 || f.Measured != 2 || f.Reached != 1 {
		t.Errorf("indicators %d measured %d reached %d, want 3, 2, 1", f.Indicators, f.Measured, f.Reached)
	}
	if empty := figures(nil); empty.Progress != nil || empty.Statuses == nil {
		t.Errorf("no goals: %+v", empty)
	}
}
