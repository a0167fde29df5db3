package plans

import (
	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/workspaces"
)

// CanEdit reports whether a workspace role may change a document's content: coordinators and
// members; observers read.
func CanEdit(role string) bool {
	return role == workspaces.RoleCoordinator || role == workspaces.RoleMember
}

// CanApprove reports whether a workspace role may move a document through its workflow.
func CanApprove(role string) bool { return role == workspaces.RoleCoordinator }

// CanEditDocument reports whether a role may change this document's content now: a closed
// plan is read-only (the next period starts from CopyForNextPeriod). Approved and followed-up
// plans stay editable, because following up means recording progress, indicator values and
// follow-up entries.
func CanEditDocument(doc *Document, role string) bool {
	return CanEdit(role) && doc.Status != StatusClosed
}

// transitions lists the workflow moves per kind: from -> allowed targets.
//
// Action plans: draft -> approved -> followed_up -> closed, and approved -> draft to reopen an
// approved plan for changes before its follow-up has begun. Followed-up and closed plans do
// not go back: history stays as it was approved and followed up. Strategies and situation
// descriptions are draft or approved, and can go back and forth.
var transitions = map[string]map[string][]string{
	ActionPlan: {
		StatusDraft:      {StatusApproved},
		StatusApproved:   {StatusFollowedUp, StatusDraft},
		StatusFollowedUp: {StatusClosed},
	},
	Strategy:  {StatusDraft: {StatusApproved}, StatusApproved: {StatusDraft}},
	Situation: {StatusDraft: {StatusApproved}, StatusApproved: {StatusDraft}},
}

func validStatus(kind, status string) bool {
	switch status {
	case StatusDraft, StatusApproved:
		return true
	case StatusFollowedUp, StatusClosed:
		return kind == ActionPlan
	}
	return false
}

// Transition moves the document to status to, as a person with the workspace role asks.
// Every move is the coordinator's (CanApprove): approving, starting the follow-up, closing and
// reopening are decisions of the group that its coordinator records. It changes doc.Status
// only; the caller stores the document and stamps UpdatedAt.
func Transition(doc *Document, to, role string) error {
	if !validStatus(doc.Kind, to) {
		return apperr.Invalid("status", "a %s cannot be %q", doc.Kind, to)
	}
	if !CanApprove(role) {
		return apperr.New(apperr.Forbidden, "only a coordinator can change the status of a document")
	}
	for _, next := range transitions[doc.Kind][doc.Status] {
		if next == to {
			doc.Status = to
			return nil
		}
	}
	return apperr.Invalid("status", "a %s cannot go from %s to %s", doc.Kind, doc.Status, to)
}
