package ot

import (
	"container/heap"
	"fmt"
	"math/rand"
	"testing"
)

// A deterministic simulation of co-editing: one server that keeps the history and N clients
// running the ot.js client state machine, exchanging messages over in-order links with random
// latency. Time is simulated (an event queue), so there are no sleeps and every seed replays
// exactly.

type simEvent struct {
	at, seq int
	run     func()
}

type eventQueue []simEvent

func (q eventQueue) Len() int { return len(q) }
func (q eventQueue) Less(i, j int) bool {
	if q[i].at != q[j].at {
		return q[i].at < q[j].at
	}
	return q[i].seq < q[j].seq
}
func (q eventQueue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *eventQueue) Push(x any)   { *q = append(*q, x.(simEvent)) }
func (q *eventQueue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

type sim struct {
	t       *testing.T
	rng     *rand.Rand
	now     int
	seq     int
	queue   eventQueue
	doc     string      // the server's document
	history []Operation // accepted operations; revision = len(history)
	clients []*simClient
	// buffered counts local edits made while another was buffered, to show the test
	// exercises the AwaitingWithBuffer state.
	buffered int
}

// link is one direction of one connection: in order (like a websocket), random latency.
type link struct{ last int }

type simClient struct {
	id     int
	doc    string
	client *Client
	up     link // client -> server
	down   link // server -> client
}

// deliver schedules f on l after a random delay, never before an earlier message on l.
func (s *sim) deliver(l *link, f func()) {
	at := max(s.now+1+s.rng.Intn(20), l.last)
	l.last = at
	s.seq++
	heap.Push(&s.queue, simEvent{at: at, seq: s.seq, run: f})
}

// receive is the server accepting a client's operation based on revision rev.
func (s *sim) receive(from *simClient, rev int, op Operation) {
	if rev < 0 || rev > len(s.history) {
		s.t.Fatalf("client %d sent revision %d, server at %d", from.id, rev, len(s.history))
	}
	op, err := TransformOver(op, s.history[rev:])
	if err != nil {
		s.t.Fatalf("server transform: %v", err)
	}
	if s.doc, err = op.Apply(s.doc); err != nil {
		s.t.Fatalf("server apply: %v", err)
	}
	s.history = append(s.history, op)
	revision := len(s.history)
	for _, c := range s.clients {
		if c == from {
			s.deliver(&c.down, func() {
				if err := c.client.ServerAck(revision); err != nil {
					s.t.Fatalf("client %d ack: %v", c.id, err)
				}
			})
		} else {
			s.deliver(&c.down, func() {
				if err := c.client.ApplyServer(revision, op); err != nil {
					s.t.Fatalf("client %d server op: %v", c.id, err)
				}
			})
		}
	}
}

func newSim(t *testing.T, seed int64, nClients int, doc string) *sim {
	s := &sim{t: t, rng: rand.New(rand.NewSource(seed)), doc: doc}
	for i := range nClients {
		c := &simClient{id: i, doc: doc}
		c.client = NewClient(0,
			func(rev int, op Operation) { s.deliver(&c.up, func() { s.receive(c, rev, op) }) },
			func(op Operation) {
				var err error
				if c.doc, err = op.Apply(c.doc); err != nil {
					t.Fatalf("client %d apply server op %s: %v", c.id, op, err)
				}
			})
		s.clients = append(s.clients, c)
	}
	return s
}

// run performs steps random local edits interleaved with message deliveries, then lets the
// network drain.
func (s *sim) run(steps int) {
	ch := randChooser{s.rng}
	for range steps {
		s.now += s.rng.Intn(4)
		for len(s.queue) > 0 && s.queue[0].at <= s.now {
			heap.Pop(&s.queue).(simEvent).run()
		}
		c := s.clients[s.rng.Intn(len(s.clients))]
		op := randOp(ch, c.doc)
		if op.IsNoop() {
			continue
		}
		if c.client.State() == AwaitingWithBuffer {
			s.buffered++
		}
		var err error
		if c.doc, err = op.Apply(c.doc); err != nil {
			s.t.Fatal(err)
		}
		if err := c.client.ApplyClient(op); err != nil {
			s.t.Fatalf("client %d local edit: %v", c.id, err)
		}
	}
	for len(s.queue) > 0 {
		e := heap.Pop(&s.queue).(simEvent)
		s.now = e.at
		e.run()
	}
}

func TestSimulatedClientsConverge(t *testing.T) {
	for seed := int64(1); seed <= 40; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			nClients := 2 + int(seed%5)
			s := newSim(t, seed, nClients, "Alueellinen strategia 😀 ")
			s.run(300)
			for _, c := range s.clients {
				if c.client.State() != Synchronized || c.client.Revision() != len(s.history) {
					t.Fatalf("client %d: %s at revision %d, server at %d", c.id, c.client.State(), c.client.Revision(), len(s.history))
				}
				if c.doc != s.doc {
					t.Fatalf("client %d diverged:\n client %q\n server %q", c.id, c.doc, s.doc)
				}
			}
			if len(s.history) < 20 || s.buffered == 0 {
				t.Fatalf("too little concurrency: %d operations, %d buffered edits", len(s.history), s.buffered)
			}
		})
	}
}

func TestClientStateMachine(t *testing.T) {
	var sent []Operation
	var applied []Operation
	c := NewClient(3, func(rev int, op Operation) {
		if rev != 3 && rev != 4 && rev != 5 {
			t.Errorf("sent at revision %d", rev)
		}
		sent = append(sent, op)
	}, func(op Operation) { applied = append(applied, op) })
	op := func(s string) Operation { return decodeT(t, []byte(s)) }

	if err := c.ServerAck(4); err == nil {
		t.Fatal("ack while synchronised accepted")
	}
	if err := c.ApplyClient(op(`[2,"a"]`)); err != nil || c.State() != AwaitingConfirm || len(sent) != 1 {
		t.Fatalf("%v %s %d", err, c.State(), len(sent))
	}
	if err := c.ApplyClient(op(`[5]`)); err == nil {
		t.Fatal("local edit of the wrong length accepted")
	}
	if err := c.ApplyClient(op(`[3,"b"]`)); err != nil || c.State() != AwaitingWithBuffer || len(sent) != 1 {
		t.Fatalf("%v %s", err, c.State())
	}
	if err := c.ApplyClient(op(`[4,"c"]`)); err != nil || c.Buffer().String() != `[3,"bc"]` {
		t.Fatalf("%v buffer %s", err, c.Buffer())
	}
	if err := c.ApplyServer(5, op(`["X",2]`)); err == nil {
		t.Fatal("revision gap accepted")
	}
	if err := c.ApplyServer(4, op(`["X",2]`)); err != nil {
		t.Fatal(err)
	}
	if c.Outstanding().String() != `[3,"a"]` || c.Buffer().String() != `[4,"bc"]` || applied[0].String() != `["X",5]` {
		t.Fatalf("outstanding %s buffer %s applied %s", c.Outstanding(), c.Buffer(), applied[0])
	}
	if err := c.ServerAck(5); err != nil || c.State() != AwaitingConfirm || sent[1].String() != `[4,"bc"]` {
		t.Fatalf("%v %s %v", err, c.State(), sent)
	}
	c.Resend()
	if len(sent) != 3 || !sent[2].Equal(sent[1]) {
		t.Fatalf("resend: %v", sent)
	}
	if err := c.ServerAck(6); err != nil || c.State() != Synchronized || c.Revision() != 6 {
		t.Fatalf("%v %s %d", err, c.State(), c.Revision())
	}
	c.Resend()
	if len(sent) != 3 {
		t.Fatal("resend while synchronised sent something")
	}
}
