package demo

// The organisations of the demo dataset. Kainuu's and Etelä-Savo's come from the seed documents
// (Kainuu's ELO strategy, seed 000, and Etelä-Savo's regional page, seed 003) with the seeds'
// own words as descriptions; the other regions carry the real names of their main guidance
// organisations (cities, education providers, Ohjaamo points), described generically.

// orgSpec is one organisation before ids, descriptions and services are filled in.
type orgSpec struct {
	name     string
	typ      string
	sv       bool     // a Swedish-language organisation: Swedish services and mostly Swedish staff
	place    string   // the town it is in, for generated descriptions ("" = the region)
	desc     string   // a description written out (the seeds' real content); "" = generated
	services []string // services written out; nil = generated from the type
}

// regionSpec is one of the 15 ELY-centre regions as the dataset needs it.
type regionSpec struct {
	code     string
	genitive string // "Kainuun", for "Kainuun ELY-keskus"
	locative string // "Kainuussa", "Uudellamaalla"
	name     string // "Kainuu"
	svName   string // "Kajanaland"
	svShare  int    // per cent of staff of Finnish-language organisations with Swedish as language
	users    int    // generated people (demo accounts come on top)
	wsName   string // workspace name when not "ELO-ryhmä <name>"
	wsDesc   string // workspace description when not generated
	orgs     []orgSpec
}

// Organisation type codes (directory.Types).
const (
	tMunicipality = "municipality"
	tVocational   = "vocational_institution"
	tUAS          = "university_of_applied_sciences"
	tEmployment   = "employment_services"
	tOhjaamo      = "ohjaamo"
	tELY          = "ely_centre"
	tThird        = "third_sector"
	tOther        = "other"
)

func o(name, typ, place string) orgSpec { return orgSpec{name: name, typ: typ, place: place} }
func osv(name, typ, place string) orgSpec {
	return orgSpec{name: name, typ: typ, place: place, sv: true}
}

// nationalOrgs have no region: the ministries leading the national ELO group and the national agencies.
var nationalOrgs = []orgSpec{
	{name: "Työ- ja elinkeinoministeriö", typ: tOther,
		desc:     "Työ- ja elinkeinoministeriö johtaa valtakunnallista ELO-ryhmää yhdessä opetus- ja kulttuuriministeriön kanssa ja vastaa työllisyyspalvelujen ohjauksen linjauksista sekä ELY-keskusten tulosohjauksesta.",
		services: []string{"Valtakunnallisen ELO-ryhmän puheenjohtajuus", "Työllisyyspalvelujen ohjauksen linjaukset", "ELY-keskusten ELO-tehtävän tulosohjaus"}},
	{name: "Opetus- ja kulttuuriministeriö", typ: tOther,
		desc:     "Opetus- ja kulttuuriministeriö johtaa valtakunnallista ELO-ryhmää yhdessä työ- ja elinkeinoministeriön kanssa ja vastaa koulutuksen ohjauksen säädöksistä ja kehittämisestä.",
		services: []string{"Valtakunnallisen ELO-ryhmän puheenjohtajuus", "Oppilaan- ja opinto-ohjauksen säädösvalmistelu", "Jatkuvan oppimisen ohjauksen kehittäminen"}},
	{name: "Opetushallitus", typ: tOther,
		desc:     "Opetushallitus kehittää opinto-ohjausta kaikilla koulutusasteilla, ylläpitää ohjauksen tietopalveluja ja tukee ohjaushenkilöstön osaamisen kehittämistä.",
		services: []string{"Opintopolku.fi ja Oma Opintopolku", "Ohjaushenkilöstön täydennyskoulutus", "Euroguidance-verkoston kansalliset palvelut", "Ohjauksen laatukriteerit ja arviointi"}},
	{name: "KEHA-keskus", typ: tOther,
		desc:     "ELY-keskusten ja TE-toimistojen kehittämis- ja hallintokeskus järjestää vuosittaiset TNO-seminaarit ja tukee ELY-keskusten ELO-verkostojen yhteistä kehittämistä.",
		services: []string{"Vuosittaiset TNO-seminaarit", "ELO-verkostojen yhteiset kehittämisryhmät", "Verkkotyövälineiden ylläpito"}},
	{name: "Jatkuvan oppimisen ja työllisyyden palvelukeskus", typ: tOther,
		desc:     "Palvelukeskus rahoittaa ja kehittää työikäisten osaamisen kehittämistä ja siihen liittyviä ohjauspalveluja yhdessä alueiden kanssa.",
		services: []string{"Työikäisten ohjauspalvelujen kehittäminen", "Osaamistarpeiden ennakointitieto", "Alueellisten hankkeiden rahoitus"}},
}

var kainuuStrategy = "Kainuun elinikäisen ohjauksen strategia (ELO-strategia) edistää ja tiivistää alueella tehtävän ohjauksen verkostomaista toimintaa. " +
	"Visio: Elinikäisellä ohjauksella edistetään kainuulaisten hyvinvointia, osaamista, uudistumiskykyä ja yritteliäisyyttä. " +
	"Missio: Ohjaamme ja kannustamme kainuulaisia oppimiseen, työhön, osallisuuteen, kehittymiseen, innovatiivisuuteen ja oman polun löytämiseen elämän eri vaiheissa. " +
	"Keskeiset teemat ovat asiakaslähtöisyys, maakunnallisuus, motivointi ja kannustaminen. Strategian toimeenpanosta vastaa Kainuun ELO-työryhmä, jonka työtä Kainuun ELY-keskus koordinoi."

const kainuuDeveloper = "Kainuun ELO-strategian valmistellut kehittäjäryhmä: "

var etelaSavoDesc = "Elinikäinen oppiminen ja ohjaus ymmärretään Etelä-Savossa tärkeäksi osaksi nuorisotakuun onnistumista. " +
	"Ohjaus on laaja tehtävä kaikenikäisille ja kattaa suurimman osan maakunnan viranomaisverkostoista, joissa työskentelee ammattiohjaajia ja muita, jotka tarvitsevat ohjausotetta. " +
	"Strategisia tavoitteita elämän siirtymävaiheissa ovat yhteiset järjestelyt, osallisuus, kannustava oppiminen, sujuvasti työhön ja toimiva verkostotyö yhdessä. " +
	"ELO-johtoryhmä uudistaa ja panee täytäntöön elinikäisen oppimisen ja ohjauksen sekä nuorisotakuun strategiset tavoitteet, suuntaa Ohjaamo-toimintaa ja hankkeita sekä viitoittaa ohjauspalvelujen arviointia."

var regions = []regionSpec{
	{code: "uusimaa", genitive: "Uudenmaan", locative: "Uudellamaalla", name: "Uusimaa", svName: "Nyland", svShare: 10, users: 50,
		wsName: "ELO-ryhmä Uusimaa – ELO-gruppen i Nyland",
		orgs: []orgSpec{
			o("Uudenmaan ELY-keskus", tELY, "Helsinki"),
			o("Helsingin kaupunki", tMunicipality, "Helsinki"),
			o("Espoon kaupunki", tMunicipality, "Espoo"),
			o("Vantaan kaupunki", tMunicipality, "Vantaa"),
			o("Porvoon kaupunki", tMunicipality, "Porvoo"),
			osv("Raseborgs stad", tMunicipality, "Raseborg"),
			o("Lohjan kaupunki", tMunicipality, "Lohja"),
			o("Hyvinkään kaupunki", tMunicipality, "Hyvinkää"),
			o("Helsingin työllisyyspalvelut", tEmployment, "Helsinki"),
			o("Vantaan ja Keravan työllisyysalue", tEmployment, "Vantaa"),
			o("Stadin ammatti- ja aikuisopisto", tVocational, "Helsinki"),
			o("Omnia", tVocational, "Espoo"),
			o("Keuda", tVocational, "Kerava"),
			osv("Yrkesinstitutet Prakticum", tVocational, "Helsingfors"),
			o("Metropolia Ammattikorkeakoulu", tUAS, "Helsinki"),
			o("Laurea-ammattikorkeakoulu", tUAS, "Vantaa"),
			o("Haaga-Helia ammattikorkeakoulu", tUAS, "Helsinki"),
			osv("Yrkeshögskolan Arcada", tUAS, "Helsingfors"),
			o("Ohjaamo Helsinki", tOhjaamo, "Helsinki"),
			o("Ohjaamo Espoo", tOhjaamo, "Espoo"),
			o("Ohjaamo Vantaa", tOhjaamo, "Vantaa"),
			o("Helsingin NMKY", tThird, "Helsinki"),
			osv("Luckan", tThird, "Helsingfors"),
			o("Helsingin työväenopisto", tOther, "Helsinki"),
		}},
	{code: "varsinais-suomi", genitive: "Varsinais-Suomen", locative: "Varsinais-Suomessa", name: "Varsinais-Suomi", svName: "Egentliga Finland", svShare: 6, users: 48,
		orgs: []orgSpec{
			o("Varsinais-Suomen ELY-keskus", tELY, "Turku"),
			o("Turun kaupunki", tMunicipality, "Turku"),
			o("Salon kaupunki", tMunicipality, "Salo"),
			o("Kaarinan kaupunki", tMunicipality, "Kaarina"),
			o("Raision kaupunki", tMunicipality, "Raisio"),
			o("Uudenkaupungin kaupunki", tMunicipality, "Uusikaupunki"),
			osv("Pargas stad", tMunicipality, "Pargas"),
			o("Turun seudun työllisyysalue", tEmployment, "Turku"),
			o("Salon seudun työllisyysalue", tEmployment, "Salo"),
			o("Turun ammatti-instituutti", tVocational, "Turku"),
			osv("Axxell Utbildning", tVocational, "Pargas"),
			o("Salon seudun ammattiopisto", tVocational, "Salo"),
			o("Raision seudun koulutuskuntayhtymä Raseko", tVocational, "Raisio"),
			o("Turun ammattikorkeakoulu", tUAS, "Turku"),
			osv("Yrkeshögskolan Novia, Åbo", tUAS, "Åbo"),
			o("Ohjaamo Turku", tOhjaamo, "Turku"),
			o("Ohjaamo Salo", tOhjaamo, "Salo"),
			o("Turun Seudun TST ry", tThird, "Turku"),
			o("Turun kristillinen opisto", tOther, "Turku"),
		}},
	{code: "satakunta", genitive: "Satakunnan", locative: "Satakunnassa", name: "Satakunta", svName: "Satakunta", svShare: 2, users: 38,
		orgs: []orgSpec{
			o("Satakunnan ELY-keskus", tELY, "Pori"),
			o("Porin kaupunki", tMunicipality, "Pori"),
			o("Rauman kaupunki", tMunicipality, "Rauma"),
			o("Kankaanpään kaupunki", tMunicipality, "Kankaanpää"),
			o("Ulvilan kaupunki", tMunicipality, "Ulvila"),
			o("Harjavallan kaupunki", tMunicipality, "Harjavalta"),
			o("Porin seudun työllisyysalue", tEmployment, "Pori"),
			o("Rauman seudun työllisyysalue", tEmployment, "Rauma"),
			o("Sataedu", tVocational, "Harjavalta"),
			o("Winnova", tVocational, "Pori"),
			o("Satakunnan ammattikorkeakoulu", tUAS, "Pori"),
			o("Ohjaamo Pori", tOhjaamo, "Pori"),
			o("Ohjaamo Rauma", tOhjaamo, "Rauma"),
			o("Satakunnan Yhteisöjen Tuki ry", tThird, "Pori"),
			o("Porin lukio", tOther, "Pori"),
		}},
	{code: "hame", genitive: "Hämeen", locative: "Hämeessä", name: "Häme", svName: "Tavastland", svShare: 2, users: 38,
		orgs: []orgSpec{
			o("Hämeen ELY-keskus", tELY, "Lahti"),
			o("Hämeenlinnan kaupunki", tMunicipality, "Hämeenlinna"),
			o("Lahden kaupunki", tMunicipality, "Lahti"),
			o("Riihimäen kaupunki", tMunicipality, "Riihimäki"),
			o("Forssan kaupunki", tMunicipality, "Forssa"),
			o("Heinolan kaupunki", tMunicipality, "Heinola"),
			o("Lahden seudun työllisyysalue", tEmployment, "Lahti"),
			o("Hämeenlinnan seudun työllisyysalue", tEmployment, "Hämeenlinna"),
			o("Koulutuskeskus Salpaus", tVocational, "Lahti"),
			o("Hämeen ammatti-instituutti", tVocational, "Hämeenlinna"),
			o("Koulutuskeskus Tavastia", tVocational, "Hämeenlinna"),
			o("Forssan ammatti-instituutti", tVocational, "Forssa"),
			o("Hämeen ammattikorkeakoulu", tUAS, "Hämeenlinna"),
			o("LAB-ammattikorkeakoulu", tUAS, "Lahti"),
			o("Ohjaamo Lahti", tOhjaamo, "Lahti"),
			o("Ohjaamo Hämeenlinna", tOhjaamo, "Hämeenlinna"),
		}},
	{code: "pirkanmaa", genitive: "Pirkanmaan", locative: "Pirkanmaalla", name: "Pirkanmaa", svName: "Birkaland", svShare: 2, users: 48,
		orgs: []orgSpec{
			o("Pirkanmaan ELY-keskus", tELY, "Tampere"),
			o("Tampereen kaupunki", tMunicipality, "Tampere"),
			o("Nokian kaupunki", tMunicipality, "Nokia"),
			o("Ylöjärven kaupunki", tMunicipality, "Ylöjärvi"),
			o("Kangasalan kaupunki", tMunicipality, "Kangasala"),
			o("Sastamalan kaupunki", tMunicipality, "Sastamala"),
			o("Valkeakosken kaupunki", tMunicipality, "Valkeakoski"),
			o("Lempäälän kunta", tMunicipality, "Lempäälä"),
			o("Tampereen seudun työllisyysalue", tEmployment, "Tampere"),
			o("Etelä-Pirkanmaan työllisyysalue", tEmployment, "Valkeakoski"),
			o("Tampereen seudun ammattiopisto Tredu", tVocational, "Tampere"),
			o("Sasky koulutuskuntayhtymä", tVocational, "Sastamala"),
			o("Valkeakosken ammattiopisto", tVocational, "Valkeakoski"),
			o("Tampereen ammattikorkeakoulu", tUAS, "Tampere"),
			o("Ohjaamo Tampere", tOhjaamo, "Tampere"),
			o("Tampereen Kaupunkilähetys ry", tThird, "Tampere"),
			o("Setlementti Tampere ry", tThird, "Tampere"),
			o("Tampereen seudun työväenopisto", tOther, "Tampere"),
			o("Tampereen yliopisto, urapalvelut", tOther, "Tampere"),
		}},
	{code: "kaakkois-suomi", genitive: "Kaakkois-Suomen", locative: "Kaakkois-Suomessa", name: "Kaakkois-Suomi", svName: "Sydöstra Finland", svShare: 2, users: 38,
		orgs: []orgSpec{
			o("Kaakkois-Suomen ELY-keskus", tELY, "Kouvola"),
			o("Kotkan kaupunki", tMunicipality, "Kotka"),
			o("Kouvolan kaupunki", tMunicipality, "Kouvola"),
			o("Lappeenrannan kaupunki", tMunicipality, "Lappeenranta"),
			o("Imatran kaupunki", tMunicipality, "Imatra"),
			o("Haminan kaupunki", tMunicipality, "Hamina"),
			o("Kotkan-Haminan seudun työllisyysalue", tEmployment, "Kotka"),
			o("Etelä-Karjalan työllisyysalue", tEmployment, "Lappeenranta"),
			o("Ekami", tVocational, "Kotka"),
			o("Kouvolan seudun ammattiopisto", tVocational, "Kouvola"),
			o("Saimaan ammattiopisto Sampo", tVocational, "Lappeenranta"),
			o("Kaakkois-Suomen ammattikorkeakoulu Xamk", tUAS, "Kotka"),
			o("Ohjaamo Kotka", tOhjaamo, "Kotka"),
			o("Ohjaamo Kouvola", tOhjaamo, "Kouvola"),
			o("Ohjaamo Lappeenranta", tOhjaamo, "Lappeenranta"),
			o("Kaakkois-Suomen Sosiaalipsykiatrinen yhdistys ry", tThird, "Kotka"),
		}},
	{code: "etela-savo", genitive: "Etelä-Savon", locative: "Etelä-Savossa", name: "Etelä-Savo", svName: "Södra Savolax", svShare: 1, users: 32,
		wsDesc: etelaSavoDesc,
		orgs: []orgSpec{
			{name: "Etelä-Savon ELY-keskus", typ: tELY, place: "Mikkeli",
				desc: "Etelä-Savon ELY-keskuksessa on toiminut monialainen Etelä-Savon elinikäisen oppimisen ja ohjauksen yhteistyöryhmä (Etelä-Savon ISO ELO) 2013–2016 sekä nuorisotakuun neuvottelukunta. Vuodesta 2017 ELO-johtoryhmä on uudistanut ja pannut täytäntöön maakunnan elinikäisen oppimisen, ohjauksen ja nuorisotakuun strategiset tavoitteet.",
				services: []string{
					"Elinikäisen oppimisen, ohjauksen ja nuorisotakuun strategisten tavoitteiden uudistaminen ja toimeenpano",
					"Nuorille ja kaikenikäisille tarkoitetun Ohjaamo-toiminnan suuntaaminen",
					"Oppimista, ohjausta ja nuorisotakuuta edistävien hankkeiden suuntaaminen",
					"Ohjauspalvelujen arviointi ja ohjauksen järjestelyjen laadun arviointi",
					"Ohjauksen yhteisten käytännön järjestelyjen jäsentäminen koko maakunnassa",
					"Lisä- ja täydennyskoulutus sekä yhteiset tapahtumat ohjaustoimijoille",
				}},
			{name: "Etelä-Savon TE-toimisto", typ: tEmployment, place: "Mikkeli",
				desc:     "Etelä-Savon TE-toimisto on mukana maakunnallisissa tieto-, neuvonta- ja ohjauspalveluverkostoissa, joiden tavoitteena on nivoa yhteen elinikäisen ohjauksen toimijoita.",
				services: []string{"Ammatinvalinta- ja uraohjaus", "Koulutus- ja työmarkkinatietoneuvonta", "Nuorisotakuun palvelut", "Työnhaun valmennus"}},
			{name: "Mikkelin Ohjaamo Olkkari", typ: tOhjaamo, place: "Mikkeli",
				desc:     "Mikkelin Ohjaamo Olkkari on nuorten monialainen Ohjaamo, jonka toiminnassa korostuu rinnalla kulkeminen osana nuorisotakuuta.",
				services: []string{"Nuorten matalan kynnyksen ohjaus", "Rinnalla kulkeva tuki", "Henkilökohtainen ura- ja opinto-ohjaus", "Palveluohjaus nuorisotakuun palveluihin"}},
			{name: "Pieksämäen Ohjaamo Piennar", typ: tOhjaamo, place: "Pieksämäki",
				desc:     "Pieksämäen Ohjaamo Piennar tarjoaa nuorille monialaista ohjausta ja rinnalla kulkemista osana Etelä-Savon nuorisotakuuta.",
				services: []string{"Nuorten matalan kynnyksen ohjaus", "Rinnalla kulkeva tuki", "Työnhaun ja opiskelupaikan haun tuki"}},
			{name: "Savonlinnan Ohjaamo", typ: tOhjaamo, place: "Savonlinna",
				desc:     "Savonlinnan Ohjaamo on osa Etelä-Savon nuorten Ohjaamo-kokonaisuutta Mikkelissä, Pieksämäellä ja Savonlinnassa.",
				services: []string{"Nuorten matalan kynnyksen ohjaus", "Rinnalla kulkeva tuki", "Henkilökohtainen ura- ja opinto-ohjaus"}},
			{name: "Opin ovi Etelä-Savo", typ: tOther, place: "Mikkeli",
				desc:     "Opin ovi on aikuisten koulutus- ja uraneuvonnan verkosto, jonka kautta Etelä-Savon organisaatiot ovat jäsentäneet yhteistä ohjauskäsitettään.",
				services: []string{"Aikuisten koulutusneuvonta", "Uraneuvonta ja osaamisen tunnistaminen", "Ohjaustoimijoiden verkostoyhteistyö"}},
			{name: "Pointti", typ: tOther, place: "Mikkeli",
				desc:     "Pointti on eteläsavolainen ohjauksen toimija, jonka kautta maakunnan yhteinen ohjauskäsite näkyy käytännön työssä.",
				services: []string{"Ohjaus ja neuvonta", "Palveluohjaus elämän siirtymävaiheissa"}},
			o("Mikkelin kaupunki", tMunicipality, "Mikkeli"),
			o("Savonlinnan kaupunki", tMunicipality, "Savonlinna"),
			o("Pieksämäen kaupunki", tMunicipality, "Pieksämäki"),
			o("Etelä-Savon ammattiopisto Esedu", tVocational, "Mikkeli"),
			o("Savonlinnan ammatti- ja aikuisopisto", tVocational, "Savonlinna"),
			o("Kaakkois-Suomen ammattikorkeakoulu Xamk, Mikkelin kampus", tUAS, "Mikkeli"),
			o("Otavan Opisto", tOther, "Mikkeli"),
			o("Etelä-Savon Kylät ry", tThird, "Mikkeli"),
		}},
	{code: "pohjois-savo", genitive: "Pohjois-Savon", locative: "Pohjois-Savossa", name: "Pohjois-Savo", svName: "Norra Savolax", svShare: 1, users: 38,
		orgs: []orgSpec{
			o("Pohjois-Savon ELY-keskus", tELY, "Kuopio"),
			o("Kuopion kaupunki", tMunicipality, "Kuopio"),
			o("Iisalmen kaupunki", tMunicipality, "Iisalmi"),
			o("Varkauden kaupunki", tMunicipality, "Varkaus"),
			o("Siilinjärven kunta", tMunicipality, "Siilinjärvi"),
			o("Suonenjoen kaupunki", tMunicipality, "Suonenjoki"),
			o("Kuopion seudun työllisyysalue", tEmployment, "Kuopio"),
			o("Ylä-Savon työllisyysalue", tEmployment, "Iisalmi"),
			o("Savon ammattiopisto", tVocational, "Kuopio"),
			o("Ylä-Savon ammattiopisto", tVocational, "Iisalmi"),
			o("Savonia-ammattikorkeakoulu", tUAS, "Kuopio"),
			o("Ohjaamo Kuopio", tOhjaamo, "Kuopio"),
			o("Ohjaamo Iisalmi", tOhjaamo, "Iisalmi"),
			o("Kuopion Setlementti Puijola ry", tThird, "Kuopio"),
			o("Pohjois-Savon Kylät ry", tThird, "Kuopio"),
			o("Itä-Suomen yliopisto, urapalvelut", tOther, "Kuopio"),
		}},
	{code: "pohjois-karjala", genitive: "Pohjois-Karjalan", locative: "Pohjois-Karjalassa", name: "Pohjois-Karjala", svName: "Norra Karelen", svShare: 1, users: 34,
		orgs: []orgSpec{
			o("Pohjois-Karjalan ELY-keskus", tELY, "Joensuu"),
			o("Joensuun kaupunki", tMunicipality, "Joensuu"),
			o("Kiteen kaupunki", tMunicipality, "Kitee"),
			o("Lieksan kaupunki", tMunicipality, "Lieksa"),
			o("Nurmeksen kaupunki", tMunicipality, "Nurmes"),
			o("Kontiolahden kunta", tMunicipality, "Kontiolahti"),
			o("Joensuun seudun työllisyysalue", tEmployment, "Joensuu"),
			o("Pohjois-Karjalan koulutuskuntayhtymä Riveria", tVocational, "Joensuu"),
			o("Karelia-ammattikorkeakoulu", tUAS, "Joensuu"),
			o("Ohjaamo Joensuu", tOhjaamo, "Joensuu"),
			o("Jelli-järjestökeskus", tThird, "Joensuu"),
			o("Pohjois-Karjalan Kylät ry", tThird, "Joensuu"),
			o("Joensuun seudun kansalaisopisto", tOther, "Joensuu"),
			o("Pohjois-Karjalan Opisto", tOther, "Joensuu"),
		}},
	{code: "keski-suomi", genitive: "Keski-Suomen", locative: "Keski-Suomessa", name: "Keski-Suomi", svName: "Mellersta Finland", svShare: 1, users: 40,
		orgs: []orgSpec{
			o("Keski-Suomen ELY-keskus", tELY, "Jyväskylä"),
			o("Jyväskylän kaupunki", tMunicipality, "Jyväskylä"),
			o("Äänekosken kaupunki", tMunicipality, "Äänekoski"),
			o("Jämsän kaupunki", tMunicipality, "Jämsä"),
			o("Laukaan kunta", tMunicipality, "Laukaa"),
			o("Keuruun kaupunki", tMunicipality, "Keuruu"),
			o("Jyväskylän seudun työllisyysalue", tEmployment, "Jyväskylä"),
			o("Jyväskylän koulutuskuntayhtymä Gradia", tVocational, "Jyväskylä"),
			o("Pohjoisen Keski-Suomen oppimiskeskus POKE", tVocational, "Äänekoski"),
			o("Jyväskylän ammattikorkeakoulu", tUAS, "Jyväskylä"),
			o("Ohjaamo Jyväskylä", tOhjaamo, "Jyväskylä"),
			o("Ohjaamo Äänekoski", tOhjaamo, "Äänekoski"),
			o("Keski-Suomen Yhteisöjen Tuki ry", tThird, "Jyväskylä"),
			o("Jyväskylän Katulähetys ry", tThird, "Jyväskylä"),
			o("Jyväskylän yliopisto, ura- ja rekrytointipalvelut", tOther, "Jyväskylä"),
			o("Jyväskylän kansalaisopisto", tOther, "Jyväskylä"),
		}},
	{code: "etela-pohjanmaa", genitive: "Etelä-Pohjanmaan", locative: "Etelä-Pohjanmaalla", name: "Etelä-Pohjanmaa", svName: "Södra Österbotten", svShare: 2, users: 34,
		orgs: []orgSpec{
			o("Etelä-Pohjanmaan ELY-keskus", tELY, "Seinäjoki"),
			o("Seinäjoen kaupunki", tMunicipality, "Seinäjoki"),
			o("Lapuan kaupunki", tMunicipality, "Lapua"),
			o("Kauhajoen kaupunki", tMunicipality, "Kauhajoki"),
			o("Alavuden kaupunki", tMunicipality, "Alavus"),
			o("Kurikan kaupunki", tMunicipality, "Kurikka"),
			o("Seinäjoen seudun työllisyysalue", tEmployment, "Seinäjoki"),
			o("Koulutuskeskus Sedu", tVocational, "Seinäjoki"),
			o("Seinäjoen ammattikorkeakoulu", tUAS, "Seinäjoki"),
			o("Ohjaamo Seinäjoki", tOhjaamo, "Seinäjoki"),
			o("Etelä-Pohjanmaan Nuorisoseurat ry", tThird, "Seinäjoki"),
			o("Lapuan Kristillinen Opisto", tOther, "Lapua"),
			o("Seinäjoen lukio", tOther, "Seinäjoki"),
			o("Etelä-Pohjanmaan hyvinvointialue", tOther, "Seinäjoki"),
		}},
	{code: "pohjanmaa", genitive: "Pohjanmaan", locative: "Pohjanmaalla", name: "Pohjanmaa", svName: "Österbotten", svShare: 30, users: 38,
		wsName: "ELO-ryhmä Pohjanmaa – ELO-gruppen i Österbotten",
		wsDesc: "Pohjanmaan kaksikielinen elinikäisen ohjauksen yhteistyöryhmä kokoaa suomen- ja ruotsinkieliset ohjaustoimijat: kunnat, oppilaitokset, työllisyyspalvelut, Ohjaamot ja järjestöt. Ryhmä kehittää ohjauspalvelujen saatavuutta molemmilla kielillä. " +
			"Den tvåspråkiga ELO-samarbetsgruppen i Österbotten samlar aktörerna inom informations-, rådgivnings- och handledningstjänster och utvecklar handledningen på båda språken. Gruppen koordineras av NTM-centralen i Österbotten.",
		orgs: []orgSpec{
			o("Pohjanmaan ELY-keskus – NTM-centralen i Österbotten", tELY, "Vaasa"),
			o("Vaasan kaupunki – Vasa stad", tMunicipality, "Vaasa"),
			osv("Jakobstads stad", tMunicipality, "Jakobstad"),
			osv("Närpes stad", tMunicipality, "Närpes"),
			osv("Korsholms kommun", tMunicipality, "Korsholm"),
			osv("Kristinestads stad", tMunicipality, "Kristinestad"),
			o("Vaasan seudun työllisyysalue – Vasaregionens sysselsättningsområde", tEmployment, "Vaasa"),
			osv("Yrkesakademin i Österbotten", tVocational, "Vasa"),
			o("Vamia", tVocational, "Vaasa"),
			osv("Optima", tVocational, "Jakobstad"),
			o("Vaasan ammattikorkeakoulu VAMK", tUAS, "Vaasa"),
			osv("Yrkeshögskolan Novia", tUAS, "Vasa"),
			o("Ohjaamo Vaasa – Navigatorn Vasa", tOhjaamo, "Vaasa"),
			osv("Navigatorn Jakobstad", tOhjaamo, "Jakobstad"),
			osv("Svenska Österbottens Ungdomsförbund", tThird, "Vasa"),
			osv("Åbo Akademi i Vasa, karriärservice", tOther, "Vasa"),
		}},
	{code: "pohjois-pohjanmaa", genitive: "Pohjois-Pohjanmaan", locative: "Pohjois-Pohjanmaalla", name: "Pohjois-Pohjanmaa", svName: "Norra Österbotten", svShare: 1, users: 46,
		orgs: []orgSpec{
			o("Pohjois-Pohjanmaan ELY-keskus", tELY, "Oulu"),
			o("Oulun kaupunki", tMunicipality, "Oulu"),
			o("Raahen kaupunki", tMunicipality, "Raahe"),
			o("Ylivieskan kaupunki", tMunicipality, "Ylivieska"),
			o("Kempeleen kunta", tMunicipality, "Kempele"),
			o("Kuusamon kaupunki", tMunicipality, "Kuusamo"),
			o("Nivalan kaupunki", tMunicipality, "Nivala"),
			o("Oulun seudun työllisyysalue", tEmployment, "Oulu"),
			o("Oulun seudun ammattiopisto OSAO", tVocational, "Oulu"),
			o("Jokilaaksojen koulutuskuntayhtymä JEDU", tVocational, "Ylivieska"),
			o("Raahen Porvari- ja Kauppakoulu", tVocational, "Raahe"),
			o("Oulun ammattikorkeakoulu", tUAS, "Oulu"),
			o("Centria-ammattikorkeakoulu, Ylivieskan kampus", tUAS, "Ylivieska"),
			o("Ohjaamo Oulu", tOhjaamo, "Oulu"),
			o("Ohjaamo Raahe", tOhjaamo, "Raahe"),
			o("Pohjois-Pohjanmaan Kylät ry", tThird, "Oulu"),
			o("Oulun yliopisto, urapalvelut", tOther, "Oulu"),
		}},
	{code: "kainuu", genitive: "Kainuun", locative: "Kainuussa", name: "Kainuu", svName: "Kajanaland", svShare: 1, users: 30,
		wsDesc: kainuuStrategy,
		orgs: []orgSpec{
			{name: "Kainuun ELY-keskus", typ: tELY, place: "Kajaani",
				desc: "Kainuun ELY-keskus koordinoi Kainuun ELO-työryhmää, joka vastaa Kainuun elinikäisen ohjauksen strategian toimeenpanosta. " +
					"Strategia edistää ja tiivistää alueella tehtävän ohjauksen verkostomaista toimintaa; sen keskeisiä teemoja ovat asiakaslähtöisyys, maakunnallisuus, motivointi ja kannustaminen.",
				services: []string{"Kainuun ELO-työryhmän koordinointi", "ELO-strategian toimeenpano ja seuranta", "Ohjausverkoston yhteiset tapaamiset, tilaisuudet ja koulutukset", "Tieto-, neuvonta- ja ohjauspalvelujen kehittäminen"}},
			{name: "Kajaanin kaupunki", typ: tMunicipality, place: "Kajaani",
				desc:     kainuuDeveloper + "Kajaanin kaupunki. Kaupunki tarjoaa oppilaanohjausta, nuorisopalveluja ja työllisyyspalveluja; kaikilla Kainuussa on mahdollisuus saada ohjausta.",
				services: []string{"Perusopetuksen oppilaanohjaus", "Etsivä nuorisotyö", "Nuorten matalan kynnyksen ohjaus", "Työllisyyspalvelujen palveluohjaus"}},
			{name: "Kainuun ammattiopisto", typ: tVocational, place: "Kajaani",
				desc:     kainuuDeveloper + "Kainuun ammattiopisto. Osuva ohjaus on asiakkaan tarpeesta lähtevää, oikea-aikaista ja monikanavaista; ohjaus tukee opiskelijaa aktiivisena toimijana kannustavalla ja motivoivalla otteella.",
				services: []string{"Henkilökohtainen ura- ja opinto-ohjaus", "Osaamisen tunnistaminen ja HOKS-suunnittelu", "Erityisen tuen ohjaus", "Työpaikalla tapahtuvan oppimisen ohjaus"}},
			{name: "Kajaanin ammattikorkeakoulu", typ: tUAS, place: "Kajaani",
				desc:     kainuuDeveloper + "Kajaanin ammattikorkeakoulu. Ohjaus tarjoaa realistista näkemystä mahdollisuuksista sekä tukea tavoitteen asettamisessa ja suunnitelman laatimisessa.",
				services: []string{"Uraohjaus ja urasuunnittelu", "Hakijapalvelut ja hakeutumisen ohjaus", "Jatkuvan oppimisen neuvonta", "Opintojen aikainen urapalvelu"}},
			{name: "Kaukametsän opisto", typ: tOther, place: "Kajaani",
				desc:     kainuuDeveloper + "Kaukametsän opisto. Opisto osallistuu verkoston yhteisiin hankkeisiin, tilaisuuksiin ja koulutuksiin.",
				services: []string{"Aikuisten opintoneuvonta", "Vapaan sivistystyön koulutukset"}},
			{name: "Kianta-Opisto", typ: tOther, place: "Suomussalmi",
				desc:     kainuuDeveloper + "Kianta-Opisto. Ohjaamme ja kannustamme kainuulaisia oppimiseen, työhön, osallisuuteen ja oman polun löytämiseen elämän eri vaiheissa.",
				services: []string{"Opintoneuvonta ja opintojen henkilökohtaistaminen", "Kotoutumiskoulutuksen ohjaus"}},
			{name: "Aikuis- ja täydennyskoulutuspalvelut AIKOPA", typ: tOther, place: "Kajaani",
				desc:     kainuuDeveloper + "Aikuis- ja täydennyskoulutuspalvelut AIKOPA. Ohjausta tarjotaan monikanavaisesti, ja tarvittaessa asiakas siirtyy sujuvasti palvelusta toiseen.",
				services: []string{"Aikuisten koulutusneuvonta", "Täydennyskoulutukseen hakeutumisen ohjaus", "Osaamisen tunnistaminen"}},
			{name: "Kainuun TE-toimisto", typ: tEmployment, place: "Kajaani",
				desc:     kainuuDeveloper + "Kainuun TE-toimisto. Verkoston toimijat tuntevat toisensa ja toistensa palvelut, mikä edistää yhteydenpitoa, tiedonsaantia sekä avun pyytämistä ja saamista.",
				services: []string{"Ammatinvalinta- ja uraohjaus", "Työnhaun valmennus", "Koulutus- ja työmarkkinatietoneuvonta", "Työvoimakoulutukseen ohjaus"}},
			o("Sotkamon kunta", tMunicipality, "Sotkamo"),
			o("Kuhmon kaupunki", tMunicipality, "Kuhmo"),
			o("Suomussalmen kunta", tMunicipality, "Suomussalmi"),
			o("Paltamon kunta", tMunicipality, "Paltamo"),
			o("Ohjaamo Kajaani", tOhjaamo, "Kajaani"),
			o("Kainuun hyvinvointialue", tOther, "Kajaani"),
		}},
	{code: "lappi", genitive: "Lapin", locative: "Lapissa", name: "Lappi", svName: "Lappland", svShare: 1, users: 38,
		orgs: []orgSpec{
			o("Lapin ELY-keskus", tELY, "Rovaniemi"),
			o("Rovaniemen kaupunki", tMunicipality, "Rovaniemi"),
			o("Kemin kaupunki", tMunicipality, "Kemi"),
			o("Tornion kaupunki", tMunicipality, "Tornio"),
			o("Kemijärven kaupunki", tMunicipality, "Kemijärvi"),
			o("Sodankylän kunta", tMunicipality, "Sodankylä"),
			o("Inarin kunta", tMunicipality, "Inari"),
			o("Rovaniemen seudun työllisyysalue", tEmployment, "Rovaniemi"),
			o("Meri-Lapin työllisyysalue", tEmployment, "Kemi"),
			o("Lapin koulutuskeskus REDU", tVocational, "Rovaniemi"),
			o("Ammattiopisto Lappia", tVocational, "Kemi"),
			o("Lapin ammattikorkeakoulu", tUAS, "Rovaniemi"),
			o("Ohjaamo Rovaniemi", tOhjaamo, "Rovaniemi"),
			o("Lapin yliopisto, urapalvelut", tOther, "Rovaniemi"),
		}},
}
