// Package plans is the co-edited document model of shared/coedit/PROTOCOL.md: regional
// strategies, action plans and situation descriptions as a flat map of nodes, the schema that
// says which node goes where and what it holds, the five operations that change a document,
// their server-side transformation over concurrent changes, and the plan workflow
// (draft -> approved -> followed up -> closed).
//
// It is pure domain logic: no storage, no network. The room that serialises a document's
// changes calls Accept with each client change and the changes accepted since the client's
// base revision; Accept transforms, validates and applies it, all or nothing.
package plans

import "time"

// Kinds of document. The root node's type is the document's kind.
const (
	Strategy   = "strategy"
	ActionPlan = "action_plan"
	Situation  = "situation"
)

// Node types below the root.
const (
	TypeSection   = "section"   // strategy and situation: a titled section
	TypeValue     = "value"     // strategy: one of the values
	TypeGoal      = "goal"      // action plan: a goal linked to national goals
	TypeAction    = "action"    // action plan: an action under a goal
	TypeIndicator = "indicator" // action plan: how an action's effect is measured
	TypeFollowup  = "followup"  // action plan: a follow-up entry written at a meeting
)

// Workflow statuses of a document. Action plans go through all four; strategies and situation
// descriptions are draft or approved.
const (
	StatusDraft      = "draft"
	StatusApproved   = "approved"
	StatusFollowedUp = "followed_up"
	StatusClosed     = "closed"
)

// Statuses of an action (the `status` field of an action node).
const (
	ActionPlanned    = "planned"
	ActionInProgress = "in_progress"
	ActionDone       = "done"
	ActionPostponed  = "postponed"
	ActionCancelled  = "cancelled"
)

// Limits.
const (
	MaxOpsPerChange  = 100
	MaxNodes         = 5000 // per document
	MaxIndicatorVals = 200  // recorded values of one indicator
	MaxIDList        = 100  // ids in one list field (organisations, national goals, ...)
)

// Document is one co-edited document: metadata and a flat map of nodes by id. The root node
// has the document's id and its kind as type.
type Document struct {
	ID          string           `json:"id" bson:"_id"`
	WorkspaceID string           `json:"workspaceId" bson:"workspaceId"`
	Kind        string           `json:"kind" bson:"kind"`
	Title       string           `json:"title" bson:"title"`
	Period      string           `json:"period" bson:"period"` // e.g. "2026" or "2025-2027"
	Status      string           `json:"status" bson:"status"`
	Revision    int64            `json:"revision" bson:"revision"` // of the last accepted change
	Nodes       map[string]*Node `json:"nodes" bson:"-"`           // stored by documents as one JSON text (Record.Content)
	CreatedAt   time.Time        `json:"createdAt" bson:"createdAt"`
	UpdatedAt   time.Time        `json:"updatedAt" bson:"updatedAt"`
	Version     int              `json:"version" bson:"version"` // of the stored record
}

// Node is one element of a document: the root, a section, a goal, an action, an indicator, a
// follow-up entry. Parent and List place it in one of its parent's ordered lists; Pos orders
// siblings (string comparison, ties by id).
//
// Nodes in a Document are never changed in place: Apply replaces a changed node by a new one.
// That makes a shallow copy of Nodes a snapshot, and lets a failed change be rolled back.
type Node struct {
	ID     string            `json:"id" bson:"id"`
	Type   string            `json:"type" bson:"type"`
	Parent string            `json:"parent,omitempty" bson:"parent,omitempty"`
	List   string            `json:"list,omitempty" bson:"list,omitempty"`
	Pos    string            `json:"pos,omitempty" bson:"pos,omitempty"`
	Text   map[string]string `json:"text,omitempty" bson:"text,omitempty"`
	Fields Fields            `json:"fields" bson:"fields"`
}

// Fields are the scalar fields of a node; which ones a node may have depends on its type (see
// schema.go). The zero value of each means "not set". Typed fields, rather than a map of any,
// keep values identical through JSON and BSON round trips and make validation plain.
type Fields struct {
	Responsible       []string         `json:"responsible,omitempty" bson:"responsible,omitempty"`             // strategy root: organisation ids
	NationalGoals     []string         `json:"nationalGoals,omitempty" bson:"nationalGoals,omitempty"`         // goal
	QualityDimensions []string         `json:"qualityDimensions,omitempty" bson:"qualityDimensions,omitempty"` // goal
	Themes            []string         `json:"themes,omitempty" bson:"themes,omitempty"`                       // goal: theme reference ids
	Organisations     []string         `json:"organisations,omitempty" bson:"organisations,omitempty"`         // action: responsible organisations
	Contact           string           `json:"contact,omitempty" bson:"contact,omitempty"`                     // action: contact person
	Start             string           `json:"start,omitempty" bson:"start,omitempty"`                         // action: YYYY-MM-DD
	End               string           `json:"end,omitempty" bson:"end,omitempty"`                             // action: YYYY-MM-DD, not before Start
	Status            string           `json:"status,omitempty" bson:"status,omitempty"`                       // action: ActionPlanned, ...
	Progress          *float64         `json:"progress,omitempty" bson:"progress,omitempty"`                   // action: 0-100
	Baseline          *float64         `json:"baseline,omitempty" bson:"baseline,omitempty"`                   // indicator
	Target            *float64         `json:"target,omitempty" bson:"target,omitempty"`                       // indicator
	Values            []IndicatorValue `json:"values,omitempty" bson:"values,omitempty"`                       // indicator: recorded values
	Date              string           `json:"date,omitempty" bson:"date,omitempty"`                           // follow-up: YYYY-MM-DD
	Meeting           string           `json:"meeting,omitempty" bson:"meeting,omitempty"`                     // follow-up: meeting record id
}

// IndicatorValue is one recorded value of an indicator.
type IndicatorValue struct {
	Date  string  `json:"date" bson:"date"` // YYYY-MM-DD
	Value float64 `json:"value" bson:"value"`
	Note  string  `json:"note,omitempty" bson:"note,omitempty"`
}

// Refs checks references to reference data and organisations. A nil Refs checks only the
// shape of the ids (record.Valid).
type Refs interface {
	IsNationalGoal(id string) bool
	IsQualityDimension(id string) bool
	IsTheme(id string) bool
	OrganisationExists(id string) bool
}

// Root is the root node of the document (nil only for a broken document).
func (d *Document) Root() *Node { return d.Nodes[d.ID] }

// Clone returns a copy of the document that shares its (immutable) nodes.
func (d *Document) Clone() *Document {
	c := *d
	c.Nodes = make(map[string]*Node, len(d.Nodes))
	for id, n := range d.Nodes {
		c.Nodes[id] = n
	}
	return &c
}

// clone returns a deep copy of the node, to be changed and put in place of the original.
func (n *Node) clone() *Node {
	c := *n
	if n.Text != nil {
		c.Text = make(map[string]string, len(n.Text))
		for k, v := range n.Text {
			c.Text[k] = v
		}
	}
	c.Fields = n.Fields.clone()
	return &c
}

func (f Fields) clone() Fields {
	c := f
	c.Responsible = cloneSlice(f.Responsible)
	c.NationalGoals = cloneSlice(f.NationalGoals)
	c.QualityDimensions = cloneSlice(f.QualityDimensions)
	c.Themes = cloneSlice(f.Themes)
	c.Organisations = cloneSlice(f.Organisations)
	c.Values = cloneSlice(f.Values)
	c.Progress = clonePtr(f.Progress)
	c.Baseline = clonePtr(f.Baseline)
	c.Target = clonePtr(f.Target)
	return c
}

func cloneSlice[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return append([]T(nil), s...)
}

func clonePtr(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
