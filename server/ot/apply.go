package ot

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Apply applies the operation to doc. The UTF-16 length of doc must be the operation's base
// length (ErrBaseLength otherwise), doc must be valid UTF-8 (ErrInvalidDocument), and no
// retain or delete may end inside a surrogate pair (ErrSurrogateSplit).
func (o Operation) Apply(doc string) (string, error) {
	if err := checkDoc(o, doc); err != nil {
		return "", err
	}
	size := len(doc)
	for _, op := range o.ops {
		if op.Kind == KindInsert {
			size += len(op.Text)
		}
	}
	var b strings.Builder
	b.Grow(size)
	pos := 0
	for _, op := range o.ops {
		switch op.Kind {
		case KindRetain:
			end, err := advance(doc, pos, op.N)
			if err != nil {
				return "", at(err, pos)
			}
			b.WriteString(doc[pos:end])
			pos = end
		case KindInsert:
			b.WriteString(op.Text)
		case KindDelete:
			end, err := advance(doc, pos, op.N)
			if err != nil {
				return "", at(err, pos)
			}
			pos = end
		}
	}
	return b.String(), nil
}

// Invert returns the operation that undoes o: for the document doc that o was applied to,
// inv.Apply(o.Apply(doc)) == doc. It is what undo and "restore this revision" are built on.
func (o Operation) Invert(doc string) (Operation, error) {
	if err := checkDoc(o, doc); err != nil {
		return Operation{}, err
	}
	var inv Operation
	inv.ops = make([]Op, 0, len(o.ops))
	pos := 0
	for _, op := range o.ops {
		switch op.Kind {
		case KindRetain:
			end, err := advance(doc, pos, op.N)
			if err != nil {
				return Operation{}, at(err, pos)
			}
			inv.retain(op.N)
			pos = end
		case KindInsert:
			inv.del(op.N)
		case KindDelete:
			end, err := advance(doc, pos, op.N)
			if err != nil {
				return Operation{}, at(err, pos)
			}
			inv.insert(doc[pos:end], op.N)
			pos = end
		}
	}
	return inv, nil
}

func checkDoc(o Operation, doc string) error {
	if !utf8.ValidString(doc) {
		return ErrInvalidDocument
	}
	if n := utf16Len(doc); n != o.base {
		return fmt.Errorf("%w: operation base length %d, document length %d", ErrBaseLength, o.base, n)
	}
	return nil
}

func at(err error, bytePos int) error {
	return fmt.Errorf("%w (near byte %d of the document)", err, bytePos)
}
