package main

import (
	"testing"
	"time"
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
