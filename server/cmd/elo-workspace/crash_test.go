package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/fasthttp/websocket"
)

// server is the real binary running on a data folder.
type server struct {
	t    *testing.T
	cmd  *exec.Cmd
	url  string
	logs *lockedBuffer
}

func startServer(t *testing.T, bin, dataDir string, port int) *server {
	t.Helper()
	s := &server{t: t, url: fmt.Sprintf("http://127.0.0.1:%d", port), logs: &lockedBuffer{}}
	s.cmd = exec.Command(bin)
	s.cmd.Env = append(os.Environ(), "DEMO=1", "DATA_DIR="+dataDir, fmt.Sprintf("PORT=%d", port), "MONGODB_URI=", "ENV=",
		"PUBLIC_URL="+s.url, "ALLOWED_ORIGINS="+s.url)
	s.cmd.Stderr = s.logs
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.cmd.Process.Kill(); _ = s.cmd.Wait() })
	for i := 0; i < 600; i++ { // readiness, polled as an orchestrator would (60 s at most)
		if res, err := http.Get(s.url + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return s
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("server not ready:\n%s", s.logs.String())
	return nil
}

func (s *server) call(method, path, token string, body any, out any) int {
	s.t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, s.url+path, bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	if out != nil {
		_ = json.NewDecoder(res.Body).Decode(out)
	}
	return res.StatusCode
}

func (s *server) login(email string) string {
	var r struct{ AccessToken string }
	if st := s.call("POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": "elo-demo"}, &r); st != 200 {
		s.t.Fatalf("login %s: %d", email, st)
	}
	return r.AccessToken
}

// TestKilledServerKeepsEveryAcknowledgedChange: editors type into a plan, each waiting for its
// change to come back acknowledged before the next; the server is killed with SIGKILL in the
// middle; after a restart on the same data every acknowledged change is in the document.
func TestKilledServerKeepsEveryAcknowledgedChange(t *testing.T) {
	bin := build(t)
	dir := t.TempDir()
	port := freePort(t)
	srv := startServer(t, bin, dir, port)
	token := srv.login("coordinator@kainuu.example")
	var wss []struct{ ID, Name string }
	srv.call("GET", "/api/v1/workspaces", token, nil, &wss)
	var doc struct {
		ID       string
		Revision int64
		Nodes    map[string]struct{ Type string }
	}
	if st := srv.call("POST", "/api/v1/workspaces/"+wss[0].ID+"/documents", token, map[string]string{"kind": "action_plan", "title": "Kaatumistesti"}, &doc); st != 201 {
		t.Fatalf("create: %d", st)
	}
	srv.call("GET", "/api/v1/documents/"+doc.ID, token, nil, &doc)
	type field struct{ node, name string }
	var fields []field
	for id, n := range doc.Nodes {
		if n.Type == "goal" || n.Type == "action" {
			fields = append(fields, field{id, "title"}, field{id, "description"})
		}
	}

	var mu sync.Mutex
	acked := map[field][]string{} // tokens whose change came back, per field, in order
	progress := make(chan struct{}, 100_000)
	var wg sync.WaitGroup
	for i, f := range fields {
		d := websocket.Dialer{Subprotocols: []string{"elo.v1", "bearer." + token}}
		conn, _, err := d.Dial("ws"+strings.TrimPrefix(srv.url, "http")+"/api/v1/documents/"+doc.ID+"/socket", http.Header{"Origin": {srv.url}})
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		wg.Add(1)
		go func(i int, f field, conn *websocket.Conn) {
			defer wg.Done()
			_ = conn.WriteMessage(websocket.TextMessage, []byte(`{"type":"join","rev":0}`))
			rev, text := int64(-1), 0 // text: UTF-16 length of this editor's field, all ASCII here
			for n := 0; ; n++ {
				// read until synchronised: a snapshot or our own change coming back
				tok := fmt.Sprintf("[e%d-%d]", i, n)
				sent := false
				for {
					if rev >= 0 && !sent {
						op := []any{tok}
						if text > 0 {
							op = []any{text, tok}
						}
						msg, _ := json.Marshal(map[string]any{"type": "change", "rev": rev, "id": tok, "ops": []any{
							map[string]any{"t": "text", "node": f.node, "field": f.name, "op": op}}})
						if conn.WriteMessage(websocket.TextMessage, msg) != nil {
							return
						}
						sent = true
					}
					_, frame, err := conn.ReadMessage()
					if err != nil {
						return // killed
					}
					var batch []struct {
						Type    string
						Rev     int64
						Changes []struct {
							Rev int64
							ID  string
						}
					}
					_ = json.Unmarshal(frame, &batch)
					done := false
					for _, m := range batch {
						if m.Type == "snapshot" {
							rev = m.Rev
						}
						for _, c := range m.Changes {
							rev = max(rev, c.Rev)
							if c.ID == tok {
								mu.Lock()
								acked[f] = append(acked[f], tok)
								mu.Unlock()
								progress <- struct{}{}
								text += len(tok)
								done = true
							}
						}
					}
					if done {
						break
					}
				}
			}
		}(i, f, conn)
	}
	// Kill once every editor has had several changes acknowledged.
	timeout := time.After(30 * time.Second)
	for {
		select {
		case <-progress:
		case <-timeout:
			t.Fatalf("editors made too little progress: %v", acked)
		}
		mu.Lock()
		enough := len(acked) == len(fields)
		for _, a := range acked {
			enough = enough && len(a) >= 5
		}
		mu.Unlock()
		if enough {
			break
		}
	}
	if err := srv.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = srv.cmd.Wait()
	wg.Wait()

	srv = startServer(t, bin, dir, freePort(t)) // a fresh port: the old one may be taken meanwhile
	token = srv.login("coordinator@kainuu.example")
	var after struct {
		Revision int64
		Nodes    map[string]struct{ Text map[string]string }
	}
	if st := srv.call("GET", "/api/v1/documents/"+doc.ID, token, nil, &after); st != 200 {
		t.Fatalf("after restart: %d", st)
	}
	if !strings.Contains(srv.logs.String(), "documents recovered from the change log") {
		t.Errorf("the restart should have replayed the change log beyond the last snapshot:\n%s", srv.logs.String())
	}
	total := 0
	for f, toks := range acked {
		got := after.Nodes[f.node].Text[f.name]
		if !strings.HasPrefix(got, strings.Join(toks, "")) {
			t.Errorf("%s.%s after the crash is %q; acknowledged were %v", f.node, f.name, got, toks)
		}
		total += len(toks)
	}
	t.Logf("%d acknowledged changes from %d editors, all there after SIGKILL and restart (revision %d)", total, len(fields), after.Revision)
}
