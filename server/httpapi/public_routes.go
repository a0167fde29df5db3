package httpapi

import (
	"encoding/json"
	"fmt"
	"hash/fnv"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
)

// publicRoutes: the open data (no account: published content only, cacheable, readable from any
// origin) and the coordinators' switch of a document's public visibility.
func (s *Server) publicRoutes(api fiber.Router) {
	if s.svc.Public == nil {
		return
	}
	api.Get("/public/regions", s.publicRegions)
	api.Get("/public/regions/:regionId", s.publicRegion)
	api.Get("/public/documents/:documentId", s.publicDocument)
	api.Get("/public/practices/:practiceId", s.publicPractice)
	api.Get("/documents/:documentId/visibility", s.authed, s.documentVisibility)
	api.Put("/documents/:documentId/visibility", s.authed, s.setDocumentVisibility)
}

// publicMaxAge is how long a public answer may be cached (seconds): a plan approved a minute
// ago may take a minute to show.
const publicMaxAge = 60

// noQuery refuses every query parameter: the public routes take none, and a parameter that
// does nothing would let a caller believe it filtered.
func noQuery(c *fiber.Ctx) error {
	var bad error
	c.Context().QueryArgs().VisitAll(func(k, _ []byte) {
		if bad == nil {
			name := string(k)
			bad = &apperr.Error{Code: apperr.UnknownFilter, Field: trimParam(name), Message: fmt.Sprintf("unknown parameter %q", trimParam(name))}
		}
	})
	return bad
}

// sendPublic answers with JSON that anyone may cache and read from any origin, with an ETag so
// a revalidation that finds nothing new costs a 304 and no body.
func sendPublic(c *fiber.Ctx, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return apperr.Wrap(err, "encode public answer")
	}
	h := fnv.New64a()
	h.Write(b)
	etag := fmt.Sprintf(`"%x"`, h.Sum64())
	c.Set(fiber.HeaderCacheControl, fmt.Sprintf("public, max-age=%d", publicMaxAge))
	c.Set(fiber.HeaderAccessControlAllowOrigin, "*")
	c.Set(fiber.HeaderETag, etag)
	c.Set(fiber.HeaderVary, fiber.HeaderAcceptEncoding)
	if c.Get(fiber.HeaderIfNoneMatch) == etag {
		return c.SendStatus(fiber.StatusNotModified)
	}
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.Send(b)
}

func (s *Server) publicRegions(c *fiber.Ctx) error {
	if err := noQuery(c); err != nil {
		return err
	}
	return sendPublic(c, fiber.Map{"regions": s.svc.Public.Regions()})
}

func (s *Server) publicRegion(c *fiber.Ctx) error {
	if err := noQuery(c); err != nil {
		return err
	}
	id, err := pathID(c, "regionId")
	if err != nil {
		return err
	}
	page, err := s.svc.Public.Region(id)
	if err != nil {
		return err
	}
	return sendPublic(c, page)
}

func (s *Server) publicDocument(c *fiber.Ctx) error {
	if err := noQuery(c); err != nil {
		return err
	}
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	p, err := s.svc.Public.Plan(id)
	if err != nil {
		return err
	}
	return sendPublic(c, p)
}

func (s *Server) publicPractice(c *fiber.Ctx) error {
	if err := noQuery(c); err != nil {
		return err
	}
	id, err := pathID(c, "practiceId")
	if err != nil {
		return err
	}
	p, err := s.svc.Public.Practice(id)
	if err != nil {
		return err
	}
	return sendPublic(c, p)
}

func (s *Server) documentVisibility(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	v, err := s.svc.Public.Visibility(principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(v)
}

func (s *Server) setDocumentVisibility(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	var body struct {
		Public *bool `json:"public"`
	}
	if err := decode(c, &body); err != nil {
		return err
	}
	if body.Public == nil {
		return apperr.Invalid("public", "public is required (true or false)")
	}
	v, err := s.svc.Public.SetVisible(c.UserContext(), principal(c), id, *body.Public)
	if err != nil {
		return err
	}
	return c.JSON(v)
}
