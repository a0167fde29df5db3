// Package mention reads the mentions in comment and forum bodies. The web client writes a
// mention as @[Name](<user id>) (client/src/comments/mentions.ts): the name is what readers
// see, the id whom it notifies.
package mention

import (
	"regexp"
	"slices"
)

var pattern = regexp.MustCompile(`@\[([^\[\]\n]{1,100})\]\(([0-9a-f]{24})\)`)

// IDs returns the ids of the people a body mentions, each once, in order.
func IDs(body string) []string {
	var out []string
	for _, m := range pattern.FindAllStringSubmatch(body, -1) {
		if !slices.Contains(out, m[2]) {
			out = append(out, m[2])
		}
	}
	return out
}

// Plain is a body with its mentions as @Name.
func Plain(body string) string {
	return pattern.ReplaceAllString(body, "@$1")
}

// Replace replaces each mention with what f makes of its name.
func Replace(body string, f func(name string) string) string {
	return pattern.ReplaceAllStringFunc(body, func(m string) string {
		return f(pattern.FindStringSubmatch(m)[1])
	})
}
