package httpapi

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fasthttp/websocket"
	fws "github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"
	"golang.org/x/time/rate"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/realtime"
)

// Socket limits (QUALITY.md): message size, pace, liveness.
const (
	socketProtocol  = "elo.v1"
	maxMessage      = 64 * 1024
	pingEvery       = 25 * time.Second
	readTimeout     = 60 * time.Second
	writeTimeout    = 10 * time.Second
	messagesPerSec  = 30
	messageBurst    = 120
	socketBufferLen = 512 // read buffer per connection: what editors send is small; more is read past it
	// writeBufferLen holds a whole frame of a busy room (a few ticks of changes), so it goes out
	// in one write; with a smaller buffer the library writes the rest from a second slice
	// (writev), allocating for each frame. The buffers are pooled, held only while writing.
	writeBufferLen = 32 * 1024
)

// bufferPool shares write buffers between connections: idle connections hold none.
var bufferPool = &sync.Pool{}

func (s *Server) socketRoutes(api fiber.Router) {
	api.Get("/documents/:documentId/socket", s.authorizeSocket, s.upgrade(s.serveSocket))
}

// upgrade turns a handler of websocket connections into a route handler with the socket limits.
func (s *Server) upgrade(serve func(*fws.Conn)) fiber.Handler {
	return fws.New(serve, fws.Config{
		Origins:          s.opt.AllowedOrigins,
		Subprotocols:     []string{socketProtocol},
		HandshakeTimeout: 10 * time.Second,
		ReadBufferSize:   socketBufferLen,
		WriteBufferSize:  writeBufferLen,
		WriteBufferPool:  bufferPool,
	})
}

// authenticateSocket checks a websocket request before the upgrade: a websocket, from an allowed
// origin, with a valid access token. Browsers cannot set headers on websockets, so the access
// token comes as a subprotocol: "elo.v1, bearer.<token>".
func (s *Server) authenticateSocket(c *fiber.Ctx) (accounts.Principal, error) {
	if !fws.IsWebSocketUpgrade(c) {
		return accounts.Principal{}, apperr.New(apperr.BadRequest, "this address takes websocket connections only")
	}
	if !slices.Contains(s.opt.AllowedOrigins, c.Get(fiber.HeaderOrigin)) { // cross-site websocket hijacking
		return accounts.Principal{}, apperr.New(apperr.Forbidden, "connections from this origin are not allowed")
	}
	var token string
	for _, p := range strings.Split(c.Get(fiber.HeaderSecWebSocketProtocol), ",") {
		if t, ok := strings.CutPrefix(strings.TrimSpace(p), "bearer."); ok {
			token = t
		}
	}
	if token == "" {
		return accounts.Principal{}, apperr.New(apperr.Unauthenticated, "sign in first")
	}
	return s.svc.Accounts.Authenticate(token)
}

// authorizeSocket authenticates a document socket and checks the person may open the document.
func (s *Server) authorizeSocket(c *fiber.Ctx) error {
	p, err := s.authenticateSocket(c)
	if err != nil {
		return err
	}
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	if err := s.svc.Documents.Authorize(p, id); err != nil {
		return err
	}
	c.Locals("principal", p)
	c.Locals("documentId", id)
	return c.Next()
}

// wsSocket is the sending side of a connection for the realtime package: Write is called only by
// the client's writer goroutine; Close and ping may come from timers (control frames are safe to
// send concurrently with the writer). The websocket library reuses the connection object once
// the handler returns, so the handler detaches the adapter first: late callbacks then do nothing.
type wsSocket struct {
	realtime.Hearing // the reader tells the client's writer when the peer spoke (it then answers unpaced)
	mu               sync.Mutex
	conn             *fws.Conn
	closed           bool
}

var errDetached = errors.New("connection closed")

func (w *wsSocket) live() *fws.Conn {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	return w.conn
}

func (w *wsSocket) Write(frame []byte) error {
	conn := w.live()
	if conn == nil {
		return errDetached
	}
	_ = conn.SetWriteDeadline(time.Now().Add(writeTimeout))
	return conn.WriteMessage(websocket.TextMessage, frame)
}

func (w *wsSocket) Close(code int, reason string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	w.closed = true
	_ = w.conn.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(time.Second))
	_ = w.conn.Close()
}

// ping sends a ping; false once the connection is closed (the timer then stops re-arming).
func (w *wsSocket) ping() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return false
	}
	_ = w.conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(writeTimeout))
	return true
}

// newWSSocket adapts a connection and applies the read limits.
func newWSSocket(conn *fws.Conn) *wsSocket {
	conn.SetReadLimit(maxMessage)
	_ = conn.SetReadDeadline(time.Now().Add(readTimeout))
	conn.SetPongHandler(func(string) error { return conn.SetReadDeadline(time.Now().Add(readTimeout)) })
	return &wsSocket{conn: conn}
}

// serveSocket serves a document socket: the document's live room.
func (s *Server) serveSocket(conn *fws.Conn) {
	p := conn.Locals("principal").(accounts.Principal)
	docID := conn.Locals("documentId").(string)
	sock := newWSSocket(conn)
	var session *documents.Session
	var err error
	aside(func() { session, err = s.svc.Documents.Connect(p, docID, sock) })
	defer sock.Close(websocket.CloseNormalClosure, "") // runs last: no callback touches conn after
	if err != nil {
		ae := apperr.From(err)
		code := realtime.CloseForbidden
		if ae.Code == apperr.Internal {
			s.log.Error("live document connect failed", "document", docID, "err", err)
			code = realtime.CloseRestarting
		}
		sock.Close(code, string(ae.Code))
		return
	}
	defer session.Leave() // closes the client and waits for its writer
	s.pump(conn, sock, p, func() error { return s.svc.Documents.Authorize(p, docID) }, func(msg []byte) error {
		if err := session.Receive(msg); err != nil {
			s.log.Debug("live message refused", "document", docID, "err", err)
			return err
		}
		return nil
	})
}

// aside runs f on a goroutine of its own and waits for it. Decoding and handling a message
// take a deep stack, and a goroutine keeps the largest stack it ever had until the collector
// shrinks it (only while it runs, every few minutes on a quiet server): a reader that spends its
// life waiting for the next message would hold 8-16 KB for each connection. A goroutine costs
// about a microsecond; messages come at most a few per second per connection.
func aside(f func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	<-done
}

// pump is a connection's one reader loop; the realtime client owns the one writer. Timers (not
// goroutines) ping the peer, re-check the session and, with allowed, the permissions, and end the
// connection when the access token expires; the client reconnects with a fresh token. receive
// gets each text message; an error from it ends the connection.
func (s *Server) pump(conn *fws.Conn, sock *wsSocket, p accounts.Principal, allowed func() error, receive func([]byte) error) {
	expiry := time.AfterFunc(time.Until(p.ExpiresAt), func() { sock.Close(realtime.CloseUnauthenticated, "token expired: reconnect with a fresh token") })
	defer expiry.Stop()
	var ping *time.Timer
	ping = time.AfterFunc(pingEvery, func() {
		switch {
		case !s.svc.Accounts.SessionOpen(p.SessionID):
			sock.Close(realtime.CloseUnauthenticated, "signed out")
		case allowed() != nil:
			sock.Close(realtime.CloseForbidden, "no longer allowed")
		default:
			if sock.ping() {
				ping.Reset(pingEvery)
			}
		}
	})
	defer ping.Stop()

	pace := rate.NewLimiter(messagesPerSec, messageBurst)
	for {
		kind, msg, err := conn.ReadMessage()
		if err != nil { // a message over the limit is closed by the library with 1009
			return
		}
		_ = conn.SetReadDeadline(time.Now().Add(readTimeout))
		if kind != websocket.TextMessage {
			sock.Close(realtime.CloseUnsupported, "text frames only")
			return
		}
		if !pace.Allow() {
			sock.Close(realtime.CloseRateLimited, "too many messages")
			return
		}
		sock.Heard()
		aside(func() { err = receive(msg) })
		if err != nil {
			return
		}
	}
}
