package accounts

import (
	"iter"
	"sort"

	"github.com/elo-workspace/elo-workspace/server/mention"
)

// Named yields, by name, the accounts whose name matches q as an @mention being typed
// (mention.Matches: any word of the name starts with q, case and accents folded); the caller
// stops when it has enough. From memory, without holding the service's lock while yielding.
func (s *Service) Named(q string) iter.Seq[User] {
	match := mention.Matcher(q)
	return func(yield func(User) bool) {
		for _, u := range s.byName() {
			if match(u.Name) && !yield(u) {
				return
			}
		}
	}
}

// byName is every account by name: built once after each change (putUser, Load clear it), then
// shared read-only.
func (s *Service) byName() []User {
	if p := s.named.Load(); p != nil {
		return *p
	}
	s.mu.RLock()
	defer s.mu.RUnlock() // held while storing: a change waits, then clears what is stored here
	out := make([]User, 0, len(s.users))
	for _, u := range s.users {
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	s.named.Store(&out)
	return out
}
