package e2e

import (
	"context"
	"mime"
	"net/http"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/notifymail"
)

// waitMail waits until the mailbox holds n emails to the address and returns the newest.
func (m *mailbox) waitMail(t *testing.T, to string, n int) message {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for m.count(to) < n {
		select {
		case <-m.got:
		case <-deadline:
			t.Fatalf("%d emails to %s, waited for %d", m.count(to), to, n)
		}
	}
	return m.last(t, to)
}

// parsed is an email as its reader sees it.
type parsed struct {
	Subject string
	Header  mail.Header
	Body    string
}

func parseMail(t *testing.T, m message) parsed {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(m.Data))
	if err != nil {
		t.Fatalf("parse email: %v\n%s", err, m.Data)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := msg.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return parsed{Subject: subject, Header: msg.Header, Body: strings.ReplaceAll(b.String(), "\r\n", "\n")}
}

// linkAfter is the first http://elo.test link in the body after the text.
func linkAfter(t *testing.T, body, after string) string {
	t.Helper()
	i := strings.Index(body, after)
	if i < 0 {
		t.Fatalf("no %q in\n%s", after, body)
	}
	m := regexp.MustCompile(`http://elo\.test(/\S*)`).FindStringSubmatch(body[i:])
	if m == nil {
		t.Fatalf("no link after %q in\n%s", after, body)
	}
	return m[1]
}

func (w *world) emailPrefs(s session) notifymail.Preferences {
	w.t.Helper()
	var p notifymail.Preferences
	w.must(200, "GET", "/api/v1/me/email-preferences", s.Token, nil).json(w.t, &p)
	return p
}

// runDue runs the email sender as if the clock said at (and waits for it).
func (w *world) runDue(at time.Time) {
	w.t.Helper()
	if err := w.app.NotifyMail.RunDue(context.Background(), at); err != nil {
		w.t.Fatal(err)
	}
}

func TestMentionInAForumPostArrivesByEmailWithALinkAndOneClickUnsubscribe(t *testing.T) {
	// The email's links open the client's pages: a stand-in client (its index.html), as the Go
	// tests run before the client is built.
	w := newWorld(t, "MENTION_EMAIL_DELAY", "0s", "WEB_DIR", standInClient(t))
	coordMail, savoMail := "koordinaattori@kainuu.test", "jasen@etela-savo.test"
	if p := w.emailPrefs(w.coord); p != notifymail.Defaults {
		t.Fatalf("defaults: %+v", p)
	}
	before, savoBefore := w.mail.count(coordMail), w.mail.count(savoMail)
	// Kainuu's member mentions the coordinator, and Etelä-Savo's member who cannot read the area.
	th := w.newForumThread(w.member, w.kainuu, "Ohjaamon aukioloajat", "Mitä mieltä olette? @[Kaisa Koordinaattori]("+w.coord.UserID+") @[Eero Savolainen]("+w.savoMember.UserID+")")
	raw := w.mail.waitMail(t, coordMail, before+1)
	t.Logf("the email:\n%s", raw.Data)
	m := parseMail(t, raw)
	if !strings.Contains(m.Subject, "Juho Jäsen mainitsi sinut") || !strings.Contains(m.Subject, "Ohjaamon aukioloajat") {
		t.Errorf("subject %q", m.Subject)
	}
	if !strings.Contains(m.Body, "Hei Kaisa Koordinaattori") || !strings.Contains(m.Body, "Mitä mieltä olette?") {
		t.Errorf("body:\n%s", m.Body)
	}
	// The link opens the thread: the client's page, whose thread the coordinator reads.
	link := linkAfter(t, m.Body, "Avaa se tästä:")
	if !strings.HasPrefix(link, "/threads/"+th.Thread.ID) {
		t.Fatalf("link %s", link)
	}
	if r := w.raw("GET", link, nil); r.Status != 200 || !strings.Contains(r.Header.Get("Content-Type"), "text/html") {
		t.Errorf("GET %s: %d", link, r.Status)
	}
	w.must(200, "GET", "/api/v1/threads/"+th.Thread.ID, w.coord.Token, nil)
	// The outsider gets nothing, now or later.
	w.runDue(time.Now().Add(time.Hour))
	if n := w.mail.count(savoMail); n != savoBefore {
		t.Errorf("the outsider got %d emails", n-savoBefore)
	}

	// One click from the mail client (RFC 8058): POST the form to the List-Unsubscribe address.
	if got := m.Header.Get("List-Unsubscribe-Post"); got != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post %q", got)
	}
	lu := regexp.MustCompile(`^<http://elo\.test(/api/v1/email/unsubscribe\?token=[^>]+)>$`).FindStringSubmatch(m.Header.Get("List-Unsubscribe"))
	if lu == nil {
		t.Fatalf("List-Unsubscribe %q", m.Header.Get("List-Unsubscribe"))
	}
	headerPath := lu[1]
	token := headerPath[strings.Index(headerPath, "=")+1:]
	// A GET of that address (a link scanner, or a mail client without one-click) changes nothing
	// and leads to the client's page.
	res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Get(w.url + headerPath)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 303 || res.Header.Get("Location") != "/unsubscribe?token="+token {
		t.Errorf("GET the header's address: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	if p := w.emailPrefs(w.coord); p.Mentions != notifymail.Immediately {
		t.Fatalf("a GET unsubscribed: %+v", p)
	}
	r := w.raw("POST", headerPath, []byte("List-Unsubscribe=One-Click"), "Content-Type", "application/x-www-form-urlencoded")
	if r.Status != 200 {
		t.Fatalf("one-click POST: %d %s", r.Status, r.Body)
	}
	if p := w.emailPrefs(w.coord); p != (notifymail.Preferences{Mentions: notifymail.Never, Digest: notifymail.Weekly}) {
		t.Fatalf("after one click: %+v", p)
	}
	// Now a mention sends nothing.
	sent := w.mail.count(coordMail)
	w.post(w.member, th.Thread.ID, "Entä lauantait, @[Kaisa Koordinaattori]("+w.coord.UserID+")?")
	w.runDue(time.Now().Add(time.Hour))
	if n := w.mail.count(coordMail); n != sent {
		t.Errorf("unsubscribed, yet %d emails", n-sent)
	}
	// Undo with the same token brings the previous settings back.
	var u notifymail.Unsubscription
	w.must(200, "POST", "/api/v1/email/unsubscribe/undo", "", map[string]string{"token": token}).json(t, &u)
	if !u.Undone || u.Preferences != notifymail.Defaults || w.emailPrefs(w.coord) != notifymail.Defaults {
		t.Errorf("undo: %+v, now %+v", u, w.emailPrefs(w.coord))
	}

	// The link in the body opens the client's page, which posts the token: the GET route.
	page := linkAfter(t, m.Body, "yhdellä napsautuksella:")
	if page != "/unsubscribe?token="+token+"&lang=fi" { // the page speaks the email's language
		t.Fatalf("body's unsubscribe link %s", page)
	}
	if r := w.raw("GET", page, nil); r.Status != 200 || !strings.Contains(r.Header.Get("Content-Type"), "text/html") {
		t.Errorf("GET %s: %d", page, r.Status)
	}
	w.must(200, "POST", "/api/v1/email/unsubscribe", "", map[string]string{"token": token})
	if p := w.emailPrefs(w.coord); p.Mentions != notifymail.Never {
		t.Errorf("after the page: %+v", p)
	}

	// Forged, damaged or borrowed tokens: 400, nothing changes.
	w.must(200, "PUT", "/api/v1/me/email-preferences", w.member.Token, notifymail.Defaults)
	parts := strings.Split(token, ".")
	for _, bad := range []string{"", "x", token + "x", strings.Replace(token, parts[2], strings.Repeat("A", len(parts[2])), 1),
		w.member.UserID + "." + parts[1] + "." + parts[2], parts[0] + ".digest." + parts[2], strings.Repeat("a", 300)} {
		r := w.call("POST", "/api/v1/email/unsubscribe", "", map[string]string{"token": bad})
		if r.Status != 400 || r.errorCode() != "unsubscribe_link_invalid" && r.errorCode() != "invalid_field" {
			t.Errorf("token %q: %d %s", bad, r.Status, r.Body)
		}
		if r := w.call("POST", "/api/v1/email/unsubscribe/undo", "", map[string]string{"token": bad}); r.Status != 400 {
			t.Errorf("undo with token %q: %d", bad, r.Status)
		}
	}
	if p := w.emailPrefs(w.member); p != notifymail.Defaults {
		t.Errorf("a forged token changed the member's settings: %+v", p)
	}
	w.must(400, "POST", "/api/v1/email/unsubscribe", "", map[string]string{"token": token, "$ne": ""})
	w.must(400, "PUT", "/api/v1/me/email-preferences", w.member.Token, map[string]string{"mentions": "hourly", "digest": "weekly"})
	w.must(400, "PUT", "/api/v1/me/email-preferences", w.member.Token, map[string]string{"mentions": "never", "digest": "immediately"})

	// Emails come in the person's language.
	w.must(200, "PATCH", "/api/v1/me", w.member.Token, map[string]string{"language": "sv"})
	memberMail := "jasen@kainuu.test"
	n := w.mail.count(memberMail)
	w.post(w.coord, th.Thread.ID, "Tack @[Juho Jäsen]("+w.member.UserID+")!")
	sv := parseMail(t, w.mail.waitMail(t, memberMail, n+1))
	if !strings.Contains(sv.Subject, "nämnde dig") || !strings.Contains(sv.Body, "Hej Juho Jäsen") || !strings.Contains(sv.Body, "Avsluta de här meddelandena") {
		t.Errorf("Swedish email: %q\n%s", sv.Subject, sv.Body)
	}
}

func TestDigestHoldsTheUnreadNotificationsAndFollowsTheSettings(t *testing.T) {
	w := newWorld(t, "MENTION_EMAIL_DELAY", "0s")
	coordMail, observerMail, memberMail := "koordinaattori@kainuu.test", "seuraaja@kainuu.test", "jasen@kainuu.test"
	w.must(200, "PUT", "/api/v1/me/email-preferences", w.coord.Token, notifymail.Preferences{Mentions: notifymail.Daily, Digest: notifymail.Daily})
	w.must(200, "PUT", "/api/v1/me/email-preferences", w.observer.Token, notifymail.Preferences{Mentions: notifymail.Never, Digest: notifymail.Never})
	w.must(200, "PUT", "/api/v1/me/email-preferences", w.member.Token, notifymail.Preferences{Mentions: notifymail.Never, Digest: notifymail.Weekly})
	coord0, obs0, member0 := w.mail.count(coordMail), w.mail.count(observerMail), w.mail.count(memberMail)

	// The coordinator is mentioned twice and reads one of them in the app; the member gets a
	// reply in their thread; the observer is mentioned but wants no email.
	a := w.newForumThread(w.member, w.kainuu, "Kevään koulutuspäivä", "Ideoita? @[Kaisa Koordinaattori]("+w.coord.UserID+") @[Sanna Seuraaja]("+w.observer.UserID+")")
	b := w.newForumThread(w.member, w.kainuu, "Budjetti 2027", "Katso tämä @[Kaisa Koordinaattori]("+w.coord.UserID+")")
	w.post(w.coord, a.Thread.ID, "Hyvä ajatus, valmistellaan.")
	var page struct{ Notifications []struct{ ID, Link string } }
	w.must(200, "GET", "/api/v1/notifications", w.coord.Token, nil).json(t, &page)
	var readID string
	for _, n := range page.Notifications {
		if strings.Contains(n.Link, b.Thread.ID) {
			readID = n.ID
		}
	}
	w.must(200, "POST", "/api/v1/notifications/read", w.coord.Token, map[string]any{"ids": []string{readID}})
	if len(w.notifications(w.member)) == 0 {
		t.Fatal("the member was not told of the reply")
	}

	// Nothing at once: mentions go to the coordinator's daily digest.
	w.runDue(time.Now())
	if w.mail.count(coordMail) != coord0 {
		t.Fatal("an email before the digest")
	}
	// Tomorrow's daily digest: the unread mention, not the one read in the app.
	day := notifymail.SlotOf(time.Now().Add(24*time.Hour), notifymail.Daily).Add(time.Minute)
	w.runDue(day)
	d := parseMail(t, w.mail.waitMail(t, coordMail, coord0+1))
	if !strings.Contains(d.Subject, "1 lukematonta ilmoitusta (päivän kooste)") || !strings.Contains(d.Body, "Kevään koulutuspäivä") ||
		strings.Contains(d.Body, "Budjetti 2027") || !strings.Contains(d.Body, "/threads/"+a.Thread.ID) {
		t.Errorf("daily digest %q:\n%s", d.Subject, d.Body)
	}
	if d.Header.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Error("digest without one-click unsubscribe")
	}
	// Once per slot, and only what is new since.
	w.runDue(day.Add(time.Hour))
	w.runDue(day.Add(24 * time.Hour))
	if n := w.mail.count(coordMail); n != coord0+1 {
		t.Errorf("%d digests, want 1", n-coord0)
	}
	// The member's weekly digest holds the reply (the member's own mentions are off).
	week := notifymail.SlotOf(time.Now().Add(7*24*time.Hour), notifymail.Weekly).Add(time.Minute)
	w.runDue(week)
	md := parseMail(t, w.mail.waitMail(t, memberMail, member0+1))
	if !strings.Contains(md.Subject, "viikon kooste") || !strings.Contains(md.Body, "Kaisa Koordinaattori vastasi") {
		t.Errorf("weekly digest %q:\n%s", md.Subject, md.Body)
	}
	if n := w.mail.count(observerMail); n != obs0 {
		t.Errorf("the observer chose no email and got %d", n-obs0)
	}
	// The digest's unsubscribe turns the digest off, and the mentions it carried.
	tok := linkAfter(t, d.Body, "yhdellä napsautuksella:")
	w.must(200, "POST", "/api/v1/email/unsubscribe", "", map[string]string{"token": strings.TrimSuffix(strings.TrimPrefix(tok, "/unsubscribe?token="), "&lang=fi")})
	if p := w.emailPrefs(w.coord); p != (notifymail.Preferences{Mentions: notifymail.Never, Digest: notifymail.Never}) {
		t.Errorf("after the digest's unsubscribe: %+v", p)
	}
}

func TestMentionEmailOwedAtARestartIsSentAfterIt(t *testing.T) {
	w := newWorld(t, "MENTION_EMAIL_DELAY", "1h")
	coordMail, observerMail, leaverMail := "koordinaattori@kainuu.test", "seuraaja@kainuu.test", "lahtija@kainuu.test"
	leaver := w.invite(w.coord, w.kainuu, leaverMail, "member", "Leena Lähtijä")
	coord0, obs0, leaver0 := w.mail.count(coordMail), w.mail.count(observerMail), w.mail.count(leaverMail)
	th := w.newForumThread(w.member, w.kainuu, "Yhteistyö TE-palveluiden kanssa", "@[Kaisa Koordinaattori]("+w.coord.UserID+") @[Sanna Seuraaja]("+w.observer.UserID+
		") @[Leena Lähtijä]("+leaver.UserID+") katsokaa")
	// One mentioned person leaves the group before the email is due: the private thread's email is not sent.
	w.must(204, "DELETE", "/api/v1/workspaces/"+w.kainuu+"/members/"+leaver.UserID, w.coord.Token, nil)
	// The observer reads the mention in the app within the delay: no email for it.
	w.must(200, "POST", "/api/v1/notifications/read", w.observer.Token, map[string]bool{"all": true})
	w.runDue(time.Now())
	if w.mail.count(coordMail) != coord0 {
		t.Fatal("sent before the delay")
	}
	w.restart()
	w.runDue(time.Now().Add(2 * time.Hour))
	m := parseMail(t, w.mail.waitMail(t, coordMail, coord0+1))
	if !strings.Contains(m.Subject, "Yhteistyö TE-palveluiden kanssa") || !strings.Contains(m.Body, "/threads/"+th.Thread.ID) {
		t.Errorf("after the restart %q:\n%s", m.Subject, m.Body)
	}
	if w.mail.count(observerMail) != obs0 {
		t.Error("emailed a mention read in the app")
	}
	if w.mail.count(leaverMail) != leaver0 {
		t.Error("emailed a private thread's mention to someone who left the group")
	}
	// Sent once: another restart owes nothing.
	w.restart()
	w.runDue(time.Now().Add(3 * time.Hour))
	if n := w.mail.count(coordMail); n != coord0+1 {
		t.Errorf("%d emails, want 1", n-coord0)
	}
}

// standInClient is a folder with an index.html, served as the web client.
func standInClient(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>ELO</title>"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}
