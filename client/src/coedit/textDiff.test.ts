import { describe, expect, it } from 'vitest';
import { TextOperation } from '../ot/textOperation';
import { diffOp, transformIndex } from './textDiff';

describe('diffOp', () => {
  const cases: [string, string, unknown[]][] = [
    ['', 'a', ['a']],
    ['abc', 'abc', [3]],
    ['abc', 'abXc', [2, 'X', 1]],
    ['abc', 'ac', [1, -1, 1]],
    ['aaa', 'aaaa', [3, 'a']],
    ['hello world', 'hello brave new world', [6, 'brave new ', 5]],
    ['Kainuu', '', [-6]],
  ];
  for (const [a, b, want] of cases) {
    it(`${JSON.stringify(a)} -> ${JSON.stringify(b)}`, () => {
      const op = diffOp(a, b);
      expect(op.toJSON()).toEqual(want);
      expect(op.apply(a)).toBe(b);
    });
  }

  it('never splits a surrogate pair', () => {
    const a = 'x😀y';
    const b = 'x😁y'; // same high surrogate, different low one
    const op = diffOp(a, b);
    expect(op.apply(a)).toBe(b);
    expect(op.toJSON()).toEqual([1, '😁', -2, 1]);
  });
});

describe('transformIndex', () => {
  it('moves a caret after text inserted before it and pulls it back over deletions', () => {
    const ins = TextOperation.fromJSON([2, 'abc', 5]);
    expect(transformIndex(1, ins)).toBe(1);
    expect(transformIndex(4, ins)).toBe(7);
    const del = TextOperation.fromJSON([1, -3, 3]);
    expect(transformIndex(0, del)).toBe(0);
    expect(transformIndex(2, del)).toBe(1);
    expect(transformIndex(6, del)).toBe(3);
  });
});
