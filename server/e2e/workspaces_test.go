package e2e

import (
	"fmt"
	"strings"
	"testing"
)

type member struct {
	UserID, Name, Email, Role, OrganisationName string
}

func (w *world) members(ws string, as session) map[string]member {
	w.t.Helper()
	var ms []member
	w.must(200, "GET", "/api/v1/workspaces/"+ws+"/members", as.Token, nil).json(w.t, &ms)
	out := map[string]member{}
	for _, m := range ms {
		out[m.Email] = m
	}
	return out
}

func TestInvitedPeopleJoinWithTheirRole(t *testing.T) {
	w := newWorld(t)
	ms := w.members(w.kainuu, w.member)
	want := map[string]string{"koordinaattori@kainuu.test": "coordinator", "jasen@kainuu.test": "member", "seuraaja@kainuu.test": "observer"}
	if len(ms) != len(want) {
		t.Fatalf("members: %+v", ms)
	}
	for email, role := range want {
		if ms[email].Role != role {
			t.Errorf("%s: role %q, want %q", email, ms[email].Role, role)
		}
	}
	msg := w.mail.last(t, "jasen@kainuu.test")
	for _, s := range []string{"kutsuu sinut", "bjuder in dig", "invites you", "ELO-ryhmä Kainuu"} {
		if !strings.Contains(msg.Data, s) {
			t.Errorf("invitation email lacks %q:\n%s", s, msg.Data)
		}
	}
	var list []struct {
		ID, Name, MyRole string
		MemberCount      int
	}
	w.must(200, "GET", "/api/v1/workspaces", w.member.Token, nil).json(t, &list)
	if len(list) != 1 || list[0].ID != w.kainuu || list[0].MyRole != "member" || list[0].MemberCount != 3 {
		t.Fatalf("a member sees their own group only: %+v", list)
	}
	w.must(200, "GET", "/api/v1/workspaces", w.nationalMember.Token, nil).json(t, &list)
	if len(list) != 3 || list[0].ID != w.national {
		t.Fatalf("the national group sees every workspace, its own first: %+v", list)
	}
}

func TestInvitationLinksWorkOnceAndCanBeRevokedOrResent(t *testing.T) {
	w := newWorld(t)
	base := "/api/v1/workspaces/" + w.kainuu + "/invitations"
	var inv struct{ ID, Status string }

	// Used link.
	used := linkIn(t, w.mail.last(t, "jasen@kainuu.test"))
	if r := w.call("GET", "/api/v1/invitations/"+used, "", nil); r.Status != 410 || r.errorCode() != "invitation_used" {
		t.Fatalf("used link preview: %d %s", r.Status, r.Body)
	}
	if r := w.call("POST", "/api/v1/invitations/"+used+"/accept", "", map[string]string{"name": "Toinen", "password": password}); r.Status != 410 || r.errorCode() != "invitation_used" {
		t.Fatalf("used link accept: %d %s", r.Status, r.Body)
	}

	// Revoked link.
	w.must(201, "POST", base, w.coord.Token, map[string]string{"email": "peruttu@kainuu.test", "role": "member"}).json(t, &inv)
	revoked := linkIn(t, w.mail.last(t, "peruttu@kainuu.test"))
	w.must(204, "DELETE", base+"/"+inv.ID, w.coord.Token, nil)
	if r := w.call("POST", "/api/v1/invitations/"+revoked+"/accept", "", map[string]string{"name": "Peruttu", "password": password}); r.Status != 410 || r.errorCode() != "invitation_revoked" {
		t.Fatalf("revoked: %d %s", r.Status, r.Body)
	}

	// Resent: the old link stops, the new one works.
	w.must(201, "POST", base, w.coord.Token, map[string]string{"email": "uusi@kainuu.test", "role": "observer", "message": "Tervetuloa mukaan!"}).json(t, &inv)
	first := w.mail.last(t, "uusi@kainuu.test")
	if !strings.Contains(first.Data, "Tervetuloa mukaan!") {
		t.Fatal("the coordinator's note should be in the email")
	}
	w.must(200, "POST", base+"/"+inv.ID+"/resend", w.coord.Token, nil)
	second := linkIn(t, w.mail.last(t, "uusi@kainuu.test"))
	if r := w.call("GET", "/api/v1/invitations/"+linkIn(t, first), "", nil); r.Status != 404 || r.errorCode() != "invitation_invalid" {
		t.Fatalf("old link after resend: %d %s", r.Status, r.Body)
	}
	var pv struct {
		WorkspaceID, WorkspaceName, Email, Role, InvitedBy string
		AccountExists                                      bool
	}
	w.must(200, "GET", "/api/v1/invitations/"+second, "", nil).json(t, &pv)
	if pv.WorkspaceID != w.kainuu || pv.WorkspaceName != "ELO-ryhmä Kainuu" || pv.Email != "uusi@kainuu.test" || pv.Role != "observer" || pv.InvitedBy != "Kaisa Koordinaattori" || pv.AccountExists {
		t.Fatalf("preview: %+v", pv)
	}
	var pending []struct{ Email string }
	w.must(200, "GET", base, w.coord.Token, nil).json(t, &pending)
	if len(pending) != 1 || pending[0].Email != "uusi@kainuu.test" {
		t.Fatalf("pending invitations: %+v", pending)
	}
	w.must(200, "POST", "/api/v1/invitations/"+second+"/accept", "", map[string]string{"name": "Uusi Ihminen", "password": password})

	// An existing account joins another group signed in; the email must match.
	w.must(201, "POST", "/api/v1/workspaces/"+w.savo+"/invitations", w.admin.Token, map[string]string{"email": "jasen@kainuu.test", "role": "observer"})
	link := linkIn(t, w.mail.last(t, "jasen@kainuu.test"))
	w.must(200, "GET", "/api/v1/invitations/"+link, "", nil).json(t, &pv)
	if !pv.AccountExists {
		t.Fatal("preview should say the account exists")
	}
	if r := w.call("POST", "/api/v1/invitations/"+link+"/accept", "", map[string]string{"name": "X", "password": password}); r.Status != 409 || r.errorCode() != "email_taken" {
		t.Fatalf("accepting without signing in to the existing account: %d %s", r.Status, r.Body)
	}
	if r := w.call("POST", "/api/v1/invitations/"+link+"/accept", w.savoMember.Token, map[string]string{}); r.Status != 403 || r.errorCode() != "invitation_email_mismatch" {
		t.Fatalf("someone else's account: %d %s", r.Status, r.Body)
	}
	w.must(200, "POST", "/api/v1/invitations/"+link+"/accept", w.member.Token, map[string]string{})
	if got := w.members(w.savo, w.admin)["jasen@kainuu.test"].Role; got != "observer" {
		t.Fatalf("joined Etelä-Savo as %q", got)
	}

	// Inviting someone who is already a member.
	if r := w.call("POST", base, w.coord.Token, map[string]string{"email": "jasen@kainuu.test", "role": "member"}); r.Status != 409 || r.errorCode() != "already_member" {
		t.Fatalf("already a member: %d %s", r.Status, r.Body)
	}
}

func TestExpiredInvitationIsRefused(t *testing.T) {
	w := newWorld(t)
	w.restart() // the same data, now with links that expire at once
	w.cfg.InvitationTTL = 1
	w.restart()
	w.must(201, "POST", "/api/v1/workspaces/"+w.kainuu+"/invitations", w.coord.Token, map[string]string{"email": "myohassa@kainuu.test", "role": "member"})
	link := linkIn(t, w.mail.last(t, "myohassa@kainuu.test"))
	if r := w.call("POST", "/api/v1/invitations/"+link+"/accept", "", map[string]string{"name": "Myöhässä", "password": password}); r.Status != 410 || r.errorCode() != "invitation_expired" {
		t.Fatalf("expired: %d %s", r.Status, r.Body)
	}
	if _, ok := w.app.Accounts.UserByEmail("myohassa@kainuu.test"); ok {
		t.Fatal("a refused acceptance must not create an account")
	}
}

func TestCoordinatorManagesRolesAndTheGroupKeepsACoordinator(t *testing.T) {
	w := newWorld(t)
	path := func(u session) string { return "/api/v1/workspaces/" + w.kainuu + "/members/" + u.UserID }
	if r := w.call("PATCH", path(w.coord), w.coord.Token, map[string]string{"role": "member"}); r.Status != 409 || r.errorCode() != "last_coordinator" {
		t.Fatalf("demoting the last coordinator: %d %s", r.Status, r.Body)
	}
	if r := w.call("DELETE", path(w.coord), w.coord.Token, nil); r.Status != 409 || r.errorCode() != "last_coordinator" {
		t.Fatalf("removing the last coordinator: %d %s", r.Status, r.Body)
	}
	w.must(200, "PATCH", path(w.member), w.coord.Token, map[string]string{"role": "coordinator"})
	w.must(200, "PATCH", path(w.coord), w.member.Token, map[string]string{"role": "member"})
	w.must(204, "DELETE", path(w.observer), w.member.Token, nil)
	if r := w.call("GET", "/api/v1/workspaces/"+w.kainuu, w.observer.Token, nil); r.Status != 403 {
		t.Fatalf("a removed member can no longer read the group: %d", r.Status)
	}
	if r := w.call("PATCH", path(w.coord), w.coord.Token, map[string]string{"role": "coordinator"}); r.Status != 403 {
		t.Fatalf("a demoted coordinator cannot promote themselves back: %d", r.Status)
	}
	if r := w.call("PATCH", path(w.member), w.member.Token, map[string]string{"role": "boss"}); r.Status != 400 {
		t.Fatalf("unknown role: %d", r.Status)
	}
	w.restart()
	ms := w.members(w.kainuu, w.member)
	if len(ms) != 2 || ms["jasen@kainuu.test"].Role != "coordinator" || ms["koordinaattori@kainuu.test"].Role != "member" {
		t.Fatalf("after restart: %+v", ms)
	}
}

func TestActivityFeedRecordsEveryChangeNewestFirst(t *testing.T) {
	w := newWorld(t)
	for i := 0; i < 5; i++ {
		w.must(201, "POST", "/api/v1/workspaces/"+w.kainuu+"/invitations", w.coord.Token, map[string]string{"email": fmt.Sprintf("kutsuttu%d@kainuu.test", i), "role": "member"})
	}
	type entry struct {
		Seq                              int64
		ActorName, Verb, Subject, Detail string
	}
	var page struct {
		Items      []entry
		NextBefore int64
	}
	var all []entry
	before := ""
	for pages := 0; pages < 10; pages++ {
		page.NextBefore = 0
		w.must(200, "GET", "/api/v1/workspaces/"+w.kainuu+"/activity?limit=4"+before, w.observer.Token, nil).json(t, &page)
		all = append(all, page.Items...)
		if page.NextBefore == 0 {
			break
		}
		before = fmt.Sprintf("&before=%d", page.NextBefore)
	}
	var got []string
	for i, a := range all {
		if i > 0 && a.Seq >= all[i-1].Seq {
			t.Fatalf("not newest first: %+v", all)
		}
		got = append(got, a.Verb+":"+a.Subject)
	}
	want := []string{
		"invitation_sent:kutsuttu4@kainuu.test", "invitation_sent:kutsuttu3@kainuu.test", "invitation_sent:kutsuttu2@kainuu.test",
		"invitation_sent:kutsuttu1@kainuu.test", "invitation_sent:kutsuttu0@kainuu.test",
		"member_joined:Sanna Seuraaja", "invitation_sent:seuraaja@kainuu.test",
		"member_joined:Juho Jäsen", "invitation_sent:jasen@kainuu.test",
		"member_joined:Kaisa Koordinaattori", "invitation_sent:koordinaattori@kainuu.test",
		"workspace_created:ELO-ryhmä Kainuu",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("feed:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if all[0].ActorName != "Kaisa Koordinaattori" || all[0].Detail != "member" {
		t.Fatalf("who and how: %+v", all[0])
	}
	w.restart()
	w.must(200, "GET", "/api/v1/workspaces/"+w.kainuu+"/activity?limit=100", w.member.Token, nil).json(t, &page)
	if len(page.Items) != len(want) {
		t.Fatalf("after restart %d entries, want %d", len(page.Items), len(want))
	}
}
