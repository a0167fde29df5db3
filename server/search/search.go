// Package search is the one search box over practices, forum threads and posts, plans and
// members: an in-memory full-text index (bleve) with Finnish and Swedish stemming, built at
// start from the services and kept current by their writes, so it works the same on the
// embedded database and on MongoDB (neither needs $text).
package search

import "time"

// Entry is one searchable thing. Services describe what they hold as entries and hand them
// to Put at Load and after every write.
type Entry struct {
	Kind         string   // "practice", "thread", "post", "plan", "member"
	ID           string   // unique within Kind
	Title, Body  string   // plain text (strip Markdown before indexing)
	Lang         string   // "fi", "sv" or "" (both analysers)
	Link         string   // client path
	Region       []string // reference ids, for filters
	Theme        []string
	NationalGoal []string
	At           time.Time
	Readers      Audience // who may see it
}

// Audience says who may read an entry. Public: anyone, also without an account; Network:
// every signed-in user; Workspaces: members of these workspaces (and whoever
// workspaces.CanRead lets read them).
type Audience struct {
	Public     bool
	Network    bool
	Workspaces []string
}

// Kinds are the entry kinds, in the order results are grouped in the client.
var Kinds = []string{"practice", "thread", "post", "plan", "member"}
