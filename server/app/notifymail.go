package app

import (
	"strings"

	"github.com/elo-workspace/elo-workspace/server/accounts"
)

// mailReadable reports whether a person may still read what a notification links to when its
// email goes out: a forum thread is asked of the forums (who may have left the group or
// circle since); other links were checked by their service when it notified.
func (a *App) mailReadable(userID, link string) bool {
	u, ok := a.Accounts.User(userID)
	if !ok {
		return false
	}
	rest, ok := strings.CutPrefix(link, "/threads/")
	if !ok || a.Forums == nil {
		return true
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	return a.Forums.CanListen(accounts.Principal{UserID: userID, IsAdmin: u.IsAdmin}, "thread:"+rest)
}
