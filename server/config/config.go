// Package config reads the server's configuration from the environment.
package config

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is everything the server needs to start.
type Config struct {
	Production     bool          // ENV=production: no generated keys, Secure cookies required
	Port           int           // PORT, default 8080
	DataDir        string        // DATA_DIR, default ./data
	MongoURI       string        // MONGODB_URI; empty = embedded FerretDB in DATA_DIR
	Database       string        // MONGODB_DATABASE, default elo
	PublicURL      string        // PUBLIC_URL, default http://localhost:PORT; links in emails
	AllowedOrigins []string      // ALLOWED_ORIGINS (comma separated), default PublicURL
	SigningKey     []byte        // JWT_SIGNING_KEY (base64, >= 32 bytes); generated in DATA_DIR in development
	AccessTTL      time.Duration // ACCESS_TOKEN_TTL, default 15m
	RefreshTTL     time.Duration // REFRESH_TOKEN_TTL, default 720h
	InvitationTTL  time.Duration // INVITATION_TTL, default 336h (14 days)
	SMTP           SMTP
	Demo           bool   // DEMO=1: load the national-scale demo dataset into an empty database
	DemoPassword   string // DEMO_PASSWORD, default elo-demo
	LogLevel       string // LOG_LEVEL: debug, info, warn, error
	WebDir         string // WEB_DIR: serve the web client from this directory instead of the one built into the binary
	PprofAddr      string // PPROF_ADDR: serve net/http/pprof on this loopback address (e.g. 127.0.0.1:6060); unset: off
	// MENTION_EMAIL_DELAY, default 2m: how long a mention waits for being read in the app
	// before it is emailed; 0 emails at once.
	MentionEmailDelay time.Duration
}

// SMTP is the outgoing mail server. With no Host, mail goes to DATA_DIR/outbox and the log.
type SMTP struct {
	Host     string // SMTP_HOST
	Port     int    // SMTP_PORT, default 587
	Username string // SMTP_USERNAME
	Password string // SMTP_PASSWORD
	From     string // SMTP_FROM, default "ELO Workspace <no-reply@localhost>"
	TLS      string // SMTP_TLS: starttls (default), tls, none
}

// FromEnv reads the configuration. getenv is os.Getenv in main, a map in tests.
func FromEnv(getenv func(string) string) (Config, error) {
	c := Config{
		Production:    getenv("ENV") == "production",
		Port:          8080,
		DataDir:       or(getenv("DATA_DIR"), "./data"),
		MongoURI:      getenv("MONGODB_URI"),
		Database:      or(getenv("MONGODB_DATABASE"), "elo"),
		AccessTTL:     15 * time.Minute,
		RefreshTTL:    30 * 24 * time.Hour,
		InvitationTTL: 14 * 24 * time.Hour,
		Demo:          getenv("DEMO") == "1" || getenv("DEMO") == "true",
		DemoPassword:  or(getenv("DEMO_PASSWORD"), "elo-demo"),
		LogLevel:      or(getenv("LOG_LEVEL"), "info"),
		WebDir:        getenv("WEB_DIR"),
		PprofAddr:     getenv("PPROF_ADDR"),
		SMTP: SMTP{
			Host:     getenv("SMTP_HOST"),
			Port:     587,
			Username: getenv("SMTP_USERNAME"),
			Password: getenv("SMTP_PASSWORD"),
			From:     or(getenv("SMTP_FROM"), "ELO Workspace <no-reply@localhost>"),
			TLS:      or(getenv("SMTP_TLS"), "starttls"),
		},
	}
	var err error
	if v := getenv("PORT"); v != "" {
		if c.Port, err = strconv.Atoi(v); err != nil || c.Port < 0 || c.Port > 65535 {
			return c, fmt.Errorf("PORT %q is not a port number", v)
		}
	}
	if v := getenv("SMTP_PORT"); v != "" {
		if c.SMTP.Port, err = strconv.Atoi(v); err != nil {
			return c, fmt.Errorf("SMTP_PORT %q is not a port number", v)
		}
	}
	for name, dst := range map[string]*time.Duration{"ACCESS_TOKEN_TTL": &c.AccessTTL, "REFRESH_TOKEN_TTL": &c.RefreshTTL, "INVITATION_TTL": &c.InvitationTTL} {
		if v := getenv(name); v != "" {
			if *dst, err = time.ParseDuration(v); err != nil || *dst <= 0 {
				return c, fmt.Errorf("%s %q is not a positive duration", name, v)
			}
		}
	}
	c.MentionEmailDelay = 2 * time.Minute
	if v := getenv("MENTION_EMAIL_DELAY"); v != "" {
		if c.MentionEmailDelay, err = time.ParseDuration(v); err != nil || c.MentionEmailDelay < 0 {
			return c, fmt.Errorf("MENTION_EMAIL_DELAY %q is not a duration", v)
		}
	}
	c.PublicURL = strings.TrimRight(or(getenv("PUBLIC_URL"), fmt.Sprintf("http://localhost:%d", c.Port)), "/")
	c.AllowedOrigins = []string{c.PublicURL}
	if v := getenv("ALLOWED_ORIGINS"); v != "" {
		c.AllowedOrigins = nil
		for _, o := range strings.Split(v, ",") {
			if o = strings.TrimSpace(o); o != "" {
				c.AllowedOrigins = append(c.AllowedOrigins, strings.TrimRight(o, "/"))
			}
		}
	}
	if c.SigningKey, err = signingKey(getenv("JWT_SIGNING_KEY"), c.Production, c.DataDir); err != nil {
		return c, err
	}
	return c, nil
}

// signingKey decodes the configured key; in development a missing key is generated once and
// kept in DATA_DIR so sessions survive restarts. In production a missing key stops the start.
func signingKey(v string, production bool, dataDir string) ([]byte, error) {
	if v != "" {
		k, err := base64.StdEncoding.DecodeString(v)
		if err != nil || len(k) < 32 {
			return nil, errors.New("JWT_SIGNING_KEY must be base64 of at least 32 random bytes (openssl rand -base64 48)")
		}
		return k, nil
	}
	if production {
		return nil, errors.New("JWT_SIGNING_KEY is required when ENV=production (generate one with: openssl rand -base64 48)")
	}
	path := filepath.Join(dataDir, "jwt-signing.key")
	if b, err := os.ReadFile(path); err == nil {
		k, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(k) < 32 {
			return nil, fmt.Errorf("%s is not a valid key; delete it to generate a new one", path)
		}
		return k, nil
	}
	k := make([]byte, 48)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create DATA_DIR: %w", err)
	}
	if err := os.WriteFile(path, []byte(base64.StdEncoding.EncodeToString(k)+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("keep generated signing key: %w", err)
	}
	return k, nil
}

// Masked describes the configuration for the start-up log, secrets left out.
func (c Config) Masked() map[string]any {
	return map[string]any{
		"production": c.Production, "port": c.Port, "dataDir": c.DataDir,
		"database": c.Database, "embeddedDB": c.MongoURI == "", "publicURL": c.PublicURL,
		"allowedOrigins": c.AllowedOrigins, "smtp": c.SMTP.Host != "", "demo": c.Demo,
	}
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
