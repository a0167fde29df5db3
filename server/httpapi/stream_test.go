package httpapi

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// A streamed file goes out chunked as it is written; a failure after the first byte cuts the
// response short, so the client sees a broken download, never a whole-looking file.
func TestStreamFile(t *testing.T) {
	s := &Server{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	line := strings.Repeat("x", 99) + "\n"
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/whole", func(c *fiber.Ctx) error {
		return s.streamFile(c, mimeCSV, "a.csv", func(w io.Writer) error {
			for range 2000 { // 200 kB: several chunks
				if _, err := io.WriteString(w, line); err != nil {
					return err
				}
			}
			return nil
		})
	})
	app.Get("/broken", func(c *fiber.Ctx) error {
		return s.streamFile(c, mimeCSV, "b.csv", func(w io.Writer) error {
			for range 1000 {
				if _, err := io.WriteString(w, line); err != nil {
					return err
				}
			}
			return errors.New("the plans could not be read")
		})
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = app.Listener(ln) }()
	t.Cleanup(func() { _ = app.Shutdown() })
	base := "http://" + ln.Addr().String()

	res, err := http.Get(base + "/whole")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || len(body) != 2000*len(line) {
		t.Fatalf("whole: %d bytes, %v", len(body), err)
	}
	if res.ContentLength != -1 || len(res.TransferEncoding) != 1 || res.TransferEncoding[0] != "chunked" {
		t.Errorf("not chunked: length %d, transfer encoding %q", res.ContentLength, res.TransferEncoding)
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, `filename="a.csv"`) {
		t.Errorf("Content-Disposition %q", cd)
	}

	res, err = http.Get(base + "/broken")
	if err != nil {
		t.Fatal(err)
	}
	body, err = io.ReadAll(res.Body)
	res.Body.Close()
	if err == nil {
		t.Errorf("a failed stream read as a whole file of %d bytes", len(body))
	}
}
