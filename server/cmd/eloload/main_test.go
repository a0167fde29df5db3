package main

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/ot"
)

func TestLoopback(t *testing.T) {
	for host, want := range map[string]bool{
		"localhost": true, "127.0.0.1": true, "127.8.9.10": true, "::1": true,
		"example.com": false, "10.0.0.1": false, "0.0.0.0": false, "": false,
	} {
		if got := loopback(host); got != want {
			t.Errorf("loopback(%q) = %v", host, got)
		}
	}
}

func TestSummarise(t *testing.T) {
	var ss []sample
	for i := 1; i <= 100; i++ {
		ss = append(ss, sample{kind: 1, took: time.Duration(i) * time.Millisecond, status: 200})
	}
	ss = append(ss, sample{kind: 1, took: time.Millisecond, status: 500}, sample{kind: 0, took: time.Second, status: 200})
	r := summarise([][]sample{ss[:50], ss[50:]}, 10*time.Second)
	if r.Total != 101 || len(r.Kinds) != 2 {
		t.Fatalf("total %d, kinds %+v", r.Total, r.Kinds)
	}
	k := r.Kinds[1]
	if k.Count != 101 || k.P50 != 50 || k.P99 != 99 || k.Max != 100 || k.Errors["500"] != 1 || k.RPS != 10.1 {
		t.Errorf("summary %+v", k)
	}
	if r.Kinds[0].RPS != 0 || r.Kinds[0].Max != 1000 {
		t.Errorf("sign-in summary %+v", r.Kinds[0])
	}
}

func TestHist(t *testing.T) {
	var h hist
	for i := 1; i <= 1000; i++ {
		h.add(time.Duration(i) * 100 * time.Microsecond) // 0.1 .. 100 ms
	}
	for q, want := range map[float64]float64{0.5: 50, 0.95: 95, 0.99: 99} {
		if got := h.quantile(q); got < want*0.96 || got > want*1.04 {
			t.Errorf("quantile %.2f = %.2f ms, want about %.0f", q, got, want)
		}
	}
	if h.quantile(1) != 100 || h.n != 1000 {
		t.Errorf("max %.2f, n %d", h.quantile(1), h.n)
	}
	for us := int64(0); us < 1<<40; us = us*3/2 + 1 {
		if v := histValue(histIndex(us)); v < float64(us)*0.96 || v > float64(us)*1.04+1 {
			t.Fatalf("%d µs lands in a bucket worth %.0f", us, v)
		}
	}
}

func TestRandomEditStaysValid(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	text := ""
	for range 5000 {
		op := randomEdit(rng, text)
		next, err := op.Apply(text)
		if err != nil {
			t.Fatalf("%v on %q", err, text)
		}
		text = next
	}
	if n := ot.Len(text); n < 10 || n > 200 {
		t.Errorf("text drifted to %d units", n)
	}
}
