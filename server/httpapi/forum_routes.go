package httpapi

import (
	"github.com/gofiber/fiber/v2"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/forums"
)

func (s *Server) forumRoutes(api fiber.Router) {
	if s.svc.Forums == nil {
		return
	}
	api.Get("/forums", s.authed, s.listForums)
	api.Post("/forums/circles", s.authed, s.openCircle)
	api.Get("/forums/circles/groups", s.authed, s.circleGroups)
	api.Post("/forums/preview", s.authed, s.previewPost)
	api.Get("/forums/:forumId", s.authed, s.getForum)
	api.Get("/forums/:forumId/mentionable", s.authed, s.forumMentionable)
	api.Post("/forums/:forumId/threads", s.authed, s.startForumThread)
	api.Post("/forums/:forumId/visit", s.authed, s.visitForum)
	api.Put("/forums/:forumId/follow", s.authed, s.followForum)
	api.Post("/forums/:forumId/join", s.authed, s.joinCircle)
	api.Get("/forums/:forumId/reports", s.authed, s.forumReports)
	api.Get("/threads/:threadId", s.authed, s.getThread)
	api.Get("/threads/:threadId/mentionable", s.authed, s.threadMentionable)
	api.Patch("/threads/:threadId", s.authed, s.moderateThread)
	api.Post("/threads/:threadId/posts", s.authed, s.replyInThread)
	api.Post("/threads/:threadId/read", s.authed, s.readThread)
	api.Put("/threads/:threadId/follow", s.authed, s.followThread)
	api.Patch("/posts/:postId", s.authed, s.updatePost)
	api.Delete("/posts/:postId", s.authed, s.deletePost)
	api.Get("/posts/:postId/history", s.authed, s.postHistory)
	api.Post("/posts/:postId/reactions", s.authed, s.reactToPost)
	api.Post("/posts/:postId/reports", s.authed, s.reportPost)
	api.Post("/posts/:postId/reports/resolve", s.authed, s.resolveReports)
}

func (s *Server) listForums(c *fiber.Ctx) error {
	return sendJSON(c, s.svc.Forums.ForumsJSON(principal(c)))
}

// sendJSON answers with JSON the forums wrote themselves (from the posts' kept JSON).
func sendJSON(c *fiber.Ctx, raw []byte) error {
	c.Response().SetBodyRaw(raw)
	c.Response().Header.SetContentType(fiber.MIMEApplicationJSON)
	return nil
}

type circleInput struct {
	Title       string   `json:"title"`
	WorkspaceID string   `json:"workspaceId"`
	Invite      []string `json:"invite"`
}

func (s *Server) openCircle(c *fiber.Ctx) error {
	var r circleInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Forums.OpenCircle(c.UserContext(), principal(c), forums.NewCircle{Title: r.Title, Workspace: r.WorkspaceID, Invite: r.Invite})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (s *Server) circleGroups(c *fiber.Ctx) error {
	mine, others, err := s.svc.Forums.CircleGroups(principal(c))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"mine": mine, "others": others})
}

func (s *Server) getForum(c *fiber.Ctx) error {
	id, err := pathID(c, "forumId")
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", forums.DefaultPage, 1, forums.MaxPage)
	if err != nil {
		return err
	}
	cursor, err := queryText(c, "cursor", 64)
	if err != nil {
		return err
	}
	out, err := s.svc.Forums.ForumJSON(principal(c), id, cursor, limit)
	if err != nil {
		return err
	}
	return sendJSON(c, out)
}

type forumThreadInput struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

func (s *Server) startForumThread(c *fiber.Ctx) error {
	id, err := pathID(c, "forumId")
	if err != nil {
		return err
	}
	var r forumThreadInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Forums.Start(c.UserContext(), principal(c), id, forums.NewThread{Title: r.Title, Body: r.Body})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

func (s *Server) visitForum(c *fiber.Ctx) error {
	id, err := pathID(c, "forumId")
	if err != nil {
		return err
	}
	if err := s.svc.Forums.Visit(c.UserContext(), principal(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

type followInput struct {
	Following *bool `json:"following"`
}

func (s *Server) follow(c *fiber.Ctx, forumID, threadID string) error {
	var r followInput
	if err := decode(c, &r); err != nil {
		return err
	}
	if r.Following == nil {
		return apperr.Invalid("following", "following is required")
	}
	if err := s.svc.Forums.Follow(c.UserContext(), principal(c), forumID, threadID, *r.Following); err != nil {
		return err
	}
	return c.JSON(fiber.Map{"following": *r.Following})
}

func (s *Server) followForum(c *fiber.Ctx) error {
	id, err := pathID(c, "forumId")
	if err != nil {
		return err
	}
	return s.follow(c, id, "")
}

func (s *Server) followThread(c *fiber.Ctx) error {
	id, err := pathID(c, "threadId")
	if err != nil {
		return err
	}
	return s.follow(c, "", id)
}

type joinInput struct {
	WorkspaceID string `json:"workspaceId"`
}

func (s *Server) joinCircle(c *fiber.Ctx) error {
	id, err := pathID(c, "forumId")
	if err != nil {
		return err
	}
	var r joinInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Forums.JoinCircle(c.UserContext(), principal(c), id, r.WorkspaceID)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (s *Server) forumReports(c *fiber.Ctx) error {
	id, err := pathID(c, "forumId")
	if err != nil {
		return err
	}
	state, err := queryText(c, "state", 16)
	if err != nil {
		return err
	}
	cursor, err := queryText(c, "cursor", 16)
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", forums.DefaultPage, 1, forums.MaxPage)
	if err != nil {
		return err
	}
	out, next, err := s.svc.Forums.Reports(principal(c), id, state, cursor, limit)
	if err != nil {
		return err
	}
	if next == "" {
		return c.JSON(fiber.Map{"reports": out})
	}
	return c.JSON(fiber.Map{"reports": out, "next": next})
}

func (s *Server) getThread(c *fiber.Ctx) error {
	id, err := pathID(c, "threadId")
	if err != nil {
		return err
	}
	after, err := queryInt(c, "after", 0, 0, 1<<30)
	if err != nil {
		return err
	}
	before, err := queryInt(c, "before", 0, 0, 1<<30)
	if err != nil {
		return err
	}
	limit, err := queryInt(c, "limit", forums.DefaultPage, 1, forums.MaxPage)
	if err != nil {
		return err
	}
	out, err := s.svc.Forums.ThreadJSON(principal(c), id, after, before, limit)
	if err != nil {
		return err
	}
	return sendJSON(c, out)
}

type moderationInput struct {
	Pinned  *bool   `json:"pinned"`
	Locked  *bool   `json:"locked"`
	Hidden  *bool   `json:"hidden"`
	ForumID *string `json:"forumId"`
}

func (s *Server) moderateThread(c *fiber.Ctx) error {
	id, err := pathID(c, "threadId")
	if err != nil {
		return err
	}
	var r moderationInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Forums.Moderate(c.UserContext(), principal(c), id, forums.Moderation(r))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

type postInput struct {
	Body  string `json:"body"`
	Quote string `json:"quote"`
}

func (s *Server) replyInThread(c *fiber.Ctx) error {
	id, err := pathID(c, "threadId")
	if err != nil {
		return err
	}
	var r postInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Forums.Reply(c.UserContext(), principal(c), id, r.Body, r.Quote)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(out)
}

type threadReadInput struct {
	UpTo int `json:"upTo"`
}

func (s *Server) readThread(c *fiber.Ctx) error {
	id, err := pathID(c, "threadId")
	if err != nil {
		return err
	}
	var r threadReadInput
	if err := decode(c, &r); err != nil {
		return err
	}
	if err := s.svc.Forums.Read(c.UserContext(), principal(c), id, r.UpTo); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

type postUpdate struct {
	Body   *string `json:"body"`
	Hidden *bool   `json:"hidden"`
}

func (s *Server) updatePost(c *fiber.Ctx) error {
	id, err := pathID(c, "postId")
	if err != nil {
		return err
	}
	var r postUpdate
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Forums.Update(c.UserContext(), principal(c), id, forums.Change(r))
	if err != nil {
		return err
	}
	return c.JSON(out)
}

func (s *Server) deletePost(c *fiber.Ctx) error {
	id, err := pathID(c, "postId")
	if err != nil {
		return err
	}
	if err := s.svc.Forums.Delete(c.UserContext(), principal(c), id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) postHistory(c *fiber.Ctx) error {
	id, err := pathID(c, "postId")
	if err != nil {
		return err
	}
	out, err := s.svc.Forums.History(principal(c), id)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"revisions": out})
}

type reactionInput struct {
	Reaction string `json:"reaction"`
	On       *bool  `json:"on"`
}

func (s *Server) reactToPost(c *fiber.Ctx) error {
	id, err := pathID(c, "postId")
	if err != nil {
		return err
	}
	var r reactionInput
	if err := decode(c, &r); err != nil {
		return err
	}
	on := r.On == nil || *r.On
	out, err := s.svc.Forums.React(c.UserContext(), principal(c), id, r.Reaction, on)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

type reportInput struct {
	Reason string `json:"reason"`
}

func (s *Server) reportPost(c *fiber.Ctx) error {
	id, err := pathID(c, "postId")
	if err != nil {
		return err
	}
	var r reportInput
	if err := decode(c, &r); err != nil {
		return err
	}
	if err := s.svc.Forums.Report(c.UserContext(), principal(c), id, r.Reason); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

type resolveInput struct {
	Action string `json:"action"`
}

func (s *Server) resolveReports(c *fiber.Ctx) error {
	id, err := pathID(c, "postId")
	if err != nil {
		return err
	}
	var r resolveInput
	if err := decode(c, &r); err != nil {
		return err
	}
	out, err := s.svc.Forums.Resolve(c.UserContext(), principal(c), id, r.Action)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"reports": out})
}

func (s *Server) previewPost(c *fiber.Ctx) error {
	var r struct {
		Body string `json:"body"`
	}
	if err := decode(c, &r); err != nil {
		return err
	}
	html, err := s.svc.Forums.Preview(r.Body)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"html": html})
}

// threadMentionable suggests whom a reply may mention: readers of the thread named like q.
func (s *Server) threadMentionable(c *fiber.Ctx) error {
	id, err := pathID(c, "threadId")
	if err != nil {
		return err
	}
	q, err := queryText(c, "q", 100)
	if err != nil {
		return err
	}
	people, err := s.svc.Forums.MentionableInThread(principal(c), id, q)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"people": people})
}

// forumMentionable suggests whom a new thread's first post may mention.
func (s *Server) forumMentionable(c *fiber.Ctx) error {
	id, err := pathID(c, "forumId")
	if err != nil {
		return err
	}
	q, err := queryText(c, "q", 100)
	if err != nil {
		return err
	}
	people, err := s.svc.Forums.MentionableInForum(principal(c), id, q)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"people": people})
}
