package practices

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/search"
)

// memTable is an in-memory durable table with the store's version semantics.
type memTable[T any] struct {
	mu   sync.Mutex
	rows []T
	id   func(T) string
}

func (m *memTable[T]) All(context.Context) ([]T, error) { return append([]T(nil), m.rows...), nil }
func (m *memTable[T]) Insert(_ context.Context, d T) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range m.rows {
		if m.id(r) == m.id(d) {
			return apperr.New(apperr.VersionConflict, "exists")
		}
	}
	m.rows = append(m.rows, d)
	return nil
}
func (m *memTable[T]) Replace(_ context.Context, id string, _ int, d T) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, r := range m.rows {
		if m.id(r) == id {
			m.rows[i] = d
			return nil
		}
	}
	return apperr.New(apperr.VersionConflict, "gone")
}
func (m *memTable[T]) Delete(_ context.Context, id string) error { return nil }

// world: workspace "ws" in region "r", coordinator "c", member "m", other group's member "o".
type groups struct{}

var (
	ws, other       = record.New(), record.New()
	region, theme   = record.New(), record.New()
	coord, mem, out = record.New(), record.New(), record.New()
)

func (groups) Role(u, w string) string {
	switch {
	case w == ws && u == coord:
		return "coordinator"
	case w == ws && u == mem, w == other && u == out:
		return "member"
	}
	return ""
}
func (g groups) CanRead(p accounts.Principal, w string) bool { return g.Role(p.UserID, w) != "" }
func (g groups) CanEdit(p accounts.Principal, w string) bool { return g.Role(p.UserID, w) != "" }
func (groups) Info(w string) (string, string, string, bool) {
	return "G", "regional", region, w == ws || w == other
}
func (groups) Coordinators(string) []string { return []string{coord} }

type refs struct{}

func (refs) Is(kind, id string) bool {
	return (kind == "regions" && id == region) || (kind == "themes" && id == theme)
}

type orgs struct{}

func (orgs) Exists(string) bool   { return false }
func (orgs) Type(string) string   { return "" }
func (orgs) Name(string) string   { return "" }
func (people) Name(string) string { return "N" }

type people struct{}

type plans struct{}

func (plans) Readable(accounts.Principal, string) (string, string, bool) { return "", "", false }
func (plans) CanEdit(accounts.Principal, string) bool                    { return false }
func (plans) Exists(string) bool                                         { return false }

type index struct{ entries map[string]search.Entry }

func (ix *index) Put(e search.Entry)  { ix.entries[e.ID] = e }
func (ix *index) Remove(_, id string) { delete(ix.entries, id) }

func newService(t *testing.T) (*Service, *index, *[]Note) {
	t.Helper()
	ix := &index{entries: map[string]search.Entry{}}
	var notes []Note
	s := New(Stores{
		Practices: &memTable[Record]{id: func(r Record) string { return r.ID }},
		Versions:  &memTable[PublishedVersion]{id: func(r PublishedVersion) string { return r.ID }},
		Adoptions: &memTable[Adoption]{id: func(r Adoption) string { return r.ID }},
		Links:     &memTable[LinkRecord]{id: func(r LinkRecord) string { return r.ID }},
	}, Deps{Workspaces: groups{}, Reference: refs{}, Organisations: orgs{}, Accounts: people{}, Documents: plans{}, Index: ix,
		Notify: func(_ context.Context, ns []Note) error { notes = append(notes, ns...); return nil }})
	if err := s.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s, ix, &notes
}

func TestSearchAudienceFollowsTheLifecycle(t *testing.T) {
	s, ix, notes := newService(t)
	ctx := context.Background()
	m, c := accounts.Principal{UserID: mem}, accounts.Principal{UserID: coord}
	v, err := s.Create(ctx, m, ws, Fields{Name: "Ohjaamo", Summary: "Lyhyesti", BasicIdea: "**Idea** tässä", Themes: []string{theme}})
	if err != nil {
		t.Fatal(err)
	}
	e := ix.entries[v.ID]
	if e.Readers.Network || e.Readers.Public || len(e.Readers.Workspaces) != 1 || e.Readers.Workspaces[0] != ws {
		t.Fatalf("draft audience: %+v", e.Readers)
	}
	if !strings.Contains(e.Body, "Idea tässä") || strings.Contains(e.Body, "**") {
		t.Fatalf("body not plain: %q", e.Body)
	}
	if v, err = s.Submit(ctx, m, v.ID, v.Version); err != nil {
		t.Fatal(err)
	}
	if len(*notes) != 1 || (*notes)[0].UserID != coord || (*notes)[0].Kind != NoteReview {
		t.Fatalf("review request: %+v", *notes)
	}
	if _, err := s.Review(ctx, m, v.ID, v.Version, Approve, ""); !apperr.Is(err, apperr.Forbidden) {
		t.Fatalf("member approves: %v", err)
	}
	if v, err = s.Review(ctx, c, v.ID, v.Version, Approve, ""); err != nil {
		t.Fatal(err)
	}
	if e := ix.entries[v.ID]; !e.Readers.Network || e.Readers.Public || len(e.Readers.Workspaces) != 0 {
		t.Fatalf("published audience: %+v", e.Readers)
	}
	if v, err = s.SetPublic(ctx, c, v.ID, v.Version, true); err != nil {
		t.Fatal(err)
	}
	if e := ix.entries[v.ID]; !e.Readers.Public {
		t.Fatalf("public audience: %+v", e.Readers)
	}
	// A revision in draft does not change what the network searches.
	if _, err = s.Update(ctx, m, v.ID, v.Version, Fields{Name: "Salainen uusi nimi", Themes: []string{theme}}); err != nil {
		t.Fatal(err)
	}
	if e := ix.entries[v.ID]; e.Title != "Ohjaamo" {
		t.Fatalf("draft revision leaked into the index: %q", e.Title)
	}
	// Signed out: only public ones are listed; the other group's member sees the published one, not drafts.
	if p, _ := s.List(accounts.Principal{}, Query{Limit: 10}); p.Total != 1 {
		t.Fatalf("public list: %+v", p)
	}
	if p, _ := s.List(accounts.Principal{UserID: out}, Query{Limit: 10, Status: "drafts"}); p.Total != 0 {
		t.Fatalf("drafts leak: %+v", p)
	}
	if got, _ := s.Get(accounts.Principal{UserID: out}, v.ID); got.Draft != nil || got.Current.Name != "Ohjaamo" {
		t.Fatalf("other group's view: %+v", got)
	}
}

func TestCheckRefusesBadInput(t *testing.T) {
	s, _, _ := newService(t)
	ok := Fields{Name: "x", RegionID: region, Themes: []string{theme}}
	for name, f := range map[string]func(*Fields){
		"empty name":    func(f *Fields) { f.Name = " " },
		"unknown theme": func(f *Fields) { f.Themes = []string{record.New()} },
		"region theme":  func(f *Fields) { f.Themes = []string{region} },
		"long text":     func(f *Fields) { f.Results = strings.Repeat("x", MaxLongText+1) },
		"ftp link":      func(f *Fields) { f.Links = []Link{{URL: "ftp://x.fi"}} },
		"script link":   func(f *Fields) { f.Links = []Link{{URL: "javascript:alert(1)"}} },
		"bad email":     func(f *Fields) { f.Contact.Email = "a@" },
	} {
		g := ok
		f(&g)
		if _, err := s.check(g, false); !apperr.Is(err, apperr.InvalidField) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := s.check(ok, true); !apperr.Is(err, apperr.InvalidField) {
		t.Errorf("incomplete for review: %v", err)
	}
	if _, err := s.check(ok, false); err != nil {
		t.Errorf("ok: %v", err)
	}
}
