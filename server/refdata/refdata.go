// Package refdata holds the reference data of DOMAIN.md as data an administrator changes:
// regions, national goals, quality dimensions, themes and target groups, named in fi/sv/en.
package refdata

import (
	"context"
	"regexp"
	"slices"
	"sort"
	"sync"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// Kinds of reference data, as they appear in the API.
const (
	Regions           = "regions"
	NationalGoals     = "nationalGoals"
	QualityDimensions = "qualityDimensions"
	Themes            = "themes"
	TargetGroups      = "targetGroups"
)

// Kinds lists every kind in display order.
var Kinds = []string{Regions, NationalGoals, QualityDimensions, Themes, TargetGroups}

// Names is a text in the three interface languages.
type Names struct {
	FI string `bson:"fi" json:"fi"`
	SV string `bson:"sv" json:"sv"`
	EN string `bson:"en" json:"en"`
}

// Item is one entry of reference data.
type Item struct {
	ID       string `bson:"_id"`
	Kind     string `bson:"kind"`
	Code     string `bson:"code"`
	Names    Names  `bson:"names"`
	Archived bool   `bson:"archived"`
	Order    int    `bson:"order"`
	Version  int    `bson:"version"`
}

// Update changes the fields that are not nil of the item at Version.
type Update struct {
	Names    *Names
	Archived *bool
	Order    *int
	Version  int
}

// Service serves reference data from memory.
type Service struct {
	items record.Table[Item]
	wmu   sync.Mutex
	mu    sync.RWMutex
	byID  map[string]Item
}

// New makes the service; call Load before use.
func New(items record.Table[Item]) *Service { return &Service{items: items} }

// Load reads every item; an empty store is first filled with the defaults of DOMAIN.md.
func (s *Service) Load(ctx context.Context) error {
	all, err := s.items.All(ctx)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		for _, it := range Defaults() {
			if err := s.items.Insert(ctx, it); err != nil {
				return err
			}
			all = append(all, it)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID = make(map[string]Item, len(all))
	for _, it := range all {
		s.byID[it.ID] = it
	}
	return nil
}

// All returns the items of every kind, each list in display order.
func (s *Service) All() map[string][]Item {
	s.mu.RLock()
	out := map[string][]Item{}
	for _, k := range Kinds {
		out[k] = []Item{}
	}
	for _, it := range s.byID {
		out[it.Kind] = append(out[it.Kind], it)
	}
	s.mu.RUnlock()
	for _, list := range out {
		sort.Slice(list, func(i, j int) bool {
			if list[i].Order != list[j].Order {
				return list[i].Order < list[j].Order
			}
			return list[i].Code < list[j].Code
		})
	}
	return out
}

// Get returns an item by id.
func (s *Service) Get(id string) (Item, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	it, ok := s.byID[id]
	return it, ok
}

// Is reports whether id is an item of the kind (e.g. a region).
func (s *Service) Is(kind, id string) bool {
	it, ok := s.Get(id)
	return ok && it.Kind == kind
}

var codePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,39}$`)

func checkKind(kind string) error {
	if !slices.Contains(Kinds, kind) {
		return apperr.Invalid("kind", "unknown kind of reference data")
	}
	return nil
}

func checkNames(n Names) (Names, error) {
	var err error
	for _, f := range []struct {
		field string
		v     *string
	}{{"names.fi", &n.FI}, {"names.sv", &n.SV}, {"names.en", &n.EN}} {
		// Each language is required: the interface shows the item in whichever the reader uses.
		if *f.v, err = record.Text(f.field, *f.v, 1, 300); err != nil {
			return n, err
		}
	}
	return n, nil
}

// Create adds an item (platform administrators only).
func (s *Service) Create(ctx context.Context, isAdmin bool, kind, code string, names Names, order int) (Item, error) {
	if !isAdmin {
		return Item{}, apperr.New(apperr.Forbidden, "only platform administrators change reference data")
	}
	if err := checkKind(kind); err != nil {
		return Item{}, err
	}
	if !codePattern.MatchString(code) {
		return Item{}, apperr.Invalid("code", "a code is 1-40 lowercase letters, digits, - or _")
	}
	names, err := checkNames(names)
	if err != nil {
		return Item{}, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	for _, it := range s.byID {
		if it.Kind == kind && it.Code == code {
			s.mu.RUnlock()
			return Item{}, apperr.New(apperr.CodeTaken, "another item of this kind has the code")
		}
	}
	s.mu.RUnlock()
	it := Item{ID: record.New(), Kind: kind, Code: code, Names: names, Order: order, Version: 1}
	if err := s.items.Insert(ctx, it); err != nil {
		return Item{}, err
	}
	s.mu.Lock()
	s.byID[it.ID] = it
	s.mu.Unlock()
	return it, nil
}

// Change updates an item (platform administrators only); a stale Version is a conflict.
func (s *Service) Change(ctx context.Context, isAdmin bool, kind, id string, up Update) (Item, error) {
	if !isAdmin {
		return Item{}, apperr.New(apperr.Forbidden, "only platform administrators change reference data")
	}
	if err := checkKind(kind); err != nil {
		return Item{}, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	it, ok := s.Get(id)
	if !ok || it.Kind != kind {
		return Item{}, apperr.New(apperr.NotFound, "no such reference item")
	}
	if up.Version != it.Version {
		return Item{}, apperr.New(apperr.VersionConflict, "the item was changed by someone else; reload it")
	}
	next := it
	if up.Names != nil {
		n, err := checkNames(*up.Names)
		if err != nil {
			return Item{}, err
		}
		next.Names = n
	}
	if up.Archived != nil {
		next.Archived = *up.Archived
	}
	if up.Order != nil {
		next.Order = *up.Order
	}
	next.Version = it.Version + 1
	if err := s.items.Replace(ctx, it.ID, it.Version, next); err != nil {
		return Item{}, err
	}
	s.mu.Lock()
	s.byID[it.ID] = next
	s.mu.Unlock()
	return next, nil
}

// IsRegion reports whether id is a region.
func (s *Service) IsRegion(id string) bool { return s.Is(Regions, id) }

// IsNationalGoal reports whether id is a national goal.
func (s *Service) IsNationalGoal(id string) bool { return s.Is(NationalGoals, id) }

// IsQualityDimension reports whether id is a quality dimension.
func (s *Service) IsQualityDimension(id string) bool { return s.Is(QualityDimensions, id) }
