package app

import (
	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/practices"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// forumLinks resolves the links posts hold to practices and plan items, for one reader: the
// practice library and the documents decide what the reader may read (forums never import
// them: the library links to threads through forums).
type forumLinks struct {
	practices *practices.Service
	documents *documents.Service
	groups    *workspaces.Service
}

func (l forumLinks) Practice(p accounts.Principal, id string) (forums.Card, bool) {
	pc, ok := l.practices.Card(p, id)
	if !ok {
		return forums.Card{}, false
	}
	c := forums.Card{Kind: "practice", Title: pc.Name, Group: pc.WorkspaceName, RegionID: pc.RegionID, Summary: pc.Summary, State: "published"}
	if pc.Draft {
		c.State = "draft"
	}
	return c, true
}

func (l forumLinks) Plan(p accounts.Principal, documentID, node string) (forums.Card, bool) {
	s, err := l.documents.Get(p, documentID)
	if err != nil {
		return forums.Card{}, false
	}
	c := forums.Card{Kind: "plan", Title: s.Title, State: s.Status}
	if ws, err := l.groups.Get(everyone, s.WorkspaceID); err == nil {
		c.Group, c.RegionID = ws.Name, ws.RegionID
	}
	if node != "" {
		n := s.Nodes[node]
		if n == nil || n.ID == s.ID {
			return forums.Card{}, false // a link to an item that is not in the plan
		}
		c.ItemType, c.Status, c.Progress = n.Type, n.Fields.Status, n.Fields.Progress
		for _, k := range []string{"title", "name", "body"} {
			if t := n.Text[k]; t != "" {
				c.ItemTitle = t
				break
			}
		}
	}
	return c, true
}
