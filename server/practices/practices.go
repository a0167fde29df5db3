// Package practices is the good-practice library (hyvät käytännöt): practice descriptions on a
// structured template (Innokylä's), written as drafts inside a group workspace, submitted for
// review, reviewed by the group's coordinator (approved -> published to the whole network, or
// returned with a note), optionally made public to readers without an account. Every published
// version is kept for comparison. Other regions report "we adopted this" with their
// experiences, which shows where a practice has spread; practices link both ways with plan
// actions and forum threads.
//
// Who may do what:
//   - a practice's working copy (its draft) is read by whoever may read its workspace
//     (members, the national group, administrators) and edited by the group's coordinators and
//     members; its coordinators review it;
//   - a published version is read by every signed-in user, and by anyone when it is public;
//   - adoptions are reported by the coordinators and members of another regional group.
//
// Storage (the embedded database's cost model, FERRETDB.md): practices are few (hundreds), so
// the practice record is replaced in place; published versions, adoptions and links are
// appended. Everything is loaded at start and kept current by this service's writes, each
// stored before it is answered.
package practices

import (
	"context"
	"fmt"
	"log/slog"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/search"
)

// States of a practice's working copy.
const (
	StateDraft  = "draft"  // the group edits it
	StateReview = "review" // submitted: waits for a coordinator
	StateDone   = "done"   // the working copy is the newest published version (nothing to review)
)

// Limits.
const (
	MaxName      = 200
	MaxSummary   = 600
	MaxLongText  = 20000 // characters of each Markdown text
	MaxRefs      = 20    // of each kind of reference (themes, organisations, …)
	MaxLinks     = 20
	MaxNote      = 2000
	MaxExperince = 5000
)

// LongFields names the Markdown texts of the template, in template order.
var LongFields = []string{"basicIdea", "environment", "clientInsight", "steps", "resources", "partners", "results", "adoption"}

// Contact is the practice's contact person.
type Contact struct {
	Name  string `bson:"name" json:"name"`
	Email string `bson:"email" json:"email"`
	Phone string `bson:"phone" json:"phone"`
}

// Link is a link to more material.
type Link struct {
	Title string `bson:"title" json:"title"`
	URL   string `bson:"url" json:"url"`
}

// Fields are a practice's description on the template.
type Fields struct {
	Name          string   `bson:"name" json:"name"`
	Summary       string   `bson:"summary" json:"summary"`             // short description (plain)
	BasicIdea     string   `bson:"basicIdea" json:"basicIdea"`         // Markdown
	Environment   string   `bson:"environment" json:"environment"`     // operating environment
	ClientInsight string   `bson:"clientInsight" json:"clientInsight"` // target groups and client insight
	Steps         string   `bson:"steps" json:"steps"`                 // implementation: steps
	Resources     string   `bson:"resources" json:"resources"`         // implementation: resources
	Partners      string   `bson:"partners" json:"partners"`           // implementation: partners
	Results       string   `bson:"results" json:"results"`             // results and evaluation
	Adoption      string   `bson:"adoption" json:"adoption"`           // conditions for adoption
	RegionID      string   `bson:"regionId" json:"regionId"`
	Organisations []string `bson:"organisations" json:"organisations"`
	Themes        []string `bson:"themes" json:"themes"`
	TargetGroups  []string `bson:"targetGroups" json:"targetGroups"`
	NationalGoals []string `bson:"nationalGoals" json:"nationalGoals"`
	Contact       Contact  `bson:"contact" json:"contact"`
	Links         []Link   `bson:"links" json:"links"`
}

// Long returns the Markdown text of a long field by its name.
func (f *Fields) Long(name string) *string {
	switch name {
	case "basicIdea":
		return &f.BasicIdea
	case "environment":
		return &f.Environment
	case "clientInsight":
		return &f.ClientInsight
	case "steps":
		return &f.Steps
	case "resources":
		return &f.Resources
	case "partners":
		return &f.Partners
	case "results":
		return &f.Results
	case "adoption":
		return &f.Adoption
	}
	return nil
}

// Record is a practice as stored: its working copy and where it is in its lifecycle.
type Record struct {
	ID          string    `bson:"_id"`
	WorkspaceID string    `bson:"workspaceId"`
	AuthorID    string    `bson:"authorId"`
	Draft       Fields    `bson:"draft"`
	State       string    `bson:"state"`
	Public      bool      `bson:"public"`
	SubmittedBy string    `bson:"submittedBy,omitempty"`
	SubmittedAt time.Time `bson:"submittedAt,omitempty"`
	ReviewNote  string    `bson:"reviewNote,omitempty"` // the coordinator's note when returned
	ReviewedBy  string    `bson:"reviewedBy,omitempty"`
	CreatedAt   time.Time `bson:"createdAt"`
	UpdatedAt   time.Time `bson:"updatedAt"`
	UpdatedBy   string    `bson:"updatedBy"`
	Version     int       `bson:"version"`
}

// PublishedVersion is one approved version of a practice, kept for ever.
type PublishedVersion struct {
	ID          string    `bson:"_id"` // <practice>-<n, 6 digits>: a second write of one n is refused
	Practice    string    `bson:"practice"`
	N           int       `bson:"n"`
	Fields      Fields    `bson:"fields"`
	AuthorID    string    `bson:"authorId"` // who submitted it
	ApprovedBy  string    `bson:"approvedBy"`
	PublishedAt time.Time `bson:"publishedAt"`
}

// Adoption is another group's report that it adopted the practice.
type Adoption struct {
	ID          string    `bson:"_id"` // <practice>-<workspace>: one report per group
	Practice    string    `bson:"practice"`
	WorkspaceID string    `bson:"workspaceId"`
	RegionID    string    `bson:"regionId"`
	By          string    `bson:"by"`
	Experience  string    `bson:"experience"` // Markdown
	At          time.Time `bson:"at"`
}

// Kinds of link.
const (
	LinkAction = "action" // a plan action (or any item of a plan)
	LinkThread = "thread" // a forum thread
)

// LinkRecord links a practice with a plan item or a forum thread.
type LinkRecord struct {
	ID       string    `bson:"_id"`
	Practice string    `bson:"practice"`
	Kind     string    `bson:"kind"`
	Document string    `bson:"document,omitempty"` // action: the plan
	Node     string    `bson:"node,omitempty"`     // action: the item in the plan
	Thread   string    `bson:"thread,omitempty"`
	By       string    `bson:"by"`
	At       time.Time `bson:"at"`
}

// Table is a durable table with replaceable records.
type Table[T any] interface {
	All(ctx context.Context) ([]T, error)
	Insert(ctx context.Context, doc T) error
	Replace(ctx context.Context, id string, prevVersion int, doc T) error
	Delete(ctx context.Context, id string) error
}

// Stores are the tables the service writes.
type Stores struct {
	Practices Table[Record]
	Versions  Table[PublishedVersion]
	Adoptions Table[Adoption]
	Links     Table[LinkRecord]
}

// Workspaces is what the library needs of groups.
type Workspaces interface {
	Role(userID, workspaceID string) string
	CanRead(p accounts.Principal, workspaceID string) bool
	CanEdit(p accounts.Principal, workspaceID string) bool
	Info(workspaceID string) (name, kind, regionID string, ok bool)
	Coordinators(workspaceID string) []string
}

// Reference checks reference ids.
type Reference interface {
	Is(kind, id string) bool
}

// Organisations checks and types organisations.
type Organisations interface {
	Exists(id string) bool
	Type(id string) string
	Name(id string) string
}

// Accounts names people.
type Accounts interface {
	Name(userID string) string
}

// Documents is what links to plan items need.
type Documents interface {
	Readable(p accounts.Principal, id string) (title, workspaceID string, ok bool)
	CanEdit(p accounts.Principal, id string) bool
	Exists(id string) bool
}

// Threads is what links to forum threads need (nil until forums are wired).
type Threads interface {
	Readable(p accounts.Principal, id string) (title string, ok bool)
	Exists(id string) bool
}

// Index is the search index (search.Index).
type Index interface {
	Put(e search.Entry)
	Remove(kind, id string)
}

// Note is one notification to deliver (wired to the notifications service in app).
type Note struct {
	UserID, Kind, ActorID, ActorName, WorkspaceID, Subject, Excerpt, Link string
}

// Notification kinds the library sends.
const (
	NoteReview   = "review"
	NoteAdoption = "adoption"
)

// Deps are the services the library uses.
type Deps struct {
	Workspaces    Workspaces
	Reference     Reference
	Organisations Organisations
	Accounts      Accounts
	Documents     Documents
	Threads       Threads                                    // nil: thread links are refused
	Index         Index                                      // nil: not indexed
	Notify        func(ctx context.Context, ns []Note) error // nil: nobody is told
	Levels        Levels                                     // nil: the defaults only (levels.go)
	Publish       func(topic, kind string, data any)         // nil: no live events
	Log           *slog.Logger
}

// Topic is the live topic of a practice.
func Topic(id string) string { return "practice:" + id }

// TopicPrefix is the prefix of practice topics.
const TopicPrefix = "practice:"

// practice is one practice in memory.
type practice struct {
	rec       Record
	versions  []PublishedVersion // by N
	adoptions []Adoption         // by time
	links     []LinkRecord

	cmu   sync.Mutex
	cache map[string]*Content // rendered versions ("v<n>") and the draft ("d<record version>")
}

func (pr *practice) latest() *PublishedVersion {
	if len(pr.versions) == 0 {
		return nil
	}
	return &pr.versions[len(pr.versions)-1]
}

// Service is the library.
type Service struct {
	st  Stores
	d   Deps
	now func() time.Time

	wmu sync.Mutex // serialises writes: store, then memory
	mu  sync.RWMutex
	all map[string]*practice

	onPublish []func() // told after a new version is published (set before serving)
}

// New makes the service; call Load before use.
func New(st Stores, d Deps) *Service {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	return &Service{st: st, d: d, now: time.Now, all: map[string]*practice{}}
}

// Feed sets the search index and puts every practice into it (wired in app once the index
// exists; Load also feeds an index set in Deps).
func (s *Service) Feed(ix Index) {
	s.d.Index = ix
	s.mu.RLock()
	all := make([]*practice, 0, len(s.all))
	for _, pr := range s.all {
		all = append(all, pr)
	}
	s.mu.RUnlock()
	for _, pr := range all {
		s.index(pr)
	}
}

// SetThreads wires forum threads once the forums service exists.
func (s *Service) SetThreads(t Threads) { s.d.Threads = t }

// Load reads every practice, version, adoption and link, and feeds the search index.
func (s *Service) Load(ctx context.Context) error {
	recs, err := s.st.Practices.All(ctx)
	if err != nil {
		return err
	}
	vers, err := s.st.Versions.All(ctx)
	if err != nil {
		return err
	}
	ads, err := s.st.Adoptions.All(ctx)
	if err != nil {
		return err
	}
	links, err := s.st.Links.All(ctx)
	if err != nil {
		return err
	}
	all := make(map[string]*practice, len(recs))
	for _, r := range recs {
		all[r.ID] = &practice{rec: r}
	}
	for _, v := range vers {
		if pr := all[v.Practice]; pr != nil {
			pr.versions = append(pr.versions, v)
		}
	}
	for _, a := range ads {
		if pr := all[a.Practice]; pr != nil {
			pr.adoptions = append(pr.adoptions, a)
		}
	}
	for _, l := range links {
		if pr := all[l.Practice]; pr != nil {
			pr.links = append(pr.links, l)
		}
	}
	for _, pr := range all {
		slices.SortFunc(pr.versions, func(a, b PublishedVersion) int { return a.N - b.N })
		slices.SortFunc(pr.adoptions, func(a, b Adoption) int { return a.At.Compare(b.At) })
		slices.SortFunc(pr.links, func(a, b LinkRecord) int { return a.At.Compare(b.At) })
	}
	s.mu.Lock()
	s.all = all
	s.mu.Unlock()
	for _, pr := range all {
		s.index(pr)
	}
	return nil
}

// --- who may do what ---------------------------------------------------------------------

func signedIn(p accounts.Principal) bool { return p.UserID != "" }

// canReadDraft: whoever reads the group's workspace reads its drafts.
func (s *Service) canReadDraft(p accounts.Principal, pr *practice) bool {
	return signedIn(p) && s.d.Workspaces.CanRead(p, pr.rec.WorkspaceID)
}

// canReadPublished: a published practice is read by everyone signed in, and by anyone when public.
func (s *Service) canReadPublished(p accounts.Principal, pr *practice) bool {
	return len(pr.versions) > 0 && (signedIn(p) || pr.rec.Public)
}

func (s *Service) canRead(p accounts.Principal, pr *practice) bool {
	return s.canReadPublished(p, pr) || s.canReadDraft(p, pr)
}

func (s *Service) canEdit(p accounts.Principal, pr *practice) bool {
	return signedIn(p) && s.d.Workspaces.CanEdit(p, pr.rec.WorkspaceID)
}

func (s *Service) canReview(p accounts.Principal, pr *practice) bool {
	return signedIn(p) && s.d.Workspaces.Role(p.UserID, pr.rec.WorkspaceID) == "coordinator"
}

// get returns a practice p may read: invalid_id, not_found (also when p may not know it exists:
// drafts never leak their existence), or unauthenticated for a signed-out reader of a
// non-public practice.
func (s *Service) get(p accounts.Principal, id string) (*practice, error) {
	if !record.Valid(id) {
		return nil, apperr.New(apperr.InvalidID, "not a valid id")
	}
	s.mu.RLock()
	pr := s.all[id]
	s.mu.RUnlock()
	if pr == nil {
		return nil, apperr.New(apperr.NotFound, "no such practice")
	}
	if !s.canRead(p, pr) {
		if !signedIn(p) && len(pr.versions) > 0 {
			return nil, apperr.New(apperr.Unauthenticated, "sign in to read this practice")
		}
		return nil, apperr.New(apperr.NotFound, "no such practice")
	}
	return pr, nil
}

// --- checking input ----------------------------------------------------------------------

func (s *Service) check(f Fields, requireComplete bool) (Fields, error) {
	var err error
	if f.Name, err = record.Text("name", f.Name, 1, MaxName); err != nil {
		return f, err
	}
	min := 0
	if requireComplete {
		min = 1
	}
	if f.Summary, err = record.Text("summary", f.Summary, min, MaxSummary); err != nil {
		return f, err
	}
	for _, name := range LongFields {
		p := f.Long(name)
		if *p, err = record.Text(name, *p, 0, MaxLongText); err != nil {
			return f, err
		}
	}
	if requireComplete && f.BasicIdea == "" {
		return f, apperr.Invalid("basicIdea", "the basic idea is required before review")
	}
	if f.RegionID == "" || !s.d.Reference.Is("regions", f.RegionID) {
		return f, apperr.Invalid("regionId", "unknown region")
	}
	refs := []struct {
		field, kind string
		ids         *[]string
	}{
		{"themes", "themes", &f.Themes}, {"targetGroups", "targetGroups", &f.TargetGroups}, {"nationalGoals", "nationalGoals", &f.NationalGoals},
	}
	for _, r := range refs {
		if *r.ids, err = s.refs(r.field, *r.ids, func(id string) bool { return s.d.Reference.Is(r.kind, id) }); err != nil {
			return f, err
		}
	}
	if f.Organisations, err = s.refs("organisations", f.Organisations, s.d.Organisations.Exists); err != nil {
		return f, err
	}
	if f.Contact.Name, err = record.Text("contact.name", f.Contact.Name, 0, 200); err != nil {
		return f, err
	}
	if f.Contact.Phone, err = record.Text("contact.phone", f.Contact.Phone, 0, 40); err != nil {
		return f, err
	}
	if f.Contact.Email, err = record.Text("contact.email", f.Contact.Email, 0, 254); err != nil {
		return f, err
	}
	if f.Contact.Email != "" {
		if a, err := mail.ParseAddress(f.Contact.Email); err != nil || a.Address != f.Contact.Email {
			return f, apperr.Invalid("contact.email", "not an email address")
		}
	}
	if len(f.Links) > MaxLinks {
		return f, apperr.Invalid("links", "at most %d links", MaxLinks)
	}
	links := make([]Link, 0, len(f.Links))
	for _, l := range f.Links {
		if l.Title, err = record.Text("links.title", l.Title, 0, 200); err != nil {
			return f, err
		}
		l.URL = strings.TrimSpace(l.URL)
		u, perr := url.Parse(l.URL)
		if perr != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(l.URL) > 1000 {
			return f, apperr.Invalid("links.url", "a link is a web address (https://…)")
		}
		if l.Title == "" {
			l.Title = u.Host
		}
		links = append(links, l)
	}
	f.Links = links
	return f, nil
}

// refs checks a list of ids: each known, none twice, at most MaxRefs.
func (s *Service) refs(field string, ids []string, known func(string) bool) ([]string, error) {
	if len(ids) > MaxRefs {
		return nil, apperr.Invalid(field, "at most %d", MaxRefs)
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !record.Valid(id) || !known(id) {
			return nil, apperr.Invalid(field, "unknown %s: %q", field, clip(id, 40))
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// --- writes ------------------------------------------------------------------------------

// Create starts a draft in a group workspace p edits.
func (s *Service) Create(ctx context.Context, p accounts.Principal, workspaceID string, f Fields) (View, error) {
	if !record.Valid(workspaceID) {
		return View{}, apperr.Invalid("workspaceId", "not a valid id")
	}
	_, _, region, ok := s.d.Workspaces.Info(workspaceID)
	if !ok {
		return View{}, apperr.New(apperr.NotFound, "no such workspace")
	}
	if !signedIn(p) || !s.d.Workspaces.CanEdit(p, workspaceID) {
		return View{}, apperr.New(apperr.Forbidden, "only the group's coordinators and members write its practices")
	}
	if f.RegionID == "" {
		f.RegionID = region
	}
	f, err := s.check(f, false)
	if err != nil {
		return View{}, err
	}
	now := s.now().UTC().Truncate(time.Millisecond)
	rec := Record{ID: record.New(), WorkspaceID: workspaceID, AuthorID: p.UserID, Draft: f, State: StateDraft,
		CreatedAt: now, UpdatedAt: now, UpdatedBy: p.UserID, Version: 1}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.st.Practices.Insert(ctx, rec); err != nil {
		return View{}, apperr.Wrap(err, "store practice")
	}
	pr := &practice{rec: rec}
	s.mu.Lock()
	s.all[rec.ID] = pr
	s.mu.Unlock()
	s.index(pr)
	return s.view(p, pr), nil
}

// replace stores the next record of a practice (write lock held) and publishes the change.
func (s *Service) replace(ctx context.Context, pr *practice, next Record) error {
	if err := s.st.Practices.Replace(ctx, next.ID, pr.rec.Version, next); err != nil {
		return apperr.Wrap(err, "store practice")
	}
	s.mu.Lock()
	pr.rec = next
	s.mu.Unlock()
	return nil
}

// writable returns the practice for a write: known, readable, at the version the client saw.
func (s *Service) writable(p accounts.Principal, id string, version int) (*practice, error) {
	pr, err := s.get(p, id)
	if err != nil {
		return nil, err
	}
	if version != pr.rec.Version {
		return nil, apperr.New(apperr.VersionConflict, "the practice was changed by someone else; reload it")
	}
	return pr, nil
}

// Update replaces the draft's fields.
func (s *Service) Update(ctx context.Context, p accounts.Principal, id string, version int, f Fields) (View, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pr, err := s.writable(p, id, version)
	if err != nil {
		return View{}, err
	}
	if !s.canEdit(p, pr) {
		return View{}, apperr.New(apperr.Forbidden, "only the group's coordinators and members edit its practices")
	}
	if pr.rec.State == StateReview {
		return View{}, apperr.New(apperr.WrongState, "the practice waits for review; it is edited again once reviewed")
	}
	if f.RegionID == "" {
		f.RegionID = pr.rec.Draft.RegionID
	}
	if f, err = s.check(f, false); err != nil {
		return View{}, err
	}
	next := pr.rec
	next.Draft, next.State = f, StateDraft
	next.UpdatedAt, next.UpdatedBy, next.Version = s.now().UTC().Truncate(time.Millisecond), p.UserID, pr.rec.Version+1
	if err := s.replace(ctx, pr, next); err != nil {
		return View{}, err
	}
	s.index(pr)
	s.changed(pr, "updated")
	return s.view(p, pr), nil
}

// Submit sends the draft for the group's coordinators to review.
func (s *Service) Submit(ctx context.Context, p accounts.Principal, id string, version int) (View, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pr, err := s.writable(p, id, version)
	if err != nil {
		return View{}, err
	}
	if !s.canEdit(p, pr) {
		return View{}, apperr.New(apperr.Forbidden, "only the group's coordinators and members submit its practices")
	}
	if pr.rec.State != StateDraft {
		return View{}, apperr.New(apperr.WrongState, "only a draft is submitted for review")
	}
	f, err := s.check(pr.rec.Draft, true)
	if err != nil {
		return View{}, err
	}
	now := s.now().UTC().Truncate(time.Millisecond)
	next := pr.rec
	next.Draft, next.State, next.SubmittedBy, next.SubmittedAt, next.ReviewNote = f, StateReview, p.UserID, now, ""
	next.UpdatedAt, next.UpdatedBy, next.Version = now, p.UserID, pr.rec.Version+1
	if err := s.replace(ctx, pr, next); err != nil {
		return View{}, err
	}
	s.changed(pr, "submitted")
	var notes []Note
	for _, c := range s.d.Workspaces.Coordinators(pr.rec.WorkspaceID) {
		notes = append(notes, Note{UserID: c, Kind: NoteReview, ActorID: p.UserID, ActorName: s.d.Accounts.Name(p.UserID),
			WorkspaceID: pr.rec.WorkspaceID, Subject: f.Name, Excerpt: clip(f.Summary, 150), Link: "/practices/" + pr.rec.ID})
	}
	s.tell(ctx, pr, notes, nil)
	return s.view(p, pr), nil
}

// Review decisions.
const (
	Approve = "approve"
	Return  = "return"
)

// Review approves the submitted draft (it becomes the newest published version) or returns it
// to the group with a note. Only the group's coordinators review.
func (s *Service) Review(ctx context.Context, p accounts.Principal, id string, version int, decision, note string) (View, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pr, err := s.writable(p, id, version)
	if err != nil {
		return View{}, err
	}
	if !s.canReview(p, pr) {
		return View{}, apperr.New(apperr.Forbidden, "only the group's coordinators review its practices")
	}
	if decision != Approve && decision != Return {
		return View{}, apperr.Invalid("decision", "decision is approve or return")
	}
	if note, err = record.Text("note", note, 0, MaxNote); err != nil {
		return View{}, err
	}
	if decision == Return && note == "" {
		return View{}, apperr.Invalid("note", "say what to change when returning a practice")
	}
	if pr.rec.State != StateReview {
		return View{}, apperr.New(apperr.WrongState, "the practice has not been submitted for review")
	}
	now := s.now().UTC().Truncate(time.Millisecond)
	next := pr.rec
	next.ReviewedBy, next.UpdatedAt, next.UpdatedBy, next.Version = p.UserID, now, p.UserID, pr.rec.Version+1
	var pub *PublishedVersion
	if decision == Approve {
		n := len(pr.versions) + 1
		pub = &PublishedVersion{ID: fmt.Sprintf("%s-%06d", pr.rec.ID, n), Practice: pr.rec.ID, N: n, Fields: pr.rec.Draft,
			AuthorID: pr.rec.SubmittedBy, ApprovedBy: p.UserID, PublishedAt: now}
		next.State, next.ReviewNote = StateDone, note
		// The version first: a version without the record's new state still reads as published
		// at the next start; the record is then written, and a failed write takes the version back.
		if err := s.st.Versions.Insert(ctx, *pub); err != nil {
			return View{}, apperr.Wrap(err, "store published version")
		}
		if err := s.st.Practices.Replace(ctx, next.ID, pr.rec.Version, next); err != nil {
			if derr := s.st.Versions.Delete(ctx, pub.ID); derr != nil {
				s.d.Log.Error("published version left without its practice's state", "practice", pr.rec.ID, "err", derr)
			}
			return View{}, apperr.Wrap(err, "store practice")
		}
		s.mu.Lock()
		pr.rec = next
		pr.versions = append(pr.versions, *pub)
		s.mu.Unlock()
	} else {
		next.State, next.ReviewNote = StateDraft, note
		if err := s.replace(ctx, pr, next); err != nil {
			return View{}, err
		}
	}
	s.index(pr)
	s.changed(pr, "reviewed")
	if pub != nil {
		s.published()
	}
	excerpt := note // the coordinator's note, in their words (the page shows the outcome)
	var notes []Note
	for _, u := range uniq(pr.rec.SubmittedBy, pr.rec.AuthorID) {
		notes = append(notes, Note{UserID: u, Kind: NoteReview, ActorID: p.UserID, ActorName: s.d.Accounts.Name(p.UserID),
			WorkspaceID: pr.rec.WorkspaceID, Subject: pr.rec.Draft.Name, Excerpt: excerpt, Link: "/practices/" + pr.rec.ID})
	}
	var watchers *Note // a new version tells the practice's watchers
	if decision == Approve {
		watchers = &Note{Kind: NotePublished, ActorID: p.UserID, ActorName: s.d.Accounts.Name(p.UserID), WorkspaceID: pr.rec.WorkspaceID,
			Subject: pr.rec.Draft.Name, Excerpt: clip(pr.rec.Draft.Summary, 150), Link: "/practices/" + pr.rec.ID}
	}
	s.tell(ctx, pr, notes, watchers)
	return s.view(p, pr), nil
}

func uniq(ids ...string) []string {
	var out []string
	for _, id := range ids {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// SetPublic makes a published practice readable without an account, or takes that back.
// The group's coordinators decide.
func (s *Service) SetPublic(ctx context.Context, p accounts.Principal, id string, version int, public bool) (View, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pr, err := s.writable(p, id, version)
	if err != nil {
		return View{}, err
	}
	if !s.canReview(p, pr) {
		return View{}, apperr.New(apperr.Forbidden, "only the group's coordinators make its practices public")
	}
	if public && len(pr.versions) == 0 {
		return View{}, apperr.New(apperr.WrongState, "only a published practice is made public")
	}
	next := pr.rec
	next.Public, next.UpdatedAt, next.UpdatedBy, next.Version = public, s.now().UTC().Truncate(time.Millisecond), p.UserID, pr.rec.Version+1
	if err := s.replace(ctx, pr, next); err != nil {
		return View{}, err
	}
	s.index(pr)
	s.changed(pr, "visibility")
	return s.view(p, pr), nil
}

// Adopt reports that a group p edits (another regional group than the practice's) adopted it.
func (s *Service) Adopt(ctx context.Context, p accounts.Principal, id, workspaceID, experience string) (AdoptionView, error) {
	pr, err := s.get(p, id)
	if err != nil {
		return AdoptionView{}, err
	}
	if len(pr.versions) == 0 || !signedIn(p) {
		return AdoptionView{}, apperr.New(apperr.WrongState, "only a published practice is adopted")
	}
	if !record.Valid(workspaceID) {
		return AdoptionView{}, apperr.Invalid("workspaceId", "not a valid id")
	}
	_, kind, region, ok := s.d.Workspaces.Info(workspaceID)
	if !ok {
		return AdoptionView{}, apperr.Invalid("workspaceId", "no such workspace")
	}
	if !s.d.Workspaces.CanEdit(p, workspaceID) {
		return AdoptionView{}, apperr.New(apperr.Forbidden, "only a group's coordinators and members report what it adopted")
	}
	if workspaceID == pr.rec.WorkspaceID || kind != "regional" {
		return AdoptionView{}, apperr.Invalid("workspaceId", "another regional group reports an adoption")
	}
	if experience, err = record.Text("experience", experience, 1, MaxExperince); err != nil {
		return AdoptionView{}, err
	}
	a := Adoption{ID: pr.rec.ID + "-" + workspaceID, Practice: pr.rec.ID, WorkspaceID: workspaceID, RegionID: region, By: p.UserID,
		Experience: experience, At: s.now().UTC().Truncate(time.Millisecond)}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.st.Adoptions.Insert(ctx, a); err != nil {
		if apperr.Is(err, apperr.VersionConflict) {
			return AdoptionView{}, apperr.New(apperr.VersionConflict, "your group has already reported adopting this practice")
		}
		return AdoptionView{}, apperr.Wrap(err, "store adoption")
	}
	s.mu.Lock()
	pr.adoptions = append(pr.adoptions, a)
	s.mu.Unlock()
	s.changed(pr, "adopted")
	wsName, _, _, _ := s.d.Workspaces.Info(workspaceID)
	var notes []Note
	for _, u := range uniq(pr.rec.AuthorID, pr.latest().AuthorID) {
		notes = append(notes, Note{UserID: u, Kind: NoteAdoption, ActorID: p.UserID, ActorName: s.d.Accounts.Name(p.UserID),
			WorkspaceID: workspaceID, Subject: pr.latest().Fields.Name, Excerpt: wsName + ": " + clip(experience, 150), Link: "/practices/" + pr.rec.ID + "#adoptions"})
	}
	watchers := Note{Kind: NoteAdoption, ActorID: p.UserID, ActorName: s.d.Accounts.Name(p.UserID), WorkspaceID: workspaceID,
		Subject: pr.latest().Fields.Name, Excerpt: wsName + ": " + clip(experience, 150), Link: "/practices/" + pr.rec.ID + "#adoptions"}
	s.tell(ctx, pr, notes, &watchers)
	return s.adoptionView(a), nil
}

// AddLink links a practice p reads with a plan item p edits, or with a forum thread p reads.
func (s *Service) AddLink(ctx context.Context, p accounts.Principal, id string, in LinkInput) (LinkView, error) {
	pr, err := s.get(p, id)
	if err != nil {
		return LinkView{}, err
	}
	if !signedIn(p) {
		return LinkView{}, apperr.New(apperr.Unauthenticated, "sign in first")
	}
	l := LinkRecord{ID: record.New(), Practice: pr.rec.ID, Kind: in.Kind, By: p.UserID, At: s.now().UTC().Truncate(time.Millisecond)}
	switch in.Kind {
	case LinkAction:
		if !record.Valid(in.DocumentID) {
			return LinkView{}, apperr.Invalid("documentId", "not a valid id")
		}
		if _, _, ok := s.d.Documents.Readable(p, in.DocumentID); !ok {
			return LinkView{}, apperr.Invalid("documentId", "no such plan, or you may not read it")
		}
		if !s.d.Documents.CanEdit(p, in.DocumentID) {
			return LinkView{}, apperr.New(apperr.Forbidden, "only the plan's editors link practices to it")
		}
		if in.Node, err = record.Text("node", in.Node, 1, 64); err != nil {
			return LinkView{}, err
		}
		l.Document, l.Node = in.DocumentID, in.Node
	case LinkThread:
		if s.d.Threads == nil || !record.Valid(in.ThreadID) {
			return LinkView{}, apperr.Invalid("threadId", "no such thread")
		}
		if _, ok := s.d.Threads.Readable(p, in.ThreadID); !ok {
			return LinkView{}, apperr.Invalid("threadId", "no such thread, or you may not read it")
		}
		l.Thread = in.ThreadID
	default:
		return LinkView{}, apperr.Invalid("kind", "kind is action or thread")
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	for _, old := range pr.links {
		if old.Kind == l.Kind && old.Document == l.Document && old.Node == l.Node && old.Thread == l.Thread {
			s.mu.RUnlock()
			return LinkView{}, apperr.New(apperr.VersionConflict, "already linked")
		}
	}
	s.mu.RUnlock()
	if err := s.st.Links.Insert(ctx, l); err != nil {
		return LinkView{}, apperr.Wrap(err, "store link")
	}
	s.mu.Lock()
	pr.links = append(pr.links, l)
	s.mu.Unlock()
	s.changed(pr, "linked")
	v, _ := s.linkView(p, pr, l)
	return v, nil
}

// RemoveLink removes a link: whoever made it, or an editor of the practice's group.
func (s *Service) RemoveLink(ctx context.Context, p accounts.Principal, id, linkID string) error {
	pr, err := s.get(p, id)
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	i := slices.IndexFunc(pr.links, func(l LinkRecord) bool { return l.ID == linkID })
	var l LinkRecord
	if i >= 0 {
		l = pr.links[i]
	}
	s.mu.RUnlock()
	if i < 0 {
		return apperr.New(apperr.NotFound, "no such link")
	}
	if l.By != p.UserID && !s.canEdit(p, pr) && !(l.Kind == LinkAction && s.d.Documents.CanEdit(p, l.Document)) {
		return apperr.New(apperr.Forbidden, "only who linked it, the practice's group or the plan's editors remove a link")
	}
	if err := s.st.Links.Delete(ctx, linkID); err != nil {
		return apperr.Wrap(err, "remove link")
	}
	s.mu.Lock()
	pr.links = slices.DeleteFunc(pr.links, func(l LinkRecord) bool { return l.ID == linkID })
	s.mu.Unlock()
	s.changed(pr, "linked")
	return nil
}

// LinkInput is a new link.
type LinkInput struct {
	Kind       string
	DocumentID string
	Node       string
	ThreadID   string
}

func (s *Service) notify(ctx context.Context, ns []Note) {
	if s.d.Notify == nil || len(ns) == 0 {
		return
	}
	if err := s.d.Notify(ctx, ns); err != nil {
		s.d.Log.Warn("practice notifications not delivered", "err", err)
	}
}

// Change is the data of a live event on practice:<id>.
type Change struct {
	Practice string `json:"practice"`
	What     string `json:"what"`
	Version  int    `json:"version"`
}

func (s *Service) changed(pr *practice, what string) {
	if s.d.Publish == nil {
		return
	}
	s.mu.RLock()
	c := Change{Practice: pr.rec.ID, What: what, Version: pr.rec.Version}
	s.mu.RUnlock()
	s.d.Publish(Topic(pr.rec.ID), "practice", c)
}

// CanListen says whether p may hear a practice's topic.
func (s *Service) CanListen(p accounts.Principal, topic string) bool {
	id, ok := strings.CutPrefix(topic, TopicPrefix)
	if !ok {
		return false
	}
	_, err := s.get(p, id)
	return err == nil && signedIn(p)
}
