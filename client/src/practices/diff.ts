// Comparing two published versions of a practice field by field, word by word.
import { diffWordsWithSpace } from 'diff';
import { LONG_FIELDS, type PracticeFields } from './api';

export interface Part {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface FieldDiff {
  field: string;
  parts: Part[];
}

/** The text fields compared, in template order. */
export const COMPARED = ['name', 'summary', ...LONG_FIELDS, 'contact'] as const;

function text(f: PracticeFields, field: string): string {
  if (field === 'contact') return [f.contact?.name, f.contact?.email, f.contact?.phone].filter(Boolean).join(', ');
  const v = (f as unknown as Record<string, unknown>)[field];
  return typeof v === 'string' ? v : '';
}

/** Each text field that differs between a and b, with its word-level changes. */
export function diffVersions(a: PracticeFields, b: PracticeFields, extra: { field: string; a: string; b: string }[] = []): FieldDiff[] {
  const out: FieldDiff[] = [];
  const pairs = [...COMPARED.map((field) => ({ field, a: text(a, field), b: text(b, field) })), ...extra];
  for (const { field, a: x, b: y } of pairs) {
    if (x === y) continue;
    out.push({
      field,
      parts: diffWordsWithSpace(x, y).map((p) => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined })),
    });
  }
  return out;
}
