package exports

import (
	"bytes"
	"io"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/demo"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// largestDemoPlan is the demo dataset's action plan with the most nodes, with a service that
// names its references the way the running server does.
func largestDemoPlan(b *testing.B) (*Service, string) {
	b.Helper()
	d := demo.Generate(demo.Seed)
	w := &world{ws: map[string]workspaces.Workspace{}, docs: map[string]documents.Record{}, readers: map[string][]string{}}
	var best documents.Record
	for _, r := range d.Documents {
		if r.Kind == plans.ActionPlan && len(r.Nodes) > len(best.Nodes) {
			best = r
		}
	}
	w.docs[best.ID] = best
	for _, ws := range d.Workspaces {
		w.ws[ws.ID] = ws
	}
	w.readers["reader"] = []string{best.WorkspaceID}
	names := orgs{}
	for _, o := range d.Organisations {
		names[o.ID] = o.Name
	}
	b.Logf("largest demo plan: %q, %d nodes", best.Title, len(best.Nodes))
	return New(Deps{Documents: w, Workspaces: groups{w}, Reference: newDefaults(), Organisations: names}), best.ID
}

func benchmarkExport(b *testing.B, write func(io.Writer, *Plan) error) {
	s, id := largestDemoPlan(b)
	reader := accounts.Principal{UserID: "reader"}
	var buf bytes.Buffer
	b.ResetTimer()
	for b.Loop() {
		p, err := s.Plan(reader, id, "fi")
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := write(&buf, p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/file")
}

func BenchmarkLargestDemoPlanDOCX(b *testing.B) { benchmarkExport(b, WriteDOCX) }
func BenchmarkLargestDemoPlanPDF(b *testing.B)  { benchmarkExport(b, WritePDF) }

// allDemoActions is a service over every demo plan and a reader of every group.
func allDemoActions(b *testing.B) *Service {
	b.Helper()
	d := demo.Generate(demo.Seed)
	w := &world{ws: map[string]workspaces.Workspace{}, docs: map[string]documents.Record{}, readers: map[string][]string{}}
	for _, r := range d.Documents {
		w.docs[r.ID] = r
	}
	for _, ws := range d.Workspaces {
		w.ws[ws.ID] = ws
		w.readers["reader"] = append(w.readers["reader"], ws.ID)
	}
	names := orgs{}
	for _, o := range d.Organisations {
		names[o.ID] = o.Name
	}
	return New(Deps{Documents: w, Workspaces: groups{w}, Reference: newDefaults(), Organisations: names})
}

func benchmarkAllActions(b *testing.B, write func(io.Writer, *ActionList) error) {
	s := allDemoActions(b)
	reader := accounts.Principal{UserID: "reader"}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		l, err := s.Actions(reader, ActionFilter{}, "fi")
		if err != nil {
			b.Fatal(err)
		}
		buf.Reset()
		if err := write(&buf, l); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/file")
}

// The action list of every demo plan (1,350 actions).
func BenchmarkAllDemoActionsCSV(b *testing.B)  { benchmarkAllActions(b, WriteCSV) }
func BenchmarkAllDemoActionsXLSX(b *testing.B) { benchmarkAllActions(b, WriteXLSX) }
