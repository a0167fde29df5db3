package demo

// Word lists the generator draws from.

var fiFemale = []string{
	"Aino", "Anna", "Anne", "Anu", "Elina", "Emmi", "Hanna", "Heidi", "Johanna", "Kaisa", "Katja", "Kirsi",
	"Laura", "Leena", "Liisa", "Maria", "Marja", "Merja", "Minna", "Niina", "Noora", "Paula", "Pia", "Päivi",
	"Riikka", "Sanna", "Satu", "Silja", "Suvi", "Tiina", "Tuula", "Ulla", "Veera", "Outi", "Sari", "Tarja",
	"Eija", "Henna", "Jenni", "Marika", "Mervi", "Pirjo", "Sirpa", "Terhi", "Virpi", "Anna-Liisa", "Maija-Leena",
	"Eveliina", "Iida", "Krista", "Milla", "Salla", "Tanja", "Hilkka", "Kaija", "Raija", "Elisa", "Jaana",
}

var fiMale = []string{
	"Antti", "Ari", "Eero", "Esa", "Harri", "Heikki", "Ilkka", "Janne", "Jari", "Jarmo", "Jukka", "Juha", "Jussi",
	"Kalle", "Kari", "Lauri", "Markku", "Matti", "Mikko", "Olli", "Pasi", "Pekka", "Petri", "Sami", "Seppo",
	"Tapio", "Timo", "Tomi", "Tuomas", "Veli-Matti", "Ville", "Aleksi", "Joonas", "Teemu", "Risto", "Hannu",
	"Kimmo", "Marko", "Jyrki", "Arto", "Toni", "Vesa", "Juho", "Eetu",
}

var fiSurnames = []string{
	"Korhonen", "Virtanen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen", "Koskinen",
	"Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi", "Heikkilä", "Kinnunen",
	"Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila",
	"Savolainen", "Lahtinen", "Ahonen", "Pitkänen", "Hyvönen", "Leinonen", "Hirvonen", "Räsänen", "Kettunen",
	"Miettinen", "Partanen", "Lappalainen", "Väisänen", "Huttunen", "Kärkkäinen", "Pesonen", "Tolonen",
	"Oksanen", "Rautio", "Kemppainen", "Ylikoski", "Kauppinen", "Mustonen", "Honkanen", "Seppälä", "Moilanen",
	"Pulkkinen", "Keränen", "Ikonen", "Hiltunen", "Komulainen", "Piirainen", "Tikkanen", "Kyllönen",
	"Kähkönen", "Pikkarainen", "Ronkainen", "Lindroos", "Aaltonen", "Kivelä", "Peltonen", "Vainio", "Anttila",
	"Björklund", "Suominen", "Niskanen", "Hakala", "Kokkonen", "Toivonen", "Nurmi", "Lampinen",
}

var svFemale = []string{
	"Anna", "Annika", "Britt", "Camilla", "Emma", "Hanna", "Ingrid", "Johanna", "Karin", "Linnea", "Maria",
	"Sofia", "Susanne", "Ulrika", "Jessica", "Malin", "Cecilia", "Stina", "Frida", "Ann-Sofi", "Lena", "Monica",
}

var svMale = []string{
	"Anders", "Bengt", "Björn", "Carl", "Erik", "Fredrik", "Henrik", "Jan", "Johan", "Jonas", "Kristian",
	"Lars", "Magnus", "Mats", "Mikael", "Niklas", "Patrik", "Peter", "Stefan", "Tom", "Kaj", "Ulf",
}

var svSurnames = []string{
	"Andersson", "Backman", "Björkqvist", "Blomqvist", "Ek", "Eklund", "Forsman", "Granholm", "Holmberg",
	"Holmström", "Johansson", "Karlsson", "Lindberg", "Lindholm", "Lindqvist", "Lundqvist", "Nyman",
	"Nylund", "Sjöberg", "Sundström", "Wikström", "Öhman", "Strömberg", "Östman", "Westerlund", "Fagerholm",
	"Mattsson", "Söderlund", "Ahlskog", "Granlund", "Häggblom", "Storbacka",
}

// International names for the few people who use the interface in English.
var enNames = [][2]string{
	{"Ahmed", "Hassan"}, {"Olga", "Ivanova"}, {"Sara", "Mohamed"}, {"Daniel", "Kim"}, {"Elena", "Popescu"},
	{"Fatima", "Ali"}, {"Mohamed", "Abdi"}, {"Natalia", "Kowalska"}, {"Tomás", "García"}, {"Grace", "Okafor"},
	{"Julia", "Schneider"}, {"David", "Murphy"}, {"Amira", "Haddad"}, {"Viktor", "Petrov"}, {"Lucía", "Martín"},
}

// Titles by organisation type, in Finnish, Swedish and English.
var titlesFI = map[string][]string{
	tELY:          {"TNO-asiantuntija", "Erityisasiantuntija, elinikäinen ohjaus", "ELO-koordinaattori", "Ylitarkastaja", "Kehittämisasiantuntija"},
	tMunicipality: {"Opinto-ohjaaja", "Nuorisotyöntekijä", "Etsivä nuorisotyöntekijä", "Nuorisopalvelupäällikkö", "Sivistysjohtaja", "Koulukuraattori", "Työllisyyskoordinaattori", "Oppilaanohjaaja"},
	tVocational:   {"Opinto-ohjaaja", "Opinto-ohjaaja, aikuiskoulutus", "Erityisopettaja", "Koulutuspäällikkö", "Uraohjaaja", "Opiskelijapalvelupäällikkö", "Työelämäkoordinaattori"},
	tUAS:          {"Uraohjaaja", "Opinto-ohjaaja", "Lehtori", "Urapalvelupäällikkö", "Hakijapalveluiden asiantuntija", "Opintopsykologi"},
	tEmployment:   {"Työvoima-asiantuntija", "Uravalmentaja", "Ammatinvalintapsykologi", "Asiantuntija, uraohjaus", "Palveluesihenkilö", "Työllisyysasiantuntija"},
	tOhjaamo:      {"Ohjaamon koordinaattori", "Nuorisotyöntekijä", "Ohjaaja", "Psykiatrinen sairaanhoitaja", "Sosiaaliohjaaja", "Uravalmentaja"},
	tThird:        {"Toiminnanjohtaja", "Projektikoordinaattori", "Nuorisotyöntekijä", "Yksilövalmentaja", "Projektipäällikkö"},
	tOther:        {"Opinto-ohjaaja", "Rehtori", "Suunnittelija", "Koulutussuunnittelija", "Erityisasiantuntija", "Neuvontapalveluiden asiantuntija"},
}

var titlesSV = map[string][]string{
	tELY:          {"TNO-sakkunnig", "Specialsakkunnig, livslång vägledning", "ELO-koordinator"},
	tMunicipality: {"Studiehandledare", "Ungdomsarbetare", "Uppsökande ungdomsarbetare", "Skolkurator", "Sysselsättningskoordinator"},
	tVocational:   {"Studiehandledare", "Speciallärare", "Utbildningschef", "Karriärvägledare", "Arbetslivskoordinator"},
	tUAS:          {"Karriärvägledare", "Studiehandledare", "Lektor", "Studiepsykolog"},
	tEmployment:   {"Arbetskraftsexpert", "Karriärcoach", "Yrkesvalspsykolog", "Sysselsättningsexpert"},
	tOhjaamo:      {"Koordinator, Navigatorn", "Ungdomsarbetare", "Handledare", "Socialhandledare"},
	tThird:        {"Verksamhetsledare", "Projektkoordinator", "Ungdomsarbetare", "Individuell coach"},
	tOther:        {"Studiehandledare", "Rektor", "Planerare", "Utbildningsplanerare", "Karriärrådgivare"},
}

var titlesEN = map[string][]string{
	tELY:          {"Guidance specialist"},
	tMunicipality: {"Youth worker", "Employment coordinator"},
	tVocational:   {"Guidance counsellor", "Integration coordinator"},
	tUAS:          {"Career counsellor", "International student adviser"},
	tEmployment:   {"Employment specialist", "Career coach"},
	tOhjaamo:      {"Guidance counsellor", "Youth worker"},
	tThird:        {"Project coordinator"},
	tOther:        {"Career adviser"},
}

// Guidance services by organisation type.
var servicesFI = map[string][]string{
	tELY: {"Alueellisen ELO-yhteistyön koordinointi", "Ohjaustoimijoiden verkostotapaamiset ja koulutukset",
		"TNO-palvelujen kehittäminen ja laadun arviointi", "Ohjaamo-toiminnan alueellinen tuki",
		"Maahanmuuttajien ohjauksen kehittäminen", "Ennakointi- ja työmarkkinatiedon välittäminen"},
	tMunicipality: {"Perusopetuksen oppilaanohjaus", "Etsivä nuorisotyö", "Nuorten matalan kynnyksen ohjaus",
		"Työllisyyspalvelujen palveluohjaus", "Kuntouttava työtoiminta", "Nuorten työpajatoiminta",
		"Kotoutumispalvelut ja alkukartoitukset", "Nuorten kesätyöt ja kesätyöseteli", "Lukion opinto-ohjaus"},
	tVocational: {"Henkilökohtainen ura- ja opinto-ohjaus", "Osaamisen tunnistaminen ja HOKS-suunnittelu",
		"Erityisen tuen ohjaus", "Työpaikalla tapahtuvan oppimisen ohjaus", "Aikuisten hakeutumisvaiheen ohjaus",
		"Tutkintokoulutukseen valmentava koulutus (TUVA)", "Maahanmuuttajien kielitietoinen ohjaus", "Oppisopimusneuvonta"},
	tUAS: {"Uraohjaus ja urasuunnittelu", "Opintojen aikainen urapalvelu ja harjoittelun ohjaus",
		"Hakijapalvelut ja hakeutumisen ohjaus", "Jatkuvan oppimisen neuvonta", "Alumni- ja mentorointitoiminta",
		"Opintopsykologin palvelut", "Avoimen ammattikorkeakoulun opintoneuvonta"},
	tEmployment: {"Ammatinvalinta- ja uraohjaus", "Työnhaun valmennus", "Urasuunnittelun verkkopalvelut",
		"Koulutus- ja työmarkkinatietoneuvonta", "Työvoimakoulutukseen ohjaus", "Työnantajapalvelut",
		"Kotoutumiskoulutukseen ohjaus", "Nuorisotakuun palvelut"},
	tOhjaamo: {"Nuorten matalan kynnyksen ohjaus", "Henkilökohtainen ura- ja opinto-ohjaus",
		"Rinnalla kulkeva tuki ja yksilövalmennus", "Työnhaun ja asumisen neuvonta",
		"Sosiaali- ja terveyspalvelujen palveluohjaus", "Ryhmätoiminta ja tapahtumat nuorille", "Chat- ja etäohjaus"},
	tThird: {"Nuorten yksilövalmennus", "Vertaistuki ja ryhmätoiminta", "Työpajatoiminta",
		"Vapaaehtoistoiminta ja harrastusohjaus", "Maahanmuuttajien arjen ohjaus", "Mentorointi"},
	tOther: {"Aikuisten opintoneuvonta", "Lukion opinto-ohjaus", "Jatko-opintojen ohjaus",
		"Opin ovi -neuvonta", "Urapalvelut ja rekrytointitapahtumat", "Osaamisen tunnistaminen"},
}

var servicesSV = map[string][]string{
	tMunicipality: {"Elevhandledning i den grundläggande utbildningen", "Uppsökande ungdomsarbete",
		"Lågtröskelhandledning för unga", "Servicehandledning inom sysselsättningstjänsterna", "Integrationstjänster"},
	tVocational: {"Personlig studie- och karriärvägledning", "Validering av kunnande och PUK-planering",
		"Handledning för studerande i behov av särskilt stöd", "Handledning av lärande i arbetet"},
	tUAS: {"Karriärvägledning", "Praktik- och karriärtjänster under studietiden", "Ansökningsservice", "Rådgivning om kontinuerligt lärande"},
	tOhjaamo: {"Lågtröskelhandledning för unga", "Personlig studie- och karriärvägledning",
		"Individuell coachning", "Rådgivning om jobbsökning och boende"},
	tThird: {"Ungdomsverksamhet och kamratstöd", "Individuell coachning", "Handledning för invandrare"},
	tOther: {"Karriärservice och rekryteringsevenemang", "Studiehandledning för vuxna", "Karriärplanering och jobbsökning"},
}

// Generated descriptions by type: %[1]s is the organisation, %[2]s the place (locative: "Kajaanissa"
// is not derivable, so the region's locative is used), %[3]s the region's genitive.
var descFI = map[string]string{
	tELY:          "%[1]s koordinoi alueen elinikäisen ohjauksen yhteistyöryhmää ja edistää verkostoyhteistyöllä ohjauspalvelujen saatavuutta ja laatua %[2]s. Keskus järjestää lyhytkoulutuksia, ajankohtaisinfoja ja verkostotapahtumia tieto-, neuvonta- ja ohjauspalvelujen toimijoille.",
	tMunicipality: "%[1]s vastaa perusopetuksen oppilaanohjauksesta, nuorisopalveluista ja kunnan työllisyyspalveluista. Kunta on mukana %[3]s ELO-ryhmässä ja kehittää monialaista ohjausyhteistyötä paikallisesti.",
	tVocational:   "%[1]s tarjoaa ammatillista koulutusta nuorille ja aikuisille. Ohjaus kulkee opiskelijan mukana hakeutumisesta työelämään, ja henkilökohtaistaminen tehdään yhdessä opinto-ohjaajan kanssa.",
	tUAS:          "%[1]s tukee opiskelijoiden urasuunnittelua koko opintojen ajan ja tarjoaa jatkuvan oppimisen neuvontaa työikäisille %[2]s.",
	tEmployment:   "%[1]s tarjoaa työnhakijoille ammatinvalinta- ja uraohjausta sekä koulutus- ja työmarkkinatietoa. Palvelut toteutetaan yhteistyössä alueen oppilaitosten ja Ohjaamojen kanssa.",
	tOhjaamo:      "%[1]s on alle 30-vuotiaiden matalan kynnyksen palvelupiste, jossa saa samasta paikasta apua opiskeluun, työhön, asumiseen ja arjen asioihin. Ohjaamossa työskentelee monialainen tiimi.",
	tThird:        "%[1]s on järjestötoimija, joka tukee nuoria ja aikuisia osallisuuteen, koulutukseen ja työhön yksilövalmennuksen, vertaistuen ja ryhmätoiminnan avulla %[2]s.",
	tOther:        "%[1]s tarjoaa opinto- ja uraneuvontaa sekä osallistuu %[3]s ELO-ryhmän yhteiseen kehittämistyöhön.",
}

var descSV = map[string]string{
	tMunicipality: "%[1]s ansvarar för elevhandledningen i den grundläggande utbildningen, ungdomstjänsterna och kommunens sysselsättningstjänster. Staden deltar i den regionala ELO-samarbetsgruppen.",
	tVocational:   "%[1]s erbjuder yrkesutbildning för unga och vuxna på svenska. Handledningen följer den studerande från ansökan till arbetslivet.",
	tUAS:          "%[1]s stöder de studerandes karriärplanering under hela studietiden och erbjuder rådgivning om kontinuerligt lärande.",
	tOhjaamo:      "%[1]s är en lågtröskeltjänst för unga under 30 år där man får hjälp med studier, arbete, boende och vardag på ett och samma ställe.",
	tThird:        "%[1]s stöder unga och vuxna till delaktighet, utbildning och arbete genom individuell coachning, kamratstöd och gruppverksamhet.",
	tOther:        "%[1]s erbjuder studie- och karriärrådgivning och deltar i den regionala ELO-samarbetsgruppens utvecklingsarbete.",
}

// Roles of pending invitations, drawn uniformly (mostly member).
var pendingRoles = []string{"member", "member", "member", "observer", "coordinator"}
