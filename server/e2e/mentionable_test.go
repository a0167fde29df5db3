package e2e

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

type mentionablePerson struct {
	UserID, Name, Organisation string
}

func (w *world) mentionable(s session, path, q string) []mentionablePerson {
	w.t.Helper()
	var r struct{ People []mentionablePerson }
	w.must(200, "GET", path+"?q="+url.QueryEscape(q), s.Token, nil).json(w.t, &r)
	return r.People
}

func names(ps []mentionablePerson) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}

// TestMentionSuggestionsAreTheThreadsReaders: @mention suggestions in every forum list only
// people who can read it (a theme forum: everyone; a group's area: its members; a peer circle:
// the members of the groups that joined), by a prefix of any word of the name (case and accents
// folded), the thread's participants first; the asker is left out; bad input is refused.
func TestMentionSuggestionsAreTheThreadsReaders(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")

	// Theme forum: anyone signed in, from any group; matching any word, folded.
	th := w.newForumThread(w.member, ohjaamo, "Nuorten tavoittaminen", "Kertokaa kokemuksia.")
	tpath := "/api/v1/threads/" + th.Thread.ID + "/mentionable"
	if got := names(w.mentionable(w.member, tpath, "ee")); !slices.Equal(got, []string{"Eero Savolainen"}) {
		t.Errorf("theme forum, 'ee': %v", got)
	}
	if got := names(w.mentionable(w.member, tpath, "SAVO")); !slices.Equal(got, []string{"Eero Savolainen"}) {
		t.Errorf("theme forum, 'SAVO' (a later word, upper case): %v", got)
	}
	if got := names(w.mentionable(w.coord, tpath, "jas")); !slices.Equal(got, []string{"Juho Jäsen"}) {
		t.Errorf("theme forum, 'jas' (folded ä): %v", got)
	}
	if got := w.mentionable(w.member, tpath, "olainen"); len(got) != 0 {
		t.Errorf("theme forum, 'olainen' (inside a word): %v", names(got))
	}
	// The asker is left out; the whole network otherwise, participants first.
	w.post(w.nationalMember, th.Thread.ID, "Meillä toimii.")
	all := w.mentionable(w.member, tpath, "")
	if len(all) == 0 || all[0].Name != "Ville Valtakunta" || slices.Contains(names(all), "Juho Jäsen") {
		t.Errorf("theme forum, everyone: %v", names(all))
	}
	for _, want := range []string{"Eero Savolainen", "Kaisa Koordinaattori", "Sanna Seuraaja"} {
		if !slices.Contains(names(all), want) {
			t.Errorf("theme forum: %s missing from %v", want, names(all))
		}
	}
	if len(all) > 8 {
		t.Errorf("more than 8 suggestions: %d", len(all))
	}

	// A group's private area: its members only, never outsiders, whatever the query.
	kt := w.newForumThread(w.member, w.kainuu, "Sisäinen", "Vain Kainuulle.")
	kpath := "/api/v1/threads/" + kt.Thread.ID + "/mentionable"
	got := names(w.mentionable(w.member, kpath, ""))
	slices.Sort(got)
	if !slices.Equal(got, []string{"Kaisa Koordinaattori", "Sanna Seuraaja"}) {
		t.Errorf("Kainuu's area: %v", got)
	}
	for _, q := range []string{"ee", "sav", "vil", "val"} {
		if got := w.mentionable(w.coord, kpath, q); len(got) != 0 {
			t.Errorf("Kainuu's area, %q: outsiders suggested %v", q, names(got))
		}
	}
	if got := w.mentionable(w.member, "/api/v1/forums/"+w.kainuu+"/mentionable", "kai"); len(got) != 1 || got[0].UserID != w.coord.UserID {
		t.Errorf("Kainuu's area, new thread, 'kai': %v", names(got))
	}
	// Who cannot read it cannot ask.
	for _, s := range []session{w.savoMember, w.nationalMember} {
		w.must(404, "GET", kpath+"?q=k", s.Token, nil)
		w.must(404, "GET", "/api/v1/forums/"+w.kainuu+"/mentionable?q=k", s.Token, nil)
	}

	// A peer circle: Etelä-Savo's people only once their group has joined.
	savoCoord := w.invite(w.admin, w.savo, "koordinaattori@etela-savo.test", "coordinator", "Satu Savo")
	var circle forumView
	w.must(201, "POST", "/api/v1/forums/circles", w.coord.Token, map[string]any{"title": "Kainuu ja Etelä-Savo", "workspaceId": w.kainuu, "invite": []string{w.savo}}).json(t, &circle)
	ct := w.newForumThread(w.member, circle.ID, "Yhteinen hanke", "Aloitetaan.")
	cpath := "/api/v1/threads/" + ct.Thread.ID + "/mentionable"
	if got := w.mentionable(w.member, cpath, "sa"); !slices.Equal(names(got), []string{"Sanna Seuraaja"}) {
		t.Errorf("circle before Etelä-Savo joined, 'sa': %v", names(got))
	}
	w.must(404, "GET", cpath, w.savoMember.Token, nil)
	w.must(200, "POST", "/api/v1/forums/"+circle.ID+"/join", savoCoord.Token, map[string]string{"workspaceId": w.savo})
	got = names(w.mentionable(w.member, cpath, "sa"))
	slices.Sort(got)
	if !slices.Equal(got, []string{"Eero Savolainen", "Sanna Seuraaja", "Satu Savo"}) {
		t.Errorf("circle after Etelä-Savo joined, 'sa': %v", got)
	}
	if got := w.mentionable(w.savoMember, cpath, "v"); len(got) != 0 {
		t.Errorf("circle: the national group's member suggested: %v", names(got))
	}
	// Participants first (the latest first), then the others by name.
	w.post(w.savoMember, ct.Thread.ID, "Hei kaikille.")
	w.post(savoCoord, ct.Thread.ID, "Tervetuloa.")
	if got := names(w.mentionable(w.member, cpath, "sa")); !slices.Equal(got, []string{"Satu Savo", "Eero Savolainen", "Sanna Seuraaja"}) {
		t.Errorf("circle, participants first: %v", got)
	}

	// Bad input: too long a query, a malformed or unknown id.
	r := w.call("GET", tpath+"?q="+strings.Repeat("a", 101), w.member.Token, nil)
	if r.Status != 400 || r.errorCode() != "invalid_field" {
		t.Errorf("q of 101 characters: %d %s", r.Status, r.Body)
	}
	if r := w.call("GET", "/api/v1/threads/nope/mentionable?q=a", w.member.Token, nil); r.Status != 400 {
		t.Errorf("malformed thread id: %d", r.Status)
	}
	if r := w.call("GET", "/api/v1/threads/0123456789abcdef01234567/mentionable?q=a", w.member.Token, nil); r.Status != 404 || r.errorCode() != "not_found" {
		t.Errorf("unknown thread: %d %s", r.Status, r.Body)
	}
	w.must(401, "GET", tpath+"?q=a", "", nil)
}
