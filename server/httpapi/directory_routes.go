package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/directory"
)

func (s *Server) directoryRoutes(api fiber.Router) {
	api.Get("/organisations", s.authed, s.listOrganisations)
	api.Post("/organisations", s.authed, s.createOrganisation)
	api.Get("/organisations/:organisationId", s.authed, s.getOrganisation)
	api.Patch("/organisations/:organisationId", s.authed, s.updateOrganisation)
}

// actor gathers the facts the directory's rules need about the caller.
func (s *Server) actor(p accounts.Principal) directory.Actor {
	u, _ := s.svc.Accounts.User(p.UserID)
	return directory.Actor{UserID: p.UserID, IsAdmin: p.IsAdmin, IsCoordinator: s.svc.Workspaces.IsCoordinator(p.UserID), OrganisationID: u.OrganisationID}
}

func (s *Server) listOrganisations(c *fiber.Ctx) error {
	q, err := queryText(c, "q", 100)
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", 50, 1, 200)
	if err != nil {
		return err
	}
	offset, err := queryInt(c, "offset", 0, 0, 1_000_000)
	if err != nil {
		return err
	}
	region := c.Query("regionId")
	if region != "" && !s.svc.Reference.IsRegion(region) {
		return apperr.Invalid("regionId", "no such region")
	}
	orgs, total, err := s.svc.Directory.Find(directory.Query{Text: q, Type: c.Query("type"), RegionID: region, Limit: limit, Offset: offset})
	if err != nil {
		return err
	}
	items := make([]organisationView, len(orgs))
	for i, o := range orgs {
		items[i] = viewOrganisation(o)
	}
	return c.JSON(fiber.Map{"items": items, "total": total})
}

type organisationFields struct {
	Name        *string   `json:"name"`
	Type        *string   `json:"type"`
	RegionID    *string   `json:"regionId"`
	Description *string   `json:"description"`
	Services    *[]string `json:"services"`
	Website     *string   `json:"website"`
}

func (s *Server) createOrganisation(c *fiber.Ctx) error {
	var r organisationFields
	if err := decode(c, &r); err != nil {
		return err
	}
	o, err := s.svc.Directory.Create(c.UserContext(), s.actor(principal(c)), directory.Fields(r))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(viewOrganisation(o))
}

func (s *Server) getOrganisation(c *fiber.Ctx) error {
	id, err := pathID(c, "organisationId")
	if err != nil {
		return err
	}
	o, ok := s.svc.Directory.Get(id)
	if !ok {
		return apperr.New(apperr.NotFound, "no such organisation")
	}
	people := []personView{}
	for _, u := range s.svc.Accounts.PeopleOf(id) {
		people = append(people, personView{ID: u.ID, Name: u.Name, Title: u.Title})
	}
	return c.JSON(organisationDetailView{organisationView: viewOrganisation(o), People: people})
}

type organisationUpdate struct {
	organisationFields
	Version int `json:"version"`
}

func (s *Server) updateOrganisation(c *fiber.Ctx) error {
	id, err := pathID(c, "organisationId")
	if err != nil {
		return err
	}
	var r organisationUpdate
	if err := decode(c, &r); err != nil {
		return err
	}
	o, err := s.svc.Directory.Update(c.UserContext(), s.actor(principal(c)), id, r.Version, directory.Fields(r.organisationFields))
	if err != nil {
		return err
	}
	return c.JSON(viewOrganisation(o))
}
