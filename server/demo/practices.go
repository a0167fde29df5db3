package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/elo-workspace/elo-workspace/server/practices"
	"github.com/elo-workspace/elo-workspace/server/refdata"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// practiceSpec is a good practice the demo groups describe, in Finnish or Swedish. %[1]s in
// texts is the region's locative ("Kainuussa"), %[2]s its genitive ("Kainuun"), %[3]s its
// Swedish name.
type practiceSpec struct {
	sv                                 bool
	name, summary, idea, env, insight  string
	steps, resources, partners, result string
	adoption                           string
	themes, targets, goals             []string
	orgTypes                           []string // the kinds of organisation that run it
}

var practiceSpecs = []practiceSpec{
	{name: "Ohjaamon jalkautuva ohjaus %[1]s", summary: "Ohjaamon ohjaajat jalkautuvat kouluihin, nuorisotiloihin ja kauppakeskuksiin ja tavoittavat nuoret, jotka eivät itse hakeudu palveluihin.",
		idea:      "Ohjaus viedään sinne, missä nuoret ovat. **Jalkautuva ohjaus** madaltaa kynnystä: nuori saa ensimmäisen kontaktin tutussa ympäristössä ja varaa tarvittaessa ajan Ohjaamoon.",
		env:       "Ohjaamo toimii kaupungin keskustassa; jalkautuminen tehdään kahtena päivänä viikossa toisen asteen oppilaitoksiin ja nuorisotiloihin.",
		insight:   "Kohderyhmänä 15–29-vuotiaat, erityisesti koulutuksen ulkopuolella olevat nuoret. Nuorten haastatteluissa toistui: *\"en tiennyt, että Ohjaamoon voi mennä ilman ajanvarausta\"*.",
		steps:     "1. Kartoitetaan paikat, joissa nuoret viettävät aikaa\n2. Sovitaan vuorot oppilaitosten ja nuorisotoimen kanssa\n3. Ohjaajat jalkautuvat pareittain\n4. Kontaktit kirjataan ja seurataan",
		resources: "Kaksi ohjaajaa 2 päivää viikossa, mobiililaitteet, esitteet.", partners: "Nuorisopalvelut, toisen asteen oppilaitokset, etsivä nuorisotyö, TE-palvelut.",
		result:   "Ensimmäisenä vuonna tavoitettiin yli 600 nuorta, joista noin 140 asioi myöhemmin Ohjaamossa. Palaute kerättiin lyhyellä kyselyllä (ka 4,5/5).",
		adoption: "Toimii, kun Ohjaamolla on vähintään kaksi ohjaajaa ja sovitut vuorot yhteistyökumppaneiden tiloissa.",
		themes:   []string{"ohjaamo", "youth-guarantee"}, targets: []string{"young-people"}, goals: []string{"1", "5"}, orgTypes: []string{"ohjaamo", "municipality"}},
	{name: "Työnantajakahvilat %[1]s", summary: "Työnantajat ja työnhakijat kohtaavat rennosti kuukausittaisessa kahvilassa; ohjaajat valmentavat työnhakijat etukäteen.",
		idea: "Matalan kynnyksen kohtaamispaikka, jossa työnantaja esittelee alaansa ja työnhakijat kysyvät suoraan.",
		env:  "Järjestetään kirjaston tai oppilaitoksen tiloissa kerran kuukaudessa.", insight: "Työttömät työnhakijat ja alanvaihtajat; pienet työnantajat, joilla ei ole omaa rekrytointihenkilöstöä.",
		steps: "1. Teeman valinta (ala)\n2. Työnantajien kutsuminen\n3. Työnhakijoiden valmennus\n4. Kahvila\n5. Jatko-ohjaus", resources: "Koordinaattori 20 % työajasta, tila, kahvitus.",
		partners: "Yrittäjäjärjestöt, TE-palvelut, oppilaitokset.", result: "Vuodessa 10 kahvilaa, 280 osallistujaa, 35 työ- tai harjoittelupaikkaa.",
		adoption: "Tarvitaan aktiivinen yrittäjäyhteistyö ja selkeä vastuuhenkilö.",
		themes:   []string{"employer-cooperation"}, targets: []string{"unemployed", "adults"}, goals: []string{"2", "5"}, orgTypes: []string{"employment_services", "municipality"}},
	{name: "Monialainen ohjaustiimi %[1]s", summary: "Koulutuksen, työllisyyspalvelujen ja sosiaalitoimen ohjaajat ratkovat asiakkaan tilanteen yhdessä yhdellä tapaamisella.",
		idea: "Asiakkaan ei tarvitse kertoa tarinaansa monta kertaa: tiimi kokoontuu asiakkaan luvalla ja sopii yhden suunnitelman.",
		env:  "Tiimi kokoontuu viikoittain; asiakastapaamiset sovitaan tarpeen mukaan.", insight: "Aikuiset, joilla on useita palvelutarpeita yhtä aikaa.",
		steps: "1. Suostumus tietojen jakamiseen\n2. Tiimitapaaminen\n3. Yhteinen suunnitelma\n4. Seuranta kuukauden päästä", resources: "Tiimin jäsenten työaika, yhteinen asiakasohjauksen malli.",
		partners: "Kunta, hyvinvointialue, TE-palvelut, oppilaitokset.", result: "Asiakkaiden palvelupolut lyhenivät keskimäärin kuukaudella.",
		adoption: "Edellyttää sopimusta tietojen jakamisesta ja johdon tukea.",
		themes:   []string{"multi-professional"}, targets: []string{"adults", "unemployed"}, goals: []string{"1", "5"}, orgTypes: []string{"municipality", "employment_services"}},
	{name: "Digitaalinen ohjausvastaanotto %[1]s", summary: "Chat- ja videovastaanotto iltaisin tavoittaa ne, jotka eivät pääse virka-aikaan.",
		idea: "Ohjaus verkossa samoilla periaatteilla kuin kasvokkain; chat ensikontaktiin, video syvempään ohjaukseen.",
		env:  "Yhteinen ajanvaraus alueen organisaatioille; vastaanotto ma–to klo 16–19.", insight: "Työssä olevat aikuiset ja harvaan asutun alueen asukkaat.",
		steps: "1. Alustan valinta ja tietosuoja\n2. Ohjaajien koulutus\n3. Vuorolista\n4. Viestintä", resources: "Videoalusta, 6 ohjaajaa vuorotellen.",
		partners: "Oppilaitokset, TE-palvelut, kirjastot.", result: "Kolmessa kuukaudessa 420 ohjauskeskustelua, 60 % klo 17 jälkeen.",
		adoption: "Tarvitaan tietoturvallinen alusta ja ohjaajien digiosaamisen vahvistaminen.",
		themes:   []string{"digital-guidance"}, targets: []string{"adults", "employed"}, goals: []string{"1"}, orgTypes: []string{"vocational_institution", "employment_services"}},
	{name: "Ohjaajien vertaismentorointi %[1]s", summary: "Kokeneet ohjaajat mentoroivat uusia ohjaajia yli organisaatiorajojen.",
		idea: "Osaaminen kasvaa vertaisten kanssa: mentoriparit tapaavat kuukausittain ja tutustuvat toistensa työhön.",
		env:  "ELO-ryhmän koordinoima ohjelma, 8 kuukautta.", insight: "Uudet ohjaustyön ammattilaiset kaikista organisaatioista.",
		steps: "1. Haku\n2. Parien muodostaminen\n3. Aloitustilaisuus\n4. Tapaamiset\n5. Päätösseminaari", resources: "Koordinaattori, mentoreiden työaika 4 h/kk.",
		partners: "Alueen oppilaitokset ja ammattikorkeakoulut.", result: "24 paria, osallistujien arvio osaamisen kasvusta 4,3/5.",
		adoption: "Mentoreiden työaika on sovittava esihenkilöiden kanssa etukäteen.",
		themes:   []string{"guidance-competence"}, targets: []string{"guidance-practitioners"}, goals: []string{"3"}, orgTypes: []string{"university_of_applied_sciences", "vocational_institution"}},
	{name: "Ohjauksen laatukortti %[1]s", summary: "Yhteinen itsearviointityökalu, jolla alueen organisaatiot arvioivat ohjauspalvelujensa laatua vuosittain.",
		idea: "Laatu näkyväksi: sama kortti kaikille, tulokset ELO-ryhmän yhteiseen keskusteluun.",
		env:  "Arviointi tehdään syksyisin; tulokset käsitellään ELO-ryhmän kokouksessa.", insight: "Ohjaustyön ammattilaiset ja organisaatioiden johto.",
		steps: "1. Kortin kriteerit\n2. Itsearviointi\n3. Vertaisarviointi\n4. Kehittämiskohteet suunnitelmaan", resources: "Lomake, fasilitoitu työpaja.",
		partners: "Kaikki ELO-ryhmän organisaatiot.", result: "14 organisaatiota arvioi palvelunsa; kolme yhteistä kehittämiskohdetta toimintasuunnitelmaan.",
		adoption: "Kriteerit kannattaa sovittaa alueen toimintasuunnitelman tavoitteisiin.",
		themes:   []string{"quality-work"}, targets: []string{"guidance-practitioners"}, goals: []string{"4"}, orgTypes: []string{"ely_centre"}},
	{name: "Maahanmuuttajien ura-askeleet %[1]s", summary: "Ryhmämuotoinen uraohjaus suomen kielen opintojen rinnalla.",
		idea: "Kielen oppiminen ja urasuunnittelu samaan aikaan: ryhmä tutustuu alueen työelämään selkosuomella.",
		env:  "Aikuisopisto ja työllisyyspalvelut yhdessä; 10 tapaamista.", insight: "Maahanmuuttajat, joilla on aiempaa koulutusta tai työkokemusta.",
		steps: "1. Osaamisen tunnistaminen\n2. Yritysvierailut\n3. Henkilökohtainen urasuunnitelma", resources: "Kaksi ohjaajaa, tulkkaus tarvittaessa.",
		partners: "Aikuisopisto, kotoutumispalvelut, yritykset.", result: "Puolet osallistujista siirtyi koulutukseen tai työhön puolessa vuodessa.",
		adoption: "Selkokielinen materiaali ja yritysyhteistyö ovat edellytyksiä.",
		themes:   []string{"multi-professional", "employer-cooperation"}, targets: []string{"immigrants"}, goals: []string{"1", "2"}, orgTypes: []string{"third_sector", "municipality"}},
	{name: "Urasuunnittelun verkkokurssi %[1]s", summary: "Itseopiskeltava verkkokurssi urasuunnittelutaitoihin toisen asteen opiskelijoille.",
		idea: "Urasuunnittelutaidot kaikille: lyhyet tehtävät, oma urakartta ja ohjaajan palaute.",
		env:  "Oppilaitoksen oppimisalusta; kurssi on valinnainen.", insight: "Toisen asteen opiskelijat, erityisesti valmistumisvaiheessa.",
		steps: "1. Sisällöt\n2. Pilotti kahdessa ryhmässä\n3. Palaute ja korjaukset\n4. Käyttöönotto", resources: "Sisällöntuottaja, opinto-ohjaajat.",
		partners: "Oppilaitokset, ammattikorkeakoulu.", result: "Kurssin suoritti 380 opiskelijaa; urasuunnittelun itsearvio nousi selvästi.",
		adoption: "Sisällöt on avoimesti lisensoitu ja sovitettavissa.",
		themes:   []string{"digital-guidance", "guidance-competence"}, targets: []string{"students"}, goals: []string{"2"}, orgTypes: []string{"vocational_institution"}},
	{name: "Nuorisotakuun yhteinen palvelulupaus %[1]s", summary: "Alueen toimijat sopivat yhteisen lupauksen: jokainen nuori saa ohjausta viikon sisällä yhteydenotosta.",
		idea: "Lupaus sitoo palvelut yhteen ja tekee vastuun näkyväksi.", env: "Sovittu ELO-ryhmässä, seurataan neljännesvuosittain.",
		insight: "Nuoret 15–29, nuorten vanhemmat.", steps: "1. Lupauksen muotoilu\n2. Sitoutuminen\n3. Seurantamittari\n4. Viestintä",
		resources: "ELO-koordinaattori, seurantatyökalu.", partners: "Ohjaamo, oppilaitokset, kunnat, TE-palvelut.",
		result: "Viikon sisällä ohjausta saaneiden osuus nousi 62 %:sta 88 %:iin.", adoption: "Mittaamisesta on sovittava ennen lupauksen julkaisua.",
		themes: []string{"youth-guarantee", "communication"}, targets: []string{"young-people"}, goals: []string{"1", "5"}, orgTypes: []string{"ely_centre", "ohjaamo"}},
	{name: "Ohjauksen viestintäkampanja %[1]s", summary: "Yhteinen kampanja kertoo asukkaille, mistä ohjausta saa.",
		idea: "Yksi viesti, monta kanavaa: some, lehdet ja kirjastojen näytöt.", env: "Kampanja kahdesti vuodessa.",
		insight: "Aikuiset ja nuoret, jotka eivät tunne palveluja.", steps: "1. Viestin suunnittelu\n2. Kanavat\n3. Julkaisu\n4. Arviointi",
		resources: "Viestintäsuunnittelija, mainosbudjetti.", partners: "Kaikki ELO-ryhmän organisaatiot.",
		result: "Palvelusivuston kävijämäärä kolminkertaistui kampanjan aikana.", adoption: "Tarvitaan yhteinen palvelusivu, johon viestit ohjataan.",
		themes: []string{"communication"}, targets: []string{"adults", "young-people"}, goals: []string{"1"}, orgTypes: []string{"ely_centre", "municipality"}},
	{sv: true, name: "Uppsökande vägledning vid Navigatorn i %[3]s", summary: "Navigatorns handledare besöker skolor och ungdomsgårdar och når unga som inte själva söker sig till tjänsterna.",
		idea: "Vägledningen förs dit de unga är. **Uppsökande arbete** sänker tröskeln: den första kontakten sker i en bekant miljö.",
		env:  "Navigatorn i stadens centrum; två dagar i veckan ute på läroanstalter.", insight: "Unga 15–29 år, särskilt de som står utanför utbildning.",
		steps: "1. Kartläggning av platser\n2. Avtal med skolor och ungdomsverksamhet\n3. Handledarna arbetar i par\n4. Uppföljning", resources: "Två handledare två dagar i veckan.",
		partners: "Ungdomstjänster, läroanstalter, uppsökande ungdomsarbete.", result: "Första året nåddes över 400 unga; 90 kom senare till Navigatorn.",
		adoption: "Fungerar när Navigatorn har minst två handledare.",
		themes:   []string{"ohjaamo", "youth-guarantee"}, targets: []string{"young-people"}, goals: []string{"1", "5"}, orgTypes: []string{"ohjaamo", "municipality"}},
	{sv: true, name: "Arbetsgivarcaféer i %[3]s", summary: "Arbetsgivare och arbetssökande möts en gång i månaden under avslappnade former.",
		idea: "En lågtröskelmötesplats där arbetsgivaren presenterar sin bransch.", env: "Biblioteket, en gång i månaden.",
		insight: "Arbetssökande och små arbetsgivare.", steps: "1. Tema\n2. Inbjudan\n3. Förberedelse\n4. Café\n5. Uppföljning",
		resources: "Koordinator 20 %, lokal.", partners: "Företagarföreningar, arbets- och näringstjänster.",
		result: "Tio caféer, 200 deltagare, 25 arbets- eller praktikplatser.", adoption: "Kräver aktivt samarbete med företagare.",
		themes: []string{"employer-cooperation"}, targets: []string{"unemployed"}, goals: []string{"2", "5"}, orgTypes: []string{"employment_services"}},
	{sv: true, name: "Digital handledning på kvällstid i %[3]s", summary: "Chatt- och videomottagning på kvällarna för dem som inte kommer loss på dagtid.",
		idea: "Vägledning på nätet enligt samma principer som ansikte mot ansikte.", env: "Gemensam tidsbokning, mån–tors kl. 16–19.",
		insight: "Vuxna i arbete och invånare i glesbygd.", steps: "1. Plattform och dataskydd\n2. Utbildning\n3. Turlista\n4. Kommunikation",
		resources: "Videoplattform, fyra handledare.", partners: "Läroanstalter, bibliotek.",
		result: "300 samtal på tre månader, mer än hälften efter kl. 17.", adoption: "Kräver en datasäker plattform.",
		themes: []string{"digital-guidance"}, targets: []string{"adults", "employed"}, goals: []string{"1"}, orgTypes: []string{"vocational_institution"}},
	{sv: true, name: "Kvalitetskort för handledning i %[3]s", summary: "Ett gemensamt verktyg för självvärdering av handledningstjänsternas kvalitet.",
		idea: "Kvaliteten synlig: samma kort för alla, resultaten till ELO-gruppens gemensamma diskussion.", env: "Värderingen görs varje höst.",
		insight: "Handledningspersonal och ledning.", steps: "1. Kriterier\n2. Självvärdering\n3. Kollegial värdering\n4. Utvecklingsmål",
		resources: "Formulär, workshop.", partners: "ELO-gruppens organisationer.",
		result: "Tio organisationer värderade sina tjänster.", adoption: "Kriterierna bör anpassas till regionens handlingsplan.",
		themes: []string{"quality-work"}, targets: []string{"guidance-practitioners"}, goals: []string{"4"}, orgTypes: []string{"ely_centre"}},
}

// practices generates the good-practice library: four to seven practices per regional group
// in Finnish (Swedish in Österbotten and partly in Nyland and Egentliga Finland), most
// published (some in two versions, a quarter public), the rest drafts or waiting for review;
// published ones adopted by other groups. It draws from its own random stream, so the rest of
// the dataset stays as it was.
func (g *gen) practices() {
	rng := rand.New(rand.NewPCG(Seed, 0x70726163))
	type group struct {
		ws       workspaces.Workspace
		spec     regionSpec
		coord    string
		editors  []string
		orgsByTy map[string][]string
	}
	var groups []*group
	for _, r := range regions {
		for _, w := range g.d.Workspaces {
			if w.ID == ID("workspace", r.code) {
				groups = append(groups, &group{ws: w, spec: r, orgsByTy: map[string][]string{}})
			}
		}
	}
	byWS := map[string]*group{}
	for _, gr := range groups {
		byWS[gr.ws.ID] = gr
	}
	for _, m := range g.d.Memberships {
		gr := byWS[m.WorkspaceID]
		if gr == nil {
			continue
		}
		switch m.Role {
		case workspaces.RoleCoordinator:
			if gr.coord == "" || m.UserID == ID("user", CoordinatorEmail) {
				gr.coord = m.UserID
			}
			gr.editors = append(gr.editors, m.UserID)
		case workspaces.RoleMember:
			gr.editors = append(gr.editors, m.UserID)
		}
	}
	for _, o := range g.d.Organisations {
		for _, gr := range groups {
			if o.RegionID == gr.ws.RegionID {
				gr.orgsByTy[o.Type] = append(gr.orgsByTy[o.Type], o.ID)
			}
		}
	}
	ref := func(kind string, codes []string) []string {
		out := make([]string, len(codes))
		for i, c := range codes {
			out[i] = refdata.DefaultID(kind, c)
		}
		return out
	}
	type published struct {
		id string
		ws string
	}
	var pubs []published
	savo := ID("user", MemberEmail)
	for gi, gr := range groups {
		if gr.coord == "" || len(gr.editors) == 0 {
			continue
		}
		var pool []practiceSpec
		for _, s := range practiceSpecs {
			swedish := gr.spec.svShare >= 30 || (gr.spec.svShare >= 6 && s.sv && rng.IntN(2) == 0)
			if s.sv == swedish || (s.sv && gr.spec.svShare >= 30) {
				pool = append(pool, s)
			}
		}
		n := min(len(pool), 4+rng.IntN(4))
		order := rng.Perm(len(pool))
		if gr.spec.code == "etela-savo" || gr.spec.code == "kainuu" { // the Ohjaamo outreach practice first
			for i, j := range order {
				if j == 0 {
					order[0], order[i] = order[i], order[0]
				}
			}
		}
		for k := 0; k < n; k++ {
			s := pool[order[k]]
			author := gr.editors[rng.IntN(len(gr.editors))]
			if gr.spec.code == "etela-savo" && k == 0 {
				author = savo
			}
			f := practices.Fields{
				Name: fmt.Sprintf(s.name, gr.spec.locative, gr.spec.genitive, gr.spec.svName), Summary: s.summary,
				BasicIdea: s.idea, Environment: s.env, ClientInsight: s.insight, Steps: s.steps, Resources: s.resources,
				Partners: s.partners, Results: s.result, Adoption: s.adoption, RegionID: gr.ws.RegionID,
				Themes: ref(refdata.Themes, s.themes), TargetGroups: ref(refdata.TargetGroups, s.targets), NationalGoals: ref(refdata.NationalGoals, s.goals),
				Contact: practices.Contact{Name: g.d.Users[g.userIdx[author]].Name, Email: g.d.Users[g.userIdx[author]].Email},
				Links:   []practices.Link{{Title: "Innokylä", URL: "https://www.innokyla.fi/"}},
			}
			for _, t := range s.orgTypes {
				if ids := gr.orgsByTy[t]; len(ids) > 0 {
					f.Organisations = append(f.Organisations, ids[rng.IntN(len(ids))])
				}
			}
			created := Base.Add(-time.Duration(400-gi*7-k*20) * 24 * time.Hour)
			id := ID("practice", gr.ws.ID+"/"+f.Name)
			rec := practices.Record{ID: id, WorkspaceID: gr.ws.ID, AuthorID: author, Draft: f, State: practices.StateDone,
				CreatedAt: created, UpdatedAt: created, UpdatedBy: author, Version: 1}
			stage := rng.IntN(10)
			if gr.spec.code == "etela-savo" && k == 0 {
				stage = 9 // published twice, public
			}
			switch {
			case stage == 0: // a draft
				rec.State = practices.StateDraft
			case stage == 1: // waiting for review
				rec.State, rec.SubmittedBy, rec.SubmittedAt = practices.StateReview, author, created.Add(48*time.Hour)
			default:
				v1 := f
				versions := 1
				if stage >= 7 {
					versions = 2
					v1.Results = "Ensimmäiset tulokset: " + strings.ToLower(f.Results[:1]) + f.Results[1:]
					if s.sv {
						v1.Results = "Preliminära resultat. " + f.Results
					}
				}
				for n := 1; n <= versions; n++ {
					fields := f
					if n < versions {
						fields = v1
					}
					at := created.Add(time.Duration(n*30) * 24 * time.Hour)
					g.d.PracticeVersions = append(g.d.PracticeVersions, practices.PublishedVersion{ID: fmt.Sprintf("%s-%06d", id, n), Practice: id, N: n,
						Fields: fields, AuthorID: author, ApprovedBy: gr.coord, PublishedAt: at})
					rec.UpdatedAt, rec.ReviewedBy, rec.SubmittedBy, rec.SubmittedAt = at, gr.coord, author, at.Add(-24*time.Hour)
				}
				rec.Public = stage >= 7 || stage == 2
				rec.Version = 1 + 3*versions
				pubs = append(pubs, published{id, gr.ws.ID})
			}
			g.d.Practices = append(g.d.Practices, rec)
		}
	}
	// Adoptions: about half of the published practices spread to one to three other regions.
	experiences := []string{
		"Otimme mallin käyttöön syksyllä. Alku oli hidas, mutta yhteistyökumppanit innostuivat nopeasti.",
		"Sovelsimme mallia pienemmällä resurssilla: yksi ohjaaja, yksi päivä viikossa. Toimii!",
		"Kokeilimme kahdessa kunnassa; tavoitimme uusia asiakasryhmiä. Seuraavaksi laajennamme.",
		"Vi har tagit modellen i bruk och anpassat den till tvåspråkiga förhållanden.",
	}
	for i, p := range pubs {
		if rng.IntN(2) == 0 {
			continue
		}
		k := 1 + rng.IntN(3)
		for _, j := range rng.Perm(len(groups))[:k] {
			gr := groups[j]
			if gr.ws.ID == p.ws || len(gr.editors) == 0 {
				continue
			}
			by := gr.editors[rng.IntN(len(gr.editors))]
			g.d.PracticeAdoptions = append(g.d.PracticeAdoptions, practices.Adoption{ID: p.id + "-" + gr.ws.ID, Practice: p.id, WorkspaceID: gr.ws.ID,
				RegionID: gr.ws.RegionID, By: by, Experience: experiences[(i+j)%len(experiences)], At: Base.Add(-time.Duration(10+i) * 24 * time.Hour)})
		}
	}
}
