package httpapi

import (
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/directory"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// The JSON shapes of the OpenAPI document (components.schemas).

type userView struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Email          string `json:"email"`
	Title          string `json:"title"`
	OrganisationID string `json:"organisationId,omitempty"`
	Language       string `json:"language"`
	IsAdmin        bool   `json:"isAdmin"`
}

func viewUser(u accounts.User) userView {
	return userView{ID: u.ID, Name: u.Name, Email: u.Email, Title: u.Title, OrganisationID: u.OrganisationID, Language: u.Language, IsAdmin: u.IsAdmin}
}

type membershipView struct {
	WorkspaceID string `json:"workspaceId"`
	Role        string `json:"role"`
}

type meView struct {
	userView
	NotificationEmail string           `json:"notificationEmail"`
	IsNational        bool             `json:"isNational"`
	Version           int              `json:"version"`
	Memberships       []membershipView `json:"memberships"`
}

func (s *Server) me(u accounts.User) meView {
	v := meView{userView: viewUser(u), NotificationEmail: u.NotificationEmail, Version: u.Version,
		IsNational: s.svc.Workspaces.IsNational(u.ID), Memberships: []membershipView{}}
	for w, r := range s.svc.Workspaces.Roles(u.ID) {
		v.Memberships = append(v.Memberships, membershipView{WorkspaceID: w, Role: r})
	}
	return v
}

type sessionView struct {
	AccessToken string    `json:"accessToken"`
	ExpiresAt   time.Time `json:"expiresAt"`
	User        meView    `json:"user"`
}

type referenceItemView struct {
	ID       string        `json:"id"`
	Code     string        `json:"code"`
	Names    refdata.Names `json:"names"`
	Archived bool          `json:"archived"`
	Order    int           `json:"order"`
	Version  int           `json:"version"`
}

func viewItem(it refdata.Item) referenceItemView {
	return referenceItemView{ID: it.ID, Code: it.Code, Names: it.Names, Archived: it.Archived, Order: it.Order, Version: it.Version}
}

type organisationView struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Type        string   `json:"type"`
	RegionID    string   `json:"regionId"`
	Description string   `json:"description"`
	Services    []string `json:"services"`
	Website     string   `json:"website"`
	Version     int      `json:"version"`
}

func viewOrganisation(o directory.Organisation) organisationView {
	services := o.Services
	if services == nil {
		services = []string{}
	}
	return organisationView{ID: o.ID, Name: o.Name, Type: o.Type, RegionID: o.RegionID, Description: o.Description,
		Services: services, Website: o.Website, Version: o.Version}
}

type personView struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Title string `json:"title"`
}

type organisationDetailView struct {
	organisationView
	People []personView `json:"people"`
}

type workspaceView struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	RegionID    string `json:"regionId"`
	ELYCentreID string `json:"elyCentreId"`
	Description string `json:"description"`
	MemberCount int    `json:"memberCount"`
	MyRole      string `json:"myRole,omitempty"`
	CanManage   bool   `json:"canManage"`
	Version     int    `json:"version"`
}

func viewWorkspace(v workspaces.View) workspaceView {
	return workspaceView{ID: v.ID, Name: v.Name, Kind: v.Kind, RegionID: v.RegionID, ELYCentreID: v.ELYCentreID,
		Description: v.Description, MemberCount: v.MemberCount, MyRole: v.MyRole, CanManage: v.CanManage, Version: v.Version}
}

type memberView struct {
	UserID           string    `json:"userId"`
	Name             string    `json:"name"`
	Email            string    `json:"email"`
	Title            string    `json:"title"`
	OrganisationID   string    `json:"organisationId"`
	OrganisationName string    `json:"organisationName"`
	Role             string    `json:"role"`
	JoinedAt         time.Time `json:"joinedAt"`
}

func viewMember(m workspaces.Member) memberView {
	return memberView{UserID: m.UserID, Name: m.Name, Email: m.Email, Title: m.Title, OrganisationID: m.OrganisationID,
		OrganisationName: m.OrganisationName, Role: m.Role, JoinedAt: m.JoinedAt}
}

type invitationView struct {
	ID          string    `json:"id"`
	WorkspaceID string    `json:"workspaceId"`
	Email       string    `json:"email"`
	Role        string    `json:"role"`
	Status      string    `json:"status"`
	InvitedBy   string    `json:"invitedBy"`
	CreatedAt   time.Time `json:"createdAt"`
	ExpiresAt   time.Time `json:"expiresAt"`
}

func viewInvitation(v workspaces.InvitationView) invitationView {
	return invitationView{ID: v.ID, WorkspaceID: v.WorkspaceID, Email: v.Email, Role: v.Role, Status: v.State,
		InvitedBy: v.InvitedByName, CreatedAt: v.CreatedAt, ExpiresAt: v.ExpiresAt}
}

type activityView struct {
	Seq         int64     `json:"seq"`
	WorkspaceID string    `json:"workspaceId"`
	ActorID     string    `json:"actorId"`
	ActorName   string    `json:"actorName"`
	Verb        string    `json:"verb"`
	Subject     string    `json:"subject"`
	Detail      string    `json:"detail,omitempty"`
	At          time.Time `json:"at"`
}

func viewActivity(a workspaces.Activity) activityView {
	return activityView{Seq: a.Seq, WorkspaceID: a.WorkspaceID, ActorID: a.ActorID, ActorName: a.ActorName,
		Verb: a.Verb, Subject: a.Subject, Detail: a.Detail, At: a.At}
}
