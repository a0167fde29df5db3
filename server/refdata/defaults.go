package refdata

import (
	"fmt"

	"github.com/elo-workspace/elo-workspace/server/record"
)

// Defaults are the reference data a new workspace starts from (DOMAIN.md). Administrators
// change them afterwards; the ids are fixed so the demo dataset can point at them.
func Defaults() []Item {
	var out []Item
	add := func(kind string, rows [][4]string) {
		for i, r := range rows {
			out = append(out, Item{ID: DefaultID(kind, r[0]), Kind: kind, Code: r[0], Names: Names{FI: r[1], SV: r[2], EN: r[3]}, Order: i + 1, Version: 1})
		}
	}
	add(Regions, [][4]string{
		{"uusimaa", "Uusimaa", "Nyland", "Uusimaa"},
		{"varsinais-suomi", "Varsinais-Suomi", "Egentliga Finland", "Southwest Finland"},
		{"satakunta", "Satakunta", "Satakunta", "Satakunta"},
		{"hame", "Häme", "Tavastland", "Häme"},
		{"pirkanmaa", "Pirkanmaa", "Birkaland", "Pirkanmaa"},
		{"kaakkois-suomi", "Kaakkois-Suomi", "Sydöstra Finland", "Southeast Finland"},
		{"etela-savo", "Etelä-Savo", "Södra Savolax", "South Savo"},
		{"pohjois-savo", "Pohjois-Savo", "Norra Savolax", "North Savo"},
		{"pohjois-karjala", "Pohjois-Karjala", "Norra Karelen", "North Karelia"},
		{"keski-suomi", "Keski-Suomi", "Mellersta Finland", "Central Finland"},
		{"etela-pohjanmaa", "Etelä-Pohjanmaa", "Södra Österbotten", "South Ostrobothnia"},
		{"pohjanmaa", "Pohjanmaa", "Österbotten", "Ostrobothnia"},
		{"pohjois-pohjanmaa", "Pohjois-Pohjanmaa", "Norra Österbotten", "North Ostrobothnia"},
		{"kainuu", "Kainuu", "Kajanaland", "Kainuu"},
		{"lappi", "Lappi", "Lappland", "Lapland"},
	})
	add(NationalGoals, [][4]string{
		{"1", "Ohjauspalvelut ovat tasavertaisesti saatavilla ja vastaavat yksilön tarpeita", "Handledningstjänsterna finns jämlikt tillgängliga och motsvarar individens behov", "Guidance services are equally available and meet individual needs"},
		{"2", "Yksilön urasuunnittelutaidot vahvistuvat", "De individuella färdigheterna för karriärhantering stärks", "Individual career-management skills are strengthened"},
		{"3", "Ohjaustyötä tekevillä on tehtävien edellyttämä osaaminen", "De som utför handledningsarbetet har det kunnande som uppgifterna förutsätter", "Guidance practitioners have the competence their tasks require"},
		{"4", "Ohjauksen laatujärjestelmät kehittyvät", "Handledningens kvalitetssystem utvecklas", "Quality systems of guidance are developed"},
		{"5", "Ohjaus toimii koordinoituna kokonaisuutena", "Handledningen fungerar som en koordinerad helhet", "Guidance works as a coordinated whole"},
	})
	add(QualityDimensions, [][4]string{
		{"individual-needs", "Yksilön tarpeet ja tavoitteet", "Individens behov och mål", "Individual needs and goals"},
		{"political-goals", "Poliittiset päätökset ja tavoitteet", "Politiska beslut och mål", "Political decisions and goals"},
		{"tno-processes", "TNO-prosessit ja -palvelut", "TNO-processer och -tjänster", "TNO processes and services"},
		{"societal-outcomes", "Yhteiskunnalliset tulokset", "Samhälleliga resultat", "Societal outcomes"},
		{"individual-outcomes", "Yksilölliset tulokset", "Individuella resultat", "Individual outcomes"},
	})
	add(Themes, [][4]string{
		{"youth-guarantee", "Nuorisotakuu", "Ungdomsgarantin", "Youth guarantee"},
		{"ohjaamo", "Ohjaamot", "Navigatorn", "Ohjaamo one-stop guidance"},
		{"employer-cooperation", "Työnantajayhteistyö", "Samarbete med arbetsgivare", "Employer cooperation"},
		{"multi-professional", "Monialainen yhteistyö", "Sektorsövergripande samarbete", "Multi-professional cooperation"},
		{"quality-work", "Laatutyö", "Kvalitetsarbete", "Quality work"},
		{"digital-guidance", "Digitaalinen ohjaus", "Digital handledning", "Digital guidance"},
		{"guidance-competence", "Ohjausosaaminen", "Handledningskompetens", "Guidance competence"},
		{"communication", "Viestintä", "Kommunikation", "Communication"},
	})
	add(TargetGroups, [][4]string{
		{"young-people", "Nuoret", "Unga", "Young people"},
		{"students", "Opiskelijat", "Studerande", "Students"},
		{"adults", "Aikuiset", "Vuxna", "Adults"},
		{"unemployed", "Työttömät", "Arbetslösa", "Unemployed people"},
		{"immigrants", "Maahanmuuttajat", "Invandrare", "Immigrants"},
		{"employed", "Työssä olevat", "Personer i arbete", "People in work"},
		{"guidance-practitioners", "Ohjaustyön ammattilaiset", "Handledningspersonal", "Guidance practitioners"},
	})
	return out
}

// DefaultID is the fixed id of a default item: stable across databases, so demo data and
// tests can refer to "the Kainuu region" without a lookup.
func DefaultID(kind, code string) string {
	return fmt.Sprintf("%024x", record.Fingerprint(kind+"/"+code))
}
