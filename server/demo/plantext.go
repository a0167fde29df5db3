package demo

// The content of the demo documents: Kainuu's strategy in the words of seed 000, Etelä-Savo's
// in those of seed 003, and for the other regions strategies and action plans written from
// these banks (Finnish; Swedish for Pohjanmaa/Österbotten's strategy and its 2026 plan).
// In the texts {alue} is the region's locative ("Kainuussa"), {gen} its genitive ("Kainuun"),
// {sv} its Swedish name ("Österbotten").

// section is a titled text of a strategy (a section or a value).
type section struct{ title, body string }

// Kainuu's strategy, seed 000: the sections in its order, its values and the organisations
// named as its developers ("Strategian toteuttamistahot").
var kainuuSections = []section{
	{"Elinikäinen ohjaus", "Elinikäiseen oppimiseen liittyvällä ohjauksella tarkoitetaan toimia, jotka auttavat ja kannustavat kansalaisia eri elämänvaiheissa: " +
		"1. tunnistamaan kykynsä, osaamisensa ja kiinnostuksensa, 2. tekemään tarkoituksenmukaisia koulutuksellisia ja työuraan liittyviä päätöksiä ja " +
		"3. hallitsemaan yksilöllisiä polkujaan opiskelussa, työssä ja muussa toiminnassa. " +
		"Kainuulaisten ohjaustoimijoiden yhteisellä Kainuun elinikäisen ohjauksen strategialla (ELO-strategia) halutaan edistää ja tiivistää alueella tehtävän ohjauksen verkostomaista toimintaa. " +
		"Strategian perustana ovat alueen keskeisten ohjausta tekevien organisaatioiden strategiat sekä Kainuu-ohjelma. " +
		"ELO-strategian keskeisiksi teemoiksi on nostettu asiakaslähtöisyys, maakunnallisuus, motivointi ja kannustaminen. " +
		"Yhteinen strategia ohjaa verkoston työtä tieto-, neuvonta- ja ohjauspalvelujen tuottajana."},
	{"Visio", "Elinikäisellä ohjauksella edistetään kainuulaisten hyvinvointia, osaamista, uudistumiskykyä ja yritteliäisyyttä."},
	{"Missio", "Ohjaamme ja kannustamme kainuulaisia oppimiseen, työhön, osallisuuteen, kehittymiseen, innovatiivisuuteen ja oman polun löytämiseen elämän eri vaiheissa."},
	{"Tavoitteet", "Ohjaus on osuvaa ja osaavaa. Ohjausverkosto on joustava ja toimiva. Ohjausosaamista kehitetään yhteistyössä."},
	{"Eriarvoistumisen ehkäiseminen", "ELO-strategian yhteisenä arvopohjana toimivat usko mahdollisuuksiin, maakunnan alueellinen tasavertaisuus ja sosiaalisesti kestävä kehitys. " +
		"Verkostona luomme kehittymisen ja kehittämisen positiivista ilmapiiriä kainuulaisille ohjaustilanteissa. Kaikilla Kainuussa on mahdollisuus saada ohjausta. " +
		"Sosiaalisesti kestävä kehitys huomioi asiakkaan osallisuuden ja kaikkien asiakkaiden arvostavan kohtelun."},
	{"Osuva ja osaava ohjaus", "Osuva ohjaus on asiakkaan tarpeesta lähtevää, oikea-aikaista ja monikanavaista. Osuva ohjaus edellyttää kuuntelevaa ja asiantuntevaa työotetta. " +
		"Ohjaus tarjoaa asiakkaalle realistista näkemystä mahdollisuuksista sekä tukea tavoitteen asettamisessa ja suunnitelman laatimisessa. " +
		"Asiakas on aktiivinen toimija, mitä ohjaus tukee kannustavalla ja motivoivalla otteella. " +
		"Osuva ohjaus vie asiakkaan tilannetta eteenpäin ja tarvittaessa asiakas siirtyy sujuvasti palvelusta toiseen. Ohjausta tarjotaan monikanavaisesti."},
	{"Toimiva ja kehittyvä ohjausverkosto", "Toimijoilla on yhteinen näkemys elinikäisestä ohjauksesta. " +
		"Ohjausverkoston joustavuus ja toimivuus edellyttävät, että verkoston toimijat tuntevat toisensa ja toistensa palvelut. " +
		"Jokaisella verkoston jäsenellä on tehtävänsä ja roolinsa, jota muut toimijat arvostavat. " +
		"Verkostotoimijoiden roolien ymmärtäminen edistää yhteydenpitoa, tiedonsaantia sekä avun pyytämistä ja saamista toimijoiden kesken. " +
		"Ohjausosaamista kehitetään yhteistyössä. Kehittäminen edellyttää organisaatioiden ja yksilöiden aktiivista osallistumista verkostotoimijoiden yhteisiin hankkeisiin, tilaisuuksiin ja koulutuksiin. " +
		"Aktiivisella vuorovaikutuksella vahvistamme yhteistä käsitystä ohjausprosessista sekä ohjausverkoston kehittämistarpeista. " +
		"Tunnistamme uusien toimintatapojen mahdollisuudet ja toimimme aktiivisesti muutostilanteissa. " +
		"Sitoudumme kehittämiseen organisaatioiden kaikilla tasoilla ja kohdennamme kehittämiseen resursseja. " +
		"Jaamme tietoa avoimesti ja otamme moniammatillisen osaamisen käyttöön aiempaa tehokkaammin."},
	{"Tehokas viestintä", "Tehokas ja oikea-aikainen viestintä verkoston sisällä on keskeisessä asemassa. Etenkin muutostilanteissa viestinnän merkitys korostuu. " +
		"Verkoston viestintää edistävät säännölliset yhteiset tapaamiset erilaisilla kokoonpanoilla. " +
		"Joustava ja toimiva ohjausverkostomme näkyy asiakkaalle johdonmukaisena, moniammatillisena yhteistyönä ja asiakasystävällisenä ohjauksena."},
	{"Strategian toteuttamistahot", "Strategian valmistelusta on vastannut kehittäjäryhmä, johon kuuluivat seuraavien organisaatioiden edustajat: " +
		"Kajaanin kaupunki, Kainuun ammattiopisto, Kajaanin ammattikorkeakoulu, Kaukametsän opisto, Kianta-Opisto, Aikuis- ja täydennyskoulutuspalvelut AIKOPA, Kainuun TE-toimisto ja Kainuun ELY-keskus. " +
		"Kainuun ELO-strategian toimeenpanosta vastaa Kainuun ELO-työryhmä, jonka työtä Kainuun ELY-keskus koordinoi."},
}

var kainuuValues = []section{
	{"Uskomme mahdollisuuksiin", "Verkostona luomme kehittymisen ja kehittämisen positiivista ilmapiiriä kainuulaisille ohjaustilanteissa."},
	{"Kainuussa ohjaus on jokaisen saatavilla", "Kaikilla Kainuussa on mahdollisuus saada ohjausta maakunnan alueellisen tasavertaisuuden mukaisesti."},
	{"Sosiaalisesti kestävä kehitys", "Sosiaalisesti kestävä kehitys huomioi asiakkaan osallisuuden ja kaikkien asiakkaiden arvostavan kohtelun."},
}

var kainuuResponsible = []string{"Kajaanin kaupunki", "Kainuun ammattiopisto", "Kajaanin ammattikorkeakoulu", "Kaukametsän opisto",
	"Kianta-Opisto", "Aikuis- ja täydennyskoulutuspalvelut AIKOPA", "Kainuun TE-toimisto", "Kainuun ELY-keskus"}

// Kainuu's plan goals follow its strategy's goals and themes (seed 000), in the order of goalBank.
var kainuuGoals = [5]string{
	"Kainuussa ohjaus on jokaisen saatavilla ja eriarvoistumista ehkäistään",
	"Ohjaus on osuvaa ja vie asiakkaan tilannetta eteenpäin",
	"Ohjausosaamista kehitetään yhteistyössä",
	"Tehokas ja oikea-aikainen viestintä tukee laadukasta ohjausta",
	"Ohjausverkosto on joustava ja toimiva",
}

// Etelä-Savo's strategy, seed 003.
var etelaSavoSections = []section{
	{"Elinikäinen ohjaus Etelä-Savossa", "Elinikäinen oppiminen ja ohjaus ymmärretään Etelä-Savossa tärkeäksi osaksi nuorisotakuun onnistumista. " +
		"Ohjaus on laaja tehtävä kaikenikäisille ja kattaa suurimman osan maakunnan viranomaisverkostoista, joissa työskentelee ammattiohjaajia ja muita, jotka tarvitsevat ohjausotetta. " +
		"Ohjausta kehitetään Etelä-Savossa koulutuksien, yhteistyötilaisuuksien ja -tapaamisten, hankkeiden ja verkostoitumisten avulla, jotka voivat olla monentyyppisiä."},
	{"Strategiset tavoitteet", "Strategiatyötä on tehty maakunnassa vuodesta 2013 lähtien. " +
		"Strategisia tavoitteita Etelä-Savossa elämän siirtymävaiheissa ovat yhteiset järjestelyt, osallisuus, kannustava oppiminen, sujuvasti työhön ja toimiva verkostotyö yhdessä. " +
		"Nuorten Ohjaamo-kokonaisuutta Mikkelissä, Pieksämäellä ja Savonlinnassa täydentää aikuisille Ohjaamo-tyyppistä monialaista palvelua tarjoava kokonaisuus. " +
		"Myös muissa kehittämiskohteissa, joissa tavoitteena on pysyvä rahoitus ja toimivat menetelmät oppimiseen, ohjaukseen ja nuorisotakuun yhteisiin järjestelyihin, on tärkeää edetä vauvasta vaariin. " +
		"Strategiaan kuuluu osana myös laadun kuvaus ja arviointimenetelmät. Lisäksi Etelä-Savon elinikäistä oppimista, ohjausta ja nuorisotakuuta arvioidaan vaikutusten ja vaikuttavuuden avulla."},
	{"Jatkuvan oppimisen uudistus", "Jatkuvan oppimisen uudistuksessa on tärkeää maakunnassa esimerkiksi tulevaisuustiedon hyödyntäminen sekä yritysten ja oppilaitosten yhteisten osaamisen tarpeiden löytäminen ja näkyväksi tekeminen."},
	{"Ohjauksen käsite", "Etelä-Savossa ohjauksen käsite kulkee aina oppimisen kanssa. " +
		"Elinikäisellä ohjauksella tarkoitamme Etelä-Savossa erilaisia toimia ja järjestelyjä, joiden avulla kaikenikäiset kansalaiset pystyvät eri elämänvaiheissa tunnistamaan osaamisensa ja kiinnostuksensa, " +
		"tekemään mielekkäitä koulutukseen ja ammattiin liittyviä päätöksiä, hallitsemaan yksilöllistä kehityskaartaan koulutuksen, työn ja oppimisen ympäristöissä, joissa osaamista ja taitoja opitaan ja käytetään. " +
		"Ohjausta toteutetaan eri ympäristöissä: elämän siirtymävaiheissa, koulutuksessa ja työpaikoilla. Ohjausta antavat sekä julkisen sektorin että yksityiset toimijat. " +
		"Meillä elinikäisen ohjauksen määritelmään lisätään myös vapaa-aikaan liittyviä kolmannen sektorin toimijoita sekä nuorisotakuussa erityisesti myös rinnalla kulkemisen elementtejä Mikkelin Ohjaamo Olkkarin, Pieksämäen Pientareen ja Savonlinnan Ohjaamo-toiminnasta."},
	{"ELO-johtoryhmän tehtävät", "ELO-johtoryhmän tehtävänä maakunnallisesti on 1) uudistaa ja panna täytäntöön maakuntaan elinikäisen oppimisen ja ohjauksen sekä nuorisotakuun strategiset tavoitteet, " +
		"2) suunnata sekä nuorille että kaikenikäisille tarkoitettua Ohjaamo-toimintaa, 3) suunnata oppimista, ohjausta ja nuorisotakuuta edistäviä hankkeita, " +
		"4) viitoittaa ohjauspalvelujen arviointia ja arvioida ohjauksen järjestelyjen laatua palvelujen kehittämiseksi, " +
		"5) jäsentää suunnat ohjauksen yhteisiin käytännön järjestelyihin koko maakunnassa ja " +
		"6) suunnata esimerkiksi lisä- ja täydennyskoulutusta ja muita yhteisiä tapahtumia, joilla syvennetään ja täydennetään oppimisen, ohjauksen ja nuorten ohjauksen ja osallisuuden taitoja."},
	{"Ohjauksen verkostot", "Etelä-Savossa toimivat ohjaajien ja Ohjaamo-toimijoiden maakunnalliset tieto-, neuvonta- ja ohjauspalveluverkostot. " +
		"Näiden verkostojen tavoitteena on nivoa yhteen toimijoita elinikäisessä ohjauksessa. Verkostojen kuvaus on koottu nimellä Elämän siirtymävaiheiden tukiverkostot."},
}

var etelaSavoValues = []section{
	{"Vauvasta vaariin", "Oppiminen ja ohjaus kuuluvat kaikenikäisille, ja järjestelyt kattavat elämän kaikki siirtymävaiheet."},
	{"Rinnalla kulkeminen", "Nuorisotakuussa ohjaus on rinnalla kulkemista: nuori ei jää yksin siirtymävaiheessa."},
	{"Yhteiset tavoitteet", "Käsitykset ohjauksen määritelmästä vaihtelevat, mutta yhtenäisyys syntyy yhteisistä tavoitteista."},
}

var etelaSavoResponsible = []string{"Etelä-Savon ELY-keskus", "Etelä-Savon TE-toimisto", "Mikkelin Ohjaamo Olkkari", "Pieksämäen Ohjaamo Piennar",
	"Savonlinnan Ohjaamo", "Opin ovi Etelä-Savo", "Pointti", "Etelä-Savon ammattiopisto Esedu"}

// Etelä-Savo's plan goals are its strategic goals in life's transitions (seed 003).
var etelaSavoGoals = [5]string{
	"Yhteiset järjestelyt elämän siirtymävaiheissa",
	"Sujuvasti työhön",
	"Kannustava oppiminen ja osaava ohjaus",
	"Osallisuus vahvistuu ja ohjauksen laatua arvioidaan",
	"Toimiva verkostotyö yhdessä",
}

// Generated strategies: the sections and values of the other regions.
var strategySectionsFI = []section{
	{"Elinikäinen ohjaus {alue}", "Elinikäisellä ohjauksella tarkoitetaan toimia, jotka auttavat kaikenikäisiä tunnistamaan osaamisensa ja kiinnostuksensa, tekemään koulutukseen ja työhön liittyviä päätöksiä ja hallitsemaan omaa urapolkuaan. " +
		"{gen} ohjaustoimijoiden yhteinen strategia kokoaa kuntien, oppilaitosten, työllisyyspalvelujen, Ohjaamojen ja järjestöjen työn yhteisten tavoitteiden alle. " +
		"Strategian perustana ovat kansalliset elinikäisen ohjauksen tavoitteet ja maakuntaohjelma."},
	{"Visio", "Jokainen {alue} asuva saa tarvitsemaansa ohjausta oikeaan aikaan, ja ohjaus vahvistaa osaamista, hyvinvointia ja työllisyyttä."},
	{"Missio", "Ohjausverkosto tukee asukkaita koulutus- ja urapolkujen rakentamisessa kaikissa elämän siirtymävaiheissa ja toimii yhteistyössä asiakkaan parhaaksi."},
	{"Saavutettavat ohjauspalvelut", "Ohjausta on saatavilla kasvokkain, puhelimitse ja verkossa koko maakunnan alueella. " +
		"Erityistä huomiota kiinnitetään harvaan asuttuihin alueisiin, maahan muuttaneisiin ja niihin, jotka eivät ole minkään palvelun asiakkaina. " +
		"Matalan kynnyksen palvelut, kuten Ohjaamot, ovat keskeinen osa palvelukokonaisuutta."},
	{"Osaava ohjausverkosto", "Ohjaustyötä tekevät tuntevat toistensa palvelut ja ohjaavat asiakkaan sujuvasti palvelusta toiseen. " +
		"Ohjaajien osaamista kehitetään yhteisillä koulutuksilla, vertaisryhmillä ja työelämäjaksoilla. " +
		"Verkosto seuraa työelämän ja koulutuksen muutoksia ja jakaa tietoa avoimesti."},
	{"Laadukas ja vaikuttava ohjaus", "Ohjauksen laatua arvioidaan yhteisten laatukriteerien ja asiakaspalautteen avulla. " +
		"Arvioinnin tuloksia käytetään palvelujen kehittämisessä, ja ohjauksen vaikutuksia tehdään näkyviksi päättäjille."},
	{"Viestintä ja yhteistyö", "Verkoston viestintä on säännöllistä ja oikea-aikaista. Yhteiset tapaamiset, uutiskirje ja digitaalinen työtila pitävät toimijat ajan tasalla. " +
		"Asiakkaalle verkosto näkyy johdonmukaisena ja moniammatillisena yhteistyönä."},
	{"Strategian toteuttaminen", "Strategian toimeenpanosta vastaa {gen} ELO-ryhmä, jonka työtä ELY-keskus koordinoi. " +
		"Strategiaa toteutetaan vuosittaisilla toimintasuunnitelmilla, joiden etenemistä seurataan ryhmän kokouksissa."},
}

var valuePoolFI = []section{
	{"Asiakaslähtöisyys", "Ohjaus lähtee asiakkaan tarpeista ja tavoitteista, ja asiakas on aktiivinen toimija omassa asiassaan."},
	{"Tasavertaisuus", "Ohjausta on saatavilla asuinpaikasta, kielestä ja elämäntilanteesta riippumatta."},
	{"Yhteistyö", "Toimimme yhdessä yli organisaatiorajojen ja arvostamme toistemme osaamista."},
	{"Avoimuus", "Jaamme tietoa ja kokemuksia avoimesti koko verkoston kesken."},
	{"Luottamus", "Verkoston toimijat voivat luottaa toisiinsa ja sovittuihin käytäntöihin."},
	{"Kestävä kehitys", "Ohjaus tukee sosiaalisesti kestävää kehitystä ja ehkäisee eriarvoistumista."},
}

// Österbotten: the strategy in Swedish.
var strategySectionsSV = []section{
	{"Livslång vägledning i {sv}", "Med livslång vägledning avses åtgärder som hjälper medborgare i alla åldrar att identifiera sina färdigheter och intressen, fatta beslut om utbildning och yrke och hantera sin egen karriär. " +
		"Strategin samlar kommunerna, läroanstalterna, sysselsättningstjänsterna, Navigatorerna och organisationerna i {sv} kring gemensamma mål. " +
		"Vägledningen ges på både svenska och finska."},
	{"Vision", "Alla som bor i {sv} får den vägledning de behöver vid rätt tidpunkt och på sitt eget språk."},
	{"Mission", "Vägledningsnätverket stöder invånarna i att bygga upp sina utbildnings- och karriärvägar i livets alla skeden och samarbetar till kundens bästa."},
	{"Tillgänglig vägledning på två språk", "Handledningstjänsterna finns jämlikt tillgängliga i hela regionen, både ansikte mot ansikte och på distans. " +
		"Särskild uppmärksamhet fästs vid glesbygden och vid invandrare. Navigatorerna är en central del av helheten."},
	{"Kunnigt nätverk", "De som utför handledningsarbetet känner till varandras tjänster och hänvisar kunden smidigt vidare. " +
		"Handledarnas kunnande utvecklas genom gemensamma utbildningar och kamratgrupper."},
	{"Kvalitet och kommunikation", "Handledningens kvalitet utvärderas med gemensamma kriterier och kundrespons. " +
		"Nätverkets kommunikation är regelbunden och når aktörerna på båda språken."},
	{"Genomförande", "ELO-gruppen i {sv} ansvarar för att strategin genomförs. NTM-centralen koordinerar arbetet och de årliga verksamhetsplanerna följs upp på gruppens möten."},
}

var valuePoolSV = []section{
	{"Kundorientering", "Vägledningen utgår från kundens behov och mål."},
	{"Jämlikhet", "Vägledning finns tillgänglig oberoende av bostadsort, språk och livssituation."},
	{"Tvåspråkighet", "Tjänsterna ges på både svenska och finska."},
	{"Samarbete", "Vi arbetar tillsammans över organisationsgränserna."},
}

// goalSpec is one of the five goals of a plan, with the actions and indicators it draws from.
type goalSpec struct {
	titles  []string // one is chosen per plan
	desc    string
	quality string // quality dimension code
	actions []section
	inds    []indSpec
}

// indSpec is an indicator: name, unit, a baseline range and the change the target asks for
// (relative when rel, else absolute); decimals of its values.
type indSpec struct {
	name, unit string
	lo, hi     float64
	delta      float64
	rel        bool
	decimals   int
}

// goalBank follows the five national goals (goal k links to national goal k+1).
var goalBank = [5]goalSpec{
	{
		titles:  []string{"Ohjauspalvelut ovat kaikkien {gen} asukkaiden saatavilla", "Ohjaus on saavutettavaa ja oikea-aikaista", "Matalan kynnyksen ohjaus vahvistuu koko maakunnassa"},
		desc:    "Varmistetaan, että ohjausta on saatavilla kaikenikäisille asuinpaikasta, kielestä ja elämäntilanteesta riippumatta. Kehitetään monikanavaisia palveluja ja vahvistetaan ohjauksen tavoittavuutta erityisesti harvaan asutuilla alueilla.",
		quality: "individual-needs",
		actions: []section{
			{"Ohjauspalvelujen palvelukartta", "Kootaan {gen} ohjauspalvelut yhteiseen, verkossa julkaistavaan palvelukarttaan. Kartta päivitetään kahdesti vuodessa ja sitä käytetään asiakasohjauksen tukena."},
			{"Etäohjauksen vakiinnuttaminen", "Vakiinnutetaan chat- ja videovälitteinen ohjaus osaksi toimijoiden perustyötä. Sovitaan yhteisistä aukioloajoista, jotta etäohjausta on saatavilla myös iltaisin."},
			{"Jalkautuva ohjaus kunnissa", "Ohjaajat jalkautuvat kirjastoihin, kauppakeskuksiin ja kuntien palvelupisteisiin sovittuina päivinä. Erityisesti tavoitetaan aikuisia, jotka eivät ole työllisyyspalvelujen asiakkaina."},
			{"Ohjaamon palvelut aikuisille", "Laajennetaan Ohjaamon matalan kynnyksen palveluja kokeiluna myös yli 30-vuotiaille. Kokeilusta kerätään asiakaspalautetta ja kokemuksia jatkon suunnittelua varten."},
			{"Selkokielinen opas maahan muuttaneille", "Laaditaan selkokielinen opas koulutus- ja työmahdollisuuksista {alue} ja käännetään se yleisimmille kielille. Opas jaetaan kaikkien verkoston toimijoiden käyttöön."},
			{"Ohjausta kaikille -teemaviikko", "Järjestetään teemaviikko, jonka aikana toimijat tarjoavat avoimia ohjaustilaisuuksia eri puolilla maakuntaa. Viikkoa markkinoidaan yhteisesti sosiaalisessa mediassa ja paikallislehdissä."},
			{"Nivelvaiheen kesäpäivystys", "Varmistetaan, että peruskoulun päättävät ja toisen asteen opinnot keskeyttäneet nuoret saavat ohjausta myös kesällä. Sovitaan kesäpäivystyksen vastuista oppilaitosten ja Ohjaamon kesken."},
		},
		inds: []indSpec{
			{"Ohjauspalvelujen asiakasmäärä", "asiakasta", 800, 3000, 0.15, true, 0},
			{"Etäohjauksen osuus ohjauskäynneistä", "%", 10, 25, 10, false, 0},
			{"Ohjauspisteiden määrä maakunnassa", "kpl", 5, 15, 3, false, 0},
			{"Tavoitetut aikuiset", "henkilöä", 100, 400, 0.3, true, 0},
			{"Palvelukartan käyntikerrat", "käyntiä/kk", 200, 800, 0.4, true, 0},
		},
	},
	{
		titles:  []string{"Asukkaiden urasuunnittelutaidot vahvistuvat", "Ura- ja opintopolkujen suunnittelu tukee siirtymiä", "Nuorten ja aikuisten uranhallintataidot vahvistuvat"},
		desc:    "Tuetaan asiakkaita tunnistamaan osaamisensa ja kiinnostuksensa sekä tekemään tietoon perustuvia koulutus- ja uravalintoja. Otetaan käyttöön yhteisiä urasuunnittelun menetelmiä ja työkaluja eri ohjaustoimijoiden kesken.",
		quality: "individual-outcomes",
		actions: []section{
			{"Urasuunnittelun verkkotyökalun käyttöönotto", "Otetaan ohjauksessa yhteisesti käyttöön urasuunnittelun verkkotyökalu ja koulutetaan ohjaajat sen käyttöön. Työkalun avulla asiakas voi tallentaa osaamisensa ja tavoitteensa ja jakaa ne ohjaajalle."},
			{"Työelämätutustumiset yläkoululaisille", "Lisätään yläkoululaisten työelämään tutustumisen jaksoja yhteistyössä paikallisten yritysten kanssa. Jaksojen jälkeen oppilaat käsittelevät kokemuksiaan opinto-ohjauksen tunneilla."},
			{"Osaamisen tunnistamisen ryhmävalmennus", "Järjestetään aikuisille ryhmämuotoisia valmennuksia, joissa tunnistetaan työssä ja vapaa-ajalla kertynyttä osaamista. Valmennuksen päätteeksi jokainen osallistuja laatii oman osaamisprofiilinsa."},
			{"Yhteiset uramessut", "Toteutetaan uramessut, joissa oppilaitokset, työnantajat ja työllisyyspalvelut esittäytyvät samassa tapahtumassa. Messuille kutsutaan erityisesti työnhakijoita ja toisen asteen opiskelijoita."},
			{"Yrittäjyys uravaihtoehtona", "Tuodaan yrittäjyys näkyväksi uravaihtoehtona ohjauksessa yhteistyössä yrittäjäjärjestöjen kanssa. Ohjaajille kootaan tietopaketti yrittäjyyden tukipalveluista."},
			{"Urasuunnitelma osaksi työnhaun aloitusta", "Työnhaun alkuvaiheessa laaditaan asiakkaan kanssa urasuunnitelma yhteisen mallin mukaisesti. Suunnitelmaa päivitetään asiakkaan tilanteen muuttuessa."},
			{"Vertaismentorointi opiskelijoille", "Käynnistetään vertaismentorointi, jossa valmistumassa olevat opiskelijat tukevat aloittavia opiskelijoita uravalinnoissa. Mentoreille järjestetään lyhyt perehdytys."},
		},
		inds: []indSpec{
			{"Urasuunnitelman laatineiden osuus", "%", 30, 60, 15, false, 0},
			{"Työelämätutustumisjaksot", "jaksoa", 50, 200, 0.25, true, 0},
			{"Osaamisprofiilin laatineet", "henkilöä", 20, 80, 0.5, true, 0},
			{"Uramessujen kävijät", "kävijää", 300, 1200, 0.2, true, 0},
			{"Asiakkaiden arvio urasuunnittelutaitojensa kehittymisestä", "asteikko 1–5", 3.2, 3.8, 0.4, false, 1},
		},
	},
	{
		titles:  []string{"Ohjaustyötä tekevien osaaminen vahvistuu", "Ohjaushenkilöstön osaamista kehitetään yhdessä", "Ohjaajilla on ajantasainen tieto työelämästä ja koulutuksesta"},
		desc:    "Järjestetään verkoston yhteisiä koulutuksia ja vertaisoppimista. Ohjaajat tuntevat toistensa palvelut ja osaavat ohjata asiakkaan sujuvasti palvelusta toiseen.",
		quality: "tno-processes",
		actions: []section{
			{"Verkoston yhteinen koulutuspäivä", "Järjestetään kaksi kertaa vuodessa verkoston yhteinen koulutuspäivä ajankohtaisista ohjauksen teemoista. Päivien aiheet valitaan ohjaajille tehdyn osaamiskartoituksen perusteella."},
			{"Työelämäjaksot ohjaajille", "Ohjaajat tekevät lyhyitä tutustumisjaksoja alueen yrityksiin ja julkisiin organisaatioihin. Jaksojen kokemukset jaetaan verkoston tapaamisissa."},
			{"Ohjaajien vertaisryhmät", "Perustetaan organisaatiorajat ylittäviä vertaisryhmiä, jotka kokoontuvat kuukausittain. Ryhmissä käsitellään haastavia ohjaustilanteita ja jaetaan hyviä käytäntöjä."},
			{"Osaamiskartoitus ohjaushenkilöstölle", "Toteutetaan ohjaustyötä tekeville kysely osaamisesta ja koulutustarpeista. Tulosten perusteella laaditaan verkoston koulutussuunnitelma seuraavalle kaudelle."},
			{"Perehdytysmateriaali uusille ohjaajille", "Kootaan uusille ohjaajille perehdytysmateriaali alueen ohjauspalveluista ja yhteistyökäytännöistä. Materiaali julkaistaan verkoston yhteisessä työtilassa."},
			{"Kulttuurisensitiivisen ohjauksen koulutus", "Järjestetään ohjaajille koulutus kulttuurisensitiivisestä ohjauksesta ja selkokielen käytöstä. Koulutus toteutetaan yhteistyössä kotoutumispalvelujen kanssa."},
			{"Digitaalisen ohjauksen työpajat", "Vahvistetaan ohjaajien valmiuksia etäohjaukseen ja digitaalisten työvälineiden käyttöön. Järjestetään lyhyitä verkkotyöpajoja ja jaetaan käytännön vinkkejä."},
		},
		inds: []indSpec{
			{"Koulutuksiin osallistuneet ohjaajat", "henkilöä", 40, 150, 0.3, true, 0},
			{"Ohjaajien arvio osaamisensa riittävyydestä", "asteikko 1–5", 3.0, 3.6, 0.4, false, 1},
			{"Vertaisryhmien tapaamiset", "kertaa", 4, 10, 4, false, 0},
			{"Koulutuspäivät", "päivää", 2, 6, 2, false, 0},
			{"Perehdytetyt uudet ohjaajat", "henkilöä", 5, 20, 10, false, 0},
		},
	},
	{
		titles:  []string{"Ohjauksen laatua arvioidaan ja kehitetään", "Ohjauksen laatujärjestelmät kehittyvät", "Ohjauksen vaikuttavuus tehdään näkyväksi"},
		desc:    "Otetaan käyttöön yhteiset laatukriteerit ja asiakaspalautteen keruu. Seurataan ohjauksen vaikutuksia ja hyödynnetään tietoa palvelujen kehittämisessä ja päätöksenteossa.",
		quality: "political-goals",
		actions: []section{
			{"Yhteinen asiakaspalautekysely", "Otetaan käyttöön kaikille toimijoille yhteinen lyhyt asiakaspalautekysely. Tulokset kootaan puolivuosittain ja käsitellään ELO-ryhmän kokouksessa."},
			{"Ohjauksen laatukriteerien käyttöönotto", "Arvioidaan toimijoiden ohjauspalveluja kansallisten laatukriteerien avulla. Jokainen organisaatio valitsee arvioinnin pohjalta yhden kehittämiskohteen."},
			{"ELO-ryhmän itsearviointi", "ELO-ryhmä arvioi oman toimintansa vuosittain yhteisellä itsearviointilomakkeella. Arvioinnin tulokset kirjataan tilannekuvaukseen ja huomioidaan seuraavan kauden suunnitelmassa."},
			{"Vaikuttavuustiedon kokoaminen", "Kootaan tietoa ohjauksen vaikutuksista, kuten opintojen keskeytymisestä ja työllistymisestä. Tiedot esitetään maakunnan päättäjille vuosittain."},
			{"Palautteen käsittelyn yhteinen malli", "Sovitaan, miten asiakaspalaute käsitellään ja miten siihen reagoidaan kussakin organisaatiossa. Kehittämistoimet kirjataan näkyviin verkoston työtilaan."},
			{"Ohjauksen tilannekuvan päivitys", "Päivitetään alueen ohjauksen tilannekuvaus yhdessä toimijoiden kanssa. Tilannekuvassa tarkastellaan palvelujen saatavuutta, resursseja ja kehittämistarpeita."},
			{"Vertaisarviointi naapurimaakunnan kanssa", "Toteutetaan vertaisarviointi yhdessä naapurimaakunnan ELO-ryhmän kanssa. Ryhmät vierailevat toistensa tapaamisissa ja antavat palautetta toimintatavoista."},
		},
		inds: []indSpec{
			{"Asiakastyytyväisyys", "asteikko 1–5", 3.8, 4.2, 0.3, false, 1},
			{"Palautekyselyn vastaukset", "vastausta", 100, 500, 0.5, true, 0},
			{"Laatukriteereillä arvioidut palvelut", "kpl", 2, 8, 5, false, 0},
			{"Opintojen keskeyttäneiden osuus", "%", 8, 14, -2, false, 1},
			{"Palautteen perusteella tehdyt kehittämistoimet", "kpl", 2, 6, 4, false, 0},
		},
	},
	{
		titles:  []string{"Ohjausverkosto toimii koordinoituna kokonaisuutena", "Toimijoiden yhteistyö ja tiedonkulku vahvistuvat", "Ohjauksen palveluketjut toimivat saumattomasti"},
		desc:    "Sovitaan toimijoiden rooleista ja yhteisistä toimintatavoista. Vahvistetaan tiedonkulkua ja viestintää verkoston sisällä sekä yhteistyötä työllisyyspalvelujen, oppilaitosten ja hyvinvointialueen kesken.",
		quality: "societal-outcomes",
		actions: []section{
			{"Ohjausverkoston yhteystietorekisteri", "Ylläpidetään ajantasaista rekisteriä ohjaustoimijoiden yhteyshenkilöistä ja palveluista. Rekisteri päivitetään jokaisen kokouksen yhteydessä."},
			{"Palveluohjauksen yhteinen malli", "Sovitaan, miten asiakas ohjataan palvelusta toiseen ilman katkoksia. Mallissa määritellään tiedonsiirron käytännöt ja vastuuhenkilöt."},
			{"Säännölliset verkostotapaamiset", "Järjestetään neljä kertaa vuodessa verkostotapaaminen vaihtuvissa kokoonpanoissa. Tapaamisissa käsitellään ajankohtaiset muutokset ja sovitaan yhteisistä toimista."},
			{"Yhteistyö hyvinvointialueen kanssa", "Tiivistetään yhteistyötä hyvinvointialueen sosiaali- ja terveyspalvelujen kanssa. Sovitaan yhteisistä asiakastilanteista ja konsultaatiokäytännöistä."},
			{"Työllisyyspalvelujen uudistuksen tuki", "Tuetaan kuntien työllisyyspalvelujen ja oppilaitosten yhteistyötä työllisyyspalvelujen uudistuksen jälkeen. Kartoitetaan yhdyspinnat ja sovitaan ohjausvastuista."},
			{"Verkoston viestintäsuunnitelma", "Laaditaan ELO-verkostolle viestintäsuunnitelma, jossa sovitaan kanavista, vastuista ja aikataulusta. Verkoston uutiskirje lähetetään neljästi vuodessa."},
			{"Yhteinen digitaalinen työtila", "Otetaan verkoston yhteinen digitaalinen työtila aktiiviseen käyttöön. Kokousmuistiot, suunnitelmat ja materiaalit tallennetaan työtilaan kaikkien saataville."},
		},
		inds: []indSpec{
			{"Verkostotapaamisiin osallistuneet organisaatiot", "organisaatiota", 10, 20, 5, false, 0},
			{"Palveluohjauksen yhteyshenkilöt", "henkilöä", 10, 30, 10, false, 0},
			{"Uutiskirjeen tilaajat", "tilaajaa", 80, 250, 0.4, true, 0},
			{"Yhteiset asiakasohjaukset", "ohjausta", 50, 200, 0.3, true, 0},
			{"Toimijoiden arvio yhteistyön sujuvuudesta", "asteikko 1–5", 3.1, 3.6, 0.5, false, 1},
		},
	},
}

// goalBankSV is goalBank in Swedish (for Österbotten), six actions and four indicators a goal.
var goalBankSV = [5]goalSpec{
	{
		titles: []string{"Vägledningen är tillgänglig för alla i {sv}"},
		desc:   "Vi säkerställer att vägledning finns tillgänglig för alla åldrar oberoende av bostadsort, språk och livssituation. Tjänsterna utvecklas i flera kanaler och på båda språken.",
		actions: []section{
			{"Karta över handledningstjänsterna", "Vi sammanställer regionens handledningstjänster på en gemensam karta på nätet. Kartan uppdateras två gånger om året och används i kundhandledningen."},
			{"Distansvägledning som en del av grundarbetet", "Vägledning via chatt och video blir en del av aktörernas grundarbete. Vi kommer överens om gemensamma öppettider så att distansvägledning finns även på kvällarna."},
			{"Uppsökande vägledning i kommunerna", "Handledarna finns på bibliotek och i kommunernas servicepunkter på överenskomna dagar. Vi når särskilt vuxna som inte är kunder hos sysselsättningstjänsterna."},
			{"Navigatorns tjänster för vuxna", "Navigatorns lågtröskeltjänster utvidgas på försök till personer över 30 år. Kundrespons och erfarenheter samlas in för den fortsatta planeringen."},
			{"Lättläst guide för invandrare", "Vi tar fram en lättläst guide om utbildnings- och arbetsmöjligheter och översätter den till de vanligaste språken. Guiden delas ut till alla aktörer i nätverket."},
			{"Sommarjour i övergångsskedet", "Unga som avslutar grundskolan eller avbryter studier på andra stadiet får vägledning också på sommaren. Vi kommer överens om ansvaret mellan läroanstalterna och Navigatorn."},
		},
		inds: []indSpec{
			{"Antal kunder i handledningstjänsterna", "kunder", 600, 2000, 0.15, true, 0},
			{"Andel distansvägledning", "%", 10, 25, 10, false, 0},
			{"Nådda vuxna", "personer", 80, 300, 0.3, true, 0},
			{"Besök på tjänstekartan", "besök/mån", 150, 600, 0.4, true, 0},
		},
	},
	{
		titles: []string{"Karriärplaneringsfärdigheterna stärks"},
		desc:   "Vi stöder kunderna i att identifiera sitt kunnande och sina intressen och att fatta välgrundade beslut om utbildning och karriär. Gemensamma metoder och verktyg tas i bruk.",
		actions: []section{
			{"Webbverktyg för karriärplanering", "Ett gemensamt webbverktyg för karriärplanering tas i bruk och handledarna utbildas i att använda det. Kunden kan spara sitt kunnande och sina mål och dela dem med handledaren."},
			{"Arbetslivsorientering för högstadieelever", "Vi ökar antalet perioder av arbetslivsorientering i samarbete med lokala företag. Eleverna behandlar sina erfarenheter på studiehandledningens lektioner."},
			{"Gruppträning i att identifiera kunnande", "Vuxna erbjuds gruppträning där kunnande från arbete och fritid identifieras. Varje deltagare gör upp sin egen kompetensprofil."},
			{"Gemensam karriärmässa", "Läroanstalter, arbetsgivare och sysselsättningstjänster presenterar sig på en gemensam mässa. Arbetssökande och studerande på andra stadiet bjuds in särskilt."},
			{"Företagande som karriäralternativ", "Företagande lyfts fram som karriäralternativ i samarbete med företagarorganisationerna. Handledarna får ett informationspaket om stödtjänster för företagare."},
			{"Kamratmentorskap för studerande", "Studerande som snart utexamineras stöder nya studerande i karriärvalen. Mentorerna får en kort introduktion."},
		},
		inds: []indSpec{
			{"Andel med karriärplan", "%", 30, 60, 15, false, 0},
			{"Perioder av arbetslivsorientering", "perioder", 40, 150, 0.25, true, 0},
			{"Personer med kompetensprofil", "personer", 20, 70, 0.5, true, 0},
			{"Besökare på karriärmässan", "besökare", 200, 900, 0.2, true, 0},
		},
	},
	{
		titles: []string{"Handledarnas kunnande stärks"},
		desc:   "Nätverket ordnar gemensamma utbildningar och kamratlärande. Handledarna känner till varandras tjänster och hänvisar kunden smidigt vidare.",
		actions: []section{
			{"Nätverkets gemensamma utbildningsdag", "Två gånger om året ordnas en gemensam utbildningsdag om aktuella teman inom vägledningen. Temana väljs utgående från en kartläggning av handledarnas kunnande."},
			{"Arbetslivsperioder för handledare", "Handledarna gör korta besök på företag och offentliga organisationer i regionen. Erfarenheterna delas på nätverkets möten."},
			{"Kamratgrupper för handledare", "Vi grundar kamratgrupper över organisationsgränserna som träffas varje månad. I grupperna behandlas svåra handledningssituationer och goda praxis."},
			{"Kartläggning av kunnandet", "Vi genomför en enkät om handledarnas kunnande och utbildningsbehov. Utgående från resultaten görs en utbildningsplan för nätverket."},
			{"Introduktionsmaterial för nya handledare", "Vi sammanställer introduktionsmaterial om regionens handledningstjänster och samarbetspraxis. Materialet publiceras i nätverkets arbetsrum."},
			{"Workshoppar i digital vägledning", "Handledarnas färdigheter i distansvägledning och digitala verktyg stärks. Korta webbworkshoppar ordnas och praktiska tips delas."},
		},
		inds: []indSpec{
			{"Handledare som deltagit i utbildning", "personer", 30, 100, 0.3, true, 0},
			{"Handledarnas bedömning av sitt kunnande", "skala 1–5", 3.0, 3.6, 0.4, false, 1},
			{"Kamratgruppernas träffar", "gånger", 4, 10, 4, false, 0},
			{"Utbildningsdagar", "dagar", 2, 6, 2, false, 0},
		},
	},
	{
		titles: []string{"Handledningens kvalitet utvärderas och utvecklas"},
		desc:   "Gemensamma kvalitetskriterier och insamling av kundrespons tas i bruk. Vi följer upp handledningens effekter och använder informationen i utvecklingen av tjänsterna.",
		actions: []section{
			{"Gemensam kundenkät", "En kort gemensam kundenkät tas i bruk hos alla aktörer. Resultaten sammanställs varje halvår och behandlas på ELO-gruppens möte."},
			{"Kvalitetskriterierna tas i bruk", "Aktörernas handledningstjänster utvärderas med de nationella kvalitetskriterierna. Varje organisation väljer ett utvecklingsområde."},
			{"ELO-gruppens självvärdering", "ELO-gruppen utvärderar sin egen verksamhet varje år. Resultaten beaktas i nästa verksamhetsplan."},
			{"Information om effekterna", "Vi samlar information om handledningens effekter, till exempel avbrutna studier och sysselsättning. Informationen presenteras för beslutsfattarna i regionen."},
			{"Modell för behandling av respons", "Vi kommer överens om hur kundrespons behandlas i varje organisation. Utvecklingsåtgärderna dokumenteras i nätverkets arbetsrum."},
			{"Uppdaterad lägesbeskrivning", "Regionens lägesbeskrivning för vägledningen uppdateras tillsammans med aktörerna. Tillgången till tjänster, resurserna och utvecklingsbehoven granskas."},
		},
		inds: []indSpec{
			{"Kundnöjdhet", "skala 1–5", 3.8, 4.2, 0.3, false, 1},
			{"Svar på kundenkäten", "svar", 80, 400, 0.5, true, 0},
			{"Tjänster utvärderade med kvalitetskriterierna", "st.", 2, 8, 5, false, 0},
			{"Andel avbrutna studier", "%", 8, 14, -2, false, 1},
		},
	},
	{
		titles: []string{"Vägledningen fungerar som en koordinerad helhet"},
		desc:   "Vi kommer överens om aktörernas roller och gemensamma arbetssätt. Informationsflödet inom nätverket och samarbetet mellan sysselsättningstjänster, läroanstalter och välfärdsområdet stärks.",
		actions: []section{
			{"Nätverkets kontaktregister", "Vi upprätthåller ett aktuellt register över aktörernas kontaktpersoner och tjänster. Registret uppdateras vid varje möte."},
			{"Gemensam modell för servicehandledning", "Vi kommer överens om hur kunden hänvisas vidare utan avbrott. I modellen definieras praxis för informationsöverföring och ansvarspersoner."},
			{"Regelbundna nätverksträffar", "Nätverket träffas fyra gånger om året i varierande sammansättningar. På träffarna behandlas aktuella förändringar."},
			{"Samarbete med välfärdsområdet", "Samarbetet med välfärdsområdets social- och hälsovårdstjänster fördjupas. Vi kommer överens om gemensamma kundsituationer och konsultation."},
			{"Nätverkets kommunikationsplan", "Vi gör upp en kommunikationsplan för ELO-nätverket med kanaler, ansvar och tidtabell. Nätverkets nyhetsbrev skickas fyra gånger om året."},
			{"Gemensamt digitalt arbetsrum", "Nätverkets gemensamma digitala arbetsrum tas i aktiv användning. Minnesanteckningar, planer och material sparas i arbetsrummet."},
		},
		inds: []indSpec{
			{"Organisationer på nätverksträffarna", "organisationer", 10, 20, 5, false, 0},
			{"Kontaktpersoner för servicehandledning", "personer", 10, 25, 10, false, 0},
			{"Prenumeranter på nyhetsbrevet", "prenumeranter", 60, 200, 0.4, true, 0},
			{"Aktörernas bedömning av samarbetet", "skala 1–5", 3.1, 3.6, 0.5, false, 1},
		},
	},
}

// Follow-up entries, written at the group's meetings.
var followupsFI = []string{
	"Toimenpide eteni suunnitellusti. Seuraavaksi sovitaan vastuista syksyn tapaamisessa.",
	"Käsiteltiin ELO-ryhmän kokouksessa. Resurssien vähyys on hidastanut etenemistä, joten aikataulua tarkennetaan.",
	"Ensimmäiset kokemukset ovat myönteisiä ja asiakaspalaute on ollut hyvää. Toimintaa jatketaan ja laajennetaan.",
	"Toteutus siirtyi hankerahoituksen viivästymisen vuoksi. Asiaan palataan seuraavassa kokouksessa.",
	"Tavoite saavutettiin. Kokemukset jaetaan vertaisfoorumissa muiden alueiden kanssa.",
	"Mukaan on saatu uusia toimijoita. Yhteyshenkilöt päivitetään verkoston rekisteriin.",
	"Osallistujamäärä jäi odotettua pienemmäksi. Markkinointia tehostetaan yhteisillä kanavilla.",
	"Työnjako sovittiin uudelleen, koska vastuuhenkilö vaihtui. Uusi yhteyshenkilö esittäytyy seuraavassa tapaamisessa.",
}

var followupsSV = []string{
	"Åtgärden framskred enligt planen. Ansvaret fördelas på höstens möte.",
	"Behandlades på ELO-gruppens möte. Tidtabellen preciseras eftersom resurserna varit knappa.",
	"De första erfarenheterna är positiva och kundresponsen har varit god. Verksamheten fortsätter.",
	"Målet uppnåddes. Erfarenheterna delas i kamratforumet med andra regioner.",
}

// Sentences added to an action's description at a follow-up round ({org}: an organisation).
var amendsFI = []string{
	"Toteutukseen tuli mukaan myös {org}.",
	"Aikataulua tarkennettiin ELO-ryhmän kokouksessa.",
	"Kokeilun tulokset raportoidaan ELO-ryhmälle kauden lopussa.",
	"Toteutuksessa hyödynnetään aiemman hankkeen materiaaleja.",
	"Vastuuhenkilö vaihtui, ja uusi yhteyshenkilö on kirjattu suunnitelmaan.",
}

var amendsSV = []string{
	"Också {org} deltar i genomförandet.",
	"Tidtabellen preciserades på ELO-gruppens möte.",
	"Resultaten rapporteras till ELO-gruppen i slutet av perioden.",
}
