package public

import (
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/practices"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// Practices is the good-practice library. The public pages ask it as nobody (a zero
// Principal), so it answers with the practices its groups made public and nothing else.
type Practices interface {
	List(p accounts.Principal, q practices.Query) (practices.Page, error)
	Get(p accounts.Principal, id string) (practices.View, error)
}

// nobody is the reader of the public pages: signed in as no one.
var nobody = accounts.Principal{}

// UsePractices lets the public pages show the library's public practices; call before serving.
func (s *Service) UsePractices(p Practices) { s.practices = p }

// PracticeSummary is a public practice in a region's list.
type PracticeSummary struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Summary   string    `json:"summary"`
	Group     string    `json:"group"`
	Themes    []Ref     `json:"themes"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// regionPractices lists the public practices of a region (at most 200, newest first).
func (s *Service) regionPractices(regionID string) []PracticeSummary {
	out := []PracticeSummary{}
	if s.practices == nil {
		return out
	}
	page, err := s.practices.List(nobody, practices.Query{Region: regionID, Limit: 200})
	if err != nil {
		return out
	}
	for _, it := range page.Items {
		if !it.Public {
			continue // the library answers nobody with public ones only; this keeps it so
		}
		out = append(out, PracticeSummary{ID: it.ID, Name: it.Name, Summary: it.Summary, Group: it.WorkspaceName,
			Themes: s.refs(it.Themes), UpdatedAt: it.UpdatedAt})
	}
	return out
}

// Practice is a public practice: its published content without the contact person.
type Practice struct {
	ID            string            `json:"id"`
	Name          string            `json:"name"`
	Summary       string            `json:"summary"`
	RegionID      string            `json:"regionId"`
	Group         string            `json:"group"`
	Themes        []Ref             `json:"themes"`
	TargetGroups  []Ref             `json:"targetGroups"`
	NationalGoals []Ref             `json:"nationalGoals"`
	Organisations []string          `json:"organisations"` // by name
	HTML          map[string]string `json:"html"`          // the long fields (basicIdea, environment, ...) as safe HTML
	PublishedAt   *time.Time        `json:"publishedAt"`
}

// Practice returns a public practice; any other (a draft, one shown only to signed-in readers,
// none at all) is not_found.
func (s *Service) Practice(id string) (Practice, error) {
	if !record.Valid(id) {
		return Practice{}, &apperr.Error{Code: apperr.InvalidID, Field: "practiceId", Message: "practiceId is not a valid id"}
	}
	missing := apperr.New(apperr.NotFound, "no such public practice")
	if s.practices == nil {
		return Practice{}, missing
	}
	v, err := s.practices.Get(nobody, id)
	if err != nil || !v.Public || v.Current == nil {
		return Practice{}, missing
	}
	c := v.Current
	p := Practice{ID: v.ID, Name: c.Name, Summary: c.Summary, RegionID: c.RegionID, Group: v.WorkspaceName,
		Themes: s.refs(c.Themes), TargetGroups: s.refs(c.TargetGroups), NationalGoals: s.refs(c.NationalGoals),
		Organisations: s.orgNames(c.Organisations), HTML: map[string]string{}, PublishedAt: v.PublishedAt}
	for name, html := range c.HTML {
		p.HTML[name] = html
	}
	return p, nil
}
