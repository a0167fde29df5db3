package accounts

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/elo-workspace/elo-workspace/server/apperr"
)

const (
	issuer   = "elo-workspace"
	audience = "elo-workspace-api"
)

type claims struct {
	jwt.RegisteredClaims
	SessionID string `json:"sid"`
}

func (s *Service) issueAccess(userID, sessionID string, now time.Time) (string, time.Time, error) {
	exp := now.Add(s.cfg.AccessTTL)
	c := claims{
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    issuer,
			Subject:   userID,
			Audience:  jwt.ClaimStrings{audience},
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(exp),
		},
		SessionID: sessionID,
	}
	tok, err := jwt.NewWithClaims(jwt.SigningMethodHS256, c).SignedString(s.cfg.SigningKey)
	if err != nil {
		return "", time.Time{}, apperr.Wrap(err, "sign access token")
	}
	return tok, exp, nil
}

// verifiedTokens remembers access tokens already verified, so a token's signature and claims
// are checked once and not at every request (a tenth of a busy server's CPU): the same string
// was signed by this server, and only its expiry changes with time, checked at every use.
// Whether its session is still open is Authenticate's, at every use. Bounded: when full, it
// starts again empty.
type verifiedTokens struct {
	mu sync.Mutex
	m  map[string]*claims
}

const maxVerified = 4096

func (v *verifiedTokens) get(raw string) *claims {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.m[raw]
}

func (v *verifiedTokens) put(raw string, c *claims) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.m == nil || len(v.m) >= maxVerified {
		v.m = make(map[string]*claims, 256)
	}
	v.m[raw] = c
}

// parseAccess verifies signature (HS256 only), issuer, audience and expiry (required).
func (s *Service) parseAccess(raw string) (*claims, error) {
	if c := s.verified.get(raw); c != nil {
		if !s.now().Before(c.ExpiresAt.Time) {
			return nil, apperr.New(apperr.TokenExpired, "the access token has expired")
		}
		return c, nil
	}
	var c claims
	_, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return s.cfg.SigningKey, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithIssuer(issuer),
		jwt.WithAudience(audience),
		jwt.WithTimeFunc(s.now),
	)
	if errors.Is(err, jwt.ErrTokenExpired) {
		return nil, apperr.New(apperr.TokenExpired, "the access token has expired")
	}
	if err != nil || c.Subject == "" || c.SessionID == "" {
		return nil, apperr.New(apperr.TokenInvalid, "the access token is not valid")
	}
	s.verified.put(raw, &c)
	return &c, nil
}

// newSecret returns a random URL-safe token (43 characters) and the hash that is stored.
func newSecret() (raw, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	raw = base64.RawURLEncoding.EncodeToString(b)
	return raw, HashSecret(raw)
}

// HashSecret is how emailed and cookie secrets are stored: only their SHA-256.
func HashSecret(raw string) string {
	h := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(h[:])
}

// NewSecret is newSecret for other packages that email single-use links (invitations).
func NewSecret() (raw, hash string) { return newSecret() }

// ValidSecret reports whether s has the shape of a token made by NewSecret.
func ValidSecret(s string) bool {
	if len(s) != 43 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}
