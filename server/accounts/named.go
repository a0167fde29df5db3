package accounts

import (
	"sort"

	"github.com/elo-workspace/elo-workspace/server/mention"
)

// Named lists the accounts whose name matches q as an @mention being typed (mention.Matches:
// any word of the name starts with q, case and accents folded), by name. From memory.
func (s *Service) Named(q string) []User {
	match := mention.Matcher(q)
	s.mu.RLock()
	var out []User
	for _, u := range s.users {
		if match(u.Name) {
			out = append(out, u)
		}
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out
}
