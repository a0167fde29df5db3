package demo

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/elo-workspace/elo-workspace/server/forums"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// Forum volumes: the Ohjaamo forum has thousands of threads, the other theme forums some
// hundreds; one thread has 2,000 posts (LongThreadTitle); Kainuu's private area a few threads.
const (
	bigForumThreads   = 2000
	themeForumThreads = 150
	longThreadPosts   = 2000
	// LongThreadTitle names the demo thread with 2,000 posts (the load tool opens it).
	LongThreadTitle = "Ohjaamojen kokemuksia: mikä tavoittaa nuoret?"
)

var forumThemes = []string{"youth-guarantee", "ohjaamo", "employer-cooperation", "multi-professional", "quality-work", "digital-guidance",
	"guidance-competence", "communication"}

var fiTitles = []string{
	"Miten tavoitatte %s?", "Kokemuksia: %s ja etäohjaus", "Hyvä käytäntö: %s yhteistyössä", "Kysymys %s -palveluista",
	"Vinkkejä %s-työhön", "Mitä opimme %s-kokeilusta?", "%s: miten mittaatte vaikuttavuutta?", "Yhteistyö oppilaitosten kanssa: %s",
}
var fiSubjects = []string{"nuoret", "työnhakijat", "maahanmuuttajat", "aikuisopiskelijat", "työnantajat", "ohjaajat", "Ohjaamo", "NEET-nuoret"}
var fiSentences = []string{
	"Meillä on hyviä kokemuksia jalkautuvasta ohjauksesta kouluissa ja nuorisotiloilla.",
	"Ohjaamon matalan kynnyksen palvelu on tavoittanut erityisesti 18–24-vuotiaita.",
	"Työnantajayhteistyössä toimivat parhaiten yhteiset rekrytointitapahtumat.",
	"Monialainen tiimi kokoontuu kerran kuussa ja käy läpi vaikeimmat tilanteet.",
	"Digitaalinen ajanvaraus lisäsi yhteydenottoja noin kolmanneksella.",
	"Keräämme asiakaspalautteen jokaisen ohjauskäynnin jälkeen.",
	"Kannattaa sopia yhteiset tavoitteet heti alussa kaikkien kumppanien kanssa.",
	"**Tärkein oppi:** ohjaus pitää viedä sinne, missä ihmiset jo ovat.",
	"Onko muilla alueilla kokemuksia chat-ohjauksesta iltaisin?",
	"Meillä kokeiltiin vertaisohjaajia, ja tulokset olivat rohkaisevia.",
}
var svTitles = []string{
	"Hur når ni %s?", "Erfarenheter: %s och distansvägledning", "God praxis: %s i samarbete", "Fråga om tjänster för %s",
}
var svSubjects = []string{"unga", "arbetssökande", "invandrare", "vuxenstuderande", "arbetsgivare", "Navigatorn"}
var svSentences = []string{
	"Vi har goda erfarenheter av uppsökande handledning i skolorna.",
	"Navigatorns lågtröskeltjänst når särskilt unga vuxna.",
	"Samarbetet med arbetsgivare fungerar bäst genom gemensamma rekryteringsevenemang.",
	"Handledningen på svenska kräver samarbete mellan flera kommuner.",
	"**Viktigast:** handledningen ska finnas där människorna redan är.",
	"Har någon erfarenhet av chattvägledning på kvällarna?",
}

// forumsData writes the forums: every event of every thread as the service stores them.
func (g *gen) forumsData() {
	rng := rand.New(rand.NewPCG(Seed^0xf0f0f0f0, 0x5eed))
	// Authors: members of regional groups, Swedish speakers write in Swedish.
	var authors []int
	var kainuu []int
	kainuuID := ID("workspace", "kainuu")
	for _, m := range g.d.Memberships {
		if m.Role == workspaces.RoleObserver {
			continue
		}
		i, ok := g.userIdx[m.UserID]
		if !ok {
			continue
		}
		authors = append(authors, i)
		if m.WorkspaceID == kainuuID {
			kainuu = append(kainuu, i)
		}
	}
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	var evs []forums.Event
	start := time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)
	end := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	span := end.Sub(start)
	text := func(sv bool, n int) string {
		var parts []string
		for k := 0; k < n; k++ {
			if sv {
				parts = append(parts, pick(svSentences))
			} else {
				parts = append(parts, pick(fiSentences))
			}
		}
		return strings.Join(parts, " ")
	}
	id := func(kind string, n int) string { return ID(kind, fmt.Sprint(n)) }
	threadN, postN := 0, 0
	// thread adds a thread of n posts in a forum starting at t; authors drawn from pool.
	thread := func(forum string, pool []int, t time.Time, n int, title string) {
		threadN++
		tid := id("forum-thread", threadN)
		starter := pool[rng.IntN(len(pool))]
		sv := g.d.Users[starter].Language == "sv"
		if title == "" {
			if sv {
				title = fmt.Sprintf(pick(svTitles), pick(svSubjects))
			} else {
				title = fmt.Sprintf(pick(fiTitles), pick(fiSubjects))
			}
		}
		evs = append(evs, forums.Event{Kind: forums.EventThread, By: g.d.Users[starter].ID, At: t, Forum: forum, Thread: tid, Title: title, Body: text(sv, 2+rng.IntN(3))})
		for k := 1; k < n; k++ {
			postN++
			t = t.Add(time.Duration(1+rng.IntN(240)) * time.Minute)
			a := pool[rng.IntN(len(pool))]
			pid := id("forum-post", postN)
			evs = append(evs, forums.Event{Kind: forums.EventPost, By: g.d.Users[a].ID, At: t, Thread: tid, Post: pid,
				Body: text(g.d.Users[a].Language == "sv", 1+rng.IntN(3))})
			if rng.IntN(8) == 0 {
				r := forums.Reactions[rng.IntN(len(forums.Reactions))]
				evs = append(evs, forums.Event{Kind: forums.EventReact, By: g.d.Users[pool[rng.IntN(len(pool))]].ID, At: t, Post: pid, Reaction: r, On: true})
			}
		}
	}
	for _, code := range forumThemes {
		forum := refdata.DefaultID(refdata.Themes, code)
		n := themeForumThreads
		if code == "ohjaamo" {
			n = bigForumThreads
		}
		for k := 0; k < n; k++ {
			t := start.Add(time.Duration(rng.Int64N(int64(span))))
			thread(forum, authors, t, 1+rng.IntN(6), "")
		}
	}
	thread(refdata.DefaultID(refdata.Themes, "ohjaamo"), authors, start, longThreadPosts, LongThreadTitle)
	if len(kainuu) > 0 {
		for k := 0; k < 12; k++ {
			thread(kainuuID, kainuu, start.Add(time.Duration(rng.Int64N(int64(span)))), 2+rng.IntN(5), "")
		}
	}
	// Stored in time order, as the service would have written them.
	sortEvents(evs)
	g.d.Forums = forums.Records(1, evs)
}

func sortEvents(evs []forums.Event) {
	// Stable by time: a thread's events keep their order (the thread event comes first).
	sort.SliceStable(evs, func(a, b int) bool { return evs[a].At.Before(evs[b].At) })
}
