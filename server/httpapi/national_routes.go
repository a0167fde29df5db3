package httpapi

import (
	"fmt"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/national"
)

func (s *Server) nationalRoutes(api fiber.Router) {
	if s.svc.National == nil {
		return
	}
	api.Get("/national/dashboard", s.authed, s.nationalDashboard)
	api.Get("/national/cell", s.authed, s.nationalCell)
	api.Get("/national/compare", s.authed, s.nationalCompare)
	api.Get("/national/timeline", s.authed, s.nationalTimeline)
}

// filterParams are the query parameters every national route takes; each may repeat.
var filterParams = []string{"period", "qualityDimension", "theme", "region"}

// maxParamLen is the longest value of one query parameter.
const maxParamLen = 100

// nationalQuery reads the filter of a national route: every parameter must be one the route
// knows (extra names those beyond the filter), each value short; unknown names or values are
// unknown_filter. Whether the values exist is the service's to say.
func nationalQuery(c *fiber.Ctx, extra ...string) (national.Filter, map[string]string, error) {
	var f national.Filter
	singles := map[string]string{}
	var bad error
	c.Context().QueryArgs().VisitAll(func(k, v []byte) {
		if bad != nil {
			return
		}
		name, val := string(k), string(v)
		switch {
		case !slices.Contains(filterParams, name) && !slices.Contains(extra, name):
			bad = &apperr.Error{Code: apperr.UnknownFilter, Field: name, Message: fmt.Sprintf("unknown filter %q", trimParam(name))}
			return
		case len(val) > maxParamLen:
			bad = &apperr.Error{Code: apperr.InvalidField, Field: name, Message: fmt.Sprintf("%s is too long", name)}
			return
		case val == "":
			return // an empty value narrows nothing (a form left at "all")
		}
		switch name {
		case "period":
			f.Periods = append(f.Periods, val)
		case "qualityDimension":
			f.QualityDimensions = append(f.QualityDimensions, val)
		case "theme":
			f.Themes = append(f.Themes, val)
		case "region":
			f.Regions = append(f.Regions, val)
		default:
			if _, twice := singles[name]; twice {
				bad = &apperr.Error{Code: apperr.InvalidField, Field: name, Message: fmt.Sprintf("%s is given twice", name)}
				return
			}
			singles[name] = val
		}
	})
	return f, singles, bad
}

func trimParam(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func (s *Server) nationalDashboard(c *fiber.Ctx) error {
	f, _, err := nationalQuery(c)
	if err != nil {
		return err
	}
	d, err := s.svc.National.Dashboard(principal(c), f)
	if err != nil {
		return err
	}
	return c.JSON(d)
}

func (s *Server) nationalCell(c *fiber.Ctx) error {
	f, one, err := nationalQuery(c, "nationalGoal")
	if err != nil {
		return err
	}
	d, err := s.svc.National.Cell(principal(c), one["nationalGoal"], f)
	if err != nil {
		return err
	}
	return c.JSON(d)
}

func (s *Server) nationalCompare(c *fiber.Ctx) error {
	f, _, err := nationalQuery(c)
	if err != nil {
		return err
	}
	d, err := s.svc.National.Compare(principal(c), f)
	if err != nil {
		return err
	}
	return c.JSON(d)
}

func (s *Server) nationalTimeline(c *fiber.Ctx) error {
	f, _, err := nationalQuery(c, "limit")
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", 100, 1, national.MaxTimeline)
	if err != nil {
		return err
	}
	d, err := s.svc.National.Timeline(principal(c), f, limit)
	if err != nil {
		return err
	}
	return c.JSON(d)
}
