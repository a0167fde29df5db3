package ot

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MarshalJSON encodes the operation in the ot.js form: [retain, "insert", -delete, ...].
// The empty operation encodes as [].
func (o Operation) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(2 + 8*len(o.ops))
	b.WriteByte('[')
	for i, op := range o.ops {
		if i > 0 {
			b.WriteByte(',')
		}
		switch op.Kind {
		case KindRetain:
			b.WriteString(strconv.Itoa(op.N))
		case KindDelete:
			b.WriteString(strconv.Itoa(-op.N))
		case KindInsert:
			s, err := json.Marshal(op.Text)
			if err != nil {
				return nil, err
			}
			b.Write(s)
		}
	}
	b.WriteByte(']')
	return b.Bytes(), nil
}

// UnmarshalJSON decodes with Decode, so operations can sit in message structs.
func (o *Operation) UnmarshalJSON(data []byte) error {
	op, err := Decode(data)
	if err != nil {
		return err
	}
	*o = op
	return nil
}

// Decode parses and validates the ot.js JSON form of an operation and normalises it.
//
// The value must be an array whose elements are non-zero integers (positive: retain,
// negative: delete) or strings (insert). Numbers are read as JavaScript reads them (IEEE
// doubles), so 3, 3.0 and 3e0 are the same retain, exactly as for a JavaScript peer; 1.5, 0,
// -0, 1e400 and anything with a magnitude above MaxLength are refused, as are null, booleans,
// objects, nested arrays, strings holding lone surrogates (\ud83d) or invalid UTF-8, and
// operations whose base or target length exceeds MaxLength. Errors wrap ErrInvalid.
func Decode(data []byte) (Operation, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '[' {
		return Operation{}, fmt.Errorf("%w: not a JSON array", ErrInvalid)
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(trimmed, &raw); err != nil {
		return Operation{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	var op Operation
	op.ops = make([]Op, 0, len(raw))
	for i, el := range raw {
		if len(el) == 0 {
			return Operation{}, fmt.Errorf("%w: element %d is empty", ErrInvalid, i)
		}
		switch c := el[0]; {
		case c == '"':
			s, ok := unquote(el)
			if !ok {
				return Operation{}, fmt.Errorf("%w: element %d: insert text is not valid Unicode", ErrInvalid, i)
			}
			op.insert(s, utf16Len(s))
		case c == '-' || (c >= '0' && c <= '9'):
			f, err := strconv.ParseFloat(string(el), 64)
			if err != nil || f != math.Trunc(f) || f == 0 || math.Abs(f) > MaxLength {
				return Operation{}, fmt.Errorf("%w: element %d: %s is not a non-zero integer within ±%d", ErrInvalid, i, el, MaxLength)
			}
			if n := int(f); n > 0 {
				op.retain(n)
			} else {
				op.del(-n)
			}
		default:
			return Operation{}, fmt.Errorf("%w: element %d: expected a number or a string", ErrInvalid, i)
		}
		if op.base > MaxLength || op.target > MaxLength {
			return Operation{}, fmt.Errorf("%w: longer than %d units", ErrInvalid, MaxLength)
		}
	}
	return op, nil
}

// unquote decodes a JSON string literal that encoding/json has already checked for syntax.
// Unlike encoding/json it refuses lone surrogate escapes and invalid UTF-8 instead of
// replacing them with U+FFFD, so a decoded insert means exactly what the sender meant.
func unquote(lit []byte) (string, bool) {
	if len(lit) < 2 || lit[0] != '"' || lit[len(lit)-1] != '"' || !utf8.Valid(lit) {
		return "", false
	}
	body := lit[1 : len(lit)-1]
	if bytes.IndexByte(body, '\\') < 0 {
		return string(body), true
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		if i+1 >= len(body) {
			return "", false
		}
		switch body[i+1] {
		case '"', '\\', '/':
			b.WriteByte(body[i+1])
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, ok := hex4(body, i+2)
			if !ok {
				return "", false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if r >= 0xDC00 { // a low surrogate with no high one before it
					return "", false
				}
				if i+1 >= len(body) || body[i] != '\\' || body[i+1] != 'u' {
					return "", false
				}
				lo, ok := hex4(body, i+2)
				if !ok || lo < 0xDC00 || lo > 0xDFFF {
					return "", false
				}
				r = utf16.DecodeRune(r, lo)
				i += 6
			}
			b.WriteRune(r)
			continue
		default:
			return "", false
		}
		i += 2
	}
	return b.String(), true
}

func hex4(b []byte, at int) (rune, bool) {
	if at+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
