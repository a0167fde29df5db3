package ot

import (
	"math/rand"
	"strings"
)

// chooser is a source of choices: math/rand for property tests, fuzz bytes for fuzz targets.
type chooser interface {
	intn(n int) int // in [0, n); n > 0
}

type randChooser struct{ r *rand.Rand }

func (c randChooser) intn(n int) int { return c.r.Intn(n) }

// byteChooser reads choices from fuzz input; once exhausted it always answers 0, which
// makes every generator below terminate.
type byteChooser struct {
	data []byte
}

func (c *byteChooser) intn(n int) int {
	if len(c.data) == 0 || n <= 1 {
		return 0
	}
	v := int(c.data[0])
	c.data = c.data[1:]
	if n > 256 && len(c.data) > 0 {
		v = v<<8 | int(c.data[0])
		c.data = c.data[1:]
	}
	return v % n
}

// alphabet mixes ASCII, Finnish letters, a combining mark, a newline and surrogate pairs.
var alphabet = []rune("abcxyz ÄäÖöÅå.\n\u0308😀🌲👍€")

func randText(c chooser, maxRunes int) string {
	n := c.intn(maxRunes + 1)
	var b strings.Builder
	for range n {
		b.WriteRune(alphabet[c.intn(len(alphabet))])
	}
	return b.String()
}

func unitsOf(r rune) int {
	if r > 0xFFFF {
		return 2
	}
	return 1
}

// randOp builds a valid operation on doc: it walks the document's code points, retaining or
// deleting whole code points (never splitting a surrogate pair) and inserting random text.
func randOp(c chooser, doc string) Operation {
	runes := []rune(doc)
	var b Builder
	i := 0
	for i < len(runes) {
		k := 1 + c.intn(min(len(runes)-i, 8))
		units := 0
		for _, r := range runes[i : i+k] {
			units += unitsOf(r)
		}
		switch c.intn(5) { // 0 (an exhausted fuzz input) must advance, so it retains
		case 3:
			b.Delete(units)
			i += k
		case 4:
			b.Insert(randText(c, 4))
		default:
			b.Retain(units)
			i += k
		}
	}
	if c.intn(3) == 0 {
		b.Insert(randText(c, 4))
	}
	op, err := b.Operation()
	if err != nil {
		panic(err) // the generator only makes valid operations
	}
	return op
}
