package httpapi

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
)

func (s *Server) documentRoutes(api fiber.Router) {
	api.Get("/workspaces/:workspaceId/documents", s.authed, s.listDocuments)
	api.Post("/workspaces/:workspaceId/documents", s.authed, s.createDocument)
	api.Get("/documents/:documentId", s.authed, s.getDocument)
	api.Patch("/documents/:documentId", s.authed, s.updateDocument)
	api.Post("/documents/:documentId/status", s.authed, s.changeDocumentStatus)
	api.Get("/documents/:documentId/history", s.authed, s.documentHistory)
	api.Get("/documents/:documentId/revisions/:revision", s.authed, s.documentRevision)
	api.Get("/documents/:documentId/authors", s.authed, s.documentAuthors)
	api.Post("/documents/:documentId/restore", s.authed, s.restoreDocument)
}

func (s *Server) documentHistory(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	h, err := s.svc.Documents.History(c.UserContext(), principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(h)
}

// revisionParam reads a revision number (path or query); "" gives def.
func revisionParam(v string, def int64) (int64, error) {
	if v == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0, apperr.Invalid("revision", "a revision is a whole number from 0")
	}
	return n, nil
}

func (s *Server) documentRevision(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	rev, err := revisionParam(c.Params("revision"), 0)
	if err != nil {
		return err
	}
	r, err := s.svc.Documents.Revision(c.UserContext(), principal(c), id, rev)
	if err != nil {
		return err
	}
	return c.JSON(r)
}

func (s *Server) documentAuthors(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	cur, err := s.svc.Documents.Get(principal(c), id)
	if err != nil {
		return err
	}
	rev, err := revisionParam(c.Query("revision"), cur.Revision)
	if err != nil {
		return err
	}
	a, err := s.svc.Documents.Authorship(c.UserContext(), principal(c), id, rev)
	if err != nil {
		return err
	}
	return c.JSON(a)
}

type restoreInput struct {
	Revision *int64 `json:"revision"`
}

func (s *Server) restoreDocument(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	var r restoreInput
	if err := decode(c, &r); err != nil {
		return err
	}
	if r.Revision == nil {
		return apperr.Invalid("revision", "say which revision to restore")
	}
	d, err := s.svc.Documents.Restore(c.UserContext(), principal(c), id, *r.Revision)
	if err != nil {
		return err
	}
	return c.JSON(viewDocumentSummary(d))
}

type documentSummaryView struct {
	ID          string    `json:"id"`
	WorkspaceID string    `json:"workspaceId"`
	Kind        string    `json:"kind"`
	Title       string    `json:"title"`
	Period      string    `json:"period"`
	Status      string    `json:"status"`
	Revision    int64     `json:"revision"`
	Archived    bool      `json:"archived"`
	UpdatedAt   time.Time `json:"updatedAt"`
	CanEdit     bool      `json:"canEdit"`
	CanApprove  bool      `json:"canApprove"`
}

func viewDocumentSummary(d documents.Summary) documentSummaryView {
	return documentSummaryView{ID: d.ID, WorkspaceID: d.WorkspaceID, Kind: d.Kind, Title: d.Title, Period: d.Period,
		Status: d.Status, Revision: d.Revision, Archived: d.Archived, UpdatedAt: d.UpdatedAt, CanEdit: d.CanEdit, CanApprove: d.CanApprove}
}

type documentView struct {
	documentSummaryView
	Nodes map[string]*plans.Node `json:"nodes"`
}

func (s *Server) listDocuments(c *fiber.Ctx) error {
	id, err := pathID(c, "workspaceId")
	if err != nil {
		return err
	}
	if _, err := s.svc.Workspaces.Get(principal(c), id); err != nil {
		return err
	}
	ds, err := s.svc.Documents.List(principal(c), id)
	if err != nil {
		return err
	}
	out := make([]documentSummaryView, len(ds))
	for i, d := range ds {
		out[i] = viewDocumentSummary(d)
	}
	return c.JSON(out)
}

type documentInput struct {
	Kind     string `json:"kind"`
	Title    string `json:"title"`
	Period   string `json:"period"`
	CopyFrom string `json:"copyFrom"`
}

func (s *Server) createDocument(c *fiber.Ctx) error {
	id, err := pathID(c, "workspaceId")
	if err != nil {
		return err
	}
	if _, err := s.svc.Workspaces.Get(principal(c), id); err != nil {
		return err
	}
	var r documentInput
	if err := decode(c, &r); err != nil {
		return err
	}
	d, err := s.svc.Documents.Create(c.UserContext(), principal(c), id, r.Kind, r.Title, r.Period, r.CopyFrom)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(viewDocumentSummary(d))
}

func (s *Server) getDocument(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	d, err := s.svc.Documents.Get(principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(documentView{documentSummaryView: viewDocumentSummary(d), Nodes: d.Nodes})
}

type documentUpdate struct {
	Title    *string `json:"title"`
	Period   *string `json:"period"`
	Archived *bool   `json:"archived"`
}

func (s *Server) updateDocument(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	var r documentUpdate
	if err := decode(c, &r); err != nil {
		return err
	}
	d, err := s.svc.Documents.Update(c.UserContext(), principal(c), id, documents.Meta(r))
	if err != nil {
		return err
	}
	return c.JSON(viewDocumentSummary(d))
}

type statusChange struct {
	Status string `json:"status"`
}

func (s *Server) changeDocumentStatus(c *fiber.Ctx) error {
	id, err := pathID(c, "documentId")
	if err != nil {
		return err
	}
	var r statusChange
	if err := decode(c, &r); err != nil {
		return err
	}
	d, err := s.svc.Documents.Transition(c.UserContext(), principal(c), id, r.Status)
	if err != nil {
		return err
	}
	return c.JSON(viewDocumentSummary(d))
}
