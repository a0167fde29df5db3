// Package realtime is the fan-out engine of live documents: rooms that serialise every action
// through one goroutine, and clients fed by bounded queues and one writer each.
//
// Fan-out in a busy room grows as N squared, so messages are coalesced: a room collects what it
// has to send during a short tick and then gives each client one frame (a JSON array) holding
// everything of that tick, and a client's writer merges whatever frames are queued into one
// write. A client whose queue is full is disconnected with CloseTooSlow and resyncs on reconnect;
// nothing is dropped silently. The package imports neither Fiber nor the database driver: a
// connection is anything that implements Socket.
package realtime

import (
	"bytes"
	"sync"
	"sync/atomic"
	"time"
)

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
type Client struct {
	UserID string
	Data   any // what the room's owner keeps per client (name, colour, presence)

	socket  Socket
	queue   chan []byte
	done    chan struct{}
	stopped chan struct{} // closed when the writer has returned
	closed  atomic.Bool
	once    sync.Once
	code    int    // why it was closed; set before done is closed
	reason  string //
}

// QueueFrames is how many frames a client may have waiting before it counts as too slow.
const QueueFrames = 64

// NewClient starts the client's writer. Call Close when the connection ends.
func NewClient(userID string, s Socket) *Client {
	c := &Client{UserID: userID, socket: s, queue: make(chan []byte, QueueFrames), done: make(chan struct{}), stopped: make(chan struct{})}
	go c.write()
	return c
}

// Send queues a frame (a JSON array of messages). A full queue disconnects the client.
func (c *Client) Send(frame []byte) {
	if c.closed.Load() {
		return
	}
	select {
	case c.queue <- frame:
	default:
		c.Close(CloseTooSlow, "too slow: reconnect to resync")
	}
}

// Close ends the connection with a code. The writer first sends what is already queued (the
// last flush before a restart, say), then the close frame; a client closed for being too slow
// is cut off at once, which also ends a write stuck on a dead peer.
func (c *Client) Close(code int, reason string) {
	c.once.Do(func() {
		c.code, c.reason = code, reason
		c.closed.Store(true)
		close(c.done)
		if code == CloseTooSlow {
			c.socket.Close(code, reason)
		}
	})
}

// Closed is closed when the client has been closed.
func (c *Client) Closed() <-chan struct{} { return c.done }

// Wait waits until the writer has stopped touching the socket (after Close); the connection's
// owner calls it before it lets the connection go. Never call it from the writer itself.
func (c *Client) Wait() { <-c.stopped }

// write is the only goroutine that writes to the socket. Frames queued meanwhile are merged
// into one JSON array, so a busy client gets fewer, larger writes.
func (c *Client) write() {
	defer close(c.stopped)
	var buf bytes.Buffer
	for {
		select {
		case <-c.done:
			if c.code != CloseTooSlow && c.merge(&buf, nil) {
				_ = c.socket.Write(buf.Bytes()) // what was queued before the close
			}
			c.socket.Close(c.code, c.reason)
			return
		case f := <-c.queue:
			c.merge(&buf, f)
			if err := c.socket.Write(buf.Bytes()); err != nil {
				c.Close(CloseTooSlow, "write failed")
				return
			}
		}
	}
}

// merge puts first (if any) and every frame queued now into buf as one JSON array; false when
// there was nothing.
func (c *Client) merge(buf *bytes.Buffer, first []byte) bool {
	buf.Reset()
	if first != nil {
		buf.Write(first)
	}
	for buf.Len() < 256*1024 {
		select {
		case g := <-c.queue:
			if buf.Len() == 0 {
				buf.Write(g)
			} else {
				mergeArrays(buf, g)
			}
		default:
			return buf.Len() > 0
		}
	}
	return true
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
