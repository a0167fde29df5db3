package plans

import (
	"fmt"
	"reflect"
	"sort"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// Metadata limits.
const (
	maxDocTitle = 300
	maxPeriod   = 40
)

// firstPos is the position of the first item of a new list (a fractional-indexing key).
const firstPos = "a0"

// NewDocument makes an empty document of a kind, in draft, with a root and a starting
// structure the editor shows with placeholders: an action plan gets one goal with one action,
// a strategy or situation description one section. The caller sets CreatedAt and UpdatedAt.
func NewDocument(kind, workspaceID, title, period string) (*Document, error) {
	if !ValidKind(kind) {
		return nil, apperr.Invalid("kind", "unknown document kind %q", kind)
	}
	if !record.Valid(workspaceID) {
		return nil, apperr.New(apperr.InvalidID, "invalid workspace id")
	}
	title, err := record.Text("title", title, 1, maxDocTitle)
	if err != nil {
		return nil, err
	}
	period, err = record.Text("period", period, 0, maxPeriod)
	if err != nil {
		return nil, err
	}
	d := &Document{ID: record.New(), WorkspaceID: workspaceID, Kind: kind, Title: title,
		Period: period, Status: StatusDraft, Nodes: map[string]*Node{}}
	d.Nodes[d.ID] = &Node{ID: d.ID, Type: kind}
	add := func(parent, list, typ string) string {
		n := &Node{ID: record.New(), Type: typ, Parent: parent, List: list, Pos: firstPos}
		d.Nodes[n.ID] = n
		return n.ID
	}
	switch kind {
	case ActionPlan:
		goal := add(d.ID, "goals", TypeGoal)
		add(goal, "actions", TypeAction)
	case Strategy, Situation:
		add(d.ID, "sections", TypeSection)
	}
	return d, nil
}

// CopyForNextPeriod starts the next period's document from this one ("copy from last
// period"): the same structure and texts with fresh ids, in draft, at revision 0. What belongs
// to the old period is reset: follow-up entries are left out; actions lose their status (back
// to planned), progress and dates; indicators lose their recorded values, and the last value
// recorded (if any) becomes the new baseline. The caller sets CreatedAt and UpdatedAt.
func CopyForNextPeriod(doc *Document, newPeriod string) (*Document, error) {
	newPeriod, err := record.Text("period", newPeriod, 0, maxPeriod)
	if err != nil {
		return nil, err
	}
	c := &Document{ID: record.New(), WorkspaceID: doc.WorkspaceID, Kind: doc.Kind, Title: doc.Title,
		Period: newPeriod, Status: StatusDraft, Nodes: make(map[string]*Node, len(doc.Nodes))}
	ids := map[string]string{doc.ID: c.ID}
	for id := range doc.Nodes {
		if id != doc.ID {
			ids[id] = record.New()
		}
	}
	for id, n := range doc.Nodes {
		if n.Type == TypeFollowup || hasFollowupAbove(doc, n) {
			continue
		}
		m := n.clone()
		m.ID = ids[id]
		if n.Parent != "" {
			m.Parent = ids[n.Parent]
		}
		switch n.Type {
		case TypeAction:
			m.Fields.Status = ActionPlanned
			m.Fields.Progress, m.Fields.Start, m.Fields.End = nil, "", ""
		case TypeIndicator:
			if l := len(n.Fields.Values); l > 0 {
				v := n.Fields.Values[l-1].Value
				for _, iv := range n.Fields.Values {
					if iv.Date >= n.Fields.Values[l-1].Date {
						v = iv.Value // the latest by date; the last one at a tie
					}
				}
				m.Fields.Baseline = &v
			}
			m.Fields.Values = nil
		}
		c.Nodes[m.ID] = m
	}
	return c, nil
}

// hasFollowupAbove reports whether n sits under a follow-up entry (none does by the schema;
// kept so that a copy never holds an orphan).
func hasFollowupAbove(doc *Document, n *Node) bool {
	for steps := 0; n != nil && n.Parent != "" && steps <= len(doc.Nodes); steps++ {
		n = doc.Nodes[n.Parent]
		if n != nil && n.Type == TypeFollowup {
			return true
		}
	}
	return false
}

// OutlineItem is a node with its lists, in display order.
type OutlineItem struct {
	Node  *Node
	Lists []OutlineList
}

// OutlineList is one named list of a node's children, ordered by (pos, id).
type OutlineList struct {
	Name  string
	Items []OutlineItem
}

// Outline returns the document as an ordered tree from the root, for display and export.
// Every list of the schema appears, empty or not, in the schema's order.
func Outline(doc *Document) OutlineItem {
	children := map[string]map[string][]*Node{} // parent -> list -> nodes
	for _, n := range doc.Nodes {
		if n.Parent == "" {
			continue
		}
		if children[n.Parent] == nil {
			children[n.Parent] = map[string][]*Node{}
		}
		children[n.Parent][n.List] = append(children[n.Parent][n.List], n)
	}
	var build func(n *Node, depth int) OutlineItem
	build = func(n *Node, depth int) OutlineItem {
		item := OutlineItem{Node: n}
		if depth > len(doc.Nodes) {
			return item // only a broken (cyclic) document gets here
		}
		for _, name := range schemas[n.Type].order {
			kids := children[n.ID][name]
			sort.Slice(kids, func(i, j int) bool {
				if kids[i].Pos != kids[j].Pos {
					return kids[i].Pos < kids[j].Pos
				}
				return kids[i].ID < kids[j].ID
			})
			list := OutlineList{Name: name, Items: make([]OutlineItem, 0, len(kids))}
			for _, k := range kids {
				list.Items = append(list.Items, build(k, depth+1))
			}
			item.Lists = append(item.Lists, list)
		}
		return item
	}
	root := doc.Root()
	if root == nil {
		return OutlineItem{}
	}
	return build(root, 0)
}

// Validate checks every invariant of a document: metadata, one root with the document's id
// and kind, every other node under an existing parent in a list that accepts its type, no
// cycles, valid ids and positions, and valid text and fields for each type. References to
// reference data are checked for shape only: they may have been archived since they were set.
func Validate(doc *Document) error {
	bad := func(format string, args ...any) error {
		return apperr.New(apperr.Internal, "invalid document %s: %s", doc.ID, fmt.Sprintf(format, args...))
	}
	if !ValidKind(doc.Kind) {
		return bad("unknown kind %q", doc.Kind)
	}
	if !validStatus(doc.Kind, doc.Status) {
		return bad("status %q for a %s", doc.Status, doc.Kind)
	}
	if len(doc.Nodes) > MaxNodes {
		return bad("%d nodes", len(doc.Nodes))
	}
	root := doc.Root()
	if root == nil || root.Type != doc.Kind || root.Parent != "" || root.List != "" || root.Pos != "" {
		return bad("no proper root")
	}
	for id, n := range doc.Nodes {
		if n == nil || n.ID != id {
			return bad("node %q is stored under another id", id)
		}
		if !ValidNodeID(id) {
			return bad("node id %q", id)
		}
		if _, ok := schemas[n.Type]; !ok {
			return bad("node %s has unknown type %q", id, n.Type)
		}
		if id != doc.ID {
			if isRootType(n.Type) {
				return bad("a second root %s", id)
			}
			p, ok := doc.Nodes[n.Parent]
			if !ok {
				return bad("node %s has no parent %q", id, n.Parent)
			}
			if !accepts(p.Type, n.List, n.Type) {
				return bad("node %s: a %s in list %q of a %s", id, n.Type, n.List, p.Type)
			}
			if !ValidPos(n.Pos) {
				return bad("node %s has position %q", id, n.Pos)
			}
			if doc.isAncestor(id, n.Parent) {
				return bad("node %s is in a cycle", id)
			}
		}
		text, err := checkText(n.Type, n.Text)
		if err != nil {
			return bad("node %s: %v", id, err)
		}
		if len(text) != len(n.Text) {
			return bad("node %s holds an empty text field", id)
		}
		fields, err := checkFields(n.Type, n.Fields, nil)
		if err != nil {
			return bad("node %s: %v", id, err)
		}
		if !fieldsEqual(fields, n.Fields) {
			return bad("node %s has fields that are not normalised", id)
		}
	}
	return nil
}

// fieldsEqual compares normalised fields (nil for empty lists, pointers by value).
func fieldsEqual(a, b Fields) bool { return reflect.DeepEqual(a, b) }
