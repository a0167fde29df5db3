package httpapi

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/search"
)

func (s *Server) searchRoutes(api fiber.Router) {
	if s.svc.Search == nil {
		return
	}
	api.Get("/search", s.searchReader, s.search)
}

// searchReader lets anyone search: without a token only public entries are found.
func (s *Server) searchReader(c *fiber.Ctx) error {
	p, ok, err := s.bearer(c)
	if err != nil {
		return err
	}
	if ok {
		c.Locals("principal", p)
	}
	return c.Next()
}

// searchParams: the filters may repeat (any of the values); q, from, to, offset, limit and counts not.
var searchParams = []string{"q", "type", "region", "theme", "nationalGoal", "from", "to", "offset", "limit", "counts"}

func (s *Server) search(c *fiber.Ctx) error {
	q, err := searchQuery(c)
	if err != nil {
		return err
	}
	r, err := s.svc.Search.Find(principal(c), q)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(r)
}

func searchQuery(c *fiber.Ctx) (search.Query, error) {
	var q search.Query
	var bad error
	seen := map[string]bool{}
	c.Context().QueryArgs().VisitAll(func(k, v []byte) {
		if bad != nil {
			return
		}
		name, val := string(k), string(v)
		switch {
		case !slices.Contains(searchParams, name):
			bad = &apperr.Error{Code: apperr.UnknownFilter, Field: trimParam(name), Message: fmt.Sprintf("unknown filter %q", trimParam(name))}
			return
		case name != "q" && len(val) > maxParamLen, len(val) > search.MaxQueryLen:
			bad = apperr.Invalid(name, "%s is too long", name)
			return
		}
		repeatable := name == "type" || name == "region" || name == "theme" || name == "nationalGoal"
		if seen[name] && !repeatable {
			bad = apperr.Invalid(name, "%s is given twice", name)
			return
		}
		seen[name] = true
		if val == "" {
			return // a filter left at "all"
		}
		var err error
		switch name {
		case "q":
			q.Text = val
		case "type":
			q.Kinds = append(q.Kinds, strings.Split(val, ",")...)
		case "region":
			q.Region = append(q.Region, val)
		case "theme":
			q.Theme = append(q.Theme, val)
		case "nationalGoal":
			q.NationalGoal = append(q.NationalGoal, val)
		case "from":
			q.From, err = searchDate(name, val)
		case "to":
			// to is the last day included: the index's bound is the next midnight.
			q.To, err = searchDate(name, val)
			if err == nil {
				q.To = q.To.AddDate(0, 0, 1)
			}
		case "offset":
			q.Offset, err = searchInt(name, val, 0, 10000)
		case "limit":
			q.Limit, err = searchInt(name, val, 1, search.MaxLimit)
		case "counts":
			switch val {
			case "true":
			case "false":
				q.NoCounts = true
			default:
				err = apperr.Invalid(name, "counts must be true or false")
			}
		}
		bad = err
	})
	return q, bad
}

func searchDate(name, val string) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, val, time.UTC)
	if err != nil {
		return time.Time{}, apperr.Invalid(name, "%s must be a date (YYYY-MM-DD)", name)
	}
	return t, nil
}

func searchInt(name, val string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(val)
	if err != nil || n < lo || n > hi {
		return 0, apperr.Invalid(name, "%s must be a whole number from %d to %d", name, lo, hi)
	}
	return n, nil
}
