package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// build compiles the server once per test run.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "elo-workspace")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// lockedBuffer collects the server's log while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func TestServerStartsServesAndStopsCleanlyOnSIGTERM(t *testing.T) {
	bin := build(t)
	port := freePort(t)
	logs := &lockedBuffer{}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "PORT="+fmt.Sprint(port), "DATA_DIR="+t.TempDir(), "MONGODB_URI=", "ENV=")
	cmd.Stderr = logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	url := fmt.Sprintf("http://127.0.0.1:%d", port)
	ready := false
	for i := 0; i < 300 && !ready; i++ { // up to 30 s, polling readiness as an orchestrator would
		if res, err := http.Get(url + "/readyz"); err == nil {
			ready = res.StatusCode == 200
			res.Body.Close()
		}
		if !ready {
			select {
			case err := <-exited:
				t.Fatalf("server exited before it was ready: %v\n%s", err, logs.String())
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	if !ready {
		t.Fatalf("server never became ready:\n%s", logs.String())
	}
	res, err := http.Get(url + "/api/v1/setup")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("setup state: %v %v", res, err)
	}
	res.Body.Close()
	if !strings.Contains(logs.String(), "/setup?token=") {
		t.Errorf("a fresh server logs its one-time setup link:\n%s", logs.String())
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("still running 30 s after SIGTERM:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "shutting down") {
		t.Errorf("no shutdown in the log:\n%s", logs.String())
	}
}

func TestProductionWithoutSigningKeyRefusesToStart(t *testing.T) {
	bin := build(t)
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "ENV=production", "JWT_SIGNING_KEY=", "DATA_DIR="+t.TempDir(), "PORT=0")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("started without a key:\n%s", out)
	}
	if !strings.Contains(string(out), "JWT_SIGNING_KEY is required") {
		t.Fatalf("the message should say what is missing:\n%s", out)
	}
}
