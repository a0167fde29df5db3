import { describe, expect, it } from 'vitest';
import { emptyFields } from './api';
import { diffVersions } from './diff';

describe('diffVersions', () => {
  it('lists only changed fields, word by word, in template order', () => {
    const a = { ...emptyFields(), name: 'Jalkautuva Ohjaamo', results: 'Tavoitimme 300 nuorta.' };
    const b = { ...a, results: 'Tavoitimme 600 nuorta.', summary: 'Uusi' };
    const d = diffVersions(a, b);
    expect(d.map((x) => x.field)).toEqual(['summary', 'results']);
    const results = d[1].parts;
    expect(results.filter((p) => p.removed).map((p) => p.value)).toEqual(['300']);
    expect(results.filter((p) => p.added).map((p) => p.value)).toEqual(['600']);
  });
  it('compares the contact person and extra fields', () => {
    const a = { ...emptyFields(), contact: { name: 'Kaisa', email: '', phone: '' } };
    const b = { ...a, contact: { name: 'Kaisa', email: 'k@x.fi', phone: '' } };
    expect(diffVersions(a, b, [{ field: 'themes', a: 'Ohjaamot', b: 'Ohjaamot, Laatutyö' }]).map((x) => x.field)).toEqual(['contact', 'themes']);
  });
  it('finds nothing between equal versions', () => {
    expect(diffVersions(emptyFields(), emptyFields())).toEqual([]);
  });
});
