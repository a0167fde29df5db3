package httpapi

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/notifymail"
)

// emailRoutes are a person's email notification settings and the emails' unsubscribe links,
// which work without signing in (the token in the link is signed).
func (s *Server) emailRoutes(api fiber.Router) {
	if s.svc.NotifyMail == nil {
		return
	}
	api.Get("/me/email-preferences", s.authed, s.getEmailPreferences)
	api.Put("/me/email-preferences", s.authed, s.putEmailPreferences)
	api.Get("/email/unsubscribe", s.unsubscribePage)
	api.Post("/email/unsubscribe", s.unsubscribe)
	api.Post("/email/unsubscribe/undo", s.undoUnsubscribe)
}

func (s *Server) getEmailPreferences(c *fiber.Ctx) error {
	p, err := s.svc.NotifyMail.Get(principal(c))
	if err != nil {
		return err
	}
	return c.JSON(p)
}

func (s *Server) putEmailPreferences(c *fiber.Ctx) error {
	var in notifymail.Preferences
	if err := decode(c, &in); err != nil {
		return err
	}
	p, err := s.svc.NotifyMail.Set(c.UserContext(), principal(c), in)
	if err != nil {
		return err
	}
	return c.JSON(p)
}

// unsubscribePage sends a browser that opened the List-Unsubscribe address to the client's
// page, which asks for the unsubscribe itself: a GET changes nothing (link scanners follow them).
func (s *Server) unsubscribePage(c *fiber.Ctx) error {
	token, err := queryText(c, "token", 200)
	if err != nil {
		return err
	}
	return c.Redirect("/unsubscribe?token="+url.QueryEscape(token), fiber.StatusSeeOther)
}

type tokenInput struct {
	Token string `json:"token"`
}

// emailToken is the token of an unsubscribe request: a JSON body {"token"} from the client's
// page, or the link's query with RFC 8058's form body List-Unsubscribe=One-Click from a mail client.
func emailToken(c *fiber.Ctx) (string, error) {
	if strings.HasPrefix(string(c.Request().Header.ContentType()), fiber.MIMEApplicationJSON) {
		var in tokenInput
		if err := decode(c, &in); err != nil {
			return "", err
		}
		return in.Token, nil
	}
	return queryText(c, "token", 200)
}

func (s *Server) unsubscribe(c *fiber.Ctx) error {
	token, err := emailToken(c)
	if err != nil {
		return err
	}
	u, err := s.svc.NotifyMail.Unsubscribe(c.UserContext(), token)
	if err != nil {
		return err
	}
	return c.JSON(u)
}

func (s *Server) undoUnsubscribe(c *fiber.Ctx) error {
	token, err := emailToken(c)
	if err != nil {
		return err
	}
	u, err := s.svc.NotifyMail.Undo(c.UserContext(), token)
	if err != nil {
		return err
	}
	return c.JSON(u)
}
