package realtime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"
)

// socket records frames; block makes Write wait until released (a slow or dead peer).
type socket struct {
	mu     sync.Mutex
	frames [][]byte
	got    chan struct{}
	block  chan struct{}
	code   int
}

func newSocket() *socket { return &socket{got: make(chan struct{}, 1000)} }

func (s *socket) Write(f []byte) error {
	if s.block != nil {
		<-s.block
	}
	s.mu.Lock()
	s.frames = append(s.frames, append([]byte(nil), f...))
	s.mu.Unlock()
	s.got <- struct{}{}
	return nil
}

func (s *socket) Close(code int, _ string) {
	s.mu.Lock()
	if s.code == 0 {
		s.code = code
	}
	s.mu.Unlock()
}

func (s *socket) closeCode() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.code
}

// next waits for the next frame and decodes its messages.
func (s *socket) next(t *testing.T) []string {
	t.Helper()
	select {
	case <-s.got:
	case <-time.After(10 * time.Second):
		t.Fatal("no frame")
	}
	s.mu.Lock()
	f := s.frames[0]
	s.frames = s.frames[1:]
	s.mu.Unlock()
	var msgs []string
	if err := json.Unmarshal(f, &msgs); err != nil {
		t.Fatalf("frame %s: %v", f, err)
	}
	return msgs
}

const never = time.Hour // ticks are driven by hand in these tests

func TestATicksMessagesReachEveryClientAsOneFrame(t *testing.T) {
	r := NewRoom("doc", never)
	defer r.Stop()
	var socks []*socket
	var clients []*Client
	for i := 0; i < 5; i++ {
		s := newSocket()
		c := NewClient(fmt.Sprint("user", i), s)
		socks, clients = append(socks, s), append(clients, c)
		r.Do(func() { r.Join(c) })
	}
	r.Do(func() {
		r.Broadcast([]byte(`"a"`))
		r.Broadcast([]byte(`"b"`))
		r.SendTo(clients[2], []byte(`"ack for 2"`))
		r.flush()
	})
	for i, s := range socks {
		got := s.next(t)
		want := []string{"a", "b"}
		if i == 2 {
			want = []string{"ack for 2", "a", "b"}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("client %d got %v, want %v", i, got, want)
		}
	}
	r.Do(func() { r.flush() }) // nothing queued: nothing sent
	r.Do(func() { r.Broadcast([]byte(`"c"`)); r.flush() })
	for i, s := range socks {
		if got := s.next(t); fmt.Sprint(got) != "[c]" {
			t.Errorf("client %d second frame %v", i, got)
		}
	}
}

func TestASlowClientIsDisconnectedAndOthersGoOn(t *testing.T) {
	r := NewRoom("doc", never)
	defer r.Stop()
	slow, fast := newSocket(), newSocket()
	slow.block = make(chan struct{}) // never released: a dead peer
	cs, cf := NewClient("slow", slow), NewClient("fast", fast)
	defer close(slow.block)
	r.Do(func() { r.Join(cs); r.Join(cf) })
	// The writer may take up to a queue's worth into its blocked write; after that the queue fills.
	for i := 0; i < 2*QueueFrames+10; i++ {
		r.Do(func() { r.Broadcast([]byte(fmt.Sprintf(`"%d"`, i))); r.flush() })
		if got := fast.next(t); len(got) != 1 || got[0] != fmt.Sprint(i) {
			t.Fatalf("fast client frame %d: %v", i, got)
		}
	}
	select {
	case <-cs.Closed():
	case <-time.After(10 * time.Second):
		t.Fatal("the slow client was not disconnected")
	}
	if code := slow.closeCode(); code != CloseTooSlow {
		t.Fatalf("close code %d, want %d", code, CloseTooSlow)
	}
	if fast.closeCode() != 0 {
		t.Fatal("the fast client must stay connected")
	}
}

func TestQueuedFramesAreMergedIntoOneWrite(t *testing.T) {
	s := newSocket()
	s.block = make(chan struct{})
	c := NewClient("u", s)
	defer c.Close(1000, "")
	// The writer takes the first frame (alone, or with whatever is queued by then) and blocks
	// in Write; everything queued meanwhile goes out merged in the next write.
	c.Send([]byte(`["m0"]`))
	for i := 1; i < 11; i++ {
		c.Send([]byte(fmt.Sprintf(`["m%d"]`, i)))
	}
	close(s.block)
	var all []string
	writes := 0
	for len(all) < 11 {
		all = append(all, s.next(t)...)
		writes++
	}
	if fmt.Sprint(all) != "[m0 m1 m2 m3 m4 m5 m6 m7 m8 m9 m10]" {
		t.Fatalf("messages out of order: %v", all)
	}
	if writes > 2 {
		t.Fatalf("%d writes for 11 queued frames; they should have been merged", writes)
	}
}

func TestMergeArrays(t *testing.T) {
	for _, c := range []struct{ a, b, want string }{
		{`[1]`, `[2,3]`, `[1,2,3]`},
		{`[]`, `[2]`, `[2]`},
		{`[1]`, `[]`, `[1]`},
		{`[{"a":[1]}]`, ` [ "x" ] `, `[{"a":[1]},"x"]`},
	} {
		var b bytes.Buffer
		b.WriteString(c.a)
		mergeArrays(&b, []byte(c.b))
		if b.String() != c.want {
			t.Errorf("merge %s %s = %s, want %s", c.a, c.b, b.String(), c.want)
		}
	}
}

func TestRoomSerialisesActions(t *testing.T) {
	r := NewRoom("doc", never)
	defer r.Stop()
	n := 0 // touched only on the room goroutine: the race detector checks
	var wg sync.WaitGroup
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				r.Do(func() { n++ })
			}
		}()
	}
	wg.Wait()
	r.Do(func() {
		if n != 5000 {
			t.Errorf("n = %d, want 5000", n)
		}
	})
}

func TestShutdownFlushesThenTellsClientsToReconnect(t *testing.T) {
	h := NewHub(never, nil)
	r := h.Room("doc")
	if h.Room("doc") != r {
		t.Fatal("one room per id")
	}
	s := newSocket()
	c := NewClient("u", s)
	r.Do(func() { r.Join(c); r.Broadcast([]byte(`"last words"`)) })
	h.Shutdown()
	if got := s.next(t); fmt.Sprint(got) != "[last words]" {
		t.Fatalf("queued message before shutdown: %v", got)
	}
	c.Wait()
	if s.closeCode() != CloseRestarting {
		t.Fatalf("close code %d", s.closeCode())
	}
	if r.Do(func() {}) {
		t.Fatal("a stopped room runs nothing")
	}
}

// hearingSocket is a socket whose reader reports its peer's messages (as the websocket does).
type hearingSocket struct {
	Hearing
	*socket
}

func TestAPacedWriterWaitsButAnswersItsPeerAtOnce(t *testing.T) {
	s := &hearingSocket{socket: newSocket()}
	c := NewClient("u", s)
	defer c.Close(1000, "")
	c.pace.Store(int64(time.Hour)) // after a write, the next waits an hour unless an answer is owed
	c.Send([]byte(`["m1"]`))
	if got := s.next(t); fmt.Sprint(got) != "[m1]" {
		t.Fatalf("first frame %v", got)
	}
	c.Send([]byte(`["m2"]`)) // paced: waits
	s.Heard()                // the peer sends a change ...
	c.Send([]byte(`["m3"]`)) // ... and a frame made after it may hold the answer: out at once, with m2
	if got := s.next(t); fmt.Sprint(got) != "[m2 m3]" {
		t.Fatalf("the answer should go out at once with what waited: %v", got)
	}
	c.Send([]byte(`["m4"]`)) // the second frame after the peer spoke (the answer may be in it)
	if got := s.next(t); fmt.Sprint(got) != "[m4]" {
		t.Fatalf("second frame after the peer spoke: %v", got)
	}
	c.Send([]byte(`["m5"]`)) // paced again: it goes out with the close
	c.Close(1000, "")
	c.Wait()
	if got := s.next(t); fmt.Sprint(got) != "[m5]" {
		t.Fatalf("the paced frame should go out before the close: %v", got)
	}
}

func TestAnIdleClientsWriterEnds(t *testing.T) {
	s := newSocket()
	c := NewClient("u", s)
	c.linger = time.Millisecond
	for i := 0; i < 3; i++ {
		c.Send([]byte(fmt.Sprintf(`["m%d"]`, i)))
		if got := s.next(t); fmt.Sprint(got) != fmt.Sprintf("[m%d]", i) {
			t.Fatalf("frame %d: %v", i, got)
		}
		for running := true; running; { // wait for the writer to end
			c.mu.Lock()
			running = c.writing
			c.mu.Unlock()
			time.Sleep(time.Millisecond)
		}
	}
	c.Close(CloseRestarting, "bye") // no writer runs: Close starts one to send the close
	c.Wait()
	if s.closeCode() != CloseRestarting {
		t.Fatalf("close code %d", s.closeCode())
	}
}

func TestABigRoomPacesItsClients(t *testing.T) {
	r := NewRoom("doc", Tick)
	defer r.Stop()
	var cs []*Client
	for i := 0; i < 1000; i++ {
		c := NewClient(fmt.Sprint(i), newSocket())
		defer c.Close(1000, "")
		cs = append(cs, c)
		r.Do(func() { r.Join(c) })
	}
	r.Do(func() { r.Broadcast([]byte(`"x"`)); r.flush() })
	if got := time.Duration(cs[0].pace.Load()); got != MaxPace {
		t.Fatalf("1,000 clients: pace %v, want %v", got, MaxPace)
	}
	r.Do(func() {
		for _, c := range cs[10:] {
			r.Leave(c)
		}
		r.Broadcast([]byte(`"y"`))
		r.flush()
	})
	if got := cs[0].pace.Load(); got != 0 {
		t.Fatalf("10 clients: pace %v, want none", time.Duration(got))
	}
}

// The last client's leaving and another's joining can cross: the room is closed only if it is
// still empty when it decides, and an action queued after that decision does not run in it.
func TestCloseIfEmptyKeepsARoomSomeoneJoined(t *testing.T) {
	h := NewHub(time.Hour, nil)
	r := h.Room("doc")
	a := NewClient("a", newSocket())
	r.Do(func() { r.Join(a) })
	last := false
	r.Do(func() { last = r.Leave(a) == 0 })
	b := NewClient("b", newSocket())
	if !last || !r.Do(func() { r.Join(b) }) { // b joins before the leaver's close runs
		t.Fatal("b could not join")
	}
	if h.CloseIfEmpty(r) {
		t.Fatal("a room with b in it was closed")
	}
	if h.Existing("doc") != r || !r.Do(func() {}) {
		t.Fatal("the room b is in stopped")
	}
	r.Do(func() { r.Leave(b) })
	if !h.CloseIfEmpty(r) {
		t.Fatal("an empty room was not closed")
	}
	if h.Existing("doc") != nil || r.Do(func() { t.Error("an action ran in a closed room") }) {
		t.Fatal("the closed room still runs")
	}
}
