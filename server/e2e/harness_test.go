// Package e2e tests the whole server as its users meet it: the real HTTP server started by
// app.Start, the real embedded database (FerretDB in-process; MONGODB_URI when set), and a real
// SMTP server in-process for the emails.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/elo-workspace/elo-workspace/server/app"
	"github.com/elo-workspace/elo-workspace/server/config"
	"github.com/elo-workspace/elo-workspace/server/store"
)

var (
	mongoURI string
	dbSeq    atomic.Int64
)

func TestMain(m *testing.M) {
	mongoURI = os.Getenv("MONGODB_URI")
	stop := func() {}
	if mongoURI == "" {
		dir, err := os.MkdirTemp("", "elo-e2e-db-")
		if err != nil {
			panic(err)
		}
		var err2 error
		if mongoURI, stop, err2 = store.Embedded(dir); err2 != nil {
			panic(err2)
		}
		defer os.RemoveAll(dir)
	}
	code := m.Run()
	stop()
	os.Exit(code)
}

// env is one running server with its own database and mailbox.
type env struct {
	t    *testing.T
	app  *app.App
	url  string
	mail *mailbox
	cfg  config.Config
}

// start runs a server on a fresh database. extra overrides environment variables.
func start(t *testing.T, extra ...string) *env {
	t.Helper()
	mb := startSMTP(t)
	vars := map[string]string{
		"PORT": "0", "DATA_DIR": t.TempDir(), "MONGODB_URI": mongoURI,
		"MONGODB_DATABASE": fmt.Sprintf("e2e_%d_%d", os.Getpid(), dbSeq.Add(1)),
		"PUBLIC_URL":       "http://elo.test", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": mb.port, "SMTP_TLS": "none",
		"SMTP_FROM": "ELO <no-reply@elo.test>",
	}
	for i := 0; i+1 < len(extra); i += 2 {
		vars[extra[i]] = extra[i+1]
	}
	cfg, err := config.FromEnv(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, mail: mb, cfg: cfg}
	e.boot()
	t.Cleanup(func() {
		e.stop()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		db, err := store.Open(ctx, store.Options{URI: mongoURI, Database: cfg.Database})
		if err == nil {
			_ = db.Drop(ctx)
			_ = db.Close(ctx)
		}
	})
	return e
}

func (e *env) boot() {
	e.t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	a, err := app.Start(context.Background(), e.cfg, log)
	if err != nil {
		e.t.Fatal(err)
	}
	e.app, e.url = a, a.URL()
}

func (e *env) stop() {
	if e.app == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := e.app.Close(ctx); err != nil {
		e.t.Errorf("close: %v", err)
	}
	e.app = nil
}

// restart stops the server and starts it again on the same database and data folder.
func (e *env) restart() {
	e.stop()
	e.boot()
}

// resp is an HTTP answer.
type resp struct {
	Status  int
	Body    []byte
	Header  http.Header
	Cookies []*http.Cookie
}

func (r resp) json(t *testing.T, dst any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, dst); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

func (r resp) errorCode() string {
	var b struct {
		Error struct{ Code string } `json:"error"`
	}
	_ = json.Unmarshal(r.Body, &b)
	return b.Error.Code
}

func (r resp) cookie(name string) string {
	for _, c := range r.Cookies {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

var client = &http.Client{Timeout: 30 * time.Second}

// raw sends a request with a literal body; headers are name, value pairs.
func (e *env) raw(method, path string, body []byte, headers ...string) resp {
	e.t.Helper()
	req, err := http.NewRequest(method, e.url+path, bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := client.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{Status: res.StatusCode, Body: b, Header: res.Header, Cookies: res.Cookies()}
}

// call sends a JSON request as the holder of token ("" for none).
func (e *env) call(method, path, token string, body any) resp {
	e.t.Helper()
	var b []byte
	if body != nil {
		var err error
		if b, err = json.Marshal(body); err != nil {
			e.t.Fatal(err)
		}
	}
	var h []string
	if token != "" {
		h = []string{"Authorization", "Bearer " + token}
	}
	return e.raw(method, path, b, h...)
}

// must is call that fails the test unless the status is want.
func (e *env) must(want int, method, path, token string, body any) resp {
	e.t.Helper()
	r := e.call(method, path, token, body)
	if r.Status != want {
		e.t.Fatalf("%s %s: status %d, want %d: %s", method, path, r.Status, want, r.Body)
	}
	return r
}

// session is a signed-in person.
type session struct {
	Token   string
	Refresh string
	UserID  string
	Email   string
}

func (e *env) login(email, password string) session {
	e.t.Helper()
	r := e.must(200, "POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": password})
	return sessionFrom(e.t, r, email)
}

func sessionFrom(t *testing.T, r resp, email string) session {
	t.Helper()
	var b struct {
		AccessToken string `json:"accessToken"`
		User        struct {
			ID string `json:"id"`
		} `json:"user"`
	}
	r.json(t, &b)
	return session{Token: b.AccessToken, Refresh: r.cookie("elo_refresh"), UserID: b.User.ID, Email: email}
}

const password = "correct horse battery"

// setupAdmin completes first-run setup with the token the server would log.
func (e *env) setupAdmin() session {
	e.t.Helper()
	link := e.app.Accounts.SetupLink()
	token := link[strings.LastIndex(link, "=")+1:]
	r := e.must(201, "POST", "/api/v1/setup", "", map[string]string{"token": token, "name": "Aino Admin", "email": "admin@elo.test", "password": password})
	return sessionFrom(e.t, r, "admin@elo.test")
}

// --- a real SMTP server ---------------------------------------------------------------------

type message struct {
	From, To string
	Data     string
}

type mailbox struct {
	port string
	mu   sync.Mutex
	msgs []message
	got  chan struct{}
}

func startSMTP(t *testing.T) *mailbox {
	t.Helper()
	mb := &mailbox{got: make(chan struct{}, 100)}
	s := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &smtpSession{mb: mb}, nil }))
	s.Domain = "localhost"
	s.AllowInsecureAuth = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	t.Cleanup(func() { s.Close() })
	_, mb.port, _ = net.SplitHostPort(ln.Addr().String())
	return mb
}

type smtpSession struct {
	mb       *mailbox
	from, to string
}

func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error { s.from = from; return nil }
func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error   { s.to = to; return nil }
func (s *smtpSession) Reset()                                      {}
func (s *smtpSession) Logout() error                               { return nil }
func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.mb.mu.Lock()
	s.mb.msgs = append(s.mb.msgs, message{From: s.from, To: s.to, Data: string(b)})
	s.mb.mu.Unlock()
	select { // a signal for waiters; never blocks the sender
	case s.mb.got <- struct{}{}:
	default:
	}
	return nil
}

// last returns the newest message to the address; the server sends mail before it answers, so
// the message is there when the request that caused it has returned.
func (m *mailbox) last(t *testing.T, to string) message {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := len(m.msgs) - 1; i >= 0; i-- {
		if m.msgs[i].To == to {
			return m.msgs[i]
		}
	}
	t.Fatalf("no email to %s", to)
	return message{}
}

func (m *mailbox) count(to string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, msg := range m.msgs {
		if msg.To == to {
			n++
		}
	}
	return n
}

var linkToken = regexp.MustCompile(`http://elo\.test/(?:invitations/|reset-password\?token=)([A-Za-z0-9_-]{43})`)

// linkIn returns the token of the link in an email.
func linkIn(t *testing.T, msg message) string {
	t.Helper()
	m := linkToken.FindStringSubmatch(msg.Data)
	if m == nil {
		t.Fatalf("no link in email:\n%s", msg.Data)
	}
	return m[1]
}
