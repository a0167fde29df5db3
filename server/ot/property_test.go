package ot

import (
	"encoding/json"
	"errors"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf16"
)

const propertyRounds = 3000

func newRand(seed int64) chooser { return randChooser{rand.New(rand.NewSource(seed))} }

func mustApply(t testing.TB, op Operation, doc string) string {
	t.Helper()
	s, err := op.Apply(doc)
	if err != nil {
		t.Fatalf("apply %s to %q: %v", op, doc, err)
	}
	return s
}

// checkTP1 checks transform convergence for one document and pair of operations.
func checkTP1(t testing.TB, doc string, a, b Operation) {
	t.Helper()
	ap, bp, err := Transform(a, b)
	if err != nil {
		t.Fatalf("transform %s, %s: %v", a, b, err)
	}
	r1 := mustApply(t, bp, mustApply(t, a, doc))
	r2 := mustApply(t, ap, mustApply(t, b, doc))
	if r1 != r2 {
		t.Fatalf("doc %q a %s b %s: a then b' = %q, b then a' = %q", doc, a, b, r1, r2)
	}
	if ap.BaseLen() != b.TargetLen() || bp.BaseLen() != a.TargetLen() || ap.TargetLen() != bp.TargetLen() {
		t.Fatalf("transform lengths: a' %d->%d, b' %d->%d", ap.BaseLen(), ap.TargetLen(), bp.BaseLen(), bp.TargetLen())
	}
}

func checkCompose(t testing.TB, doc string, a, b Operation) {
	t.Helper()
	ab, err := Compose(a, b)
	if err != nil {
		t.Fatalf("compose %s, %s: %v", a, b, err)
	}
	if r1, r2 := mustApply(t, b, mustApply(t, a, doc)), mustApply(t, ab, doc); r1 != r2 {
		t.Fatalf("doc %q a %s b %s: sequential %q, composed %s gives %q", doc, a, b, r1, ab, r2)
	}
}

func TestPropertyTransformConverges(t *testing.T) {
	c := newRand(1)
	for range propertyRounds {
		doc := randText(c, 30)
		checkTP1(t, doc, randOp(c, doc), randOp(c, doc))
	}
}

func TestPropertyComposeMatchesSequentialApply(t *testing.T) {
	c := newRand(2)
	for range propertyRounds {
		doc := randText(c, 30)
		a := randOp(c, doc)
		b := randOp(c, mustApply(t, a, doc))
		checkCompose(t, doc, a, b)
	}
}

// Composition is associative. (Transform does not commute with composition in general:
// where one step inserts text that a later step deletes, transforming over the composed
// operation can place a concurrent insert elsewhere than transforming over the steps one by
// one. Convergence does not need it: the client sends its composed buffer as one operation
// and the server transforms that same operation, so both sides use the same composition.)
func TestPropertyComposeAssociative(t *testing.T) {
	c := newRand(3)
	for range propertyRounds {
		doc := randText(c, 20)
		a := randOp(c, doc)
		b := randOp(c, mustApply(t, a, doc))
		d := randOp(c, mustApply(t, b, mustApply(t, a, doc)))
		ab, _ := Compose(a, b)
		bd, _ := Compose(b, d)
		l, err1 := Compose(ab, d)
		r, err2 := Compose(a, bd)
		if err1 != nil || err2 != nil || !l.Equal(r) {
			t.Fatalf("doc %q a %s b %s d %s: (a·b)·d = %s, a·(b·d) = %s (%v %v)", doc, a, b, d, l, r, err1, err2)
		}
	}
}

func TestPropertyInvertRoundTrip(t *testing.T) {
	c := newRand(4)
	for range propertyRounds {
		doc := randText(c, 30)
		op := randOp(c, doc)
		inv, err := op.Invert(doc)
		if err != nil {
			t.Fatal(err)
		}
		if back := mustApply(t, inv, mustApply(t, op, doc)); back != doc {
			t.Fatalf("doc %q op %s inverse %s gave %q", doc, op, inv, back)
		}
		if inv.BaseLen() != op.TargetLen() || inv.TargetLen() != op.BaseLen() {
			t.Fatalf("inverse lengths")
		}
		// The composition of an operation and its inverse changes nothing.
		id, err := Compose(op, inv)
		if err != nil || mustApply(t, id, doc) != doc {
			t.Fatalf("op·inverse: %s %v", id, err)
		}
	}
}

func TestPropertyJSONRoundTrip(t *testing.T) {
	c := newRand(5)
	for range propertyRounds {
		op := randOp(c, randText(c, 30))
		data, err := json.Marshal(op)
		if err != nil {
			t.Fatal(err)
		}
		var back Operation
		if err := json.Unmarshal(data, &back); err != nil || !back.Equal(op) {
			t.Fatalf("%s -> %s -> %s (%v)", op, data, back, err)
		}
	}
}

// Operations that split surrogate pairs are refused with an error, never a panic and never
// a corrupt document.
func TestSurrogateSplitsAreErrors(t *testing.T) {
	doc := "a😀b😀"
	for pos := 0; pos <= 6; pos++ {
		for _, kind := range []Kind{KindRetain, KindDelete} {
			var b Builder
			if kind == KindRetain {
				b.Retain(pos).Insert("x").Retain(6 - pos)
			} else {
				b.Retain(pos).Delete(min(1, 6-pos)).Retain(max(0, 6-pos-1))
			}
			op, _ := b.Operation()
			_, err := op.Apply(doc)
			split := pos == 2 || pos == 5 // inside a pair
			if kind == KindDelete {
				split = split || pos == 1 || pos == 4 // deleting only a high surrogate
			}
			if split != errors.Is(err, ErrSurrogateSplit) {
				t.Errorf("%s at %d: %v", kind, pos, err)
			}
			if _, ierr := op.Invert(doc); (err == nil) != (ierr == nil) {
				t.Errorf("invert %s at %d: %v vs apply %v", kind, pos, ierr, err)
			}
		}
	}
	if _, err := (Operation{}).Apply("\xff"); !errors.Is(err, ErrInvalidDocument) {
		t.Errorf("invalid UTF-8 document: %v", err)
	}
	var b Builder
	if _, err := b.Insert("\xed\xa0\xbd").Operation(); !errors.Is(err, ErrInvalid) {
		t.Errorf("surrogate encoded in UTF-8: %v", err)
	}
	var b2 Builder
	if _, err := b2.Retain(-1).Operation(); !errors.Is(err, ErrInvalid) {
		t.Errorf("negative retain: %v", err)
	}
}

func TestDecodeRefusesInvalidUTF8(t *testing.T) {
	for _, in := range []string{"[\"\xff\"]", "[\"a\xc3\"]", "[\"\xed\xa0\xbd\"]"} {
		if _, err := Decode([]byte(in)); !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: %v", in, err)
		}
	}
}

func TestOperationsAreImmutable(t *testing.T) {
	var b Builder
	op1, _ := b.Insert("a").Operation()
	b.Insert("b")
	op2, _ := b.Operation()
	if op1.String() != `["a"]` || op2.String() != `["ab"]` {
		t.Fatalf("builder shares state: %s %s", op1, op2)
	}
	ops := op2.Ops()
	ops[0].Text = "zzz"
	if op2.String() != `["ab"]` {
		t.Fatal("Ops exposes internal state")
	}
	x, _ := Decode([]byte(`[1,"x"]`))
	y, _ := Decode([]byte(`[1,"y"]`))
	if _, err := Compose(x, y); err == nil {
		t.Fatal("length mismatch accepted")
	}
	x2, _ := Decode([]byte(`[1,"x"]`))
	y2, _ := Decode([]byte(`[2,"y"]`))
	if _, err := Compose(x2, y2); err != nil || x2.String() != `[1,"x"]` || y2.String() != `[2,"y"]` {
		t.Fatalf("compose modified its inputs: %s %s", x2, y2)
	}
}

func TestUTF16LenAndAdvance(t *testing.T) {
	c := newRand(6)
	for range propertyRounds {
		var b strings.Builder
		for range c.intn(6) {
			b.WriteString(strings.Repeat("abcdefgh", c.intn(4)))
			b.WriteString(randText(c, 12))
		}
		s := b.String()
		units := utf16.Encode([]rune(s))
		if got := utf16Len(s); got != len(units) {
			t.Fatalf("utf16Len(%q) = %d, expected %d", s, got, len(units))
		}
		for n := 0; n <= len(units); n++ {
			pos, err := advance(s, 0, n)
			split := n > 0 && n < len(units) && utf16.IsSurrogate(rune(units[n])) && units[n] >= 0xDC00
			if split != errors.Is(err, ErrSurrogateSplit) || (err == nil && utf16Len(s[:pos]) != n) {
				t.Fatalf("advance(%q, %d) = %d, %v", s, n, pos, err)
			}
		}
	}
}
