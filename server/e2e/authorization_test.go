package e2e

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

// The roles of the matrix: nobody signed in, a platform administrator, Kainuu's coordinator,
// member and observer, a national-group member, and a member of another group (Etelä-Savo).
var roles = []string{"anonymous", "admin", "coordinator", "member", "observer", "national", "otherGroup"}

func (w *world) as(role string) string {
	switch role {
	case "admin":
		return w.admin.Token
	case "coordinator":
		return w.coord.Token
	case "member":
		return w.member.Token
	case "observer":
		return w.observer.Token
	case "national":
		return w.nationalMember.Token
	case "otherGroup":
		return w.savoMember.Token
	}
	return ""
}

// allow builds expected statuses: ok for the listed roles, 403 for the other signed-in ones,
// 401 for anonymous.
func allow(ok int, who ...string) map[string]int {
	m := map[string]int{}
	for _, r := range roles {
		switch {
		case slices.Contains(who, r):
			m[r] = ok
		case r == "anonymous":
			m[r] = 401
		default:
			m[r] = 403
		}
	}
	return m
}

// everyone expects the same status for every role, anonymous included.
func everyone(status int) map[string]int {
	m := map[string]int{}
	for _, r := range roles {
		m[r] = status
	}
	return m
}

var signedIn = []string{"admin", "coordinator", "member", "observer", "national", "otherGroup"}
var readers = []string{"admin", "coordinator", "member", "observer", "national"}

type row struct {
	method, route string                   // route as documented
	path          func(role string) string // the concrete path, prepared per call
	body          func(role string) any    // nil: no body
	want          map[string]int
}

func TestAuthorizationMatrix(t *testing.T) {
	w := newWorld(t)
	k := "/api/v1/workspaces/" + w.kainuu
	fixed := func(p string) func(string) string { return func(string) string { return p } }
	version := func(path string) int {
		var v struct{ Version int }
		w.must(200, "GET", path, w.admin.Token, nil).json(t, &v)
		return v.Version
	}
	themeID := refdata.DefaultID(refdata.Themes, "ohjaamo")
	themeVersion := func() int {
		var all struct {
			Themes []struct {
				ID      string
				Version int
			}
		}
		w.must(200, "GET", "/api/v1/reference", "", nil).json(t, &all)
		for _, it := range all.Themes {
			if it.ID == themeID {
				return it.Version
			}
		}
		t.Fatal("theme missing")
		return 0
	}
	n := 0
	fresh := func() int { n++; return n }
	// A person to remove, an invitation to revoke or resend: made anew for every call.
	newMember := func(string) string {
		s := w.invite(w.coord, w.kainuu, fmt.Sprintf("poistettava%d@kainuu.test", fresh()), "member", "Poistettava")
		return k + "/members/" + s.UserID
	}
	newInvitation := func(suffix string) func(string) string {
		return func(string) string {
			var inv struct{ ID string }
			w.must(201, "POST", k+"/invitations", w.coord.Token, map[string]string{"email": fmt.Sprintf("kutsu%d@kainuu.test", fresh()), "role": "member"}).json(t, &inv)
			return k + "/invitations/" + inv.ID + suffix
		}
	}
	target := w.invite(w.admin, w.savo, "kohde@etela-savo.test", "member", "Kohde")
	doc := "/api/v1/documents/" + w.createPlan(w.coord)
	editors := []string{"coordinator", "member"}
	goalOf := func(doc string) string {
		var d docView
		w.must(200, "GET", doc, w.coord.Token, nil).json(t, &d)
		return d.firstOfType("goal").ID
	}
	// threadOf starts a thread as s and returns its id.
	threadOf := func(s session) string {
		var th struct{ ID string }
		w.must(201, "POST", doc+"/comments", s.Token, map[string]any{"anchor": map[string]string{"node": goalOf(doc)}, "body": "Ketju"}).json(t, &th)
		return th.ID
	}

	// Forums: Kainuu's private area (readers: its members; writers: coordinator and member;
	// moderator: the coordinator); everyone else is told it does not exist (404).
	forumWant := func(ok int, okRoles, others []string, otherStatus int) map[string]int {
		m := map[string]int{"anonymous": 401}
		for _, r := range signedIn {
			m[r] = 404
		}
		for _, r := range others {
			m[r] = otherStatus
		}
		for _, r := range okRoles {
			m[r] = ok
		}
		return m
	}
	kainuuReaders := []string{"coordinator", "member", "observer"}
	forumPath := "/api/v1/forums/" + w.kainuu
	var fth struct {
		Thread struct{ ID string }
		Posts  []struct{ ID string }
	}
	w.must(201, "POST", forumPath+"/threads", w.coord.Token, map[string]string{"title": "Ketju", "body": "Aloitus"}).json(t, &fth)
	threadPath := "/api/v1/threads/" + fth.Thread.ID
	var memberPost struct{ ID string }
	w.must(201, "POST", threadPath+"/posts", w.member.Token, map[string]string{"body": "Jäsenen viesti"}).json(t, &memberPost)
	freshPost := func(role string) string {
		if role != "member" && role != "coordinator" {
			return "/api/v1/posts/" + memberPost.ID
		}
		var p struct{ ID string }
		w.must(201, "POST", threadPath+"/posts", w.member.Token, map[string]string{"body": "Poistettava viesti"}).json(t, &p)
		return "/api/v1/posts/" + p.ID
	}
	// reportedPost is a post with an open report for the moderator (the others are refused first).
	reportedPost := func(role string) string {
		if role != "coordinator" {
			return "/api/v1/posts/" + memberPost.ID + "/reports/resolve"
		}
		var p struct{ ID string }
		w.must(201, "POST", threadPath+"/posts", w.member.Token, map[string]string{"body": "Raportoitava viesti"}).json(t, &p)
		w.must(204, "POST", "/api/v1/posts/"+p.ID+"/reports", w.observer.Token, map[string]string{"reason": "Asiaton"})
		return "/api/v1/posts/" + p.ID + "/reports/resolve"
	}
	var circle struct{ ID string }
	w.must(201, "POST", "/api/v1/forums/circles", w.coord.Token, map[string]any{"title": "Piiri", "workspaceId": w.kainuu, "invite": []string{w.savo}}).json(t, &circle)

	// Practices: a published one of Kainuu's (the network reads it), drafts made anew where a
	// call changes their state. A draft is read by whoever reads Kainuu's workspace; another
	// group and signed-out callers are told it does not exist.
	published := "/api/v1/practices/" + w.publishPractice("Matriisin käytäntö").ID
	newDraft := func() practiceView {
		var v practiceView
		w.must(201, "POST", "/api/v1/practices", w.member.Token, map[string]any{"workspaceId": w.kainuu, "name": "Luonnos", "summary": "Lyhyesti", "basicIdea": "Idea"}).json(t, &v)
		return v
	}
	draft := "/api/v1/practices/" + newDraft().ID
	practiceWant := func(ok int, okRoles []string, other int) map[string]int {
		m := map[string]int{"anonymous": 401, "otherGroup": other}
		for _, r := range []string{"admin", "coordinator", "member", "observer", "national"} {
			m[r] = 403
		}
		for _, r := range okRoles {
			m[r] = ok
		}
		return m
	}
	draftReaders := map[string]int{"anonymous": 404, "admin": 200, "coordinator": 200, "member": 200, "observer": 200, "national": 200, "otherGroup": 404}
	freshSubmitted := func(string) string {
		v := newDraft()
		w.must(200, "POST", "/api/v1/practices/"+v.ID+"/submit", w.member.Token, map[string]any{"version": v.Version})
		return "/api/v1/practices/" + v.ID + "/review"
	}
	freshLink := func(string) string {
		var l struct{ ID string }
		w.must(201, "POST", published+"/links", w.member.Token, map[string]any{"kind": "action", "documentId": strings.TrimPrefix(doc, "/api/v1/documents/"), "node": fmt.Sprintf("poistettava-%d", fresh())}).json(t, &l)
		return published + "/links/" + l.ID
	}
	rows := []row{
		{"GET", "/me", fixed("/api/v1/me"), nil, allow(200, signedIn...)},
		{"PATCH", "/me", fixed("/api/v1/me"), func(string) any { return map[string]string{"title": "Ohjaaja"} }, allow(200, signedIn...)},
		{"GET", "/users", fixed("/api/v1/users"), nil, allow(200, "admin")},
		{"POST", "/users/{userId}/revoke-sessions", fixed("/api/v1/users/" + target.UserID + "/revoke-sessions"), nil, allow(204, "admin")},
		{"POST", "/reference/{kind}", fixed("/api/v1/reference/themes"), func(string) any {
			return map[string]any{"code": fmt.Sprintf("teema-%d", fresh()), "names": map[string]string{"fi": "Teema", "sv": "Tema", "en": "Theme"}}
		}, allow(201, "admin")},
		{"PATCH", "/reference/{kind}/{itemId}", fixed("/api/v1/reference/themes/" + themeID), func(string) any {
			return map[string]any{"archived": false, "version": themeVersion()}
		}, allow(200, "admin")},
		{"GET", "/organisations", fixed("/api/v1/organisations?q=kainuu"), nil, allow(200, signedIn...)},
		{"POST", "/organisations", fixed("/api/v1/organisations"), func(string) any {
			return map[string]any{"name": fmt.Sprintf("Kajaanin kaupunki %d", fresh()), "type": "municipality"}
		}, allow(201, "admin", "coordinator")},
		{"GET", "/organisations/{organisationId}", fixed("/api/v1/organisations/" + w.org), nil, allow(200, signedIn...)},
		{"PATCH", "/organisations/{organisationId}", fixed("/api/v1/organisations/" + w.org), func(string) any {
			return map[string]any{"description": "Ohjauksen koordinaatio", "version": version("/api/v1/organisations/" + w.org)}
		}, allow(200, "admin", "coordinator")},
		{"GET", "/workspaces", fixed("/api/v1/workspaces"), nil, allow(200, signedIn...)},
		{"POST", "/workspaces", fixed("/api/v1/workspaces"), func(string) any { return map[string]any{"name": "Uusi ryhmä", "kind": "regional"} }, allow(201, "admin")},
		{"GET", "/workspaces/{workspaceId}", fixed(k), nil, allow(200, readers...)},
		{"PATCH", "/workspaces/{workspaceId}", fixed(k), func(string) any {
			return map[string]any{"description": "Kainuun ELO-ryhmä", "version": version(k)}
		}, allow(200, "admin", "coordinator")},
		{"GET", "/workspaces/{workspaceId}/members", fixed(k + "/members"), nil, allow(200, readers...)},
		{"PATCH", "/workspaces/{workspaceId}/members/{userId}", fixed(k + "/members/" + w.observer.UserID), func(string) any { return map[string]string{"role": "observer"} }, allow(200, "admin", "coordinator")},
		{"DELETE", "/workspaces/{workspaceId}/members/{userId}", newMember, nil, allow(204, "admin", "coordinator")},
		{"GET", "/workspaces/{workspaceId}/invitations", fixed(k + "/invitations"), nil, allow(200, "admin", "coordinator")},
		{"POST", "/workspaces/{workspaceId}/invitations", fixed(k + "/invitations"), func(string) any {
			return map[string]string{"email": fmt.Sprintf("matriisi%d@kainuu.test", fresh()), "role": "observer"}
		}, allow(201, "admin", "coordinator")},
		{"DELETE", "/workspaces/{workspaceId}/invitations/{invitationId}", newInvitation(""), nil, allow(204, "admin", "coordinator")},
		{"POST", "/workspaces/{workspaceId}/invitations/{invitationId}/resend", newInvitation("/resend"), nil, allow(200, "admin", "coordinator")},
		{"GET", "/workspaces/{workspaceId}/activity", fixed(k + "/activity"), nil, allow(200, readers...)},
		{"GET", "/workspaces/{workspaceId}/documents", fixed(k + "/documents"), nil, allow(200, readers...)},
		{"POST", "/workspaces/{workspaceId}/documents", fixed(k + "/documents"), func(string) any {
			return map[string]string{"kind": "situation", "title": "Ohjauksen tilannekuva", "period": "2026"}
		}, allow(201, editors...)},
		{"GET", "/documents/{documentId}", fixed(doc), nil, allow(200, readers...)},
		{"PATCH", "/documents/{documentId}", fixed(doc), func(string) any { return map[string]string{"period": "2026-2027"} }, allow(200, editors...)},
		{"GET", "/documents/{documentId}/history", fixed(doc + "/history"), nil, allow(200, readers...)},
		{"GET", "/documents/{documentId}/revisions/{revision}", fixed(doc + "/revisions/0"), nil, allow(200, readers...)},
		{"GET", "/documents/{documentId}/authors", fixed(doc + "/authors"), nil, allow(200, readers...)},
		{"POST", "/documents/{documentId}/restore", fixed(doc + "/restore"), func(string) any { return map[string]int{"revision": 0} }, allow(200, editors...)},
		// Comments: readers read, editors write; only its author removes a comment.
		{"GET", "/documents/{documentId}/comments", fixed(doc + "/comments"), nil, allow(200, readers...)},
		{"POST", "/documents/{documentId}/comments", fixed(doc + "/comments"), func(string) any {
			return map[string]any{"anchor": map[string]string{"node": goalOf(doc)}, "body": "Kommentti"}
		}, allow(201, editors...)},
		{"POST", "/documents/{documentId}/comments/{commentId}/replies", func(string) string { return doc + "/comments/" + threadOf(w.coord) + "/replies" },
			func(string) any { return map[string]string{"body": "Vastaus"} }, allow(201, editors...)},
		{"PATCH", "/documents/{documentId}/comments/{commentId}", func(string) string { return doc + "/comments/" + threadOf(w.coord) },
			func(string) any { return map[string]bool{"resolved": true} }, allow(200, editors...)},
		{"DELETE", "/documents/{documentId}/comments/{commentId}", func(role string) string {
			if slices.Contains(editors, role) {
				return doc + "/comments/" + threadOf(map[string]session{"coordinator": w.coord, "member": w.member}[role])
			}
			return doc + "/comments/" + threadOf(w.coord)
		}, nil, allow(204, editors...)},
		{"POST", "/documents/{documentId}/status", fixed(doc + "/status"), func(role string) any {
			return map[string]string{"status": "approved"}
		}, allow(200, "coordinator")},
		// The national view: every group member sees it (regional ones their own region only).
		{"GET", "/national/dashboard", fixed("/api/v1/national/dashboard"), nil, allow(200, signedIn...)},
		{"GET", "/national/dashboard", fixed("/api/v1/national/dashboard?region=" + refdata.DefaultID(refdata.Regions, "kainuu")), nil, allow(200, readers...)},
		{"GET", "/national/cell", fixed("/api/v1/national/cell?nationalGoal=" + refdata.DefaultID(refdata.NationalGoals, "1") + "&region=" + refdata.DefaultID(refdata.Regions, "kainuu")), nil, allow(200, readers...)},
		{"GET", "/national/compare", fixed("/api/v1/national/compare?region=" + refdata.DefaultID(refdata.Regions, "kainuu") + "&region=" + refdata.DefaultID(refdata.Regions, "etela-savo")), nil, allow(200, "admin", "national")},
		{"GET", "/national/timeline", fixed("/api/v1/national/timeline?region=" + refdata.DefaultID(refdata.Regions, "kainuu")), nil, allow(200, readers...)},
		{"GET", "/national/export.xlsx", fixed("/api/v1/national/export.xlsx"), nil, allow(200, signedIn...)},
		{"GET", "/national/export.csv", fixed("/api/v1/national/export.csv?region=" + refdata.DefaultID(refdata.Regions, "kainuu")), nil, allow(200, readers...)},
		// Exports: whoever may read the document.
		{"GET", "/documents/{documentId}/export.docx", fixed(doc + "/export.docx"), nil, allow(200, readers...)},
		{"GET", "/documents/{documentId}/export.pdf", fixed(doc + "/export.pdf"), nil, allow(200, readers...)},
		{"GET", "/documents/{documentId}/export.json", fixed(doc + "/export.json"), nil, allow(200, readers...)},
		{"GET", "/actions/export.xlsx", fixed("/api/v1/actions/export.xlsx?document=" + strings.TrimPrefix(doc, "/api/v1/documents/")), nil, allow(200, readers...)},
		{"GET", "/actions/export.csv", fixed("/api/v1/actions/export.csv?workspace=" + w.kainuu), nil, allow(200, readers...)},
		// Public pages: anyone, signed in or not, the same answer (the plan was approved above).
		{"GET", "/public/regions", fixed("/api/v1/public/regions"), nil, everyone(200)},
		{"GET", "/public/regions/{regionId}", fixed("/api/v1/public/regions/" + refdata.DefaultID(refdata.Regions, "kainuu")), nil, everyone(200)},
		{"GET", "/public/documents/{documentId}", fixed("/api/v1/public/documents/" + strings.TrimPrefix(doc, "/api/v1/documents/")), nil, everyone(200)},
		{"GET", "/public/practices/{practiceId}", fixed("/api/v1/public/practices/aaaaaaaaaaaaaaaaaaaaaaaa"), nil, everyone(404)},
		{"GET", "/documents/{documentId}/visibility", fixed(doc + "/visibility"), nil, allow(200, readers...)},
		{"PUT", "/documents/{documentId}/visibility", fixed(doc + "/visibility"), func(string) any { return map[string]bool{"public": true} }, allow(200, "admin", "coordinator")},
		// Notifications: everyone their own.
		{"GET", "/notifications", fixed("/api/v1/notifications"), nil, allow(200, signedIn...)},
		{"POST", "/notifications/read", fixed("/api/v1/notifications/read"), func(string) any { return map[string]bool{"all": true} }, allow(200, signedIn...)},
		// Search: anyone (without a token public entries only; what each finds is TestSearch*'s).
		{"GET", "/search", fixed("/api/v1/search?q=ohjaamo"), nil, everyone(200)},
		{"GET", "/forums", fixed("/api/v1/forums"), nil, allow(200, signedIn...)},
		{"POST", "/forums/preview", fixed("/api/v1/forums/preview"), func(string) any { return map[string]string{"body": "**hei**"} }, allow(200, signedIn...)},
		{"POST", "/forums/circles", fixed("/api/v1/forums/circles"), func(string) any {
			return map[string]any{"title": "Piiri", "workspaceId": w.kainuu, "invite": []string{w.savo}}
		}, forumWant(201, []string{"coordinator"}, signedIn, 400)},
		{"GET", "/forums/{forumId}", fixed(forumPath), nil, forumWant(200, kainuuReaders, nil, 0)},
		{"GET", "/forums/{forumId}/mentionable", fixed(forumPath + "/mentionable?q=k"), nil, forumWant(200, kainuuReaders, nil, 0)},
		{"POST", "/forums/{forumId}/threads", fixed(forumPath + "/threads"), func(string) any { return map[string]string{"title": "Uusi", "body": "Teksti"} },
			forumWant(201, editors, []string{"observer"}, 403)},
		// Email settings: everyone their own. Unsubscribe links need no sign-in: the signed token decides
		// (a forged one is 400 for all; what a real one does is TestMentionInAForumPost…'s).
		{"GET", "/me/email-preferences", fixed("/api/v1/me/email-preferences"), nil, allow(200, signedIn...)},
		{"PUT", "/me/email-preferences", fixed("/api/v1/me/email-preferences"), func(string) any { return map[string]string{"mentions": "daily", "digest": "weekly"} }, allow(200, signedIn...)},
		{"GET", "/forums/circles/groups", fixed("/api/v1/forums/circles/groups"), nil, allow(200, "coordinator")},
		// (a GET only redirects to the client's page, whatever the token: a too-long one is refused before)
		{"GET", "/email/unsubscribe", fixed("/api/v1/email/unsubscribe?token=" + strings.Repeat("x", 201)), nil, everyone(400)},
		{"POST", "/email/unsubscribe", fixed("/api/v1/email/unsubscribe"), func(string) any { return map[string]string{"token": w.kainuu + ".mentions.forged"} }, everyone(400)},
		{"POST", "/email/unsubscribe/undo", fixed("/api/v1/email/unsubscribe/undo"), func(string) any { return map[string]string{"token": "forged"} }, everyone(400)},
		{"POST", "/forums/{forumId}/visit", fixed(forumPath + "/visit"), nil, forumWant(204, kainuuReaders, nil, 0)},
		{"PUT", "/forums/{forumId}/follow", fixed(forumPath + "/follow"), func(string) any { return map[string]bool{"following": true} }, forumWant(200, kainuuReaders, nil, 0)},
		{"POST", "/forums/{forumId}/join", fixed("/api/v1/forums/" + circle.ID + "/join"), func(string) any { return map[string]string{"workspaceId": w.savo} },
			forumWant(400, kainuuReaders, nil, 0)},
		{"GET", "/forums/{forumId}/reports", fixed(forumPath + "/reports"), nil, forumWant(200, []string{"coordinator"}, kainuuReaders, 403)},
		{"GET", "/threads/{threadId}", fixed(threadPath), nil, forumWant(200, kainuuReaders, nil, 0)},
		{"GET", "/threads/{threadId}/mentionable", fixed(threadPath + "/mentionable?q=k"), nil, forumWant(200, kainuuReaders, nil, 0)},
		{"PATCH", "/threads/{threadId}", fixed(threadPath), func(string) any { return map[string]bool{"pinned": true} }, forumWant(200, []string{"coordinator"}, kainuuReaders, 403)},
		{"POST", "/threads/{threadId}/posts", fixed(threadPath + "/posts"), func(string) any { return map[string]string{"body": "Vastaus"} }, forumWant(201, editors, []string{"observer"}, 403)},
		{"POST", "/threads/{threadId}/read", fixed(threadPath + "/read"), func(string) any { return map[string]int{"upTo": 1} }, forumWant(204, kainuuReaders, nil, 0)},
		{"PUT", "/threads/{threadId}/follow", fixed(threadPath + "/follow"), func(string) any { return map[string]bool{"following": false} }, forumWant(200, kainuuReaders, nil, 0)},
		{"PUT", "/threads/{threadId}/level", fixed(threadPath + "/level"), func(string) any { return map[string]string{"level": "mute"} }, forumWant(200, kainuuReaders, nil, 0)},
		{"PUT", "/forums/{forumId}/level", fixed(forumPath + "/level"), func(string) any { return map[string]string{"level": "watch"} }, forumWant(200, kainuuReaders, nil, 0)},
		// Notification levels: everyone their own.
		{"GET", "/notification-levels", fixed("/api/v1/notification-levels"), nil, allow(200, signedIn...)},
		{"PATCH", "/posts/{postId}", fixed("/api/v1/posts/" + memberPost.ID), func(string) any { return map[string]string{"body": "Jäsenen viesti"} },
			forumWant(200, []string{"member"}, kainuuReaders, 403)},
		{"DELETE", "/posts/{postId}", freshPost, nil, forumWant(204, editors, kainuuReaders, 403)},
		{"GET", "/posts/{postId}/history", fixed("/api/v1/posts/" + memberPost.ID + "/history"), nil, forumWant(200, kainuuReaders, nil, 0)},
		{"POST", "/posts/{postId}/reactions", fixed("/api/v1/posts/" + memberPost.ID + "/reactions"), func(string) any { return map[string]string{"reaction": "like"} },
			forumWant(200, editors, []string{"observer"}, 403)},
		{"POST", "/posts/{postId}/reports", fixed("/api/v1/posts/" + memberPost.ID + "/reports"), func(string) any { return map[string]string{"reason": "Asiaton"} },
			forumWant(204, kainuuReaders, nil, 0)},
		{"POST", "/posts/{postId}/reports/resolve", reportedPost, func(string) any { return map[string]string{"action": "dismiss"} },
			forumWant(200, []string{"coordinator"}, kainuuReaders, 403)},
		// Practices.
		{"GET", "/practices", fixed("/api/v1/practices"), nil, everyone(200)},
		{"POST", "/practices", fixed("/api/v1/practices"), func(string) any { return map[string]any{"workspaceId": w.kainuu, "name": "Uusi"} }, practiceWant(201, editors, 403)},
		{"GET", "/practices/{practiceId}", fixed(draft), nil, draftReaders},
		{"PUT", "/practices/{practiceId}", fixed(draft), func(string) any { return map[string]any{"version": version(draft), "name": "Uusi nimi"} }, practiceWant(200, editors, 404)},
		{"POST", "/practices/{practiceId}/submit", func(string) string { return "/api/v1/practices/" + newDraft().ID + "/submit" }, func(string) any { return map[string]int{"version": 1} }, practiceWant(200, editors, 404)},
		{"POST", "/practices/{practiceId}/review", freshSubmitted, func(string) any { return map[string]any{"version": 2, "decision": "approve"} }, practiceWant(200, []string{"coordinator"}, 404)},
		{"POST", "/practices/{practiceId}/visibility", fixed(published + "/visibility"), func(string) any { return map[string]any{"version": version(published), "public": false} }, practiceWant(200, []string{"coordinator"}, 403)},
		{"GET", "/practices/{practiceId}/versions/{n}", fixed(published + "/versions/1"), nil, allow(200, signedIn...)},
		{"GET", "/practices/{practiceId}/adoptions", fixed(published + "/adoptions"), nil, allow(200, signedIn...)},
		{"POST", "/practices/{practiceId}/adoptions", fixed(published + "/adoptions"), func(string) any { return map[string]string{"workspaceId": w.savo, "experience": "Toimii"} }, allow(201, "otherGroup")},
		{"GET", "/practices/{practiceId}/links", fixed(published + "/links"), nil, allow(200, signedIn...)},
		{"PUT", "/practices/{practiceId}/level", fixed(published + "/level"), func(string) any { return map[string]string{"level": "watch"} }, allow(200, signedIn...)},
		{"POST", "/practices/{practiceId}/links", fixed(published + "/links"), func(role string) any {
			return map[string]string{"kind": "action", "documentId": strings.TrimPrefix(doc, "/api/v1/documents/"), "node": "n-" + role}
		}, practiceWant(201, editors, 400)},
		{"DELETE", "/practices/{practiceId}/links/{linkId}", freshLink, nil, practiceWant(204, editors, 403)},
		{"GET", "/documents/{documentId}/practice-links", fixed(doc + "/practice-links"), nil, allow(200, readers...)},
	}
	covered := map[string]bool{}
	for _, r := range rows {
		covered[r.method+" "+r.route] = true
		for _, role := range roles {
			var body any
			if r.body != nil {
				body = r.body(role)
			}
			path := r.path(role)
			got := w.call(r.method, path, w.as(role), body)
			if got.Status != r.want[role] {
				t.Errorf("%s %s as %s: %d, want %d (%s)", r.method, r.route, role, got.Status, r.want[role], got.Body)
			}
		}
	}
	// Every route is in the matrix, except the public ones of signing in, which take no role.
	public := []string{"GET /setup", "POST /setup", "POST /auth/login", "POST /auth/refresh", "POST /auth/logout",
		"POST /auth/password-reset", "POST /auth/password-reset/confirm", "GET /reference", "GET /openapi.yaml",
		"GET /invitations/{token}", "POST /invitations/{token}/accept", "POST /me/password",
		"GET /documents/{documentId}/socket", "GET /events/socket"} // sockets: TestSocketsAreRefusedBeforeTheUpgrade
	for _, r := range w.app.Routes() {
		key := r.Method + " " + r.Path
		if !covered[key] && !slices.Contains(public, key) {
			t.Errorf("route not in the authorization matrix: %s", key)
		}
	}
}
