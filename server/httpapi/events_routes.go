package httpapi

import (
	"github.com/fasthttp/websocket"
	fws "github.com/gofiber/contrib/websocket"
	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/accounts"
)

// eventsRoutes serve the events socket: one per browser tab, live events of the person's own
// topic and of the topics they subscribe to (PROTOCOL.md, "Events socket").
func (s *Server) eventsRoutes(api fiber.Router) {
	api.Get("/events/socket", s.authorizeEvents, s.upgrade(s.serveEvents))
}

func (s *Server) authorizeEvents(c *fiber.Ctx) error {
	p, err := s.authenticateSocket(c)
	if err != nil {
		return err
	}
	c.Locals("principal", p)
	return c.Next()
}

func (s *Server) serveEvents(conn *fws.Conn) {
	p := conn.Locals("principal").(accounts.Principal)
	sock := newWSSocket(conn)
	defer sock.Close(websocket.CloseNormalClosure, "") // runs last: no callback touches conn after
	ec := s.svc.Events.Connect(p, sock)
	defer ec.Leave() // unsubscribes, closes the client and waits for its writer
	s.pump(conn, sock, p, func() error { ec.Recheck(); return nil }, func(msg []byte) error {
		ec.Receive(msg)
		return nil
	})
}
