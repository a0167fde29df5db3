import { describe, expect, it } from 'vitest';
import { compact, fromQuery, marked, toQuery } from './api';

describe('marked', () => {
  it('turns escaped HTML with <mark> into text pieces', () => {
    expect(marked('&lt;b&gt; <mark>Ohjaamon</mark> &amp; co')).toEqual([
      { text: '<b> ', mark: false },
      { text: 'Ohjaamon', mark: true },
      { text: ' & co', mark: false },
    ]);
  });
  it('keeps anything else as text', () => {
    expect(marked('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', mark: false }]);
  });
  it('handles several marks and none', () => {
    expect(marked('')).toEqual([]);
    expect(marked('<mark>a</mark>b<mark>c</mark>').map((m) => m.mark)).toEqual([true, false, true]);
  });
});

describe('query', () => {
  it('round-trips through the URL, leaving empty values out', () => {
    const q = toQuery({ q: 'ohjaamo', type: 'plan', region: '', offset: 20 });
    expect(q).toEqual({ q: 'ohjaamo', type: 'plan', offset: '20' });
    expect(fromQuery(new URLSearchParams(q))).toMatchObject({ q: 'ohjaamo', type: 'plan', offset: 20, region: '' });
  });
});

describe('compact', () => {
  it('keeps the words just before the first match', () => {
    const c = compact(marked('a long text about many things before <mark>Ohjaamon</mark> work'), 16);
    expect(c[0]).toEqual({ text: '…things before ', mark: false });
    expect(c[1]).toEqual({ text: 'Ohjaamon', mark: true });
  });
  it('leaves short leads and leading matches alone', () => {
    expect(compact(marked('<mark>a</mark> b'), 5)).toEqual(marked('<mark>a</mark> b'));
    expect(compact(marked('ab <mark>c</mark>'), 5)).toEqual(marked('ab <mark>c</mark>'));
  });
});
