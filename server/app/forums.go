package app

import (
	"context"
	"log/slog"
	"sort"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/events"
	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/notifications"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/search"
	"github.com/elo-workspace/elo-workspace/server/store"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// newForums makes the forums service. ix is the search index (nil: nothing indexed).
func newForums(db *store.DB, ref *refdata.Service, ws *workspaces.Service, acc *accounts.Service, bus *events.Bus,
	n *notifications.Service, ix forums.Index, log *slog.Logger) *forums.Service {
	f := forums.New(store.NewTable[forums.Record](db, "forum_events"), forums.Deps{
		Workspaces: forumGroups{ws}, Themes: forumThemes{ref}, Accounts: acc, Index: ix, Events: bus, Log: log,
		Notify: func(ctx context.Context, ns []forums.Notice) error {
			out := make([]notifications.Notification, len(ns))
			for i, m := range ns {
				out[i] = notifications.Notification{UserID: m.UserID, Kind: m.Kind, ActorID: m.ActorID, ActorName: m.ActorName,
					WorkspaceID: m.WorkspaceID, Subject: m.Subject, Excerpt: m.Excerpt, Link: m.Link, At: m.At}
			}
			return n.Send(ctx, out...)
		}})
	bus.Authorize("thread:", f.CanListen)
	bus.Authorize("forum:", f.CanListen)
	return f
}

type forumGroups struct{ *workspaces.Service }

func (g forumGroups) Name(id string) (string, bool) {
	v, err := g.Get(accounts.Principal{IsAdmin: true}, id)
	return v.Name, err == nil
}

// Groups lists every group by name (whom a peer circle may invite).
func (g forumGroups) Groups() []forums.Group {
	ws := g.List(accounts.Principal{IsAdmin: true})
	out := make([]forums.Group, 0, len(ws))
	for _, w := range ws {
		out = append(out, forums.Group{ID: w.ID, Name: w.Name})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

type forumThemes struct{ *refdata.Service }

func (t forumThemes) Themes() []forums.Theme {
	items := t.All()[refdata.Themes]
	out := make([]forums.Theme, 0, len(items))
	for _, it := range items {
		if it.Archived {
			continue
		}
		out = append(out, forums.Theme{ID: it.ID, Code: it.Code, Order: it.Order, NameFI: it.Names.FI, NameSV: it.Names.SV, NameEN: it.Names.EN})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

// searchIndex is the search index once it has started (forums are made before it; they feed
// it from Replay on).
type searchIndex struct{ s **search.Service }

func (ix searchIndex) Put(e search.Entry) {
	if *ix.s != nil {
		(*ix.s).Put(e)
	}
}

func (ix searchIndex) Remove(kind, id string) {
	if *ix.s != nil {
		(*ix.s).Remove(kind, id)
	}
}
