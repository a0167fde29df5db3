import { describe, expect, it } from 'vitest';
import { diffDocuments } from './diff';
import type { Nodes } from '../coedit/model';

const base: Nodes = {
  d: { id: 'd', type: 'action_plan', fields: {} },
  g1: { id: 'g1', type: 'goal', parent: 'd', list: 'goals', pos: 'a0', text: { title: 'Ohjaus kaikille' }, fields: {} },
  a1: { id: 'a1', type: 'action', parent: 'g1', list: 'actions', pos: 'a0', text: { title: 'Ohjaamo' }, fields: { status: 'planned' } },
  i1: { id: 'i1', type: 'indicator', parent: 'a1', list: 'indicators', pos: 'a0', text: { name: 'Kävijät' }, fields: {} },
};

describe('diffDocuments', () => {
  it('finds nothing between equal documents', () => {
    expect(diffDocuments(base, structuredClone(base), 'd')).toEqual([]);
  });

  it('reports texts word by word, values, additions and removals in outline order', () => {
    const after = structuredClone(base);
    after.g1.text = { title: 'Ohjaus kaikille nuorille' };
    after.a1.fields = { status: 'done' };
    after.g2 = { id: 'g2', type: 'goal', parent: 'd', list: 'goals', pos: 'a1', text: { title: 'Uusi' }, fields: {} };
    delete after.i1;
    const got = diffDocuments(base, after, 'd');
    expect(got.map((c) => [c.id, c.kind])).toEqual([
      ['g1', 'changed'],
      ['a1', 'changed'],
      ['g2', 'added'],
      ['i1', 'removed'],
    ]);
    expect(got[0].texts[0].parts).toEqual([{ value: 'Ohjaus kaikille' }, { value: ' nuorille', added: true }]);
    expect(got[1].fields).toEqual([{ field: 'status', before: 'planned', after: 'done' }]);
  });

  it('reports a removed subtree once, at its top', () => {
    const after = structuredClone(base);
    delete after.a1;
    delete after.i1;
    expect(diffDocuments(base, after, 'd').map((c) => [c.id, c.kind])).toEqual([['a1', 'removed']]);
  });
});
