// Package events is the live events channel: a small publish/subscribe of events per topic,
// delivered to each signed-in browser tab over one websocket (shared/coedit/PROTOCOL.md, "Events
// socket"). Every connection hears its own person's topic, user:<id>; other topics (thread:<id>,
// national, …) are subscribed on request and checked by the authoriser registered for their
// prefix. Publishing never blocks: each connection is a realtime.Client with a bounded queue and
// one writer, and a connection that cannot keep up is closed (its client reconnects and refetches).
//
// Nothing is stored: an event is a hint that something changed, sent to whoever listens now.
// Durable state (notifications, threads) lives in its own service, which publishes after storing.
package events

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"sort"
	"strings"
	"sync"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/realtime"
)

// Limits of one connection.
const (
	MaxTopics   = 100 // topics one connection may hear, its own included
	MaxTopicLen = 100
)

// UserTopic is the topic of one person's own events (notifications and the like).
func UserTopic(userID string) string { return "user:" + userID }

// Authorizer says whether a person may hear a topic; it gets the whole topic.
type Authorizer func(p accounts.Principal, topic string) bool

// Bus routes published events to the connections subscribed to their topic.
type Bus struct {
	log *slog.Logger

	amu   sync.RWMutex
	auths map[string]Authorizer // topic prefix -> authoriser

	mu   sync.RWMutex
	subs map[string]map[*Conn]struct{} // topic -> connections
}

// New makes a bus whose user: topics are each heard by their own person only.
func New(log *slog.Logger) *Bus {
	if log == nil {
		log = slog.Default()
	}
	b := &Bus{log: log, auths: map[string]Authorizer{}, subs: map[string]map[*Conn]struct{}{}}
	b.Authorize("user:", func(p accounts.Principal, topic string) bool { return topic == UserTopic(p.UserID) })
	return b
}

// Authorize registers the authoriser of the topics that start with prefix ("thread:", "national").
// The longest registered prefix of a topic decides; a topic no prefix matches is unknown.
func (b *Bus) Authorize(prefix string, f Authorizer) {
	b.amu.Lock()
	defer b.amu.Unlock()
	b.auths[prefix] = f
}

// check decides whether p may hear topic: nil, or not_found (no such kind of topic) or forbidden.
func (b *Bus) check(p accounts.Principal, topic string) error {
	if topic == "" || len(topic) > MaxTopicLen {
		return apperr.Invalid("topics", "a topic has 1 to %d characters", MaxTopicLen)
	}
	b.amu.RLock()
	var best string
	var f Authorizer
	for prefix, a := range b.auths {
		if strings.HasPrefix(topic, prefix) && len(prefix) >= len(best) {
			best, f = prefix, a
		}
	}
	b.amu.RUnlock()
	if f == nil {
		return apperr.New(apperr.NotFound, "no such topic")
	}
	if !f(p, topic) {
		return apperr.New(apperr.Forbidden, "you may not follow this topic")
	}
	return nil
}

// Event is what subscribers of a topic receive.
type Event struct {
	Type  string `json:"type"` // "event"
	Topic string `json:"topic"`
	Kind  string `json:"kind"`
	Data  any    `json:"data,omitempty"`
}

// Publish sends an event to everyone subscribed to topic now. It never waits for a connection:
// a connection whose queue is full is closed instead.
func (b *Bus) Publish(topic, kind string, data any) {
	b.mu.RLock()
	n := len(b.subs[topic])
	b.mu.RUnlock()
	if n == 0 {
		return
	}
	msg, err := json.Marshal(Event{Type: "event", Topic: topic, Kind: kind, Data: data})
	if err != nil {
		b.log.Error("event not encodable", "topic", topic, "kind", kind, "err", err)
		return
	}
	frame := make([]byte, 0, len(msg)+2)
	frame = append(append(append(frame, '['), msg...), ']')
	b.mu.RLock()
	defer b.mu.RUnlock()
	for c := range b.subs[topic] {
		c.client.Send(frame)
	}
}

// Shutdown closes every connection with "restarting" (1012): their clients reconnect to the
// next server. Publishing afterwards reaches nobody.
func (b *Bus) Shutdown() {
	b.mu.Lock()
	all := map[*Conn]struct{}{}
	for _, cs := range b.subs {
		for c := range cs {
			all[c] = struct{}{}
		}
	}
	b.subs = map[string]map[*Conn]struct{}{}
	b.mu.Unlock()
	for c := range all {
		c.client.Close(realtime.CloseRestarting, "server restarting")
	}
}

// Listeners is how many connections hear topic now (tests and the national dashboard's counts).
func (b *Bus) Listeners(topic string) int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.subs[topic])
}

func (b *Bus) add(c *Conn, topic string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.subs[topic] == nil {
		b.subs[topic] = map[*Conn]struct{}{}
	}
	b.subs[topic][c] = struct{}{}
}

func (b *Bus) remove(c *Conn, topic string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs[topic], c)
	if len(b.subs[topic]) == 0 {
		delete(b.subs, topic)
	}
}

// Conn is one events connection: one person's browser tab.
type Conn struct {
	bus    *Bus
	p      accounts.Principal
	client *realtime.Client

	mu     sync.Mutex
	topics map[string]bool
	left   bool
}

// Connect subscribes a new connection to its person's own topic and greets it with a ready
// message listing its topics.
func (b *Bus) Connect(p accounts.Principal, s realtime.Socket) *Conn {
	c := &Conn{bus: b, p: p, client: realtime.NewClient(p.UserID, slowSafe{s}), topics: map[string]bool{}}
	own := UserTopic(p.UserID)
	c.topics[own] = true
	b.add(c, own)
	c.reply(map[string]any{"type": "ready", "you": p.UserID, "topics": []string{own}})
	return c
}

// slowSafe closes a too-slow connection without waiting for its peer: Publish closes the
// connections whose queue is full (realtime.Client.Send), and a publisher never waits.
type slowSafe struct{ realtime.Socket }

func (s slowSafe) Close(code int, reason string) {
	if code == realtime.CloseTooSlow {
		go s.Socket.Close(code, reason)
		return
	}
	s.Socket.Close(code, reason)
}

// Closed is closed once the connection has been closed (too slow, or by Leave).
func (c *Conn) Closed() <-chan struct{} { return c.client.Closed() }

// Leave unsubscribes the connection from everything, closes it and waits for its writer.
func (c *Conn) Leave() {
	c.mu.Lock()
	topics := c.topics
	c.topics, c.left = map[string]bool{}, true
	c.mu.Unlock()
	for t := range topics {
		c.bus.remove(c, t)
	}
	c.client.Close(1000, "")
	c.client.Wait()
}

// request is a message from the client.
type request struct {
	Type   string   `json:"type"`
	Topics []string `json:"topics"`
}

// Receive handles one message from the client: subscribe or unsubscribe. A bad message is
// answered with an error message; the connection stays open.
func (c *Conn) Receive(msg []byte) {
	var r request
	dec := json.NewDecoder(bytes.NewReader(msg))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		code := apperr.InvalidJSON
		if strings.HasPrefix(err.Error(), "json: unknown field") {
			code = apperr.UnknownField
		}
		c.fail("", apperr.New(code, "the message is not a subscribe or unsubscribe request"))
		return
	}
	if dec.More() {
		c.fail("", apperr.New(apperr.InvalidJSON, "one JSON object per message"))
		return
	}
	switch r.Type {
	case "subscribe":
		c.subscribe(r.Topics)
	case "unsubscribe":
		c.unsubscribe(r.Topics)
	default:
		c.fail("", apperr.New(apperr.BadRequest, "type is subscribe or unsubscribe"))
	}
}

func (c *Conn) subscribe(topics []string) {
	var added []string
	for _, t := range topics {
		if err := c.bus.check(c.p, t); err != nil {
			c.fail(t, err)
			continue
		}
		c.mu.Lock()
		switch {
		case c.left:
			c.mu.Unlock()
			return
		case c.topics[t]:
		case len(c.topics) >= MaxTopics:
			c.mu.Unlock()
			c.fail(t, apperr.Invalid("topics", "at most %d topics per connection", MaxTopics))
			continue
		default:
			c.topics[t] = true
			c.bus.add(c, t)
		}
		c.mu.Unlock()
		added = append(added, t)
	}
	if len(added) > 0 {
		c.reply(map[string]any{"type": "subscribed", "topics": added})
	}
}

func (c *Conn) unsubscribe(topics []string) {
	var removed []string
	c.mu.Lock()
	for _, t := range topics {
		if c.topics[t] {
			delete(c.topics, t)
			c.bus.remove(c, t)
		}
		removed = append(removed, t)
	}
	c.mu.Unlock()
	if len(removed) > 0 {
		c.reply(map[string]any{"type": "unsubscribed", "topics": removed})
	}
}

// Recheck asks the authorisers again about every topic the connection hears (a membership may
// have ended) and drops those now refused, telling the client with a forbidden error each.
func (c *Conn) Recheck() {
	c.mu.Lock()
	topics := make([]string, 0, len(c.topics))
	for t := range c.topics {
		topics = append(topics, t)
	}
	c.mu.Unlock()
	sort.Strings(topics)
	for _, t := range topics {
		if err := c.bus.check(c.p, t); err != nil {
			c.mu.Lock()
			if c.topics[t] {
				delete(c.topics, t)
				c.bus.remove(c, t)
			}
			c.mu.Unlock()
			c.fail(t, err)
		}
	}
}

func (c *Conn) fail(topic string, err error) {
	ae := apperr.From(err)
	m := map[string]any{"type": "error", "code": ae.Code, "message": ae.Message}
	if topic != "" {
		m["topic"] = topic
	}
	c.reply(m)
}

func (c *Conn) reply(m map[string]any) {
	b, err := json.Marshal([]any{m})
	if err != nil {
		return
	}
	c.client.Send(b)
}
