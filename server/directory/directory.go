// Package directory is the organisation directory: who takes part in the ELO network and
// which guidance services each offers, so members know each other's services (seed 000).
package directory

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// Types of organisation.
var Types = []string{
	"municipality", "vocational_institution", "university_of_applied_sciences", "employment_services",
	"ohjaamo", "ely_centre", "third_sector", "other",
}

// Organisation is a member organisation of the network.
type Organisation struct {
	ID          string    `bson:"_id"`
	Name        string    `bson:"name"`
	Type        string    `bson:"type"`
	RegionID    string    `bson:"regionId"`
	Description string    `bson:"description"`
	Services    []string  `bson:"services"`
	Website     string    `bson:"website"`
	CreatedAt   time.Time `bson:"createdAt"`
	Version     int       `bson:"version"`
}

// Fields are the editable fields; nil leaves a field as it is.
type Fields struct {
	Name        *string
	Type        *string
	RegionID    *string
	Description *string
	Services    *[]string
	Website     *string
}

// Actor is who asks, with the facts the directory's rules need.
type Actor struct {
	UserID         string
	IsAdmin        bool
	IsCoordinator  bool   // coordinates at least one group
	OrganisationID string // the organisation on the actor's profile
}

// Regions tells whether an id is a region.
type Regions interface {
	IsRegion(id string) bool
}

// Query filters the directory.
type Query struct {
	Text          string
	Type          string
	RegionID      string
	Limit, Offset int
}

// Service is the directory, served from memory.
type Service struct {
	orgs    record.Table[Organisation]
	regions Regions
	wmu     sync.Mutex
	mu      sync.RWMutex
	byID    map[string]Organisation
	sorted  []string // ids in Finnish alphabetical order of name
	search  map[string]string
}

// New makes the service; call Load before use.
func New(orgs record.Table[Organisation], regions Regions) *Service {
	return &Service{orgs: orgs, regions: regions}
}

// Load reads every organisation.
func (s *Service) Load(ctx context.Context) error {
	all, err := s.orgs.All(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID = make(map[string]Organisation, len(all))
	for _, o := range all {
		s.byID[o.ID] = o
	}
	s.reindexLocked()
	return nil
}

// reindexLocked rebuilds the name order and the search text; organisations change rarely.
func (s *Service) reindexLocked() {
	col := collate.New(language.Finnish, collate.IgnoreCase)
	s.sorted = s.sorted[:0]
	s.search = make(map[string]string, len(s.byID))
	for id, o := range s.byID {
		s.sorted = append(s.sorted, id)
		s.search[id] = fold(o.Name + "\n" + o.Description + "\n" + strings.Join(o.Services, "\n"))
	}
	slices.SortFunc(s.sorted, func(a, b string) int { return col.CompareString(s.byID[a].Name, s.byID[b].Name) })
}

func fold(s string) string { return strings.ToLower(s) }

// Exists reports whether an organisation exists.
func (s *Service) Exists(id string) bool {
	_, ok := s.Get(id)
	return ok
}

// Get returns an organisation.
func (s *Service) Get(id string) (Organisation, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	o, ok := s.byID[id]
	return o, ok
}

// Name returns an organisation's name, or "" when it does not exist.
func (s *Service) Name(id string) string {
	o, _ := s.Get(id)
	return o.Name
}

// Find lists organisations matching the query in alphabetical order, and the total count.
func (s *Service) Find(q Query) ([]Organisation, int, error) {
	if q.Type != "" && !slices.Contains(Types, q.Type) {
		return nil, 0, apperr.Invalid("type", "unknown organisation type")
	}
	if q.Limit <= 0 || q.Limit > 200 {
		q.Limit = 50
	}
	words := strings.Fields(fold(q.Text))
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Organisation
	total := 0
	for _, id := range s.sorted {
		o := s.byID[id]
		if q.Type != "" && o.Type != q.Type || q.RegionID != "" && o.RegionID != q.RegionID {
			continue
		}
		if !containsAll(s.search[id], words) {
			continue
		}
		if total >= q.Offset && len(out) < q.Limit {
			out = append(out, o)
		}
		total++
	}
	return out, total, nil
}

func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

func (s *Service) apply(o Organisation, f Fields) (Organisation, error) {
	var err error
	if f.Name != nil {
		if o.Name, err = record.Text("name", *f.Name, 1, 200); err != nil {
			return o, err
		}
	}
	if f.Type != nil {
		if !slices.Contains(Types, *f.Type) {
			return o, apperr.Invalid("type", "unknown organisation type")
		}
		o.Type = *f.Type
	}
	if f.RegionID != nil {
		if *f.RegionID != "" && !s.regions.IsRegion(*f.RegionID) {
			return o, apperr.Invalid("regionId", "no such region")
		}
		o.RegionID = *f.RegionID
	}
	if f.Description != nil {
		if o.Description, err = record.Text("description", *f.Description, 0, 4000); err != nil {
			return o, err
		}
	}
	if f.Services != nil {
		if len(*f.Services) > 50 {
			return o, apperr.Invalid("services", "at most 50 services")
		}
		o.Services = make([]string, 0, len(*f.Services))
		for _, sv := range *f.Services {
			if sv, err = record.Text("services", sv, 1, 200); err != nil {
				return o, err
			}
			o.Services = append(o.Services, sv)
		}
	}
	if f.Website != nil {
		w := strings.TrimSpace(*f.Website)
		if w != "" && !strings.HasPrefix(w, "https://") && !strings.HasPrefix(w, "http://") || len(w) > 300 {
			return o, apperr.Invalid("website", "a website address starts with https://")
		}
		o.Website = w
	}
	return o, nil
}

// Create adds an organisation (administrators and coordinators).
func (s *Service) Create(ctx context.Context, a Actor, f Fields) (Organisation, error) {
	if !a.IsAdmin && !a.IsCoordinator {
		return Organisation{}, apperr.New(apperr.Forbidden, "only coordinators and administrators add organisations")
	}
	if f.Name == nil || f.Type == nil {
		return Organisation{}, apperr.Invalid("name", "name and type are required")
	}
	o, err := s.apply(Organisation{ID: record.New(), Services: []string{}, CreatedAt: time.Now().UTC(), Version: 1}, f)
	if err != nil {
		return Organisation{}, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.orgs.Insert(ctx, o); err != nil {
		return Organisation{}, err
	}
	s.put(o)
	return o, nil
}

// Update edits an organisation at version (administrators, coordinators, its own people).
func (s *Service) Update(ctx context.Context, a Actor, id string, version int, f Fields) (Organisation, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	o, ok := s.Get(id)
	if !ok {
		return Organisation{}, apperr.New(apperr.NotFound, "no such organisation")
	}
	if !a.IsAdmin && !a.IsCoordinator && a.OrganisationID != id {
		return Organisation{}, apperr.New(apperr.Forbidden, "only the organisation's own people, coordinators and administrators edit it")
	}
	if version != o.Version {
		return Organisation{}, apperr.New(apperr.VersionConflict, "the organisation was changed by someone else; reload it")
	}
	next, err := s.apply(o, f)
	if err != nil {
		return Organisation{}, err
	}
	next.Version = o.Version + 1
	if err := s.orgs.Replace(ctx, id, o.Version, next); err != nil {
		return Organisation{}, err
	}
	s.put(next)
	return next, nil
}

func (s *Service) put(o Organisation) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[o.ID] = o
	s.reindexLocked()
}
