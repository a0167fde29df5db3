package demo

import (
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/practices"
)

func TestDemoPractices(t *testing.T) {
	d := Generate(Seed)
	if n := len(d.Practices); n < 60 || n > 110 {
		t.Fatalf("%d practices, want 60-110", n)
	}
	pub, sv, public := map[string]bool{}, 0, 0
	for _, v := range d.PracticeVersions {
		pub[v.Practice] = true
	}
	regions := map[string]bool{}
	for _, p := range d.Practices {
		regions[p.Draft.RegionID] = true
		if p.Public {
			public++
		}
		if p.State != practices.StateDone && pub[p.ID] {
			t.Errorf("%s: published and %s", p.Draft.Name, p.State)
		}
		if strings.Contains(p.Draft.Name, " i ") {
			sv++
		}
	}
	if sv == 0 || len(regions) != 15 || public == 0 || len(pub) < len(d.Practices)/2 || len(d.PracticeAdoptions) < 20 {
		t.Fatalf("swedish %d, regions %d, public %d, published %d, adoptions %d", sv, len(regions), public, len(pub), len(d.PracticeAdoptions))
	}
	t.Logf("%d practices (%d published, %d public, %d in Swedish), %d versions, %d adoptions", len(d.Practices), len(pub), public, sv, len(d.PracticeVersions), len(d.PracticeAdoptions))
	// Deterministic.
	d2 := Generate(Seed)
	if d2.Practices[10].ID != d.Practices[10].ID || len(d2.PracticeAdoptions) != len(d.PracticeAdoptions) {
		t.Fatal("not deterministic")
	}
}
