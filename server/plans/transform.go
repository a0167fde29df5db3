package plans

import "github.com/elo-workspace/elo-workspace/server/ot"

// Transform rewrites op, made concurrently with against, so that it applies after against.
// against is an operation the server already applied, as Apply returned it: a delete carries
// the ids of the subtree it removed (Removed), which is how deletions are known without the
// document. ok is false when op must be dropped:
//
//   - op is about a node against removed (a text, set, move or delete of it, an insert under
//     it, a move under it);
//
// otherwise op comes back transformed:
//
//   - text vs text on the same node and field: OT transform. op is the first argument of
//     ot.Transform, so at a tie (both insert at one place) op's text comes first. This is the
//     ot.js convention that server/ot's Client follows (a client transforms its pending
//     operation as the first argument against the server's), so server and clients agree;
//   - set vs set: unchanged (the later in server order wins);
//   - inserts and moves: unchanged (fractional positions never collide).
//
// A text operation whose base length does not fit against is returned unchanged; Apply then
// refuses it.
func Transform(op, against Op) (Op, bool) {
	gone := map[string]bool{}
	for _, id := range against.Removed {
		gone[id] = true
	}
	if droppedBy(op, gone) {
		return op, false
	}
	out, _ := transformPair(op, against)
	return out, true
}

// TransformChange transforms a client's change (ops, in order, made on one revision) over
// the operations accepted since that revision (since, in server order). It returns the
// operations to apply and the ids of the nodes whose operations were dropped, each once.
//
// Operations within the change depend on each other: a text operation after another on the
// same field is based on the first one's result, and a node inserted by the change may be
// the target of its later operations. So each accepted operation is itself transformed past
// the change's operations as they are processed (the standard list transform), and a node
// whose insert was dropped (its parent was deleted) counts as deleted for the rest.
func TransformChange(ops, since []Op) (kept []Op, dropped []string) {
	gone := map[string]bool{}
	for _, a := range since {
		for _, id := range a.Removed {
			gone[id] = true
		}
	}
	against := append([]Op(nil), since...)
	seen := map[string]bool{}
	for _, op := range ops {
		if droppedBy(op, gone) {
			if op.T == OpInsert && op.Insert != nil {
				gone[op.Insert.ID] = true
			}
			if id := op.Target(); !seen[id] {
				seen[id] = true
				dropped = append(dropped, id)
			}
			continue
		}
		for j := range against {
			op, against[j] = transformPair(op, against[j])
		}
		kept = append(kept, op)
	}
	return kept, dropped
}

// droppedBy reports whether op is about a node in gone (deleted concurrently): its target,
// the parent it is inserted under, the parent it moves under.
func droppedBy(op Op, gone map[string]bool) bool {
	switch op.T {
	case OpInsert:
		return op.Insert != nil && gone[op.Insert.Parent]
	case OpMove:
		return gone[op.Node] || gone[op.Parent]
	}
	return gone[op.Node]
}

// transformPair transforms op over a and a over op; only text operations on the same field
// interact.
func transformPair(op, a Op) (Op, Op) {
	if op.T == OpText && a.T == OpText && op.Node == a.Node && op.Field == a.Field {
		opT, aT, err := ot.Transform(op.Text, a.Text)
		if err != nil {
			return op, a // Apply refuses op for its base length
		}
		op.Text, a.Text = opT, aT
	}
	return op, a
}
