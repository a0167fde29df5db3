package comments

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/documents"
)

// A mention is written by the client into the body as @[Name](<user id>); the name is what
// readers see, the id whom it notifies. client/src/comments/mentions.ts reads the same form.
var mentionPattern = regexp.MustCompile(`@\[([^\[\]\n]{1,100})\]\(([0-9a-f]{24})\)`)

// Mentioned returns the ids of the people a body mentions, each once, in order.
func Mentioned(body string) []string {
	var out []string
	for _, m := range mentionPattern.FindAllStringSubmatch(body, -1) {
		if !slices.Contains(out, m[2]) {
			out = append(out, m[2])
		}
	}
	return out
}

// Plain is a body as plain text: mentions as @Name.
func Plain(body string) string {
	return mentionPattern.ReplaceAllString(body, "@$1")
}

// ExcerptLength is how many characters of a comment a notification carries.
const ExcerptLength = 200

// Excerpt is the start of a body as one line of plain text.
func Excerpt(body string) string {
	s := strings.Join(strings.Fields(Plain(body)), " ")
	if utf8.RuneCountInString(s) <= ExcerptLength {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:ExcerptLength-1])) + "…"
}

// mention notifies the people the new body mentions and the old one did not, if they can read
// the document's workspace; never the author. The comment is stored by now, so a failure to
// notify is logged, not returned: answering with an error would invite a duplicate comment.
func (s *Service) mention(ctx context.Context, p accounts.Principal, doc documents.Summary, commentID, oldBody, newBody string) {
	if s.d.Notify == nil {
		return
	}
	before := Mentioned(oldBody)
	var ms []Mention
	actor := s.name(p.UserID)
	for _, id := range Mentioned(newBody) {
		if id == p.UserID || slices.Contains(before, id) {
			continue
		}
		u, ok := s.d.Accounts.User(id)
		if !ok || !s.d.Workspaces.CanRead(accounts.Principal{UserID: u.ID, IsAdmin: u.IsAdmin}, doc.WorkspaceID) {
			continue
		}
		ms = append(ms, Mention{UserID: id, ActorID: p.UserID, ActorName: actor, WorkspaceID: doc.WorkspaceID, DocumentID: doc.ID,
			Subject: doc.Title, Excerpt: Excerpt(newBody), Link: Link(doc.WorkspaceID, doc.ID, commentID), At: s.now().UTC()})
	}
	if len(ms) == 0 {
		return
	}
	if err := s.d.Notify(ctx, ms); err != nil {
		s.d.Log.Error("mentions not delivered", "document", doc.ID, "comment", commentID, "people", len(ms), "err", err)
	}
}

// Link is where the web client shows a comment.
func Link(workspaceID, docID, commentID string) string {
	return "/workspaces/" + workspaceID + "/documents/" + docID + "?comment=" + commentID
}
