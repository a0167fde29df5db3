package accounts

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/store"
	"github.com/elo-workspace/elo-workspace/server/store/storetest"
)

// sessionFixture is the accounts service over a real database, with a clock the test moves.
type sessionFixture struct {
	db    *store.DB
	clock time.Time
	svc   *Service
}

func openSessions(t *testing.T) *sessionFixture {
	t.Helper()
	db := storetest.Open(t, "accounts_sessions_test")
	ctx := context.Background()
	users := store.NewTable[User](db, "users")
	for _, id := range []string{"0000000000000000000000a1", "0000000000000000000000b2", "0000000000000000000000c3"} {
		if err := users.Insert(ctx, User{ID: id, Email: id + "@elo.test", Name: "Person " + id, Language: "fi", Version: 1}); err != nil {
			t.Fatal(err)
		}
	}
	f := &sessionFixture{db: db, clock: time.Now().UTC().Truncate(time.Second)}
	f.reload(t)
	return f
}

// reload makes a fresh service over the same database, as a restart does.
func (f *sessionFixture) reload(t *testing.T) {
	t.Helper()
	f.svc = New(Config{SigningKey: make([]byte, 32), AccessTTL: 15 * time.Minute, RefreshTTL: 720 * time.Hour, PublicURL: "http://elo.test"},
		Stores{Users: store.NewTable[User](f.db, "users"), Sessions: store.NewTable[Session](f.db, "sessions"),
			Resets: store.NewTable[PasswordReset](f.db, "password_resets")},
		nil, slog.New(slog.NewTextHandler(io.Discard, nil)))
	f.svc.now = func() time.Time { return f.clock }
	if err := f.svc.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// stored lists the ids of the sessions in the database.
func (f *sessionFixture) stored(t *testing.T) []string {
	t.Helper()
	all, err := store.NewTable[Session](f.db, "sessions").All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, se := range all {
		ids = append(ids, se.ID)
	}
	slices.Sort(ids)
	return ids
}

// start signs userID in and returns the new session's id and refresh token.
func (f *sessionFixture) start(t *testing.T, userID string) (string, string) {
	t.Helper()
	before := f.stored(t)
	in, err := f.svc.StartSession(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range f.stored(t) {
		if !slices.Contains(before, id) {
			return id, in.RefreshToken
		}
	}
	t.Fatal("no new session stored")
	return "", ""
}

func TestEndedSessionsArePrunedDurably(t *testing.T) {
	f := openSessions(t)
	ctx := context.Background()
	expiring, _ := f.start(t, "0000000000000000000000a1") // expires at clock + 720 h
	f.clock = f.clock.Add(700 * time.Hour)
	active, activeToken := f.start(t, "0000000000000000000000b2") // expires 700 h later
	signedOut, outToken := f.start(t, "0000000000000000000000c3")
	if err := f.svc.Logout(ctx, outToken); err != nil {
		t.Fatal(err)
	}
	f.clock = f.clock.Add(21 * time.Hour) // the first session expired an hour ago
	if f.svc.SessionOpen(expiring) || !f.svc.SessionOpen(active) || f.svc.SessionOpen(signedOut) {
		t.Fatal("before pruning: only the second session should be open")
	}
	if got := len(f.stored(t)); got != 3 {
		t.Fatalf("before pruning %d sessions stored, want 3", got)
	}

	n, err := f.svc.PruneSessions(ctx)
	if err != nil || n != 2 {
		t.Fatalf("pruned %d (%v), want the expired and the signed-out session", n, err)
	}
	if got := f.stored(t); !slices.Equal(got, []string{active}) {
		t.Fatalf("after pruning the store holds %v, want only the active session %s", got, active)
	}
	f.svc.mu.RLock()
	inMemory, tokens := len(f.svc.sessions), len(f.svc.byToken)
	f.svc.mu.RUnlock()
	if inMemory != 1 || tokens != 1 {
		t.Fatalf("after pruning %d sessions and %d token hashes in memory, want 1 and 1", inMemory, tokens)
	}
	if n, err := f.svc.PruneSessions(ctx); err != nil || n != 0 {
		t.Fatalf("a second prune removed %d (%v), want 0", n, err)
	}
	// The active session still refreshes; the pruned ones' tokens are simply unknown.
	next, err := f.svc.Refresh(ctx, activeToken)
	if err != nil {
		t.Fatalf("refreshing the active session: %v", err)
	}
	if _, err := f.svc.Refresh(ctx, outToken); err == nil {
		t.Fatal("a pruned session's token refreshed")
	}

	// A restart keeps both facts: the active session open, the pruned ones gone.
	f.reload(t)
	if !f.svc.SessionOpen(active) || f.svc.SessionOpen(expiring) || f.svc.SessionOpen(signedOut) {
		t.Fatal("after a restart: only the active session should be open")
	}
	if got := f.stored(t); !slices.Equal(got, []string{active}) {
		t.Fatalf("after a restart the store holds %v, want only %s", got, active)
	}
	if _, err := f.svc.Refresh(ctx, next.RefreshToken); err != nil {
		t.Fatalf("refreshing the active session after a restart: %v", err)
	}

	// Sessions that end while the server is down leave the store at the next start.
	f.clock = f.clock.Add(2000 * time.Hour)
	f.reload(t)
	if f.svc.SessionOpen(active) {
		t.Fatal("an expired session is open after a restart")
	}
	if got := f.stored(t); len(got) != 0 {
		t.Fatalf("the start-up prune left %v in the store", got)
	}
}
