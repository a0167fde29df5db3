package httpapi

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/watching"
)

// Notification levels (watch, normal, mute) on forums, threads and practices.
func (s *Server) levelRoutes(api fiber.Router) {
	if s.svc.Levels == nil {
		return
	}
	api.Get("/notification-levels", s.authed, s.listLevels)
	if s.svc.Forums != nil {
		api.Put("/forums/:forumId/level", s.authed, s.forumLevel)
		api.Put("/threads/:threadId/level", s.authed, s.threadLevel)
	}
	if s.svc.Practices != nil {
		api.Put("/practices/:practiceId/level", s.authed, s.practiceLevel)
	}
}

type levelInput struct {
	Level string `json:"level"`
}

func (s *Server) setLevel(c *fiber.Ctx, param string, set func(id, level string) error) error {
	id, err := pathID(c, param)
	if err != nil {
		return err
	}
	var r levelInput
	if err := decode(c, &r); err != nil {
		return err
	}
	if !watching.Valid(r.Level) {
		return apperr.Invalid("level", "level is watch, normal or mute")
	}
	if err := set(id, r.Level); err != nil {
		return err
	}
	return c.JSON(levelInput{Level: r.Level})
}

func (s *Server) forumLevel(c *fiber.Ctx) error {
	return s.setLevel(c, "forumId", func(id, level string) error {
		return s.svc.Forums.SetLevel(c.UserContext(), principal(c), id, "", level)
	})
}

func (s *Server) threadLevel(c *fiber.Ctx) error {
	return s.setLevel(c, "threadId", func(id, level string) error {
		return s.svc.Forums.SetLevel(c.UserContext(), principal(c), "", id, level)
	})
}

func (s *Server) practiceLevel(c *fiber.Ctx) error {
	return s.setLevel(c, "practiceId", func(id, level string) error {
		return s.svc.Practices.SetLevel(c.UserContext(), principal(c), id, level)
	})
}

// levelView is one of a person's chosen levels, with what it is on (only what they may read).
type levelView struct {
	Kind  string        `json:"kind"` // forum, thread, practice
	ID    string        `json:"id"`
	Level string        `json:"level"`
	Names *forums.Names `json:"names,omitempty"` // a forum's name
	Title string        `json:"title,omitempty"` // a thread's or practice's
	Link  string        `json:"link"`
	At    time.Time     `json:"at"`
}

func (s *Server) listLevels(c *fiber.Ctx) error {
	p := principal(c)
	out := []levelView{}
	for _, ch := range s.svc.Levels.Of(p.UserID) {
		v := levelView{Kind: ch.Kind, ID: ch.Target, Level: ch.Level, At: ch.At}
		ok := false
		switch ch.Kind {
		case watching.Forum, watching.Thread:
			if s.svc.Forums != nil {
				var t forums.Target
				if t, ok = s.svc.Forums.Describe(p, ch.Kind, ch.Target); ok {
					v.Names, v.Title, v.Link = t.Names, t.Title, t.Link
				}
			}
		case watching.Practice:
			if s.svc.Practices != nil {
				if v.Title, ok = s.svc.Practices.Describe(p, ch.Target); ok {
					v.Link = "/practices/" + ch.Target
				}
			}
		}
		if ok {
			out = append(out, v)
		}
	}
	return c.JSON(fiber.Map{"levels": out})
}
