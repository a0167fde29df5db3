package notifymail

import (
	"strings"
	"testing"
	"time"

	"github.com/elo-workspace/elo-workspace/server/accounts"
)

type people map[string]accounts.User

func (p people) User(id string) (accounts.User, bool) { u, ok := p[id]; return u, ok }

func TestSlotsAreFiveUTCDailyAndMondaysWeekly(t *testing.T) {
	at := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v }
	for _, c := range []struct{ now, freq, want string }{
		{"2026-11-25T04:59:00Z", Daily, "2026-11-24T05:00:00Z"},
		{"2026-11-25T05:00:00Z", Daily, "2026-11-25T05:00:00Z"},
		{"2026-11-25T12:00:00Z", Weekly, "2026-11-23T05:00:00Z"}, // a Wednesday: that week's Monday
		{"2026-11-23T04:00:00Z", Weekly, "2026-11-16T05:00:00Z"}, // Monday before five: the week before
		{"2026-11-23T05:00:00Z", Weekly, "2026-11-23T05:00:00Z"},
	} {
		if got := SlotOf(at(c.now), c.freq); !got.Equal(at(c.want)) {
			t.Errorf("SlotOf(%s, %s) = %s, want %s", c.now, c.freq, got, c.want)
		}
	}
}

func TestUnsubscribeTokensAreSignedPerPersonAndScope(t *testing.T) {
	const id, other = "aaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbb"
	s := New(nil, nil, Deps{SigningKey: []byte("0123456789abcdef0123456789abcdef"), People: people{id: {ID: id}, other: {ID: other}}})
	tok := s.Token(id, ScopeMentions)
	if u, scope, err := s.parse(tok); err != nil || u != id || scope != ScopeMentions {
		t.Fatalf("parse own token: %s %s %v", u, scope, err)
	}
	mac := tok[strings.LastIndex(tok, ".")+1:]
	for _, bad := range []string{"", tok + "A", other + ".mentions." + mac, id + ".digest." + mac, id + ".all." + mac, "x.y.z"} {
		if _, _, err := s.parse(bad); err == nil {
			t.Errorf("accepted %q", bad)
		}
	}
	// Another key signs differently.
	s2 := New(nil, nil, Deps{SigningKey: []byte("another key, 32 bytes long......"), People: people{id: {ID: id}}})
	if _, _, err := s2.parse(tok); err == nil {
		t.Error("a token of another key was accepted")
	}
}
