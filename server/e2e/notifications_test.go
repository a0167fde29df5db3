package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fasthttp/websocket"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/notifications"
)

// tab is one browser tab's events socket, read by one goroutine.
type tab struct {
	t    *testing.T
	conn *websocket.Conn
	msgs chan eventMsg
	done chan struct{}
	wmu  sync.Mutex
	mu   sync.Mutex
	code int
}

type eventMsg struct {
	Type    string
	Raw     json.RawMessage
	Topic   string   `json:"topic"`
	Topics  []string `json:"topics"`
	Kind    string   `json:"kind"`
	Code    string   `json:"code"`
	You     string   `json:"you"`
	Data    json.RawMessage
	Unread  int
	Excerpt string
}

func (e *env) dialEvents(token, origin string) (*tab, *http.Response, error) {
	d := websocket.Dialer{Subprotocols: []string{"elo.v1", "bearer." + token}, HandshakeTimeout: 10 * time.Second}
	conn, res, err := d.Dial("ws"+strings.TrimPrefix(e.url, "http")+"/api/v1/events/socket", http.Header{"Origin": {origin}})
	if err != nil {
		return nil, res, err
	}
	tb := &tab{t: e.t, conn: conn, msgs: make(chan eventMsg, 1000), done: make(chan struct{})}
	go tb.read()
	e.t.Cleanup(func() { conn.Close() })
	return tb, res, nil
}

// listen opens an events socket as s and waits until it is ready (subscribed to user:<id>).
func (e *env) listen(s session) *tab {
	e.t.Helper()
	tb, res, err := e.dialEvents(s.Token, "http://elo.test")
	if err != nil {
		e.t.Fatalf("dial events: %v (%v)", err, res)
	}
	if r := tb.next("ready"); r.You != s.UserID || !slices.Equal(r.Topics, []string{"user:" + s.UserID}) {
		e.t.Fatalf("ready %s", r.Raw)
	}
	return tb
}

func (tb *tab) read() {
	defer close(tb.done)
	for {
		_, frame, err := tb.conn.ReadMessage()
		if err != nil {
			if ce, ok := err.(*websocket.CloseError); ok {
				tb.mu.Lock()
				tb.code = ce.Code
				tb.mu.Unlock()
			}
			return
		}
		var batch []json.RawMessage
		if err := json.Unmarshal(frame, &batch); err != nil {
			tb.t.Errorf("frame is not an array: %s", frame)
			return
		}
		for _, raw := range batch {
			var m eventMsg
			_ = json.Unmarshal(raw, &m)
			var head struct {
				Type string
				Data struct {
					Unread       int
					Notification struct{ Excerpt string }
				}
			}
			_ = json.Unmarshal(raw, &head)
			m.Type, m.Raw, m.Unread, m.Excerpt = head.Type, raw, head.Data.Unread, head.Data.Notification.Excerpt
			tb.msgs <- m
		}
	}
}

func (tb *tab) send(raw string) {
	tb.t.Helper()
	tb.wmu.Lock()
	defer tb.wmu.Unlock()
	if err := tb.conn.WriteMessage(websocket.TextMessage, []byte(raw)); err != nil {
		tb.t.Fatalf("send: %v", err)
	}
}

// next returns the next message; it must be of the type (messages on one connection are ordered).
// The timer only ends a hung test.
func (tb *tab) next(typ string) eventMsg {
	tb.t.Helper()
	select {
	case m := <-tb.msgs:
		if m.Type != typ {
			tb.t.Fatalf("got %s, want a %s message", m.Raw, typ)
		}
		return m
	case <-tb.done:
		tb.t.Fatalf("connection closed (code %d) while waiting for %s", tb.closeCode(), typ)
	case <-time.After(20 * time.Second):
		tb.t.Fatalf("no %s message", typ)
	}
	return eventMsg{}
}

func (tb *tab) closeCode() int {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return tb.code
}

// notify sends a mention notification through the service, as the comments service does.
func (w *world) notify(to, by session, excerpt string) {
	w.t.Helper()
	err := w.app.Notifications.Send(context.Background(), notifications.Notification{UserID: to.UserID, Kind: notifications.KindMention,
		ActorID: by.UserID, ActorName: "Kaisa Koordinaattori", WorkspaceID: w.kainuu, Subject: "Toimintasuunnitelma 2026",
		Excerpt: excerpt, Link: "/documents/0123456789abcdef01234567?comment=abc"})
	if err != nil {
		w.t.Fatal(err)
	}
}

type notificationPage struct {
	Notifications []struct {
		ID, Kind, ActorName, Subject, Excerpt, Link string
		Read                                        bool
	}
	Unread int
	Next   string
}

func (w *world) inbox(s session, query string) notificationPage {
	w.t.Helper()
	var p notificationPage
	w.must(200, "GET", "/api/v1/notifications"+query, s.Token, nil).json(w.t, &p)
	return p
}

func TestNotificationReachesOnlyItsPersonLive(t *testing.T) {
	w := newWorld(t)
	memberTab1, memberTab2 := w.listen(w.member), w.listen(w.member)
	observerTab := w.listen(w.observer)

	w.notify(w.member, w.coord, "@Juho katso tämä")
	for _, tb := range []*tab{memberTab1, memberTab2} {
		m := tb.next("event")
		if m.Topic != "user:"+w.member.UserID || m.Kind != "notification" || m.Unread != 1 || m.Excerpt != "@Juho katso tämä" {
			t.Fatalf("event %s", m.Raw)
		}
	}
	// The observer's first message is their own notification: the member's never reached them.
	w.notify(w.observer, w.coord, "for the observer")
	if m := observerTab.next("event"); m.Excerpt != "for the observer" || m.Unread != 1 {
		t.Fatalf("observer got %s", m.Raw)
	}

	// Reading in one tab tells the other tabs.
	p := w.inbox(w.member, "")
	w.must(200, "POST", "/api/v1/notifications/read", w.member.Token, map[string]any{"ids": []string{p.Notifications[0].ID}})
	for _, tb := range []*tab{memberTab1, memberTab2} {
		if m := tb.next("event"); m.Kind != "notification" || m.Unread != 0 {
			t.Fatalf("read event %s", m.Raw)
		}
	}

	// A mention of oneself is not sent.
	w.notify(w.member, w.member, "me")
	w.notify(w.member, w.coord, "second")
	if m := memberTab1.next("event"); m.Excerpt != "second" {
		t.Fatalf("after a self-mention got %s", m.Raw)
	}
}

func TestNotificationListPagingAndReading(t *testing.T) {
	w := newWorld(t)
	for i := 1; i <= 25; i++ {
		w.notify(w.member, w.coord, fmt.Sprintf("mention %d", i))
	}
	w.notify(w.savoMember, w.coord, "someone else's")

	first := w.inbox(w.member, "")
	if len(first.Notifications) != 20 || first.Unread != 25 || first.Notifications[0].Excerpt != "mention 25" || first.Next == "" {
		t.Fatalf("first page: %d items, unread %d, next %q", len(first.Notifications), first.Unread, first.Next)
	}
	n := first.Notifications[0]
	if n.Kind != "mention" || n.ActorName != "Kaisa Koordinaattori" || n.Subject != "Toimintasuunnitelma 2026" || !strings.HasPrefix(n.Link, "/documents/") || n.Read {
		t.Fatalf("notification %+v", n)
	}
	second := w.inbox(w.member, "?limit=10&before="+first.Next)
	if len(second.Notifications) != 5 || second.Notifications[4].Excerpt != "mention 1" || second.Next != "" {
		t.Fatalf("second page: %+v", second)
	}
	for _, q := range []string{"?limit=0", "?limit=101", "?limit=x", "?before=nope"} {
		if r := w.call("GET", "/api/v1/notifications"+q, w.member.Token, nil); r.Status != 400 {
			t.Errorf("%s: %d %s", q, r.Status, r.Body)
		}
	}
	if r := w.call("GET", "/api/v1/notifications", "", nil); r.Status != 401 {
		t.Errorf("signed out: %d", r.Status)
	}

	// Someone else's notifications: not listed, not a cursor, not markable.
	savo := w.inbox(w.savoMember, "")
	if len(savo.Notifications) != 1 || savo.Unread != 1 {
		t.Fatalf("savo member sees %+v", savo)
	}
	if r := w.call("GET", "/api/v1/notifications?before="+savo.Notifications[0].ID, w.member.Token, nil); r.Status != 404 {
		t.Errorf("paging from another's notification: %d", r.Status)
	}
	mine := first.Notifications[0].ID
	if r := w.call("POST", "/api/v1/notifications/read", w.member.Token, map[string]any{"ids": []string{mine, savo.Notifications[0].ID}}); r.Status != 404 || r.errorCode() != "not_found" {
		t.Errorf("marking another's: %d %s", r.Status, r.Body)
	}
	if got := w.inbox(w.member, "?limit=1"); got.Unread != 25 || got.Notifications[0].Read {
		t.Fatal("a refused request marked something")
	}
	if got := w.inbox(w.savoMember, ""); got.Unread != 1 {
		t.Fatal("someone else's notification was marked")
	}
	for _, bad := range []string{`{}`, `{"ids":[],"all":false}`, `{"all":true,"ids":["` + mine + `"]}`, `{"ids":["x"]}`, `{"ids":"x"}`, `{"every":true}`, `not json`} {
		r := w.raw("POST", "/api/v1/notifications/read", []byte(bad), "Authorization", "Bearer "+w.member.Token)
		if r.Status != 400 {
			t.Errorf("%s: %d %s", bad, r.Status, r.Body)
		}
	}

	var after struct{ Unread int }
	w.must(200, "POST", "/api/v1/notifications/read", w.member.Token, map[string]any{"ids": []string{mine, first.Notifications[3].ID}}).json(t, &after)
	if after.Unread != 23 {
		t.Fatalf("unread after two: %d", after.Unread)
	}
	got := w.inbox(w.member, "?limit=5")
	if !got.Notifications[0].Read || got.Notifications[1].Read || !got.Notifications[3].Read {
		t.Fatalf("read flags %+v", got.Notifications)
	}

	// Survives a restart; then read all, and a new one after that is unread.
	w.restart()
	if got := w.inbox(w.member, ""); got.Unread != 23 || !got.Notifications[0].Read {
		t.Fatalf("after restart: unread %d", got.Unread)
	}
	w.must(200, "POST", "/api/v1/notifications/read", w.member.Token, map[string]any{"all": true}).json(t, &after)
	if after.Unread != 0 {
		t.Fatalf("unread after all: %d", after.Unread)
	}
	w.notify(w.member, w.coord, "newest")
	if got := w.inbox(w.member, ""); got.Unread != 1 || got.Notifications[0].Read || !got.Notifications[1].Read {
		t.Fatalf("after read-all and a new one: %+v", got)
	}
	if got := w.inbox(w.savoMember, ""); got.Unread != 1 {
		t.Fatal("read-all reached someone else")
	}
}

func TestEventsSocketTopics(t *testing.T) {
	w := newWorld(t)
	// A topic kind other services register (forum threads in issue 4): members of Kainuu only.
	w.app.Events.Authorize("test:", func(p accounts.Principal, topic string) bool {
		return w.app.Workspaces.Role(p.UserID, w.kainuu) != "" && topic == "test:kainuu"
	})
	member, savo := w.listen(w.member), w.listen(w.savoMember)

	member.send(`{"type":"subscribe","topics":["test:kainuu"]}`)
	if m := member.next("subscribed"); !slices.Equal(m.Topics, []string{"test:kainuu"}) {
		t.Fatalf("subscribed %s", m.Raw)
	}
	for _, c := range []struct{ topic, code string }{
		{"test:kainuu", "forbidden"},             // not a member
		{"user:" + w.member.UserID, "forbidden"}, // someone else's own topic
		{"nope:1", "not_found"},                  // no such kind of topic
		{"", "invalid_field"},
		{strings.Repeat("x", 101), "invalid_field"},
	} {
		b, _ := json.Marshal(map[string]any{"type": "subscribe", "topics": []string{c.topic}})
		savo.send(string(b))
		if m := savo.next("error"); m.Code != c.code || m.Topic != c.topic {
			t.Errorf("subscribe %q: %s", c.topic, m.Raw)
		}
	}
	w.app.Events.Publish("test:kainuu", "ping", map[string]int{"n": 1})
	if m := member.next("event"); m.Topic != "test:kainuu" || m.Kind != "ping" || string(m.Data) != `{"n":1}` {
		t.Fatalf("event %s", m.Raw)
	}
	// The refused listener heard nothing: its next message is its own.
	w.notify(w.savoMember, w.coord, "own")
	if m := savo.next("event"); m.Topic != "user:"+w.savoMember.UserID {
		t.Fatalf("savo heard %s", m.Raw)
	}

	member.send(`{"type":"unsubscribe","topics":["test:kainuu"]}`)
	member.next("unsubscribed")
	w.app.Events.Publish("test:kainuu", "ping", nil)
	if n := w.app.Events.Listeners("test:kainuu"); n != 0 {
		t.Fatalf("%d listeners after unsubscribe", n)
	}
	w.notify(w.member, w.coord, "own")
	if m := member.next("event"); m.Topic != "user:"+w.member.UserID {
		t.Fatalf("after unsubscribe heard %s", m.Raw)
	}

	// Bad messages are answered with errors and the connection stays.
	for _, c := range []struct{ raw, code string }{
		{`{not json`, "invalid_json"},
		{`{"type":"subscribe","topics":"x"}`, "invalid_json"},
		{`{"type":"dance"}`, "bad_request"},
		{`{"type":"subscribe","topics":[],"extra":1}`, "unknown_field"},
		{`{"type":"subscribe"} {"type":"subscribe"}`, "invalid_json"},
	} {
		member.send(c.raw)
		if m := member.next("error"); m.Code != c.code {
			t.Errorf("%s: %s", c.raw, m.Raw)
		}
	}
	// A connection hears at most 100 topics.
	w.app.Events.Authorize("many:", func(accounts.Principal, string) bool { return true })
	topics := make([]string, 100)
	for i := range topics {
		topics[i] = fmt.Sprint("many:", i)
	}
	b, _ := json.Marshal(map[string]any{"type": "subscribe", "topics": topics})
	member.send(string(b))
	if m := member.next("error"); m.Code != "invalid_field" || m.Topic != "many:99" {
		t.Fatalf("101st topic: %s", m.Raw)
	}
	if m := member.next("subscribed"); len(m.Topics) != 99 {
		t.Fatalf("subscribed %d", len(m.Topics))
	}
	// Binary frames close the connection; so do messages over 64 KB and floods.
	member.wmu.Lock()
	_ = member.conn.WriteMessage(websocket.BinaryMessage, []byte("x"))
	member.wmu.Unlock()
	<-member.done
	if member.closeCode() != 1003 {
		t.Fatalf("binary frame: close %d", member.closeCode())
	}
	big := w.listen(w.member)
	big.wmu.Lock()
	_ = big.conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"subscribe","topics":["`+strings.Repeat("x", 70_000)+`"]}`))
	big.wmu.Unlock()
	<-big.done
	if big.closeCode() != 1009 {
		t.Fatalf("oversized: close %d", big.closeCode())
	}
	flood := w.listen(w.member)
	for i := 0; i < 3000; i++ {
		flood.wmu.Lock()
		err := flood.conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"unsubscribe","topics":[]}`))
		flood.wmu.Unlock()
		if err != nil {
			break
		}
	}
	<-flood.done
	if flood.closeCode() != 4029 {
		t.Fatalf("flood: close %d", flood.closeCode())
	}
}

func TestEventsSocketAuthentication(t *testing.T) {
	w := newWorld(t)
	for _, c := range []struct {
		name, token, origin string
		status              int
	}{
		{"no token", "", "http://elo.test", 401},
		{"bad token", "nope", "http://elo.test", 401},
		{"foreign origin", w.member.Token, "http://evil.test", 403},
	} {
		_, res, err := w.dialEvents(c.token, c.origin)
		if err == nil || res == nil || res.StatusCode != c.status {
			t.Errorf("%s: %v %v", c.name, err, res)
		}
	}
	if r := w.call("GET", "/api/v1/events/socket", w.member.Token, nil); r.Status != 400 {
		t.Errorf("plain GET: %d", r.Status)
	}
	// A restart closes it with 1012 (the client reconnects).
	tb := w.listen(w.member)
	w.restart()
	<-tb.done
	if tb.closeCode() != 1012 {
		t.Fatalf("restart: close %d", tb.closeCode())
	}
}

func TestAMentionInACommentReachesTheMentionedLive(t *testing.T) {
	w := newWorld(t)
	id := w.createPlan(w.coord)
	member, savo := w.listen(w.member), w.listen(w.savoMember)
	// The Etelä-Savo member cannot read Kainuu's plan: mentioning them notifies nobody.
	w.startThread(w.coord, id, map[string]string{"node": id}, mention("Juho Jäsen", w.member.UserID)+" ja "+mention("Eero Savolainen", w.savoMember.UserID)+" katsokaa tavoitteet")
	m := member.next("event")
	if m.Kind != "notification" || m.Unread != 1 || m.Excerpt != "@Juho Jäsen ja @Eero Savolainen katsokaa tavoitteet" {
		t.Fatalf("member got %s", m.Raw)
	}
	w.notify(w.savoMember, w.coord, "own")
	if m := savo.next("event"); m.Excerpt != "own" {
		t.Fatalf("a reader-less mention reached %s", m.Raw)
	}
	p := w.inbox(w.member, "")
	if len(p.Notifications) != 1 || !strings.HasPrefix(p.Notifications[0].Link, "/workspaces/"+w.kainuu+"/documents/"+id+"?comment=") {
		t.Fatalf("inbox %+v", p)
	}
}

func TestEventsSocketEndsWhenTheAccessTokenExpires(t *testing.T) {
	e := start(t, "ACCESS_TOKEN_TTL", "5s")
	admin := e.setupAdmin()
	tb := e.listen(admin)
	<-tb.done // the server closes it when the token expires; the client reconnects with a fresh one
	if tb.closeCode() != 4001 {
		t.Fatalf("close %d, want 4001", tb.closeCode())
	}
}
