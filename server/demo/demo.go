// Package demo generates the national-scale demo dataset (DOMAIN.md) deterministically.
package demo

import (
	"context"
	"errors"
	"log/slog"

	"github.com/elo-workspace/elo-workspace/server/store"
)

// Load fills an empty database with the demo dataset.
func Load(ctx context.Context, db *store.DB, password string, log *slog.Logger) error {
	return errors.New("demo dataset: not written yet")
}
