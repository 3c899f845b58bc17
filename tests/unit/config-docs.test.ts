// The configuration is declared once, in server/src/config.schema.ts; the
// README's table and .env.example must say the same names and defaults.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../server/src/config.schema.js';
import { envExamplePath, renderEnvExample } from '../../scripts/env-example.js';

const schemaDefaults = new Map(
  Object.entries(configSchema.properties).map(([name, s]) => [name, (s as { default?: unknown }).default]),
);

/** A cell of the table per variable, from the table under "## Configuration" (rows like "| `A` / `B` | `1` / `2` | 1-9 / — | meaning |"). */
function readmeTable(column: 'default' | 'bounds' = 'default'): Map<string, string> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1]?.startsWith('`')) continue;
    const names = cells[1].split(' / ').map((n) => n.replace(/`/g, ''));
    const cell = cells[column === 'default' ? 2 : 3]!;
    const values = cell.split(' / ');
    for (const [i, name] of names.entries()) {
      rows.set(name, (names.length === values.length ? values[i] : cell)!);
    }
  }
  return rows;
}

type Bounded = { minimum?: number; maximum?: number; minLength?: number; maxLength?: number };

/** How the table writes a setting's bounds: `10-86400`, `8-72 chars`, `≥ 32 chars`; '' when it has none worth saying. */
function boundsOf(s: Bounded): string {
  if (s.minimum !== undefined || s.maximum !== undefined) return `${s.minimum ?? ''}-${s.maximum ?? ''}`;
  // minLength 1 only says "not empty": not a bound a reader needs.
  if ((s.minLength ?? 0) > 1 || s.maxLength !== undefined)
    return s.maxLength !== undefined ? `${s.minLength ?? 0}-${s.maxLength} chars` : `≥ ${s.minLength} chars`;
  return '';
}

describe('configuration docs', () => {
  it('README table names every variable of the schema and nothing else', () => {
    expect([...readmeTable().keys()].sort()).toEqual([...schemaDefaults.keys()].sort());
  });

  it('README table gives each variable the default of the schema', () => {
    const wrong: string[] = [];
    for (const [name, cell] of readmeTable()) {
      const def = schemaDefaults.get(name);
      // A variable without a default is described ("unset = …", "random in development"), not given a value.
      const ok = def === undefined || def === '' ? !/^`[^`]+`$/.test(cell) : cell.startsWith(`\`${String(def)}\``);
      if (!ok) wrong.push(`${name}: README says ${cell}, schema default is ${JSON.stringify(def)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('README table gives the bounds of the schema for every bounded variable, and none for the others', () => {
    const wrong: string[] = [];
    for (const [name, cell] of readmeTable('bounds')) {
      const expected = boundsOf(configSchema.properties[name as keyof typeof configSchema.properties] as Bounded);
      const shown = cell === '—' ? '' : cell;
      if (shown !== expected) wrong.push(`${name}: README says "${cell}", the schema's bounds are "${expected}"`);
    }
    expect(wrong).toEqual([]);
    expect(readmeTable('bounds').get('ACCESS_TOKEN_TTL')).toBe('10-86400');
  });

  it('.env.example is the rendering of the schema (regenerate with `pnpm gen:env`)', () => {
    expect(readFileSync(envExamplePath, 'utf8')).toBe(renderEnvExample());
  });

  it('every variable has a meaning in the schema', () => {
    const undocumented = Object.entries(configSchema.properties)
      .filter(([, s]) => !(s as { description?: string }).description)
      .map(([n]) => n);
    expect(undocumented).toEqual([]);
  });
});
