package mention

import (
	"slices"
	"strings"
	"testing"
)

const (
	juho  = "0123456789abcdef01234567"
	sanna = "fedcba9876543210fedcba98"
)

func TestMentionsAreTheClientsTokensOnly(t *testing.T) {
	body := "Hei @[Juho Jäsen](" + juho + ") ja @[Sanna](" + sanna + "), taas @[J](" + juho + ") — ei @[X](nope) eikä @[Y](" + strings.ToUpper(juho) + ") eikä posti@example.com"
	if got := IDs(body); !slices.Equal(got, []string{juho, sanna}) {
		t.Fatalf("IDs = %v", got)
	}
	if got := Plain(body); !strings.HasPrefix(got, "Hei @Juho Jäsen ja @Sanna, taas @J — ei @[X](nope)") {
		t.Fatalf("Plain = %q", got)
	}
	if got := Replace(body, func(n string) string { return "<" + n + ">" }); !strings.HasPrefix(got, "Hei <Juho Jäsen> ja <Sanna>, taas <J> — ei @[X](nope)") {
		t.Fatalf("Replace = %q", got)
	}
}

func TestMatchesFoldsCaseAndAccentsOnAnyWord(t *testing.T) {
	for _, c := range []struct {
		name, q string
		want    bool
	}{
		{"Juho Jäsen", "ju", true}, {"Juho Jäsen", "jas", true}, {"Juho Jäsen", "JÄS", true},
		{"Juho Jäsen", "juho j", true}, {"Juho Jäsen", "sen", false}, {"Åsa Öberg", "ob", true},
		{"Åsa Öberg", "asa", true}, {"Juho Jäsen", "", true}, {"Juho Jäsen", "x", false},
	} {
		if got := Matches(c.name, c.q); got != c.want {
			t.Errorf("Matches(%q, %q) = %v", c.name, c.q, got)
		}
	}
}
