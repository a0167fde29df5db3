package plans

import (
	"math"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/elo-workspace/elo-workspace/server/apperr"
	"github.com/elo-workspace/elo-workspace/server/ot"
	"github.com/elo-workspace/elo-workspace/server/record"
)

// nodeSchema says what a node of one type holds.
type nodeSchema struct {
	lists  map[string][]string // list name -> child types it accepts
	order  []string            // list names in display order
	text   map[string]int      // text field -> maximum length in UTF-16 units
	fields map[string]bool     // scalar fields the type has
}

// Text field limits, in UTF-16 units (what a browser counts).
const (
	maxTitle = 300
	maxBody  = 20000
	maxUnit  = 50
)

var schemas = map[string]nodeSchema{
	Strategy: {
		lists:  map[string][]string{"sections": {TypeSection}, "values": {TypeValue}},
		order:  []string{"sections", "values"},
		fields: map[string]bool{"responsible": true},
	},
	ActionPlan: {
		lists: map[string][]string{"goals": {TypeGoal}},
		order: []string{"goals"},
	},
	Situation: {
		lists: map[string][]string{"sections": {TypeSection}},
		order: []string{"sections"},
	},
	TypeSection: {text: map[string]int{"title": maxTitle, "body": maxBody}},
	TypeValue:   {text: map[string]int{"title": maxTitle, "body": maxBody}},
	TypeGoal: {
		lists:  map[string][]string{"actions": {TypeAction}},
		order:  []string{"actions"},
		text:   map[string]int{"title": maxTitle, "description": maxBody},
		fields: map[string]bool{"nationalGoals": true, "qualityDimensions": true, "themes": true},
	},
	TypeAction: {
		lists: map[string][]string{"indicators": {TypeIndicator}, "followups": {TypeFollowup}},
		order: []string{"indicators", "followups"},
		text:  map[string]int{"title": maxTitle, "description": maxBody},
		fields: map[string]bool{"organisations": true, "contact": true, "start": true, "end": true,
			"status": true, "progress": true},
	},
	TypeIndicator: {
		text:   map[string]int{"name": maxTitle, "unit": maxUnit},
		fields: map[string]bool{"baseline": true, "target": true, "values": true},
	},
	TypeFollowup: {
		text:   map[string]int{"body": maxBody},
		fields: map[string]bool{"date": true, "meeting": true},
	},
}

// ValidKind reports whether k is a document kind.
func ValidKind(k string) bool { return k == Strategy || k == ActionPlan || k == Situation }

// accepts reports whether a node of type parentType has a list that takes childType.
func accepts(parentType, list, childType string) bool {
	for _, t := range schemas[parentType].lists[list] {
		if t == childType {
			return true
		}
	}
	return false
}

// isRootType reports whether t is the type of a root node, which only a document has.
func isRootType(t string) bool { return ValidKind(t) }

var (
	posPattern = regexp.MustCompile(`^[0-9A-Za-z]{2,64}$`)
	idPattern  = regexp.MustCompile(`^[0-9A-Za-z_-]{1,64}$`)
)

// ValidPos reports whether p is a fractional-index position key.
func ValidPos(p string) bool { return posPattern.MatchString(p) }

// ValidNodeID reports whether s can be a node id (client-generated, e.g. "n_4f2a…").
func ValidNodeID(s string) bool { return idPattern.MatchString(s) }

// fieldKind is how the value of a scalar field is typed; one field name has one kind in every
// node type, which lets a set operation's value be decoded without the document.
type fieldKind int

const (
	kindString fieldKind = iota + 1
	kindDate
	kindNumber
	kindIDs
	kindID
	kindValues
)

var fieldKinds = map[string]fieldKind{
	"responsible":       kindIDs,
	"nationalGoals":     kindIDs,
	"qualityDimensions": kindIDs,
	"themes":            kindIDs,
	"organisations":     kindIDs,
	"contact":           kindString,
	"start":             kindDate,
	"end":               kindDate,
	"status":            kindString,
	"progress":          kindNumber,
	"baseline":          kindNumber,
	"target":            kindNumber,
	"values":            kindValues,
	"date":              kindDate,
	"meeting":           kindID,
}

const (
	maxContact = 200
	maxNote    = 500
)

// getField returns the value of a field as the op carries it: string, float64, []string,
// []IndicatorValue, or nil when not set.
func getField(f *Fields, name string) any {
	switch name {
	case "responsible":
		return nilIfEmpty(f.Responsible)
	case "nationalGoals":
		return nilIfEmpty(f.NationalGoals)
	case "qualityDimensions":
		return nilIfEmpty(f.QualityDimensions)
	case "themes":
		return nilIfEmpty(f.Themes)
	case "organisations":
		return nilIfEmpty(f.Organisations)
	case "contact":
		return nilIfZero(f.Contact)
	case "start":
		return nilIfZero(f.Start)
	case "end":
		return nilIfZero(f.End)
	case "status":
		return nilIfZero(f.Status)
	case "progress":
		return deref(f.Progress)
	case "baseline":
		return deref(f.Baseline)
	case "target":
		return deref(f.Target)
	case "values":
		if len(f.Values) == 0 {
			return nil
		}
		return f.Values
	case "date":
		return nilIfZero(f.Date)
	case "meeting":
		return nilIfZero(f.Meeting)
	}
	return nil
}

func nilIfEmpty(s []string) any {
	if len(s) == 0 {
		return nil
	}
	return s
}

func nilIfZero(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// setField stores a value already checked by checkValue (nil clears the field).
func setField(f *Fields, name string, v any) {
	str, _ := v.(string)
	ids, _ := v.([]string)
	ids = cloneSlice(ids)
	var num *float64
	if x, ok := v.(float64); ok {
		num = &x
	}
	switch name {
	case "responsible":
		f.Responsible = ids
	case "nationalGoals":
		f.NationalGoals = ids
	case "qualityDimensions":
		f.QualityDimensions = ids
	case "themes":
		f.Themes = ids
	case "organisations":
		f.Organisations = ids
	case "contact":
		f.Contact = str
	case "start":
		f.Start = str
	case "end":
		f.End = str
	case "status":
		f.Status = str
	case "progress":
		f.Progress = num
	case "baseline":
		f.Baseline = num
	case "target":
		f.Target = num
	case "values":
		vals, _ := v.([]IndicatorValue)
		f.Values = cloneSlice(vals)
	case "date":
		f.Date = str
	case "meeting":
		f.Meeting = str
	}
}

// checkValue validates the value of one field on its own (cross-field rules are in
// checkFields) and returns it normalised: trimmed strings, nil for empty values.
func checkValue(name string, v any, refs Refs) (any, error) {
	if v == nil {
		return nil, nil
	}
	kind, ok := fieldKinds[name]
	if !ok {
		return nil, apperr.Invalid(name, "unknown field %q", name)
	}
	switch kind {
	case kindString:
		s, ok := v.(string)
		if !ok {
			return nil, apperr.Invalid(name, "%s must be a string", name)
		}
		if name == "status" {
			switch s {
			case "":
				return nil, nil
			case ActionPlanned, ActionInProgress, ActionDone, ActionPostponed, ActionCancelled:
				return s, nil
			}
			return nil, apperr.Invalid(name, "unknown action status %q", s)
		}
		s, err := record.Text(name, s, 0, maxContact)
		if err != nil {
			return nil, err
		}
		if s == "" {
			return nil, nil
		}
		return s, nil
	case kindDate:
		s, ok := v.(string)
		if !ok {
			return nil, apperr.Invalid(name, "%s must be a date string", name)
		}
		if s == "" {
			return nil, nil
		}
		if !validDate(s) {
			return nil, apperr.Invalid(name, "%s must be a date YYYY-MM-DD", name)
		}
		return s, nil
	case kindNumber:
		x, ok := v.(float64)
		if !ok || math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, apperr.Invalid(name, "%s must be a number", name)
		}
		if name == "progress" && (x < 0 || x > 100) {
			return nil, apperr.Invalid(name, "progress must be between 0 and 100")
		}
		if math.Abs(x) > 1e15 {
			return nil, apperr.Invalid(name, "%s is out of range", name)
		}
		return x, nil
	case kindID:
		s, ok := v.(string)
		if !ok {
			return nil, apperr.Invalid(name, "%s must be an id", name)
		}
		if s == "" {
			return nil, nil
		}
		if !record.Valid(s) {
			return nil, apperr.Invalid(name, "%s is not an id", name)
		}
		return s, nil
	case kindIDs:
		ids, ok := v.([]string)
		if !ok {
			return nil, apperr.Invalid(name, "%s must be a list of ids", name)
		}
		if len(ids) == 0 {
			return nil, nil
		}
		if len(ids) > MaxIDList {
			return nil, apperr.Invalid(name, "%s has more than %d entries", name, MaxIDList)
		}
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if !record.Valid(id) {
				return nil, apperr.Invalid(name, "%s holds something that is not an id", name)
			}
			if seen[id] {
				return nil, apperr.Invalid(name, "%s holds %s twice", name, id)
			}
			seen[id] = true
			if refs != nil && !refExists(refs, name, id) {
				return nil, apperr.Invalid(name, "%s: %s does not exist", name, id)
			}
		}
		return ids, nil
	case kindValues:
		vals, ok := v.([]IndicatorValue)
		if !ok {
			return nil, apperr.Invalid(name, "%s must be a list of indicator values", name)
		}
		if len(vals) == 0 {
			return nil, nil
		}
		if len(vals) > MaxIndicatorVals {
			return nil, apperr.Invalid(name, "an indicator has at most %d values", MaxIndicatorVals)
		}
		out := make([]IndicatorValue, len(vals))
		for i, iv := range vals {
			if !validDate(iv.Date) {
				return nil, apperr.Invalid(name, "value %d: date must be YYYY-MM-DD", i+1)
			}
			if math.IsNaN(iv.Value) || math.IsInf(iv.Value, 0) || math.Abs(iv.Value) > 1e15 {
				return nil, apperr.Invalid(name, "value %d: not a finite number", i+1)
			}
			note, err := record.Text(name, iv.Note, 0, maxNote)
			if err != nil {
				return nil, err
			}
			out[i] = IndicatorValue{Date: iv.Date, Value: iv.Value, Note: note}
		}
		return out, nil
	}
	return nil, apperr.Invalid(name, "unknown field %q", name)
}

func refExists(refs Refs, field, id string) bool {
	switch field {
	case "nationalGoals":
		return refs.IsNationalGoal(id)
	case "qualityDimensions":
		return refs.IsQualityDimension(id)
	case "themes":
		return refs.IsTheme(id)
	case "organisations", "responsible":
		return refs.OrganisationExists(id)
	}
	return true
}

func validDate(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// fieldNames lists the names of the fields that are set, in a fixed order.
func fieldNames(f *Fields) []string {
	var out []string
	for _, name := range allFields {
		if getField(f, name) != nil {
			out = append(out, name)
		}
	}
	return out
}

var allFields = []string{"responsible", "nationalGoals", "qualityDimensions", "themes", "organisations", "contact",
	"start", "end", "status", "progress", "baseline", "target", "values", "date", "meeting"}

// checkFields checks every field of a node of type typ: only fields of the type, each valid,
// and the cross-field rules (an action ends no earlier than it starts). It returns the fields
// normalised. refs may be nil (shape checks only).
func checkFields(typ string, f Fields, refs Refs) (Fields, error) {
	allowed := schemas[typ].fields
	var out Fields
	for _, name := range fieldNames(&f) {
		if !allowed[name] {
			return Fields{}, apperr.Invalid(name, "a %s has no field %q", typ, name)
		}
		v, err := checkValue(name, getField(&f, name), refs)
		if err != nil {
			return Fields{}, err
		}
		setField(&out, name, v)
	}
	if err := checkDates(out); err != nil {
		return Fields{}, err
	}
	return out, nil
}

// checkDates is the one cross-field rule: end is not before start.
func checkDates(f Fields) error {
	if f.Start != "" && f.End != "" && f.End < f.Start {
		return conflict(apperr.Invalid("end", "the end date is before the start date"))
	}
	return nil
}

// checkText checks the text fields of a node of type typ: only fields of the type, each within
// its length and valid UTF-8 with no NUL. Empty values are removed; an empty map becomes nil.
func checkText(typ string, text map[string]string) (map[string]string, error) {
	allowed := schemas[typ].text
	var out map[string]string
	for k, v := range text {
		max, ok := allowed[k]
		if !ok {
			return nil, apperr.Invalid("text", "a %s has no text field %q", typ, k)
		}
		if err := checkTextValue(k, v, max); err != nil {
			return nil, err
		}
		if v == "" {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[k] = v
	}
	return out, nil
}

func checkTextValue(field, v string, max int) error {
	if !utf8.ValidString(v) {
		return apperr.Invalid(field, "%s is not valid UTF-8", field)
	}
	if strings.ContainsRune(v, 0) {
		return apperr.Invalid(field, "%s contains a NUL character", field)
	}
	if ot.Len(v) > max {
		return conflict(apperr.Invalid(field, "%s is longer than %d characters", field, max))
	}
	return nil
}
