package exports

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// The reference data of DOMAIN.md, as the service loads it into an empty database.
type defaults map[string]refdata.Item

func newDefaults() defaults {
	m := defaults{}
	for _, it := range refdata.Defaults() {
		m[it.ID] = it
	}
	return m
}

func (d defaults) Get(id string) (refdata.Item, bool) { it, ok := d[id]; return it, ok }
func (d defaults) Is(kind, id string) bool            { it, ok := d[id]; return ok && it.Kind == kind }
func (d defaults) first(kind string, n int) []refdata.Item {
	var out []refdata.Item
	for _, it := range refdata.Defaults() {
		if it.Kind == kind && len(out) < n {
			out = append(out, it)
		}
	}
	return out
}

type orgs map[string]string

func (o orgs) Name(id string) string { return o[id] }

// world is a small set of groups and documents: who reads which group is by membership.
type world struct {
	ws      map[string]workspaces.Workspace
	docs    map[string]documents.Record
	readers map[string][]string // user -> workspaces
}

func (w *world) Get(p accounts.Principal, id string) (documents.Summary, error) {
	r, ok := w.docs[id]
	if !ok {
		return documents.Summary{}, apperr.New(apperr.NotFound, "no such document")
	}
	for _, ws := range w.readers[p.UserID] {
		if ws == r.WorkspaceID {
			return documents.Summary{Record: r}, nil
		}
	}
	return documents.Summary{}, apperr.New(apperr.Forbidden, "not a member")
}

func (w *world) Each(f func(documents.Record)) {
	for _, r := range w.docs {
		f(r)
	}
}

type groups struct{ *world }

func (g groups) Get(p accounts.Principal, id string) (workspaces.View, error) {
	for _, ws := range g.readers[p.UserID] {
		if ws == id {
			return workspaces.View{Workspace: g.ws[id]}, nil
		}
	}
	return workspaces.View{}, apperr.New(apperr.Forbidden, "not a member")
}

func (g groups) List(p accounts.Principal) []workspaces.View {
	var out []workspaces.View
	for _, id := range g.readers[p.UserID] {
		out = append(out, workspaces.View{Workspace: g.ws[id]})
	}
	return out
}

const (
	kainuu    = "0000000000000000000000a1"
	etela     = "0000000000000000000000a2"
	planK     = "0000000000000000000000b1"
	planE     = "0000000000000000000000b2"
	strategyK = "0000000000000000000000b3"
	org1      = "0000000000000000000000c1"
	org2      = "0000000000000000000000c2"
)

func ptr(v float64) *float64 { return &v }

// samplePlan is an action plan with two goals; the first has two actions, one with two
// indicators and a follow-up.
func samplePlan(id, ws, title string, ref defaults) documents.Record {
	ngs := ref.first(refdata.NationalGoals, 2)
	qds := ref.first(refdata.QualityDimensions, 1)
	d := &plans.Document{ID: id, WorkspaceID: ws, Kind: plans.ActionPlan, Title: title, Period: "2026", Status: plans.StatusApproved,
		Nodes: map[string]*plans.Node{}, UpdatedAt: time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)}
	add := func(n *plans.Node) { d.Nodes[n.ID] = n }
	add(&plans.Node{ID: id, Type: plans.ActionPlan})
	add(&plans.Node{ID: "g1", Type: plans.TypeGoal, Parent: id, List: "goals", Pos: "a0",
		Text:   map[string]string{"title": "Ohjauspalvelut löytyvät helposti", "description": "Kuvaus: palvelut näkyvät\nToinen kappale"},
		Fields: plans.Fields{NationalGoals: []string{ngs[0].ID, ngs[1].ID}, QualityDimensions: []string{qds[0].ID}}})
	add(&plans.Node{ID: "a1", Type: plans.TypeAction, Parent: "g1", List: "actions", Pos: "a0",
		Text: map[string]string{"title": "Yhteinen palvelukartta", "description": "Kootaan alueen palvelut yhteen."},
		Fields: plans.Fields{Organisations: []string{org1, org2}, Contact: "Åsa Öberg", Start: "2026-01-01", End: "2026-06-30",
			Status: plans.ActionInProgress, Progress: ptr(40)}})
	add(&plans.Node{ID: "i1", Type: plans.TypeIndicator, Parent: "a1", List: "indicators", Pos: "a0",
		Text:   map[string]string{"name": "Palvelukartan käyttökerrat", "unit": "kpl"},
		Fields: plans.Fields{Baseline: ptr(0), Target: ptr(500), Values: []plans.IndicatorValue{{Date: "2026-02-01", Value: 120}, {Date: "2026-01-01", Value: 50}}}})
	add(&plans.Node{ID: "i2", Type: plans.TypeIndicator, Parent: "a1", List: "indicators", Pos: "a1",
		Text: map[string]string{"name": "Tyytyväisyys", "unit": "1–5"}, Fields: plans.Fields{Baseline: ptr(3.5), Target: ptr(4.2)}})
	add(&plans.Node{ID: "f1", Type: plans.TypeFollowup, Parent: "a1", List: "followups", Pos: "a0",
		Text: map[string]string{"body": "Kartta julkaistiin helmikuussa."}, Fields: plans.Fields{Date: "2026-02-15"}})
	add(&plans.Node{ID: "a2", Type: plans.TypeAction, Parent: "g1", List: "actions", Pos: "a1",
		Text: map[string]string{"title": "=Ohjaajien koulutus"}, Fields: plans.Fields{Status: plans.ActionDone}})
	add(&plans.Node{ID: "g2", Type: plans.TypeGoal, Parent: id, List: "goals", Pos: "a1",
		Text: map[string]string{"title": "Toinen tavoite"}, Fields: plans.Fields{NationalGoals: []string{ngs[1].ID}, Themes: []string{ref.first(refdata.Themes, 1)[0].ID}}})
	add(&plans.Node{ID: "a3", Type: plans.TypeAction, Parent: "g2", List: "actions", Pos: "a0",
		Text: map[string]string{"title": "Siirretty toimenpide"}, Fields: plans.Fields{Status: plans.ActionPostponed}})
	if err := plans.Validate(d); err != nil {
		panic(err)
	}
	return documents.Record{Document: *d}
}

func newTestService(t testing.TB) (*Service, defaults) {
	ref := newDefaults()
	var regions []refdata.Item
	for _, it := range refdata.Defaults() {
		if it.Kind == refdata.Regions {
			regions = append(regions, it)
		}
	}
	w := &world{
		ws: map[string]workspaces.Workspace{
			kainuu: {ID: kainuu, Name: "Kainuun ELO-ryhmä", RegionID: regions[0].ID},
			etela:  {ID: etela, Name: "Etelä-Savon ELO-ryhmä", RegionID: regions[1].ID},
		},
		docs: map[string]documents.Record{
			planK: samplePlan(planK, kainuu, "Kainuun toimintasuunnitelma 2026", ref),
			planE: samplePlan(planE, etela, "Etelä-Savon toimintasuunnitelma 2026", ref),
		},
		readers: map[string][]string{"coordinator": {kainuu}, "national": {kainuu, etela}},
	}
	strategy := &plans.Document{ID: strategyK, WorkspaceID: kainuu, Kind: plans.Strategy, Title: "Kainuun strategia", Status: plans.StatusDraft,
		Nodes: map[string]*plans.Node{
			strategyK: {ID: strategyK, Type: plans.Strategy, Fields: plans.Fields{Responsible: []string{org1}}},
			"s1":      {ID: "s1", Type: plans.TypeSection, Parent: strategyK, List: "sections", Pos: "a0", Text: map[string]string{"title": "Visio", "body": "Jokainen löytää ohjauksen."}},
			"v1":      {ID: "v1", Type: plans.TypeValue, Parent: strategyK, List: "values", Pos: "a0", Text: map[string]string{"title": "Yhdenvertaisuus"}},
		}}
	w.docs[strategyK] = documents.Record{Document: *strategy}
	s := New(Deps{Documents: w, Workspaces: groups{w}, Reference: ref, Organisations: orgs{org1: "Kajaanin kaupunki", org2: "Kainuun TE-palvelut"}})
	s.now = func() time.Time { return time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC) }
	return s, ref
}

var coordinator = accounts.Principal{UserID: "coordinator"}
var nationalReader = accounts.Principal{UserID: "national"}

// docxParts unzips a DOCX, checks every part is well-formed XML and returns the parts.
func docxParts(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(rc)
		rc.Close()
		dec := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := dec.Token(); err != nil {
				if errors.Is(err, io.EOF) {
					break
				}
				t.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
		parts[f.Name] = string(body)
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"} {
		if _, ok := parts[want]; !ok {
			t.Fatalf("the package has no %s", want)
		}
	}
	return parts
}

// paragraphsText is the text of document.xml, one line per paragraph, "|" between table cells.
func paragraphsText(t *testing.T, docXML string) string {
	t.Helper()
	var out strings.Builder
	dec := xml.NewDecoder(strings.NewReader(docXML))
	inText, inCell := false, false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			inText = e.Name.Local == "t"
			if e.Name.Local == "tc" {
				out.WriteString("|")
				inCell = true
			}
		case xml.EndElement:
			inText = false
			switch {
			case e.Name.Local == "tc":
				inCell = false
			case e.Name.Local == "tr", e.Name.Local == "p" && !inCell:
				out.WriteString("\n")
			}
		case xml.CharData:
			if inText {
				out.Write(e)
			}
		}
	}
	return out.String()
}

func TestDOCXHoldsThePlanGoalsActionsAndIndicators(t *testing.T) {
	s, ref := newTestService(t)
	p, err := s.Plan(coordinator, planK, "fi")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, p); err != nil {
		t.Fatal(err)
	}
	parts := docxParts(t, buf.Bytes())
	doc := parts["word/document.xml"]
	text := paragraphsText(t, doc)
	ngs := ref.first(refdata.NationalGoals, 2)
	for _, want := range []string{
		"Kainuun toimintasuunnitelma 2026", "Kainuun ELO-ryhmä", "Hyväksytty",
		"Tavoite 1: Ohjauspalvelut löytyvät helposti", "Kuvaus: palvelut näkyvät\n", "Toinen kappale\n",
		"Kansalliset tavoitteet: " + ngs[0].Names.FI + "; " + ngs[1].Names.FI,
		"|1.1|Yhteinen palvelukartta|Kajaanin kaupunki, Kainuun TE-palvelut|2026-01-01 – 2026-06-30|Käynnissä|40 %",
		"|1.2|=Ohjaajien koulutus|||Valmis|",
		"Toimenpide 1.1: Yhteinen palvelukartta", "Yhteyshenkilö: Åsa Öberg",
		"|Palvelukartan käyttökerrat|kpl|0|500|120 (2026-02-01)", "|Tyytyväisyys|1–5|3,5|4,2|",
		"2026-02-15: Kartta julkaistiin helmikuussa.",
		"Tavoite 2: Toinen tavoite", "|2.1|Siirretty toimenpide|||Siirretty|",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("document.xml lacks %q; text:\n%s", want, text)
		}
	}
	if n := strings.Count(doc, `<w:pStyle w:val="Heading1"/>`); n != 2 {
		t.Errorf("%d level-1 headings, want one per goal (2)", n)
	}
	if n := strings.Count(doc, "<w:tblHeader/>"); n != 3 {
		t.Errorf("%d tables, want an actions table per goal and one indicators table (3)", n)
	}
	if !strings.Contains(parts["word/styles.xml"], `<w:lang w:val="fi-FI"/>`) || !strings.Contains(parts["docProps/core.xml"], "Kainuun toimintasuunnitelma 2026") {
		t.Error("language or title missing from the package properties")
	}
}

func TestDOCXInSwedishAndOfAStrategy(t *testing.T) {
	s, ref := newTestService(t)
	p, err := s.Plan(coordinator, planK, "sv")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, p); err != nil {
		t.Fatal(err)
	}
	text := paragraphsText(t, docxParts(t, buf.Bytes())["word/document.xml"])
	for _, want := range []string{"Mål 1: Ohjauspalvelut", "Pågår", "Klar", "Godkänd", "Nationella mål: " + ref.first(refdata.NationalGoals, 1)[0].Names.SV} {
		if !strings.Contains(text, want) {
			t.Errorf("the Swedish export lacks %q", want)
		}
	}
	st, err := s.Plan(coordinator, strategyK, "en")
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := WriteDOCX(&buf, st); err != nil {
		t.Fatal(err)
	}
	text = paragraphsText(t, docxParts(t, buf.Bytes())["word/document.xml"])
	for _, want := range []string{"Kainuun strategia", "Regional strategy", "Responsible organisations: Kajaanin kaupunki", "Sections\nVisio\nJokainen löytää ohjauksen.", "Values\nYhdenvertaisuus"} {
		if !strings.Contains(text, want) {
			t.Errorf("the strategy export lacks %q; text:\n%s", want, text)
		}
	}
}

func TestDOCXEscapesMarkupAndDropsInvalidCharacters(t *testing.T) {
	s, _ := newTestService(t)
	p, err := s.Plan(coordinator, planK, "fi")
	if err != nil {
		t.Fatal(err)
	}
	p.Title = `<w:p>&"evil"</w:p>` + "\x01\x0b"
	p.Goals[0].Description = "]]><script>"
	var buf bytes.Buffer
	if err := WriteDOCX(&buf, p); err != nil {
		t.Fatal(err)
	}
	text := paragraphsText(t, docxParts(t, buf.Bytes())["word/document.xml"])
	if !strings.Contains(text, `<w:p>&"evil"</w:p>`) || !strings.Contains(text, "]]><script>") {
		t.Errorf("markup in texts did not survive as text:\n%s", text)
	}
}

// pdfText runs pdftotext (Debian's poppler-utils; `make test` installs it). Under CI a missing
// pdftotext fails the test rather than skipping it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing: install poppler-utils (make test does)")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	cmd := exec.Command(bin, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestPDFTextHoldsThePlan(t *testing.T) {
	s, _ := newTestService(t)
	for _, lang := range []string{"fi", "sv"} {
		p, err := s.Plan(coordinator, planK, lang)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WritePDF(&buf, p); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
		text := pdfText(t, buf.Bytes())
		wants := map[string][]string{
			"fi": {"Kainuun toimintasuunnitelma 2026", "Tavoite 1: Ohjauspalvelut löytyvät helposti", "Yhteinen palvelukartta", "Käynnissä",
				"Palvelukartan käyttökerrat", "120 (2026-02-01)", "Åsa Öberg", "Kartta julkaistiin helmikuussa.", "Tavoite 2: Toinen tavoite"},
			"sv": {"Mål 1: Ohjauspalvelut", "Pågår", "Godkänd", "Åtgärder"},
		}[lang]
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the PDF text lacks %q; text:\n%s", lang, want, text)
			}
		}
		if !regexp.MustCompile(`1 ?/ ?1`).MatchString(text) {
			t.Errorf("%s: no page number 1 / 1 in the footer", lang)
		}
	}
}

func TestPDFOfALongPlanBreaksPagesAndRepeatsTableHeaders(t *testing.T) {
	s, _ := newTestService(t)
	p, err := s.Plan(coordinator, planK, "en")
	if err != nil {
		t.Fatal(err)
	}
	a := p.Goals[0].Actions[0]
	for i := 0; i < 80; i++ {
		p.Goals[0].Actions = append(p.Goals[0].Actions, a)
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, p); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	if strings.Count(text, "Latest value") < 40 || !regexp.MustCompile(`2 ?/ ?[1-9][0-9]`).MatchString(text) {
		t.Errorf("expected many pages and indicator tables; got %d indicator headers", strings.Count(text, "Latest value"))
	}
}

func TestPlanExportNeedsReadAccess(t *testing.T) {
	s, _ := newTestService(t)
	if _, err := s.Plan(coordinator, planE, "fi"); !apperr.Is(err, apperr.Forbidden) {
		t.Errorf("a member of another group: %v, want forbidden", err)
	}
	if _, err := s.Plan(coordinator, planK, "de"); !apperr.Is(err, apperr.InvalidField) {
		t.Errorf("lang=de: %v, want invalid_field", err)
	}
}

func TestActionListFiltersAndReaders(t *testing.T) {
	s, ref := newTestService(t)
	ngs := ref.first(refdata.NationalGoals, 2)
	count := func(p accounts.Principal, f ActionFilter) int {
		t.Helper()
		l, err := s.Actions(p, f, "fi")
		if err != nil {
			t.Fatal(err)
		}
		return len(l.Rows())
	}
	cases := []struct {
		name string
		p    accounts.Principal
		f    ActionFilter
		want int
	}{
		{"a coordinator reads their group only", coordinator, ActionFilter{}, 3},
		{"the national group reads both", nationalReader, ActionFilter{}, 6},
		{"by status", nationalReader, ActionFilter{Statuses: []string{plans.ActionInProgress, plans.ActionDone}}, 4},
		{"by national goal: goal 1 only", nationalReader, ActionFilter{NationalGoals: []string{ngs[0].ID}}, 4},
		{"by national goal: both goals", nationalReader, ActionFilter{NationalGoals: []string{ngs[1].ID}}, 6},
		{"by region", nationalReader, ActionFilter{Regions: []string{s.d.Workspaces.List(nationalReader)[1].RegionID}}, 3},
		{"by document", nationalReader, ActionFilter{Documents: []string{planE}, Statuses: []string{plans.ActionPostponed}}, 1},
		{"by period", nationalReader, ActionFilter{Periods: []string{"2025"}}, 0},
		{"by theme: the second goal's", nationalReader, ActionFilter{Themes: []string{ref.first(refdata.Themes, 1)[0].ID}}, 2},
		{"by another theme", nationalReader, ActionFilter{Themes: []string{ref.first(refdata.Themes, 2)[1].ID}}, 0},
	}
	for _, c := range cases {
		if got := count(c.p, c.f); got != c.want {
			t.Errorf("%s: %d actions, want %d", c.name, got, c.want)
		}
	}
	bad := []struct {
		f    ActionFilter
		code apperr.Code
	}{
		{ActionFilter{Statuses: []string{"finished"}}, apperr.UnknownFilter},
		{ActionFilter{NationalGoals: []string{"0000000000000000000000ff"}}, apperr.UnknownFilter},
		{ActionFilter{Regions: []string{"$ne"}}, apperr.UnknownFilter},
		{ActionFilter{Themes: []string{ngs[0].ID}}, apperr.UnknownFilter},
		{ActionFilter{Documents: []string{planE}}, apperr.Forbidden},
		{ActionFilter{Documents: []string{strategyK}}, apperr.InvalidField},
		{ActionFilter{Workspaces: []string{etela}}, apperr.Forbidden},
	}
	for _, b := range bad {
		if _, err := s.Actions(coordinator, b.f, "fi"); !apperr.Is(err, b.code) {
			t.Errorf("%+v: %v, want %s", b.f, err, b.code)
		}
	}
}

func TestActionListAsCSVAndXLSX(t *testing.T) {
	s, _ := newTestService(t)
	l, err := s.Actions(coordinator, ActionFilter{}, "fi")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, l); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) {
		t.Error("no byte-order mark")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || recs[0][0] != "Maakunta" || recs[0][8] != "Toimenpide" {
		t.Fatalf("CSV: %q", recs)
	}
	if r := recs[1]; r[1] != "Kainuun ELO-ryhmä" || r[8] != "Yhteinen palvelukartta" || r[9] != "Käynnissä" || r[10] != "40" || r[15] != "2" || r[16] != "2026-02-15" {
		t.Errorf("first action row: %q", r)
	}
	if r := recs[2]; r[8] != "'=Ohjaajien koulutus" {
		t.Errorf("a title that looks like a formula must be defused in CSV: %q", r[8])
	}

	buf.Reset()
	if err := WriteXLSX(&buf, l); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 2 || got[0] != "Toimenpiteet" || got[1] != "Mittarit" {
		t.Fatalf("sheets %q", got)
	}
	rows, err := x.GetRows("Toimenpiteet")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[1][8] != "Yhteinen palvelukartta" || rows[1][10] != "40" || rows[2][8] != "=Ohjaajien koulutus" {
		t.Errorf("actions sheet: %q", rows)
	}
	if f, _ := x.GetCellFormula("Toimenpiteet", "I3"); f != "" {
		t.Errorf("a title became a formula: %q", f)
	}
	irows, _ := x.GetRows("Mittarit")
	if len(irows) != 3 || irows[1][4] != "Palvelukartan käyttökerrat" || irows[1][8] != "120" || irows[2][6] != "3.5" {
		t.Errorf("indicators sheet: %q", irows)
	}
	// Each sheet has a filter over its header row and the rows (set before the rows are streamed),
	// a frozen header, and the actions sheet is the one that opens.
	names := map[string]string{}
	for _, dn := range x.GetDefinedName() {
		names[dn.Scope] = dn.RefersTo
	}
	if names["Toimenpiteet"] != "'Toimenpiteet'!$A$1:$Q$4" || names["Mittarit"] != "'Mittarit'!$A$1:$J$3" {
		t.Errorf("filters: %q", names)
	}
	if x.GetActiveSheetIndex() != 0 {
		t.Errorf("the active sheet is %d", x.GetActiveSheetIndex())
	}
	if panes, err := x.GetPanes("Toimenpiteet"); err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("the header row is not frozen: %+v %v", panes, err)
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"Kainuun toimintasuunnitelma 2026": "kainuun-toimintasuunnitelma-2026.docx",
		"Etelä-Savo: ELO / 2025–2027":      "etelä-savo-elo-2025-2027.docx",
		`"../../etc"`:                      "etc.docx",
		"":                                 "export.docx",
	} {
		if got := FileName(in, "docx"); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}
