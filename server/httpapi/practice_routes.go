package httpapi

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/practices"
)

func (s *Server) practiceRoutes(api fiber.Router) {
	if s.svc.Practices == nil {
		return
	}
	api.Get("/practices", s.practiceReader, s.listPractices)
	api.Post("/practices", s.authed, s.createPractice)
	api.Get("/practices/:practiceId", s.practiceReader, s.getPractice)
	api.Put("/practices/:practiceId", s.authed, s.updatePractice)
	api.Post("/practices/:practiceId/submit", s.authed, s.submitPractice)
	api.Post("/practices/:practiceId/review", s.authed, s.reviewPractice)
	api.Post("/practices/:practiceId/visibility", s.authed, s.practiceVisibility)
	api.Get("/practices/:practiceId/versions/:n", s.practiceReader, s.practiceVersion)
	api.Get("/practices/:practiceId/adoptions", s.authed, s.practiceAdoptions)
	api.Post("/practices/:practiceId/adoptions", s.authed, s.adoptPractice)
	api.Get("/practices/:practiceId/links", s.authed, s.practiceLinks)
	api.Post("/practices/:practiceId/links", s.authed, s.linkPractice)
	api.Delete("/practices/:practiceId/links/:linkId", s.authed, s.unlinkPractice)
	api.Get("/documents/:documentId/practice-links", s.authed, s.documentPracticeLinks)
}

// practiceReader lets signed-out readers through (public content) and signs in the rest.
func (s *Server) practiceReader(c *fiber.Ctx) error {
	p, ok, err := s.bearer(c)
	if err != nil {
		return err
	}
	if ok {
		c.Locals("principal", p)
	}
	return c.Next()
}

func (s *Server) listPractices(c *fiber.Ctx) error {
	limit, err := queryInt(c, "limit", 50, 1, 200)
	if err != nil {
		return err
	}
	offset, err := queryInt(c, "offset", 0, 0, 1_000_000)
	if err != nil {
		return err
	}
	q := practices.Query{Limit: limit, Offset: offset}
	for name, dst := range map[string]*string{"region": &q.Region, "targetGroup": &q.TargetGroup, "nationalGoal": &q.NationalGoal,
		"orgType": &q.OrgType, "workspace": &q.Workspace, "status": &q.Status, "q": &q.Text} {
		if *dst, err = queryText(c, name, 200); err != nil {
			return err
		}
	}
	for name, dst := range map[string]*[]string{"period": &q.Periods, "theme": &q.Themes} { // may repeat: alternatives
		for _, v := range c.Context().QueryArgs().PeekMulti(name) {
			if len(v) > maxParamLen {
				return &apperr.Error{Code: apperr.InvalidField, Field: name, Message: name + " is too long"}
			}
			if len(v) > 0 {
				*dst = append(*dst, string(v))
			}
		}
	}
	page, err := s.svc.Practices.List(principal(c), q)
	if err != nil {
		return err
	}
	return c.JSON(page)
}

type practiceInput struct {
	WorkspaceID string `json:"workspaceId"`
	Version     int    `json:"version"`
	practices.Fields
}

func (s *Server) createPractice(c *fiber.Ctx) error {
	var r practiceInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Practices.Create(c.UserContext(), principal(c), r.WorkspaceID, r.Fields)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (s *Server) getPractice(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	out, err := s.svc.Practices.Get(principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

type practiceUpdate struct {
	Version int `json:"version"`
	practices.Fields
}

func (s *Server) updatePractice(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	var r practiceUpdate
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Practices.Update(c.UserContext(), principal(c), id, r.Version, r.Fields)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

type practiceVersionInput struct {
	Version int `json:"version"`
}

func (s *Server) submitPractice(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	var r practiceVersionInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Practices.Submit(c.UserContext(), principal(c), id, r.Version)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

type practiceReviewInput struct {
	Version  int    `json:"version"`
	Decision string `json:"decision"`
	Note     string `json:"note"`
}

func (s *Server) reviewPractice(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	var r practiceReviewInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Practices.Review(c.UserContext(), principal(c), id, r.Version, r.Decision, r.Note)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

type practiceVisibilityInput struct {
	Version int  `json:"version"`
	Public  bool `json:"public"`
}

func (s *Server) practiceVisibility(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	var r practiceVisibilityInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Practices.SetPublic(c.UserContext(), principal(c), id, r.Version, r.Public)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (s *Server) practiceVersion(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil || n < 1 {
		return apperr.Invalid("n", "a version is a number from 1")
	}
	content, info, err := s.svc.Practices.Version(principal(c), id, n)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"version": info, "content": content})
}

func (s *Server) practiceAdoptions(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	out, err := s.svc.Practices.Adoptions(principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

type practiceAdoptionInput struct {
	WorkspaceID string `json:"workspaceId"`
	Experience  string `json:"experience"`
}

func (s *Server) adoptPractice(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	var r practiceAdoptionInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Practices.Adopt(c.UserContext(), principal(c), id, r.WorkspaceID, r.Experience)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (s *Server) practiceLinks(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	out, err := s.svc.Practices.Links(principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

type practiceLinkInput struct {
	Kind       string `json:"kind"`
	DocumentID string `json:"documentId"`
	Node       string `json:"node"`
	ThreadID   string `json:"threadId"`
}

func (s *Server) linkPractice(c *fiber.Ctx) error {
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	var r practiceLinkInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Practices.AddLink(c.UserContext(), principal(c), id, practices.LinkInput(r))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (s *Server) unlinkPractice(c *fiber.Ctx) error {
	id, lid, err := pathIDs(c, "practiceId", "linkId")
	if err != nil {
		return err
	}
	if err := s.svc.Practices.RemoveLink(c.UserContext(), principal(c), id, lid); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) documentPracticeLinks(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	out, err := s.svc.Practices.DocumentLinks(principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(out)
}
