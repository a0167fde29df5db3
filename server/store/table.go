package store

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/elo-workspace/elo-workspace/server/apperr"
)

// Table is one collection of records of type T, each with a string `_id` and, for records
// that change, an integer `version` field used for optimistic concurrency.
type Table[T any] struct {
	c *mongo.Collection
}

// NewTable opens the collection name as a table of T.
func NewTable[T any](d *DB, name string) *Table[T] {
	return &Table[T]{c: d.db.Collection(name)}
}

// All reads every record (used once at start to load the working set).
func (t *Table[T]) All(ctx context.Context) ([]T, error) {
	cur, err := t.c.Find(ctx, bson.D{}, options.Find().SetBatchSize(5000))
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", t.c.Name(), err)
	}
	var out []T
	if err := cur.All(ctx, &out); err != nil {
		return nil, fmt.Errorf("load %s: %w", t.c.Name(), err)
	}
	return out, nil
}

// Insert stores a new record. A duplicate key is a version conflict: someone else stored it first.
func (t *Table[T]) Insert(ctx context.Context, doc T) error {
	_, err := t.c.InsertOne(ctx, doc)
	if mongo.IsDuplicateKeyError(err) {
		return apperr.New(apperr.VersionConflict, "the record already exists")
	}
	if err != nil {
		return fmt.Errorf("insert into %s: %w", t.c.Name(), err)
	}
	return nil
}

// InsertMany stores new records in one call (demo data, bulk appends).
func (t *Table[T]) InsertMany(ctx context.Context, docs []T) error {
	if len(docs) == 0 {
		return nil
	}
	all := make([]any, len(docs))
	for i := range docs {
		all[i] = docs[i]
	}
	if _, err := t.c.InsertMany(ctx, all, options.InsertMany().SetOrdered(true)); err != nil {
		return fmt.Errorf("insert into %s: %w", t.c.Name(), err)
	}
	return nil
}

// Replace stores doc in place of the record id whose version is still prevVersion; doc carries
// the new version. A record changed meanwhile (or gone) is a version conflict.
func (t *Table[T]) Replace(ctx context.Context, id string, prevVersion int, doc T) error {
	res, err := t.c.ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "version", Value: prevVersion}}, doc)
	if err != nil {
		return fmt.Errorf("update %s: %w", t.c.Name(), err)
	}
	if res.MatchedCount == 0 {
		return apperr.New(apperr.VersionConflict, "the record was changed by someone else")
	}
	return nil
}

// Delete removes the record id; a missing record is not an error.
func (t *Table[T]) Delete(ctx context.Context, id string) error {
	if _, err := t.c.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		return fmt.Errorf("delete from %s: %w", t.c.Name(), err)
	}
	return nil
}

// DeleteUpTo removes every record whose _id sorts at or before id (ids of one width: a log's
// sequence numbers); on the embedded database this walks the collection once.
func (t *Table[T]) DeleteUpTo(ctx context.Context, id string) error {
	if _, err := t.c.DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$lte", Value: id}}}}); err != nil {
		return fmt.Errorf("delete from %s: %w", t.c.Name(), err)
	}
	return nil
}

// DeleteIDs removes the records with these ids (missing ones are no error); on the embedded
// database this walks the collection once, however many ids.
func (t *Table[T]) DeleteIDs(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	if _, err := t.c.DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}}); err != nil {
		return fmt.Errorf("delete from %s: %w", t.c.Name(), err)
	}
	return nil
}

// Count is the number of records (the demo loader checks for an empty database with it).
func (t *Table[T]) Count(ctx context.Context) (int64, error) {
	n, err := t.c.EstimatedDocumentCount(ctx)
	if err != nil {
		return 0, fmt.Errorf("count %s: %w", t.c.Name(), err)
	}
	return n, nil
}

// Append stores records that may already be stored (a retried append after a crash): records
// whose _id exists are skipped, the rest inserted.
func (t *Table[T]) Append(ctx context.Context, docs []T) error {
	if len(docs) == 0 {
		return nil
	}
	all := make([]any, len(docs))
	for i := range docs {
		all[i] = docs[i]
	}
	_, err := t.c.InsertMany(ctx, all, options.InsertMany().SetOrdered(false))
	var bw mongo.BulkWriteException
	if errors.As(err, &bw) && bw.WriteConcernError == nil {
		for _, we := range bw.WriteErrors {
			if !mongo.IsDuplicateKeyError(we) {
				return fmt.Errorf("append to %s: %w", t.c.Name(), err)
			}
		}
		return nil
	}
	if err != nil {
		return fmt.Errorf("append to %s: %w", t.c.Name(), err)
	}
	return nil
}

// WhereIn reads the records whose field has one of the values (crash recovery; on the embedded
// database this walks the whole collection).
func (t *Table[T]) WhereIn(ctx context.Context, field string, values []string) ([]T, error) {
	cur, err := t.c.Find(ctx, bson.D{{Key: field, Value: bson.D{{Key: "$in", Value: values}}}}, options.Find().SetBatchSize(5000))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", t.c.Name(), err)
	}
	var out []T
	if err := cur.All(ctx, &out); err != nil {
		return nil, fmt.Errorf("read %s: %w", t.c.Name(), err)
	}
	return out, nil
}
