package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/refdata"
)

// count counts a person's notifications of a kind about a subject.
func count(ns []notificationView, kind, subject string) int {
	n := 0
	for _, x := range ns {
		if x.Kind == kind && x.Subject == subject {
			n++
		}
	}
	return n
}

func (w *world) setLevel(as session, path, level string) {
	w.t.Helper()
	w.must(200, "PUT", "/api/v1/"+path+"/level", as.Token, map[string]string{"level": level})
}

type levelHead struct {
	Level  string
	Unread int
}

func (w *world) threadLevel(as session, thread string) levelHead {
	w.t.Helper()
	var page struct{ Thread levelHead }
	w.must(200, "GET", "/api/v1/threads/"+thread, as.Token, nil).json(w.t, &page)
	return page.Thread
}

func TestThreadLevelsWatchNormalMute(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	th := w.newForumThread(w.member, ohjaamo, "Nuorten tavoittaminen", "Miten te teette?")
	// Defaults: the starter watches, others are at normal.
	if l := w.threadLevel(w.member, th.Thread.ID).Level; l != "watch" {
		t.Fatalf("starter's level: %q", l)
	}
	if l := w.threadLevel(w.savoMember, th.Thread.ID).Level; l != "normal" {
		t.Fatalf("reader's level: %q", l)
	}
	// Mute: a mention notifies nobody, and the thread's posts are not unread.
	w.setLevel(w.coord, "threads/"+th.Thread.ID, "mute")
	w.post(w.savoMember, th.Thread.ID, "Kysytään "+mention("Kaisa Koordinaattori", w.coord.UserID)+" – miten Kainuussa?")
	if ns := w.notifications(w.coord); len(ns) != 0 {
		t.Errorf("a muted thread's mention notified: %+v", ns)
	}
	edited := w.post(w.savoMember, th.Thread.ID, "Toinen viesti")
	w.must(200, "PATCH", "/api/v1/posts/"+edited.ID, w.savoMember.Token, map[string]string{"body": "Muokattu, " + mention("Kaisa Koordinaattori", w.coord.UserID)})
	if ns := w.notifications(w.coord); len(ns) != 0 {
		t.Errorf("a muted thread's edited mention notified: %+v", ns)
	}
	if h := w.threadLevel(w.coord, th.Thread.ID); h.Level != "mute" || h.Unread != 0 {
		t.Errorf("muted thread: %+v", h)
	}
	var page struct {
		Forum struct {
			Unread int
			Level  string
		}
		Threads []levelHead
	}
	w.must(200, "GET", "/api/v1/forums/"+ohjaamo, w.coord.Token, nil).json(t, &page)
	if page.Forum.Unread != 0 || page.Forum.Level != "normal" || len(page.Threads) != 1 || page.Threads[0].Unread != 0 {
		t.Errorf("forum with a muted thread: %+v", page)
	}
	// Normal: a mention notifies, other posts do not.
	w.post(w.savoMember, th.Thread.ID, "Hei "+mention("Ville Valtakunta", w.nationalMember.UserID))
	w.post(w.savoMember, th.Thread.ID, "Ja vielä yksi")
	if ns := w.notifications(w.nationalMember); len(ns) != 1 || ns[0].Kind != "mention" {
		t.Errorf("normal level: %+v", ns)
	}
	// Watch: every post.
	w.setLevel(w.nationalMember, "threads/"+th.Thread.ID, "watch")
	w.post(w.savoMember, th.Thread.ID, "Viides")
	w.post(w.coord, th.Thread.ID, "Kuudes") // a muted person may still write
	if ns := w.notifications(w.nationalMember); count(ns, "followed", th.Thread.Title) != 2 {
		t.Errorf("watching: %+v", ns)
	}
	// The starter hears of every post (replies to the thread); the muted coordinator of none.
	if ns := w.notifications(w.member); count(ns, "reply", th.Thread.Title) != 6 {
		t.Errorf("starter: %+v", ns)
	}
	if ns := w.notifications(w.coord); len(ns) != 0 {
		t.Errorf("muted: %+v", ns)
	}
	// The starter mutes their own thread: a quote of their post does not notify either.
	w.setLevel(w.member, "threads/"+th.Thread.ID, "mute")
	before := len(w.notifications(w.member))
	w.must(201, "POST", "/api/v1/threads/"+th.Thread.ID+"/posts", w.savoMember.Token, map[string]string{"body": "Lainaan", "quote": th.Posts[0].ID})
	if ns := w.notifications(w.member); len(ns) != before {
		t.Errorf("a muted starter was told: %+v", ns[:len(ns)-before])
	}

	// The older follow route maps to the levels.
	w.must(200, "PUT", "/api/v1/threads/"+th.Thread.ID+"/follow", w.coord.Token, map[string]bool{"following": true})
	if l := w.threadLevel(w.coord, th.Thread.ID).Level; l != "watch" {
		t.Errorf("follow -> %q", l)
	}
	w.must(200, "PUT", "/api/v1/threads/"+th.Thread.ID+"/follow", w.coord.Token, map[string]bool{"following": false})
	if l := w.threadLevel(w.coord, th.Thread.ID).Level; l != "normal" {
		t.Errorf("unfollow -> %q", l)
	}

	// Bad input changes nothing: an unknown level, a thread one may not read.
	if r := w.call("PUT", "/api/v1/threads/"+th.Thread.ID+"/level", w.coord.Token, map[string]string{"level": "loud"}); r.errorCode() != "invalid_field" {
		t.Errorf("unknown level: %d %s", r.Status, r.errorCode())
	}
	if r := w.call("PUT", "/api/v1/threads/"+th.Thread.ID+"/level", w.coord.Token, map[string]any{"level": "mute", "extra": 1}); r.Status != 400 {
		t.Errorf("unknown field: %d", r.Status)
	}
	private := w.newForumThread(w.member, w.kainuu, "Sisäinen", "Vain meille")
	if r := w.call("PUT", "/api/v1/threads/"+private.Thread.ID+"/level", w.savoMember.Token, map[string]string{"level": "watch"}); r.Status != 404 {
		t.Errorf("level on a thread one cannot read: %d", r.Status)
	}
	if l := w.threadLevel(w.coord, th.Thread.ID).Level; l != "normal" {
		t.Errorf("after bad input: %q", l)
	}

	// The chosen levels are listed and survive a restart.
	w.restart()
	var list struct {
		Levels []struct{ Kind, ID, Level, Title, Link string }
	}
	w.must(200, "GET", "/api/v1/notification-levels", w.nationalMember.Token, nil).json(t, &list)
	if len(list.Levels) != 1 || list.Levels[0].Kind != "thread" || list.Levels[0].Level != "watch" || list.Levels[0].Title != th.Thread.Title ||
		list.Levels[0].Link != "/threads/"+th.Thread.ID {
		t.Errorf("levels: %+v", list)
	}
	if l := w.threadLevel(w.member, th.Thread.ID).Level; l != "mute" {
		t.Errorf("after restart: %q", l)
	}
}

func TestForumWatchWithAThreadMuted(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	a := w.newForumThread(w.member, ohjaamo, "Ensimmäinen", "Yksi")
	b := w.newForumThread(w.member, ohjaamo, "Toinen", "Kaksi")
	w.setLevel(w.nationalMember, "forums/"+ohjaamo, "watch")
	w.setLevel(w.nationalMember, "threads/"+b.Thread.ID, "mute")
	w.post(w.savoMember, a.Thread.ID, "Vastaus ensimmäiseen")
	w.post(w.savoMember, b.Thread.ID, "Vastaus toiseen "+mention("Ville Valtakunta", w.nationalMember.UserID))
	c := w.newForumThread(w.savoMember, ohjaamo, "Kolmas", "Uusi ketju")
	ns := w.notifications(w.nationalMember)
	if count(ns, "followed", "Ensimmäinen") != 1 || count(ns, "followed", "Kolmas") != 1 || len(ns) != 2 {
		t.Errorf("forum watched, one thread muted: %+v", ns)
	}
	if h := w.threadLevel(w.nationalMember, c.Thread.ID); h.Level != "watch" {
		t.Errorf("a new thread of a watched forum: %+v", h)
	}
	// A muted forum: nothing, not even mentions; a thread chosen watch still tells.
	w.setLevel(w.coord, "forums/"+ohjaamo, "mute")
	w.setLevel(w.coord, "threads/"+a.Thread.ID, "watch")
	w.post(w.savoMember, c.Thread.ID, "Hei "+mention("Kaisa Koordinaattori", w.coord.UserID))
	w.post(w.savoMember, a.Thread.ID, "Lisää ensimmäiseen")
	ns = w.notifications(w.coord)
	if len(ns) != 1 || count(ns, "followed", "Ensimmäinen") != 1 {
		t.Errorf("forum muted, one thread watched: %+v", ns)
	}
	var list struct {
		Levels []struct {
			Kind, ID, Level string
			Names           struct{ FI string }
		}
	}
	w.must(200, "GET", "/api/v1/notification-levels", w.coord.Token, nil).json(t, &list)
	if len(list.Levels) != 2 || list.Levels[0].Kind != "thread" || list.Levels[1].Kind != "forum" || list.Levels[1].Names.FI == "" {
		t.Errorf("levels: %+v", list)
	}
	// A private area one cannot read takes no level.
	if r := w.call("PUT", "/api/v1/forums/"+w.kainuu+"/level", w.savoMember.Token, map[string]string{"level": "watch"}); r.Status != 404 {
		t.Errorf("level on a forum one cannot read: %d", r.Status)
	}
}

func TestPracticeLevels(t *testing.T) {
	w := newWorld(t)
	v := w.publishPractice("Työnantajakahvila")
	// Defaults: the author watches, others are at normal.
	if l := w.practiceLevel(w.member, v.ID); l != "watch" {
		t.Fatalf("author's level: %q", l)
	}
	if l := w.practiceLevel(w.nationalMember, v.ID); l != "normal" {
		t.Fatalf("reader's level: %q", l)
	}
	// Watch: adoptions and new versions.
	w.setLevel(w.nationalMember, "practices/"+v.ID, "watch")
	w.must(201, "POST", "/api/v1/practices/"+v.ID+"/adoptions", w.savoMember.Token, map[string]any{"workspaceId": w.savo, "experience": "Toimi hyvin."})
	ns := w.notifications(w.nationalMember)
	if count(ns, "adoption", "Työnantajakahvila") != 1 {
		t.Errorf("watcher not told of the adoption: %+v", ns)
	}
	// A new version: the coordinator (normal) is asked to review; the watcher hears it is published.
	var cur practiceView
	w.must(200, "GET", "/api/v1/practices/"+v.ID, w.member.Token, nil).json(t, &cur)
	body := practiceFields("Työnantajakahvila 2.0")
	body["version"] = cur.Version
	w.must(200, "PUT", "/api/v1/practices/"+v.ID, w.member.Token, body).json(t, &cur)
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/submit", w.member.Token, map[string]any{"version": cur.Version}).json(t, &cur)
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/review", w.coord.Token, map[string]any{"version": cur.Version, "decision": "approve"}).json(t, &cur)
	ns = w.notifications(w.nationalMember)
	if count(ns, "published", "Työnantajakahvila 2.0") != 1 || len(ns) != 2 {
		t.Errorf("watcher not told of the new version: %+v", ns)
	}
	// Normal: a reader hears nothing of adoptions or versions.
	if ns := w.notifications(w.savoMember); len(ns) != 0 {
		t.Errorf("normal reader: %+v", ns)
	}
	// Mute: the author hears nothing, the coordinator is not asked to review.
	w.setLevel(w.member, "practices/"+v.ID, "mute")
	w.setLevel(w.coord, "practices/"+v.ID, "mute")
	authorBefore, coordBefore := len(w.notifications(w.member)), len(w.notifications(w.coord))
	w.must(200, "GET", "/api/v1/practices/"+v.ID, w.member.Token, nil).json(t, &cur)
	body["version"], body["name"] = cur.Version, "Työnantajakahvila 3.0"
	w.must(200, "PUT", "/api/v1/practices/"+v.ID, w.member.Token, body).json(t, &cur)
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/submit", w.member.Token, map[string]any{"version": cur.Version}).json(t, &cur)
	w.must(200, "POST", "/api/v1/practices/"+v.ID+"/review", w.coord.Token, map[string]any{"version": cur.Version, "decision": "approve"}).json(t, &cur)
	if n := len(w.notifications(w.member)); n != authorBefore {
		t.Errorf("muted author told: %d -> %d", authorBefore, n)
	}
	if n := len(w.notifications(w.coord)); n != coordBefore {
		t.Errorf("muted coordinator told: %d -> %d", coordBefore, n)
	}
	if count(w.notifications(w.nationalMember), "published", "Työnantajakahvila 3.0") != 1 {
		t.Error("watcher not told of version 3")
	}
	// A draft of another group takes no level.
	draft := practiceFields("Luonnos")
	draft["workspaceId"] = w.kainuu
	var d practiceView
	w.must(201, "POST", "/api/v1/practices", w.member.Token, draft).json(t, &d)
	if r := w.call("PUT", "/api/v1/practices/"+d.ID+"/level", w.savoMember.Token, map[string]string{"level": "watch"}); r.Status != 404 {
		t.Errorf("level on a draft one cannot read: %d", r.Status)
	}
	var list struct {
		Levels []struct{ Kind, Level, Title, Link string }
	}
	w.must(200, "GET", "/api/v1/notification-levels", w.nationalMember.Token, nil).json(t, &list)
	if len(list.Levels) != 1 || list.Levels[0].Kind != "practice" || list.Levels[0].Title != "Työnantajakahvila 3.0" {
		t.Errorf("levels: %+v", list)
	}
}

func (w *world) practiceLevel(as session, id string) string {
	w.t.Helper()
	var v struct{ Level string }
	w.must(200, "GET", "/api/v1/practices/"+id, as.Token, nil).json(w.t, &v)
	return v.Level
}

// The plan editor lists the practices linked to a plan's actions: a reader of the plan sees only
// the practices they may read (a draft of another group stays hidden).
func TestPlanPracticeLinksShowOnlyReadablePractices(t *testing.T) {
	w := newWorld(t)
	plan := w.createPlan(w.coord)
	published := w.publishPractice("Työnantajakahvila")
	// Kainuu's member joins Etelä-Savo too, writes a draft there and links it to Kainuu's plan.
	w.must(201, "POST", "/api/v1/workspaces/"+w.savo+"/invitations", w.admin.Token, map[string]string{"email": "jasen@kainuu.test", "role": "member"})
	w.must(200, "POST", "/api/v1/invitations/"+linkIn(t, w.mail.last(t, "jasen@kainuu.test"))+"/accept", w.member.Token, map[string]string{})
	draft := practiceFields("Savon luonnos")
	draft["workspaceId"] = w.savo
	var d practiceView
	w.must(201, "POST", "/api/v1/practices", w.member.Token, draft).json(t, &d)
	for _, id := range []string{published.ID, d.ID} {
		w.must(201, "POST", "/api/v1/practices/"+id+"/links", w.member.Token, map[string]any{"kind": "action", "documentId": plan, "node": "a1"})
	}
	names := func(as session) []string {
		var links []struct{ PracticeID, PracticeName, Node string }
		w.must(200, "GET", "/api/v1/documents/"+plan+"/practice-links", as.Token, nil).json(t, &links)
		var out []string
		for _, l := range links {
			out = append(out, l.PracticeName+"@"+l.Node)
		}
		return out
	}
	if got := names(w.member); len(got) != 2 {
		t.Errorf("the linker sees: %v", got)
	}
	for _, s := range []session{w.coord, w.observer} {
		if got := names(s); len(got) != 1 || got[0] != "Työnantajakahvila@a1" {
			t.Errorf("%s sees: %v", s.Email, got)
		}
	}
}

// A level chosen in one tab reaches the person's other tabs live (their own topic, kind level),
// and nobody else's; choosing the level already chosen sends nothing.
func TestLevelChangesReachThePersonsOtherTabs(t *testing.T) {
	w := newWorld(t)
	ohjaamo := refdata.DefaultID(refdata.Themes, "ohjaamo")
	th := w.newForumThread(w.member, ohjaamo, "Tasot välilehdillä", "Aloitus.")
	tab := w.listen(w.coord)
	other := w.listen(w.savoMember)
	w.setLevel(w.coord, "threads/"+th.Thread.ID, "mute")
	w.setLevel(w.coord, "threads/"+th.Thread.ID, "mute") // unchanged: no event
	w.setLevel(w.coord, "forums/"+ohjaamo, "watch")
	for _, want := range []struct{ kind, id, level string }{{"thread", th.Thread.ID, "mute"}, {"forum", ohjaamo, "watch"}} {
		ev := tab.next("event")
		var got struct{ Kind, ID, Level string }
		if err := json.Unmarshal(ev.Data, &got); err != nil || ev.Topic != "user:"+w.coord.UserID || ev.Kind != "level" ||
			got.Kind != want.kind || got.ID != want.id || got.Level != want.level {
			t.Fatalf("level event: %s (want %+v)", ev.Raw, want)
		}
	}
	// The other person hears nothing of it: their next message is their own change.
	w.setLevel(w.savoMember, "threads/"+th.Thread.ID, "watch")
	if ev := other.next("event"); !strings.Contains(string(ev.Raw), `"level":"watch"`) || ev.Topic != "user:"+w.savoMember.UserID {
		t.Errorf("the other person's first event: %s", ev.Raw)
	}
}
