package workspaces

import (
	"context"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// Stores are the durable tables of the service.
type Stores struct {
	Workspaces  record.Table[Workspace]
	Memberships record.Table[Membership]
	Invitations record.Table[Invitation]
	Activity    record.Table[Activity]
}

// Deps are the other services this one asks.
type Deps struct {
	Accounts      Accounts
	Organisations Organisations
	Regions       Regions
	Mail          Mailer
	PublicURL     string
	InvitationTTL time.Duration // how long an invitation link works
	Log           *slog.Logger
}

// Service serves workspaces from memory; changes are stored first. wmu serialises writers.
type Service struct {
	st  Stores
	d   Deps
	now func() time.Time

	wmu         sync.Mutex
	mu          sync.RWMutex
	workspaces  map[string]Workspace
	members     map[string]map[string]Membership // workspace id -> user id -> membership
	byUser      map[string]map[string]string     // user id -> workspace id -> role
	invitations map[string]Invitation
	byToken     map[string]string     // token hash -> invitation id
	activity    map[string][]Activity // workspace id -> entries, oldest first
	seq         int64
}

// New makes the service; call Load before use.
func New(st Stores, d Deps) *Service { return &Service{st: st, d: d, now: time.Now} }

// Load reads the working set.
func (s *Service) Load(ctx context.Context) error {
	wss, err := s.st.Workspaces.All(ctx)
	if err != nil {
		return err
	}
	mss, err := s.st.Memberships.All(ctx)
	if err != nil {
		return err
	}
	invs, err := s.st.Invitations.All(ctx)
	if err != nil {
		return err
	}
	acts, err := s.st.Activity.All(ctx)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.workspaces, s.members, s.byUser = map[string]Workspace{}, map[string]map[string]Membership{}, map[string]map[string]string{}
	s.invitations, s.byToken, s.activity = map[string]Invitation{}, map[string]string{}, map[string][]Activity{}
	for _, w := range wss {
		s.workspaces[w.ID] = w
	}
	for _, m := range mss {
		s.putMemberLocked(m)
	}
	for _, inv := range invs {
		s.putInvitationLocked(inv)
	}
	sort.Slice(acts, func(i, j int) bool { return acts[i].Seq < acts[j].Seq })
	for _, a := range acts {
		s.activity[a.WorkspaceID] = append(s.activity[a.WorkspaceID], a)
		s.seq = max(s.seq, a.Seq)
	}
	return nil
}

func (s *Service) putMemberLocked(m Membership) {
	if s.members[m.WorkspaceID] == nil {
		s.members[m.WorkspaceID] = map[string]Membership{}
	}
	if s.byUser[m.UserID] == nil {
		s.byUser[m.UserID] = map[string]string{}
	}
	s.members[m.WorkspaceID][m.UserID] = m
	s.byUser[m.UserID][m.WorkspaceID] = m.Role
}

func (s *Service) putInvitationLocked(inv Invitation) {
	if old, ok := s.invitations[inv.ID]; ok {
		delete(s.byToken, old.TokenHash)
	}
	s.invitations[inv.ID] = inv
	if inv.Status == Pending {
		s.byToken[inv.TokenHash] = inv.ID
	}
}

// --- who may do what ---------------------------------------------------------------------

// Role is the person's role in the workspace, "" when not a member.
func (s *Service) Role(userID, workspaceID string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.byUser[userID][workspaceID]
}

// Roles maps each workspace the person belongs to to their role there.
func (s *Service) Roles(userID string) map[string]string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[string]string, len(s.byUser[userID]))
	for w, r := range s.byUser[userID] {
		out[w] = r
	}
	return out
}

// IsCoordinator reports whether the person coordinates at least one group.
func (s *Service) IsCoordinator(userID string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, r := range s.byUser[userID] {
		if r == RoleCoordinator {
			return true
		}
	}
	return false
}

// IsNational reports whether the person belongs to the national group, which reads every workspace.
func (s *Service) IsNational(userID string) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for w := range s.byUser[userID] {
		if s.workspaces[w].Kind == National {
			return true
		}
	}
	return false
}

// CanRead: members, national-group members and platform administrators read a workspace.
func (s *Service) CanRead(p accounts.Principal, workspaceID string) bool {
	return p.IsAdmin || s.Role(p.UserID, workspaceID) != "" || s.IsNational(p.UserID)
}

// CanEdit: coordinators and members change a workspace's content; observers and readers do not.
func (s *Service) CanEdit(p accounts.Principal, workspaceID string) bool {
	r := s.Role(p.UserID, workspaceID)
	return r == RoleCoordinator || r == RoleMember
}

// CanManage: coordinators and platform administrators manage a workspace's people.
func (s *Service) CanManage(p accounts.Principal, workspaceID string) bool {
	return p.IsAdmin || s.Role(p.UserID, workspaceID) == RoleCoordinator
}

// workspace returns the workspace if p may read it: not_found when it does not exist,
// forbidden when p may not read it.
func (s *Service) workspace(p accounts.Principal, id string) (Workspace, error) {
	if !record.Valid(id) {
		return Workspace{}, apperr.New(apperr.InvalidID, "not a valid id")
	}
	s.mu.RLock()
	w, ok := s.workspaces[id]
	s.mu.RUnlock()
	if !ok {
		return Workspace{}, apperr.New(apperr.NotFound, "no such workspace")
	}
	if !s.CanRead(p, id) {
		return Workspace{}, apperr.New(apperr.Forbidden, "you are not a member of this workspace")
	}
	return w, nil
}

func (s *Service) managed(p accounts.Principal, id string) (Workspace, error) {
	w, err := s.workspace(p, id)
	if err != nil {
		return w, err
	}
	if !s.CanManage(p, id) {
		return w, apperr.New(apperr.Forbidden, "only the group's coordinators manage its members")
	}
	return w, nil
}

// --- workspaces ---------------------------------------------------------------------------

func (s *Service) view(p accounts.Principal, w Workspace) View {
	s.mu.RLock()
	n := len(s.members[w.ID])
	s.mu.RUnlock()
	return View{Workspace: w, MemberCount: n, MyRole: s.Role(p.UserID, w.ID), CanManage: s.CanManage(p, w.ID)}
}

// List returns the workspaces p belongs to; administrators and the national group see all.
// National first, then by name.
func (s *Service) List(p accounts.Principal) []View {
	all := p.IsAdmin || s.IsNational(p.UserID)
	mine := s.Roles(p.UserID)
	s.mu.RLock()
	var ws []Workspace
	for _, w := range s.workspaces {
		if _, member := mine[w.ID]; all || member {
			ws = append(ws, w)
		}
	}
	s.mu.RUnlock()
	sort.Slice(ws, func(i, j int) bool {
		if (ws[i].Kind == National) != (ws[j].Kind == National) {
			return ws[i].Kind == National
		}
		return ws[i].Name < ws[j].Name
	})
	out := make([]View, len(ws))
	for i, w := range ws {
		out[i] = s.view(p, w)
	}
	return out
}

// Get returns one workspace.
func (s *Service) Get(p accounts.Principal, id string) (View, error) {
	w, err := s.workspace(p, id)
	if err != nil {
		return View{}, err
	}
	return s.view(p, w), nil
}

func (s *Service) apply(w Workspace, f Fields) (Workspace, error) {
	var err error
	if f.Name != nil {
		if w.Name, err = record.Text("name", *f.Name, 1, 200); err != nil {
			return w, err
		}
	}
	if f.Kind != nil {
		if *f.Kind != Regional && *f.Kind != National {
			return w, apperr.Invalid("kind", "kind is regional or national")
		}
		w.Kind = *f.Kind
	}
	if f.RegionID != nil {
		if *f.RegionID != "" && !s.d.Regions.IsRegion(*f.RegionID) {
			return w, apperr.Invalid("regionId", "no such region")
		}
		w.RegionID = *f.RegionID
	}
	if f.ELYCentreID != nil {
		if *f.ELYCentreID != "" && !s.d.Organisations.Exists(*f.ELYCentreID) {
			return w, apperr.Invalid("elyCentreId", "no such organisation")
		}
		w.ELYCentreID = *f.ELYCentreID
	}
	if f.Description != nil {
		if w.Description, err = record.Text("description", *f.Description, 0, 4000); err != nil {
			return w, err
		}
	}
	return w, nil
}

// Create makes a workspace (platform administrators only).
func (s *Service) Create(ctx context.Context, p accounts.Principal, f Fields) (View, error) {
	if !p.IsAdmin {
		return View{}, apperr.New(apperr.Forbidden, "only platform administrators create workspaces")
	}
	if f.Name == nil || f.Kind == nil {
		return View{}, apperr.Invalid("name", "name and kind are required")
	}
	w, err := s.apply(Workspace{ID: record.New(), CreatedAt: s.now().UTC(), Version: 1}, f)
	if err != nil {
		return View{}, err
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.st.Workspaces.Insert(ctx, w); err != nil {
		return View{}, err
	}
	s.mu.Lock()
	s.workspaces[w.ID] = w
	s.mu.Unlock()
	s.record(ctx, p, w.ID, VerbWorkspaceCreated, w.Name, "")
	return s.view(p, w), nil
}

// Update changes a workspace at version (its coordinators and administrators).
func (s *Service) Update(ctx context.Context, p accounts.Principal, id string, version int, f Fields) (View, error) {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	w, err := s.managed(p, id)
	if err != nil {
		return View{}, err
	}
	if version != w.Version {
		return View{}, apperr.New(apperr.VersionConflict, "the workspace was changed by someone else; reload it")
	}
	f.Kind = nil // a group does not turn into the national group
	next, err := s.apply(w, f)
	if err != nil {
		return View{}, err
	}
	next.Version = w.Version + 1
	if err := s.st.Workspaces.Replace(ctx, id, w.Version, next); err != nil {
		return View{}, err
	}
	s.mu.Lock()
	s.workspaces[id] = next
	s.mu.Unlock()
	s.record(ctx, p, id, VerbWorkspaceUpdated, next.Name, "")
	return s.view(p, next), nil
}

// --- members ------------------------------------------------------------------------------

func (s *Service) member(m Membership) Member {
	u, _ := s.d.Accounts.User(m.UserID)
	return Member{Membership: m, Name: u.Name, Email: u.Email, Title: u.Title, OrganisationID: u.OrganisationID,
		OrganisationName: s.d.Organisations.Name(u.OrganisationID)}
}

// Members lists the people of a workspace: coordinators first, then by name.
func (s *Service) Members(p accounts.Principal, workspaceID string) ([]Member, error) {
	if _, err := s.workspace(p, workspaceID); err != nil {
		return nil, err
	}
	s.mu.RLock()
	ms := make([]Membership, 0, len(s.members[workspaceID]))
	for _, m := range s.members[workspaceID] {
		ms = append(ms, m)
	}
	s.mu.RUnlock()
	out := make([]Member, len(ms))
	for i, m := range ms {
		out[i] = s.member(m)
	}
	rank := map[string]int{RoleCoordinator: 0, RoleMember: 1, RoleObserver: 2}
	sort.Slice(out, func(i, j int) bool {
		if rank[out[i].Role] != rank[out[j].Role] {
			return rank[out[i].Role] < rank[out[j].Role]
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

func (s *Service) membership(workspaceID, userID string) (Membership, error) {
	if !record.Valid(userID) {
		return Membership{}, apperr.New(apperr.InvalidID, "not a valid id")
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	m, ok := s.members[workspaceID][userID]
	if !ok {
		return m, apperr.New(apperr.NotFound, "no such member")
	}
	return m, nil
}

func (s *Service) coordinatorsLocked(workspaceID string) int {
	n := 0
	for _, m := range s.members[workspaceID] {
		if m.Role == RoleCoordinator {
			n++
		}
	}
	return n
}

// ChangeRole gives a member another role. A group keeps at least one coordinator.
func (s *Service) ChangeRole(ctx context.Context, p accounts.Principal, workspaceID, userID, role string) (Member, error) {
	if !ValidRole(role) {
		return Member{}, apperr.Invalid("role", "role is coordinator, member or observer")
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, err := s.managed(p, workspaceID); err != nil {
		return Member{}, err
	}
	m, err := s.membership(workspaceID, userID)
	if err != nil {
		return Member{}, err
	}
	if m.Role == role {
		return s.member(m), nil
	}
	s.mu.RLock()
	last := m.Role == RoleCoordinator && s.coordinatorsLocked(workspaceID) == 1
	s.mu.RUnlock()
	if last {
		return Member{}, apperr.New(apperr.LastCoordinator, "a group needs at least one coordinator; make someone else coordinator first")
	}
	next := m
	next.Role, next.Version = role, m.Version+1
	if err := s.st.Memberships.Replace(ctx, m.ID, m.Version, next); err != nil {
		return Member{}, err
	}
	s.mu.Lock()
	s.putMemberLocked(next)
	s.mu.Unlock()
	view := s.member(next)
	s.record(ctx, p, workspaceID, VerbRoleChanged, view.Name, role)
	return view, nil
}

// RemoveMember takes a person out of a workspace. A group keeps at least one coordinator.
func (s *Service) RemoveMember(ctx context.Context, p accounts.Principal, workspaceID, userID string) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if _, err := s.managed(p, workspaceID); err != nil {
		return err
	}
	m, err := s.membership(workspaceID, userID)
	if err != nil {
		return err
	}
	s.mu.RLock()
	last := m.Role == RoleCoordinator && s.coordinatorsLocked(workspaceID) == 1
	s.mu.RUnlock()
	if last {
		return apperr.New(apperr.LastCoordinator, "a group needs at least one coordinator; make someone else coordinator first")
	}
	if err := s.st.Memberships.Delete(ctx, m.ID); err != nil {
		return err
	}
	s.mu.Lock()
	delete(s.members[workspaceID], userID)
	delete(s.byUser[userID], workspaceID)
	s.mu.Unlock()
	s.record(ctx, p, workspaceID, VerbMemberRemoved, s.member(m).Name, "")
	return nil
}

// join adds a membership; the caller holds wmu.
func (s *Service) join(ctx context.Context, workspaceID, userID, role string) (Membership, error) {
	m := Membership{ID: record.New(), WorkspaceID: workspaceID, UserID: userID, Role: role, JoinedAt: s.now().UTC(), Version: 1}
	if err := s.st.Memberships.Insert(ctx, m); err != nil {
		if apperr.Is(err, apperr.VersionConflict) {
			return m, apperr.New(apperr.AlreadyMember, "already a member of this workspace")
		}
		return m, err
	}
	s.mu.Lock()
	s.putMemberLocked(m)
	s.mu.Unlock()
	return m, nil
}

// --- activity -----------------------------------------------------------------------------

// Record appends an entry to a workspace's activity feed. The feed is a record of what
// happened, so a failure to write it is logged rather than undoing the change it describes.
func (s *Service) record(ctx context.Context, p accounts.Principal, workspaceID, verb, subject, detail string) {
	actor, _ := s.d.Accounts.User(p.UserID)
	if err := s.Record(ctx, Activity{WorkspaceID: workspaceID, ActorID: p.UserID, ActorName: actor.Name, Verb: verb, Subject: subject, Detail: detail}); err != nil {
		s.d.Log.Error("activity not recorded", "workspace", workspaceID, "verb", verb, "err", err)
	}
}

// Record appends an activity entry (ID, Seq and At are filled in).
func (s *Service) Record(ctx context.Context, a Activity) error {
	s.mu.Lock()
	s.seq++
	a.Seq = s.seq
	s.mu.Unlock()
	a.ID, a.At = record.New(), s.now().UTC()
	if err := s.st.Activity.Insert(ctx, a); err != nil {
		return err
	}
	s.mu.Lock()
	list := s.activity[a.WorkspaceID]
	i := sort.Search(len(list), func(i int) bool { return list[i].Seq > a.Seq })
	list = append(list, Activity{})
	copy(list[i+1:], list[i:])
	list[i] = a
	s.activity[a.WorkspaceID] = list
	s.mu.Unlock()
	return nil
}

// Feed returns up to limit entries older than before (0: the newest), newest first, and
// the `before` of the next page (0 at the end).
func (s *Service) Feed(p accounts.Principal, workspaceID string, before int64, limit int) ([]Activity, int64, error) {
	if _, err := s.workspace(p, workspaceID); err != nil {
		return nil, 0, err
	}
	if limit <= 0 || limit > 100 {
		limit = 30
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	list := s.activity[workspaceID]
	end := len(list)
	if before > 0 {
		end = sort.Search(len(list), func(i int) bool { return list[i].Seq >= before })
	}
	start := max(0, end-limit)
	out := make([]Activity, 0, end-start)
	for i := end - 1; i >= start; i-- {
		out = append(out, list[i])
	}
	var next int64
	if start > 0 {
		next = list[start].Seq
	}
	return out, next, nil
}
