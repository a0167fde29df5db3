package forums

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/accounts"
)

// The API's forum pages as JSON, written without reflection: a page opening copies each post's
// encoded JSON, kept with the post, instead of encoding the post again. The bytes are those
// encoding/json writes for ThreadPage, ForumPage and []ForumView (encode_test.go checks it).
//
// A post's JSON is kept in two pieces (postPiece): what comes before its reactions and what
// comes after them. Everything a reader changes is outside them: the reactions (each carries
// "mine"), and the cards of its links (what the reader may read), added per request. The
// pieces are valid while the post, the post it quotes and both authors' names are as they were
// when encoded: a change to a post (edit, removal, hiding) counts up its ver, and a piece
// encoded for an older ver, or with another name, is encoded again on use. A moderator reading
// a hidden post sees its text: that is a second piece.

// postPiece is a post's encoded JSON without its reactions and cards.
type postPiece struct {
	ver, quoteVer       uint64 // the post's and the quoted post's ver when encoded
	author, quoteAuthor string // the names it holds
	head                []byte // {"id":…,"hidden":…,"reactions":
	tail                []byte // ,"links":true or nothing (the closing brace is not in it)
	refs                []ref  // the links shown as cards (what the reader may read of them)
}

var reactionsField = []byte(`,"reactions":[]`)

// piece is a post's encoded JSON as a reader sees it (mu held, read or write): mod is whether
// the reader moderates the forum.
func (s *Service) piece(po *post, mod bool) *postPiece {
	variant := 0
	if mod && po.hidden && !po.deleted {
		variant = 1
	}
	author := s.name(po.author)
	var quoteAuthor string
	var quoteVer uint64
	if q := s.quotedPost(po); q != nil {
		quoteAuthor, quoteVer = s.name(q.author), q.ver
	}
	if pc := po.pieces[variant].Load(); pc != nil && pc.ver == po.ver && pc.quoteVer == quoteVer &&
		pc.author == author && pc.quoteAuthor == quoteAuthor {
		return pc
	}
	v := s.viewPost(accounts.Principal{}, po, variant == 1)
	v.Reactions = []Reaction{}
	raw, err := json.Marshal(v)
	i := bytes.LastIndex(raw, reactionsField)
	if err != nil || i < 0 { // not expected: a PostView always encodes, with its reactions
		raw = append(appendString([]byte(`{"id":`), po.id), `,"reactions":[]}`...)
		i = bytes.LastIndex(raw, reactionsField)
	}
	cut := i + len(reactionsField) - 2 // at the reactions' "["
	pc := &postPiece{ver: po.ver, quoteVer: quoteVer, author: author, quoteAuthor: quoteAuthor,
		head: raw[:cut:cut], tail: bytes.Clone(raw[cut+2 : len(raw)-1]), refs: v.refs}
	po.pieces[variant].Store(pc)
	return pc
}

// quotedPost is the post po quotes, when it is in po's thread (mu held).
func (s *Service) quotedPost(po *post) *post {
	if po.quote == "" {
		return nil
	}
	if q := s.posts[po.quote]; q != nil && q.thread == po.thread {
		return q
	}
	return nil
}

// appendReactions writes a post's reactions as user sees them (mu held).
func appendReactions(b []byte, po *post, user string) []byte {
	b = append(b, '[')
	first := true
	for _, k := range Reactions {
		who := po.reactions[k]
		if len(who) == 0 {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, `{"kind":`...)
		b = appendString(b, k)
		b = append(b, `,"count":`...)
		b = strconv.AppendInt(b, int64(len(who)), 10)
		b = append(b, `,"mine":`...)
		b = strconv.AppendBool(b, user != "" && contains(who, user))
		b = append(b, '}')
	}
	return append(b, ']')
}

// cardSlot is where a post's cards go in a page being written: before the post's closing brace.
type cardSlot struct {
	at   int // offset in the page
	refs []ref
}

// ThreadJSON is Thread as the API's JSON.
func (s *Service) ThreadJSON(p accounts.Principal, threadID string, after, before, limit int) ([]byte, error) {
	limit = pageSize(limit)
	s.mu.RLock()
	th, err := s.readableThread(p, threadID)
	if err != nil {
		s.mu.RUnlock()
		return nil, err
	}
	mod := s.canModerate(p, th.forum)
	from, to := pageOf(len(th.posts), after, before, limit)
	b := make([]byte, 0, 1024+(to-from)*1024)
	b = append(b, `{"thread":`...)
	b = appendHead(b, s.head(p, th, time.Time{}))
	b = append(b, `,"forum":`...)
	b = appendForum(b, s.forumHead(p, th.forum))
	b = append(b, `,"posts":[`...)
	withCards := s.d.Links != nil && p.UserID != ""
	var slots []cardSlot
	for i, po := range th.posts[from:to] {
		if i > 0 {
			b = append(b, ',')
		}
		pc := s.piece(po, mod)
		b = append(b, pc.head...)
		b = appendReactions(b, po, p.UserID)
		b = append(b, pc.tail...)
		if withCards && len(pc.refs) > 0 {
			slots = append(slots, cardSlot{at: len(b), refs: pc.refs})
		}
		b = append(b, '}')
	}
	canWrite := s.canWrite(p, th.forum) && (!th.locked || mod)
	s.mu.RUnlock()
	b = append(b, `],"canWrite":`...)
	b = strconv.AppendBool(b, canWrite)
	b = append(b, `,"canModerate":`...)
	b = strconv.AppendBool(b, mod)
	b = append(b, `,"hasBefore":`...)
	b = strconv.AppendBool(b, from > 0)
	b = append(b, `,"hasAfter":`...)
	b = strconv.AppendBool(b, to < len(th.posts))
	b = append(b, '}')
	if len(slots) > 0 {
		b = s.insertCards(p, b, slots)
	}
	return b, nil
}

// insertCards writes the cards p may see of each slot's links into a page (outside the
// service's lock: the practices and plans answer under their own).
func (s *Service) insertCards(p accounts.Principal, page []byte, slots []cardSlot) []byte {
	out := make([]byte, 0, len(page)+len(slots)*512)
	last := 0
	for _, sl := range slots {
		var cards []Card
		for _, r := range sl.refs {
			if len(cards) == MaxCards {
				break
			}
			if c, ok := s.resolve(p, r); ok {
				cards = append(cards, c)
			}
		}
		out = append(out, page[last:sl.at]...)
		last = sl.at
		if len(cards) == 0 {
			continue
		}
		raw, err := json.Marshal(cards)
		if err != nil {
			continue
		}
		out = append(append(out, `,"cards":`...), raw...)
	}
	return append(out, page[last:]...)
}

// ForumJSON is Forum as the API's JSON.
func (s *Service) ForumJSON(p accounts.Principal, forumID, cursor string, limit int) ([]byte, error) {
	page, err := s.Forum(p, forumID, cursor, limit)
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, 512+len(page.Threads)*512)
	b = append(b, `{"forum":`...)
	b = appendForum(b, page.Forum)
	b = append(b, `,"threads":[`...)
	for i, h := range page.Threads {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendHead(b, h)
	}
	b = append(b, ']')
	if page.Next != "" {
		b = append(b, `,"next":`...)
		b = appendString(b, page.Next)
	}
	if page.LastVisit != nil {
		b = append(b, `,"lastVisit":`...)
		b = appendTime(b, *page.LastVisit)
	}
	return append(b, '}'), nil
}

// ForumsJSON is Forums as the API's JSON: {"forums":[…]}.
func (s *Service) ForumsJSON(p accounts.Principal) []byte {
	fs := s.Forums(p)
	b := make([]byte, 0, 64+len(fs)*400)
	b = append(b, `{"forums":[`...)
	for i, v := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendForum(b, v)
	}
	return append(b, "]}"...)
}

func appendHead(b []byte, h ThreadHead) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, h.ID)
	b = append(b, `,"forumId":`...)
	b = appendString(b, h.ForumID)
	b = append(b, `,"title":`...)
	b = appendString(b, h.Title)
	b = append(b, `,"authorId":`...)
	b = appendString(b, h.AuthorID)
	b = append(b, `,"authorName":`...)
	b = appendString(b, h.AuthorName)
	b = append(b, `,"createdAt":`...)
	b = appendTime(b, h.CreatedAt)
	b = append(b, `,"lastAt":`...)
	b = appendTime(b, h.LastAt)
	b = append(b, `,"posts":`...)
	b = strconv.AppendInt(b, int64(h.Posts), 10)
	b = append(b, `,"read":`...)
	b = strconv.AppendInt(b, int64(h.Read), 10)
	b = append(b, `,"unread":`...)
	b = strconv.AppendInt(b, int64(h.Unread), 10)
	b = append(b, `,"new":`...)
	b = strconv.AppendBool(b, h.New)
	b = append(b, `,"pinned":`...)
	b = strconv.AppendBool(b, h.Pinned)
	b = append(b, `,"locked":`...)
	b = strconv.AppendBool(b, h.Locked)
	b = append(b, `,"hidden":`...)
	b = strconv.AppendBool(b, h.Hidden)
	b = append(b, `,"following":`...)
	b = strconv.AppendBool(b, h.Following)
	if h.Level != "" {
		b = append(b, `,"level":`...)
		b = appendString(b, h.Level)
	}
	return append(b, '}')
}

func appendForum(b []byte, v ForumView) []byte {
	b = append(b, `{"id":`...)
	b = appendString(b, v.ID)
	b = append(b, `,"kind":`...)
	b = appendString(b, v.Kind)
	b = append(b, `,"names":{"fi":`...)
	b = appendString(b, v.Names.FI)
	b = append(b, `,"sv":`...)
	b = appendString(b, v.Names.SV)
	b = append(b, `,"en":`...)
	b = appendString(b, v.Names.EN)
	b = append(b, '}')
	if v.WorkspaceID != "" {
		b = append(b, `,"workspaceId":`...)
		b = appendString(b, v.WorkspaceID)
	}
	if len(v.Workspaces) > 0 {
		b = append(b, `,"workspaces":[`...)
		for i, g := range v.Workspaces {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = appendString(b, g.ID)
			b = append(b, `,"name":`...)
			b = appendString(b, g.Name)
			b = append(b, `,"joined":`...)
			b = strconv.AppendBool(b, g.Joined)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"threads":`...)
	b = strconv.AppendInt(b, int64(v.Threads), 10)
	b = append(b, `,"unread":`...)
	b = strconv.AppendInt(b, int64(v.Unread), 10)
	if v.LastAt != nil {
		b = append(b, `,"lastAt":`...)
		b = appendTime(b, *v.LastAt)
	}
	b = append(b, `,"canWrite":`...)
	b = strconv.AppendBool(b, v.CanWrite)
	b = append(b, `,"canModerate":`...)
	b = strconv.AppendBool(b, v.CanModerate)
	if v.OpenReports != 0 {
		b = append(b, `,"openReports":`...)
		b = strconv.AppendInt(b, int64(v.OpenReports), 10)
	}
	b = append(b, `,"following":`...)
	b = strconv.AppendBool(b, v.Following)
	if v.Level != "" {
		b = append(b, `,"level":`...)
		b = appendString(b, v.Level)
	}
	return append(b, '}')
}

// appendTime writes a time as encoding/json does (RFC 3339 with the nanoseconds it has).
func appendTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string as encoding/json does: <, > and & escaped (HTML-safe),
// invalid UTF-8 as U+FFFD, U+2028 and U+2029 escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
