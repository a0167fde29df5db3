import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OTError, TextOperation, type OpComponent } from './textOperation';

// The shared vectors, also run by the Go package server/ot.
type Expect<T> = { result: T; error?: undefined } | { result?: undefined; error: string };
type ApplyVec = { name: string; doc: string; op: OpComponent[] } & Expect<string>;
type ComposeVec = { name: string; doc?: string; a: OpComponent[]; b: OpComponent[] } & Expect<OpComponent[]>;
type TransformVec = {
  name: string;
  doc?: string;
  a: OpComponent[];
  b: OpComponent[];
  aPrime?: OpComponent[];
  bPrime?: OpComponent[];
} & Expect<string>;
type InvertVec = { name: string; doc: string; op: OpComponent[] } & Expect<OpComponent[]>;
type DecodeVec = { name: string; json: string } & Expect<OpComponent[]>;
interface Vectors {
  apply: ApplyVec[];
  compose: ComposeVec[];
  transform: TransformVec[];
  invert: InvertVec[];
  decode: DecodeVec[];
}

const vectors = JSON.parse(
  readFileSync(new URL('../../../shared/ot/vectors.json', import.meta.url), 'utf8'),
) as Vectors;

const op = (json: OpComponent[]): TextOperation => TextOperation.fromJSON(json);

function errorKind(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return e instanceof OTError ? e.kind : `not an OTError: ${String(e)}`;
  }
}

describe('shared vectors', () => {
  it('has enough cases', () => {
    const n = Object.values(vectors).reduce((sum: number, v) => sum + (Array.isArray(v) ? v.length : 0), 0);
    expect(n - ((vectors as unknown as { comment: string[] }).comment?.length ?? 0)).toBeGreaterThanOrEqual(60);
  });

  describe('apply', () => {
    it.each(vectors.apply.map((v) => [v.name, v] as const))('%s', (_, v) => {
      if (v.error !== undefined) {
        expect(errorKind(() => op(v.op).apply(v.doc))).toBe(v.error);
      } else {
        expect(op(v.op).apply(v.doc)).toBe(v.result);
      }
    });
  });

  describe('compose', () => {
    it.each(vectors.compose.map((v) => [v.name, v] as const))('%s', (_, v) => {
      const a = op(v.a);
      const b = op(v.b);
      if (v.error !== undefined) {
        expect(errorKind(() => a.compose(b))).toBe(v.error);
        return;
      }
      const ab = a.compose(b);
      expect(ab.toJSON()).toEqual(v.result);
      expect(ab.equals(op(v.result))).toBe(true);
      if (v.doc !== undefined) expect(ab.apply(v.doc)).toBe(b.apply(a.apply(v.doc)));
    });
  });

  describe('transform', () => {
    it.each(vectors.transform.map((v) => [v.name, v] as const))('%s', (_, v) => {
      const a = op(v.a);
      const b = op(v.b);
      if (v.error !== undefined) {
        expect(errorKind(() => TextOperation.transform(a, b))).toBe(v.error);
        return;
      }
      const [aPrime, bPrime] = TextOperation.transform(a, b);
      expect(aPrime.toJSON()).toEqual(v.aPrime);
      expect(bPrime.toJSON()).toEqual(v.bPrime);
      if (v.doc !== undefined) {
        expect(bPrime.apply(a.apply(v.doc))).toBe(v.result);
        expect(aPrime.apply(b.apply(v.doc))).toBe(v.result);
      }
    });
  });

  describe('invert', () => {
    it.each(vectors.invert.map((v) => [v.name, v] as const))('%s', (_, v) => {
      const o = op(v.op);
      if (v.error !== undefined) {
        expect(errorKind(() => o.invert(v.doc))).toBe(v.error);
        return;
      }
      const inv = o.invert(v.doc);
      expect(inv.toJSON()).toEqual(v.result);
      expect(inv.apply(o.apply(v.doc))).toBe(v.doc);
    });
  });

  describe('decode', () => {
    it.each(vectors.decode.map((v) => [v.name, v] as const))('%s', (_, v) => {
      if (v.error !== undefined) {
        expect(errorKind(() => TextOperation.decode(v.json))).toBe(v.error);
      } else {
        const o = TextOperation.decode(v.json);
        expect(o.toJSON()).toEqual(v.result);
        expect(TextOperation.decode(JSON.stringify(o)).equals(o)).toBe(true);
      }
    });
  });
});

describe('TextOperation', () => {
  it('builds normalised operations like ot.js', () => {
    const o = new TextOperation().retain(2).retain(0).delete(1).insert('ä').insert('').delete(2).retain(1);
    expect(o.toJSON()).toEqual([2, 'ä', -3, 1]);
    expect(o.baseLength).toBe(6);
    expect(o.targetLength).toBe(4);
    expect(new TextOperation().retain(3).isNoop()).toBe(true);
    expect(new TextOperation().isNoop()).toBe(true);
    expect(new TextOperation().insert('x').isNoop()).toBe(false);
  });

  it('refuses invalid builder input', () => {
    expect(errorKind(() => new TextOperation().retain(-1))).toBe('invalid');
    expect(errorKind(() => new TextOperation().retain(1.5))).toBe('invalid');
    expect(errorKind(() => new TextOperation().insert('\ud83d'))).toBe('invalid');
    expect(errorKind(() => TextOperation.fromJSON({ ops: [1] }))).toBe('invalid');
  });

  it('counts UTF-16 units as the server does', () => {
    expect(op(['😀']).targetLength).toBe(2);
    expect(op(['äöå']).targetLength).toBe(3);
  });
});
