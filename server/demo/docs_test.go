package demo

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// history is every change of every document, by document, in revision order.
func history(d *Dataset) map[string][]documents.Change {
	out := map[string][]documents.Change{}
	for _, c := range d.Changes {
		out[c.Document] = append(out[c.Document], c)
	}
	for _, r := range d.Documents {
		out[r.ID] = append(out[r.ID], r.Tail...)
	}
	return out
}

func decode(t *testing.T, c documents.Change) []plans.Op {
	t.Helper()
	var ops []plans.Op
	if err := json.Unmarshal([]byte(c.Ops), &ops); err != nil {
		t.Fatalf("change %s: %v", c.ID, err)
	}
	return ops
}

// outline lists the nodes below n in one of its lists, in order.
func outline(it plans.OutlineItem, list string) []plans.OutlineItem {
	for _, l := range it.Lists {
		if l.Name == list {
			return l.Items
		}
	}
	return nil
}

func TestDocuments(t *testing.T) {
	d := generated()
	ws := map[string]workspaces.Workspace{}
	for _, w := range d.Workspaces {
		ws[w.ID] = w
	}
	orgRegion := map[string]string{}
	for _, o := range d.Organisations {
		orgRegion[o.ID] = o.RegionID
	}
	userName := map[string]string{}
	for _, u := range d.Users {
		userName[u.ID] = u.Name
	}
	editors := map[string]bool{} // workspace + user
	names := map[string]map[string]bool{}
	for _, m := range d.Memberships {
		if m.Role != workspaces.RoleObserver {
			editors[m.WorkspaceID+m.UserID] = true
		}
		if names[m.WorkspaceID] == nil {
			names[m.WorkspaceID] = map[string]bool{}
		}
		names[m.WorkspaceID][userName[m.UserID]] = true
	}
	nationalGoals, qualityDims := map[string]bool{}, map[string]bool{}
	for _, it := range refdata.Defaults() {
		switch it.Kind {
		case refdata.NationalGoals:
			nationalGoals[it.ID] = true
		case refdata.QualityDimensions:
			qualityDims[it.ID] = true
		}
	}
	perWS := map[string][]string{}
	hist := history(d)
	ops := 0
	for _, r := range d.Documents {
		w, ok := ws[r.WorkspaceID]
		if !ok || w.Kind != workspaces.Regional {
			t.Fatalf("document %s is in workspace %q", r.Title, r.WorkspaceID)
		}
		perWS[w.ID] = append(perWS[w.ID], r.Kind+" "+r.Period+" "+r.Status)
		if err := plans.Validate(&r.Document); err != nil {
			t.Errorf("%s: %v", r.Title, err)
		}
		if r.Version != 1 || r.Archived || !r.CreatedAt.Before(r.UpdatedAt) || !r.UpdatedAt.Before(Base) || r.CreatedAt.Before(w.CreatedAt) {
			t.Errorf("%s: version %d, created %v, updated %v", r.Title, r.Version, r.CreatedAt, r.UpdatedAt)
		}
		// The history: revisions 1..Revision, the log's first, then the tail's; times rising,
		// authors who may edit.
		changes := hist[r.ID]
		if int64(len(changes)) != r.Revision || len(r.Tail) > maxTail || len(r.Tail) >= documents.ArchiveEvery {
			t.Errorf("%s: revision %d, %d changes, tail %d", r.Title, r.Revision, len(changes), len(r.Tail))
		}
		last := r.CreatedAt
		for i, c := range changes {
			if c.Rev != int64(i+1) || c.ID != fmt.Sprintf("%s-%012d", r.ID, c.Rev) || c.Document != r.ID {
				t.Fatalf("%s: change %d is %+v", r.Title, i+1, c)
			}
			if c.At.Before(last) || c.At.After(r.UpdatedAt) || !editors[r.WorkspaceID+c.By] || c.ClientID == "" {
				t.Fatalf("%s: change %d at %v by %s", r.Title, c.Rev, c.At, c.By)
			}
			last = c.At
			n := len(decode(t, c))
			if n < 1 || n > 20 {
				t.Errorf("%s: change %d has %d operations", r.Title, c.Rev, n)
			}
			ops += n
		}
		if r.Kind == plans.Strategy {
			if r.Status != plans.StatusApproved || len(r.Root().Fields.Responsible) < 5 {
				t.Errorf("strategy %s: status %s, responsible %v", r.Title, r.Status, r.Root().Fields.Responsible)
			}
			for _, id := range r.Root().Fields.Responsible {
				if orgRegion[id] != w.RegionID {
					t.Errorf("strategy %s: responsible %s is not of the region", r.Title, id)
				}
			}
			o := plans.Outline(&r.Document)
			if len(outline(o, "sections")) < 6 || len(outline(o, "values")) != 3 {
				t.Errorf("strategy %s: %d sections, %d values", r.Title, len(outline(o, "sections")), len(outline(o, "values")))
			}
			continue
		}
		checkPlan(t, r, w, orgRegion, names[w.ID], nationalGoals, qualityDims)
	}
	for _, w := range d.Workspaces {
		got := perWS[w.ID]
		if w.Kind == workspaces.National {
			if len(got) != 0 {
				t.Errorf("national workspace has documents %v", got)
			}
			continue
		}
		if len(got) != 4 || got[0] != "strategy "+StrategyPeriod+" approved" || got[1] != "action_plan 2024 closed" || got[2] != "action_plan 2025 followed_up" ||
			(got[3] != "action_plan 2026 draft" && got[3] != "action_plan 2026 approved") {
			t.Errorf("%s: documents %v", w.Name, got)
		}
	}
	if len(d.Documents) != 60 || ops < 54000 || ops > 66000 {
		t.Errorf("%d documents, %d operations; want 60 and about 60,000", len(d.Documents), ops)
	}
	t.Logf("%d documents, %d changes (%d in the log), %d operations", len(d.Documents), len(d.Changes)+tails(d), len(d.Changes), ops)
}

func tails(d *Dataset) int {
	n := 0
	for _, r := range d.Documents {
		n += len(r.Tail)
	}
	return n
}

func checkPlan(t *testing.T, r documents.Record, w workspaces.Workspace, orgRegion map[string]string, names, nationalGoals, qualityDims map[string]bool) {
	t.Helper()
	year := r.Period
	goals := outline(plans.Outline(&r.Document), "goals")
	if len(goals) != 5 {
		t.Errorf("%s: %d goals", r.Title, len(goals))
	}
	statuses := map[string]int{}
	followups := 0
	for _, g := range goals {
		f := g.Node.Fields
		if g.Node.Text["title"] == "" || g.Node.Text["description"] == "" || len(f.NationalGoals) == 0 || len(f.QualityDimensions) == 0 {
			t.Errorf("%s: goal %+v incomplete", r.Title, g.Node)
		}
		for _, id := range f.NationalGoals {
			if !nationalGoals[id] {
				t.Errorf("%s: national goal %s", r.Title, id)
			}
		}
		for _, id := range f.QualityDimensions {
			if !qualityDims[id] {
				t.Errorf("%s: quality dimension %s", r.Title, id)
			}
		}
		actions := outline(g, "actions")
		if len(actions) != 6 {
			t.Errorf("%s: goal %q has %d actions", r.Title, g.Node.Text["title"], len(actions))
		}
		for _, a := range actions {
			f := a.Node.Fields
			statuses[f.Status]++
			if a.Node.Text["title"] == "" || a.Node.Text["description"] == "" || !names[f.Contact] || len(f.Organisations) == 0 ||
				!strings.HasPrefix(f.Start, year) || !strings.HasPrefix(f.End, year) {
				t.Errorf("%s: action %+v incomplete", r.Title, a.Node)
			}
			for _, id := range f.Organisations {
				if orgRegion[id] != w.RegionID {
					t.Errorf("%s: action organisation %s is not of the region", r.Title, id)
				}
			}
			switch {
			case f.Status == plans.ActionDone && (f.Progress == nil || *f.Progress != 100),
				f.Status == plans.ActionPlanned && f.Progress != nil,
				year == "2026" && f.Status != plans.ActionPlanned && f.Status != plans.ActionInProgress:
				t.Errorf("%s: action status %s, progress %v", r.Title, f.Status, f.Progress)
			}
			inds := outline(a, "indicators")
			if len(inds) != 2 {
				t.Errorf("%s: action has %d indicators", r.Title, len(inds))
			}
			for _, in := range inds {
				f := in.Node.Fields
				if in.Node.Text["name"] == "" || in.Node.Text["unit"] == "" || f.Baseline == nil || f.Target == nil || len(f.Values) < 1 || len(f.Values) > 4 {
					t.Errorf("%s: indicator %+v incomplete", r.Title, in.Node)
				}
				for _, v := range f.Values {
					if !strings.HasPrefix(v.Date, year) {
						t.Errorf("%s: indicator value dated %s", r.Title, v.Date)
					}
				}
			}
			for _, fu := range outline(a, "followups") {
				followups++
				if fu.Node.Text["body"] == "" || fu.Node.Fields.Date == "" {
					t.Errorf("%s: follow-up %+v incomplete", r.Title, fu.Node)
				}
			}
		}
	}
	if year != "2026" && (followups < 5 || statuses[plans.ActionDone] < 5) {
		t.Errorf("%s: %d follow-ups, statuses %v", r.Title, followups, statuses)
	}
}

// TestDocumentHistory replays every document's changes, as stored, from the document as it
// was created: the result is the stored document, node for node.
func TestDocumentHistory(t *testing.T) {
	d := generated()
	hist := history(d)
	for i := range d.Documents {
		r := &d.Documents[i]
		doc := InitialDocument(r)
		for _, c := range hist[r.ID] {
			if _, err := doc.ApplyChange(decode(t, c), nil); err != nil {
				t.Fatalf("%s: change %d does not apply: %v", r.Title, c.Rev, err)
			}
			doc.Revision = c.Rev
		}
		if doc.Revision != r.Revision || !reflect.DeepEqual(doc.Nodes, r.Nodes) {
			t.Errorf("%s: replaying %d changes does not give the stored document", r.Title, len(hist[r.ID]))
		}
	}
}

// The stored form of the history is what the documents service replays: each record's origin
// and its chunks, then its tail.
func TestStoredHistoryReplays(t *testing.T) {
	d := generated()
	chunks := map[string]documents.Chunk{}
	for _, c := range d.history() {
		chunks[c.ID] = c
	}
	for i := range d.Documents {
		r := &d.Documents[i]
		doc := &plans.Document{ID: r.ID, Kind: r.Kind}
		if err := json.Unmarshal([]byte(r.Origin), &doc.Nodes); err != nil {
			t.Fatal(err)
		}
		var changes []documents.Change
		for _, id := range r.History {
			var chs []documents.Change
			if err := json.Unmarshal([]byte(chunks[id].Changes), &chs); err != nil {
				t.Fatalf("%s: chunk %q: %v", r.Title, id, err)
			}
			changes = append(changes, chs...)
		}
		changes = append(changes, r.Tail...)
		for k, c := range changes {
			if c.Rev != int64(k+1) {
				t.Fatalf("%s: change %d has revision %d", r.Title, k+1, c.Rev)
			}
			if _, err := doc.ApplyChange(decode(t, c), nil); err != nil {
				t.Fatalf("%s: change %d does not apply: %v", r.Title, c.Rev, err)
			}
		}
		if int64(len(changes)) != r.Revision || r.HistoryTo != r.Revision-int64(len(r.Tail)) || !reflect.DeepEqual(doc.Nodes, r.Nodes) {
			t.Errorf("%s: the stored history does not give the stored document", r.Title)
		}
	}
}

func TestSeedDocuments(t *testing.T) {
	d := generated()
	byID := map[string]documents.Record{}
	for _, r := range d.Documents {
		byID[r.ID] = r
	}
	text := func(r documents.Record) string {
		var b strings.Builder
		for _, n := range r.Nodes {
			for _, s := range n.Text {
				b.WriteString(s + "\n")
			}
		}
		return b.String()
	}
	kainuu := text(byID[DocumentID("kainuu", "strategy")])
	for _, s := range []string{"Elinikäisellä ohjauksella edistetään kainuulaisten hyvinvointia, osaamista, uudistumiskykyä ja yritteliäisyyttä.",
		"Eriarvoistumisen ehkäiseminen", "Osuva ja osaava ohjaus", "Toimiva ja kehittyvä ohjausverkosto", "Tehokas viestintä", "Uskomme mahdollisuuksiin",
		"Kainuun ELO-strategian toimeenpanosta vastaa Kainuun ELO-työryhmä"} {
		if !strings.Contains(kainuu, s) {
			t.Errorf("Kainuu's strategy lacks %q", s)
		}
	}
	if !strings.Contains(text(byID[DocumentID("etela-savo", "strategy")]), "yhteiset järjestelyt, osallisuus, kannustava oppiminen, sujuvasti työhön ja toimiva verkostotyö yhdessä") {
		t.Error("Etelä-Savo's strategy lacks its strategic goals")
	}
	if !strings.Contains(text(byID[DocumentID("etela-savo", "plan/2025")]), "Sujuvasti työhön") {
		t.Error("Etelä-Savo's plan lacks its goals")
	}
	if !strings.Contains(text(byID[DocumentID("pohjanmaa", "strategy")]), "Livslång vägledning i Österbotten") ||
		!strings.Contains(text(byID[DocumentID("pohjanmaa", "plan/2026")]), "Handledarnas kunnande stärks") {
		t.Error("Österbotten's strategy and 2026 plan are not in Swedish")
	}
	// The demo coordinator took part in writing Kainuu's documents.
	coordinator := ID("user", CoordinatorEmail)
	wrote := false
	for _, c := range history(d)[DocumentID("kainuu", "strategy")] {
		wrote = wrote || c.By == coordinator
	}
	if !wrote {
		t.Error("the demo coordinator wrote nothing of Kainuu's strategy")
	}
}
