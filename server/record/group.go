package record

import (
	"context"
	"sync"
)

// Group stores records in groups (a group commit). A writer queues a record with Add, which
// returns at once, and waits for it with the function Add returns: the error is that of the
// record's group. While one group is being stored, what is added meanwhile queues up and goes in
// the next group, one call of store for all of it (one insert, one fsync of the embedded
// database) instead of one each. Groups are stored one after another in the order their records
// were added, and then runs for each group, in that order, before its writers are told: a
// service applies the stored records to its memory there, so memory follows the stored order.
//
// A writer that adds under its own lock (to fix the order) releases the lock before it waits,
// so the next writer can queue while the group is stored. Nothing is acknowledged before it is
// stored. A record once added is stored even when its writer stops waiting.
type Group[T any] struct {
	store func(ctx context.Context, batch []T) error
	then  func(batch []T, err error)

	mu      sync.Mutex
	queue   []T
	waiting []*groupTicket
	running bool
	idle    *sync.Cond // signalled when the queue is empty and nothing is being stored
}

type groupTicket struct {
	done chan struct{}
	err  error
}

// NewGroup makes a group committer: store stores a batch (ordered: an error means the batch, or
// its rest, is not stored), then (optional) runs after each batch with store's result.
func NewGroup[T any](store func(ctx context.Context, batch []T) error, then func(batch []T, err error)) *Group[T] {
	g := &Group[T]{store: store, then: then}
	g.idle = sync.NewCond(&g.mu)
	return g
}

// Add queues a record and returns the function that waits until its group is stored (or ctx
// ends: the record is stored all the same) and returns the group's error.
func (g *Group[T]) Add(rec T) func(ctx context.Context) error {
	t := &groupTicket{done: make(chan struct{})}
	g.mu.Lock()
	g.queue = append(g.queue, rec)
	g.waiting = append(g.waiting, t)
	if !g.running {
		g.running = true
		go g.run()
	}
	g.mu.Unlock()
	return func(ctx context.Context) error {
		select {
		case <-t.done:
			return t.err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// run stores groups until the queue is empty.
func (g *Group[T]) run() {
	for {
		g.mu.Lock()
		if len(g.queue) == 0 {
			g.running = false
			g.idle.Broadcast()
			g.mu.Unlock()
			return
		}
		batch, waiting := g.queue, g.waiting
		g.queue, g.waiting = nil, nil
		g.mu.Unlock()
		err := g.store(context.Background(), batch)
		if g.then != nil {
			g.then(batch, err)
		}
		for _, t := range waiting {
			t.err = err
			close(t.done)
		}
	}
}

// Flush waits until everything added so far is stored (a service's close, before the database
// closes).
func (g *Group[T]) Flush() {
	g.mu.Lock()
	for g.running {
		g.idle.Wait()
	}
	g.mu.Unlock()
}
