package realtime

import (
	"sync"
	"time"
)

// Room serialises everything that happens to one live document: every action runs on the
// room's goroutine, in order. Messages queued with Broadcast or SendTo go out at the next tick,
// one frame per client: its own messages first, then the broadcasts.
type Room struct {
	ID string

	actions  chan func()
	stop     chan struct{}
	stopOnce sync.Once
	stopped  chan struct{}
	tick     time.Duration

	// owned by the room goroutine
	clients   map[*Client]struct{}
	broadcast [][]byte
	direct    map[*Client][][]byte
	flushers  []func() // run before each flush (e.g. to store a batch before its acks go out)
	stoppers  []func() // run once after the last flush, when the room stops
}

// NewRoom starts a room's goroutine.
func NewRoom(id string, tick time.Duration) *Room {
	r := &Room{ID: id, actions: make(chan func(), 1024), stop: make(chan struct{}), stopped: make(chan struct{}),
		tick: tick, clients: map[*Client]struct{}{}, direct: map[*Client][][]byte{}}
	go r.run()
	return r
}

func (r *Room) run() {
	defer close(r.stopped)
	t := time.NewTicker(r.tick)
	defer t.Stop()
	for {
		select {
		case f := <-r.actions:
			if r.stopping() { // an action queued after the stop was decided is not run: its Do sees stopped
				continue
			}
			f()
		case <-t.C:
			r.flush()
		case <-r.stop:
			r.flush()
			for _, f := range r.stoppers {
				f()
			}
			return
		}
	}
}

// Do runs f on the room's goroutine and waits for it; false if the room has stopped.
func (r *Room) Do(f func()) bool {
	done := make(chan struct{})
	select {
	case r.actions <- func() { f(); close(done) }:
	case <-r.stopped:
		return false
	}
	select {
	case <-done:
		return true
	case <-r.stopped:
		return false
	}
}

// Go runs f on the room's goroutine without waiting.
func (r *Room) Go(f func()) bool {
	select {
	case r.actions <- f:
		return true
	case <-r.stopped:
		return false
	}
}

// The following are for use on the room's goroutine only (inside Do or Go).

// Join adds a client.
func (r *Room) Join(c *Client) { r.clients[c] = struct{}{} }

// Leave removes a client; it reports how many remain.
func (r *Room) Leave(c *Client) int {
	delete(r.clients, c)
	delete(r.direct, c)
	return len(r.clients)
}

// Clients calls f for every client in the room.
func (r *Room) Clients(f func(*Client)) {
	for c := range r.clients {
		f(c)
	}
}

// Broadcast queues a message (JSON) for every client at the next tick.
func (r *Room) Broadcast(msg []byte) { r.broadcast = append(r.broadcast, msg) }

// SendTo queues a message for one client at the next tick, before the tick's broadcasts (so a
// joining client gets its snapshot or replay before changes newer than it).
func (r *Room) SendTo(c *Client, msg []byte) { r.direct[c] = append(r.direct[c], msg) }

// BeforeFlush registers f to run on the room goroutine before every flush.
func (r *Room) BeforeFlush(f func()) { r.flushers = append(r.flushers, f) }

// OnStop registers f to run on the room goroutine after its last flush.
func (r *Room) OnStop(f func()) { r.stoppers = append(r.stoppers, f) }

func (r *Room) flush() {
	at := now() // everything handled before this is in this flush
	for _, f := range r.flushers {
		f()
	}
	if len(r.broadcast) == 0 && len(r.direct) == 0 {
		return
	}
	var shared []byte
	if len(r.broadcast) > 0 {
		shared = frame(r.broadcast)
	}
	pace := int64(min(time.Duration(len(r.clients))*PacePerClient, MaxPace))
	if pace < int64(r.tick) {
		pace = 0 // a writer gets at most a frame per tick anyway
	}
	for c := range r.clients {
		if c.pace.Load() != pace {
			c.pace.Store(pace)
		}
		d := r.direct[c]
		switch {
		case len(d) == 0 && shared != nil:
			c.send(shared, at) // the same bytes for everyone: one encoding per tick
		case len(d) > 0:
			c.send(frame(append(append([][]byte{}, d...), r.broadcast...)), at)
		}
	}
	r.broadcast = r.broadcast[:0]
	clear(r.direct)
}

// Done is closed once the room has stopped (after its last flush and stop hooks).
func (r *Room) Done() <-chan struct{} { return r.stopped }

func (r *Room) isStopped() bool {
	select {
	case <-r.stopped:
		return true
	default:
		return false
	}
}

func (r *Room) stopping() bool {
	select {
	case <-r.stop:
		return true
	default:
		return false
	}
}

// Stop flushes what is queued and ends the room's goroutine; safe to call from several
// goroutines (a last editor leaving and a shutdown).
func (r *Room) Stop() {
	r.stopOnce.Do(func() { close(r.stop) })
	<-r.stopped
}

// Hub finds rooms by id, starting them on first use.
type Hub struct {
	mu    sync.Mutex
	rooms map[string]*Room
	tick  time.Duration
	start func(*Room) // called once for each new room, on the room's goroutine
}

// NewHub makes a hub; start prepares each new room (load its document, register flushers).
func NewHub(tick time.Duration, start func(*Room)) *Hub {
	return &Hub{rooms: map[string]*Room{}, tick: tick, start: start}
}

// Room returns the room with id, starting it if needed. A room that is stopping is still
// returned until it has stopped (its last writes done), so its successor starts from them: a
// caller whose Do fails waits for Done and asks again.
func (h *Hub) Room(id string) *Room {
	h.mu.Lock()
	defer h.mu.Unlock()
	r, ok := h.rooms[id]
	if !ok || r.isStopped() {
		r = NewRoom(id, h.tick)
		if h.start != nil {
			r.Do(func() { h.start(r) })
		}
		h.rooms[id] = r
	}
	return r
}

// Existing returns the room with id if one is running, without starting one.
func (h *Hub) Existing(id string) *Room {
	h.mu.Lock()
	defer h.mu.Unlock()
	if r, ok := h.rooms[id]; ok && !r.isStopped() {
		return r
	}
	return nil
}

// Close stops a room (when its last client left) and then forgets it, if it is still the hub's
// room for its id. Someone who got the room meanwhile sees Do return false, waits for Done and
// asks Room again.
func (h *Hub) Close(r *Room) {
	r.Stop()
	h.mu.Lock()
	if h.rooms[r.ID] == r {
		delete(h.rooms, r.ID)
	}
	h.mu.Unlock()
}

// CloseIfEmpty closes a room as Close does, but only if no client is in it when the room itself
// decides: a last client's leaving and someone else's joining can cross, and the joiner must not
// find itself in a stopped room. It reports whether the room was closed.
func (h *Hub) CloseIfEmpty(r *Room) bool {
	empty := false
	if !r.Do(func() {
		if empty = len(r.clients) == 0; empty {
			r.stopOnce.Do(func() { close(r.stop) }) // on the room goroutine: nothing queued after this runs
		}
	}) || !empty {
		return false
	}
	h.Close(r)
	return true
}

// Shutdown tells every client the server is restarting and stops every room.
func (h *Hub) Shutdown() {
	h.mu.Lock()
	rooms := h.rooms
	h.rooms = map[string]*Room{}
	h.mu.Unlock()
	for _, r := range rooms {
		r.Stop() // flushes what is queued; the room's goroutine has ended, so its clients are ours
		for c := range r.clients {
			c.Close(CloseRestarting, "server restarting: reconnect")
		}
	}
}
