// Package markdown renders the safe Markdown subset forum posts and practice descriptions are
// written in: CommonMark with GitHub's tables, strikethrough and autolinks, rendered on the
// server with goldmark's safe defaults (raw HTML is not passed through and links with unsafe
// schemes such as javascript: are dropped), and the same text as plain text for search and
// notifications.
package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// md has no html.WithUnsafe: raw HTML becomes "<!-- raw HTML omitted -->" and dangerous link
// destinations render as empty.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify))

// Render returns src as HTML that is safe to insert into a page.
func Render(src string) string {
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		return "<p>" + escape(src) + "</p>"
	}
	return b.String()
}

// Plain returns src's text without Markdown syntax: paragraphs and list items separated by
// newlines, links as their text, images as their alt text, raw HTML left out.
func Plain(src string) string {
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				b.Write(n.Segment.Value(source))
				if n.SoftLineBreak() || n.HardLineBreak() {
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				b.Write(n.Value)
			}
		case *ast.CodeSpan, *ast.Emphasis, *ast.Link, *ast.Image, *east.Strikethrough, *ast.AutoLink:
			if a, ok := n.(*ast.AutoLink); ok && entering {
				b.Write(a.URL(source))
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			if entering {
				lines := n.Lines()
				for i := 0; i < lines.Len(); i++ {
					seg := lines.At(i)
					b.Write(seg.Value(source))
				}
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		default:
			if !entering && n.Type() == ast.TypeBlock {
				b.WriteByte('\n')
			}
		}
		return ast.WalkContinue, nil
	})
	return collapse(b.String())
}

// collapse trims each line and drops empty ones.
func collapse(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func escape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	return r.Replace(s)
}
