// Package storetest opens a real database for a package's tests: the embedded FerretDB in a
// temporary directory, or the MongoDB named by MONGODB_URI.
package storetest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/store"
)

// Open opens the database named database, empty and migrated, and drops and closes it when the
// test ends. Under -short the test is skipped: it starts a database.
func Open(t testing.TB, database string) *store.DB {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a database")
	}
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	db, err := store.Open(ctx, store.Options{URI: os.Getenv("MONGODB_URI"), DataDir: t.TempDir(), Database: database, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = db.Drop(context.Background())
		_ = db.Close(context.Background())
	})
	_ = db.Drop(ctx) // a real MongoDB may hold an earlier run's data
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}
