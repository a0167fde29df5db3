// Package workspaces holds the group workspaces (one per regional ELO group and one for the
// national group), their memberships and roles, invitations, and each group's activity feed.
package workspaces

import (
	"context"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
)

// Kinds of workspace.
const (
	Regional = "regional"
	National = "national"
)

// Roles in a workspace.
const (
	RoleCoordinator = "coordinator" // manages the group
	RoleMember      = "member"      // edits
	RoleObserver    = "observer"    // reads
)

// ValidRole reports whether r is a role.
func ValidRole(r string) bool { return r == RoleCoordinator || r == RoleMember || r == RoleObserver }

// Workspace is a group's shared space.
type Workspace struct {
	ID          string    `bson:"_id"`
	Name        string    `bson:"name"`
	Kind        string    `bson:"kind"`
	RegionID    string    `bson:"regionId"`
	ELYCentreID string    `bson:"elyCentreId"` // the coordinating ELY centre, an organisation
	Description string    `bson:"description"`
	CreatedAt   time.Time `bson:"createdAt"`
	Version     int       `bson:"version"`
}

// Membership says a person belongs to a workspace with a role.
type Membership struct {
	ID          string    `bson:"_id"`
	WorkspaceID string    `bson:"workspaceId"`
	UserID      string    `bson:"userId"`
	Role        string    `bson:"role"`
	JoinedAt    time.Time `bson:"joinedAt"`
	Version     int       `bson:"version"`
}

// Invitation states. Expired is not stored: a pending invitation past ExpiresAt is expired.
const (
	Pending  = "pending"
	Accepted = "accepted"
	Revoked  = "revoked"
	Expired  = "expired"
)

// Invitation is an emailed, single-use link to join a workspace with a role.
type Invitation struct {
	ID          string    `bson:"_id"`
	WorkspaceID string    `bson:"workspaceId"`
	Email       string    `bson:"email"`
	Role        string    `bson:"role"`
	TokenHash   string    `bson:"tokenHash"`
	InvitedBy   string    `bson:"invitedBy"` // user id
	Status      string    `bson:"status"`
	CreatedAt   time.Time `bson:"createdAt"`
	ExpiresAt   time.Time `bson:"expiresAt"`
	Version     int       `bson:"version"`
}

// Activity is one entry of a group's append-only activity feed: who did what, when.
// Later features (plans, forums) write into it too.
type Activity struct {
	ID          string    `bson:"_id"`
	Seq         int64     `bson:"seq"`
	WorkspaceID string    `bson:"workspaceId"`
	ActorID     string    `bson:"actorId"`
	ActorName   string    `bson:"actorName"`
	Verb        string    `bson:"verb"`
	Subject     string    `bson:"subject"`
	Detail      string    `bson:"detail"`
	At          time.Time `bson:"at"`
}

// Activity verbs written by this package.
const (
	VerbWorkspaceCreated  = "workspace_created"
	VerbWorkspaceUpdated  = "workspace_updated"
	VerbMemberJoined      = "member_joined"
	VerbMemberRemoved     = "member_removed"
	VerbRoleChanged       = "role_changed"
	VerbInvitationSent    = "invitation_sent"
	VerbInvitationResent  = "invitation_resent"
	VerbInvitationRevoked = "invitation_revoked"
)

// View is a workspace as one person sees it.
type View struct {
	Workspace
	MemberCount int
	MyRole      string // "" when the person only reads it (national group, administrator)
	CanManage   bool
}

// Member is a membership with the person's details.
type Member struct {
	Membership
	Name, Email, Title, OrganisationID, OrganisationName string
}

// Fields are the editable fields of a workspace; nil leaves one as it is.
type Fields struct {
	Name        *string
	Kind        *string
	RegionID    *string
	ELYCentreID *string
	Description *string
}

// Accounts is what the service needs of people's accounts.
type Accounts interface {
	User(id string) (accounts.User, bool)
	UserByEmail(email string) (accounts.User, bool)
	CreateUser(ctx context.Context, nu accounts.NewUser) (accounts.User, error)
}

// Organisations names the organisations people and workspaces point at.
type Organisations interface {
	Name(organisationID string) string
	Exists(organisationID string) bool
}

// Regions tells whether an id is a region.
type Regions interface {
	IsRegion(id string) bool
}

// Mailer sends an email.
type Mailer interface {
	Send(ctx context.Context, to, subject, body string) error
}
