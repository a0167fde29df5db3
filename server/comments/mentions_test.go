package comments

import (
	"strings"
	"testing"
)

const (
	juho  = "0123456789abcdef01234567"
	sanna = "fedcba9876543210fedcba98"
)

func TestExcerptIsOneShortLineOfPlainText(t *testing.T) {
	if got := Excerpt("  Rivi yksi\n\n@[Juho](" + juho + ")   kaksi "); got != "Rivi yksi @Juho kaksi" {
		t.Fatalf("Excerpt = %q", got)
	}
	long := strings.Repeat("ä", 300)
	got := Excerpt(long)
	if r := []rune(got); len(r) != ExcerptLength || !strings.HasSuffix(got, "…") {
		t.Fatalf("Excerpt of 300 characters: %d characters, %q", len(r), got[len(got)-6:])
	}
}

func TestEventsFoldIntoThreads(t *testing.T) {
	b := newBook()
	a := &Anchor{Node: "n1", Field: "title", Quote: "x"}
	for _, ev := range []Event{
		{Seq: 1, Kind: KindThread, Thread: "t", Comment: "t", By: "u1", Body: "eka", Anchor: a},
		{Seq: 2, Kind: KindReply, Thread: "t", Comment: "r", By: "u2", Body: "toka"},
		{Seq: 3, Kind: KindEdit, Thread: "t", Comment: "r", By: "u2", Body: "toka!"},
		{Seq: 4, Kind: KindResolve, Thread: "t", By: "u1"},
		{Seq: 5, Kind: KindDelete, Thread: "t", Comment: "t", By: "u1"},
	} {
		if err := b.apply(ev); err != nil {
			t.Fatalf("seq %d: %v", ev.Seq, err)
		}
	}
	th := b.threads["t"]
	if !th.resolved || th.resolvedBy != "u1" || !th.comments[0].deleted || th.comments[1].body != "toka!" || !th.visible() {
		t.Fatalf("thread: %+v %+v %+v", th, th.comments[0], th.comments[1])
	}
	if err := b.apply(Event{Kind: KindDelete, Thread: "t", Comment: "r"}); err != nil || th.visible() {
		t.Fatalf("a thread with every comment removed still shows (%v)", err)
	}
	for _, bad := range []Event{
		{Kind: KindReply, Thread: "missing", Comment: "x"},
		{Kind: KindThread, Thread: "t", Comment: "y", Anchor: a},
		{Kind: KindEdit, Comment: "missing"},
		{Kind: "rename", Thread: "t"},
	} {
		if err := b.apply(bad); err == nil {
			t.Errorf("%+v applied", bad)
		}
	}
}
