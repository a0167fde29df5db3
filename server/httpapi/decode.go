package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// decode reads a JSON body into a typed struct. Unknown fields (including operator keys such
// as "$ne"), wrong types, trailing data and non-JSON content are refused with a clear code.
func decode(c *fiber.Ctx, dst any) error {
	if ct := string(c.Request().Header.ContentType()); !strings.HasPrefix(ct, fiber.MIMEApplicationJSON) {
		return apperr.New(apperr.BadRequest, "the body must be JSON (Content-Type: application/json)")
	}
	dec := json.NewDecoder(bytes.NewReader(c.Body()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	if dec.More() {
		return apperr.New(apperr.InvalidJSON, "the body has data after the JSON value")
	}
	return nil
}

func decodeError(err error) error {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return &apperr.Error{Code: apperr.InvalidField, Field: typ.Field, Message: fmt.Sprintf("%s has the wrong type (want %s)", typ.Field, typ.Type)}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name = strings.Trim(name, `"`)
		return &apperr.Error{Code: apperr.UnknownField, Field: name, Message: fmt.Sprintf("unknown field %q", name)}
	}
	return apperr.New(apperr.InvalidJSON, "the body is not valid JSON")
}

// pathID reads an id path parameter.
func pathID(c *fiber.Ctx, name string) (string, error) {
	v := c.Params(name)
	if !record.Valid(v) {
		return "", &apperr.Error{Code: apperr.InvalidID, Field: name, Message: fmt.Sprintf("%s is not a valid id", name)}
	}
	return v, nil
}

// pathIDs reads two id path parameters (a resource and one of its parts), first first.
func pathIDs(c *fiber.Ctx, first, second string) (string, string, error) {
	a, err := pathID(c, first)
	if err != nil {
		return "", "", err
	}
	b, err := pathID(c, second)
	return a, b, err
}

// queryInt reads an optional integer query parameter within [min, max].
func queryInt(c *fiber.Ctx, name string, def, min, max int) (int, error) {
	v := c.Query(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < min || n > max {
		return 0, &apperr.Error{Code: apperr.InvalidField, Field: name, Message: fmt.Sprintf("%s must be a whole number from %d to %d", name, min, max)}
	}
	return n, nil
}

// queryText reads an optional text query parameter of at most max bytes.
func queryText(c *fiber.Ctx, name string, max int) (string, error) {
	v := c.Query(name)
	if len(v) > max {
		return "", &apperr.Error{Code: apperr.InvalidField, Field: name, Message: fmt.Sprintf("%s is too long", name)}
	}
	return v, nil
}
