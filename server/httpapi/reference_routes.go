package httpapi

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/directory"
	"github.com/elo-workspace/elo-workspace/server/refdata"
)

func (s *Server) referenceRoutes(api fiber.Router) {
	api.Get("/reference", s.getReference)
	api.Post("/reference/:kind", s.authed, s.createReferenceItem)
	api.Patch("/reference/:kind/:itemId", s.authed, s.updateReferenceItem)
}

func (s *Server) getReference(c *fiber.Ctx) error {
	out := fiber.Map{"organisationTypes": directory.Types}
	for kind, items := range s.svc.Reference.All() {
		views := make([]referenceItemView, len(items))
		for i, it := range items {
			views[i] = viewItem(it)
		}
		out[kind] = views
	}
	return c.JSON(out)
}

func referenceKind(c *fiber.Ctx) (string, error) {
	k := c.Params("kind")
	if !slices.Contains(refdata.Kinds, k) {
		return "", apperr.New(apperr.NotFound, "no such kind of reference data")
	}
	return k, nil
}

type referenceItemInput struct {
	Code  string        `json:"code"`
	Names refdata.Names `json:"names"`
	Order int           `json:"order"`
}

func (s *Server) createReferenceItem(c *fiber.Ctx) error {
	kind, err := referenceKind(c)
	if err != nil {
		return err
	}
	var r referenceItemInput
	if err := decode(c, &r); err != nil {
		return err
	}
	it, err := s.svc.Reference.Create(c.UserContext(), principal(c).IsAdmin, kind, r.Code, r.Names, r.Order)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(viewItem(it))
}

type referenceItemUpdate struct {
	Names    *refdata.Names `json:"names"`
	Archived *bool          `json:"archived"`
	Order    *int           `json:"order"`
	Version  int            `json:"version"`
}

func (s *Server) updateReferenceItem(c *fiber.Ctx) error {
	kind, err := referenceKind(c)
	if err != nil {
		return err
	}
	id, err := pathID(c, "itemId")
	if err != nil {
		return err
	}
	var r referenceItemUpdate
	if err := decode(c, &r); err != nil {
		return err
	}
	it, err := s.svc.Reference.Change(c.UserContext(), principal(c).IsAdmin, kind, id, refdata.Update(r))
	if err != nil {
		return err
	}
	return c.JSON(viewItem(it))
}
