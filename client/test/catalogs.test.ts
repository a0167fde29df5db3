import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fi from '../../shared/i18n/fi.json';
import sv from '../../shared/i18n/sv.json';
import en from '../../shared/i18n/en.json';
import { ORGANISATION_TYPES, ROLES } from '../src/api/types';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [k2, v2] of flatten(v, key)) out.set(k2, v2);
  }
  return out;
}

const catalogs = { fi: flatten(fi as Tree), sv: flatten(sv as Tree), en: flatten(en as Tree) };

/** The enum values listed under `name:` in components.schemas of the OpenAPI document. */
function openApiEnum(name: string): string[] {
  const doc = readFileSync(fileURLToPath(new URL('../../shared/api/openapi.yaml', import.meta.url)), 'utf8');
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l === `    ${name}:`);
  if (start < 0) {
    const inline = doc.match(new RegExp(`\\n    ${name}: \\{[^\\n]*enum: \\[([^\\]]*)\\]`));
    if (!inline) throw new Error(`${name} not found`);
    return inline[1].split(',').map((s) => s.trim());
  }
  const values: string[] = [];
  let inEnum = false;
  for (const line of lines.slice(start + 1)) {
    if (/^ {4}\S/.test(line)) break;
    const inlineEnum = line.match(/enum: \[([^\]]*)\]/);
    if (inlineEnum) return inlineEnum[1].split(',').map((s) => s.trim());
    if (/^\s+enum:\s*$/.test(line)) {
      inEnum = true;
      continue;
    }
    const item = line.match(/^\s+- (\w+)\s*$/);
    if (inEnum && item) values.push(item[1]);
    else if (inEnum && values.length) break;
  }
  return values;
}

describe('i18n catalogs', () => {
  it('have identical key sets in fi, sv and en', () => {
    const fiKeys = [...catalogs.fi.keys()].sort();
    expect([...catalogs.sv.keys()].sort()).toEqual(fiKeys);
    expect([...catalogs.en.keys()].sort()).toEqual(fiKeys);
  });

  it('have no empty strings', () => {
    for (const [lang, map] of Object.entries(catalogs)) {
      for (const [k, v] of map) expect(v.trim(), `${lang}:${k}`).not.toBe('');
    }
  });

  it('translate every ErrorCode of the OpenAPI document', () => {
    const codes = openApiEnum('ErrorCode');
    expect(codes.length).toBeGreaterThan(20);
    expect(codes).toContain('internal');
    for (const [lang, map] of Object.entries(catalogs)) {
      for (const code of codes) expect(map.has(`errors.${code}`), `${lang}: errors.${code}`).toBe(true);
    }
  });

  it('translate every role and organisation type', () => {
    expect(openApiEnum('Role')).toEqual(ROLES);
    expect(openApiEnum('OrganisationType')).toEqual(ORGANISATION_TYPES);
    for (const map of Object.values(catalogs)) {
      for (const r of ROLES) expect(map.has(`roles.${r}`)).toBe(true);
      for (const ty of ORGANISATION_TYPES) expect(map.has(`organisationTypes.${ty}`)).toBe(true);
    }
  });

  it('translate the activity verbs with the same placeholders', () => {
    const verbs = ['member_joined', 'member_removed', 'role_changed', 'invitation_sent', 'invitation_resent', 'invitation_revoked', 'workspace_created', 'workspace_updated'];
    for (const verb of verbs) {
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      const fiP = placeholders(catalogs.fi.get(`activity.${verb}`) ?? '');
      expect(fiP).toContain('actor');
      expect(placeholders(catalogs.sv.get(`activity.${verb}`) ?? '')).toEqual(fiP);
      expect(placeholders(catalogs.en.get(`activity.${verb}`) ?? '')).toEqual(fiP);
    }
  });
});

describe('source', () => {
  it('uses only translation keys that exist', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const srcDir = fileURLToPath(new URL('../src', import.meta.url));
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(srcDir);
    const missing: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\('([a-zA-Z]+\.[\w.]+)'/g)) {
        const key = m[1];
        if (!catalogs.fi.has(key) && !catalogs.fi.has(`${key}_one`)) missing.push(`${f}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
