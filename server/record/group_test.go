package record

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
)

// Records added while a group is being stored go together in the next group, in the order
// added; then sees each group after it is stored and before its writers are told.
func TestGroupCommitsQueuedRecordsTogetherInOrder(t *testing.T) {
	var mu sync.Mutex
	var stored, applied []int
	var batches [][]int
	started, release := make(chan struct{}), make(chan struct{})
	first := true
	g := NewGroup(func(_ context.Context, batch []int) error {
		if first { // hold the first group until the others have queued behind it
			first = false
			close(started)
			<-release
		}
		mu.Lock()
		defer mu.Unlock()
		stored = append(stored, batch...)
		batches = append(batches, slices.Clone(batch))
		return nil
	}, func(batch []int, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err == nil {
			applied = append(applied, batch...)
		}
	})
	waits := []func(context.Context) error{g.Add(0)}
	<-started
	for i := 1; i < 50; i++ {
		waits = append(waits, g.Add(i))
	}
	close(release)
	for i, w := range waits {
		if err := w(context.Background()); err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		mu.Lock()
		if !slices.Contains(applied, i) {
			t.Errorf("record %d acknowledged before it was applied", i)
		}
		mu.Unlock()
	}
	g.Flush()
	want := make([]int, 50)
	for i := range want {
		want[i] = i
	}
	if !slices.Equal(stored, want) || !slices.Equal(applied, want) {
		t.Fatalf("stored %v, applied %v", stored, applied)
	}
	if len(batches) != 2 || len(batches[0]) != 1 || len(batches[1]) != 49 {
		t.Errorf("groups %v: want the first record alone, then the 49 queued behind it together", batches)
	}
}

// A failed group fails each of its writers, is not applied, and the next group is stored.
func TestGroupReportsAFailedGroupToItsWriters(t *testing.T) {
	fail := errors.New("disk full")
	calls := 0
	var applied []string
	g := NewGroup(func(_ context.Context, batch []string) error {
		calls++
		if calls == 1 {
			return fail
		}
		return nil
	}, func(batch []string, err error) {
		if err == nil {
			applied = append(applied, batch...)
		}
	})
	if err := g.Add("lost")(context.Background()); !errors.Is(err, fail) {
		t.Fatalf("first group: %v, want %v", err, fail)
	}
	if err := g.Add("kept")(context.Background()); err != nil {
		t.Fatalf("second group: %v", err)
	}
	g.Flush()
	if !slices.Equal(applied, []string{"kept"}) {
		t.Errorf("applied %v", applied)
	}
}
