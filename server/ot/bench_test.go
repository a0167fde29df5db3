package ot

import (
	"strings"
	"testing"
)

// About 20 KB of Finnish text: ä, ö and å are two bytes in UTF-8 but one UTF-16 unit.
var benchDoc = func() string {
	const para = "Alueellinen kehittämisstrategia määrittää maakunnan tavoitteet, toimenpiteet ja " +
		"mittarit vuosille 2026–2030. Yhteistyö kuntien, oppilaitosten ja yritysten välillä " +
		"vahvistaa elinvoimaa; päästöjä vähennetään ja osaamista kehitetään Åbolandissa. "
	var b strings.Builder
	for b.Len() < 20_000 {
		b.WriteString(para)
	}
	return b.String()
}()

func benchOps(b *testing.B) (typingA, typingB, scatteredA, scatteredB Operation) {
	n := utf16Len(benchDoc)
	mk := func(build func(*Builder)) Operation {
		var bb Builder
		build(&bb)
		op, err := bb.Operation()
		if err != nil || op.BaseLen() != n {
			b.Fatalf("bench op: %v", err)
		}
		return op
	}
	// Typing: one character inserted by each of two users, far apart.
	typingA = mk(func(x *Builder) { x.Retain(n / 3).Insert("ä").Retain(n - n/3) })
	typingB = mk(func(x *Builder) { x.Retain(2 * n / 3).Insert("ö").Retain(n - 2*n/3) })
	// Scattered: 100 edits spread over the document (a pasted replace-all, say).
	scattered := func(offset int, text string) Operation {
		return mk(func(x *Builder) {
			pos := 0
			for i := range 100 {
				at := i*(n/100) + offset
				x.Retain(at - pos).Insert(text).Delete(2)
				pos = at + 2
			}
			x.Retain(n - pos)
		})
	}
	return typingA, typingB, scattered(10, "yö"), scattered(11, "päivä")
}

func BenchmarkApply(b *testing.B) {
	ta, _, sa, _ := benchOps(b)
	for _, bc := range []struct {
		name string
		op   Operation
	}{{"typing", ta}, {"scattered100", sa}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(benchDoc)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.op.Apply(benchDoc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkTransform(b *testing.B) {
	ta, tb, sa, sb := benchOps(b)
	for _, bc := range []struct {
		name string
		a, b Operation
	}{{"typing", ta, tb}, {"scattered100", sa, sb}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Transform(bc.a, bc.b); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkCompose(b *testing.B) {
	ta, _, _, _ := benchOps(b)
	var x Builder
	x.Retain(ta.TargetLen()/3 + 1).Insert("ö").Retain(ta.TargetLen() - ta.TargetLen()/3 - 1)
	next, _ := x.Operation()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compose(ta, next); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	_, _, sa, _ := benchOps(b)
	data, _ := sa.MarshalJSON()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}
