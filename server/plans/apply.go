package plans

import (
	"errors"
	"slices"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/ot"
)

// errConflict marks an error that a concurrent change can cause in an operation that was
// valid where its author made it (a move into what became its own subtree, an end date now
// before a start date, a text now too long). Accept drops such operations of a transformed
// change instead of refusing the change.
var errConflict = errors.New("plans: conflicts with a concurrent change")

func conflict(e *apperr.Error) *apperr.Error {
	e.Err = errConflict
	return e
}

func isConflict(err error) bool { return errors.Is(err, errConflict) }

// Apply validates op against the document and applies it. It returns the operation as
// applied (a delete gets Removed; an insert's node normalised). On error the document is
// unchanged. refs may be nil (ids are then checked for shape only).
func (d *Document) Apply(op Op, refs Refs) (Op, error) {
	switch op.T {
	case OpText:
		return d.applyText(op)
	case OpSet:
		return d.applySet(op, refs)
	case OpInsert:
		a, err := d.applyInsert(op, refs)
		if isConflict(err) {
			// A new node's own values cannot conflict with anything concurrent: it is the
			// author's mistake, not a race.
			e := apperr.From(err)
			return Op{}, &apperr.Error{Code: e.Code, Field: e.Field, Message: e.Message}
		}
		return a, err
	case OpMove:
		return d.applyMove(op)
	case OpDelete:
		return d.applyDelete(op)
	}
	return Op{}, apperr.Invalid("t", "unknown operation %q", op.T)
}

// node finds the node an operation is about.
func (d *Document) node(id string) (*Node, error) {
	n, ok := d.Nodes[id]
	if !ok {
		return nil, apperr.New(apperr.NotFound, "no node %q in the document", id)
	}
	return n, nil
}

func (d *Document) applyText(op Op) (Op, error) {
	n, err := d.node(op.Node)
	if err != nil {
		return Op{}, err
	}
	max, ok := schemas[n.Type].text[op.Field]
	if !ok {
		return Op{}, apperr.Invalid("field", "a %s has no text field %q", n.Type, op.Field)
	}
	old := n.Text[op.Field]
	if op.Text.BaseLen() != ot.Len(old) {
		return Op{}, apperr.Invalid("op", "the text operation's base length %d is not the text's length %d", op.Text.BaseLen(), ot.Len(old))
	}
	if op.Text.TargetLen() > max {
		return Op{}, conflict(apperr.Invalid(op.Field, "%s is longer than %d characters", op.Field, max))
	}
	s, err := op.Text.Apply(old)
	if err != nil {
		return Op{}, apperr.Invalid("op", "the text operation does not fit the text: %v", err)
	}
	if err := checkTextValue(op.Field, s, max); err != nil {
		return Op{}, err
	}
	c := n.clone()
	if s == "" {
		delete(c.Text, op.Field)
		if len(c.Text) == 0 {
			c.Text = nil
		}
	} else {
		if c.Text == nil {
			c.Text = map[string]string{}
		}
		c.Text[op.Field] = s
	}
	d.Nodes[c.ID] = c
	return op, nil
}

func (d *Document) applySet(op Op, refs Refs) (Op, error) {
	n, err := d.node(op.Node)
	if err != nil {
		return Op{}, err
	}
	if !schemas[n.Type].fields[op.Field] {
		return Op{}, apperr.Invalid("field", "a %s has no field %q", n.Type, op.Field)
	}
	v, err := checkValue(op.Field, op.Value, refs)
	if err != nil {
		return Op{}, err
	}
	c := n.clone()
	setField(&c.Fields, op.Field, v)
	if err := checkDates(c.Fields); err != nil {
		return Op{}, err
	}
	d.Nodes[c.ID] = c
	op.Value = v
	return op, nil
}

func (d *Document) applyInsert(op Op, refs Refs) (Op, error) {
	if op.Insert == nil {
		return Op{}, apperr.Invalid("node", "an insert needs the node")
	}
	n := op.Insert.clone()
	if !ValidNodeID(n.ID) {
		return Op{}, apperr.Invalid("id", "%q is not a node id", n.ID)
	}
	if _, used := d.Nodes[n.ID]; used {
		return Op{}, apperr.Invalid("id", "the node id %q is in use", n.ID)
	}
	if len(d.Nodes) >= MaxNodes {
		return Op{}, apperr.Invalid("node", "a document has at most %d nodes", MaxNodes)
	}
	if _, ok := schemas[n.Type]; !ok || isRootType(n.Type) {
		return Op{}, apperr.Invalid("type", "%q is not a node type that can be inserted", n.Type)
	}
	parent, err := d.node(n.Parent)
	if err != nil {
		return Op{}, err
	}
	if !accepts(parent.Type, n.List, n.Type) {
		return Op{}, apperr.Invalid("list", "a %s has no list %q for a %s", parent.Type, n.List, n.Type)
	}
	if !ValidPos(n.Pos) {
		return Op{}, apperr.Invalid("pos", "%q is not a position", n.Pos)
	}
	if n.Text, err = checkText(n.Type, n.Text); err != nil {
		return Op{}, err
	}
	if n.Fields, err = checkFields(n.Type, n.Fields, refs); err != nil {
		return Op{}, err
	}
	d.Nodes[n.ID] = n
	op.Insert = n.clone()
	return op, nil
}

func (d *Document) applyMove(op Op) (Op, error) {
	n, err := d.node(op.Node)
	if err != nil {
		return Op{}, err
	}
	if n.ID == d.ID {
		return Op{}, apperr.Invalid("node", "the root cannot be moved")
	}
	parent, err := d.node(op.Parent)
	if err != nil {
		return Op{}, err
	}
	// The schema nests by type, so a list check alone would refuse a move into the node's own
	// subtree too; checking the cycle first names the actual problem.
	if d.isAncestor(n.ID, parent.ID) {
		return Op{}, conflict(apperr.Invalid("parent", "a node cannot move into its own subtree"))
	}
	if !accepts(parent.Type, op.List, n.Type) {
		return Op{}, apperr.Invalid("list", "a %s has no list %q for a %s", parent.Type, op.List, n.Type)
	}
	if !ValidPos(op.Pos) {
		return Op{}, apperr.Invalid("pos", "%q is not a position", op.Pos)
	}
	c := n.clone()
	c.Parent, c.List, c.Pos = op.Parent, op.List, op.Pos
	d.Nodes[c.ID] = c
	return op, nil
}

func (d *Document) applyDelete(op Op) (Op, error) {
	n, err := d.node(op.Node)
	if err != nil {
		return Op{}, err
	}
	if n.ID == d.ID {
		return Op{}, apperr.Invalid("node", "the root cannot be deleted")
	}
	removed := d.subtree(n.ID)
	for _, id := range removed {
		delete(d.Nodes, id)
	}
	op.Removed = removed
	return op, nil
}

// isAncestor reports whether the node anc is id or above it. It stops after as many steps as
// there are nodes, so a broken document cannot make it loop.
func (d *Document) isAncestor(anc, id string) bool {
	for steps := 0; steps <= len(d.Nodes); steps++ {
		if id == anc {
			return true
		}
		n, ok := d.Nodes[id]
		if !ok || n.Parent == "" {
			return false
		}
		id = n.Parent
	}
	return true
}

// subtree lists id and every node below it: id first, then the rest sorted.
func (d *Document) subtree(id string) []string {
	children := map[string][]string{}
	for _, n := range d.Nodes {
		if n.Parent != "" {
			children[n.Parent] = append(children[n.Parent], n.ID)
		}
	}
	var below []string
	stack := []string{id}
	seen := map[string]bool{id: true}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, c := range children[cur] {
			if !seen[c] {
				seen[c] = true
				below = append(below, c)
				stack = append(stack, c)
			}
		}
	}
	slices.Sort(below)
	return append([]string{id}, below...)
}

// ApplyChange applies the operations of one change in order, all or nothing: on the first
// error the document is restored and the error returned.
func (d *Document) ApplyChange(ops []Op, refs Refs) ([]Op, error) {
	applied, _, err := d.applyAll(ops, refs, false)
	return applied, err
}

// Dropped says that an operation of a change was left out, and why.
type Dropped struct {
	Node   string // the node the operation was about
	Reason string // DroppedDeleted or DroppedConflict
}

// Reasons for dropping an operation.
const (
	// DroppedDeleted: the node (or its new parent) was deleted by a concurrent change.
	DroppedDeleted = "deleted"
	// DroppedConflict: the operation no longer fits after a concurrent change (a move into its
	// own subtree, an end date before the start date, a text over its maximum length). The
	// author's copy now differs from the server's: the client should resynchronise.
	DroppedConflict = "conflict"
)

// Accept is the server's handling of a client's change: ops were made on the revision the
// client was based on, since are the operations accepted after it, as Apply returned them,
// oldest first. Accept transforms ops over since (Transform), applies what is left, all or
// nothing, and returns the operations as applied (to store, then broadcast) and what was
// dropped (to tell the author). The caller assigns the revision number and times.
//
// An operation that fails only because of a concurrent change is dropped; any other invalid
// operation refuses the whole change with its error and leaves the document unchanged.
func (d *Document) Accept(ops, since []Op, refs Refs) (applied []Op, dropped []Dropped, err error) {
	if len(ops) > MaxOpsPerChange {
		return nil, nil, apperr.Invalid("ops", "a change has at most %d operations", MaxOpsPerChange)
	}
	kept, gone := TransformChange(ops, since)
	for _, id := range gone {
		dropped = append(dropped, Dropped{Node: id, Reason: DroppedDeleted})
	}
	applied, conflicts, err := d.applyAll(kept, refs, len(since) > 0)
	if err != nil {
		return nil, nil, err
	}
	for _, id := range conflicts {
		dropped = append(dropped, Dropped{Node: id, Reason: DroppedConflict})
	}
	return applied, dropped, nil
}

// applyAll applies ops in order, restoring the document on error. With dropConflicts, an
// operation failing with a conflict is skipped and its node reported.
func (d *Document) applyAll(ops []Op, refs Refs, dropConflicts bool) (applied []Op, conflicts []string, err error) {
	saved := map[string]*Node{} // node id -> the node before this change (nil: absent)
	remember := func(id string) {
		if _, ok := saved[id]; !ok {
			saved[id] = d.Nodes[id]
		}
	}
	blocked := map[[2]string]bool{} // node and field of a dropped text operation
	for _, op := range ops {
		if dropConflicts && op.T == OpText && blocked[[2]string{op.Node, op.Field}] {
			// Based on the dropped operation's result: it cannot apply either.
			conflicts = appendOnce(conflicts, op.Node)
			continue
		}
		switch op.T {
		case OpDelete:
			if _, ok := d.Nodes[op.Node]; ok && op.Node != d.ID {
				for _, id := range d.subtree(op.Node) {
					remember(id)
				}
			}
		default:
			remember(op.Target())
		}
		a, err := d.Apply(op, refs)
		if err != nil {
			if dropConflicts && isConflict(err) {
				conflicts = appendOnce(conflicts, op.Target())
				if op.T == OpText {
					blocked[[2]string{op.Node, op.Field}] = true
				}
				continue
			}
			for id, n := range saved {
				if n == nil {
					delete(d.Nodes, id)
				} else {
					d.Nodes[id] = n
				}
			}
			return nil, nil, err
		}
		applied = append(applied, a)
	}
	return applied, conflicts, nil
}

func appendOnce(ids []string, id string) []string {
	if slices.Contains(ids, id) {
		return ids
	}
	return append(ids, id)
}
