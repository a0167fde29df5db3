package ot

import (
	"encoding/json"
	"os"
	"testing"
)

// TestVectors runs every case of the committed shared vectors file.
func TestVectors(t *testing.T) {
	data, err := os.ReadFile(vectorsPath)
	if err != nil {
		t.Fatal(err)
	}
	var v vectorFile
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	n := len(v.Apply) + len(v.Compose) + len(v.Transform) + len(v.Invert) + len(v.Decode)
	if n < 60 {
		t.Fatalf("only %d vectors", n)
	}
	t.Logf("%d vectors: apply %d, compose %d, transform %d, invert %d, decode %d",
		n, len(v.Apply), len(v.Compose), len(v.Transform), len(v.Invert), len(v.Decode))
	runVectors(t, v)
}

func decodeT(t *testing.T, raw json.RawMessage) Operation {
	t.Helper()
	op, err := Decode(raw)
	if err != nil {
		t.Fatalf("decode %s: %v", raw, err)
	}
	return op
}

func checkErr(t *testing.T, err error, want string) bool {
	t.Helper()
	if got := errorKind(err); got != want {
		t.Errorf("error kind %q (%v), expected %q", got, err, want)
		return false
	}
	return want == ""
}

func runVectors(t *testing.T, v vectorFile) {
	for _, c := range v.Apply {
		t.Run("apply/"+c.Name, func(t *testing.T) {
			got, err := decodeT(t, c.Op).Apply(c.Doc)
			if checkErr(t, err, c.Error) && got != *c.Result {
				t.Errorf("apply %s to %q = %q, expected %q", c.Op, c.Doc, got, *c.Result)
			}
		})
	}
	for _, c := range v.Compose {
		t.Run("compose/"+c.Name, func(t *testing.T) {
			a, b := decodeT(t, c.A), decodeT(t, c.B)
			got, err := Compose(a, b)
			if !checkErr(t, err, c.Error) {
				return
			}
			if want := decodeT(t, c.Result); !got.Equal(want) {
				t.Fatalf("compose(%s, %s) = %s, expected %s", a, b, got, want)
			}
			if c.Doc != nil {
				s1, err1 := a.Apply(*c.Doc)
				s2, err2 := b.Apply(s1)
				s3, err3 := got.Apply(*c.Doc)
				if err1 != nil || err2 != nil || err3 != nil || s2 != s3 {
					t.Errorf("apply consistency: %q %v %v vs %q %v", s2, err1, err2, s3, err3)
				}
			}
		})
	}
	for _, c := range v.Transform {
		t.Run("transform/"+c.Name, func(t *testing.T) {
			a, b := decodeT(t, c.A), decodeT(t, c.B)
			ap, bp, err := Transform(a, b)
			if !checkErr(t, err, c.Error) {
				return
			}
			if want := decodeT(t, c.APrime); !ap.Equal(want) {
				t.Errorf("a' = %s, expected %s", ap, want)
			}
			if want := decodeT(t, c.BPrime); !bp.Equal(want) {
				t.Errorf("b' = %s, expected %s", bp, want)
			}
			if c.Doc != nil {
				sa, _ := a.Apply(*c.Doc)
				sb, _ := b.Apply(*c.Doc)
				r1, err1 := bp.Apply(sa)
				r2, err2 := ap.Apply(sb)
				if err1 != nil || err2 != nil || r1 != *c.Result || r2 != *c.Result {
					t.Errorf("results %q (%v) and %q (%v), expected %q", r1, err1, r2, err2, *c.Result)
				}
			}
		})
	}
	for _, c := range v.Invert {
		t.Run("invert/"+c.Name, func(t *testing.T) {
			op := decodeT(t, c.Op)
			inv, err := op.Invert(c.Doc)
			if !checkErr(t, err, c.Error) {
				return
			}
			if want := decodeT(t, c.Result); !inv.Equal(want) {
				t.Errorf("invert = %s, expected %s", inv, want)
			}
			s, err1 := op.Apply(c.Doc)
			back, err2 := inv.Apply(s)
			if err1 != nil || err2 != nil || back != c.Doc {
				t.Errorf("round trip gave %q (%v, %v)", back, err1, err2)
			}
		})
	}
	for _, c := range v.Decode {
		t.Run("decode/"+c.Name, func(t *testing.T) {
			op, err := Decode([]byte(c.JSON))
			if !checkErr(t, err, c.Error) {
				return
			}
			got, _ := op.MarshalJSON()
			if want := decodeT(t, c.Result); !op.Equal(want) {
				t.Errorf("decode %s = %s, expected %s", c.JSON, got, c.Result)
			}
		})
	}
}
