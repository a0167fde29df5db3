package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

func (s *Server) workspaceRoutes(api fiber.Router) {
	api.Get("/workspaces", s.authed, s.listWorkspaces)
	api.Post("/workspaces", s.authed, s.createWorkspace)
	api.Get("/workspaces/:workspaceId", s.authed, s.getWorkspace)
	api.Patch("/workspaces/:workspaceId", s.authed, s.updateWorkspace)
	api.Get("/workspaces/:workspaceId/members", s.authed, s.listMembers)
	api.Patch("/workspaces/:workspaceId/members/:userId", s.authed, s.changeMemberRole)
	api.Delete("/workspaces/:workspaceId/members/:userId", s.authed, s.removeMember)
	api.Get("/workspaces/:workspaceId/invitations", s.authed, s.listInvitations)
	api.Post("/workspaces/:workspaceId/invitations", s.authed, s.createInvitation)
	api.Delete("/workspaces/:workspaceId/invitations/:invitationId", s.authed, s.revokeInvitation)
	api.Post("/workspaces/:workspaceId/invitations/:invitationId/resend", s.authed, s.resendInvitation)
	api.Get("/workspaces/:workspaceId/activity", s.authed, s.listActivity)
	api.Get("/invitations/:token", s.previewInvitation)
	api.Post("/invitations/:token/accept", s.acceptInvitation)
}

func (s *Server) listWorkspaces(c *fiber.Ctx) error {
	vs := s.svc.Workspaces.List(principal(c))
	out := make([]workspaceView, len(vs))
	for i, v := range vs {
		out[i] = viewWorkspace(v)
	}
	return c.JSON(out)
}

type workspaceFields struct {
	Name        *string `json:"name"`
	Kind        *string `json:"kind"`
	RegionID    *string `json:"regionId"`
	ELYCentreID *string `json:"elyCentreId"`
	Description *string `json:"description"`
}

func (s *Server) createWorkspace(c *fiber.Ctx) error {
	var r workspaceFields
	if err := decode(c, &r); err != nil {
		return err
	}
	v, err := s.svc.Workspaces.Create(c.UserContext(), principal(c), workspaces.Fields(r))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(viewWorkspace(v))
}

func (s *Server) getWorkspace(c *fiber.Ctx) error {
	id, err := pathID(c, "workspaceId")
	if err != nil {
		return err
	}
	v, err := s.svc.Workspaces.Get(principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(viewWorkspace(v))
}

type workspaceUpdate struct {
	Name        *string `json:"name"`
	RegionID    *string `json:"regionId"`
	ELYCentreID *string `json:"elyCentreId"`
	Description *string `json:"description"`
	Version     int     `json:"version"`
}

func (s *Server) updateWorkspace(c *fiber.Ctx) error {
	id, err := pathID(c, "workspaceId")
	if err != nil {
		return err
	}
	var r workspaceUpdate
	if err := decode(c, &r); err != nil {
		return err
	}
	f := workspaces.Fields{Name: r.Name, RegionID: r.RegionID, ELYCentreID: r.ELYCentreID, Description: r.Description}
	v, err := s.svc.Workspaces.Update(c.UserContext(), principal(c), id, r.Version, f)
	if err != nil {
		return err
	}
	return c.JSON(viewWorkspace(v))
}

func (s *Server) listMembers(c *fiber.Ctx) error {
	id, err := pathID(c, "workspaceId")
	if err != nil {
		return err
	}
	ms, err := s.svc.Workspaces.Members(principal(c), id)
	if err != nil {
		return err
	}
	out := make([]memberView, len(ms))
	for i, m := range ms {
		out[i] = viewMember(m)
	}
	return c.JSON(out)
}

type roleChange struct {
	Role string `json:"role"`
}

func (s *Server) changeMemberRole(c *fiber.Ctx) error {
	ws, user, err := pathIDs(c, "workspaceId", "userId")
	if err != nil {
		return err
	}
	var r roleChange
	if err := decode(c, &r); err != nil {
		return err
	}
	m, err := s.svc.Workspaces.ChangeRole(c.UserContext(), principal(c), ws, user, r.Role)
	if err != nil {
		return err
	}
	return c.JSON(viewMember(m))
}

func (s *Server) removeMember(c *fiber.Ctx) error {
	ws, user, err := pathIDs(c, "workspaceId", "userId")
	if err != nil {
		return err
	}
	if err := s.svc.Workspaces.RemoveMember(c.UserContext(), principal(c), ws, user); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) listInvitations(c *fiber.Ctx) error {
	id, err := pathID(c, "workspaceId")
	if err != nil {
		return err
	}
	invs, err := s.svc.Workspaces.Invitations(principal(c), id)
	if err != nil {
		return err
	}
	out := make([]invitationView, len(invs))
	for i, inv := range invs {
		out[i] = viewInvitation(inv)
	}
	return c.JSON(out)
}

type invitationInput struct {
	Email   string `json:"email"`
	Role    string `json:"role"`
	Message string `json:"message"`
}

func (s *Server) createInvitation(c *fiber.Ctx) error {
	id, err := pathID(c, "workspaceId")
	if err != nil {
		return err
	}
	var r invitationInput
	if err := decode(c, &r); err != nil {
		return err
	}
	inv, err := s.svc.Workspaces.Invite(c.UserContext(), principal(c), id, r.Email, r.Role, r.Message)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(viewInvitation(inv))
}

func (s *Server) revokeInvitation(c *fiber.Ctx) error {
	ws, inv, err := pathIDs(c, "workspaceId", "invitationId")
	if err != nil {
		return err
	}
	if err := s.svc.Workspaces.Revoke(c.UserContext(), principal(c), ws, inv); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) resendInvitation(c *fiber.Ctx) error {
	ws, id, err := pathIDs(c, "workspaceId", "invitationId")
	if err != nil {
		return err
	}
	inv, err := s.svc.Workspaces.Resend(c.UserContext(), principal(c), ws, id)
	if err != nil {
		return err
	}
	return c.JSON(viewInvitation(inv))
}

func (s *Server) listActivity(c *fiber.Ctx) error {
	id, err := pathID(c, "workspaceId")
	if err != nil {
		return err
	}
	before, err := queryInt(c, "before", 0, 1, 1<<53)
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", 30, 1, 100)
	if err != nil {
		return err
	}
	acts, next, err := s.svc.Workspaces.Feed(principal(c), id, int64(before), limit)
	if err != nil {
		return err
	}
	items := make([]activityView, len(acts))
	for i, a := range acts {
		items[i] = viewActivity(a)
	}
	out := fiber.Map{"items": items}
	if next > 0 {
		out["nextBefore"] = next
	}
	return c.JSON(out)
}

func (s *Server) previewInvitation(c *fiber.Ctx) error {
	pv, err := s.svc.Workspaces.Preview(c.Params("token"))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"workspaceId": pv.WorkspaceID, "workspaceName": pv.WorkspaceName, "email": pv.Email, "role": pv.Role, "invitedBy": pv.InvitedBy,
		"expiresAt": pv.ExpiresAt, "accountExists": pv.AccountExists})
}

type invitationAccept struct {
	Name     string `json:"name"`
	Password string `json:"password"`
	Language string `json:"language"`
}

// acceptInvitation joins with the signed-in account, or creates one from the body.
// Either way the answer signs the person in, like a login.
func (s *Server) acceptInvitation(c *fiber.Ctx) error {
	var r invitationAccept
	if err := decode(c, &r); err != nil {
		return err
	}
	p, signedIn, err := s.bearer(c)
	if err != nil {
		return err
	}
	var who *accounts.Principal
	if signedIn {
		who = &p
	}
	userID, _, err := s.svc.Workspaces.Accept(c.UserContext(), who, c.Params("token"), accounts.NewUser{Name: r.Name, Password: r.Password, Language: r.Language})
	if err != nil {
		return err
	}
	in, err := s.svc.Accounts.StartSession(c.UserContext(), userID)
	if err != nil {
		return apperr.Wrap(err, "sign in after joining")
	}
	return s.session(c, fiber.StatusOK, in)
}
