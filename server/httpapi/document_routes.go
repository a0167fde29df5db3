package httpapi

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/documents"
	"github.com/elo-workspace/elo-workspace/server/plans"
)

func (s *Server) documentRoutes(api fiber.Router) {
	api.Get("/workspaces/:workspaceId/documents", s.authed, s.listDocuments)
	api.Post("/workspaces/:workspaceId/documents", s.authed, s.createDocument)
	api.Get("/documents/:documentId", s.authed, s.getDocument)
	api.Patch("/documents/:documentId", s.authed, s.updateDocument)
	api.Post("/documents/:documentId/status", s.authed, s.changeDocumentStatus)
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
