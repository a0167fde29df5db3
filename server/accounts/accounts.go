// Package accounts holds people's accounts and sign-in: passwords (argon2id), access tokens
// (JWT), rotating refresh tokens grouped in sessions, password reset and the first-run setup.
package accounts

import (
	"context"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/apperr"
)

// User is an account.
type User struct {
	ID                string    `bson:"_id"`
	Email             string    `bson:"email"`
	Name              string    `bson:"name"`
	Title             string    `bson:"title"`
	OrganisationID    string    `bson:"organisationId"`
	Language          string    `bson:"language"`
	NotificationEmail string    `bson:"notificationEmail"`
	IsAdmin           bool      `bson:"isAdmin"`
	PasswordHash      string    `bson:"passwordHash"`
	CreatedAt         time.Time `bson:"createdAt"`
	Version           int       `bson:"version"`
}

// Session is one sign-in on one device: the family of its rotating refresh tokens.
// Its id is the `sid` claim of every access token issued for it.
type Session struct {
	ID             string    `bson:"_id"`
	UserID         string    `bson:"userId"`
	TokenHash      string    `bson:"tokenHash"`      // the current refresh token
	PreviousHashes []string  `bson:"previousHashes"` // rotated-away tokens, to detect reuse
	CreatedAt      time.Time `bson:"createdAt"`
	ExpiresAt      time.Time `bson:"expiresAt"`
	Revoked        bool      `bson:"revoked"`
	Version        int       `bson:"version"`
}

// PasswordReset is an emailed, single-use reset link (stored as a hash).
type PasswordReset struct {
	ID        string    `bson:"_id"` // hash of the token
	UserID    string    `bson:"userId"`
	ExpiresAt time.Time `bson:"expiresAt"`
	Used      bool      `bson:"used"`
	Version   int       `bson:"version"`
}

// Principal is who makes a request: the signed-in user and their session.
type Principal struct {
	UserID    string
	SessionID string
	IsAdmin   bool
	ExpiresAt time.Time // of the access token: long-lived connections end then
}

// SignIn is the result of a successful sign-in, refresh, setup or invitation acceptance.
type SignIn struct {
	AccessToken      string
	ExpiresAt        time.Time
	RefreshToken     string // goes only into the HttpOnly cookie
	RefreshExpiresAt time.Time
	User             User
}

// ProfileUpdate changes only the fields that are not nil.
type ProfileUpdate struct {
	Name              *string
	Title             *string
	OrganisationID    *string
	Language          *string
	NotificationEmail *string
}

// NewUser is what creating an account needs.
type NewUser struct {
	Email, Name, Password, Language string
	Title, OrganisationID           string
	IsAdmin                         bool
}

// Languages the interface and emails come in.
var Languages = []string{"fi", "sv", "en"}

// ValidLanguage reports whether l is one of Languages.
func ValidLanguage(l string) bool { return l == "fi" || l == "sv" || l == "en" }

// NormalizeEmail lower-cases and checks an address; field names the input for the error.
func NormalizeEmail(field, s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || len(s) > 254 {
		return "", apperr.Invalid(field, "an email address is required")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@")+1:], ".") && !strings.HasSuffix(s, "@localhost") {
		return "", apperr.Invalid(field, "not a valid email address")
	}
	return s, nil
}

func checkPassword(p string) error {
	n := utf8.RuneCountInString(p)
	if n < 10 || len(p) > 200 {
		return apperr.New(apperr.WeakPassword, "a password needs at least 10 characters (and at most 200)")
	}
	return nil
}

// Mailer sends an email (SMTP, or the outbox folder in development).
type Mailer interface {
	Send(ctx context.Context, to, subject, body string) error
}

// Organisations tells whether an organisation exists (profiles point at one).
type Organisations interface {
	Exists(id string) bool
}
