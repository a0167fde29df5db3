// Package httpapi serves the JSON API under /api/v1, the OpenAPI document and the built web
// client. It is the only package that imports Fiber; rules live in the domain services.
package httpapi

import (
	"context"
	"errors"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/comments"
	"github.com/elo-workspace/elo-workspace/server/directory"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/events"
	"github.com/elo-workspace/elo-workspace/server/exports"
	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/national"
	"github.com/elo-workspace/elo-workspace/server/notifications"
	"github.com/elo-workspace/elo-workspace/server/notifymail"
	"github.com/elo-workspace/elo-workspace/server/practices"
	"github.com/elo-workspace/elo-workspace/server/public"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/search"
	"github.com/elo-workspace/elo-workspace/server/watching"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// Services are the domain services behind the API.
type Services struct {
	Accounts      *accounts.Service
	Directory     *directory.Service
	Reference     *refdata.Service
	Workspaces    *workspaces.Service
	Documents     *documents.Service
	Comments      *comments.Service
	Events        *events.Bus
	National      *national.Service // nil: no national routes
	Exports       *exports.Service  // nil: no export routes
	Notifications *notifications.Service
	Forums        *forums.Service             // nil: no forum routes
	NotifyMail    *notifymail.Service         // nil: no email settings or unsubscribe routes
	Practices     *practices.Service          // nil: no practice routes
	Levels        *watching.Store             // nil: no list of notification levels
	Search        *search.Service             // nil: no search route
	Public        *public.Service             // nil: no public routes
	Ping          func(context.Context) error // database readiness
}

// Options configure the server.
type Options struct {
	OpenAPI        []byte // shared/api/openapi.yaml
	Client         fs.FS  // the built web client (index.html at its root)
	RefreshTTL     time.Duration
	SecureCookie   bool
	AllowedOrigins []string // websocket Origin allowlist
	Log            *slog.Logger
}

// Server is the HTTP server.
type Server struct {
	app *fiber.App
	// base is the parent of every request's context, cancelled once shutdown has drained.
	// (Deriving from fasthttp's RequestCtx races with its shutdown.)
	base   context.Context
	cancel context.CancelFunc
	svc    Services
	opt    Options
	log    *slog.Logger
}

// MaxBody is the largest request body accepted. Bodies up to readLimit are read in full and then
// refused with a 413: a server that stops reading and closes makes the client's TCP stack see a
// reset instead of the answer.
const (
	MaxBody   = 64 * 1024
	readLimit = 1024 * 1024
)

// New builds the routes.
func New(svc Services, opt Options) *Server {
	s := &Server{svc: svc, opt: opt, log: opt.Log}
	s.base, s.cancel = context.WithCancel(context.Background())
	s.app = fiber.New(fiber.Config{
		AppName: "elo-workspace",
		// Values from c.Params, c.Query and friends outlive the request in the in-memory
		// working set; by default Fiber hands out views of buffers it reuses.
		Immutable:             true,
		BodyLimit:             readLimit,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          30 * time.Second,
		IdleTimeout:           120 * time.Second,
		DisableStartupMessage: true,
		ErrorHandler:          s.handleError,
		// Release a connection's read buffer when nothing is buffered: a websocket keeps its
		// connection for hours, and would otherwise hold the 4 KB request buffer all along.
		ReduceMemoryUsage: true,
	})
	s.app.Use(recover.New())
	s.app.Use(securityHeaders)
	s.app.Get("/healthz", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"status": "ok"}) })
	s.app.Get("/readyz", s.ready)

	api := s.app.Group("/api/v1", limitBody, s.requestContext)
	api.Get("/openapi.yaml", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, "application/yaml; charset=utf-8")
		return c.Send(opt.OpenAPI)
	})
	s.authRoutes(api)
	s.referenceRoutes(api)
	s.directoryRoutes(api)
	s.workspaceRoutes(api)
	s.documentRoutes(api)
	s.socketRoutes(api)
	s.commentRoutes(api)
	s.eventsRoutes(api)
	s.nationalRoutes(api)
	s.exportRoutes(api)
	s.notificationRoutes(api)
	s.publicRoutes(api)
	s.forumRoutes(api)
	s.emailRoutes(api)
	s.practiceRoutes(api)
	s.levelRoutes(api)
	s.searchRoutes(api)
	api.Use(func(c *fiber.Ctx) error { return apperr.New(apperr.NotFound, "no such API route") })

	s.app.Use(s.client())
	return s
}

// Route is one method and path, in OpenAPI form (/workspaces/{workspaceId}).
type Route struct{ Method, Path string }

// RouteList lists the API routes, for the test that holds them to the OpenAPI document.
func (s *Server) RouteList() []Route {
	var out []Route
	for _, r := range s.app.GetRoutes(true) {
		if r.Method == fiber.MethodHead || !strings.HasPrefix(r.Path, "/api/v1/") {
			continue
		}
		segs := strings.Split(strings.TrimPrefix(r.Path, "/api/v1"), "/")
		for i, seg := range segs {
			if name, ok := strings.CutPrefix(seg, ":"); ok {
				segs[i] = "{" + name + "}"
			}
		}
		out = append(out, Route{Method: r.Method, Path: strings.Join(segs, "/")})
	}
	return out
}

// Serve serves on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error { return s.app.Listener(ln) }

// Shutdown stops accepting and waits for requests in flight, up to the context's deadline;
// then whatever still runs is cancelled.
func (s *Server) Shutdown(ctx context.Context) error {
	defer s.cancel()
	return s.app.ShutdownWithContext(ctx)
}

// requestContext gives every API request a context with a deadline; it flows into every
// database call and ends when the server shuts down.
func (s *Server) requestContext(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(s.base, 20*time.Second)
	defer cancel()
	c.SetUserContext(ctx)
	return c.Next()
}

func limitBody(c *fiber.Ctx) error {
	if len(c.Body()) > MaxBody {
		return apperr.New(apperr.BodyTooLarge, "the request body is larger than %d bytes", MaxBody)
	}
	return c.Next()
}

func securityHeaders(c *fiber.Ctx) error {
	c.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "+
		"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "+
		"form-action 'self'; frame-ancestors 'none'")
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "no-referrer") // links carry single-use tokens in their paths
	c.Set("X-Frame-Options", "DENY")
	c.Set("Cross-Origin-Opener-Policy", "same-origin")
	return c.Next()
}

func (s *Server) ready(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(s.base, 2*time.Second)
	defer cancel()
	if err := s.svc.Ping(ctx); err != nil {
		return c.Status(http.StatusServiceUnavailable).JSON(fiber.Map{"status": "database unreachable"})
	}
	return c.JSON(fiber.Map{"status": "ready"})
}

// handleError is the one place errors become responses: a stable code and message; only
// internal errors are logged with their detail.
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	var fe *fiber.Error
	var ae *apperr.Error
	switch {
	case errors.As(err, &ae):
	case errors.As(err, &fe):
		ae = fiberError(fe)
	default:
		ae = apperr.From(err)
	}
	if ae.Code == apperr.Internal {
		s.log.Error("request failed", "method", c.Method(), "path", c.Route().Path, "err", err)
	}
	body := fiber.Map{"code": ae.Code, "message": ae.Message}
	if ae.Code == apperr.Internal {
		body["message"] = "something went wrong on the server"
	}
	if ae.Field != "" {
		body["field"] = ae.Field
	}
	return c.Status(ae.Status()).JSON(fiber.Map{"error": body})
}

func fiberError(fe *fiber.Error) *apperr.Error {
	switch fe.Code {
	case fiber.StatusNotFound:
		return apperr.New(apperr.NotFound, "not found")
	case fiber.StatusRequestEntityTooLarge:
		return apperr.New(apperr.BodyTooLarge, "the request body is larger than %d bytes", readLimit)
	case fiber.StatusMethodNotAllowed:
		return apperr.New(apperr.NotFound, "no such API route")
	}
	if fe.Code >= 400 && fe.Code < 500 {
		return apperr.New(apperr.BadRequest, "%s", fe.Message)
	}
	return apperr.Wrap(fe, "server error")
}

// client serves the built web client; paths that are not files get index.html so the
// client's router can show them.
func (s *Server) client() fiber.Handler {
	if _, err := fs.Stat(s.opt.Client, "index.html"); err != nil {
		return func(c *fiber.Ctx) error {
			return c.Status(http.StatusServiceUnavailable).SendString("The web client has not been built: run `make build` (or `make run`).")
		}
	}
	serve := filesystem.New(filesystem.Config{Root: http.FS(s.opt.Client), Index: "index.html", NotFoundFile: "index.html"})
	return func(c *fiber.Ctx) error {
		if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
			return apperr.New(apperr.NotFound, "not found")
		}
		if strings.HasPrefix(c.Path(), "/assets/") {
			c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable") // file names carry a hash
		} else {
			c.Set(fiber.HeaderCacheControl, "no-cache")
		}
		return serve(c)
	}
}
