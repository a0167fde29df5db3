package ot

import (
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Sentinel errors. Functions wrap them with detail; test with errors.Is.
var (
	// ErrInvalid: a malformed operation (bad JSON form, zero or non-integer length, lone
	// surrogate or invalid UTF-8 in inserted text, a length above MaxLength).
	ErrInvalid = errors.New("ot: invalid operation")
	// ErrBaseLength: an operation does not fit its input: Apply or Invert on a document whose
	// UTF-16 length is not the base length, Compose(a, b) with a's target length not b's base
	// length, Transform of operations with different base lengths.
	ErrBaseLength = errors.New("ot: base length mismatch")
	// ErrSurrogateSplit: a retain or delete boundary falls between the two UTF-16 units of a
	// surrogate pair (in the document, or in text inserted by the first operation of a
	// composition).
	ErrSurrogateSplit = errors.New("ot: operation splits a surrogate pair")
	// ErrInvalidDocument: the document given to Apply or Invert is not valid UTF-8.
	ErrInvalidDocument = errors.New("ot: document is not valid UTF-8")
	// ErrRevision: a Client received a server message out of revision order.
	ErrRevision = errors.New("ot: unexpected revision")
)

// MaxLength bounds the base and target lengths of an operation, in UTF-16 units. It keeps
// every length an exact integer in JavaScript and in a 32-bit int.
const MaxLength = 1 << 30

// Kind is the kind of an operation component.
type Kind uint8

// The component kinds.
const (
	KindRetain Kind = iota + 1
	KindInsert
	KindDelete
)

func (k Kind) String() string {
	switch k {
	case KindRetain:
		return "retain"
	case KindInsert:
		return "insert"
	case KindDelete:
		return "delete"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Op is one component of an Operation.
type Op struct {
	Kind Kind
	// N is the length in UTF-16 units: units retained or deleted, or the length of Text.
	N int
	// Text is the inserted text (KindInsert only).
	Text string
}

// Operation is a normalised text operation. The zero value is the empty operation (base and
// target length 0). Operations are immutable values: every function returns a new one.
type Operation struct {
	ops    []Op
	base   int
	target int
}

// BaseLen is the UTF-16 length of the documents the operation applies to.
func (o Operation) BaseLen() int { return o.base }

// TargetLen is the UTF-16 length of the document that applying the operation produces.
func (o Operation) TargetLen() int { return o.target }

// Ops returns a copy of the components.
func (o Operation) Ops() []Op {
	out := make([]Op, len(o.ops))
	copy(out, o.ops)
	return out
}

// IsNoop reports whether applying the operation leaves every document unchanged.
func (o Operation) IsNoop() bool {
	return len(o.ops) == 0 || (len(o.ops) == 1 && o.ops[0].Kind == KindRetain)
}

// Equal reports whether two operations have the same components.
func (o Operation) Equal(p Operation) bool {
	if o.base != p.base || o.target != p.target || len(o.ops) != len(p.ops) {
		return false
	}
	for i := range o.ops {
		if o.ops[i] != p.ops[i] {
			return false
		}
	}
	return true
}

// String renders the operation in its JSON form, for messages and test output.
func (o Operation) String() string {
	b, _ := o.MarshalJSON()
	return string(b)
}

// retain, insert and del append a component, keeping the operation normalised as ot.js's
// builder methods do. They trust their arguments (n >= 0, units == utf16Len(s)).
func (o *Operation) retain(n int) {
	if n == 0 {
		return
	}
	o.base += n
	o.target += n
	if l := len(o.ops); l > 0 && o.ops[l-1].Kind == KindRetain {
		o.ops[l-1].N += n
		return
	}
	o.ops = append(o.ops, Op{Kind: KindRetain, N: n})
}

func (o *Operation) insert(s string, units int) {
	if units == 0 {
		return
	}
	o.target += units
	l := len(o.ops)
	switch {
	case l > 0 && o.ops[l-1].Kind == KindInsert:
		o.ops[l-1].Text += s
		o.ops[l-1].N += units
	case l > 0 && o.ops[l-1].Kind == KindDelete:
		// An insert next to a delete goes before it (ot.js does the same), so that
		// operations with the same effect compare equal.
		if l > 1 && o.ops[l-2].Kind == KindInsert {
			o.ops[l-2].Text += s
			o.ops[l-2].N += units
		} else {
			del := o.ops[l-1]
			o.ops[l-1] = Op{Kind: KindInsert, N: units, Text: s}
			o.ops = append(o.ops, del)
		}
	default:
		o.ops = append(o.ops, Op{Kind: KindInsert, N: units, Text: s})
	}
}

func (o *Operation) del(n int) {
	if n == 0 {
		return
	}
	o.base += n
	if l := len(o.ops); l > 0 && o.ops[l-1].Kind == KindDelete {
		o.ops[l-1].N += n
		return
	}
	o.ops = append(o.ops, Op{Kind: KindDelete, N: n})
}

// Builder builds an Operation component by component. The first invalid call (a negative
// length, invalid UTF-8) is remembered and returned by Operation; later calls are ignored.
//
//	var b ot.Builder
//	op, err := b.Retain(4).Insert("ä").Delete(2).Retain(10).Operation()
type Builder struct {
	op  Operation
	err error
}

// Retain skips n UTF-16 units. Retain(0) does nothing.
func (b *Builder) Retain(n int) *Builder {
	if b.err == nil {
		if n < 0 || n > MaxLength {
			b.err = fmt.Errorf("%w: retain %d", ErrInvalid, n)
		} else {
			b.op.retain(n)
		}
	}
	return b
}

// Insert inserts s, which must be valid UTF-8. Insert("") does nothing.
func (b *Builder) Insert(s string) *Builder {
	if b.err == nil {
		if !utf8.ValidString(s) {
			b.err = fmt.Errorf("%w: insert text is not valid UTF-8", ErrInvalid)
		} else {
			b.op.insert(s, utf16Len(s))
		}
	}
	return b
}

// Delete removes the next n UTF-16 units. Delete(0) does nothing.
func (b *Builder) Delete(n int) *Builder {
	if b.err == nil {
		if n < 0 || n > MaxLength {
			b.err = fmt.Errorf("%w: delete %d", ErrInvalid, n)
		} else {
			b.op.del(n)
		}
	}
	return b
}

// Operation returns the operation built so far, or the first error.
func (b *Builder) Operation() (Operation, error) {
	if b.err != nil {
		return Operation{}, b.err
	}
	if b.op.base > MaxLength || b.op.target > MaxLength {
		return Operation{}, fmt.Errorf("%w: longer than %d units", ErrInvalid, MaxLength)
	}
	return Operation{ops: b.op.Ops(), base: b.op.base, target: b.op.target}, nil
}

// utf16Len is the number of UTF-16 code units of a valid UTF-8 string: one per code point,
// two for code points above U+FFFF (four-byte sequences).
func utf16Len(s string) int {
	n := 0
	i := 0
	for ; i+8 <= len(s); i += 8 { // eight ASCII bytes at a time
		if asciiWord(s, i) {
			n += 8
			continue
		}
		for _, c := range []byte(s[i : i+8]) {
			if c < 0x80 || c >= 0xC0 {
				n++
				if c >= 0xF0 {
					n++
				}
			}
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c < 0x80 || c >= 0xC0 {
			n++
			if c >= 0xF0 {
				n++
			}
		}
	}
	return n
}

// advance moves the byte offset pos of the valid UTF-8 string s forward by n UTF-16 units.
// It fails with ErrSurrogateSplit when the boundary falls inside a surrogate pair and with
// ErrBaseLength when s ends first.
func advance(s string, pos, n int) (int, error) {
	for n > 0 {
		if n >= 8 && pos+8 <= len(s) && asciiWord(s, pos) {
			pos += 8
			n -= 8
			continue
		}
		if pos >= len(s) {
			return pos, ErrBaseLength
		}
		c := s[pos]
		switch {
		case c < 0x80:
			pos++
			n--
		case c < 0xE0:
			pos += 2
			n--
		case c < 0xF0:
			pos += 3
			n--
		default:
			if n == 1 {
				return pos, ErrSurrogateSplit
			}
			pos += 4
			n -= 2
		}
	}
	return pos, nil
}

// splitText cuts the valid UTF-8 string s after n UTF-16 units.
func splitText(s string, n int) (string, string, error) {
	i, err := advance(s, 0, n)
	if err != nil {
		return "", "", err
	}
	return s[:i], s[i:], nil
}

// asciiWord reports whether the eight bytes of s at i are all ASCII.
func asciiWord(s string, i int) bool {
	w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
	return w&0x8080808080808080 == 0
}

// Len is the length of s in UTF-16 code units, as a browser's String.length counts it: the unit
// of every position and length in an operation.
func Len(s string) int { return utf16Len(s) }
