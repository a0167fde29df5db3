package app

import (
	"context"
	"log/slog"
	"sort"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/directory"
	"github.com/elo-workspace/elo-workspace/server/eventlog"
	"github.com/elo-workspace/elo-workspace/server/events"
	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/notifications"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/search"
	"github.com/elo-workspace/elo-workspace/server/store"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// newForums makes the forums service over its event log (read whole at every start: the
// events are kept in compressed chunks, eventlog). ix is the search index (nil: nothing indexed).
func newForums(db *store.DB, ref *refdata.Service, ws *workspaces.Service, acc *accounts.Service, bus *events.Bus,
	n *notifications.Service, ix forums.Index, log *slog.Logger) (*forums.Service, *eventlog.Log) {
	evlog := eventlog.New(store.NewTable[eventlog.Record](db, "forum_events"), store.NewTable[eventlog.Chunk](db, "forum_event_chunks"), 0, log)
	f := forums.New(forumEvents{evlog}, forums.Deps{
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
	return f, evlog
}

// forumEvents stores the forums' events in the event log (forums.Record is eventlog.Record).
type forumEvents struct{ log *eventlog.Log }

func (e forumEvents) All(ctx context.Context) ([]forums.Record, error) {
	rs, err := e.log.All(ctx)
	out := make([]forums.Record, len(rs))
	for i, r := range rs {
		out[i] = forums.Record(r)
	}
	return out, err
}

func (e forumEvents) Insert(ctx context.Context, r forums.Record) error {
	return e.log.Insert(ctx, eventlog.Record(r))
}

func (e forumEvents) InsertMany(ctx context.Context, rs []forums.Record) error {
	in := make([]eventlog.Record, len(rs))
	for i, r := range rs {
		in[i] = eventlog.Record(r)
	}
	return e.log.InsertMany(ctx, in)
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

// forumPeople is whom forum posts may mention: accounts, with their organisations' names.
type forumPeople struct {
	*accounts.Service
	dir *directory.Service
}

func (p forumPeople) Organisation(id string) string {
	if id == "" {
		return ""
	}
	return p.dir.Name(id)
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
