package workspaces

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// InvitationView is an invitation as a coordinator sees it.
type InvitationView struct {
	Invitation
	State         string // pending, accepted, revoked or expired
	InvitedByName string
}

// Preview is what an invitation link shows before it is accepted.
type Preview struct {
	WorkspaceID, WorkspaceName, Email, Role, InvitedBy string
	ExpiresAt                                          time.Time
	AccountExists                                      bool
}

func (s *Service) state(inv Invitation) string {
	if inv.Status == Pending && s.now().After(inv.ExpiresAt) {
		return Expired
	}
	return inv.Status
}

func (s *Service) invitationView(inv Invitation) InvitationView {
	u, _ := s.d.Accounts.User(inv.InvitedBy)
	return InvitationView{Invitation: inv, State: s.state(inv), InvitedByName: u.Name}
}

// Invitations lists a workspace's pending and expired invitations, newest first.
func (s *Service) Invitations(p accounts.Principal, workspaceID string) ([]InvitationView, error) {
	if _, err := s.managed(p, workspaceID); err != nil {
		return nil, err
	}
	s.mu.RLock()
	var out []InvitationView
	for _, inv := range s.invitations {
		if inv.WorkspaceID == workspaceID && inv.Status == Pending {
			out = append(out, s.invitationView(inv))
		}
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	return out, nil
}

// Invite emails a single-use link to join the workspace with a role.
func (s *Service) Invite(ctx context.Context, p accounts.Principal, workspaceID, email, role, note string) (InvitationView, error) {
	email, err := accounts.NormalizeEmail("email", email)
	if err != nil {
		return InvitationView{}, err
	}
	if !ValidRole(role) {
		return InvitationView{}, apperr.Invalid("role", "role is coordinator, member or observer")
	}
	if note, err = record.Text("message", note, 0, 2000); err != nil {
		return InvitationView{}, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	w, err := s.managed(p, workspaceID)
	if err != nil {
		return InvitationView{}, err
	}
	if u, ok := s.d.Accounts.UserByEmail(email); ok && s.Role(u.ID, workspaceID) != "" {
		return InvitationView{}, apperr.New(apperr.AlreadyMember, "this person is already a member")
	}
	raw, hash := accounts.NewSecret()
	now := s.now().UTC()
	inv := Invitation{ID: record.New(), WorkspaceID: workspaceID, Email: email, Role: role, TokenHash: hash,
		InvitedBy: p.UserID, Status: Pending, CreatedAt: now, ExpiresAt: now.Add(s.d.InvitationTTL), Version: 1}
	if err := s.st.Invitations.Insert(ctx, inv); err != nil {
		return InvitationView{}, err
	}
	s.mu.Lock()
	s.putInvitationLocked(inv)
	s.mu.Unlock()
	if err := s.sendInvitation(ctx, p, w, inv, raw, note); err != nil {
		return InvitationView{}, err
	}
	s.record(ctx, p, workspaceID, VerbInvitationSent, email, role)
	return s.invitationView(inv), nil
}

func (s *Service) invitation(workspaceID, id string) (Invitation, error) {
	if !record.Valid(id) {
		return Invitation{}, apperr.New(apperr.InvalidID, "not a valid id")
	}
	s.mu.RLock()
	inv, ok := s.invitations[id]
	s.mu.RUnlock()
	if !ok || inv.WorkspaceID != workspaceID {
		return inv, apperr.New(apperr.NotFound, "no such invitation")
	}
	return inv, nil
}

func (s *Service) replaceInvitation(ctx context.Context, old, next Invitation) error {
	next.Version = old.Version + 1
	if err := s.st.Invitations.Replace(ctx, old.ID, old.Version, next); err != nil {
		return err
	}
	s.mu.Lock()
	s.putInvitationLocked(next)
	s.mu.Unlock()
	return nil
}

// Resend sends a new link (the old one stops working) that works for the full time again.
func (s *Service) Resend(ctx context.Context, p accounts.Principal, workspaceID, id string) (InvitationView, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	w, err := s.managed(p, workspaceID)
	if err != nil {
		return InvitationView{}, err
	}
	inv, err := s.invitation(workspaceID, id)
	if err != nil {
		return InvitationView{}, err
	}
	if err := s.usable(inv, false); err != nil {
		return InvitationView{}, err
	}
	raw, hash := accounts.NewSecret()
	next := inv
	next.TokenHash, next.ExpiresAt = hash, s.now().UTC().Add(s.d.InvitationTTL)
	if err := s.replaceInvitation(ctx, inv, next); err != nil {
		return InvitationView{}, err
	}
	if err := s.sendInvitation(ctx, p, w, next, raw, ""); err != nil {
		return InvitationView{}, err
	}
	s.record(ctx, p, workspaceID, VerbInvitationResent, inv.Email, inv.Role)
	return s.invitationView(next), nil
}

// Revoke cancels an invitation; its link stops working.
func (s *Service) Revoke(ctx context.Context, p accounts.Principal, workspaceID, id string) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, err := s.managed(p, workspaceID); err != nil {
		return err
	}
	inv, err := s.invitation(workspaceID, id)
	if err != nil {
		return err
	}
	if err := s.usable(inv, false); err != nil {
		return err
	}
	next := inv
	next.Status = Revoked
	if err := s.replaceInvitation(ctx, inv, next); err != nil {
		return err
	}
	s.record(ctx, p, workspaceID, VerbInvitationRevoked, inv.Email, "")
	return nil
}

// usable checks an invitation can still be acted on; checkExpiry for the invitee's side
// (a coordinator may resend an expired one).
func (s *Service) usable(inv Invitation, checkExpiry bool) error {
	switch s.state(inv) {
	case Accepted:
		return apperr.New(apperr.InvitationUsed, "this invitation has already been used")
	case Revoked:
		return apperr.New(apperr.InvitationRevoked, "this invitation was cancelled")
	case Expired:
		if checkExpiry {
			return apperr.New(apperr.InvitationExpired, "this invitation has expired; ask the coordinator for a new one")
		}
	}
	return nil
}

// byLink finds the invitation of a link. Used and revoked links are told apart from unknown ones.
func (s *Service) byLink(token string) (Invitation, error) {
	if !accounts.ValidSecret(token) {
		return Invitation{}, apperr.New(apperr.InvitationInvalid, "this invitation link is not valid")
	}
	hash := accounts.HashSecret(token)
	s.mu.RLock()
	defer s.mu.RUnlock()
	if id, ok := s.byToken[hash]; ok {
		return s.invitations[id], nil
	}
	for _, inv := range s.invitations { // a used or revoked link: say which
		if inv.TokenHash == hash {
			return inv, nil
		}
	}
	return Invitation{}, apperr.New(apperr.InvitationInvalid, "this invitation link is not valid")
}

// Preview tells what an invitation link is for. Anyone holding the link may see it.
func (s *Service) Preview(token string) (Preview, error) {
	inv, err := s.byLink(token)
	if err != nil {
		return Preview{}, err
	}
	if err := s.usable(inv, true); err != nil {
		return Preview{}, err
	}
	s.mu.RLock()
	w := s.workspaces[inv.WorkspaceID]
	s.mu.RUnlock()
	inviter, _ := s.d.Accounts.User(inv.InvitedBy)
	_, exists := s.d.Accounts.UserByEmail(inv.Email)
	return Preview{WorkspaceID: w.ID, WorkspaceName: w.Name, Email: inv.Email, Role: inv.Role, InvitedBy: inviter.Name,
		ExpiresAt: inv.ExpiresAt, AccountExists: exists}, nil
}

// Accept joins the workspace. A signed-in person (p not nil) joins with their account, which
// must have the invited email; otherwise a new account is made from nu. It returns the user id
// and workspace id; the caller signs the person in.
func (s *Service) Accept(ctx context.Context, p *accounts.Principal, token string, nu accounts.NewUser) (string, string, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	inv, err := s.byLink(token)
	if err != nil {
		return "", "", err
	}
	if err := s.usable(inv, true); err != nil {
		return "", "", err
	}
	var user accounts.User
	if p != nil {
		user, _ = s.d.Accounts.User(p.UserID)
		if user.Email != inv.Email {
			return "", "", apperr.New(apperr.InvitationEmailMismatch, "this invitation was sent to another email address; sign in with that account")
		}
	} else {
		if _, exists := s.d.Accounts.UserByEmail(inv.Email); exists {
			return "", "", apperr.New(apperr.EmailTaken, "an account with this email already exists; sign in to accept")
		}
		nu.Email = inv.Email
		if user, err = s.d.Accounts.CreateUser(ctx, nu); err != nil {
			return "", "", err
		}
	}
	if s.Role(user.ID, inv.WorkspaceID) != "" {
		return "", "", apperr.New(apperr.AlreadyMember, "you are already a member of this workspace")
	}
	next := inv
	next.Status = Accepted
	if err := s.replaceInvitation(ctx, inv, next); err != nil {
		return "", "", err
	}
	if _, err := s.join(ctx, inv.WorkspaceID, user.ID, inv.Role); err != nil {
		return "", "", err
	}
	s.record(ctx, accounts.Principal{UserID: user.ID}, inv.WorkspaceID, VerbMemberJoined, user.Name, inv.Role)
	return user.ID, inv.WorkspaceID, nil
}

// sendInvitation emails the link. The invitee's language is not known yet, so the message is
// in Finnish, Swedish and English, as bilingual public bodies in Finland write.
func (s *Service) sendInvitation(ctx context.Context, p accounts.Principal, w Workspace, inv Invitation, raw, note string) error {
	inviter, _ := s.d.Accounts.User(p.UserID)
	link := s.d.PublicURL + "/invitations/" + raw
	days := max(1, int(s.d.InvitationTTL.Hours()/24))
	var b strings.Builder
	fmt.Fprintf(&b, "%s kutsuu sinut ELO-työtilaan \"%s\".\n%s bjuder in dig till ELO-arbetsrummet \"%s\".\n%s invites you to the ELO Workspace \"%s\".\n\n",
		inviter.Name, w.Name, inviter.Name, w.Name, inviter.Name, w.Name)
	if note != "" {
		fmt.Fprintf(&b, "%s\n\n", note)
	}
	fmt.Fprintf(&b, "%s\n\n", link)
	fmt.Fprintf(&b, "Linkki toimii %d päivää ja kerran. / Länken gäller i %d dagar och en gång. / The link works for %d days, once.\n", days, days, days)
	subject := fmt.Sprintf("Kutsu / Inbjudan / Invitation: %s", w.Name)
	if err := s.d.Mail.Send(ctx, inv.Email, subject, b.String()); err != nil {
		return apperr.Wrap(err, "send invitation email")
	}
	return nil
}
