package comments

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/accounts"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/mention"
)

// ExcerptLength is how many characters of a comment a notification carries.
const ExcerptLength = 200

// Excerpt is the start of a body as one line of plain text.
func Excerpt(body string) string {
	s := strings.Join(strings.Fields(mention.Plain(body)), " ")
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
	before := mention.IDs(oldBody)
	var ms []Mention
	actor := s.name(p.UserID)
	for _, id := range mention.IDs(newBody) {
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
