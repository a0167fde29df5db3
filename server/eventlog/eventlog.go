// Package eventlog keeps an append-only log of records (a sequence number as id, the event as
// one text) so that reading all of it at start stays cheap on the embedded database, where
// each stored document costs far more to read than its bytes: a record is written as one
// document (an insert, durable before it is acknowledged); once many have gathered they are
// packed into compressed chunks of up to Every records (one insert each), and then deleted as
// single documents (one walk of the collection). Reading the log reads the chunks and the
// records written since, in id order. The records' ids must have one width and increase in
// the order they are written (the forums' 16-digit sequence numbers do).
//
// A crash between a chunk's insert and the records' delete leaves records that are in a chunk
// too: reading skips them and the next compaction deletes them. Nothing is deleted that is not
// in a chunk already stored.
package eventlog

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"
)

// Record is one entry as stored alone (the forums' events: forums.Record has the same shape).
type Record struct {
	ID    string `bson:"_id"`
	Event string `bson:"event"`
}

// Chunk is consecutive records packed together: gzip of each record's id and text, each
// preceded by its length as a uvarint.
type Chunk struct {
	ID   string `bson:"_id"`  // the first record's id
	Last string `bson:"last"` // the last record's id
	N    int    `bson:"n"`
	Data []byte `bson:"data"`
}

// Records is the collection of single records.
type Records interface {
	All(ctx context.Context) ([]Record, error)
	Insert(ctx context.Context, r Record) error
	InsertMany(ctx context.Context, rs []Record) error
	DeleteUpTo(ctx context.Context, id string) error
}

// Chunks is the collection of chunks.
type Chunks interface {
	All(ctx context.Context) ([]Chunk, error)
	Insert(ctx context.Context, c Chunk) error
}

// Every is how many single records make a compaction worth its walk, and a chunk's size.
const Every = 1000

// Log is the log over its two collections. Its methods are safe for concurrent use.
type Log struct {
	records Records
	chunks  Chunks
	log     *slog.Logger
	every   int

	mu         sync.Mutex
	loose      []Record       // stored alone and in no chunk, in id order
	covered    string         // the highest id in a stored chunk ("": none)
	owed       bool           // records up to covered are still stored alone: delete them
	inflight   map[string]int // the lowest id of each insert under way
	compacting bool
	ctx        context.Context
	stop       context.CancelFunc
	done       sync.WaitGroup
}

// New makes the log; every is the chunk size (0: Every); log nil is slog.Default().
func New(records Records, chunks Chunks, every int, log *slog.Logger) *Log {
	if every <= 0 {
		every = Every
	}
	if log == nil {
		log = slog.Default()
	}
	ctx, stop := context.WithCancel(context.Background())
	return &Log{records: records, chunks: chunks, log: log, every: every, inflight: map[string]int{}, ctx: ctx, stop: stop}
}

// All reads the whole log in id order. When many records are stored alone it starts a
// compaction behind the caller.
func (l *Log) All(ctx context.Context) ([]Record, error) {
	cs, err := l.chunks.All(ctx)
	if err != nil {
		return nil, err
	}
	var out []Record
	inChunk := map[string]string{} // id -> text
	covered := ""
	for _, c := range cs {
		rs, err := unpack(c)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			inChunk[r.ID] = r.Event
		}
		out = append(out, rs...)
		covered = max(covered, c.Last)
	}
	rs, err := l.records.All(ctx)
	if err != nil {
		return nil, err
	}
	var loose []Record
	owed := false
	for _, r := range rs {
		if text, ok := inChunk[r.ID]; ok {
			if text != r.Event { // a second record under a packed id: not this log's writing
				return nil, fmt.Errorf("event log record %s differs from the one packed under its id", r.ID)
			}
			owed = true
			continue
		}
		loose = append(loose, r)
	}
	out = append(out, loose...)
	byID := func(a, b Record) int { return strings.Compare(a.ID, b.ID) }
	slices.SortFunc(out, byID)
	slices.SortFunc(loose, byID)
	l.mu.Lock()
	l.loose, l.covered, l.owed = loose, covered, owed
	l.mu.Unlock()
	l.compactLater()
	return out, nil
}

// Insert stores one record.
func (l *Log) Insert(ctx context.Context, r Record) error {
	return l.InsertMany(ctx, []Record{r})
}

// InsertMany stores records in one insert (ids increasing).
func (l *Log) InsertMany(ctx context.Context, rs []Record) error {
	if len(rs) == 0 {
		return nil
	}
	low := rs[0].ID
	for _, r := range rs {
		low = min(low, r.ID)
	}
	l.mu.Lock()
	l.inflight[low]++
	l.mu.Unlock()
	var err error
	if len(rs) == 1 {
		err = l.records.Insert(ctx, rs[0])
	} else {
		err = l.records.InsertMany(ctx, rs)
	}
	l.mu.Lock()
	if l.inflight[low]--; l.inflight[low] == 0 {
		delete(l.inflight, low)
	}
	if err == nil {
		l.loose = append(l.loose, rs...)
	}
	l.mu.Unlock()
	if err == nil {
		l.compactLater()
	}
	return err
}

// Close stops a compaction under way (what it did is kept; the rest is done after the next
// start) and waits for it.
func (l *Log) Close() {
	l.stop()
	l.done.Wait()
}

// compactLater starts a compaction behind the caller when one is due and none runs.
func (l *Log) compactLater() {
	l.mu.Lock()
	due := !l.compacting && l.ctx.Err() == nil && (len(l.loose) >= l.every || l.owed)
	if due {
		l.compacting = true
		l.done.Add(1)
	}
	l.mu.Unlock()
	if !due {
		return
	}
	go func() {
		defer l.done.Done()
		began := time.Now()
		n, err := l.compact(l.ctx, l.every)
		l.mu.Lock()
		l.compacting = false
		l.mu.Unlock()
		if err != nil {
			if l.ctx.Err() == nil {
				l.log.Warn("event log compaction failed; tried again later", "err", err)
			}
			return
		}
		if n > 0 {
			l.log.Info("event log compacted", "records", n, "took", time.Since(began).Round(time.Millisecond).String())
		}
	}()
}

// Compact packs every record stored alone into chunks now (however few) and deletes them as
// single records; it returns how many it packed.
func (l *Log) Compact(ctx context.Context) (int, error) {
	l.mu.Lock()
	if l.compacting {
		l.mu.Unlock()
		return 0, errors.New("a compaction is under way")
	}
	l.compacting = true
	l.mu.Unlock()
	defer func() {
		l.mu.Lock()
		l.compacting = false
		l.mu.Unlock()
	}()
	return l.compact(ctx, 1)
}

// compact packs the records stored alone when there are at least least of them, and deletes
// what is in chunks; it runs with l.compacting set.
func (l *Log) compact(ctx context.Context, least int) (int, error) {
	l.mu.Lock()
	take := l.loose
	if low, ok := l.lowestInflight(); ok { // an insert under way: pack only what precedes it
		take = take[:countBefore(take, low)]
	}
	take = slices.Clone(take)
	l.mu.Unlock()
	if len(take) < least {
		take = nil
	}
	packed := 0
	chunks, err := Pack(take, l.every)
	if err != nil {
		return 0, err
	}
	for _, c := range chunks {
		piece := take[packed : packed+c.N]
		if err := l.chunks.Insert(ctx, c); err != nil {
			return packed, err
		}
		packed += c.N
		l.mu.Lock()
		l.covered = max(l.covered, c.Last)
		in := make(map[string]bool, len(piece))
		for _, r := range piece {
			in[r.ID] = true
		}
		l.loose = slices.DeleteFunc(l.loose, func(r Record) bool { return in[r.ID] })
		l.owed = true
		l.mu.Unlock()
	}
	l.mu.Lock()
	upTo, owed := l.covered, l.owed
	// Only what is surely in a chunk: nothing stored alone or being stored may sort before it.
	safe := true
	for _, r := range l.loose {
		safe = safe && r.ID > upTo
	}
	if low, ok := l.lowestInflight(); ok && low <= upTo {
		safe = false
	}
	l.mu.Unlock()
	if !owed || !safe {
		return packed, nil
	}
	if err := l.records.DeleteUpTo(ctx, upTo); err != nil {
		return packed, err
	}
	l.mu.Lock()
	if l.covered == upTo {
		l.owed = false
	}
	l.mu.Unlock()
	return packed, nil
}

func (l *Log) lowestInflight() (string, bool) {
	low, ok := "", false
	for id := range l.inflight {
		if !ok || id < low {
			low, ok = id, true
		}
	}
	return low, ok
}

// countBefore is how many of the records (in id order) sort before id.
func countBefore(rs []Record, id string) int {
	n, _ := slices.BinarySearchFunc(rs, id, func(r Record, id string) int { return strings.Compare(r.ID, id) })
	return n
}

// Pack makes the chunks of records (in id order), up to n records each (0: Every): what a
// loader of a whole dataset stores instead of single records.
func Pack(rs []Record, n int) ([]Chunk, error) {
	if n <= 0 {
		n = Every
	}
	var out []Chunk
	for i := 0; i < len(rs); i += n {
		c, err := pack(rs[i:min(i+n, len(rs))])
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// pack makes the chunk of consecutive records.
func pack(rs []Record) (Chunk, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	var n [binary.MaxVarintLen64]byte
	for _, r := range rs {
		for _, s := range []string{r.ID, r.Event} {
			if _, err := zw.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))]); err != nil {
				return Chunk{}, err
			}
			if _, err := io.WriteString(zw, s); err != nil {
				return Chunk{}, err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return Chunk{}, err
	}
	return Chunk{ID: rs[0].ID, Last: rs[len(rs)-1].ID, N: len(rs), Data: buf.Bytes()}, nil
}

// unpack reads a chunk's records back and checks them against its header.
func unpack(c Chunk) ([]Record, error) {
	bad := func(why string) error { return fmt.Errorf("event log chunk %s unreadable: %s", c.ID, why) }
	zr, err := gzip.NewReader(bytes.NewReader(c.Data))
	if err != nil {
		return nil, bad(err.Error())
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, bad(err.Error())
	}
	out := make([]Record, 0, c.N)
	next := func() (string, bool) {
		n, k := binary.Uvarint(raw)
		if k <= 0 || uint64(len(raw)-k) < n {
			return "", false
		}
		s := string(raw[k : k+int(n)])
		raw = raw[k+int(n):]
		return s, true
	}
	for len(raw) > 0 {
		id, ok1 := next()
		ev, ok2 := next()
		if !ok1 || !ok2 {
			return nil, bad("truncated")
		}
		if len(out) > 0 && id <= out[len(out)-1].ID {
			return nil, bad("ids out of order")
		}
		out = append(out, Record{ID: id, Event: ev})
	}
	if len(out) == 0 || len(out) != c.N || out[0].ID != c.ID || out[len(out)-1].ID != c.Last {
		return nil, bad("records do not match the header")
	}
	return out, nil
}
