package app

import (
	"context"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/directory"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/notifications"
	"github.com/elo-workspace/elo-workspace/server/practices"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// everyone is the principal the adapters below read with: they answer facts (a workspace's
// name, its coordinators), never what a person may see; the practices service decides that.
var everyone = accounts.Principal{IsAdmin: true}

// practiceGroups is what the library needs of workspaces.
type practiceGroups struct{ *workspaces.Service }

func (g practiceGroups) Info(id string) (name, kind, regionID string, ok bool) {
	v, err := g.Get(everyone, id)
	if err != nil {
		return "", "", "", false
	}
	return v.Name, v.Kind, v.RegionID, true
}

func (g practiceGroups) Coordinators(id string) []string {
	ms, err := g.Members(everyone, id)
	if err != nil {
		return nil
	}
	var out []string
	for _, m := range ms {
		if m.Role == workspaces.RoleCoordinator {
			out = append(out, m.UserID)
		}
	}
	return out
}

func (g practiceGroups) Editable(p accounts.Principal) []string {
	var out []string
	for w, r := range g.Roles(p.UserID) {
		if r == workspaces.RoleCoordinator || r == workspaces.RoleMember {
			out = append(out, w)
		}
	}
	return out
}

type practiceOrgs struct{ *directory.Service }

func (o practiceOrgs) Type(id string) string {
	org, _ := o.Get(id)
	return org.Type
}

type practicePeople struct{ *accounts.Service }

func (a practicePeople) Name(id string) string {
	u, _ := a.User(id)
	return u.Name
}

type practicePlans struct{ *documents.Service }

func (d practicePlans) Readable(p accounts.Principal, id string) (string, string, bool) {
	if p.UserID == "" {
		return "", "", false
	}
	s, err := d.Get(p, id)
	if err != nil {
		return "", "", false
	}
	return s.Title, s.WorkspaceID, true
}

func (d practicePlans) Exists(id string) bool {
	_, err := d.Get(everyone, id)
	return err == nil
}

// practiceThreads is what links to forum threads need.
type practiceThreads struct{ *forums.Service }

func (f practiceThreads) Readable(p accounts.Principal, id string) (string, bool) {
	if p.UserID == "" {
		return "", false
	}
	tp, err := f.Thread(p, id, 0, 0, 1)
	if err != nil {
		return "", false
	}
	return tp.Thread.Title, true
}

func (f practiceThreads) Exists(id string) bool {
	_, err := f.Thread(everyone, id, 0, 0, 1)
	return err == nil
}

// practiceNotifier delivers the library's review and adoption notices in-app.
func practiceNotifier(n *notifications.Service) func(context.Context, []practices.Note) error {
	return func(ctx context.Context, ns []practices.Note) error {
		out := make([]notifications.Notification, len(ns))
		for i, x := range ns {
			out[i] = notifications.Notification{UserID: x.UserID, Kind: x.Kind, ActorID: x.ActorID, ActorName: x.ActorName,
				WorkspaceID: x.WorkspaceID, Subject: x.Subject, Excerpt: x.Excerpt, Link: x.Link}
		}
		return n.Send(ctx, out...)
	}
}
