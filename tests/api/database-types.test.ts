// server/src/db/database.ts restates the migrated schema by hand (so each
// column keeps its doc comment). This test is what keeps the two equal: it
// reads the `Database` interface with TypeScript's parser and compares every
// table and column — name, nullability, default, type — with what the
// migrations actually built, on PGlite and on Postgres alike.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

interface DeclaredColumn {
  table: string;
  column: string;
  /** The column's TypeScript type without `Generated<…>` and `| null`. */
  base: string;
  nullable: boolean;
  generated: boolean;
}

interface MigratedColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
  has_default: boolean;
}

const source = new URL('../../server/src/db/database.ts', import.meta.url);

/** The tables and columns `Database` declares, read from the source. */
function declaredColumns(): DeclaredColumn[] {
  const file = ts.createSourceFile('database.ts', readFileSync(source, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, string>();
  file.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
    if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type.getText(file));
  });
  const database = interfaces.get('Database');
  if (!database) throw new Error('database.ts declares no Database interface');
  return database.members.flatMap((table) => {
    if (!ts.isPropertySignature(table) || !table.type) throw new Error(`unexpected member ${table.getText(file)}`);
    const tableName = table.name.getText(file);
    const tableInterface = interfaces.get(table.type.getText(file));
    if (!tableInterface) throw new Error(`no interface ${table.type.getText(file)} for table ${tableName}`);
    return tableInterface.members.map((column) => {
      if (!ts.isPropertySignature(column) || !column.type) throw new Error(`unexpected member in ${tableName}`);
      let text = column.type.getText(file);
      const generated = /^Generated<(.*)>$/s.exec(text);
      if (generated?.[1]) text = generated[1];
      const nullable = / \| null$/.test(text);
      text = text.replace(/ \| null$/, '');
      return {
        table: tableName,
        column: column.name.getText(file),
        base: aliases.get(text) ?? text,
        nullable,
        generated: Boolean(generated),
      };
    });
  });
}

/** The Postgres types each TypeScript type may stand for. */
function postgresTypesOf(base: string): string[] {
  if (base === 'number') return ['integer', 'bigint', 'smallint'];
  if (base === 'boolean') return ['boolean'];
  if (base === 'Date' || base.startsWith('ColumnType<Date,')) return ['timestamp with time zone'];
  if (base.startsWith('ColumnType<string, string | number')) return ['numeric']; // NUMERIC read as a string
  if (base === 'string[]') return ['ARRAY'];
  // string, or a union of string literals kept by a CHECK constraint
  if (base === 'string' || /^'[^']*'( \| '[^']*')*$/.test(base)) return ['text', 'character varying'];
  throw new Error(`no Postgres mapping for the TypeScript type ${base}`);
}

let database: TestDatabase;
let migrated: MigratedColumn[];
const declared = declaredColumns();

beforeAll(async () => {
  database = await createTestDatabase();
  const { rows } = await sql<MigratedColumn>`
    select table_name, column_name, data_type, is_nullable,
           (column_default is not null or is_identity = 'YES') as has_default
      from information_schema.columns
     where table_schema = 'public' and table_name not like 'kysely_migration%'
     order by table_name, ordinal_position`.execute(database.handle.db);
  migrated = rows;
});
afterAll(() => database.drop());

describe('db/database.ts against the migrated schema', () => {
  it('declares exactly the tables and columns the migrations create', () => {
    const names = (list: { table: string; column: string }[]) => list.map((c) => `${c.table}.${c.column}`).sort();
    expect(names(declared)).toEqual(names(migrated.map((c) => ({ table: c.table_name, column: c.column_name }))));
  });

  it('gives every column the nullability, default and type the schema has', () => {
    const mismatches = declared.flatMap((column) => {
      const actual = migrated.find((m) => m.table_name === column.table && m.column_name === column.column);
      if (!actual) return [];
      const where = `${column.table}.${column.column}`;
      const problems: string[] = [];
      if (column.nullable !== (actual.is_nullable === 'YES'))
        problems.push(
          `${where}: declared ${column.nullable ? 'nullable' : 'NOT NULL'}, migrated is_nullable=${actual.is_nullable}`,
        );
      // Generated<> means the insert may leave the column out: the schema must supply it.
      if (column.generated && !actual.has_default)
        problems.push(`${where}: declared Generated, migrated without a default`);
      if (!postgresTypesOf(column.base).includes(actual.data_type))
        problems.push(`${where}: declared ${column.base}, migrated ${actual.data_type}`);
      return problems;
    });
    expect(mismatches).toEqual([]);
  });

  it('reads the interface it checks (a renamed column would be seen)', () => {
    expect(declared.find((c) => c.table === 'orders' && c.column === 'total_amount')).toMatchObject({
      base: expect.stringContaining('ColumnType<string'),
      nullable: false,
    });
    expect(declared.find((c) => c.table === 'webhook_endpoints' && c.column === 'events')?.base).toBe('string[]');
  });
});
