// Package ot is the text operational-transformation core of real-time co-editing.
//
// It implements the ot.js TextOperation model
// (https://github.com/Operational-Transformation/ot.js) so that the Go server and the
// TypeScript client (client/src/ot) exchange and transform the very same operations.
//
// An Operation is a list of components that an imaginary cursor runs through from the start
// of a document to its end:
//
//   - Retain(n): skip n units, keeping them;
//   - Insert(s): insert s at the cursor;
//   - Delete(n): remove the next n units.
//
// Its JSON form is the ot.js one, an array in which a retain is a positive integer, an insert
// a string and a delete a negative integer: [5, "Hei ", -3, 10]. Operations are kept
// normalised as ot.js keeps them: no zero-length components, adjacent components of the same
// kind merged, and an insert that meets a delete placed before it. Two operations with the
// same effect on every document of their base length are therefore equal.
//
// # Lengths are UTF-16 code units
//
// Positions and lengths count UTF-16 code units, exactly as JavaScript's String.length does,
// because the other end of every operation is a browser. Finnish ä, ö and å are one unit
// each; an emoji outside the Basic Multilingual Plane (😀) is a surrogate pair of two units.
// Go strings are UTF-8, so this package converts while walking them. An operation whose
// retain or delete boundary would fall between the two halves of a surrogate pair, in the
// document or inside inserted text, is refused with ErrSurrogateSplit; insert text must be
// valid Unicode (no lone surrogates), and documents must be valid UTF-8.
//
// # Laws
//
// For a document S and operations a, b:
//
//   - Apply(Apply(S, a), b) == Apply(S, Compose(a, b))            (composition)
//   - a', b' := Transform(a, b) with a, b concurrent on S:
//     Apply(Apply(S, a), b') == Apply(Apply(S, b), a')         (convergence, TP1)
//   - Apply(Apply(S, a), a.Invert(S)) == S                          (undo)
//
// Transform gives its first argument priority: when both operations insert at the same
// position, the first one's text ends up first. The server transforms a client's operation
// over the operations accepted since its base revision with the client's operation as the
// first argument, and the client transforms its pending operation the same way, so both
// sides break ties identically.
//
// Errors are the sentinel values ErrInvalid, ErrBaseLength, ErrSurrogateSplit,
// ErrInvalidDocument and ErrRevision (use errors.Is); the calling layer maps them to API
// error codes. No input makes this package panic.
//
// Client is the ot.js client state machine (Synchronized, AwaitingConfirm,
// AwaitingWithBuffer), used by tests and load tools that act as editors.
package ot
