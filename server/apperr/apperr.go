// Package apperr is the one application error type. Every error a client can see carries a
// stable Code (also the client's translation key errors.<code>) and an English message.
// Status maps each code to its HTTP status; the websocket layer uses the same codes.
package apperr

import (
	"errors"
	"fmt"
)

// Code is a stable, client-visible error code. The list is mirrored in the OpenAPI document
// (components.schemas.ErrorCode) and in the i18n catalogs; a test keeps the three in step.
type Code string

const (
	BadRequest              Code = "bad_request"
	InvalidJSON             Code = "invalid_json"
	UnknownField            Code = "unknown_field"
	InvalidField            Code = "invalid_field"
	BodyTooLarge            Code = "body_too_large"
	InvalidID               Code = "invalid_id"
	NotFound                Code = "not_found"
	Unauthenticated         Code = "unauthenticated"
	TokenInvalid            Code = "token_invalid"
	TokenExpired            Code = "token_expired"
	Forbidden               Code = "forbidden"
	InvalidCredentials      Code = "invalid_credentials"
	RateLimited             Code = "rate_limited"
	SetupDone               Code = "setup_done"
	SetupTokenInvalid       Code = "setup_token_invalid"
	EmailTaken              Code = "email_taken"
	WeakPassword            Code = "weak_password"
	WrongPassword           Code = "wrong_password"
	ResetLinkInvalid        Code = "reset_link_invalid"
	UnsubscribeLinkInvalid  Code = "unsubscribe_link_invalid" // an email's unsubscribe link is forged or damaged
	InvitationInvalid       Code = "invitation_invalid"
	InvitationExpired       Code = "invitation_expired"
	InvitationUsed          Code = "invitation_used"
	InvitationRevoked       Code = "invitation_revoked"
	InvitationEmailMismatch Code = "invitation_email_mismatch"
	AlreadyMember           Code = "already_member"
	LastCoordinator         Code = "last_coordinator"
	VersionConflict         Code = "version_conflict"
	CodeTaken               Code = "code_taken"
	UnknownFilter           Code = "unknown_filter"
	WrongState              Code = "wrong_state"      // the record is not in a state that allows the action (e.g. a practice waiting for review)
	LinkNotVisible          Code = "link_not_visible" // a text links to something that does not exist or the writer cannot see
	Internal                Code = "internal"
)

// statuses is the one table from code to HTTP status.
var statuses = map[Code]int{
	BadRequest:              400,
	InvalidJSON:             400,
	UnknownField:            400,
	InvalidField:            400,
	BodyTooLarge:            413,
	InvalidID:               400,
	NotFound:                404,
	Unauthenticated:         401,
	TokenInvalid:            401,
	TokenExpired:            401,
	Forbidden:               403,
	InvalidCredentials:      401,
	RateLimited:             429,
	SetupDone:               409,
	SetupTokenInvalid:       403,
	EmailTaken:              409,
	WeakPassword:            400,
	WrongPassword:           400,
	ResetLinkInvalid:        410,
	InvitationInvalid:       404,
	UnsubscribeLinkInvalid:  400,
	InvitationExpired:       410,
	InvitationUsed:          410,
	InvitationRevoked:       410,
	InvitationEmailMismatch: 403,
	AlreadyMember:           409,
	LastCoordinator:         409,
	VersionConflict:         409,
	CodeTaken:               409,
	UnknownFilter:           400,
	WrongState:              409,
	LinkNotVisible:          400,
	Internal:                500,
}

// Codes lists every code, for the tests that keep the API document and catalogs in step.
func Codes() []Code {
	out := make([]Code, 0, len(statuses))
	for c := range statuses {
		out = append(out, c)
	}
	return out
}

// Error is the application error.
type Error struct {
	Code    Code
	Message string // English, for logs and API consumers; clients translate Code
	Field   string // the input field at fault, if any
	Err     error  // the cause, logged for internal errors only
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// Status is the HTTP status of the error's code.
func (e *Error) Status() int {
	if s, ok := statuses[e.Code]; ok {
		return s
	}
	return 500
}

// New makes an error with a code and message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid is a bad value in a named input field.
func Invalid(field, format string, args ...any) *Error {
	return &Error{Code: InvalidField, Field: field, Message: fmt.Sprintf(format, args...)}
}

// Wrap marks an unexpected failure as internal; its detail is logged, never sent.
func Wrap(err error, format string, args ...any) *Error {
	var ae *Error
	if errors.As(err, &ae) {
		return ae
	}
	return &Error{Code: Internal, Message: fmt.Sprintf(format, args...), Err: err}
}

// From returns err as an *Error, wrapping anything else as internal.
func From(err error) *Error {
	var ae *Error
	if errors.As(err, &ae) {
		return ae
	}
	return &Error{Code: Internal, Message: "internal error", Err: err}
}

// Is reports whether err is an application error with the code.
func Is(err error, code Code) bool {
	var ae *Error
	return errors.As(err, &ae) && ae.Code == code
}
