package accounts

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/alexedwards/argon2id"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// Config is what the service needs from the server configuration.
type Config struct {
	SigningKey []byte
	AccessTTL  time.Duration
	RefreshTTL time.Duration
	PublicURL  string
}

// Stores are the durable tables of the service.
type Stores struct {
	Users    record.Table[User]
	Sessions SessionTable
	Resets   record.Table[PasswordReset]
}

// OWASP's argon2id recommendation (19 MiB, 2 passes, 1 lane): costly for guessing, yet
// affordable for many sign-ins at once on a 2-core server.
var hashParams = &argon2id.Params{Memory: 19 * 1024, Iterations: 2, Parallelism: 1, SaltLength: 16, KeyLength: 32}

// Service is accounts and sign-in. Reads are served from memory; every change is stored
// before memory changes. wmu serialises writers so readers never wait on the database.
type Service struct {
	cfg    Config
	st     Stores
	mail   Mailer
	orgs   Organisations
	log    *slog.Logger
	now    func() time.Time
	byAcct *failureLimiter
	byAddr *failureLimiter

	wmu      sync.Mutex
	mu       sync.RWMutex
	users    map[string]User
	byEmail  map[string]string
	named    atomic.Pointer[[]User] // every user by name, built on demand (named.go); nil after a change
	sessions map[string]Session
	byToken  map[string]string // refresh token hash (current or previous) -> session id
	resets   map[string]PasswordReset
	setup    string // one-time setup token while no administrator exists

	dummyHash string // verified against for unknown emails, so timing tells nothing

	verified verifiedTokens // access tokens whose signature and claims were checked (tokens.go)

	pruning *pruner // StartPruning's goroutine (sessions.go)

	// hashing bounds concurrent argon2id work to the CPUs: each takes 19 MiB and a core, so
	// 50 sign-ins at once would otherwise take a gigabyte and gain nothing.
	hashing chan struct{}
}

// New makes the service; call Load before use.
func New(cfg Config, st Stores, m Mailer, log *slog.Logger) *Service {
	s := &Service{
		cfg: cfg, st: st, mail: m, log: log, now: time.Now,
		byAcct:  newFailureLimiter(time.Minute, 10),
		byAddr:  newFailureLimiter(2*time.Second, 60),
		hashing: make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
	s.dummyHash, _ = argon2id.CreateHash("not a real password", hashParams)
	return s
}

// SetOrganisations connects the directory, which profiles point into.
func (s *Service) SetOrganisations(o Organisations) { s.orgs = o }

// Load reads the working set. With no administrator yet it makes a setup token.
func (s *Service) Load(ctx context.Context) error {
	users, err := s.st.Users.All(ctx)
	if err != nil {
		return err
	}
	sessions, err := s.st.Sessions.All(ctx)
	if err != nil {
		return err
	}
	resets, err := s.st.Resets.All(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.users, s.byEmail = map[string]User{}, map[string]string{}
	s.named.Store(nil)
	s.sessions, s.byToken, s.resets = map[string]Session{}, map[string]string{}, map[string]PasswordReset{}
	for _, u := range users {
		s.users[u.ID], s.byEmail[u.Email] = u, u.ID
	}
	now := s.now()
	var ended []string
	for _, se := range sessions {
		if se.ended(now) {
			ended = append(ended, se.ID)
			continue
		}
		s.indexSession(se)
	}
	for _, r := range resets {
		if !r.Used && now.Before(r.ExpiresAt) {
			s.resets[r.ID] = r
		}
	}
	if !s.hasAdminLocked() {
		raw, _ := newSecret()
		s.setup = raw
	}
	s.mu.Unlock()
	// Sessions that ended while the server was down (or before pruning existed) leave the
	// store now; the working set never held them.
	return s.deleteSessions(ctx, ended)
}

func (s *Service) indexSession(se Session) {
	s.sessions[se.ID] = se
	s.byToken[se.TokenHash] = se.ID
	for _, h := range se.PreviousHashes {
		s.byToken[h] = se.ID
	}
}

func (s *Service) hasAdminLocked() bool {
	for _, u := range s.users {
		if u.IsAdmin {
			return true
		}
	}
	return false
}

// SetupLink is the one-time first-run link, empty once an administrator exists.
func (s *Service) SetupLink() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.setup == "" {
		return ""
	}
	return s.cfg.PublicURL + "/setup?token=" + s.setup
}

// SetupNeeded reports whether the first administrator is still to be created.
func (s *Service) SetupNeeded() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.setup != ""
}

// CompleteSetup creates the first platform administrator with the logged setup token.
func (s *Service) CompleteSetup(ctx context.Context, token string, nu NewUser) (SignIn, error) {
	s.mu.RLock()
	want := s.setup
	s.mu.RUnlock()
	if want == "" {
		return SignIn{}, apperr.New(apperr.SetupDone, "the workspace has already been set up")
	}
	if HashSecret(token) != HashSecret(want) { // compare digests: constant-time enough for a 256-bit secret
		return SignIn{}, apperr.New(apperr.SetupTokenInvalid, "the setup link is not valid; use the link in the server log")
	}
	nu.IsAdmin = true
	u, err := s.CreateUser(ctx, nu)
	if err != nil {
		return SignIn{}, err
	}
	s.mu.Lock()
	s.setup = ""
	s.mu.Unlock()
	return s.StartSession(ctx, u.ID)
}

// acquire waits for a hashing slot, or for the request to end.
func (s *Service) acquire(ctx context.Context) error {
	select {
	case s.hashing <- struct{}{}:
		return nil
	case <-ctx.Done():
		return apperr.Wrap(ctx.Err(), "wait for password hashing")
	}
}

func (s *Service) hash(ctx context.Context, password string) (string, error) {
	if err := s.acquire(ctx); err != nil {
		return "", err
	}
	defer func() { <-s.hashing }()
	h, err := HashPassword(password)
	if err != nil {
		return "", apperr.Wrap(err, "hash password")
	}
	return h, nil
}

func (s *Service) compare(ctx context.Context, password, hash string) (bool, error) {
	if err := s.acquire(ctx); err != nil {
		return false, err
	}
	defer func() { <-s.hashing }()
	return argon2id.ComparePasswordAndHash(password, hash)
}

// HashPassword returns the argon2id hash of a password (the demo loader hashes once for all).
func HashPassword(p string) (string, error) { return argon2id.CreateHash(p, hashParams) }

// CreateUser makes an account. An email already in use is email_taken.
func (s *Service) CreateUser(ctx context.Context, nu NewUser) (User, error) {
	email, err := NormalizeEmail("email", nu.Email)
	if err != nil {
		return User{}, err
	}
	name, err := record.Text("name", nu.Name, 1, 120)
	if err != nil {
		return User{}, err
	}
	if err := checkPassword(nu.Password); err != nil {
		return User{}, err
	}
	lang := nu.Language
	if lang == "" {
		lang = "fi"
	}
	if !ValidLanguage(lang) {
		return User{}, apperr.Invalid("language", "language must be fi, sv or en")
	}
	hash, err := s.hash(ctx, nu.Password)
	if err != nil {
		return User{}, err
	}
	u := User{
		ID: record.New(), Email: email, Name: name, Title: nu.Title, OrganisationID: nu.OrganisationID,
		Language: lang, NotificationEmail: email, IsAdmin: nu.IsAdmin, PasswordHash: hash,
		CreatedAt: s.now().UTC(), Version: 1,
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, taken := s.UserByEmail(email); taken {
		return User{}, apperr.New(apperr.EmailTaken, "an account with this email already exists")
	}
	if err := s.st.Users.Insert(ctx, u); err != nil {
		if apperr.Is(err, apperr.VersionConflict) {
			return User{}, apperr.New(apperr.EmailTaken, "an account with this email already exists")
		}
		return User{}, err
	}
	s.putUser(u)
	return u, nil
}

// putUser updates the in-memory copy after a stored change.
func (s *Service) putUser(u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[u.ID], s.byEmail[u.Email] = u, u.ID
	s.named.Store(nil)
}

// User returns an account by id.
func (s *Service) User(id string) (User, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u, ok := s.users[id]
	return u, ok
}

// UserByEmail returns an account by (normalised) email.
func (s *Service) UserByEmail(email string) (User, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u, ok := s.users[s.byEmail[email]]
	return u, ok
}

// Users lists every account, by name (platform administrators only).
func (s *Service) Users(p Principal) ([]User, error) {
	if !p.IsAdmin {
		return nil, apperr.New(apperr.Forbidden, "only platform administrators can list accounts")
	}
	s.mu.RLock()
	out := make([]User, 0, len(s.users))
	for _, u := range s.users {
		out = append(out, u)
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Login checks email and password. Unknown email and wrong password get the same answer.
func (s *Service) Login(ctx context.Context, email, password, addr string) (SignIn, error) {
	email, _ = NormalizeEmail("email", email)
	if s.byAcct.blocked(email) || s.byAddr.blocked(addr) {
		return SignIn{}, apperr.New(apperr.RateLimited, "too many failed sign-ins; wait a minute and try again")
	}
	u, ok := s.UserByEmail(email)
	hash := s.dummyHash
	if ok {
		hash = u.PasswordHash
	}
	match, err := s.compare(ctx, password, hash)
	if apperr.Is(err, apperr.Internal) {
		return SignIn{}, err
	}
	if err != nil || !match || !ok {
		s.byAcct.fail(email)
		s.byAddr.fail(addr)
		return SignIn{}, apperr.New(apperr.InvalidCredentials, "wrong email or password")
	}
	return s.StartSession(ctx, u.ID)
}

// StartSession signs a user in on a new device.
func (s *Service) StartSession(ctx context.Context, userID string) (SignIn, error) {
	u, ok := s.User(userID)
	if !ok {
		return SignIn{}, apperr.New(apperr.NotFound, "no such user")
	}
	raw, hash := newSecret()
	now := s.now().UTC()
	se := Session{ID: record.New(), UserID: userID, TokenHash: hash, CreatedAt: now, ExpiresAt: now.Add(s.cfg.RefreshTTL), Version: 1}
	if err := s.st.Sessions.Insert(ctx, se); err != nil {
		return SignIn{}, err
	}
	s.mu.Lock()
	s.indexSession(se)
	s.mu.Unlock()
	return s.signIn(u, se, raw, now)
}

func (s *Service) signIn(u User, se Session, raw string, now time.Time) (SignIn, error) {
	tok, exp, err := s.issueAccess(u.ID, se.ID, now)
	if err != nil {
		return SignIn{}, err
	}
	return SignIn{AccessToken: tok, ExpiresAt: exp, RefreshToken: raw, RefreshExpiresAt: se.ExpiresAt, User: u}, nil
}

const keptPreviousTokens = 100

// Refresh rotates a refresh token. Presenting a token that was already rotated away means it
// was stolen or replayed: the whole session is revoked.
func (s *Service) Refresh(ctx context.Context, raw string) (SignIn, error) {
	invalid := apperr.New(apperr.TokenInvalid, "the session has ended; sign in again")
	if !ValidSecret(raw) {
		return SignIn{}, invalid
	}
	hash := HashSecret(raw)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	se, ok := s.sessions[s.byToken[hash]]
	s.mu.RUnlock()
	now := s.now().UTC()
	if !ok || se.Revoked || now.After(se.ExpiresAt) {
		return SignIn{}, invalid
	}
	if se.TokenHash != hash {
		s.log.Warn("refresh token reuse: session revoked", "session", se.ID, "user", se.UserID)
		if err := s.revokeLocked(ctx, se); err != nil {
			return SignIn{}, err
		}
		return SignIn{}, invalid
	}
	u, ok := s.User(se.UserID)
	if !ok {
		return SignIn{}, invalid
	}
	newRaw, newHash := newSecret()
	next := se
	next.PreviousHashes = append(slices.Clone(se.PreviousHashes), se.TokenHash)
	if len(next.PreviousHashes) > keptPreviousTokens {
		next.PreviousHashes = next.PreviousHashes[len(next.PreviousHashes)-keptPreviousTokens:]
	}
	next.TokenHash, next.ExpiresAt, next.Version = newHash, now.Add(s.cfg.RefreshTTL), se.Version+1
	if err := s.st.Sessions.Replace(ctx, se.ID, se.Version, next); err != nil {
		return SignIn{}, err
	}
	s.mu.Lock()
	s.indexSession(next)
	s.mu.Unlock()
	return s.signIn(u, next, newRaw, now)
}

// revokeLocked ends a session; the caller holds wmu.
func (s *Service) revokeLocked(ctx context.Context, se Session) error {
	next := se
	next.Revoked, next.Version = true, se.Version+1
	if err := s.st.Sessions.Replace(ctx, se.ID, se.Version, next); err != nil {
		return err
	}
	s.mu.Lock()
	s.sessions[se.ID] = next
	s.mu.Unlock()
	return nil
}

// Logout revokes the session the refresh token belongs to. Unknown tokens are ignored.
func (s *Service) Logout(ctx context.Context, raw string) error {
	if !ValidSecret(raw) {
		return nil
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	s.mu.RLock()
	se, ok := s.sessions[s.byToken[HashSecret(raw)]]
	s.mu.RUnlock()
	if !ok || se.Revoked {
		return nil
	}
	return s.revokeLocked(ctx, se)
}

// RevokeSessions signs a user out everywhere (administrators; or the user after a password change).
func (s *Service) RevokeSessions(ctx context.Context, p Principal, userID string) error {
	if !p.IsAdmin {
		return apperr.New(apperr.Forbidden, "only platform administrators can end other people's sessions")
	}
	if _, ok := s.User(userID); !ok {
		return apperr.New(apperr.NotFound, "no such user")
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.revokeAllLocked(ctx, userID, "")
}

func (s *Service) revokeAllLocked(ctx context.Context, userID, except string) error {
	s.mu.RLock()
	var open []Session
	for _, se := range s.sessions {
		if se.UserID == userID && !se.Revoked && se.ID != except {
			open = append(open, se)
		}
	}
	s.mu.RUnlock()
	for _, se := range open {
		if err := s.revokeLocked(ctx, se); err != nil {
			return err
		}
	}
	return nil
}

// Authenticate checks an access token and that its session is still open.
func (s *Service) Authenticate(token string) (Principal, error) {
	c, err := s.parseAccess(token)
	if err != nil {
		return Principal{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	u, ok := s.users[c.Subject]
	se, open := s.sessions[c.SessionID]
	if !ok || !open || se.Revoked || se.UserID != u.ID {
		return Principal{}, apperr.New(apperr.TokenInvalid, "the session has ended; sign in again")
	}
	return Principal{UserID: u.ID, SessionID: se.ID, IsAdmin: u.IsAdmin, ExpiresAt: c.ExpiresAt.Time}, nil
}

// SessionOpen reports whether a session may still be used (websockets re-check it).
func (s *Service) SessionOpen(id string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	se, ok := s.sessions[id]
	return ok && !se.Revoked && s.now().Before(se.ExpiresAt)
}

// UpdateProfile changes the caller's own profile.
func (s *Service) UpdateProfile(ctx context.Context, p Principal, up ProfileUpdate) (User, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	u, ok := s.User(p.UserID)
	if !ok {
		return User{}, apperr.New(apperr.Unauthenticated, "sign in again")
	}
	next := u
	var err error
	if up.Name != nil {
		if next.Name, err = record.Text("name", *up.Name, 1, 120); err != nil {
			return User{}, err
		}
	}
	if up.Title != nil {
		if next.Title, err = record.Text("title", *up.Title, 0, 120); err != nil {
			return User{}, err
		}
	}
	if up.OrganisationID != nil {
		if *up.OrganisationID != "" && (s.orgs == nil || !s.orgs.Exists(*up.OrganisationID)) {
			return User{}, apperr.Invalid("organisationId", "no such organisation")
		}
		next.OrganisationID = *up.OrganisationID
	}
	if up.Language != nil {
		if !ValidLanguage(*up.Language) {
			return User{}, apperr.Invalid("language", "language must be fi, sv or en")
		}
		next.Language = *up.Language
	}
	if up.NotificationEmail != nil {
		if next.NotificationEmail, err = NormalizeEmail("notificationEmail", *up.NotificationEmail); err != nil {
			return User{}, err
		}
	}
	if next == u {
		return u, nil
	}
	next.Version = u.Version + 1
	if err := s.st.Users.Replace(ctx, u.ID, u.Version, next); err != nil {
		return User{}, err
	}
	s.putUser(next)
	return next, nil
}

// ChangePassword sets a new password after checking the current one; other sessions end.
func (s *Service) ChangePassword(ctx context.Context, p Principal, current, newPassword string) error {
	u, ok := s.User(p.UserID)
	if !ok {
		return apperr.New(apperr.Unauthenticated, "sign in again")
	}
	if match, err := s.compare(ctx, current, u.PasswordHash); err != nil || !match {
		return apperr.New(apperr.WrongPassword, "the current password is wrong")
	}
	return s.setPassword(ctx, u.ID, newPassword, p.SessionID)
}

func (s *Service) setPassword(ctx context.Context, userID, password, keepSession string) error {
	if err := checkPassword(password); err != nil {
		return err
	}
	hash, err := s.hash(ctx, password)
	if err != nil {
		return err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	u, _ := s.User(userID)
	next := u
	next.PasswordHash, next.Version = hash, u.Version+1
	if err := s.st.Users.Replace(ctx, u.ID, u.Version, next); err != nil {
		return err
	}
	s.putUser(next)
	return s.revokeAllLocked(ctx, userID, keepSession)
}

// RequestPasswordReset emails a reset link if the address has an account. The caller always
// answers the same, so the reply does not tell who has an account.
func (s *Service) RequestPasswordReset(ctx context.Context, email, addr string) error {
	email, err := NormalizeEmail("email", email)
	if err != nil {
		return err
	}
	if s.byAddr.blocked("reset:" + addr) {
		return apperr.New(apperr.RateLimited, "too many requests; wait a minute and try again")
	}
	s.byAddr.fail("reset:" + addr)
	u, ok := s.UserByEmail(email)
	if !ok {
		return nil
	}
	raw, hash := newSecret()
	r := PasswordReset{ID: hash, UserID: u.ID, ExpiresAt: s.now().UTC().Add(time.Hour), Version: 1}
	if err := s.st.Resets.Insert(ctx, r); err != nil {
		return err
	}
	s.mu.Lock()
	s.resets[hash] = r
	s.mu.Unlock()
	link := s.cfg.PublicURL + "/reset-password?token=" + raw
	subject, body := resetEmail(u.Language, u.Name, link)
	if err := s.mail.Send(ctx, u.Email, subject, body); err != nil {
		return apperr.Wrap(err, "send reset email")
	}
	return nil
}

// ConfirmPasswordReset sets a new password with an emailed link; every session ends.
func (s *Service) ConfirmPasswordReset(ctx context.Context, token, password string) error {
	if err := checkPassword(password); err != nil {
		return err
	}
	invalid := apperr.New(apperr.ResetLinkInvalid, "the reset link has expired or was already used; ask for a new one")
	if !ValidSecret(token) {
		return invalid
	}
	hash := HashSecret(token)
	s.mu.RLock()
	r, ok := s.resets[hash]
	s.mu.RUnlock()
	if !ok || r.Used || s.now().After(r.ExpiresAt) {
		return invalid
	}
	used := r
	used.Used, used.Version = true, r.Version+1
	if err := s.st.Resets.Replace(ctx, r.ID, r.Version, used); err != nil {
		if apperr.Is(err, apperr.VersionConflict) {
			return invalid
		}
		return err
	}
	s.mu.Lock()
	delete(s.resets, hash)
	s.mu.Unlock()
	return s.setPassword(ctx, r.UserID, password, "")
}

func resetEmail(lang, name, link string) (string, string) {
	switch lang {
	case "sv":
		return "Återställ ditt lösenord i ELO-arbetsrummet",
			fmt.Sprintf("Hej %s,\n\nVälj ett nytt lösenord via länken nedan. Länken gäller i en timme och kan användas en gång.\n\n%s\n\nOm du inte bad om detta kan du ignorera meddelandet.\n", name, link)
	case "en":
		return "Reset your ELO Workspace password",
			fmt.Sprintf("Hello %s,\n\nChoose a new password with the link below. It works for one hour and only once.\n\n%s\n\nIf you did not ask for this, you can ignore this message.\n", name, link)
	default:
		return "Vaihda salasanasi ELO-työtilassa",
			fmt.Sprintf("Hei %s,\n\nValitse uusi salasana alla olevasta linkistä. Linkki toimii tunnin ja vain kerran.\n\n%s\n\nJos et pyytänyt tätä, voit jättää viestin huomiotta.\n", name, link)
	}
}

// PeopleOf lists the accounts whose profile names the organisation, by name.
func (s *Service) PeopleOf(organisationID string) []User {
	s.mu.RLock()
	var out []User
	for _, u := range s.users {
		if u.OrganisationID == organisationID {
			out = append(out, u)
		}
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
