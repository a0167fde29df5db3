package ot

import "fmt"

// ClientState is the state of a Client.
type ClientState uint8

// The three states of the ot.js client.
const (
	// Synchronized: nothing sent is waiting for an acknowledgement.
	Synchronized ClientState = iota
	// AwaitingConfirm: one operation is in flight.
	AwaitingConfirm
	// AwaitingWithBuffer: one operation is in flight and later local edits are buffered
	// (composed into one operation) until it is acknowledged.
	AwaitingWithBuffer
)

func (s ClientState) String() string {
	switch s {
	case Synchronized:
		return "Synchronized"
	case AwaitingConfirm:
		return "AwaitingConfirm"
	case AwaitingWithBuffer:
		return "AwaitingWithBuffer"
	}
	return fmt.Sprintf("ClientState(%d)", uint8(s))
}

// Client is the ot.js client state machine: it keeps at most one operation in flight,
// composes further local edits into a buffer, and transforms incoming server operations
// against both so they apply to the local document.
//
// Revisions count operations accepted by the server. Revision is the server revision the
// client's state is based on; a server operation or acknowledgement carries the revision it
// created, which must be Revision()+1 (ErrRevision otherwise). On any error the client is
// left unchanged; the caller should resynchronise (fetch a snapshot and start a new Client).
type Client struct {
	revision    int
	state       ClientState
	outstanding Operation
	buffer      Operation
	send        func(revision int, op Operation)
	apply       func(op Operation)
}

// NewClient returns a synchronised client at the given revision. send is called with an
// operation to send to the server and the revision it is based on; apply is called with a
// (transformed) server operation to apply to the local document.
func NewClient(revision int, send func(revision int, op Operation), apply func(op Operation)) *Client {
	return &Client{revision: revision, send: send, apply: apply}
}

// Revision is the server revision the client's state is based on.
func (c *Client) Revision() int { return c.revision }

// State is the client's current state.
func (c *Client) State() ClientState { return c.state }

// Outstanding is the operation in flight (the zero Operation when Synchronized).
func (c *Client) Outstanding() Operation { return c.outstanding }

// Buffer is the composed local edits waiting to be sent (AwaitingWithBuffer only).
func (c *Client) Buffer() Operation { return c.buffer }

// ApplyClient records a local edit, already applied to the local document.
func (c *Client) ApplyClient(op Operation) error {
	switch c.state {
	case Synchronized:
		c.send(c.revision, op)
		c.outstanding, c.state = op, AwaitingConfirm
	case AwaitingConfirm:
		if op.base != c.outstanding.target {
			return fmt.Errorf("%w: local edit does not fit the local document", ErrBaseLength)
		}
		c.buffer, c.state = op, AwaitingWithBuffer
	case AwaitingWithBuffer:
		buf, err := Compose(c.buffer, op)
		if err != nil {
			return err
		}
		c.buffer = buf
	}
	return nil
}

// ApplyServer handles another client's operation, which the server accepted as revision.
func (c *Client) ApplyServer(revision int, op Operation) error {
	if revision != c.revision+1 {
		return fmt.Errorf("%w: got server revision %d, expected %d", ErrRevision, revision, c.revision+1)
	}
	switch c.state {
	case Synchronized:
		c.apply(op)
	case AwaitingConfirm:
		outstanding, opPrime, err := Transform(c.outstanding, op)
		if err != nil {
			return err
		}
		c.outstanding = outstanding
		c.apply(opPrime)
	case AwaitingWithBuffer:
		outstanding, op1, err := Transform(c.outstanding, op)
		if err != nil {
			return err
		}
		buffer, op2, err := Transform(c.buffer, op1)
		if err != nil {
			return err
		}
		c.outstanding, c.buffer = outstanding, buffer
		c.apply(op2)
	}
	c.revision = revision
	return nil
}

// ServerAck handles the server's acknowledgement that the operation in flight was accepted
// as revision. A buffered edit is then sent.
func (c *Client) ServerAck(revision int) error {
	if c.state == Synchronized {
		return fmt.Errorf("%w: acknowledgement with nothing in flight", ErrRevision)
	}
	if revision != c.revision+1 {
		return fmt.Errorf("%w: got acknowledgement of revision %d, expected %d", ErrRevision, revision, c.revision+1)
	}
	c.revision = revision
	if c.state == AwaitingConfirm {
		c.outstanding, c.state = Operation{}, Synchronized
		return nil
	}
	c.outstanding, c.buffer, c.state = c.buffer, Operation{}, AwaitingConfirm
	c.send(c.revision, c.outstanding)
	return nil
}

// Resend sends the operation in flight again, after a reconnection.
func (c *Client) Resend() {
	if c.state != Synchronized {
		c.send(c.revision, c.outstanding)
	}
}
