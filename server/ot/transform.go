package ot

import "fmt"

// cursor walks the components of an operation, holding what is left of the current one.
type cursor struct {
	ops []Op
	i   int
	cur Op // Kind 0 once the operation is exhausted
}

func newCursor(ops []Op) cursor {
	c := cursor{ops: ops}
	c.next()
	return c
}

func (c *cursor) next() {
	if c.i < len(c.ops) {
		c.cur = c.ops[c.i]
		c.i++
	} else {
		c.cur = Op{}
	}
}

// Compose returns the operation with the effect of a followed by b:
// Apply(S, Compose(a, b)) == b.Apply(a.Apply(S)). a's target length must be b's base length
// (ErrBaseLength). It fails with ErrSurrogateSplit if b cuts text inserted by a inside a
// surrogate pair.
func Compose(a, b Operation) (Operation, error) {
	if a.target != b.base {
		return Operation{}, fmt.Errorf("%w: compose: first target length %d, second base length %d", ErrBaseLength, a.target, b.base)
	}
	var out Operation
	out.ops = make([]Op, 0, len(a.ops)+len(b.ops))
	c1, c2 := newCursor(a.ops), newCursor(b.ops)
	for {
		op1, op2 := &c1.cur, &c2.cur
		if op1.Kind == 0 && op2.Kind == 0 {
			return out, nil
		}
		if op1.Kind == KindDelete {
			out.del(op1.N)
			c1.next()
			continue
		}
		if op2.Kind == KindInsert {
			out.insert(op2.Text, op2.N)
			c2.next()
			continue
		}
		if op1.Kind == 0 || op2.Kind == 0 {
			// Unreachable when the lengths match; kept so that no input can loop or panic.
			return Operation{}, fmt.Errorf("%w: compose: operations of inconsistent length", ErrBaseLength)
		}
		m := min(op1.N, op2.N)
		switch {
		case op1.Kind == KindRetain && op2.Kind == KindRetain:
			out.retain(m)
		case op1.Kind == KindRetain && op2.Kind == KindDelete:
			out.del(m)
		case op1.Kind == KindInsert && op2.Kind == KindRetain:
			if op1.N > m {
				head, tail, err := splitText(op1.Text, m)
				if err != nil {
					return Operation{}, fmt.Errorf("%w: compose: the second operation retains part of an inserted surrogate pair", err)
				}
				out.insert(head, m)
				op1.Text = tail
			} else {
				out.insert(op1.Text, m)
			}
		case op1.Kind == KindInsert && op2.Kind == KindDelete:
			// The inserted text is deleted again: neither appears in the result.
			if op1.N > m {
				_, tail, err := splitText(op1.Text, m)
				if err != nil {
					return Operation{}, fmt.Errorf("%w: compose: the second operation deletes part of an inserted surrogate pair", err)
				}
				op1.Text = tail
			}
		}
		op1.N -= m
		op2.N -= m
		if op1.N == 0 {
			c1.next()
		}
		if op2.N == 0 {
			c2.next()
		}
	}
}

// Transform takes operations a and b made concurrently on the same document S and returns
// a' and b' such that b'.Apply(a.Apply(S)) == a'.Apply(b.Apply(S)). When both insert at the
// same position, a's text comes first. Both must have the same base length (ErrBaseLength).
func Transform(a, b Operation) (aPrime, bPrime Operation, err error) {
	if a.base != b.base {
		return Operation{}, Operation{}, fmt.Errorf("%w: transform: base lengths %d and %d", ErrBaseLength, a.base, b.base)
	}
	aPrime.ops = make([]Op, 0, len(a.ops)+len(b.ops))
	bPrime.ops = make([]Op, 0, len(a.ops)+len(b.ops))
	c1, c2 := newCursor(a.ops), newCursor(b.ops)
	for {
		op1, op2 := &c1.cur, &c2.cur
		if op1.Kind == 0 && op2.Kind == 0 {
			return aPrime, bPrime, nil
		}
		if op1.Kind == KindInsert {
			aPrime.insert(op1.Text, op1.N)
			bPrime.retain(op1.N)
			c1.next()
			continue
		}
		if op2.Kind == KindInsert {
			aPrime.retain(op2.N)
			bPrime.insert(op2.Text, op2.N)
			c2.next()
			continue
		}
		if op1.Kind == 0 || op2.Kind == 0 {
			// Unreachable when the base lengths match.
			return Operation{}, Operation{}, fmt.Errorf("%w: transform: operations of inconsistent length", ErrBaseLength)
		}
		m := min(op1.N, op2.N)
		switch {
		case op1.Kind == KindRetain && op2.Kind == KindRetain:
			aPrime.retain(m)
			bPrime.retain(m)
		case op1.Kind == KindDelete && op2.Kind == KindRetain:
			aPrime.del(m)
		case op1.Kind == KindRetain && op2.Kind == KindDelete:
			bPrime.del(m)
			// delete/delete: both removed the same text; neither prime repeats it.
		}
		op1.N -= m
		op2.N -= m
		if op1.N == 0 {
			c1.next()
		}
		if op2.N == 0 {
			c2.next()
		}
	}
}

// TransformOver transforms op, made on an older revision, over the operations accepted
// since (oldest first), as the server does before applying a client's operation. op keeps
// priority on ties at every step, matching the transform the client does on its side.
func TransformOver(op Operation, concurrent []Operation) (Operation, error) {
	for _, c := range concurrent {
		var err error
		if op, _, err = Transform(op, c); err != nil {
			return Operation{}, err
		}
	}
	return op, nil
}
