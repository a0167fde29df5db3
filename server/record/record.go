// Package record makes and checks the identifiers of stored records (24 lowercase hex characters,
// the shape of a MongoDB ObjectID) and declares the durable table domain services write through.
package record

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"strings"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/apperr"
)

// New returns a fresh random id.
func New() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return hex.EncodeToString(b)
}

// Valid reports whether s has the shape of an id.
func Valid(s string) bool {
	if len(s) != 24 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// Table is the durable store of one kind of record, as domain services need it: they load
// everything once and keep it in memory, and write through before changing memory.
// Replace and Insert report a version conflict as apperr.VersionConflict.
type Table[T any] interface {
	All(ctx context.Context) ([]T, error)
	Insert(ctx context.Context, doc T) error
	Replace(ctx context.Context, id string, prevVersion int, doc T) error
	Delete(ctx context.Context, id string) error
}

// Fingerprint is a stable 96-bit number from a string, for deterministic ids of built-in data.
func Fingerprint(s string) *big.Int {
	h := sha256.Sum256([]byte(s))
	return new(big.Int).SetBytes(h[:12])
}

// Text trims s and checks its length in characters; field names the input for the error.
func Text(field, s string, min, max int) (string, error) {
	s = strings.TrimSpace(s)
	n := utf8.RuneCountInString(s)
	if n < min {
		return "", apperr.Invalid(field, "%s is required", field)
	}
	if n > max {
		return "", apperr.Invalid(field, "%s is longer than %d characters", field, max)
	}
	if strings.ContainsRune(s, 0) {
		return "", apperr.Invalid(field, "%s contains a control character", field)
	}
	return s, nil
}
