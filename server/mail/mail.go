// Package mail sends email over SMTP or, when no SMTP server is configured, writes each message
// to DATA_DIR/outbox as an .eml file and logs that it did, so invitations and password resets
// work on a fresh machine.
package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/smtp"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/elo-workspace/elo-workspace/server/config"
)

// Sender sends messages.
type Sender struct {
	smtp   config.SMTP
	outbox string
	log    *slog.Logger
	n      atomic.Int64
}

// New makes a sender for the configuration; outbox is used when cfg.Host is empty.
func New(cfg config.SMTP, outbox string, log *slog.Logger) *Sender {
	return &Sender{smtp: cfg, outbox: outbox, log: log}
}

// Send delivers one plain-text UTF-8 message.
func (s *Sender) Send(ctx context.Context, to, subject, body string) error {
	return s.SendMessage(ctx, Message{To: to, Subject: subject, Body: body})
}

// Message is one plain-text UTF-8 email. Headers are extra header lines (name, value pairs in
// order), e.g. List-Unsubscribe; values must be ASCII without line breaks.
type Message struct {
	To, Subject, Body string
	Headers           [][2]string
}

// SendMessage delivers one message.
func (s *Sender) SendMessage(ctx context.Context, m Message) error {
	for _, h := range m.Headers {
		if strings.ContainsAny(h[0]+h[1], "\r\n") || strings.ContainsAny(h[0], ": ") {
			return fmt.Errorf("header %q: line breaks or a bad name", h[0])
		}
	}
	msg := compose(s.smtp.From, m)
	if s.smtp.Host == "" {
		return s.toOutbox(m.To, m.Subject, msg)
	}
	return s.toSMTP(ctx, m.To, msg)
}

func compose(from string, m Message) []byte {
	to, subject, body := m.To, m.Subject, m.Body
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\n", from, to,
		mime.QEncoding.Encode("utf-8", subject), time.Now().Format(time.RFC1123Z))
	for _, h := range m.Headers {
		fmt.Fprintf(&b, "%s: %s\r\n", h[0], h[1])
	}
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
	b.Write(bytes.ReplaceAll([]byte(body), []byte("\n"), []byte("\r\n")))
	return b.Bytes()
}

func (s *Sender) toOutbox(to, subject string, msg []byte) error {
	if err := os.MkdirAll(s.outbox, 0o700); err != nil {
		return fmt.Errorf("create outbox: %w", err)
	}
	name := fmt.Sprintf("%s-%04d.eml", time.Now().UTC().Format("20060102T150405.000000"), s.n.Add(1))
	path := filepath.Join(s.outbox, name)
	if err := os.WriteFile(path, msg, 0o600); err != nil {
		return fmt.Errorf("write outbox: %w", err)
	}
	// The link inside is a secret: the log says where the message is, not what it says.
	s.log.Info("email written to outbox (no SMTP_HOST set)", "subject", subject, "file", path)
	return nil
}

func (s *Sender) toSMTP(ctx context.Context, to string, msg []byte) error {
	addr := net.JoinHostPort(s.smtp.Host, strconv.Itoa(s.smtp.Port))
	d := net.Dialer{Timeout: 10 * time.Second}
	var conn net.Conn
	var err error
	if s.smtp.TLS == "tls" {
		conn, err = tls.DialWithDialer(&d, "tcp", addr, &tls.Config{ServerName: s.smtp.Host})
	} else {
		conn, err = d.DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return fmt.Errorf("connect to SMTP server: %w", err)
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	} else {
		_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	}
	c, err := smtp.NewClient(conn, s.smtp.Host)
	if err != nil {
		conn.Close()
		return fmt.Errorf("SMTP greeting: %w", err)
	}
	defer c.Close()
	if s.smtp.TLS == "starttls" {
		if ok, _ := c.Extension("STARTTLS"); ok {
			if err := c.StartTLS(&tls.Config{ServerName: s.smtp.Host}); err != nil {
				return fmt.Errorf("SMTP STARTTLS: %w", err)
			}
		}
	}
	if s.smtp.Username != "" {
		if err := c.Auth(smtp.PlainAuth("", s.smtp.Username, s.smtp.Password, s.smtp.Host)); err != nil {
			return fmt.Errorf("SMTP auth: %w", err)
		}
	}
	from := s.smtp.From
	if a, err := parseAddress(from); err == nil {
		from = a
	}
	if err := c.Mail(from); err != nil {
		return fmt.Errorf("SMTP MAIL FROM: %w", err)
	}
	if err := c.Rcpt(to); err != nil {
		return fmt.Errorf("SMTP RCPT TO: %w", err)
	}
	w, err := c.Data()
	if err != nil {
		return fmt.Errorf("SMTP DATA: %w", err)
	}
	if _, err := w.Write(msg); err != nil {
		return fmt.Errorf("SMTP write: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("SMTP end of data: %w", err)
	}
	return c.Quit()
}
