package e2e

import (
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

func TestOrganisationDirectorySearchAndProfiles(t *testing.T) {
	w := newWorld(t)
	kainuu := refdata.DefaultID(refdata.Regions, "kainuu")
	savo := refdata.DefaultID(refdata.Regions, "etela-savo")
	for _, o := range []map[string]any{
		{"name": "Ohjaamo Kajaani", "type": "ohjaamo", "regionId": kainuu, "services": []string{"Nuorten matalan kynnyksen ohjaus", "Työnhaun tuki"}},
		{"name": "Äänekosken kaupunki", "type": "municipality", "services": []string{"Aikuisten ohjaus"}},
		{"name": "Mikkelin Ohjaamo", "type": "ohjaamo", "regionId": savo, "description": "Alle 30-vuotiaiden palvelupiste"},
		{"name": "Ammattiopisto Spesia", "type": "vocational_institution", "regionId": savo},
	} {
		w.must(201, "POST", "/api/v1/organisations", w.coord.Token, o)
	}
	type page struct {
		Items []struct{ Name string }
		Total int
	}
	names := func(query string) ([]string, int) {
		var p page
		w.must(200, "GET", "/api/v1/organisations?"+query, w.member.Token, nil).json(t, &p)
		var out []string
		for _, it := range p.Items {
			out = append(out, it.Name)
		}
		return out, p.Total
	}
	cases := []struct {
		query string
		want  []string
	}{
		{"type=ohjaamo", []string{"Mikkelin Ohjaamo", "Ohjaamo Kajaani"}},
		{"q=OHJAAMO&regionId=" + savo, []string{"Mikkelin Ohjaamo"}},
		{"q=matalan%20kynnyksen", []string{"Ohjaamo Kajaani"}},                                                                     // services are searched
		{"q=palvelupiste", []string{"Mikkelin Ohjaamo"}},                                                                           // and descriptions
		{"regionId=" + kainuu, []string{"Kainuun ELY-keskus", "Ohjaamo Kajaani"}},                                                  // alphabetical
		{"", []string{"Ammattiopisto Spesia", "Kainuun ELY-keskus", "Mikkelin Ohjaamo", "Ohjaamo Kajaani", "Äänekosken kaupunki"}}, // Finnish order: Ä after O
		{"limit=2&offset=2", []string{"Mikkelin Ohjaamo", "Ohjaamo Kajaani"}},
	}
	for _, c := range cases {
		got, total := names(c.query)
		if len(got) != len(c.want) {
			t.Errorf("%q: %v, want %v", c.query, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: %v, want %v", c.query, got, c.want)
				break
			}
		}
		if c.query == "limit=2&offset=2" && total != 5 {
			t.Errorf("total %d, want 5", total)
		}
	}

	// Optimistic concurrency: two people edit the same version; the second gets 409.
	var o struct{ Version int }
	w.must(200, "GET", "/api/v1/organisations/"+w.org, w.coord.Token, nil).json(t, &o)
	w.must(200, "PATCH", "/api/v1/organisations/"+w.org, w.coord.Token, map[string]any{"website": "https://www.ely-keskus.fi", "version": o.Version})
	if r := w.call("PATCH", "/api/v1/organisations/"+w.org, w.admin.Token, map[string]any{"website": "https://example.org", "version": o.Version}); r.Status != 409 || r.errorCode() != "version_conflict" {
		t.Fatalf("stale version: %d %s", r.Status, r.Body)
	}
	if r := w.call("PATCH", "/api/v1/organisations/"+w.org, w.coord.Token, map[string]any{"website": "javascript:alert(1)", "version": o.Version + 1}); r.Status != 400 {
		t.Fatalf("a website must be a web address: %d %s", r.Status, r.Body)
	}
	// People of the organisation edit its profile.
	w.must(200, "PATCH", "/api/v1/me", w.member.Token, map[string]any{"organisationId": w.org})
	w.must(200, "PATCH", "/api/v1/organisations/"+w.org, w.member.Token, map[string]any{"services": []string{"Ura- ja opinto-ohjaus"}, "version": o.Version + 1})
	w.restart()
	var got struct {
		Website  string
		Services []string
		Version  int
	}
	w.must(200, "GET", "/api/v1/organisations/"+w.org, w.observer.Token, nil).json(t, &got)
	if got.Website != "https://www.ely-keskus.fi" || len(got.Services) != 1 || got.Version != o.Version+2 {
		t.Fatalf("after restart: %+v", got)
	}
}

func TestReferenceDataIsAdministeredAsData(t *testing.T) {
	w := newWorld(t)
	type item struct {
		ID, Code string
		Names    struct{ FI, SV, EN string }
		Archived bool
		Version  int
	}
	var all struct{ Regions, NationalGoals, Themes []item }
	w.must(200, "GET", "/api/v1/reference", "", nil).json(t, &all)
	if len(all.Regions) != 15 || len(all.NationalGoals) != 5 || all.NationalGoals[1].Names.SV != "De individuella färdigheterna för karriärhantering stärks" {
		t.Fatalf("defaults: %d regions, goals %+v", len(all.Regions), all.NationalGoals)
	}
	names := map[string]string{"fi": "Työelämäyhteistyö", "sv": "Arbetslivssamarbete", "en": "Working-life cooperation"}
	var it struct {
		ID      string
		Version int
	}
	w.must(201, "POST", "/api/v1/reference/themes", w.admin.Token, map[string]any{"code": "working-life", "names": names}).json(t, &it)
	if r := w.call("POST", "/api/v1/reference/themes", w.admin.Token, map[string]any{"code": "working-life", "names": names}); r.Status != 409 || r.errorCode() != "code_taken" {
		t.Fatalf("duplicate code: %d %s", r.Status, r.Body)
	}
	if r := w.call("POST", "/api/v1/reference/themes", w.admin.Token, map[string]any{"code": "x", "names": map[string]string{"fi": "Vain suomeksi"}}); r.Status != 400 {
		t.Fatalf("every language is required: %d %s", r.Status, r.Body)
	}
	if r := w.call("POST", "/api/v1/reference/castles", w.admin.Token, map[string]any{"code": "x", "names": names}); r.Status != 404 {
		t.Fatalf("unknown kind: %d", r.Status)
	}
	w.must(200, "PATCH", "/api/v1/reference/themes/"+it.ID, w.admin.Token, map[string]any{"archived": true, "version": it.Version})
	if r := w.call("PATCH", "/api/v1/reference/themes/"+it.ID, w.admin.Token, map[string]any{"archived": false, "version": it.Version}); r.Status != 409 {
		t.Fatalf("stale version: %d", r.Status)
	}
	if r := w.call("PATCH", "/api/v1/reference/regions/"+it.ID, w.admin.Token, map[string]any{"archived": false, "version": it.Version + 1}); r.Status != 404 {
		t.Fatalf("an item under another kind: %d", r.Status)
	}
	w.restart()
	w.must(200, "GET", "/api/v1/reference", "", nil).json(t, &all)
	found := false
	for _, th := range all.Themes {
		if th.ID == it.ID {
			found = th.Archived && th.Names.SV == "Arbetslivssamarbete"
		}
	}
	if !found {
		t.Fatalf("archived theme after restart: %+v", all.Themes)
	}
}

func TestPagesAndAPIAnswersCarrySecurityHeaders(t *testing.T) {
	e := start(t)
	for _, p := range []string{"/", "/api/v1/setup", "/workspaces/0123456789abcdef01234567"} {
		r := e.raw("GET", p, nil)
		csp := r.Header.Get("Content-Security-Policy")
		if csp == "" || !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP %q", p, csp)
		}
		if r.Header.Get("X-Content-Type-Options") != "nosniff" || r.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: headers %v", p, r.Header)
		}
	}
	if r := e.raw("GET", "/api/v1/nothing-here", nil); r.Status != 404 || r.errorCode() != "not_found" {
		t.Errorf("unknown API route: %d %s", r.Status, r.Body)
	}
	e.must(200, "GET", "/healthz", "", nil)
	e.must(200, "GET", "/readyz", "", nil)
}
