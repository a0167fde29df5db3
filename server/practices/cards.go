package practices

import "github.com/elo-workspace/elo-workspace/server/accounts"

// Card is what a link to a practice shows elsewhere (below a forum post): its name, short
// description, region and group, from the newest published version, or from the draft for who
// reads the group's drafts when nothing is published.
type Card struct {
	Name, Summary, RegionID, WorkspaceName string
	Draft                                  bool
}

// Card returns the card of a practice p may read (false otherwise: nothing of it is told). It
// reads only the few fields a card shows, not the whole view (Get).
func (s *Service) Card(p accounts.Principal, id string) (Card, bool) {
	pr, err := s.get(p, id)
	if err != nil {
		return Card{}, false
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var c Card
	f := pr.rec.Draft
	if last := pr.latest(); last != nil && s.canReadPublished(p, pr) {
		f = last.Fields
	} else if !s.canReadDraft(p, pr) {
		return Card{}, false
	} else {
		c.Draft = true
	}
	c.Name, c.Summary, c.RegionID = f.Name, f.Summary, f.RegionID
	c.WorkspaceName, _, _, _ = s.d.Workspaces.Info(pr.rec.WorkspaceID)
	return c, true
}
