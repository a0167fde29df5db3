package app

import (
	"context"
	"time"

	"github.com/elo-workspace/elo-workspace/server/search"
)

// startSearch builds the search index from the plans and the members (after their services
// have loaded) and logs what it took.
func (a *App) startSearch(ctx context.Context) error {
	s, err := search.NewService(search.Deps{Workspaces: a.Workspaces, Documents: a.Documents, Refs: a.Reference, Log: a.Log})
	if err != nil {
		return err
	}
	if err := s.Load(ctx); err != nil {
		_ = s.Close()
		return err
	}
	a.Search = s
	a.Log.Info("search index built", "entries", s.BuiltWith, "took", s.Built.Round(time.Millisecond).String())
	return nil
}
