// The ot.js TextOperation model (https://github.com/Operational-Transformation/ot.js), the
// same as the server's Go package server/ot. Both run the shared vectors in shared/ot.
//
// An operation is a list of components an imaginary cursor runs through from the start of a
// document to its end. JSON form: retain = positive integer, insert = string, delete =
// negative integer, e.g. [5, "Hei ", -3, 10]. Lengths count UTF-16 code units, which is what
// JavaScript strings count: ä/ö/å are one unit, an emoji such as 😀 is a surrogate pair of
// two. A retain or delete that ends inside a surrogate pair is refused (surrogate_split),
// and inserted text must not contain lone surrogates.

/** One component in JSON form: retain (> 0), delete (< 0) or insert (string). */
export type OpComponent = number | string;

/** Error kinds, identical to the Go package's sentinel errors and the shared vectors. */
export type OTErrorKind = 'invalid' | 'base_length' | 'surrogate_split';

export class OTError extends Error {
  readonly kind: OTErrorKind;

  constructor(kind: OTErrorKind, message: string) {
    super(message);
    this.name = 'OTError';
    this.kind = kind;
  }
}

/** Largest base or target length of an operation, in UTF-16 units (the server's MaxLength). */
export const MAX_LENGTH = 2 ** 30;

export const isRetain = (op: OpComponent | undefined): op is number => typeof op === 'number' && op > 0;
export const isInsert = (op: OpComponent | undefined): op is string => typeof op === 'string';
export const isDelete = (op: OpComponent | undefined): op is number => typeof op === 'number' && op < 0;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** True if position pos of s falls between the two halves of a surrogate pair. */
function splitsPair(s: string, pos: number): boolean {
  return pos > 0 && pos < s.length && isHigh(s.charCodeAt(pos - 1)) && isLow(s.charCodeAt(pos));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True if s is well-formed UTF-16 (no lone surrogates), so it can cross to the Go server. */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

function checkLength(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_LENGTH) {
    throw new OTError('invalid', `${what} expects an integer between 0 and ${MAX_LENGTH}, got ${n}`);
  }
}

export class TextOperation {
  /** The normalised components; treat as read-only. */
  readonly ops: OpComponent[] = [];
  /** UTF-16 length of the documents this operation applies to. */
  baseLength = 0;
  /** UTF-16 length of the document that applying it produces. */
  targetLength = 0;

  // Builder methods. They append one component, keep the operation normalised (no empty
  // components, neighbours of one kind merged, insert before delete) and return this.

  /** Skips n units. */
  retain(n: number): this {
    checkLength(n, 'retain');
    if (n === 0) return this;
    this.baseLength += n;
    this.targetLength += n;
    const last = this.ops.length - 1;
    if (isRetain(this.ops[last])) this.ops[last] = (this.ops[last] as number) + n;
    else this.ops.push(n);
    return this;
  }

  /** Inserts str at the cursor. str must not contain lone surrogates. */
  insert(str: string): this {
    if (typeof str !== 'string' || !isWellFormed(str)) {
      throw new OTError('invalid', 'insert expects a well-formed string');
    }
    if (str === '') return this;
    this.targetLength += str.length;
    const ops = this.ops;
    const last = ops.length - 1;
    if (isInsert(ops[last])) {
      ops[last] = (ops[last] as string) + str;
    } else if (isDelete(ops[last])) {
      // An insert next to a delete goes before it, so equal effects give equal operations.
      if (isInsert(ops[last - 1])) {
        ops[last - 1] = (ops[last - 1] as string) + str;
      } else {
        ops.push(ops[last] as number);
        ops[last] = str;
      }
    } else {
      ops.push(str);
    }
    return this;
  }

  /** Deletes the next n units (a positive count; a negative one is taken as its magnitude). */
  delete(n: number): this {
    if (typeof n === 'number' && n < 0) n = -n;
    checkLength(n, 'delete');
    if (n === 0) return this;
    this.baseLength += n;
    const last = this.ops.length - 1;
    if (isDelete(this.ops[last])) this.ops[last] = (this.ops[last] as number) - n;
    else this.ops.push(-n);
    return this;
  }

  /** True if applying the operation leaves every document unchanged. */
  isNoop(): boolean {
    return this.ops.length === 0 || (this.ops.length === 1 && isRetain(this.ops[0]));
  }

  equals(other: TextOperation): boolean {
    if (this.baseLength !== other.baseLength || this.targetLength !== other.targetLength) return false;
    if (this.ops.length !== other.ops.length) return false;
    return this.ops.every((op, i) => op === other.ops[i]);
  }

  toJSON(): OpComponent[] {
    return this.ops.slice();
  }

  toString(): string {
    return JSON.stringify(this.ops);
  }

  /**
   * Validates a parsed JSON value and builds a normalised operation from it. Refuses (kind
   * 'invalid') anything but an array of non-zero integers within ±MAX_LENGTH and well-formed
   * strings, and operations whose lengths exceed MAX_LENGTH.
   */
  static fromJSON(value: unknown): TextOperation {
    if (!Array.isArray(value)) throw new OTError('invalid', 'an operation is a JSON array');
    const o = new TextOperation();
    value.forEach((op: unknown, i) => {
      if (typeof op === 'number') {
        if (!Number.isInteger(op) || op === 0 || Math.abs(op) > MAX_LENGTH) {
          throw new OTError('invalid', `element ${i}: ${op} is not a non-zero integer within ±${MAX_LENGTH}`);
        }
        if (op > 0) o.retain(op);
        else o.delete(-op);
      } else if (typeof op === 'string') {
        if (!isWellFormed(op)) throw new OTError('invalid', `element ${i}: insert text has a lone surrogate`);
        o.insert(op);
      } else {
        throw new OTError('invalid', `element ${i}: expected a number or a string`);
      }
      if (o.baseLength > MAX_LENGTH || o.targetLength > MAX_LENGTH) {
        throw new OTError('invalid', `longer than ${MAX_LENGTH} units`);
      }
    });
    return o;
  }

  /** Parses JSON text and validates it with fromJSON. */
  static decode(text: string): TextOperation {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new OTError('invalid', `not JSON: ${(e as Error).message}`);
    }
    return TextOperation.fromJSON(value);
  }

  /** Applies the operation to doc, whose length must be the base length. */
  apply(doc: string): string {
    if (doc.length !== this.baseLength) {
      throw new OTError('base_length', `operation base length ${this.baseLength}, document length ${doc.length}`);
    }
    const parts: string[] = [];
    let pos = 0;
    for (const op of this.ops) {
      if (isInsert(op)) {
        parts.push(op);
        continue;
      }
      const end = pos + Math.abs(op);
      if (splitsPair(doc, end)) {
        throw new OTError('surrogate_split', `position ${end} is inside a surrogate pair`);
      }
      if (isRetain(op)) parts.push(doc.slice(pos, end));
      pos = end;
    }
    return parts.join('');
  }

  /** The operation that undoes this one on doc (the document it was applied to). */
  invert(doc: string): TextOperation {
    if (doc.length !== this.baseLength) {
      throw new OTError('base_length', `operation base length ${this.baseLength}, document length ${doc.length}`);
    }
    const inverse = new TextOperation();
    let pos = 0;
    for (const op of this.ops) {
      if (isInsert(op)) {
        inverse.delete(op.length);
        continue;
      }
      const end = pos + Math.abs(op);
      if (splitsPair(doc, end)) {
        throw new OTError('surrogate_split', `position ${end} is inside a surrogate pair`);
      }
      if (isRetain(op)) inverse.retain(op);
      else inverse.insert(doc.slice(pos, end));
      pos = end;
    }
    return inverse;
  }

  /** This operation followed by other, as one: apply(apply(S, a), b) = apply(S, a.compose(b)). */
  compose(other: TextOperation): TextOperation {
    if (this.targetLength !== other.baseLength) {
      throw new OTError(
        'base_length',
        `compose: first target length ${this.targetLength}, second base length ${other.baseLength}`,
      );
    }
    const out = new TextOperation();
    const ops1 = this.ops;
    const ops2 = other.ops;
    let i1 = 0;
    let i2 = 0;
    let op1: OpComponent | undefined = ops1[i1++];
    let op2: OpComponent | undefined = ops2[i2++];
    const cut = (s: string, n: number): void => {
      if (splitsPair(s, n)) throw new OTError('surrogate_split', 'compose: cuts an inserted surrogate pair');
    };
    for (;;) {
      if (op1 === undefined && op2 === undefined) return out;
      if (isDelete(op1)) {
        out.delete(op1);
        op1 = ops1[i1++];
        continue;
      }
      if (isInsert(op2)) {
        out.insert(op2);
        op2 = ops2[i2++];
        continue;
      }
      if (op1 === undefined || op2 === undefined) {
        throw new OTError('base_length', 'compose: operations of inconsistent length');
      }
      const len1: number = isInsert(op1) ? op1.length : op1;
      const len2: number = Math.abs(op2);
      const m = Math.min(len1, len2);
      if (isRetain(op1)) {
        if (isRetain(op2)) out.retain(m);
        else out.delete(m);
      } else if (isInsert(op1)) {
        if (m < len1) cut(op1, m);
        if (isRetain(op2)) out.insert(op1.slice(0, m));
      }
      // Advance: what is left of each component, or the next one.
      if (len1 === m) op1 = ops1[i1++];
      else op1 = isInsert(op1) ? op1.slice(m) : op1 - m;
      if (len2 === m) op2 = ops2[i2++];
      else op2 = op2 > 0 ? op2 - m : op2 + m;
    }
  }

  /**
   * Transforms concurrent operations a and b (same base document) into [a', b'] with
   * apply(apply(S, a), b') = apply(apply(S, b), a'). On inserts at the same position a's
   * text comes first.
   */
  static transform(a: TextOperation, b: TextOperation): [TextOperation, TextOperation] {
    if (a.baseLength !== b.baseLength) {
      throw new OTError('base_length', `transform: base lengths ${a.baseLength} and ${b.baseLength}`);
    }
    const aPrime = new TextOperation();
    const bPrime = new TextOperation();
    const ops1 = a.ops;
    const ops2 = b.ops;
    let i1 = 0;
    let i2 = 0;
    let op1: OpComponent | undefined = ops1[i1++];
    let op2: OpComponent | undefined = ops2[i2++];
    for (;;) {
      if (op1 === undefined && op2 === undefined) return [aPrime, bPrime];
      if (isInsert(op1)) {
        aPrime.insert(op1);
        bPrime.retain(op1.length);
        op1 = ops1[i1++];
        continue;
      }
      if (isInsert(op2)) {
        aPrime.retain(op2.length);
        bPrime.insert(op2);
        op2 = ops2[i2++];
        continue;
      }
      if (op1 === undefined || op2 === undefined) {
        throw new OTError('base_length', 'transform: operations of inconsistent length');
      }
      const m = Math.min(Math.abs(op1), Math.abs(op2));
      if (isRetain(op1) && isRetain(op2)) {
        aPrime.retain(m);
        bPrime.retain(m);
      } else if (isDelete(op1) && isRetain(op2)) {
        aPrime.delete(m);
      } else if (isRetain(op1) && isDelete(op2)) {
        bPrime.delete(m);
      } // delete/delete: both removed the same text.
      if (Math.abs(op1) === m) op1 = ops1[i1++];
      else op1 = op1 > 0 ? op1 - m : op1 + m;
      if (Math.abs(op2) === m) op2 = ops2[i2++];
      else op2 = op2 > 0 ? op2 - m : op2 + m;
    }
  }
}

/** Convenience: a.compose(b). */
export function compose(a: TextOperation, b: TextOperation): TextOperation {
  return a.compose(b);
}

/** Convenience: TextOperation.transform(a, b). */
export function transform(a: TextOperation, b: TextOperation): [TextOperation, TextOperation] {
  return TextOperation.transform(a, b);
}
