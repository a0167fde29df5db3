package national

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"time"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
)

// plan is one document's contribution: what the national view reads of it. Built once per
// published state and never changed afterwards, so queries read it without locks.
type plan struct {
	id, workspaceID, kind, title, period, status string
	archived                                     bool
	updatedAt                                    time.Time
	goals                                        []goal
	lastFollowup                                 string // the newest follow-up date in the plan
	key                                          uint64 // fingerprint of what the aggregates read (not titles)
}

type goal struct {
	id, title                                string
	nationalGoals, qualityDimensions, themes []string
	actions                                  []action
	sum                                      Summary // the goal alone: what it adds to a cell, row or total
}

type action struct {
	id, title, status string
	progress          *float64
	start, end        string
	indicators        []indicator
	followups         []followup
}

type indicator struct {
	id, name, unit    string
	baseline, target  *float64
	latest            *plans.IndicatorValue
	measured, onTrack bool // judged when the plan is read: the rule depends on nothing else
}

type followup struct{ id, date, excerpt string }

// counted reports whether the plan takes part in the aggregates: a live action plan.
func (p *plan) counted() bool { return p.kind == plans.ActionPlan && !p.archived }

// excerptLen is how many characters of a follow-up entry the timeline shows.
const excerptLen = 240

// contribution reads a published document. Documents of every kind are kept (a group's last
// change counts whatever it changed); only action plans have goals.
func contribution(r documents.Record) *plan {
	p := &plan{id: r.ID, workspaceID: r.WorkspaceID, kind: r.Kind, title: r.Title, period: r.Period,
		status: r.Status, archived: r.Archived, updatedAt: r.UpdatedAt}
	if r.Kind == plans.ActionPlan && r.Nodes != nil {
		root := plans.Outline(&r.Document)
		for _, list := range root.Lists {
			if list.Name != "goals" {
				continue
			}
			for _, gi := range list.Items {
				g := readGoal(gi)
				p.goals = append(p.goals, g)
				p.lastFollowup = max(p.lastFollowup, g.sum.LastFollowup)
			}
		}
	}
	p.key = fingerprint(p)
	return p
}

func readGoal(gi plans.OutlineItem) goal {
	n := gi.Node
	g := goal{id: n.ID, title: n.Text["title"], nationalGoals: n.Fields.NationalGoals,
		qualityDimensions: n.Fields.QualityDimensions, themes: n.Fields.Themes}
	for _, list := range gi.Lists {
		if list.Name != "actions" {
			continue
		}
		for _, ai := range list.Items {
			g.actions = append(g.actions, readAction(ai))
		}
	}
	g.sum.Goals = 1
	for _, a := range g.actions {
		g.sum.addAction(a)
	}
	return g
}

func readAction(ai plans.OutlineItem) action {
	n := ai.Node
	a := action{id: n.ID, title: n.Text["title"], status: n.Fields.Status, progress: n.Fields.Progress,
		start: n.Fields.Start, end: n.Fields.End}
	if a.status == "" {
		a.status = plans.ActionPlanned
	}
	for _, list := range ai.Lists {
		for _, it := range list.Items {
			m := it.Node
			switch m.Type {
			case plans.TypeIndicator:
				in := indicator{id: m.ID, name: m.Text["name"], unit: m.Text["unit"], baseline: m.Fields.Baseline, target: m.Fields.Target}
				for i := range m.Fields.Values {
					v := m.Fields.Values[i]
					if in.latest == nil || v.Date >= in.latest.Date {
						in.latest = &v // the latest by date; the last one at a tie
					}
				}
				a.indicators = append(a.indicators, in)
			case plans.TypeFollowup:
				if m.Fields.Date != "" {
					a.followups = append(a.followups, followup{id: m.ID, date: m.Fields.Date, excerpt: excerpt(m.Text["body"])})
				}
			}
		}
	}
	if a.status != plans.ActionCancelled {
		for i := range a.indicators {
			a.indicators[i].measured, a.indicators[i].onTrack = judge(a.indicators[i], a)
		}
	}
	return a
}

func excerpt(s string) string {
	if utf8.RuneCountInString(s) <= excerptLen {
		return s
	}
	r := []rune(s)
	return string(r[:excerptLen-1]) + "…"
}

// fingerprint hashes what the aggregates read, so that typing in a title or a description
// changes no aggregate and sends no notice.
func fingerprint(p *plan) uint64 {
	h := fnv.New64a()
	str := func(s string) { h.Write([]byte(s)); h.Write([]byte{0}) }
	num := func(x *float64) {
		if x == nil {
			h.Write([]byte{0})
			return
		}
		var b [9]byte
		b[0] = 1
		binary.LittleEndian.PutUint64(b[1:], math.Float64bits(*x))
		h.Write(b[:])
	}
	strs := func(ss []string) {
		for _, s := range ss {
			str(s)
		}
		h.Write([]byte{1})
	}
	str(p.workspaceID)
	str(p.kind)
	str(p.period)
	str(p.status)
	if p.archived {
		str("archived")
	}
	// The last change shows on the groups list (days since), not to the second.
	str(p.updatedAt.UTC().Format(time.DateOnly))
	for _, g := range p.goals {
		str(g.id)
		strs(g.nationalGoals)
		strs(g.qualityDimensions)
		strs(g.themes)
		for _, a := range g.actions {
			str(a.id)
			str(a.status)
			num(a.progress)
			str(a.start)
			str(a.end)
			for _, in := range a.indicators {
				num(in.baseline)
				num(in.target)
				if in.latest != nil {
					str(in.latest.Date)
					num(&in.latest.Value)
				}
				h.Write([]byte{2})
			}
			for _, f := range a.followups {
				str(f.date)
			}
			h.Write([]byte{3})
		}
	}
	return h.Sum64()
}

// judge says whether an indicator of action a is measured (has a target and a value) and, if
// so, whether it is on track (see the package comment for the rule).
func judge(in indicator, a action) (measured, onTrack bool) {
	if in.target == nil || in.latest == nil {
		return false, false
	}
	b, t, v := 0.0, *in.target, in.latest.Value
	if in.baseline != nil {
		b = *in.baseline
	}
	want := expectedShare(a, in.latest.Date)
	if t == b {
		return true, v == t || want == 0
	}
	got := (v - b) / (t - b)
	return true, got >= want-1e-9
}

// expectedShare is the part of the way to the target an action should have covered on date:
// all of it when the action is done or has no period, else the elapsed part of its period.
func expectedShare(a action, date string) float64 {
	if a.status == plans.ActionDone {
		return 1
	}
	start, err1 := time.Parse(time.DateOnly, a.start)
	end, err2 := time.Parse(time.DateOnly, a.end)
	at, err3 := time.Parse(time.DateOnly, date)
	if err1 != nil || err2 != nil || err3 != nil {
		return 1
	}
	if !end.After(start) {
		if at.Before(end) {
			return 0
		}
		return 1
	}
	share := at.Sub(start).Hours() / end.Sub(start).Hours()
	return math.Max(0, math.Min(1, share))
}
