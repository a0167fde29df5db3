package ot

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// Fuzz targets. Run one with, for example:
//
//	go test -run '^$' -fuzz FuzzTransformConverges -fuzztime 30s -fuzzminimizetime 1s ./server/ot
//
// (-fuzzminimizetime: by default every new interesting input is minimised for up to 60 s,
// which on these derive-everything-from-bytes targets stalls short runs at 0 execs/s.)
// Crashers found are kept in testdata/fuzz/<Target>/ and replay as regression tests.

var fuzzSeeds = [][]byte{
	nil,
	[]byte("\x00"),
	[]byte("hello, world"),
	[]byte("\x10\x03\x04\x04\x04\x03\x04\x01\x02\x03\x04\xff\xfe\x80\x10\x11\x12"),
	[]byte("ÄäÖöÅå😀🌲 strategia ja toimenpideohjelma"),
}

// FuzzTransformConverges derives a document and two concurrent operations on it from the
// fuzz input and checks TP1: apply(apply(S, a), b') == apply(apply(S, b), a').
func FuzzTransformConverges(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &byteChooser{data: data}
		doc := randText(c, 40)
		a := randOp(c, doc)
		b := randOp(c, doc)
		checkTP1(t, doc, a, b)
	})
}

// FuzzCompose derives a document and two consecutive operations and checks
// apply(apply(S, a), b) == apply(S, compose(a, b)), and that inverting undoes.
func FuzzCompose(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &byteChooser{data: data}
		doc := randText(c, 40)
		a := randOp(c, doc)
		mid := mustApply(t, a, doc)
		b := randOp(c, mid)
		checkCompose(t, doc, a, b)
		ab, _ := Compose(a, b)
		inv, err := ab.Invert(doc)
		if err != nil {
			t.Fatal(err)
		}
		if back := mustApply(t, inv, mustApply(t, ab, doc)); back != doc {
			t.Fatalf("invert: %q, expected %q", back, doc)
		}
	})
}

// FuzzDecode feeds arbitrary bytes to Decode: it never panics, refuses with ErrInvalid, and
// whatever it accepts round-trips through MarshalJSON unchanged. Accepted operations are
// then applied, composed, transformed and inverted, which must not panic either.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`[5,"a",-3]`))
	f.Add([]byte(`["\ud83d\ude00",-1,1e1,3.0]`))
	f.Add([]byte(`["\ud83d"]`))
	if data, err := os.ReadFile(vectorsPath); err == nil {
		var v vectorFile
		if json.Unmarshal(data, &v) == nil {
			for _, d := range v.Decode {
				f.Add([]byte(d.JSON))
			}
			for _, a := range v.Apply {
				f.Add([]byte(a.Op))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		op, err := Decode(data)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		enc, err := op.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		op2, err := Decode(enc)
		if err != nil || !op2.Equal(op) {
			t.Fatalf("%q -> %s -> %v (%v)", data, enc, op2, err)
		}
		if enc2, _ := op2.MarshalJSON(); string(enc2) != string(enc) {
			t.Fatalf("encoding not stable: %s vs %s", enc, enc2)
		}
		if op.BaseLen() > 1<<16 || op.TargetLen() > 1<<16 {
			return
		}
		// An ASCII document of the base length has no surrogate pairs, so apply must succeed.
		doc := strings.Repeat("a", op.BaseLen())
		out, err := op.Apply(doc)
		if err != nil || utf16Len(out) != op.TargetLen() {
			t.Fatalf("apply %s: %q %v", op, out, err)
		}
		// Operations of any shape against each other: errors are fine, panics are not.
		_, _ = op.Apply("😀" + doc)
		_, _ = op.Invert(doc)
		_, _ = Compose(op, op)
		_, _, _ = Transform(op, op)
		inv, err := op.Invert(doc)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := inv.Apply(out); err != nil || back != doc {
			t.Fatalf("invert %s: %q %v", op, back, err)
		}
	})
}
