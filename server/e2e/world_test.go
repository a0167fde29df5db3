package e2e

import (
	"testing"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

// world is a small network built through the API as people would: an administrator, two
// regional groups (Kainuu, Etelä-Savo) and the national group, and people invited into them.
type world struct {
	*env
	admin                      session
	kainuu, savo, national     string  // workspace ids
	coord, member, observer    session // Kainuu
	savoMember, nationalMember session
	org                        string // an organisation (Kainuun ELY-keskus)
}

func newWorld(t *testing.T, extra ...string) *world {
	t.Helper()
	e := start(t, extra...)
	w := &world{env: e, admin: e.setupAdmin()}
	var org struct{ ID string }
	e.must(201, "POST", "/api/v1/organisations", w.admin.Token, map[string]any{
		"name": "Kainuun ELY-keskus", "type": "ely_centre", "regionId": refdata.DefaultID(refdata.Regions, "kainuu"),
		"services": []string{"TNO-koordinaatio", "Ohjauksen kehittäminen"},
	}).json(t, &org)
	w.org = org.ID
	w.kainuu = w.workspace("ELO-ryhmä Kainuu", "regional", "kainuu")
	w.savo = w.workspace("ELO-ryhmä Etelä-Savo", "regional", "etela-savo")
	w.national = w.workspace("Valtakunnallinen ELO-ryhmä", "national", "")
	w.coord = w.invite(w.admin, w.kainuu, "koordinaattori@kainuu.test", "coordinator", "Kaisa Koordinaattori")
	w.member = w.invite(w.coord, w.kainuu, "jasen@kainuu.test", "member", "Juho Jäsen")
	w.observer = w.invite(w.coord, w.kainuu, "seuraaja@kainuu.test", "observer", "Sanna Seuraaja")
	w.savoMember = w.invite(w.admin, w.savo, "jasen@etela-savo.test", "member", "Eero Savolainen")
	w.nationalMember = w.invite(w.admin, w.national, "valtakunta@elo.test", "member", "Ville Valtakunta")
	return w
}

func (w *world) workspace(name, kind, region string) string {
	w.t.Helper()
	body := map[string]any{"name": name, "kind": kind}
	if region != "" {
		body["regionId"] = refdata.DefaultID(refdata.Regions, region)
	}
	var ws struct{ ID string }
	w.must(201, "POST", "/api/v1/workspaces", w.admin.Token, body).json(w.t, &ws)
	return ws.ID
}

// invite sends an invitation as by, reads the link from the email and accepts it with a new account.
func (w *world) invite(by session, workspace, email, role, name string) session {
	w.t.Helper()
	w.must(201, "POST", "/api/v1/workspaces/"+workspace+"/invitations", by.Token, map[string]string{"email": email, "role": role})
	token := linkIn(w.t, w.mail.last(w.t, email))
	r := w.must(200, "POST", "/api/v1/invitations/"+token+"/accept", "", map[string]string{"name": name, "password": password})
	return sessionFrom(w.t, r, email)
}
