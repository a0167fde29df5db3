package national

import (
	"context"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/demo"
	"github.com/elo-workspace/elo-workspace/server/practices"
	"github.com/elo-workspace/elo-workspace/server/refdata"
)

// demoService is the national view over the demo dataset (its plans, groups and published
// practices), read as the running server reads them.
func demoService(b *testing.B, withPractices bool) *Service {
	b.Helper()
	d := demo.Generate(demo.Seed)
	ref := refdata.New(&memItems{})
	if err := ref.Load(context.Background()); err != nil {
		b.Fatal(err)
	}
	ws := &wsStub{all: d.Workspaces, roles: map[string]map[string]string{}}
	var lib Practices
	if withPractices {
		first := map[string]practices.PublishedVersion{}
		last := map[string]practices.PublishedVersion{}
		for _, v := range d.PracticeVersions {
			if f, ok := first[v.Practice]; !ok || v.N < f.N {
				first[v.Practice] = v
			}
			if l, ok := last[v.Practice]; !ok || v.N > l.N {
				last[v.Practice] = v
			}
		}
		st := &libStub{}
		for id, l := range last {
			st.list = append(st.list, practices.Published{ID: id, RegionID: l.Fields.RegionID, NationalGoals: l.Fields.NationalGoals,
				Themes: l.Fields.Themes, FirstPublished: first[id].PublishedAt})
		}
		lib = st
	}
	s := New(Deps{Documents: &docsStub{records: d.Documents}, Workspaces: ws, Reference: ref, Practices: lib})
	s.Start()
	b.Cleanup(s.Close)
	return s
}

// BenchmarkDemoDashboard is one national dashboard query over the demo dataset, without and
// with the practice counts (the difference is what the counts cost a query).
func BenchmarkDemoDashboard(b *testing.B) {
	for _, c := range []struct {
		name string
		with bool
	}{{"plans only", false}, {"with practices", true}} {
		b.Run(c.name, func(b *testing.B) {
			s := demoService(b, c.with)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Dashboard(admin, Filter{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDemoPracticeCounts is the practice counts' part of a dashboard query on the demo.
func BenchmarkDemoPracticeCounts(b *testing.B) {
	s := demoService(b, true)
	d, err := s.Dashboard(admin, Filter{})
	if err != nil {
		b.Fatal(err)
	}
	w := s.world()
	b.ReportAllocs()
	for b.Loop() {
		countPractices(w.practices, w, Filter{}, d.Rows, func(string) bool { return true })
	}
}
