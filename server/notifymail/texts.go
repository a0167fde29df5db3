package notifymail

import "github.com/elo-workspace/elo-workspace/server/notifications"

// texts are an email's words in one language (the person's; Finnish when they have none).
type texts struct {
	lang           string // the texts' language: the unsubscribe link carries it, so its page speaks it
	hello          string // %s: the person's name
	mentionSubject string // %s: who, %s: what
	mentionIntro   string // %s: who, %s: what
	open           string
	dailySubject   string // %d: how many
	weeklySubject  string // %d: how many
	digestIntro    string // %d: how many
	more           string // %d: how many more
	kinds          map[string]string
	whyMentions    string
	whyDaily       string
	whyWeekly      string
	unsubscribe    string
	settings       string
}

var textTable = map[string]texts{
	"fi": {
		hello:          "Hei %s,",
		mentionSubject: "%s mainitsi sinut: %s",
		mentionIntro:   "%s mainitsi sinut ELO-työtilassa kohteessa ”%s”:",
		open:           "Avaa se tästä:",
		dailySubject:   "ELO-työtila: %d lukematonta ilmoitusta (päivän kooste)",
		weeklySubject:  "ELO-työtila: %d lukematonta ilmoitusta (viikon kooste)",
		digestIntro:    "sinulla on ELO-työtilassa %d lukematonta ilmoitusta:",
		more:           "…ja %d muuta ilmoitusta:",
		kinds: map[string]string{
			notifications.KindMention:  "%s mainitsi sinut",
			notifications.KindReply:    "%s vastasi",
			notifications.KindFollowed: "%s kirjoitti seuraamaasi ketjuun",
			notifications.KindReview:   "%s – hyvän käytännön arviointi",
			notifications.KindAdoption: "%s otti hyvän käytännön käyttöön",
			"published":                "%s julkaisi uuden version",
		},
		whyMentions: "Saat tämän viestin, koska olet valinnut sähköpostin heti, kun sinut mainitaan.",
		whyDaily:    "Saat tämän päivittäisen koosteen sähköposti-ilmoitusasetustesi mukaan.",
		whyWeekly:   "Saat tämän viikoittaisen koosteen sähköposti-ilmoitusasetustesi mukaan.",
		unsubscribe: "Lopeta nämä viestit yhdellä napsautuksella:",
		settings:    "Muuta sähköposti-ilmoitusasetuksia:",
	},
	"sv": {
		hello:          "Hej %s,",
		mentionSubject: "%s nämnde dig: %s",
		mentionIntro:   "%s nämnde dig i ELO-arbetsrummet i ”%s”:",
		open:           "Öppna det här:",
		dailySubject:   "ELO-arbetsrummet: %d olästa aviseringar (dagens sammandrag)",
		weeklySubject:  "ELO-arbetsrummet: %d olästa aviseringar (veckans sammandrag)",
		digestIntro:    "du har %d olästa aviseringar i ELO-arbetsrummet:",
		more:           "…och %d aviseringar till:",
		kinds: map[string]string{
			notifications.KindMention:  "%s nämnde dig",
			notifications.KindReply:    "%s svarade",
			notifications.KindFollowed: "%s skrev i en tråd du följer",
			notifications.KindReview:   "%s – granskning av god praxis",
			notifications.KindAdoption: "%s tog i bruk en god praxis",
			"published":                "%s publicerade en ny version",
		},
		whyMentions: "Du får det här meddelandet eftersom du har valt e-post direkt när någon nämner dig.",
		whyDaily:    "Du får det här dagliga sammandraget enligt dina inställningar för e-postaviseringar.",
		whyWeekly:   "Du får det här veckosammandraget enligt dina inställningar för e-postaviseringar.",
		unsubscribe: "Avsluta de här meddelandena med ett klick:",
		settings:    "Ändra inställningarna för e-postaviseringar:",
	},
	"en": {
		hello:          "Hello %s,",
		mentionSubject: "%s mentioned you: %s",
		mentionIntro:   "%s mentioned you in ELO Workspace in “%s”:",
		open:           "Open it here:",
		dailySubject:   "ELO Workspace: %d unread notifications (daily digest)",
		weeklySubject:  "ELO Workspace: %d unread notifications (weekly digest)",
		digestIntro:    "you have %d unread notifications in ELO Workspace:",
		more:           "…and %d more:",
		kinds: map[string]string{
			notifications.KindMention:  "%s mentioned you",
			notifications.KindReply:    "%s replied",
			notifications.KindFollowed: "%s wrote in a thread you follow",
			notifications.KindReview:   "%s – good-practice review",
			notifications.KindAdoption: "%s adopted a good practice",
			"published":                "%s published a new version",
		},
		whyMentions: "You get this email because you chose email at once when someone mentions you.",
		whyDaily:    "You get this daily digest because of your email notification settings.",
		whyWeekly:   "You get this weekly digest because of your email notification settings.",
		unsubscribe: "Stop these emails with one click:",
		settings:    "Change your email notification settings:",
	},
}

func textsFor(lang string) texts {
	tx, ok := textTable[lang]
	if !ok {
		lang, tx = "fi", textTable["fi"]
	}
	tx.lang = lang
	return tx
}
