package plans

import (
	"reflect"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/ot"
)

// Diff returns the operations that turn from's content into to's, for restoring a past
// revision as new operations (history is never rewritten). Nodes keep their ids: a node of to
// that from lacks is inserted with its id, a node of from that to lacks is deleted. The order
// keeps every step valid: inserts parent first, then moves by depth in to (so no node moves
// into its own subtree), then texts and fields, then deletes of subtrees.
func Diff(from, to *Document) []Op {
	depth := func(d *Document, n *Node) int {
		k := 0
		for n != nil && n.Parent != "" {
			n, k = d.Nodes[n.Parent], k+1
		}
		return k
	}
	var inserts, moves []*Node
	for id, n := range to.Nodes {
		if n.Parent == "" {
			continue
		}
		old, ok := from.Nodes[id]
		switch {
		case !ok:
			inserts = append(inserts, n)
		case old.Parent != n.Parent || old.List != n.List || old.Pos != n.Pos:
			moves = append(moves, n)
		}
	}
	byDepth := func(ns []*Node) {
		sort.Slice(ns, func(i, j int) bool {
			di, dj := depth(to, ns[i]), depth(to, ns[j])
			if di != dj {
				return di < dj
			}
			return ns[i].ID < ns[j].ID
		})
	}
	byDepth(inserts)
	byDepth(moves)

	var ops []Op
	for _, n := range inserts {
		ops = append(ops, Op{T: OpInsert, Insert: n.clone()})
	}
	for _, n := range moves {
		ops = append(ops, Op{T: OpMove, Node: n.ID, Parent: n.Parent, List: n.List, Pos: n.Pos})
	}
	ids := make([]string, 0, len(to.Nodes))
	for id := range to.Nodes {
		if _, ok := from.Nodes[id]; ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		old, n := from.Nodes[id], to.Nodes[id]
		ops = append(ops, textDiffs(old, n)...)
		ops = append(ops, fieldDiffs(old, n)...)
	}
	var deletes []string
	for id, n := range from.Nodes {
		if _, kept := to.Nodes[id]; kept || n.Parent == "" {
			continue
		}
		if _, parentGoes := to.Nodes[n.Parent]; !parentGoes && from.Nodes[n.Parent] != nil {
			continue // deleted with its parent's subtree
		}
		deletes = append(deletes, id)
	}
	sort.Strings(deletes)
	for _, id := range deletes {
		ops = append(ops, Op{T: OpDelete, Node: id})
	}
	return ops
}

// textDiffs replaces each changed text of a node by one operation: keep the common start and
// end, replace the middle.
func textDiffs(old, n *Node) []Op {
	var names []string
	for f := range n.Text {
		names = append(names, f)
	}
	for f := range old.Text {
		if _, ok := n.Text[f]; !ok {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	var ops []Op
	for _, f := range names {
		a, b := old.Text[f], n.Text[f]
		if a == b {
			continue
		}
		ops = append(ops, Op{T: OpText, Node: n.ID, Field: f, Text: replaceMiddle(a, b)})
	}
	return ops
}

// replaceMiddle is the text operation from a to b that keeps their common prefix and suffix
// (whole runes, counted in UTF-16 units as operations are).
func replaceMiddle(a, b string) ot.Operation {
	p := 0
	for p < len(a) && p < len(b) {
		ra, na := utf8.DecodeRuneInString(a[p:])
		rb, _ := utf8.DecodeRuneInString(b[p:])
		if ra != rb {
			break
		}
		p += na
	}
	s := 0
	for s < len(a)-p && s < len(b)-p {
		ra, na := utf8.DecodeLastRuneInString(a[:len(a)-s])
		rb, _ := utf8.DecodeLastRuneInString(b[:len(b)-s])
		if ra != rb {
			break
		}
		s += na
	}
	var bld ot.Builder
	bld.Retain(ot.Len(a[:p])).Delete(ot.Len(a[p : len(a)-s])).Insert(b[p : len(b)-s]).Retain(ot.Len(a[len(a)-s:]))
	op, err := bld.Operation()
	if err != nil {
		panic(err) // lengths computed from the texts themselves
	}
	return op
}

// fieldDiffs sets each changed field. When the dates change, the end is cleared first, so no
// step has an end before its start.
func fieldDiffs(old, n *Node) []Op {
	var ops []Op
	set := func(f string, v any) { ops = append(ops, Op{T: OpSet, Node: n.ID, Field: f, Value: v}) }
	differs := func(f string) bool { return !reflect.DeepEqual(getField(&old.Fields, f), getField(&n.Fields, f)) }
	clearedEnd := differs("start") && getField(&old.Fields, "end") != nil
	if clearedEnd {
		set("end", nil)
	}
	for _, f := range allFields {
		if differs(f) || (f == "end" && clearedEnd && getField(&n.Fields, "end") != nil) {
			set(f, getField(&n.Fields, f))
		}
	}
	return ops
}

// Span is a run of a text written by one person: N UTF-16 units by By ("" for text that was
// there when the document was created, e.g. copied from the previous period).
type Span struct {
	By string `json:"by"`
	N  int    `json:"n"`
}

// Setter is who last set a scalar field, and when.
type Setter struct {
	By string    `json:"by"`
	At time.Time `json:"at"`
}

// Authorship follows who wrote what through a document's changes: for every text, the author of
// each character; for every field, who set it last.
type Authorship struct {
	Texts  map[string]map[string][]Span `json:"texts"`  // node -> field -> spans covering the text
	Fields map[string]map[string]Setter `json:"fields"` // node -> field -> last setter
	nodes  map[string]bool
}

// NewAuthorship starts from a document as created: its texts belong to nobody.
func NewAuthorship(origin *Document) *Authorship {
	a := &Authorship{Texts: map[string]map[string][]Span{}, Fields: map[string]map[string]Setter{}, nodes: map[string]bool{}}
	for id, n := range origin.Nodes {
		a.nodes[id] = true
		for f, s := range n.Text {
			a.setText(id, f, []Span{{By: "", N: ot.Len(s)}})
		}
	}
	return a
}

func (a *Authorship) setText(node, field string, spans []Span) {
	if a.Texts[node] == nil {
		a.Texts[node] = map[string][]Span{}
	}
	if len(spans) == 0 {
		delete(a.Texts[node], field)
		return
	}
	a.Texts[node][field] = spans
}

// Apply follows one accepted change (operations as applied) by by at at.
func (a *Authorship) Apply(by string, at time.Time, ops []Op) {
	for _, op := range ops {
		switch op.T {
		case OpText:
			a.setText(op.Node, op.Field, applySpans(a.Texts[op.Node][op.Field], op.Text, by))
		case OpSet:
			if a.Fields[op.Node] == nil {
				a.Fields[op.Node] = map[string]Setter{}
			}
			a.Fields[op.Node][op.Field] = Setter{By: by, At: at}
		case OpInsert:
			n := op.Insert
			a.nodes[n.ID] = true
			for f, s := range n.Text {
				a.setText(n.ID, f, []Span{{By: by, N: ot.Len(s)}})
			}
			for _, f := range fieldNames(&n.Fields) {
				if a.Fields[n.ID] == nil {
					a.Fields[n.ID] = map[string]Setter{}
				}
				a.Fields[n.ID][f] = Setter{By: by, At: at}
			}
		case OpDelete:
			for _, id := range append([]string{op.Node}, op.Removed...) {
				delete(a.nodes, id)
				delete(a.Texts, id)
				delete(a.Fields, id)
			}
		}
	}
}

// applySpans maps the authors of a text through a text operation: retained units keep theirs,
// inserted ones are by's, deleted ones go.
func applySpans(spans []Span, op ot.Operation, by string) []Span {
	var out []Span
	add := func(s Span) {
		if s.N == 0 {
			return
		}
		if k := len(out); k > 0 && out[k-1].By == s.By {
			out[k-1].N += s.N
			return
		}
		out = append(out, s)
	}
	i, used := 0, 0 // spans[i] has used units consumed
	take := func(n int, keep bool) {
		for n > 0 && i < len(spans) {
			m := min(n, spans[i].N-used)
			if keep {
				add(Span{By: spans[i].By, N: m})
			}
			n -= m
			used += m
			if used == spans[i].N {
				i, used = i+1, 0
			}
		}
		if n > 0 && keep { // spans shorter than the text (should not happen): unknown author
			add(Span{By: "", N: n})
		}
	}
	for _, c := range op.Ops() {
		switch c.Kind {
		case ot.KindRetain:
			take(c.N, true)
		case ot.KindDelete:
			take(c.N, false)
		case ot.KindInsert:
			add(Span{By: by, N: c.N})
		}
	}
	return out
}
