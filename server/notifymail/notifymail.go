// Package notifymail delivers in-app notifications by email: a mention at once (shortly after,
// unless it was read in the app meanwhile), the rest in a daily or weekly digest, as each
// person chooses; every email carries a one-click unsubscribe link (RFC 8058).
//
// Who gets a notification at all is decided where it is sent (forums, practices, comments:
// only people who may read the thing); this package only decides how and when it is emailed.
//
// Storage follows the embedded database's cost model (FERRETDB.md): everything is appended.
// A Choice records a person's preferences (the last one wins); a Delivery records that a
// mention's email was sent or skipped, or that a digest went out up to a sequence number. The
// notifications themselves are the durable queue: at start every recent mention without a
// Delivery is queued again, so a restart between a notification and its email loses nothing.
package notifymail

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/mail"
	"github.com/elo-workspace/elo-workspace/server/notifications"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// How often an email goes out.
const (
	Immediately = "immediately" // mentions only: an email per mention
	Daily       = "daily"       // in the daily digest
	Weekly      = "weekly"      // in the weekly digest
	Never       = "never"
)

// Preferences are a person's email choices.
type Preferences struct {
	Mentions string `json:"mentions"` // immediately, daily, weekly or never
	Digest   string `json:"digest"`   // replies, followed threads, reviews, adoptions: daily, weekly or never
}

// Defaults are what a person gets before choosing (Discourse's: mentions at once, a weekly digest).
var Defaults = Preferences{Mentions: Immediately, Digest: Weekly}

// Valid checks the values.
func (p Preferences) Valid() error {
	switch p.Mentions {
	case Immediately, Daily, Weekly, Never:
	default:
		return apperr.Invalid("mentions", "mentions is immediately, daily, weekly or never")
	}
	switch p.Digest {
	case Daily, Weekly, Never:
	default:
		return apperr.Invalid("digest", "digest is daily, weekly or never")
	}
	return nil
}

// Choice is one stored change of a person's preferences; the newest per person wins.
type Choice struct {
	ID       string    `bson:"_id"`
	UserID   string    `bson:"user"`
	Mentions string    `bson:"mentions"`
	Digest   string    `bson:"digest"`
	Via      string    `bson:"via"` // "settings", "unsubscribe:<scope>", "undo"
	At       time.Time `bson:"at"`
}

// Outcomes of a Delivery.
const (
	Sent    = "sent"    // the mention's email went out
	WasRead = "read"    // read in the app before its delay passed: no email
	Off     = "off"     // the person does not want mentions at once
	Gone    = "gone"    // the person may no longer read what it links to
	Digest  = "digest"  // a digest went out
	NoEmail = "noemail" // the person has no address (or no account)
)

// Delivery records what became of a mention's email, or a digest sent.
type Delivery struct {
	ID           string    `bson:"_id"`
	UserID       string    `bson:"user"`
	Notification string    `bson:"notification,omitempty"` // a mention's
	Frequency    string    `bson:"frequency,omitempty"`    // a digest's: daily or weekly
	Slot         time.Time `bson:"slot,omitempty"`         // a digest's scheduled time
	UpTo         int64     `bson:"upTo,omitempty"`         // a digest covered notifications up to this sequence number
	Count        int       `bson:"count,omitempty"`
	Outcome      string    `bson:"outcome"`
	At           time.Time `bson:"at"`
}

// Log is an append-only table.
type Log[T any] interface {
	All(ctx context.Context) ([]T, error)
	Append(ctx context.Context, docs []T) error
}

// Mailer sends email (mail.Sender).
type Mailer interface {
	SendMessage(ctx context.Context, m mail.Message) error
}

// People finds accounts (accounts.Service).
type People interface {
	User(id string) (accounts.User, bool)
}

// Deps are what the service needs.
type Deps struct {
	Notifications *notifications.Service
	People        People
	Mail          Mailer
	PublicURL     string        // links in emails
	SigningKey    []byte        // the unsubscribe links' key is derived from it
	Delay         time.Duration // how long a mention waits for being read in the app before its email
	Log           *slog.Logger
	Now           func() time.Time // nil: time.Now
	// Readable reports whether the person may still read what a notification links to, checked
	// again when its email goes out (they may have left the group meanwhile); nil: always.
	Readable func(userID, link string) bool
}

// Sweep is how far back the start looks for mentions whose email is still owed.
const Sweep = 24 * time.Hour

// DigestHour is when digests go out (UTC): 05:00 is 07:00 in Finland in winter, 08:00 in summer.
const DigestHour = 5

// MaxDigestItems is how many notifications a digest lists; it says how many more there are.
const MaxDigestItems = 30

// Service keeps every person's preferences and deliveries in memory; writes are stored first.
type Service struct {
	choices    Log[Choice]
	deliveries Log[Delivery]
	d          Deps
	key        []byte

	mu      sync.RWMutex
	prefs   map[string][2]Choice           // user -> [current, previous]
	done    map[string]string              // mention id -> outcome
	digests map[string]map[string]Delivery // user -> frequency -> last digest
	pending map[string]time.Time           // mention id -> when its email is due

	runMu  sync.Mutex // one RunDue at a time
	wmu    sync.Mutex // serialises choices: a store and the memory change after it happen in order
	kick   chan struct{}
	cancel context.CancelFunc // stops the sender, also in the middle of an email
	ended  chan struct{}
}

// New makes the service; call Load, then Start.
func New(choices Log[Choice], deliveries Log[Delivery], d Deps) *Service {
	if d.Log == nil {
		d.Log = slog.Default()
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	m := hmac.New(sha256.New, d.SigningKey)
	m.Write([]byte("elo-workspace email unsubscribe v1"))
	s := &Service{choices: choices, deliveries: deliveries, d: d, key: m.Sum(nil),
		prefs: map[string][2]Choice{}, done: map[string]string{}, digests: map[string]map[string]Delivery{},
		pending: map[string]time.Time{}, kick: make(chan struct{}, 1)}
	if d.Notifications != nil {
		d.Notifications.OnSend(s.noticed)
	}
	return s
}

// Load reads every choice and delivery.
func (s *Service) Load(ctx context.Context) error {
	cs, err := s.choices.All(ctx)
	if err != nil {
		return err
	}
	ds, err := s.deliveries.All(ctx)
	if err != nil {
		return err
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].At.Before(cs[j].At) })
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range cs {
		s.prefs[c.UserID] = [2]Choice{c, s.prefs[c.UserID][0]}
	}
	for _, d := range ds {
		s.addDeliveryLocked(d)
	}
	return nil
}

func (s *Service) addDeliveryLocked(d Delivery) {
	if d.Notification != "" {
		s.done[d.Notification] = d.Outcome
		delete(s.pending, d.Notification)
		return
	}
	if d.Frequency != "" {
		m := s.digests[d.UserID]
		if m == nil {
			m = map[string]Delivery{}
			s.digests[d.UserID] = m
		}
		if d.Slot.After(m[d.Frequency].Slot) || m[d.Frequency].ID == "" {
			m[d.Frequency] = d
		}
	}
}

// Start queues every recent mention whose email is still owed and starts the sender: it runs
// RunDue when a mention arrives, and every half minute for delays and digests.
func (s *Service) Start() {
	now := s.d.Now()
	s.mu.Lock()
	for _, n := range s.d.Notifications.Since(now.Add(-Sweep), notifications.KindMention) {
		if _, ok := s.done[n.ID]; !ok {
			s.pending[n.ID] = n.At.Add(s.d.Delay)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel, s.ended = cancel, make(chan struct{})
	s.mu.Unlock()
	go s.loop(ctx)
}

func (s *Service) loop(ctx context.Context) {
	defer close(s.ended)
	t := time.NewTicker(30 * time.Second)
	defer t.Stop()
	for {
		run, cancel := context.WithTimeout(ctx, 5*time.Minute)
		if err := s.RunDue(run, s.d.Now()); err != nil && ctx.Err() == nil {
			s.d.Log.Warn("email notifications", "err", err)
		}
		cancel()
		wait := (<-chan time.Time)(nil)
		if next, ok := s.nextDue(); ok {
			if d := time.Until(next); d < 30*time.Second {
				timer := time.NewTimer(max(d, 0))
				wait = timer.C
				defer timer.Stop()
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
		case <-t.C:
		case <-wait:
		}
	}
}

// nextDue is when the earliest queued mention is due.
func (s *Service) nextDue() (time.Time, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var first time.Time
	for _, due := range s.pending {
		if first.IsZero() || due.Before(first) {
			first = due
		}
	}
	return first, !first.IsZero()
}

// Close stops the sender (after the email it is sending, if any).
func (s *Service) Close() {
	if s.cancel == nil {
		return
	}
	s.cancel()
	<-s.ended
	s.cancel = nil
}

// noticed queues the email of every new mention (notifications.Service.OnSend).
func (s *Service) noticed(ns []notifications.Notification) {
	queued := false
	s.mu.Lock()
	for _, n := range ns {
		if n.Kind == notifications.KindMention && s.prefsLocked(n.UserID).Mentions == Immediately {
			s.pending[n.ID] = n.At.Add(s.d.Delay)
			queued = true
		}
	}
	s.mu.Unlock()
	if queued {
		select {
		case s.kick <- struct{}{}:
		default:
		}
	}
}

func (s *Service) prefsLocked(userID string) Preferences {
	c := s.prefs[userID][0]
	if c.ID == "" {
		return Defaults
	}
	return Preferences{Mentions: c.Mentions, Digest: c.Digest}
}

// Of is a person's preferences.
func (s *Service) Of(userID string) Preferences {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.prefsLocked(userID)
}

// Get is the signed-in person's preferences.
func (s *Service) Get(p accounts.Principal) (Preferences, error) {
	if p.UserID == "" {
		return Preferences{}, apperr.New(apperr.Unauthenticated, "sign in")
	}
	return s.Of(p.UserID), nil
}

// Set stores the signed-in person's preferences.
func (s *Service) Set(ctx context.Context, p accounts.Principal, next Preferences) (Preferences, error) {
	if p.UserID == "" {
		return Preferences{}, apperr.New(apperr.Unauthenticated, "sign in")
	}
	if err := next.Valid(); err != nil {
		return Preferences{}, err
	}
	return next, s.choose(ctx, p.UserID, next, "settings")
}

// choose stores a choice unless it changes nothing.
func (s *Service) choose(ctx context.Context, userID string, next Preferences, via string) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.Of(userID) == next && via != "undo" {
		return nil
	}
	c := Choice{ID: record.New(), UserID: userID, Mentions: next.Mentions, Digest: next.Digest, Via: via, At: s.d.Now().UTC()}
	if err := s.choices.Append(ctx, []Choice{c}); err != nil {
		return apperr.Wrap(err, "store email preferences")
	}
	s.mu.Lock()
	s.prefs[userID] = [2]Choice{c, s.prefs[userID][0]}
	s.mu.Unlock()
	return nil
}

// --- unsubscribe links ------------------------------------------------------------------

// Scopes of an unsubscribe link: which emails it stops.
const (
	ScopeMentions = "mentions" // the emails sent at once for mentions
	ScopeDigest   = "digest"   // the digests (and the mentions they carry)
)

// Token is the signed unsubscribe token for a person and scope: "<user>.<scope>.<mac>".
func (s *Service) Token(userID, scope string) string {
	return userID + "." + scope + "." + s.mac(userID, scope)
}

func (s *Service) mac(userID, scope string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(userID + "\x00" + scope))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil)[:18])
}

// parse checks a token's signature.
func (s *Service) parse(token string) (userID, scope string, err error) {
	bad := apperr.New(apperr.UnsubscribeLinkInvalid, "this unsubscribe link is not valid")
	parts := strings.Split(token, ".")
	if len(token) > 200 || len(parts) != 3 || !record.Valid(parts[0]) || (parts[1] != ScopeMentions && parts[1] != ScopeDigest) {
		return "", "", bad
	}
	if !hmac.Equal([]byte(parts[2]), []byte(s.mac(parts[0], parts[1]))) {
		return "", "", bad
	}
	if _, ok := s.d.People.User(parts[0]); !ok {
		return "", "", bad
	}
	return parts[0], parts[1], nil
}

// Unsubscription is what an unsubscribe link did.
type Unsubscription struct {
	Scope       string      `json:"scope"`
	Preferences Preferences `json:"preferences"`
	Undone      bool        `json:"undone,omitempty"`
}

// Unsubscribe stops the emails of the token's scope for its person, without signing in: the
// mentions link turns mention emails off, the digest link turns the digest off (and mentions
// too when they went to a digest). A bad token changes nothing.
func (s *Service) Unsubscribe(ctx context.Context, token string) (Unsubscription, error) {
	userID, scope, err := s.parse(token)
	if err != nil {
		return Unsubscription{}, err
	}
	next := s.Of(userID)
	if scope == ScopeMentions {
		next.Mentions = Never
	} else {
		next.Digest = Never
		if next.Mentions != Immediately {
			next.Mentions = Never
		}
	}
	if err := s.choose(ctx, userID, next, "unsubscribe:"+scope); err != nil {
		return Unsubscription{}, err
	}
	return Unsubscription{Scope: scope, Preferences: next}, nil
}

// Undo restores the preferences from before the token's unsubscribe, when that is the latest
// change; otherwise it changes nothing and answers the current preferences.
func (s *Service) Undo(ctx context.Context, token string) (Unsubscription, error) {
	userID, scope, err := s.parse(token)
	if err != nil {
		return Unsubscription{}, err
	}
	s.mu.RLock()
	cur, prev := s.prefs[userID][0], s.prefs[userID][1]
	s.mu.RUnlock()
	if cur.Via != "unsubscribe:"+scope {
		return Unsubscription{Scope: scope, Preferences: s.Of(userID)}, nil
	}
	back := Defaults
	if prev.ID != "" {
		back = Preferences{Mentions: prev.Mentions, Digest: prev.Digest}
	}
	if err := s.choose(ctx, userID, back, "undo"); err != nil {
		return Unsubscription{}, err
	}
	return Unsubscription{Scope: scope, Preferences: back, Undone: true}, nil
}
