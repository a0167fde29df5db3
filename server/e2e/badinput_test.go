package e2e

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
)

// snapshot reads everything the sweep could have changed, as the administrator sees it.
func (w *world) snapshot() string {
	w.t.Helper()
	var b strings.Builder
	for _, p := range []string{
		"/api/v1/users", "/api/v1/workspaces", "/api/v1/reference", "/api/v1/organisations?limit=200",
		"/api/v1/workspaces/" + w.kainuu + "/members", "/api/v1/workspaces/" + w.kainuu + "/invitations",
		"/api/v1/workspaces/" + w.kainuu + "/activity?limit=100", "/api/v1/me",
	} {
		b.Write(w.must(200, "GET", p, w.admin.Token, nil).Body)
		b.WriteByte('\n')
	}
	return b.String()
}

// TestHostileInputGetsAClearErrorAndChangesNothing sends malformed, oversized and hostile input
// to every route as the most privileged user: each answer is a 4xx with an error code, and
// afterwards everything reads as before.
func TestHostileInputGetsAClearErrorAndChangesNothing(t *testing.T) {
	w := newWorld(t)
	doc := loadOpenAPI(t)
	before := w.snapshot()
	big := append(append([]byte(`{"name":"`), bytes.Repeat([]byte("ä"), 40_000)...), []byte(`"}`)...)
	bodies := map[string][]byte{
		"malformed":         []byte(`{"name": "x",`),
		"not an object":     []byte(`[1,2,3]`),
		"unknown field":     []byte(`{"nonsense": 1}`),
		"operator key":      []byte(`{"$where": "1 == 1"}`),
		"operator in value": []byte(`{"email": {"$ne": ""}, "name": {"$gt": ""}, "role": {"$ne": null}, "token": {"$ne": ""}}`),
		"wrong types":       []byte(`{"name": 12, "email": true, "role": [], "version": "1", "names": "x", "services": "x", "password": 5}`),
		"trailing data":     []byte(`{} {}`),
		"oversized":         big,
		"nul in text":       []byte(`{"name": "a\u0000b", "title": "\u0000"}`),
	}
	badIDs := []string{"not-an-id", "0123456789ABCDEF01234567", "../../etc/passwd", `{"$ne":1}`, strings.Repeat("f", 300)}
	count := 0
	for _, r := range w.app.Routes() {
		if r.Path == "/setup" || r.Path == "/auth/logout" {
			continue // setup is done (409 for everything); logout ignores bodies by design
		}
		op, _ := doc.operation(r.Method, r.Path)
		path := "/api/v1" + r.Path
		path = strings.NewReplacer("{workspaceId}", w.kainuu, "{userId}", w.member.UserID, "{organisationId}", w.org,
			"{kind}", "themes", "{itemId}", w.org, "{invitationId}", w.org, "{token}", strings.Repeat("A", 43)).Replace(path)
		check := func(what string, res resp) {
			t.Helper()
			count++
			if res.Status < 400 || res.Status > 499 || res.errorCode() == "" {
				t.Errorf("%s %s with %s: %d %s", r.Method, r.Path, what, res.Status, res.Body)
			}
		}
		if op.RequestBody != nil {
			if res := w.raw(r.Method, path, big, "Authorization", "Bearer "+w.admin.Token); res.Status != 413 || res.errorCode() != "body_too_large" {
				t.Errorf("%s %s oversized: %d %s", r.Method, r.Path, res.Status, res.Body)
			}
			for name, body := range bodies {
				check(name, w.raw(r.Method, path, body, "Authorization", "Bearer "+w.admin.Token))
			}
			check("text/plain", w.raw(r.Method, path, []byte(`{}`), "Authorization", "Bearer "+w.admin.Token, "Content-Type", "text/plain"))
		}
		if strings.Contains(r.Path, "{") && r.Path != "/reference/{kind}" {
			for _, id := range badIDs {
				p := "/api/v1" + r.Path
				for _, param := range []string{"{workspaceId}", "{userId}", "{organisationId}", "{itemId}", "{invitationId}", "{token}", "{kind}"} {
					p = strings.ReplaceAll(p, param, url.PathEscape(id))
				}
				check("bad id "+id, w.raw(r.Method, p, []byte(`{}`), "Authorization", "Bearer "+w.admin.Token))
			}
		}
	}
	for _, q := range []string{"limit=0", "limit=abc", "offset=-1", "type=castle", "regionId=" + w.org, "q=" + strings.Repeat("x", 200)} {
		check := w.call("GET", "/api/v1/organisations?"+q, w.admin.Token, nil)
		count++
		if check.Status != 400 {
			t.Errorf("organisations?%s: %d %s", q, check.Status, check.Body)
		}
	}
	for _, q := range []string{"limit=1000", "before=-5", "before=x"} {
		count++
		if r := w.call("GET", "/api/v1/workspaces/"+w.kainuu+"/activity?"+q, w.admin.Token, nil); r.Status != 400 {
			t.Errorf("activity?%s: %d %s", q, r.Status, r.Body)
		}
	}
	if count < 150 {
		t.Fatalf("the sweep sent only %d requests; routes missing?", count)
	}
	if after := w.snapshot(); after != before {
		t.Errorf("hostile input changed the data:\nbefore: %s\nafter:  %s", before, after)
	}
	t.Logf("%d hostile requests, no 5xx, nothing changed", count)
}
