package plans

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/ot"
)

// Operation kinds (the "t" of an operation).
const (
	OpText   = "text"
	OpSet    = "set"
	OpInsert = "insert"
	OpMove   = "move"
	OpDelete = "delete"
)

// Op is one change to a document. Which fields are used depends on T:
//
//	text:   Node, Field, Text
//	set:    Node, Field, Value (nil clears the field)
//	insert: Insert (the whole new node, without children)
//	move:   Node, Parent, List, Pos
//	delete: Node; Removed is filled in by Apply
//
// Value holds string, float64, []string or []IndicatorValue, as the field's kind says.
type Op struct {
	T      string
	Node   string
	Field  string
	Text   ot.Operation
	Value  any
	Insert *Node
	Parent string
	List   string
	Pos    string
	// Removed lists the ids of the subtree a delete removed (the node first, then the rest
	// sorted), as Apply found it. Transform drops later concurrent operations on these nodes.
	// It is stored with the applied operation in the log and sent to clients; clients never
	// send it.
	Removed []string
}

// Target is the node the operation is about (for an insert, the new node).
func (o Op) Target() string {
	if o.T == OpInsert && o.Insert != nil {
		return o.Insert.ID
	}
	return o.Node
}

// wireOp is the JSON form; pointers tell absent members from empty ones.
type wireOp struct {
	T       string          `json:"t"`
	Node    json.RawMessage `json:"node,omitempty"`
	Field   *string         `json:"field,omitempty"`
	Op      json.RawMessage `json:"op,omitempty"`
	Value   json.RawMessage `json:"value,omitempty"`
	Parent  *string         `json:"parent,omitempty"`
	List    *string         `json:"list,omitempty"`
	Pos     *string         `json:"pos,omitempty"`
	Removed []string        `json:"removed,omitempty"`
}

// MarshalJSON writes the PROTOCOL.md form.
func (o Op) MarshalJSON() ([]byte, error) {
	w := wireOp{T: o.T}
	var err error
	str := func(s string) *string { return &s }
	switch o.T {
	case OpText:
		w.Node, _ = json.Marshal(o.Node)
		w.Field = str(o.Field)
		if w.Op, err = o.Text.MarshalJSON(); err != nil {
			return nil, err
		}
	case OpSet:
		w.Node, _ = json.Marshal(o.Node)
		w.Field = str(o.Field)
		if w.Value, err = json.Marshal(o.Value); err != nil {
			return nil, err
		}
	case OpInsert:
		if w.Node, err = json.Marshal(o.Insert); err != nil {
			return nil, err
		}
	case OpMove:
		w.Node, _ = json.Marshal(o.Node)
		w.Parent, w.List, w.Pos = str(o.Parent), str(o.List), str(o.Pos)
	case OpDelete:
		w.Node, _ = json.Marshal(o.Node)
		w.Removed = o.Removed
	default:
		return nil, errors.New("plans: unknown operation kind " + o.T)
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the PROTOCOL.md form strictly: unknown kinds and members, members that
// do not belong to the kind, wrong types and set values of the wrong kind for their field are
// refused with an *apperr.Error. It accepts "removed" on a delete (applied operations from the
// log); DecodeOps refuses it from clients.
func (o *Op) UnmarshalJSON(data []byte) error {
	var w wireOp
	if err := strict(data, &w); err != nil {
		return err
	}
	var op Op
	op.T = w.T
	has := map[string]bool{"node": w.Node != nil, "field": w.Field != nil, "op": w.Op != nil,
		"value": w.Value != nil, "parent": w.Parent != nil, "list": w.List != nil, "pos": w.Pos != nil,
		"removed": w.Removed != nil}
	var want []string
	switch w.T {
	case OpText:
		want = []string{"node", "field", "op"}
	case OpSet:
		want = []string{"node", "field", "value"}
	case OpInsert:
		want = []string{"node"}
	case OpMove:
		want = []string{"node", "parent", "list", "pos"}
	case OpDelete:
		want = []string{"node"}
		has["removed"] = false // optional
	default:
		return apperr.Invalid("t", "unknown operation %q", w.T)
	}
	for name, present := range has {
		if present && !slices.Contains(want, name) {
			return &apperr.Error{Code: apperr.UnknownField, Field: name, Message: "a " + w.T + " operation has no member " + name}
		}
	}
	for _, name := range want {
		if !has[name] {
			return apperr.Invalid(name, "a %s operation needs %s", w.T, name)
		}
	}
	if w.T == OpInsert {
		var n Node
		if err := strict(w.Node, &n); err != nil {
			return err
		}
		if len(n.Text) == 0 {
			n.Text = nil // {} and no text are the same
		}
		op.Insert = &n
	} else if err := strict(w.Node, &op.Node); err != nil {
		return apperr.Invalid("node", "node must be a node id")
	}
	if w.Field != nil {
		op.Field = *w.Field
	}
	switch w.T {
	case OpText:
		t, err := ot.Decode(w.Op)
		if err != nil {
			return apperr.Invalid("op", "invalid text operation: %v", err)
		}
		op.Text = t
	case OpSet:
		v, err := decodeValue(op.Field, w.Value)
		if err != nil {
			return err
		}
		op.Value = v
	case OpMove:
		op.Parent, op.List, op.Pos = *w.Parent, *w.List, *w.Pos
	case OpDelete:
		op.Removed = w.Removed
	}
	*o = op
	return nil
}

// decodeValue reads a set operation's value as the field's kind says; null clears.
func decodeValue(field string, raw json.RawMessage) (any, error) {
	if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return nil, nil
	}
	var err error
	switch fieldKinds[field] {
	case kindString, kindDate, kindID:
		var s string
		if err = strict(raw, &s); err == nil {
			return s, nil
		}
	case kindNumber:
		var x float64
		if err = strict(raw, &x); err == nil {
			return x, nil
		}
	case kindIDs:
		var ids []string
		if err = strict(raw, &ids); err == nil {
			if ids == nil {
				return nil, nil
			}
			return ids, nil
		}
	case kindValues:
		var vals []IndicatorValue
		if err = strict(raw, &vals); err == nil {
			if vals == nil {
				return nil, nil
			}
			return vals, nil
		}
	default:
		return nil, apperr.Invalid("field", "unknown field %q", field)
	}
	if apperr.Is(err, apperr.UnknownField) {
		return nil, err
	}
	return nil, apperr.Invalid(field, "%s has a value of the wrong type", field)
}

// DecodeOps reads the operations of a client's change: a JSON array of 1 to MaxOpsPerChange
// operations. Errors are *apperr.Error (invalid_json, invalid_field, unknown_field).
func DecodeOps(data []byte) ([]Op, error) {
	if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] != '[' {
		return nil, apperr.New(apperr.InvalidJSON, "ops must be a JSON array")
	}
	var raws []json.RawMessage
	if err := strict(data, &raws); err != nil {
		return nil, err
	}
	if len(raws) == 0 {
		return nil, apperr.Invalid("ops", "a change has at least one operation")
	}
	if len(raws) > MaxOpsPerChange {
		return nil, apperr.Invalid("ops", "a change has at most %d operations", MaxOpsPerChange)
	}
	ops := make([]Op, len(raws))
	for i, raw := range raws {
		if err := ops[i].UnmarshalJSON(raw); err != nil {
			return nil, err
		}
		if ops[i].Removed != nil {
			return nil, &apperr.Error{Code: apperr.UnknownField, Field: "removed", Message: "clients do not send removed"}
		}
	}
	return ops, nil
}

// strict decodes one JSON value with no unknown members and nothing after it.
func strict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var ute *json.UnmarshalTypeError
		switch {
		case errors.As(err, &ute):
			field := ute.Field
			if field == "" {
				field = "value"
			}
			return apperr.Invalid(field, "%s has the wrong type", field)
		case bytes.Contains([]byte(err.Error()), []byte("unknown field")):
			return &apperr.Error{Code: apperr.UnknownField, Message: err.Error()}
		}
		var ae *apperr.Error
		if errors.As(err, &ae) {
			return ae
		}
		return apperr.New(apperr.InvalidJSON, "invalid JSON: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return apperr.New(apperr.InvalidJSON, "invalid JSON: data after the value")
	}
	return nil
}
