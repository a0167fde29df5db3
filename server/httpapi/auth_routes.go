package httpapi

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
)

const refreshCookie = "elo_refresh"

func (s *Server) authRoutes(api fiber.Router) {
	api.Get("/setup", func(c *fiber.Ctx) error {
		return c.JSON(fiber.Map{"needed": s.svc.Accounts.SetupNeeded()})
	})
	api.Post("/setup", s.completeSetup)
	api.Post("/auth/login", s.login)
	api.Post("/auth/refresh", s.refresh)
	api.Post("/auth/logout", s.logout)
	api.Post("/auth/password-reset", s.requestReset)
	api.Post("/auth/password-reset/confirm", s.confirmReset)
	api.Get("/me", s.authed, s.getMe)
	api.Patch("/me", s.authed, s.updateMe)
	api.Post("/me/password", s.authed, s.changePassword)
	api.Get("/users", s.authed, s.listUsers)
	api.Post("/users/:userId/revoke-sessions", s.authed, s.revokeSessions)
}

// authed requires a valid access token and puts the principal in the request.
func (s *Server) authed(c *fiber.Ctx) error {
	p, ok, err := s.bearer(c)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.New(apperr.Unauthenticated, "sign in first")
	}
	c.Locals("principal", p)
	return c.Next()
}

// bearer reads an optional bearer token: ok is false when there is none.
func (s *Server) bearer(c *fiber.Ctx) (accounts.Principal, bool, error) {
	h := c.Get(fiber.HeaderAuthorization)
	if h == "" {
		return accounts.Principal{}, false, nil
	}
	tok, found := strings.CutPrefix(h, "Bearer ")
	if !found {
		return accounts.Principal{}, false, apperr.New(apperr.TokenInvalid, "the Authorization header must be 'Bearer <token>'")
	}
	p, err := s.svc.Accounts.Authenticate(tok)
	return p, err == nil, err
}

func principal(c *fiber.Ctx) accounts.Principal {
	p, _ := c.Locals("principal").(accounts.Principal)
	return p
}

func (s *Server) setRefreshCookie(c *fiber.Ctx, raw string, expires time.Time) {
	c.Cookie(&fiber.Cookie{
		Name: refreshCookie, Value: raw, Path: "/api/v1/auth", Expires: expires,
		HTTPOnly: true, Secure: s.opt.SecureCookie, SameSite: fiber.CookieSameSiteStrictMode,
	})
}

func (s *Server) clearRefreshCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{
		Name: refreshCookie, Value: "", Path: "/api/v1/auth", Expires: time.Unix(0, 0), MaxAge: -1,
		HTTPOnly: true, Secure: s.opt.SecureCookie, SameSite: fiber.CookieSameSiteStrictMode,
	})
}

// session answers a sign-in: the access token in the body, the refresh token in the cookie.
func (s *Server) session(c *fiber.Ctx, status int, in accounts.SignIn) error {
	s.setRefreshCookie(c, in.RefreshToken, in.RefreshExpiresAt)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(status).JSON(sessionView{AccessToken: in.AccessToken, ExpiresAt: in.ExpiresAt, User: s.me(in.User)})
}

type setupRequest struct {
	Token    string `json:"token"`
	Name     string `json:"name"`
	Email    string `json:"email"`
	Password string `json:"password"`
	Language string `json:"language"`
}

func (s *Server) completeSetup(c *fiber.Ctx) error {
	var r setupRequest
	if err := decode(c, &r); err != nil {
		return err
	}
	in, err := s.svc.Accounts.CompleteSetup(c.UserContext(), r.Token, accounts.NewUser{Email: r.Email, Name: r.Name, Password: r.Password, Language: r.Language})
	if err != nil {
		return err
	}
	s.log.Info("first platform administrator created", "user", in.User.ID)
	return s.session(c, fiber.StatusCreated, in)
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (s *Server) login(c *fiber.Ctx) error {
	var r loginRequest
	if err := decode(c, &r); err != nil {
		return err
	}
	if r.Email == "" || r.Password == "" {
		return apperr.Invalid("email", "email and password are required")
	}
	in, err := s.svc.Accounts.Login(c.UserContext(), r.Email, r.Password, c.IP())
	if err != nil {
		return err
	}
	return s.session(c, fiber.StatusOK, in)
}

func (s *Server) refresh(c *fiber.Ctx) error {
	in, err := s.svc.Accounts.Refresh(c.UserContext(), c.Cookies(refreshCookie))
	if err != nil {
		if apperr.Is(err, apperr.TokenInvalid) {
			s.clearRefreshCookie(c)
		}
		return err
	}
	return s.session(c, fiber.StatusOK, in)
}

func (s *Server) logout(c *fiber.Ctx) error {
	if err := s.svc.Accounts.Logout(c.UserContext(), c.Cookies(refreshCookie)); err != nil {
		return err
	}
	s.clearRefreshCookie(c)
	return c.SendStatus(fiber.StatusNoContent)
}

type resetRequest struct {
	Email string `json:"email"`
}

func (s *Server) requestReset(c *fiber.Ctx) error {
	var r resetRequest
	if err := decode(c, &r); err != nil {
		return err
	}
	if err := s.svc.Accounts.RequestPasswordReset(c.UserContext(), r.Email, c.IP()); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusAccepted)
}

type resetConfirm struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

func (s *Server) confirmReset(c *fiber.Ctx) error {
	var r resetConfirm
	if err := decode(c, &r); err != nil {
		return err
	}
	if err := s.svc.Accounts.ConfirmPasswordReset(c.UserContext(), r.Token, r.Password); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) getMe(c *fiber.Ctx) error {
	u, ok := s.svc.Accounts.User(principal(c).UserID)
	if !ok {
		return apperr.New(apperr.Unauthenticated, "sign in again")
	}
	return c.JSON(s.me(u))
}

type profileUpdate struct {
	Name              *string `json:"name"`
	Title             *string `json:"title"`
	OrganisationID    *string `json:"organisationId"`
	Language          *string `json:"language"`
	NotificationEmail *string `json:"notificationEmail"`
}

func (s *Server) updateMe(c *fiber.Ctx) error {
	var r profileUpdate
	if err := decode(c, &r); err != nil {
		return err
	}
	u, err := s.svc.Accounts.UpdateProfile(c.UserContext(), principal(c), accounts.ProfileUpdate(r))
	if err != nil {
		return err
	}
	return c.JSON(s.me(u))
}

type passwordChange struct {
	CurrentPassword string `json:"currentPassword"`
	NewPassword     string `json:"newPassword"`
}

func (s *Server) changePassword(c *fiber.Ctx) error {
	var r passwordChange
	if err := decode(c, &r); err != nil {
		return err
	}
	if err := s.svc.Accounts.ChangePassword(c.UserContext(), principal(c), r.CurrentPassword, r.NewPassword); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) listUsers(c *fiber.Ctx) error {
	us, err := s.svc.Accounts.Users(principal(c))
	if err != nil {
		return err
	}
	out := make([]userView, len(us))
	for i, u := range us {
		out[i] = viewUser(u)
	}
	return c.JSON(out)
}

func (s *Server) revokeSessions(c *fiber.Ctx) error {
	id, err := pathID(c, "userId")
	if err != nil {
		return err
	}
	if err := s.svc.Accounts.RevokeSessions(c.UserContext(), principal(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
