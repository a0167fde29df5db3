package practices

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/directory"
	"github.com/elo-workspace/elo-workspace/server/markdown"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/search"
)

// Content is one version of a practice's description with its Markdown texts rendered.
type Content struct {
	Fields
	HTML map[string]string `json:"html"` // long field name -> safe HTML
}

func render(f Fields) *Content {
	c := &Content{Fields: f, HTML: make(map[string]string, len(LongFields))}
	for _, name := range LongFields {
		if src := *f.Long(name); src != "" {
			c.HTML[name] = markdown.Render(src)
		}
	}
	if c.Organisations == nil {
		c.Organisations = []string{}
	}
	for _, l := range []*[]string{&c.Themes, &c.TargetGroups, &c.NationalGoals} {
		if *l == nil {
			*l = []string{}
		}
	}
	if c.Links == nil {
		c.Links = []Link{}
	}
	return c
}

// rendered returns f rendered, from the practice's cache: published versions never change and
// the draft is cached at its record version, so Markdown is rendered once per version and not at
// every read.
func (pr *practice) rendered(key string, f Fields) *Content {
	pr.cmu.Lock()
	defer pr.cmu.Unlock()
	if c := pr.cache[key]; c != nil {
		return c
	}
	if pr.cache == nil {
		pr.cache = map[string]*Content{}
	}
	if strings.HasPrefix(key, "d") {
		for k := range pr.cache {
			if strings.HasPrefix(k, "d") {
				delete(pr.cache, k)
			}
		}
	}
	c := render(f)
	pr.cache[key] = c
	return c
}

func versionKey(n int) string { return "v" + strconv.Itoa(n) }

// View is a practice as one reader sees it.
type View struct {
	ID            string        `json:"id"`
	WorkspaceID   string        `json:"workspaceId"`
	WorkspaceName string        `json:"workspaceName"`
	State         string        `json:"state"`     // the working copy's: draft, review, done
	Published     int           `json:"published"` // the newest published version, 0 for none
	PublishedAt   *time.Time    `json:"publishedAt,omitempty"`
	Public        bool          `json:"public"`
	Current       *Content      `json:"current,omitempty"` // the newest published version
	Draft         *Content      `json:"draft,omitempty"`   // the working copy: only for who reads the group's drafts
	AuthorName    string        `json:"authorName"`
	ReviewNote    string        `json:"reviewNote,omitempty"`
	SubmittedBy   string        `json:"submittedByName,omitempty"`
	UpdatedAt     time.Time     `json:"updatedAt"`
	Version       int           `json:"version"`
	Spread        []string      `json:"spread"` // region ids of the adopting groups
	Adoptions     int           `json:"adoptions"`
	CanEdit       bool          `json:"canEdit"`
	CanReview     bool          `json:"canReview"`
	CanAdopt      []string      `json:"canAdopt"` // workspace ids p may report an adoption for
	OrgNames      []NamedOrg    `json:"organisationNames"`
	Versions      []VersionInfo `json:"versions"`
	Level         string        `json:"level,omitempty"` // the reader's notification level: watch, normal, mute (signed in)
}

// NamedOrg is an organisation with its name.
type NamedOrg struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// VersionInfo is one published version in a list.
type VersionInfo struct {
	N           int       `json:"n"`
	Name        string    `json:"name"`
	PublishedAt time.Time `json:"publishedAt"`
	AuthorName  string    `json:"authorName"`
	ApprovedBy  string    `json:"approvedByName"`
}

// Adopters lists the workspaces p could report an adoption for: regional groups p edits other
// than the practice's own that have not reported yet.
type Adopters interface {
	Editable(p accounts.Principal) []string
}

func (s *Service) view(p accounts.Principal, pr *practice) View {
	s.mu.RLock()
	defer s.mu.RUnlock()
	wsName, _, _, _ := s.d.Workspaces.Info(pr.rec.WorkspaceID)
	v := View{ID: pr.rec.ID, WorkspaceID: pr.rec.WorkspaceID, WorkspaceName: wsName, State: pr.rec.State, Published: len(pr.versions),
		Public: pr.rec.Public, AuthorName: s.d.Accounts.Name(pr.rec.AuthorID), UpdatedAt: pr.rec.UpdatedAt, Version: pr.rec.Version,
		Spread: []string{}, Adoptions: len(pr.adoptions), CanAdopt: []string{}, Versions: []VersionInfo{}}
	if signedIn(p) {
		v.Level = s.level(p.UserID, pr)
	}
	var shown Fields
	if last := pr.latest(); last != nil && s.canReadPublished(p, pr) {
		v.Current = pr.rendered(versionKey(last.N), last.Fields)
		at := last.PublishedAt
		v.PublishedAt = &at
		shown = last.Fields
		for _, ver := range pr.versions {
			v.Versions = append(v.Versions, VersionInfo{N: ver.N, Name: ver.Fields.Name, PublishedAt: ver.PublishedAt,
				AuthorName: s.d.Accounts.Name(ver.AuthorID), ApprovedBy: s.d.Accounts.Name(ver.ApprovedBy)})
		}
	}
	if s.canReadDraft(p, pr) {
		v.Draft = pr.rendered("d"+strconv.Itoa(pr.rec.Version), pr.rec.Draft)
		v.ReviewNote = pr.rec.ReviewNote
		if pr.rec.State == StateReview {
			v.SubmittedBy = s.d.Accounts.Name(pr.rec.SubmittedBy)
		}
		v.CanEdit = s.canEdit(p, pr)
		v.CanReview = s.canReview(p, pr)
		if v.Current == nil {
			shown = pr.rec.Draft
		}
	}
	for _, a := range pr.adoptions {
		if !slices.Contains(v.Spread, a.RegionID) {
			v.Spread = append(v.Spread, a.RegionID)
		}
	}
	for _, id := range shown.Organisations {
		v.OrgNames = append(v.OrgNames, NamedOrg{ID: id, Name: s.d.Organisations.Name(id), Type: s.d.Organisations.Type(id)})
	}
	if v.OrgNames == nil {
		v.OrgNames = []NamedOrg{}
	}
	if signedIn(p) && len(pr.versions) > 0 {
		if ad, ok := s.d.Workspaces.(Adopters); ok {
			for _, w := range ad.Editable(p) {
				_, kind, _, _ := s.d.Workspaces.Info(w)
				if w != pr.rec.WorkspaceID && kind == "regional" && !slices.ContainsFunc(pr.adoptions, func(a Adoption) bool { return a.WorkspaceID == w }) {
					v.CanAdopt = append(v.CanAdopt, w)
				}
			}
		}
	}
	return v
}

// Get returns one practice.
func (s *Service) Get(p accounts.Principal, id string) (View, error) {
	pr, err := s.get(p, id)
	if err != nil {
		return View{}, err
	}
	return s.view(p, pr), nil
}

// Version returns one published version.
func (s *Service) Version(p accounts.Principal, id string, n int) (Content, VersionInfo, error) {
	pr, err := s.get(p, id)
	if err != nil {
		return Content{}, VersionInfo{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if !s.canReadPublished(p, pr) || n < 1 || n > len(pr.versions) {
		return Content{}, VersionInfo{}, apperr.New(apperr.NotFound, "no such version")
	}
	ver := pr.versions[n-1]
	return *pr.rendered(versionKey(ver.N), ver.Fields), VersionInfo{N: ver.N, Name: ver.Fields.Name, PublishedAt: ver.PublishedAt,
		AuthorName: s.d.Accounts.Name(ver.AuthorID), ApprovedBy: s.d.Accounts.Name(ver.ApprovedBy)}, nil
}

// AdoptionView is an adoption report as shown.
type AdoptionView struct {
	ID            string    `json:"id"`
	WorkspaceID   string    `json:"workspaceId"`
	WorkspaceName string    `json:"workspaceName"`
	RegionID      string    `json:"regionId"`
	ByName        string    `json:"byName"`
	Experience    string    `json:"experience"`
	HTML          string    `json:"html"`
	At            time.Time `json:"at"`
}

func (s *Service) adoptionView(a Adoption) AdoptionView {
	name, _, _, _ := s.d.Workspaces.Info(a.WorkspaceID)
	return AdoptionView{ID: a.ID, WorkspaceID: a.WorkspaceID, WorkspaceName: name, RegionID: a.RegionID, ByName: s.d.Accounts.Name(a.By),
		Experience: a.Experience, HTML: markdown.Render(a.Experience), At: a.At}
}

// Adoptions lists the adoption reports of a practice (signed-in readers only; anonymous
// readers of a public practice see where it spread, in the view).
func (s *Service) Adoptions(p accounts.Principal, id string) ([]AdoptionView, error) {
	pr, err := s.get(p, id)
	if err != nil {
		return nil, err
	}
	if !signedIn(p) {
		return nil, apperr.New(apperr.Unauthenticated, "sign in to read adoption reports")
	}
	s.mu.RLock()
	ads := slices.Clone(pr.adoptions)
	s.mu.RUnlock()
	out := make([]AdoptionView, 0, len(ads))
	for _, a := range ads {
		out = append(out, s.adoptionView(a))
	}
	return out, nil
}

// LinkView is a link as shown: only links to things the reader may read are shown.
type LinkView struct {
	ID           string    `json:"id"`
	Kind         string    `json:"kind"`
	PracticeID   string    `json:"practiceId"`
	PracticeName string    `json:"practiceName"`
	DocumentID   string    `json:"documentId,omitempty"`
	WorkspaceID  string    `json:"workspaceId,omitempty"`
	Node         string    `json:"node,omitempty"`
	ThreadID     string    `json:"threadId,omitempty"`
	Title        string    `json:"title"` // the plan's or the thread's title
	At           time.Time `json:"at"`
}

func (s *Service) practiceName(p accounts.Principal, pr *practice) string {
	if last := pr.latest(); last != nil && s.canReadPublished(p, pr) {
		return last.Fields.Name
	}
	return pr.rec.Draft.Name
}

func (s *Service) linkView(p accounts.Principal, pr *practice, l LinkRecord) (LinkView, bool) {
	v := LinkView{ID: l.ID, Kind: l.Kind, PracticeID: pr.rec.ID, PracticeName: s.practiceName(p, pr), At: l.At}
	switch l.Kind {
	case LinkAction:
		title, ws, ok := s.d.Documents.Readable(p, l.Document)
		if !ok {
			return v, false
		}
		v.DocumentID, v.WorkspaceID, v.Node, v.Title = l.Document, ws, l.Node, title
	case LinkThread:
		if s.d.Threads == nil {
			return v, false
		}
		title, ok := s.d.Threads.Readable(p, l.Thread)
		if !ok {
			return v, false
		}
		v.ThreadID, v.Title = l.Thread, title
	}
	return v, true
}

// Links lists a practice's links to what p may read.
func (s *Service) Links(p accounts.Principal, id string) ([]LinkView, error) {
	pr, err := s.get(p, id)
	if err != nil {
		return nil, err
	}
	out := []LinkView{}
	if !signedIn(p) {
		return out, nil
	}
	s.mu.RLock()
	links := slices.Clone(pr.links)
	s.mu.RUnlock()
	for _, l := range links {
		if v, ok := s.linkView(p, pr, l); ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// DocumentLinks lists the practices linked to items of a plan p reads (practices p may read).
func (s *Service) DocumentLinks(p accounts.Principal, documentID string) ([]LinkView, error) {
	if !record.Valid(documentID) {
		return nil, apperr.New(apperr.InvalidID, "not a valid id")
	}
	title, ws, ok := s.d.Documents.Readable(p, documentID)
	if !ok {
		if s.d.Documents.Exists(documentID) {
			return nil, apperr.New(apperr.Forbidden, "you may not read this plan")
		}
		return nil, apperr.New(apperr.NotFound, "no such plan")
	}
	out := []LinkView{}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, pr := range s.all {
		if !s.canRead(p, pr) {
			continue
		}
		for _, l := range pr.links {
			if l.Kind == LinkAction && l.Document == documentID {
				out = append(out, LinkView{ID: l.ID, Kind: l.Kind, PracticeID: pr.rec.ID, PracticeName: s.practiceName(p, pr),
					DocumentID: documentID, WorkspaceID: ws, Node: l.Node, Title: title, At: l.At})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out, nil
}

// --- the library -------------------------------------------------------------------------

// Query filters the library. Empty fields do not filter.
type Query struct {
	Region, TargetGroup, NationalGoal, OrgType, Workspace string
	Status                                                string // "" or "published": published ones; "drafts": drafts of p's groups
	Text                                                  string
	// Themes take practices about one of them (the national view's theme filter: alternatives).
	Themes []string
	// Periods take practices first published in one of them (ParsePeriod: "2026", "2025-2027",
	// "2025-"), as the national view's practice counts do; a never published draft in none.
	Periods       []string
	Limit, Offset int
}

// MaxPeriods is how many periods (and themes) one library query takes.
const MaxPeriods = 50

// Item is a practice in the library list.
type Item struct {
	ID            string    `json:"id"`
	Name          string    `json:"name"`
	Summary       string    `json:"summary"`
	RegionID      string    `json:"regionId"`
	WorkspaceID   string    `json:"workspaceId"`
	WorkspaceName string    `json:"workspaceName"`
	Themes        []string  `json:"themes"`
	TargetGroups  []string  `json:"targetGroups"`
	NationalGoals []string  `json:"nationalGoals"`
	OrgTypes      []string  `json:"organisationTypes"`
	State         string    `json:"state"`
	Published     int       `json:"published"`
	Public        bool      `json:"public"`
	Adoptions     int       `json:"adoptions"`
	Spread        []string  `json:"spread"`
	UpdatedAt     time.Time `json:"updatedAt"`
}

// Page is a page of the library.
type Page struct {
	Items []Item `json:"items"`
	Total int    `json:"total"`
}

// Filter kinds for checking query values.
var filterKinds = map[string]string{"region": "regions", "theme": "themes", "targetGroup": "targetGroups", "nationalGoal": "nationalGoals"}

// List is a page of the library for p: published practices (public ones when signed out), or
// with Status "drafts" the unpublished working copies p reads, newest first.
func (s *Service) List(p accounts.Principal, q Query) (Page, error) {
	for field, kind := range map[string]string{"region": q.Region, "targetGroup": q.TargetGroup, "nationalGoal": q.NationalGoal} {
		if kind != "" && (!record.Valid(kind) || !s.d.Reference.Is(filterKinds[field], kind)) {
			return Page{}, filterErr(field, "unknown "+field)
		}
	}
	if len(q.Themes) > MaxPeriods {
		return Page{}, apperr.Invalid("theme", "at most %d themes", MaxPeriods)
	}
	for _, theme := range q.Themes {
		if !record.Valid(theme) || !s.d.Reference.Is(filterKinds["theme"], theme) {
			return Page{}, filterErr("theme", "unknown theme")
		}
	}
	if q.OrgType != "" && !slices.Contains(directory.Types, q.OrgType) {
		return Page{}, filterErr("orgType", "unknown organisation type")
	}
	if q.Workspace != "" && !record.Valid(q.Workspace) {
		return Page{}, filterErr("workspace", "unknown workspace")
	}
	if q.Status != "" && q.Status != "published" && q.Status != "drafts" {
		return Page{}, filterErr("status", "status is published or drafts")
	}
	if q.Status == "drafts" && !signedIn(p) {
		return Page{}, apperr.New(apperr.Unauthenticated, "sign in first")
	}
	if len(q.Periods) > MaxPeriods {
		return Page{}, apperr.Invalid("period", "at most %d periods", MaxPeriods)
	}
	var periods []Years
	for _, period := range q.Periods {
		y, ok := ParsePeriod(period)
		if !ok {
			return Page{}, filterErr("period", "a period is a year or years such as 2026, 2025-2027 or 2025-")
		}
		periods = append(periods, y)
	}
	words := strings.Fields(strings.ToLower(q.Text))
	s.mu.RLock()
	var items []Item
	for _, pr := range s.all {
		var f Fields
		if q.Status == "drafts" {
			if pr.rec.State == StateDone || !s.canReadDraft(p, pr) {
				continue
			}
			f = pr.rec.Draft
		} else {
			if !s.canReadPublished(p, pr) {
				continue
			}
			f = pr.latest().Fields
		}
		if !matches(f, q, words, s.d.Organisations) || (q.Workspace != "" && pr.rec.WorkspaceID != q.Workspace) ||
			!PublishedIn(pr.firstPublished(), periods) {
			continue
		}
		items = append(items, s.item(pr, f))
	}
	s.mu.RUnlock()
	sort.Slice(items, func(i, j int) bool {
		if !items[i].UpdatedAt.Equal(items[j].UpdatedAt) {
			return items[i].UpdatedAt.After(items[j].UpdatedAt)
		}
		return items[i].ID < items[j].ID
	})
	total := len(items)
	if q.Offset > total {
		q.Offset = total
	}
	end := min(total, q.Offset+q.Limit)
	out := items[q.Offset:end]
	if out == nil {
		out = []Item{}
	}
	return Page{Items: out, Total: total}, nil
}

func matches(f Fields, q Query, words []string, orgs Organisations) bool {
	if q.Region != "" && f.RegionID != q.Region {
		return false
	}
	if len(q.Themes) > 0 && !slices.ContainsFunc(q.Themes, func(th string) bool { return slices.Contains(f.Themes, th) }) {
		return false
	}
	if q.TargetGroup != "" && !slices.Contains(f.TargetGroups, q.TargetGroup) {
		return false
	}
	if q.NationalGoal != "" && !slices.Contains(f.NationalGoals, q.NationalGoal) {
		return false
	}
	if q.OrgType != "" && !slices.ContainsFunc(f.Organisations, func(id string) bool { return orgs.Type(id) == q.OrgType }) {
		return false
	}
	if len(words) > 0 {
		hay := strings.ToLower(f.Name + " " + f.Summary)
		for _, w := range words {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}

func (s *Service) item(pr *practice, f Fields) Item {
	wsName, _, _, _ := s.d.Workspaces.Info(pr.rec.WorkspaceID)
	it := Item{ID: pr.rec.ID, Name: f.Name, Summary: f.Summary, RegionID: f.RegionID, WorkspaceID: pr.rec.WorkspaceID, WorkspaceName: wsName,
		Themes: nonNil(f.Themes), TargetGroups: nonNil(f.TargetGroups), NationalGoals: nonNil(f.NationalGoals), OrgTypes: []string{},
		State: pr.rec.State, Published: len(pr.versions), Public: pr.rec.Public, Adoptions: len(pr.adoptions), Spread: []string{}, UpdatedAt: pr.rec.UpdatedAt}
	if last := pr.latest(); last != nil {
		it.UpdatedAt = last.PublishedAt
	}
	for _, id := range f.Organisations {
		if t := s.d.Organisations.Type(id); t != "" && !slices.Contains(it.OrgTypes, t) {
			it.OrgTypes = append(it.OrgTypes, t)
		}
	}
	for _, a := range pr.adoptions {
		if !slices.Contains(it.Spread, a.RegionID) {
			it.Spread = append(it.Spread, a.RegionID)
		}
	}
	return it
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// --- search ------------------------------------------------------------------------------

// index puts the practice into the search index: its newest published version for the network
// (and everyone when public), or, never published, its draft for its group.
func (s *Service) index(pr *practice) {
	if s.d.Index == nil {
		return
	}
	s.mu.RLock()
	e := search.Entry{Kind: "practice", ID: pr.rec.ID, Link: "/practices/" + pr.rec.ID, At: pr.rec.UpdatedAt}
	f := pr.rec.Draft
	if last := pr.latest(); last != nil {
		f = last.Fields
		e.At = last.PublishedAt
		e.Readers = search.Audience{Network: true, Public: pr.rec.Public}
	} else {
		e.Readers = search.Audience{Workspaces: []string{pr.rec.WorkspaceID}}
	}
	s.mu.RUnlock()
	e.Title = f.Name
	var b strings.Builder
	b.WriteString(f.Summary)
	for _, name := range LongFields {
		if src := *f.Long(name); src != "" {
			b.WriteString("\n")
			b.WriteString(markdown.Plain(src))
		}
	}
	e.Body = b.String()
	e.Region = []string{f.RegionID}
	e.Theme = slices.Clone(f.Themes)
	e.NationalGoal = slices.Clone(f.NationalGoals)
	s.d.Index.Put(e)
}

func filterErr(field, msg string) error {
	return &apperr.Error{Code: apperr.UnknownFilter, Field: field, Message: msg}
}
