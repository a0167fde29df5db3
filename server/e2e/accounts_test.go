package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestFirstRunCreatesTheOnlyAdministrator(t *testing.T) {
	e := start(t)
	var st struct{ Needed bool }
	e.must(200, "GET", "/api/v1/setup", "", nil).json(t, &st)
	if !st.Needed {
		t.Fatal("a fresh workspace should ask for setup")
	}
	if r := e.call("POST", "/api/v1/setup", "", map[string]string{"token": strings.Repeat("a", 43), "name": "X", "email": "x@elo.test", "password": password}); r.Status != 403 || r.errorCode() != "setup_token_invalid" {
		t.Fatalf("wrong setup token: %d %s", r.Status, r.Body)
	}
	admin := e.setupAdmin()
	var me struct {
		Email   string
		IsAdmin bool
	}
	e.must(200, "GET", "/api/v1/me", admin.Token, nil).json(t, &me)
	if !me.IsAdmin || me.Email != "admin@elo.test" {
		t.Fatalf("me = %+v", me)
	}
	if r := e.call("POST", "/api/v1/setup", "", map[string]string{"token": strings.Repeat("a", 43), "name": "X", "email": "x@elo.test", "password": password}); r.Status != 409 || r.errorCode() != "setup_done" {
		t.Fatalf("second setup: %d %s", r.Status, r.Body)
	}
	e.restart()
	e.must(200, "GET", "/api/v1/setup", "", nil).json(t, &st)
	if st.Needed || e.app.Accounts.SetupLink() != "" {
		t.Fatal("after a restart the setup link must stay gone")
	}
}

func TestLoginRefreshRotationAndLogout(t *testing.T) {
	e := start(t)
	admin := e.setupAdmin()
	if r := e.call("POST", "/api/v1/auth/login", "", map[string]string{"email": "admin@elo.test", "password": "wrong password!"}); r.Status != 401 || r.errorCode() != "invalid_credentials" {
		t.Fatalf("wrong password: %d %s", r.Status, r.Body)
	}
	if r := e.call("POST", "/api/v1/auth/login", "", map[string]string{"email": "nobody@elo.test", "password": "wrong password!"}); r.Status != 401 || r.errorCode() != "invalid_credentials" {
		t.Fatalf("unknown user must get the same answer: %d %s", r.Status, r.Body)
	}
	s := e.login("ADMIN@elo.test", password) // email is case-insensitive
	if s.Refresh == "" {
		t.Fatal("no refresh cookie")
	}
	r := e.raw("POST", "/api/v1/auth/refresh", nil, "Cookie", "elo_refresh="+s.Refresh)
	if r.Status != 200 {
		t.Fatalf("refresh: %d %s", r.Status, r.Body)
	}
	rotated := sessionFrom(t, r, s.Email)
	if rotated.Refresh == "" || rotated.Refresh == s.Refresh {
		t.Fatal("refresh must rotate the cookie")
	}
	for _, c := range r.Cookies {
		if c.Name == "elo_refresh" && (!c.HttpOnly || !c.Secure || c.Path != "/api/v1/auth" || c.SameSite != 3) {
			t.Fatalf("cookie flags: %+v", c)
		}
	}
	e.must(200, "GET", "/api/v1/me", rotated.Token, nil)

	// Replaying the rotated-away token revokes the whole session: the thief and the owner are both out.
	if r := e.raw("POST", "/api/v1/auth/refresh", nil, "Cookie", "elo_refresh="+s.Refresh); r.Status != 401 {
		t.Fatalf("reuse: %d", r.Status)
	}
	if r := e.raw("POST", "/api/v1/auth/refresh", nil, "Cookie", "elo_refresh="+rotated.Refresh); r.Status != 401 {
		t.Fatalf("after reuse the newest token must be revoked too: %d", r.Status)
	}
	if r := e.call("GET", "/api/v1/me", rotated.Token, nil); r.Status != 401 {
		t.Fatalf("access token of a revoked session: %d", r.Status)
	}

	// Logout ends the session at once, access token included.
	s2 := e.login("admin@elo.test", password)
	e.must(204, "POST", "/api/v1/auth/logout", "", nil)
	if r := e.raw("POST", "/api/v1/auth/logout", nil, "Cookie", "elo_refresh="+s2.Refresh); r.Status != 204 {
		t.Fatalf("logout: %d", r.Status)
	}
	if r := e.call("GET", "/api/v1/me", s2.Token, nil); r.Status != 401 {
		t.Fatalf("after logout: %d", r.Status)
	}
	e.must(200, "GET", "/api/v1/me", admin.Token, nil) // other sessions go on
}

func TestForgedAndExpiredTokensAreRefused(t *testing.T) {
	e := start(t)
	admin := e.setupAdmin()
	var c jwt.MapClaims
	if _, _, err := jwt.NewParser().ParseUnverified(admin.Token, &c); err != nil {
		t.Fatal(err)
	}
	sign := func(m jwt.SigningMethod, key any, edit func(jwt.MapClaims)) string {
		cc := jwt.MapClaims{}
		for k, v := range c {
			cc[k] = v
		}
		edit(cc)
		s, err := jwt.NewWithClaims(m, cc).SignedString(key)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	key := e.cfg.SigningKey
	same := func(jwt.MapClaims) {}
	cases := map[string]string{
		"alg none":        sign(jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType, same),
		"other key":       sign(jwt.SigningMethodHS256, []byte("another key that is long enough 123456"), same),
		"other algorithm": sign(jwt.SigningMethodHS512, key, same),
		"other audience":  sign(jwt.SigningMethodHS256, key, func(m jwt.MapClaims) { m["aud"] = []string{"someone-else"} }),
		"other issuer":    sign(jwt.SigningMethodHS256, key, func(m jwt.MapClaims) { m["iss"] = "evil" }),
		"no expiry":       sign(jwt.SigningMethodHS256, key, func(m jwt.MapClaims) { delete(m, "exp") }),
		"expired":         sign(jwt.SigningMethodHS256, key, func(m jwt.MapClaims) { m["exp"] = time.Now().Add(-time.Minute).Unix() }),
		"unknown session": sign(jwt.SigningMethodHS256, key, func(m jwt.MapClaims) { m["sid"] = "000000000000000000000000" }),
		"tampered":        admin.Token[:len(admin.Token)-3] + "AAA",
		"garbage":         "not-a-token",
	}
	for name, tok := range cases {
		r := e.call("GET", "/api/v1/me", tok, nil)
		if r.Status != 401 {
			t.Errorf("%s: status %d, want 401 (%s)", name, r.Status, r.Body)
		}
		want := "token_invalid"
		if name == "expired" {
			want = "token_expired"
		}
		if r.errorCode() != want {
			t.Errorf("%s: code %q, want %q", name, r.errorCode(), want)
		}
	}
	if r := e.raw("GET", "/api/v1/me", nil, "Authorization", "Basic YWRtaW46eA=="); r.Status != 401 {
		t.Errorf("basic auth: %d", r.Status)
	}
	e.must(200, "GET", "/api/v1/me", admin.Token, nil)
}

func TestPasswordResetByEmailedLink(t *testing.T) {
	e := start(t)
	e.setupAdmin()
	e.must(202, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "nobody@elo.test"})
	if e.mail.count("nobody@elo.test") != 0 {
		t.Fatal("no email for unknown addresses")
	}
	e.must(202, "POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "admin@elo.test"})
	msg := e.mail.last(t, "admin@elo.test")
	if !strings.Contains(msg.Data, "Subject: =?utf-8?q?Vaihda_salasanasi") {
		t.Fatalf("the email should be in the user's language (Finnish):\n%s", msg.Data)
	}
	token := linkIn(t, msg)
	if r := e.call("POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "short"}); r.Status != 400 || r.errorCode() != "weak_password" {
		t.Fatalf("weak: %d %s", r.Status, r.Body)
	}
	e.must(204, "POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "a brand new password"})
	if r := e.call("POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "yet another password"}); r.Status != 410 || r.errorCode() != "reset_link_invalid" {
		t.Fatalf("reused link: %d %s", r.Status, r.Body)
	}
	if r := e.call("POST", "/api/v1/auth/login", "", map[string]string{"email": "admin@elo.test", "password": password}); r.Status != 401 {
		t.Fatalf("old password still works: %d", r.Status)
	}
	e.login("admin@elo.test", "a brand new password")
}

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	e := start(t)
	first := e.setupAdmin()
	second := e.login("admin@elo.test", password)
	if r := e.call("POST", "/api/v1/me/password", second.Token, map[string]string{"currentPassword": "not it at all", "newPassword": "a brand new password"}); r.Status != 400 || r.errorCode() != "wrong_password" {
		t.Fatalf("wrong current: %d %s", r.Status, r.Body)
	}
	e.must(204, "POST", "/api/v1/me/password", second.Token, map[string]string{"currentPassword": password, "newPassword": "a brand new password"})
	e.must(200, "GET", "/api/v1/me", second.Token, nil)
	if r := e.call("GET", "/api/v1/me", first.Token, nil); r.Status != 401 {
		t.Fatalf("the other session should have ended: %d", r.Status)
	}
	e.login("admin@elo.test", "a brand new password")
}

func TestFailedLoginsAreRateLimitedPerAccount(t *testing.T) {
	e := start(t)
	e.setupAdmin()
	var last resp
	for i := 0; i < 11; i++ {
		last = e.call("POST", "/api/v1/auth/login", "", map[string]string{"email": "admin@elo.test", "password": "guess number " + string(rune('a'+i))})
	}
	if last.Status != 429 || last.errorCode() != "rate_limited" {
		t.Fatalf("after 11 failures: %d %s", last.Status, last.Body)
	}
	if r := e.call("POST", "/api/v1/auth/login", "", map[string]string{"email": "admin@elo.test", "password": password}); r.Status != 429 {
		t.Fatalf("a locked account stays locked for a while, even with the right password: %d", r.Status)
	}
}

func TestProfileChangesAreKeptAcrossRestart(t *testing.T) {
	w := newWorld(t)
	body := map[string]any{"name": "Kaisa K. Koordinaattori", "title": "TNO-asiantuntija", "organisationId": w.org, "language": "sv", "notificationEmail": "kaisa@posti.test"}
	w.must(200, "PATCH", "/api/v1/me", w.coord.Token, body)
	if r := w.call("PATCH", "/api/v1/me", w.coord.Token, map[string]any{"language": "de"}); r.Status != 400 || r.errorCode() != "invalid_field" {
		t.Fatalf("unknown language: %d %s", r.Status, r.Body)
	}
	if r := w.call("PATCH", "/api/v1/me", w.coord.Token, map[string]any{"organisationId": "0123456789abcdef01234567"}); r.Status != 400 {
		t.Fatalf("unknown organisation: %d %s", r.Status, r.Body)
	}
	w.restart()
	var me struct {
		Name, Title, OrganisationID, Language, NotificationEmail string
		Memberships                                              []struct{ WorkspaceID, Role string }
	}
	w.must(200, "GET", "/api/v1/me", w.coord.Token, nil).json(t, &me)
	if me.Name != "Kaisa K. Koordinaattori" || me.Title != "TNO-asiantuntija" || me.OrganisationID != w.org || me.Language != "sv" || me.NotificationEmail != "kaisa@posti.test" {
		t.Fatalf("profile after restart: %+v", me)
	}
	if len(me.Memberships) != 1 || me.Memberships[0].WorkspaceID != w.kainuu || me.Memberships[0].Role != "coordinator" {
		t.Fatalf("memberships: %+v", me.Memberships)
	}
	var org struct{ People []struct{ Name string } }
	w.must(200, "GET", "/api/v1/organisations/"+w.org, w.member.Token, nil).json(t, &org)
	if len(org.People) != 1 || org.People[0].Name != "Kaisa K. Koordinaattori" {
		t.Fatalf("organisation people: %+v", org.People)
	}
}
