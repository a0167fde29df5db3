package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/notifications"
)

func (s *Server) notificationRoutes(api fiber.Router) {
	api.Get("/notifications", s.authed, s.listNotifications)
	api.Post("/notifications/read", s.authed, s.readNotifications)
}

type notificationPageView struct {
	Notifications []notifications.View `json:"notifications"`
	Unread        int                  `json:"unread"`
	Next          string               `json:"next,omitempty"`
}

func (s *Server) listNotifications(c *fiber.Ctx) error {
	limit, err := queryInt(c, "limit", notifications.DefaultLimit, 1, notifications.MaxLimit)
	if err != nil {
		return err
	}
	before, err := queryText(c, "before", 100)
	if err != nil {
		return err
	}
	page, err := s.svc.Notifications.List(principal(c), limit, before)
	if err != nil {
		return err
	}
	return c.JSON(notificationPageView{Notifications: page.Notifications, Unread: page.Unread, Next: page.Next})
}

type readInput struct {
	IDs []string `json:"ids"`
	All bool     `json:"all"`
}

func (s *Server) readNotifications(c *fiber.Ctx) error {
	var r readInput
	if err := decode(c, &r); err != nil {
		return err
	}
	unread, err := s.svc.Notifications.MarkRead(c.UserContext(), principal(c), r.IDs, r.All)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"unread": unread})
}
