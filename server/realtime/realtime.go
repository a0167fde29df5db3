// Package realtime is the fan-out engine of live documents: rooms that serialise every action
// through one goroutine, and clients fed by bounded queues and one writer each.
//
// Fan-out in a busy room grows as N squared, so messages are coalesced: a room collects what it
// has to send during a short tick and then gives each client one frame (a JSON array) holding
// everything of that tick, and a client's writer merges whatever frames are queued into one
// write. A client whose queue is full is disconnected with CloseTooSlow and resyncs on reconnect;
// nothing is dropped silently.
//
// In a big room even one frame per client per tick is too many: each is a system call (about
// 10 µs on loopback) and a wake-up of the writer and of the peer, a thousand of them every tick.
// So a room paces its clients' writers (PacePerClient): a writer that has just written waits a
// little before the next write and sends what accumulated meanwhile as one frame, except while
// its peer waits for an answer: a Socket that embeds Hearing tells when its peer last sent a
// message, and the next frames after that go out at once (the author's acknowledgement).
//
// The package imports neither Fiber nor the database driver: a connection is anything that
// implements Socket.
package realtime

import (
	"bytes"
	"sync"
	"sync/atomic"
	"time"
)

// epoch is the base of the monotonic stamps (nanoseconds) of frames and of Hearing.
var epoch = time.Now()

func now() int64 { return int64(time.Since(epoch)) }

// Hearing is embedded by a Socket whose reader calls Heard for every message from its peer:
// the client's writer then sends the next frames without pacing, since they answer it.
type Hearing struct{ at atomic.Int64 }

// Heard records that the peer sent a message now.
func (h *Hearing) Heard() { h.at.Store(now()) }

func (h *Hearing) heardAt() int64 { return h.at.Load() }

type hearer interface{ heardAt() int64 }

// PacePerClient is how long a writer waits between writes per client in its room (at most
// MaxPace): 1,000 clients are written to about every 50 ms, 20,000 writes a second, instead of
// at every tick; rooms of up to 300 clients (15 ms) are not slowed down at all.
const (
	PacePerClient = 50 * time.Microsecond
	MaxPace       = 50 * time.Millisecond
)

// answered is how many frames made after the peer last spoke go out unpaced: the first may
// have been flushed before the room handled the message, the second then holds the answer.
const answered = 2

// pending is a queued frame with when it was made (its tick's start, on the epoch clock).
type pending struct {
	b  []byte
	at int64
}

// Close codes sent to clients (PROTOCOL.md).
const (
	CloseUnauthenticated = 4001
	CloseForbidden       = 4003
	CloseTooSlow         = 4008
	CloseTooLarge        = 1009 // RFC 6455 "message too big"
	CloseUnsupported     = 1003 // RFC 6455: binary frames
	CloseRateLimited     = 4029
	CloseRestarting      = 1012
)

// Socket is the sending side of one connection.
type Socket interface {
	// Write sends one text frame; it is only ever called from the client's writer goroutine.
	Write(frame []byte) error
	// Close sends a close frame with the code and closes the connection; safe to call twice.
	Close(code int, reason string)
}

// Client is one connection in a room.
//
// Its writer is a goroutine that runs only while there is something to send: Send starts one
// when none runs, and it ends a while (Linger) after the queue ran dry. So ten thousand quiet
// connections hold no writer goroutine, no stack and no buffer, only their queue's header.
type Client struct {
	UserID string
	Data   any // what the room's owner keeps per client (name, colour, presence)

	socket Socket
	linger time.Duration
	hear   hearer       // the socket when it embeds Hearing, else nil
	pace   atomic.Int64 // ns between writes; set by the room; 0: none
	done   chan struct{}
	closed atomic.Bool
	once   sync.Once

	mu      sync.Mutex
	queue   []pending     // frames waiting for the writer
	writing bool          // a writer goroutine runs (or is starting)
	idle    bool          // the writer lingers with an empty queue: Send wakes it
	paced   bool          // the writer waits for its pace: Send wakes it for an answer owed
	wake    chan struct{} // Send -> a waiting writer
	closing bool          // Close was called: the writer sends what is queued, then closes
	stopped chan struct{} // closed when the writer has closed the socket
	code    int           // why it was closed; set before closing is
	reason  string        //

	heard   int64 // when the peer last spoke, as last seen
	unpaced int   // writes since then with a frame made after it (see answered)

	// owned by the running writer (handed from one writer to the next under mu)
	batch []pending
	last  int64 // the last write, on the epoch clock; 0: none yet
}

// QueueFrames is how many frames a client may have waiting before it counts as too slow.
const QueueFrames = 64

// Linger is how long a writer waits for more frames before it ends.
const Linger = 2 * time.Second

// NewClient makes a client for a connection. Call Close when the connection ends.
func NewClient(userID string, s Socket) *Client {
	c := &Client{UserID: userID, socket: s, linger: Linger, done: make(chan struct{}), stopped: make(chan struct{}), wake: make(chan struct{}, 1), unpaced: answered}
	c.hear, _ = s.(hearer)
	return c
}

// Send queues a frame (a JSON array of messages). A full queue disconnects the client.
func (c *Client) Send(frame []byte) { c.send(frame, now()) }

// send queues a frame made at (a tick's start); a writer that paces itself knows by it whether
// the frame can hold the answer to what its peer sent.
func (c *Client) send(frame []byte, at int64) {
	if c.closed.Load() {
		return
	}
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return
	}
	if len(c.queue) >= QueueFrames {
		c.mu.Unlock()
		c.Close(CloseTooSlow, "too slow: reconnect to resync")
		return
	}
	c.queue = append(c.queue, pending{frame, at})
	start := !c.writing
	c.writing = true
	if c.idle || (c.paced && c.owed(at)) {
		c.idle, c.paced = false, false
		select {
		case c.wake <- struct{}{}:
		default: // a wake is pending already
		}
	}
	c.mu.Unlock()
	if start {
		go c.write()
	}
}

// owed tells (with mu held) whether a frame made at may answer what the peer last sent and
// fewer than answered frames made since went out: it is then written without pacing.
func (c *Client) owed(at int64) bool {
	if c.hear == nil {
		return false
	}
	if h := c.hear.heardAt(); h != c.heard {
		c.heard, c.unpaced = h, 0
	}
	return c.unpaced < answered && at >= c.heard
}

// Close ends the connection with a code. The writer first sends what is already queued (the
// last flush before a restart, say), then the close frame; a client closed for being too slow
// is cut off at once, which also ends a write stuck on a dead peer.
func (c *Client) Close(code int, reason string) {
	c.once.Do(func() {
		c.mu.Lock()
		c.code, c.reason = code, reason
		c.closing = true
		start := !c.writing
		c.writing = true
		c.mu.Unlock()
		c.closed.Store(true)
		close(c.done)
		if code == CloseTooSlow {
			c.socket.Close(code, reason)
		}
		if start {
			go c.write()
		}
	})
}

// Closed is closed when the client has been closed.
func (c *Client) Closed() <-chan struct{} { return c.done }

// Wait waits until the writer has stopped touching the socket (after Close); the connection's
// owner calls it before it lets the connection go. Never call it from the writer itself.
func (c *Client) Wait() { <-c.stopped }

// write is the only goroutine that writes to the socket while it runs; there is at most one.
// Frames queued meanwhile are merged into one JSON array, so a busy client gets fewer, larger
// writes; in a big room it waits for its pace between writes unless its peer awaits an answer.
// A pacing writer is woken only by a frame that may hold that answer, not by every tick's.
func (c *Client) write() {
	var buf bytes.Buffer
	var timer *time.Timer
	sleep := func(d time.Duration, wake <-chan struct{}) {
		if timer == nil {
			timer = time.NewTimer(d)
		} else {
			timer.Reset(d)
		}
		select {
		case <-c.done:
		case <-wake:
		case <-timer.C:
			return
		}
		timer.Stop()
	}
	for {
		c.mu.Lock()
		if c.closing {
			c.batch = append(c.batch[:0], c.queue...)
			c.queue = nil
			code, reason := c.code, c.reason
			c.mu.Unlock()
			if code != CloseTooSlow && len(c.batch) > 0 {
				_ = c.socket.Write(c.merge(&buf)) // what was queued before the close
			}
			c.batch = nil
			c.socket.Close(code, reason)
			close(c.stopped)
			return
		}
		if len(c.queue) == 0 {
			c.idle = true
			c.mu.Unlock()
			sleep(c.linger, c.wake)
			c.mu.Lock()
			if len(c.queue) == 0 && !c.closing {
				c.idle, c.writing = false, false
				c.batch = nil
				select { // a wake sent just before the timer fired
				case <-c.wake:
				default:
				}
				c.mu.Unlock()
				return
			}
			c.idle = false
			c.mu.Unlock()
			continue
		}
		made := int64(0)
		for _, f := range c.queue {
			made = max(made, f.at)
		}
		owed := c.owed(made)
		if pace := c.pace.Load(); pace > 0 && !owed && c.last != 0 {
			if wait := time.Duration(c.last + pace - now()); wait > 0 {
				c.paced = true
				c.mu.Unlock()
				sleep(wait, c.wake)
				c.mu.Lock()
				c.paced = false
				c.mu.Unlock()
				continue // closing, or time to write, or an answer owed
			}
		}
		if owed {
			c.unpaced++
		}
		c.batch = append(c.batch[:0], c.queue...)
		clear(c.queue) // the frames are shared by the room's clients: keep no references
		c.queue = c.queue[:0]
		c.mu.Unlock()
		err := c.socket.Write(c.merge(&buf))
		clear(c.batch)
		if buf.Cap() > 64*1024 {
			buf = bytes.Buffer{} // a snapshot's size: not kept
		}
		if err != nil {
			c.Close(CloseTooSlow, "write failed")
			continue // closes and stops
		}
		c.last = now()
	}
}

// merge returns the frames of the batch as one JSON array: the one frame itself (no copy), or
// several merged in buf.
func (c *Client) merge(buf *bytes.Buffer) []byte {
	if len(c.batch) == 1 {
		return c.batch[0].b
	}
	buf.Reset()
	for _, f := range c.batch {
		if buf.Len() == 0 {
			buf.Write(f.b)
		} else {
			mergeArrays(buf, f.b)
		}
	}
	return buf.Bytes()
}

// mergeArrays appends the elements of the JSON array g to the JSON array in buf.
func mergeArrays(buf *bytes.Buffer, g []byte) {
	inner := bytes.TrimSpace(g)
	inner = bytes.TrimSpace(inner[1 : len(inner)-1])
	if len(inner) == 0 {
		return
	}
	b := buf.Bytes()
	empty := len(bytes.TrimSpace(b[1:len(b)-1])) == 0
	buf.Truncate(len(b) - 1) // drop the closing bracket
	if !empty {
		buf.WriteByte(',')
	}
	buf.Write(inner)
	buf.WriteByte(']')
}

// frame makes a JSON array of messages (each already JSON).
func frame(msgs [][]byte) []byte {
	n := 2
	for _, m := range msgs {
		n += len(m) + 1
	}
	out := make([]byte, 0, n)
	out = append(out, '[')
	for i, m := range msgs {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, m...)
	}
	return append(out, ']')
}

// Tick is how long a room collects messages before it sends them.
const Tick = 15 * time.Millisecond
