package eventlog

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
)

// memRecords and memChunks hold the two collections in memory; gate, when set, holds an
// insert of records until it is closed.
type memRecords struct {
	mu   sync.Mutex
	all  map[string]Record
	gate chan struct{}
}

func (m *memRecords) All(context.Context) ([]Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Record, 0, len(m.all))
	for _, r := range m.all {
		out = append(out, r)
	}
	return out, nil
}

func (m *memRecords) Insert(ctx context.Context, r Record) error {
	return m.InsertMany(ctx, []Record{r})
}

func (m *memRecords) InsertMany(_ context.Context, rs []Record) error {
	if m.gate != nil {
		<-m.gate
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range rs {
		if _, ok := m.all[r.ID]; ok {
			return fmt.Errorf("duplicate %s", r.ID)
		}
		m.all[r.ID] = r
	}
	return nil
}

func (m *memRecords) DeleteUpTo(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.all {
		if k <= id {
			delete(m.all, k)
		}
	}
	return nil
}

func (m *memRecords) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.all)
}

type memChunks struct {
	mu  sync.Mutex
	all []Chunk
}

func (m *memChunks) All(context.Context) ([]Chunk, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.all), nil
}

func (m *memChunks) Insert(_ context.Context, c Chunk) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, o := range m.all {
		if o.ID == c.ID {
			return fmt.Errorf("duplicate chunk %s", c.ID)
		}
	}
	m.all = append(m.all, c)
	return nil
}

func rec(i int) Record {
	return Record{ID: fmt.Sprintf("%016d", i), Event: fmt.Sprintf(`{"seq":%d,"body":"viesti\n%d ä"}`, i, i)}
}

func recs(from, to int) []Record {
	var out []Record
	for i := from; i <= to; i++ {
		out = append(out, rec(i))
	}
	return out
}

func newLog(t *testing.T, r *memRecords, c *memChunks, every int) *Log {
	l := New(r, c, every, slog.New(slog.DiscardHandler))
	t.Cleanup(l.Close)
	return l
}

func ids(rs []Record) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "%s,", strings.TrimLeft(r.ID, "0"))
	}
	return b.String()
}

func TestRecordsArePackedIntoChunksAndReadBackInOrder(t *testing.T) {
	ctx := context.Background()
	r, c := &memRecords{all: map[string]Record{}}, &memChunks{}
	_ = r.InsertMany(ctx, recs(1, 25)) // stored before, as the demo loader does
	l := newLog(t, r, c, 10)
	got, err := l.All(ctx)
	if err != nil || len(got) != 25 {
		t.Fatalf("first read: %d, %v", len(got), err)
	}
	l.Close() // waits for the compaction All started
	if len(c.all) != 3 || r.count() != 0 {
		t.Fatalf("after compaction: %d chunks, %d records alone", len(c.all), r.count())
	}
	// A new start reads the chunks, then writes more; 10 alone make another chunk.
	l = newLog(t, r, c, 10)
	if got, _ = l.All(ctx); ids(got) != ids(recs(1, 25)) {
		t.Fatalf("read back: %s", ids(got))
	}
	for i := 26; i <= 34; i++ {
		if err := l.Insert(ctx, rec(i)); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := l.Compact(ctx); err != nil || n != 9 {
		t.Fatalf("compact: %d, %v", n, err)
	}
	_ = l.InsertMany(ctx, recs(35, 36))
	l.Close()
	l = newLog(t, r, c, 10)
	got, _ = l.All(ctx)
	if ids(got) != ids(recs(1, 36)) || got[35] != rec(36) || got[0] != rec(1) {
		t.Fatalf("after more writes: %s", ids(got))
	}
	if r.count() != 2 {
		t.Fatalf("records alone: %d (want the two written after the compaction)", r.count())
	}
}

func TestACrashBetweenChunkAndDeleteLosesNothingAndDuplicatesNothing(t *testing.T) {
	ctx := context.Background()
	r, c := &memRecords{all: map[string]Record{}}, &memChunks{}
	_ = r.InsertMany(ctx, recs(1, 8))
	ch, _ := pack(recs(1, 5)) // the chunk was stored, the delete never ran
	c.all = append(c.all, ch)
	l := newLog(t, r, c, 100)
	got, err := l.All(ctx)
	if err != nil || ids(got) != ids(recs(1, 8)) {
		t.Fatalf("read: %s %v", ids(got), err)
	}
	l.Close()
	if r.count() != 3 || len(c.all) != 1 {
		t.Fatalf("the records in the chunk are deleted, the others kept: %d alone, %d chunks", r.count(), len(c.all))
	}
	l = newLog(t, r, c, 100)
	if got, _ = l.All(ctx); ids(got) != ids(recs(1, 8)) {
		t.Fatalf("read again: %s", ids(got))
	}
}

func TestAnInsertUnderWayIsNeitherPackedNorDeleted(t *testing.T) {
	ctx := context.Background()
	r, c := &memRecords{all: map[string]Record{}}, &memChunks{}
	l := newLog(t, r, c, 1000)
	if _, err := l.All(ctx); err != nil {
		t.Fatal(err)
	}
	_ = l.InsertMany(ctx, recs(1, 4))
	r.gate = make(chan struct{})
	done := make(chan error)
	go func() { done <- l.Insert(ctx, rec(5)) }()
	for {
		l.mu.Lock()
		n := len(l.inflight)
		l.mu.Unlock()
		if n == 1 {
			break
		}
	}
	if n, err := l.Compact(ctx); err != nil || n != 4 {
		t.Fatalf("compact with an insert under way: %d, %v", n, err)
	}
	close(r.gate)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	r.gate = nil
	if r.count() != 1 {
		t.Fatalf("records alone: %d", r.count())
	}
	got, _ := New(r, c, 1000, slog.New(slog.DiscardHandler)).All(ctx)
	if ids(got) != ids(recs(1, 5)) {
		t.Fatalf("read: %s", ids(got))
	}
}

func TestADamagedChunkFailsTheRead(t *testing.T) {
	ctx := context.Background()
	ch, _ := pack(recs(1, 3))
	for name, bad := range map[string]Chunk{
		"not gzip":   {ID: ch.ID, Last: ch.Last, N: 3, Data: []byte("x")},
		"truncated":  {ID: ch.ID, Last: ch.Last, N: 3, Data: ch.Data[:len(ch.Data)-12]},
		"wrong n":    {ID: ch.ID, Last: ch.Last, N: 4, Data: ch.Data},
		"wrong last": {ID: ch.ID, Last: rec(9).ID, N: 3, Data: ch.Data},
	} {
		l := New(&memRecords{all: map[string]Record{}}, &memChunks{all: []Chunk{bad}}, 10, slog.New(slog.DiscardHandler))
		if _, err := l.All(ctx); err == nil {
			t.Errorf("%s: read without an error", name)
		}
	}
}

func TestARecordUnderAPackedIdWithOtherTextFailsTheRead(t *testing.T) {
	ctx := context.Background()
	r, c := &memRecords{all: map[string]Record{}}, &memChunks{}
	c.all, _ = Pack(recs(1, 5), 0)
	other := rec(3)
	other.Event = `{"seq":3,"body":"toinen"}`
	_ = r.Insert(ctx, other)
	if _, err := New(r, c, 10, slog.New(slog.DiscardHandler)).All(ctx); err == nil {
		t.Fatal("read without an error")
	}
}
