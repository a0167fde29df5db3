package httpapi

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/exports"
	"github.com/elo-workspace/elo-workspace/server/national"
)

// Content types of the exports.
const (
	mimeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	mimeXLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	mimePDF  = "application/pdf"
	mimeCSV  = "text/csv; charset=utf-8"
)

func (s *Server) exportRoutes(api fiber.Router) {
	if s.svc.Exports == nil {
		return
	}
	// One route per format: another extension is no route at all (404 not_found).
	api.Get("/documents/:documentId/export.docx", s.authed, s.exportDocument("docx", mimeDOCX, exports.WriteDOCX))
	api.Get("/documents/:documentId/export.pdf", s.authed, s.exportDocument("pdf", mimePDF, exports.WritePDF))
	api.Get("/documents/:documentId/export.json", s.authed, s.exportDocumentJSON)
	api.Get("/actions/export.xlsx", s.authed, s.exportActions("xlsx", mimeXLSX, exports.WriteXLSX))
	api.Get("/actions/export.csv", s.authed, s.exportActions("csv", mimeCSV, exports.WriteCSV))
	if s.svc.National != nil {
		api.Get("/national/export.xlsx", s.authed, s.exportSummary("xlsx", mimeXLSX, exports.WriteSummaryXLSX))
		api.Get("/national/export.csv", s.authed, s.exportSummary("csv", mimeCSV, exports.WriteSummaryCSV))
	}
}

// exportSummary sends the national dashboard's matrix (same filters and the same view of who
// sees which region as GET /national/dashboard) as a file.
func (s *Server) exportSummary(ext, mime string, write func(io.Writer, national.Dashboard, string) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		f, _, err := nationalQuery(c, "lang")
		if err != nil {
			return err
		}
		lang, err := exportLang(c)
		if err != nil {
			return err
		}
		d, err := s.svc.National.Dashboard(principal(c), f)
		if err != nil {
			return err
		}
		name := exports.FileName(exports.SummaryTitle(lang), ext)
		if ext == "csv" {
			return s.streamFile(c, mime, name, func(w io.Writer) error { return write(w, d, lang) })
		}
		var buf bytes.Buffer
		if err := write(&buf, d, lang); err != nil {
			return apperr.Wrap(err, "write the %s summary", ext)
		}
		return sendFile(c, mime, name, buf.Bytes())
	}
}

// onlyParams refuses query parameters other than the allowed ones (unknown_filter), values
// longer than maxParamLen (invalid_field) and a repeated single-valued one.
func onlyParams(c *fiber.Ctx, allowed []string, repeatable []string) error {
	var bad error
	seen := map[string]bool{}
	c.Context().QueryArgs().VisitAll(func(k, v []byte) {
		name := string(k)
		switch {
		case bad != nil:
		case !slices.Contains(allowed, name):
			bad = &apperr.Error{Code: apperr.UnknownFilter, Field: trimParam(name), Message: fmt.Sprintf("unknown parameter %q", trimParam(name))}
		case len(v) > maxParamLen:
			bad = apperr.Invalid(name, "%s is too long", name)
		case seen[name] && !slices.Contains(repeatable, name):
			bad = apperr.Invalid(name, "%s is given twice", name)
		}
		seen[name] = true
	})
	return bad
}

// lang reads ?lang= (fi by default).
func exportLang(c *fiber.Ctx) (string, error) { return exports.Lang(c.Query("lang")) }

// sendFile answers with a file made in memory: its length is known, so the client can show
// how much of it has arrived; the name comes from the title.
func sendFile(c *fiber.Ctx, mime, name string, body []byte) error {
	fileHeaders(c, mime, name)
	return c.Send(body)
}

func fileHeaders(c *fiber.Ctx, mime, name string) {
	c.Set(fiber.HeaderContentType, mime)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentDisposition, contentDisposition(name))
	c.Set("Access-Control-Expose-Headers", "Content-Disposition, Content-Length")
}

// streamSize is how much of a streamed file is gathered before it goes out as one chunk.
const streamSize = 32 << 10

// streamFile answers with a file written while it is sent (chunked, without a length: the
// client shows the bytes received). Everything that can refuse the request must be checked
// before: once the first byte is out, a failure can only cut the response short (the chunked
// body never ends, so the client sees a broken download rather than a whole-looking file). A
// client that goes away closes the pipe, which stops write at its next write.
func (s *Server) streamFile(c *fiber.Ctx, mime, name string, write func(io.Writer) error) error {
	fileHeaders(c, mime, name)
	pr, pw := io.Pipe()
	path := strings.Clone(c.Path())
	go func() {
		bw := bufio.NewWriterSize(pw, streamSize)
		err := write(bw)
		if err == nil {
			err = bw.Flush()
		}
		if err != nil && err != io.ErrClosedPipe {
			s.log.Error("streamed export failed", "path", path, "err", err)
		}
		pw.CloseWithError(err) // nil: the end of the file
	}()
	c.Context().SetBodyStream(pr, -1)
	return nil
}

// contentDisposition names the download: an ASCII fallback and the UTF-8 name (RFC 6266).
func contentDisposition(name string) string {
	ascii := strings.Map(func(r rune) rune {
		switch r {
		case 'ä', 'å':
			return 'a'
		case 'ö':
			return 'o'
		case 'é':
			return 'e'
		case 'ü':
			return 'u'
		}
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '_'
		}
		return r
	}, name)
	return fmt.Sprintf(`attachment; filename="%s"; filename*=UTF-8''%s`, ascii, url.PathEscape(name))
}

func (s *Server) exportedPlan(c *fiber.Ctx) (*exports.Plan, error) {
	id, err := pathID(c, "documentId")
	if err != nil {
		return nil, err
	}
	if err := onlyParams(c, []string{"lang"}, nil); err != nil {
		return nil, err
	}
	lang, err := exportLang(c)
	if err != nil {
		return nil, err
	}
	return s.svc.Exports.Plan(principal(c), id, lang)
}

func (s *Server) exportDocument(ext, mime string, write func(io.Writer, *exports.Plan) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, err := s.exportedPlan(c)
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := write(&buf, p); err != nil {
			return apperr.Wrap(err, "write the %s export", ext)
		}
		return sendFile(c, mime, exports.FileName(p.Title, ext), buf.Bytes())
	}
}

func (s *Server) exportDocumentJSON(c *fiber.Ctx) error {
	p, err := s.exportedPlan(c)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.JSON(p)
}

// actionParams are the action list's filters (each may repeat) and its other parameters.
var (
	actionFilters = []string{"document", "workspace", "region", "period", "status", "nationalGoal", "qualityDimension", "theme"}
	actionParams  = append(slices.Clone(actionFilters), "lang", "archived")
)

func actionFilter(c *fiber.Ctx) (exports.ActionFilter, error) {
	var f exports.ActionFilter
	if err := onlyParams(c, actionParams, actionFilters); err != nil {
		return f, err
	}
	c.Context().QueryArgs().VisitAll(func(k, v []byte) {
		val := string(v)
		if val == "" {
			return // an empty value narrows nothing (a form left at "all")
		}
		switch string(k) {
		case "document":
			f.Documents = append(f.Documents, val)
		case "workspace":
			f.Workspaces = append(f.Workspaces, val)
		case "region":
			f.Regions = append(f.Regions, val)
		case "period":
			f.Periods = append(f.Periods, val)
		case "status":
			f.Statuses = append(f.Statuses, val)
		case "nationalGoal":
			f.NationalGoals = append(f.NationalGoals, val)
		case "qualityDimension":
			f.QualityDimensions = append(f.QualityDimensions, val)
		case "theme":
			f.Themes = append(f.Themes, val)
		}
	})
	switch c.Query("archived") {
	case "", "false":
	case "true":
		f.Archived = true
	default:
		return f, apperr.Invalid("archived", "archived is true or false")
	}
	return f, nil
}

func (s *Server) exportActions(ext, mime string, write func(io.Writer, *exports.ActionList) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		f, err := actionFilter(c)
		if err != nil {
			return err
		}
		lang, err := exportLang(c)
		if err != nil {
			return err
		}
		l, err := s.svc.Exports.Actions(principal(c), f, lang)
		if err != nil {
			return err
		}
		if ext == "csv" {
			return s.streamFile(c, mime, exports.FileName(l.Title(), ext), func(w io.Writer) error { return write(w, l) })
		}
		// excelize assembles the workbook's zip in memory (it goes back to patch the entries'
		// headers), so a workbook is sent whole, with its length.
		var buf bytes.Buffer
		if err := write(&buf, l); err != nil {
			return apperr.Wrap(err, "write the %s export", ext)
		}
		return sendFile(c, mime, exports.FileName(l.Title(), ext), buf.Bytes())
	}
}
