package search

import "sync"

// Index holds every entry. Put and Remove are cheap and safe from any goroutine.
type Index struct {
	mu      sync.RWMutex
	entries map[string]Entry
}

// New returns an empty index.
func New() *Index { return &Index{entries: map[string]Entry{}} }

func key(kind, id string) string { return kind + "/" + id }

// Put adds or replaces an entry.
func (ix *Index) Put(e Entry) {
	ix.mu.Lock()
	ix.entries[key(e.Kind, e.ID)] = e
	ix.mu.Unlock()
}

// Remove drops an entry; removing an unknown one does nothing.
func (ix *Index) Remove(kind, id string) {
	ix.mu.Lock()
	delete(ix.entries, key(kind, id))
	ix.mu.Unlock()
}
