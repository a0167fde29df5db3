// Package app wires the server: configuration -> database -> services -> HTTP. It is what
// main runs and what the end-to-end tests start, so both use the real thing.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/comments"
	"github.com/elo-workspace/elo-workspace/server/config"
	"github.com/elo-workspace/elo-workspace/server/demo"
	"github.com/elo-workspace/elo-workspace/server/directory"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/eventlog"
	"github.com/elo-workspace/elo-workspace/server/events"
	"github.com/elo-workspace/elo-workspace/server/exports"
	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/httpapi"
	"github.com/elo-workspace/elo-workspace/server/mail"
	"github.com/elo-workspace/elo-workspace/server/national"
	"github.com/elo-workspace/elo-workspace/server/notifications"
	"github.com/elo-workspace/elo-workspace/server/notifymail"
	"github.com/elo-workspace/elo-workspace/server/practices"
	"github.com/elo-workspace/elo-workspace/server/public"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/search"
	"github.com/elo-workspace/elo-workspace/server/store"
	"github.com/elo-workspace/elo-workspace/server/watching"
	"github.com/elo-workspace/elo-workspace/server/web"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
	"github.com/elo-workspace/elo-workspace/shared"
)

// App is a running server.
type App struct {
	Config        config.Config
	Log           *slog.Logger
	Accounts      *accounts.Service
	Directory     *directory.Service
	Reference     *refdata.Service
	Workspaces    *workspaces.Service
	Documents     *documents.Service
	Comments      *comments.Service
	Events        *events.Bus
	Notifications *notifications.Service
	NotifyMail    *notifymail.Service // notifications by email
	National      *national.Service
	Exports       *exports.Service
	Search        *search.Service
	Forums        *forums.Service
	Public        *public.Service
	Practices     *practices.Service
	Levels        *watching.Store // notification levels on forums, threads and practices

	db     *store.DB
	http   *httpapi.Server
	ln     net.Listener
	served chan error
	pprof  net.Listener // PPROF_ADDR: the profiler's listener, nil when off

	forumLog *eventlog.Log // the forums' events: Close stops a compaction under way and waits for it
}

// Start opens the database, runs migrations, loads the working set and starts serving.
func Start(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	began := time.Now()
	log.Info("starting", "config", cfg.Masked())
	db, err := store.Open(ctx, store.Options{URI: cfg.MongoURI, DataDir: cfg.DataDir, Database: cfg.Database, Logger: log})
	if err != nil {
		return nil, err
	}
	a := &App{Config: cfg, Log: log, db: db, served: make(chan error, 1)}
	if err := a.load(ctx); err != nil {
		_ = db.Close(context.Background())
		return nil, err
	}
	a.ln, err = net.Listen("tcp", fmt.Sprintf(":%d", cfg.Port))
	if err != nil {
		_ = db.Close(context.Background())
		return nil, fmt.Errorf("listen on port %d: %w", cfg.Port, err)
	}
	go func() { a.served <- a.http.Serve(a.ln) }()
	if cfg.PprofAddr != "" {
		if err := a.startProfiler(cfg.PprofAddr); err != nil {
			_ = a.Close(context.Background())
			return nil, err
		}
	}
	log.Info("ready", "url", a.URL(), "startup", time.Since(began).Round(time.Millisecond).String())
	a.Documents.WarmHistory()
	if link := a.Accounts.SetupLink(); link != "" {
		log.Warn("no platform administrator yet: open this one-time link to create one", "link", link)
	}
	return a, nil
}

func (a *App) load(ctx context.Context) error {
	cfg, db, log := a.Config, a.db, a.Log
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	if cfg.Demo {
		if err := demo.Load(ctx, db, cfg.DemoPassword, log); err != nil {
			return fmt.Errorf("load demo dataset: %w", err)
		}
	}
	mailer := mail.New(cfg.SMTP, filepath.Join(cfg.DataDir, "outbox"), log)
	a.Reference = refdata.New(store.NewTable[refdata.Item](db, "reference_items"))
	a.Directory = directory.New(store.NewTable[directory.Organisation](db, "organisations"), a.Reference)
	a.Accounts = accounts.New(
		accounts.Config{SigningKey: cfg.SigningKey, AccessTTL: cfg.AccessTTL, RefreshTTL: cfg.RefreshTTL, PublicURL: cfg.PublicURL},
		accounts.Stores{
			Users:    store.NewTable[accounts.User](db, "users"),
			Sessions: store.NewTable[accounts.Session](db, "sessions"),
			Resets:   store.NewTable[accounts.PasswordReset](db, "password_resets"),
		}, mailer, log)
	a.Accounts.SetOrganisations(a.Directory)
	a.Workspaces = workspaces.New(workspaces.Stores{
		Workspaces:  store.NewTable[workspaces.Workspace](db, "workspaces"),
		Memberships: store.NewTable[workspaces.Membership](db, "memberships"),
		Invitations: store.NewTable[workspaces.Invitation](db, "invitations"),
		Activity:    store.NewTable[workspaces.Activity](db, "activity"),
	}, workspaces.Deps{Accounts: a.Accounts, Organisations: a.Directory, Regions: a.Reference, Mail: mailer, PublicURL: cfg.PublicURL, InvitationTTL: cfg.InvitationTTL, Log: log})

	a.Documents = documents.New(store.NewTable[documents.Record](db, "documents"), store.NewTable[documents.Change](db, "changes"),
		store.NewTable[documents.Chunk](db, "history"), store.NewTable[documents.Unsaved](db, "unsaved_documents"),
		documents.Deps{Workspaces: a.Workspaces, Accounts: a.Accounts, Refs: planRefs{a.Reference, a.Directory}, Log: log})

	a.Events = events.New(log)
	a.Notifications = notifications.New(store.NewTable[notifications.Notification](db, "notifications"),
		store.NewTable[notifications.ReadMark](db, "notification_reads"), a.Events, log)
	a.NotifyMail = notifymail.New(store.NewTable[notifymail.Choice](db, "email_preferences"), store.NewTable[notifymail.Delivery](db, "notification_emails"),
		notifymail.Deps{Notifications: a.Notifications, People: a.Accounts, Mail: mailer, PublicURL: cfg.PublicURL, SigningKey: cfg.SigningKey,
			Delay: cfg.MentionEmailDelay, Log: log, Readable: a.mailReadable})
	a.Comments = comments.New(store.NewTable[comments.Record](db, "comment_events"), comments.Deps{
		Documents: a.Documents, Workspaces: a.Workspaces, Accounts: a.Accounts, Notify: mentionNotifier(a.Notifications), Log: log})
	a.Public = public.New(store.NewTable[public.Switch](db, "public_switches"), public.Deps{
		Documents: a.Documents, Workspaces: a.Workspaces, Reference: a.Reference, Organisations: a.Directory})
	a.Practices = practices.New(practices.Stores{
		Practices: store.NewTable[practices.Record](db, "practices"), Versions: store.NewTable[practices.PublishedVersion](db, "practice_versions"),
		Adoptions: store.NewTable[practices.Adoption](db, "practice_adoptions"), Links: store.NewTable[practices.LinkRecord](db, "practice_links"),
	}, practices.Deps{Workspaces: practiceGroups{a.Workspaces}, Reference: a.Reference, Organisations: practiceOrgs{a.Directory},
		Accounts: practicePeople{a.Accounts}, Documents: practicePlans{a.Documents}, Notify: practiceNotifier(a.Notifications),
		Publish: a.Events.Publish, Log: log})
	a.Events.Authorize(practices.TopicPrefix, a.Practices.CanListen)
	a.Public.UsePractices(a.Practices)

	a.Forums, a.forumLog = newForums(db, a.Reference, a.Workspaces, a.Accounts, a.Events, a.Notifications, searchIndex{&a.Search}, log)
	a.Practices.SetThreads(practiceThreads{a.Forums})
	a.Levels = watching.New(store.NewTable[watching.Choice](db, "notification_levels"))
	a.Levels.PublishWith(a.Events.Publish)
	a.Forums.UseLevels(a.Levels)
	a.Practices.UseLevels(a.Levels)
	a.Forums.SetLinks(forumLinks{a.Practices, a.Documents, a.Workspaces})
	a.Forums.UsePeople(forumPeople{a.Accounts, a.Directory})
	a.Forums.SetSite(cfg.PublicURL)

	// The services read their own collections only, so they load at once: start-up takes as
	// long as the largest working set (the documents), not the sum.
	var mu sync.Mutex
	took := map[string]string{}
	g, gctx := errgroup.WithContext(ctx)
	for name, load := range map[string]func(context.Context) error{"reference": a.Reference.Load, "directory": a.Directory.Load,
		"accounts": a.Accounts.Load, "workspaces": a.Workspaces.Load, "documents": a.Documents.Load, "comments": a.Comments.Load, "notifications": a.Notifications.Load, "email": a.NotifyMail.Load,
		"forums": a.Forums.Fetch, "levels": a.Levels.Load, "practices": a.Practices.Load, "public": a.Public.Load} {
		g.Go(func() error {
			began := time.Now()
			err := load(gctx)
			mu.Lock()
			took[name] = time.Since(began).Round(time.Millisecond).String()
			mu.Unlock()
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	// Search indexes every plan and member now and follows the documents' publications;
	// forums and practices feed it through Put and Remove (a.Search.Index).
	if err := a.startSearch(ctx); err != nil {
		return err
	}
	took["search"] = a.Search.Built.Round(time.Millisecond).String()
	a.Practices.Feed(a.Search)
	// Forums read their events with the others and replay them against the themes and groups.
	began := time.Now()
	if err := a.Forums.Replay(); err != nil {
		return err
	}
	took["forums replay"] = time.Since(began).Round(time.Millisecond).String()
	log.Info("working set loaded", "took", took)
	// The national view folds in every document published from now on; it tells the national
	// topic's listeners (at most every 250 ms) when an aggregate changed.
	a.National = national.New(national.Deps{Documents: a.Documents, Workspaces: a.Workspaces, Reference: a.Reference, Practices: a.Practices})
	a.Events.Authorize(national.Topic, func(p accounts.Principal, topic string) bool {
		return topic == national.Topic && a.National.CanView(p)
	})
	a.National.OnChange(func(c national.Change) { a.Events.Publish(national.Topic, "changed", c) })
	a.National.Start()
	a.Exports = exports.New(exports.Deps{Documents: a.Documents, Workspaces: a.Workspaces, Reference: a.Reference, Organisations: a.Directory})
	a.NotifyMail.Start()                         // emails what a restart left owed, then follows new notifications
	a.Accounts.StartPruning(accounts.PruneEvery) // Load dropped the sessions that ended while down
	client := web.Dist()
	if cfg.WebDir != "" {
		client = os.DirFS(cfg.WebDir)
	}
	a.http = httpapi.New(httpapi.Services{
		Accounts: a.Accounts, Directory: a.Directory, Reference: a.Reference, Workspaces: a.Workspaces, Documents: a.Documents, Comments: a.Comments, Events: a.Events, Notifications: a.Notifications, NotifyMail: a.NotifyMail, National: a.National, Exports: a.Exports, Forums: a.Forums, Practices: a.Practices, Levels: a.Levels, Search: a.Search, Public: a.Public, Ping: db.Ping,
	}, httpapi.Options{OpenAPI: shared.OpenAPI, Client: client, RefreshTTL: cfg.RefreshTTL, SecureCookie: true, AllowedOrigins: cfg.AllowedOrigins, Log: log})
	return nil
}

// URL is where the server listens.
func (a *App) URL() string {
	return fmt.Sprintf("http://localhost:%d", a.ln.Addr().(*net.TCPAddr).Port)
}

// Done reports when serving stopped on its own (a listener failure).
func (a *App) Done() <-chan error { return a.served }

// Close stores what live documents hold and tells their editors to reconnect, stops accepting,
// lets requests in flight finish (until ctx ends) and closes the database.
func (a *App) Close(ctx context.Context) error {
	a.Documents.Shutdown()
	a.NotifyMail.Close()
	a.National.Close()
	a.Accounts.Close()
	a.Events.Shutdown()
	if a.pprof != nil {
		_ = a.pprof.Close()
	}
	err := a.http.Shutdown(ctx)
	if a.Search != nil {
		_ = a.Search.Close()
	}
	if a.forumLog != nil {
		a.forumLog.Close()
	}
	if dbErr := a.db.Close(ctx); dbErr != nil {
		err = errors.Join(err, dbErr)
	}
	return err
}

// Routes lists the HTTP routes (the OpenAPI test compares them with the document).
func (a *App) Routes() []httpapi.Route { return a.http.RouteList() }

// planRefs checks the references inside documents against reference data and the directory.
type planRefs struct {
	*refdata.Service
	dir *directory.Service
}

func (r planRefs) OrganisationExists(id string) bool { return r.dir.Exists(id) }

func (r planRefs) IsTheme(id string) bool { return r.Is(refdata.Themes, id) }

// mentionNotifier delivers the mentions in comments as in-app notifications.
func mentionNotifier(n *notifications.Service) comments.Notify {
	return func(ctx context.Context, ms []comments.Mention) error {
		out := make([]notifications.Notification, len(ms))
		for i, m := range ms {
			out[i] = notifications.Notification{UserID: m.UserID, Kind: notifications.KindMention, ActorID: m.ActorID, ActorName: m.ActorName,
				WorkspaceID: m.WorkspaceID, Subject: m.Subject, Excerpt: m.Excerpt, Link: m.Link, At: m.At}
		}
		return n.Send(ctx, out...)
	}
}
