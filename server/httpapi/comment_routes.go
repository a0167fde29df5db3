package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/comments"
)

func (s *Server) commentRoutes(api fiber.Router) {
	api.Get("/documents/:documentId/comments", s.authed, s.listComments)
	api.Post("/documents/:documentId/comments", s.authed, s.startThread)
	api.Post("/documents/:documentId/comments/:commentId/replies", s.authed, s.replyToThread)
	api.Patch("/documents/:documentId/comments/:commentId", s.authed, s.updateComment)
	api.Delete("/documents/:documentId/comments/:commentId", s.authed, s.deleteComment)
}

// The views are comments.ThreadView and comments.CommentView: the live message to editors
// carries the same shapes.

func (s *Server) listComments(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	out, err := s.svc.Comments.List(principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

type anchorInput struct {
	Node  string `json:"node"`
	Field string `json:"field"`
	Quote string `json:"quote"`
}

type threadInput struct {
	Anchor *anchorInput `json:"anchor"`
	Body   string       `json:"body"`
}

func (s *Server) startThread(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	var r threadInput
	if err := decode(c, &r); err != nil {
		return err
	}
	if r.Anchor == nil {
		r.Anchor = &anchorInput{}
	}
	out, err := s.svc.Comments.Start(c.UserContext(), principal(c), id, comments.NewThread{Anchor: comments.Anchor(*r.Anchor), Body: r.Body})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

type replyInput struct {
	Body string `json:"body"`
}

func (s *Server) replyToThread(c *fiber.Ctx) error {
	id, thread, err := pathIDs(c, "documentId", "commentId")
	if err != nil {
		return err
	}
	var r replyInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Comments.Reply(c.UserContext(), principal(c), id, thread, r.Body)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

type commentUpdate struct {
	Body     *string `json:"body"`
	Resolved *bool   `json:"resolved"`
}

func (s *Server) updateComment(c *fiber.Ctx) error {
	id, cid, err := pathIDs(c, "documentId", "commentId")
	if err != nil {
		return err
	}
	var r commentUpdate
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Comments.Update(c.UserContext(), principal(c), id, cid, comments.Change(r))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (s *Server) deleteComment(c *fiber.Ctx) error {
	id, cid, err := pathIDs(c, "documentId", "commentId")
	if err != nil {
		return err
	}
	if err := s.svc.Comments.Delete(c.UserContext(), principal(c), id, cid); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
