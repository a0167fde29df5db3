package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// migration is one ordered, idempotent schema step. Applied ids are recorded in
// schema_migrations so each runs once; running one twice must also be harmless.
type migration struct {
	id  string
	run func(ctx context.Context, db *mongo.Database) error
}

var migrations = []migration{
	{"0001-unique-keys", func(ctx context.Context, db *mongo.Database) error {
		return createIndexes(ctx, db, []index{
			{"users", bson.D{{Key: "email", Value: 1}}, true},
			{"memberships", bson.D{{Key: "workspaceId", Value: 1}, {Key: "userId", Value: 1}}, true},
			{"reference_items", bson.D{{Key: "kind", Value: 1}, {Key: "code", Value: 1}}, true},
			{"invitations", bson.D{{Key: "workspaceId", Value: 1}}, false},
			{"refresh_tokens", bson.D{{Key: "family", Value: 1}}, false},
			{"activity", bson.D{{Key: "workspaceId", Value: 1}, {Key: "seq", Value: -1}}, false},
		})
	}},
	{"0002-documents", func(ctx context.Context, db *mongo.Database) error {
		return createIndexes(ctx, db, []index{
			{"documents", bson.D{{Key: "workspaceId", Value: 1}}, false},
			{"changes", bson.D{{Key: "document", Value: 1}, {Key: "rev", Value: 1}}, true},
		})
	}},
}

type index struct {
	collection string
	keys       bson.D
	unique     bool
}

func createIndexes(ctx context.Context, db *mongo.Database, ixs []index) error {
	for _, ix := range ixs {
		m := mongo.IndexModel{Keys: ix.keys, Options: options.Index().SetUnique(ix.unique)}
		if _, err := db.Collection(ix.collection).Indexes().CreateOne(ctx, m); err != nil {
			return fmt.Errorf("index on %s: %w", ix.collection, err)
		}
	}
	return nil
}

// Migrate applies the migrations not applied yet, in order.
func (d *DB) Migrate(ctx context.Context) error {
	applied := d.db.Collection("schema_migrations")
	for _, m := range migrations {
		n, err := applied.CountDocuments(ctx, bson.D{{Key: "_id", Value: m.id}})
		if err != nil {
			return fmt.Errorf("read schema_migrations: %w", err)
		}
		if n > 0 {
			continue
		}
		if err := m.run(ctx, d.db); err != nil {
			return fmt.Errorf("migration %s: %w", m.id, err)
		}
		if _, err := applied.InsertOne(ctx, bson.D{{Key: "_id", Value: m.id}, {Key: "appliedAt", Value: time.Now().UTC()}}); err != nil {
			return fmt.Errorf("record migration %s: %w", m.id, err)
		}
		d.log.Info("migration applied", "id", m.id)
	}
	return nil
}
