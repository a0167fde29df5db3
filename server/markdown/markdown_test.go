package markdown

import (
	"strings"
	"testing"
)

func TestRenderIsInert(t *testing.T) {
	for _, src := range []string{
		"<script>alert(1)</script>",
		"hello <img src=x onerror=alert(1)>",
		"[click](javascript:alert(1))",
		"<a href=\"javascript:alert(1)\">x</a>",
		"![x](javascript:alert(1))",
		"[x](vbscript:msgbox)",
	} {
		out := Render(src)
		low := strings.ToLower(out)
		for _, bad := range []string{"<script", "onerror", "javascript:", "vbscript:", "<img src=x", "<a href=\"javascript"} {
			if strings.Contains(low, bad) {
				t.Errorf("Render(%q) = %q contains %q", src, out, bad)
			}
		}
	}
}

func TestRenderSubset(t *testing.T) {
	out := Render("**Ohjaamo** and _nuoret_\n\n> quoted\n\n- one\n- two\n\n[link](https://example.fi) ~~old~~")
	for _, want := range []string{"<strong>Ohjaamo</strong>", "<em>nuoret</em>", "<blockquote>", "<li>one</li>", `<a href="https://example.fi">link</a>`, "<del>old</del>"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in %q", want, out)
		}
	}
}

func TestPlain(t *testing.T) {
	got := Plain("# Otsikko\n\n**Ohjaamon** toiminta [täällä](https://x.fi) <b>raw</b>\n\n- yksi\n- kaksi\n\n```\ncode\n```")
	want := "Otsikko\nOhjaamon toiminta täällä raw\nyksi\nkaksi\ncode"
	if got != want {
		t.Errorf("Plain = %q, want %q", got, want)
	}
}
