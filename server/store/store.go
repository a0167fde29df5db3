// Package store is the durable store: the only package that imports the MongoDB driver.
// With no MONGODB_URI it runs FerretDB in-process on SQLite files in DATA_DIR.
//
// On the embedded database every lookup or update walks the whole collection (see
// ../shared/guide/FERRETDB.md), so services load their working set once through Table.All and
// then serve reads from memory; Table writes are durable before they return.
package store

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"
)

// Options say which database to use.
type Options struct {
	URI      string // empty: embedded FerretDB
	DataDir  string // SQLite files live in DataDir/db when embedded
	Database string
	Logger   *slog.Logger
}

// DB is an open database.
type DB struct {
	client   *mongo.Client
	db       *mongo.Database
	embedded *embedded
	log      *slog.Logger
}

type embedded struct {
	cancel context.CancelFunc
	done   chan struct{}
}

// Open connects to MongoDB, or starts the embedded FerretDB and connects to it.
func Open(ctx context.Context, o Options) (*DB, error) {
	log := o.Logger
	if log == nil {
		log = slog.Default()
	}
	d := &DB{log: log}
	uri := o.URI
	if uri == "" {
		var err error
		if uri, d.embedded, err = startEmbedded(o.DataDir); err != nil {
			return nil, err
		}
	}
	client, err := mongo.Connect(options.Client().ApplyURI(uri).SetServerSelectionTimeout(10 * time.Second))
	if err != nil {
		d.stopEmbedded()
		return nil, fmt.Errorf("connect to database: %w", err)
	}
	d.client = client
	if err := client.Ping(ctx, readpref.Primary()); err != nil {
		_ = d.Close(context.Background())
		return nil, fmt.Errorf("reach database: %w", err)
	}
	d.db = client.Database(o.Database)
	return d, nil
}

func startEmbedded(dataDir string) (string, *embedded, error) {
	dir, err := filepath.Abs(filepath.Join(dataDir, "db"))
	if err != nil {
		return "", nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", nil, fmt.Errorf("create database folder: %w", err)
	}
	// FerretDB logs every failed command at WARN; only its errors are worth seeing here.
	quiet := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:   "sqlite",
		SQLiteURL: "file:" + dir + "/",
		Logger:    quiet,
	})
	if err != nil {
		return "", nil, fmt.Errorf("start embedded database: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	e := &embedded{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(e.done)
		f.Run(ctx)
	}()
	return f.MongoDBURI(), e, nil
}

// Embedded starts FerretDB in-process with its files in dataDir and returns its URI and a stop
// function. Test binaries start one and give each test a database of its own on it.
func Embedded(dataDir string) (uri string, stop func(), err error) {
	uri, e, err := startEmbedded(dataDir)
	if err != nil {
		return "", nil, err
	}
	return uri, func() { e.cancel(); <-e.done }, nil
}

func (d *DB) stopEmbedded() {
	if d.embedded != nil {
		d.embedded.cancel()
		<-d.embedded.done
	}
}

// Close disconnects and stops the embedded database.
func (d *DB) Close(ctx context.Context) error {
	var err error
	if d.client != nil {
		err = d.client.Disconnect(ctx)
	}
	d.stopEmbedded()
	return err
}

// Ping checks that the database answers (readiness).
func (d *DB) Ping(ctx context.Context) error {
	return d.client.Ping(ctx, readpref.Primary())
}

// Drop deletes the whole database (tests clean up with it).
func (d *DB) Drop(ctx context.Context) error { return d.db.Drop(ctx) }

// Rename opens another database on the same connection (tests use a fresh name each).
func (d *DB) Rename(name string) *DB {
	return &DB{client: d.client, db: d.client.Database(name), log: d.log}
}
