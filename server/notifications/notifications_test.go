package notifications

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
	"github.com/elo-workspace/elo-workspace/server/store"
	"github.com/elo-workspace/elo-workspace/server/store/storetest"
)

// published records what the service publishes.
type published struct {
	mu     sync.Mutex
	events []struct {
		topic, kind string
		data        Change
	}
}

func (p *published) Publish(topic, kind string, data any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.events = append(p.events, struct {
		topic, kind string
		data        Change
	}{topic, kind, data.(Change)})
}

func (p *published) last() (string, Change) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e := p.events[len(p.events)-1]
	return e.topic, e.data
}

type fixture struct {
	db  *store.DB
	pub *published
	svc *Service
}

func open(t testing.TB) *fixture {
	t.Helper()
	db := storetest.Open(t, "notifications_test")
	f := &fixture{db: db}
	f.reload(t)
	return f
}

// reload makes a fresh service over the same database, as a restart does.
func (f *fixture) reload(t testing.TB) {
	t.Helper()
	f.pub = &published{}
	f.svc = New(store.NewTable[Notification](f.db, "notifications"), store.NewTable[ReadMark](f.db, "notification_reads"), f.pub, nil)
	if err := f.svc.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func mention(to, actor, excerpt string) Notification {
	return Notification{UserID: to, Kind: KindMention, ActorID: actor, ActorName: "Aino Actor",
		Subject: "Strategy 2026", Excerpt: excerpt, Link: "/documents/" + record.New() + "?comment=c1"}
}

func TestSendListReadSurvivesRestart(t *testing.T) {
	f := open(t)
	ctx := context.Background()
	alice, bob, actor := record.New(), record.New(), record.New()
	pa := accounts.Principal{UserID: alice}
	pb := accounts.Principal{UserID: bob}

	for i := 0; i < 5; i++ {
		if err := f.svc.Send(ctx, mention(alice, actor, "hello "+string(rune('a'+i)))); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.svc.Send(ctx, mention(bob, actor, "for bob"), mention(actor, actor, "self")); err != nil {
		t.Fatal(err)
	}
	if topic, c := f.pub.last(); topic != "user:"+bob || c.Unread != 1 || c.Notification == nil || c.Notification.Excerpt != "for bob" {
		t.Fatalf("last event %s %+v", topic, c)
	}
	if got := len(f.pub.events); got != 6 {
		t.Fatalf("%d events, want 6 (a mention of oneself is not sent)", got)
	}

	page, err := f.svc.List(pa, 2, "")
	if err != nil {
		t.Fatal(err)
	}
	if page.Unread != 5 || len(page.Notifications) != 2 || page.Notifications[0].Excerpt != "hello e" || page.Next == "" {
		t.Fatalf("first page %+v", page)
	}
	var all []View
	for before := ""; ; {
		p, err := f.svc.List(pa, 2, before)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, p.Notifications...)
		if p.Next == "" {
			break
		}
		before = p.Next
	}
	if len(all) != 5 || all[4].Excerpt != "hello a" {
		t.Fatalf("paged %d notifications, want 5 oldest last: %+v", len(all), all)
	}

	// Bob cannot mark Alice's, nor page from one of hers; nothing changes.
	if _, err := f.svc.MarkRead(ctx, pb, []string{all[0].ID}, false); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("marking another's notification: %v", err)
	}
	if _, err := f.svc.List(pb, 2, all[0].ID); !apperr.Is(err, apperr.NotFound) {
		t.Fatalf("paging from another's notification: %v", err)
	}
	if f.svc.Unread(alice) != 5 {
		t.Fatal("a refused mark changed the count")
	}

	n, err := f.svc.MarkRead(ctx, pa, []string{all[1].ID, all[1].ID, all[3].ID}, false)
	if err != nil || n != 3 {
		t.Fatalf("mark two read: %d %v", n, err)
	}
	if topic, c := f.pub.last(); topic != "user:"+alice || c.Unread != 3 || len(c.Read) != 2 {
		t.Fatalf("read event %s %+v", topic, c)
	}
	events := len(f.pub.events)
	if n, err := f.svc.MarkRead(ctx, pa, []string{all[1].ID}, false); err != nil || n != 3 || len(f.pub.events) != events {
		t.Fatalf("marking a read one again: %d %v, %d events", n, err, len(f.pub.events)-events)
	}

	f.reload(t)
	if got := f.svc.Unread(alice); got != 3 {
		t.Fatalf("after restart %d unread, want 3", got)
	}
	p, _ := f.svc.List(pa, 10, "")
	for i, v := range p.Notifications {
		if want := i == 1 || i == 3; v.Read != want {
			t.Fatalf("after restart notification %d read=%v", i, v.Read)
		}
	}

	if n, err := f.svc.MarkRead(ctx, pa, nil, true); err != nil || n != 0 {
		t.Fatalf("read all: %d %v", n, err)
	}
	if err := f.svc.Send(ctx, mention(alice, actor, "after all")); err != nil {
		t.Fatal(err)
	}
	f.reload(t)
	if got := f.svc.Unread(alice); got != 1 {
		t.Fatalf("after read-all, one more and a restart: %d unread, want 1", got)
	}
	if got := f.svc.Unread(bob); got != 1 {
		t.Fatalf("bob %d unread, want 1", got)
	}
}

func TestSendRefusesAndShortens(t *testing.T) {
	f := open(t)
	ctx := context.Background()
	to := record.New()
	for name, n := range map[string]Notification{
		"no user":         {Kind: KindMention, Link: "/x"},
		"no kind":         {UserID: to, Link: "/x"},
		"absolute link":   {UserID: to, Kind: KindMention, Link: "https://evil.example/"},
		"scheme link":     {UserID: to, Kind: KindMention, Link: "javascript:alert(1)"},
		"protocol-rel":    {UserID: to, Kind: KindMention, Link: "//evil.example/"},
		"backslash link":  {UserID: to, Kind: KindMention, Link: "/\\evil.example"},
		"valid then none": {UserID: "nope", Kind: KindMention, Link: "/x"},
	} {
		if err := f.svc.Send(ctx, mention(to, record.New(), "ok"), n); !apperr.Is(err, apperr.InvalidField) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if f.svc.Unread(to) != 0 {
		t.Fatal("a refused batch stored some")
	}
	long := strings.Repeat("sana ", 100)
	if err := f.svc.Send(ctx, mention(to, record.New(), long)); err != nil {
		t.Fatal(err)
	}
	p, _ := f.svc.List(accounts.Principal{UserID: to}, 1, "")
	if ex := p.Notifications[0].Excerpt; len([]rune(ex)) != MaxExcerpt || !strings.HasSuffix(ex, "…") {
		t.Fatalf("excerpt %d characters: %q", len([]rune(ex)), ex)
	}
}

func TestListAndMarkInput(t *testing.T) {
	f := open(t)
	p := accounts.Principal{UserID: record.New()}
	if _, err := f.svc.List(p, MaxLimit+1, ""); !apperr.Is(err, apperr.InvalidField) {
		t.Errorf("limit over max: %v", err)
	}
	if _, err := f.svc.List(p, 10, "zz"); !apperr.Is(err, apperr.InvalidID) {
		t.Errorf("bad cursor: %v", err)
	}
	if page, err := f.svc.List(p, 10, ""); err != nil || page.Unread != 0 || page.Notifications == nil {
		t.Errorf("empty inbox: %+v %v", page, err)
	}
	ctx := context.Background()
	if _, err := f.svc.MarkRead(ctx, p, nil, false); !apperr.Is(err, apperr.InvalidField) {
		t.Errorf("neither ids nor all: %v", err)
	}
	if _, err := f.svc.MarkRead(ctx, p, []string{record.New()}, true); !apperr.Is(err, apperr.InvalidField) {
		t.Errorf("both ids and all: %v", err)
	}
	if _, err := f.svc.MarkRead(ctx, p, []string{"x"}, false); !apperr.Is(err, apperr.InvalidID) {
		t.Errorf("bad id: %v", err)
	}
	if n, err := f.svc.MarkRead(ctx, p, nil, true); err != nil || n != 0 {
		t.Errorf("read all of nothing: %d %v", n, err)
	}
}
