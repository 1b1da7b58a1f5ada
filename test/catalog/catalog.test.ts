import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCatalog, emptyCatalog } from '../../src/catalog/catalog.js';
import { charMask } from '../../src/catalog/char-mask.js';
import { complete } from '../../src/complete/complete.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { musicData } from '../complete/music-catalog.js';

describe('buildCatalog', () => {
  const c = buildCatalog(musicData('postgres'), postgresDialect);
  test('is frozen and sorted by name', () => {
    assert.ok(Object.isFrozen(c) && Object.isFrozen(c.relations));
    const names = c.relations.map((r) => r.lower);
    assert.deepEqual(names, [...names].sort());
  });
  test('finds relations through the search path, any case, and by schema', () => {
    assert.equal(c.findRelation('ALBUMS')?.name, 'albums');
    assert.equal(c.findRelation('orders')?.schema, 'sales');
    assert.equal(c.findRelation('orders', 'public'), undefined);
    // PostgreSQL: an unquoted name folds to lower case; only the quoted spelling finds "UserAccounts"
    assert.equal(c.findRelation('UserAccounts'), undefined);
    assert.equal(c.findRelation('UserAccounts', undefined, { name: true })?.name, 'UserAccounts');
    assert.equal(c.findRelation('useraccounts', undefined, { name: true }), undefined);
  });
  test('marks visibility from the search path', () => {
    assert.equal(c.relations.find((r) => r.def.name === 'orders')?.visible, false);
    assert.equal(c.relations.find((r) => r.def.name === 'albums')?.visible, true);
  });
  test('indexes foreign keys both ways', () => {
    const tracks = c.findRelation('tracks')!;
    assert.deepEqual(c.foreignKeysFrom(tracks).map((f) => f.refTable).sort(), ['albums', 'genres']);
    assert.deepEqual(c.foreignKeysTo(tracks).map((f) => f.table), ['invoice_items']);
  });
  test('schemas, functions, types, distinct column names', () => {
    assert.deepEqual(c.relationsIn('SALES').map((r) => r.def.name), ['orders', 'regions']);
    assert.ok(c.hasSchema('sales') && !c.hasSchema('nope'));
    assert.ok(c.functionNames.includes('track_count') && c.functionNames.includes('count'));
    assert.ok(c.datatypeNames.includes('mood'));
    assert.equal(c.columnNames.filter((n) => n === 'name').length, 1);
    assert.deepEqual(c.tableFunctions.map((f) => f.name), ['monthly_report']);
  });
  test('orders relations for the empty prefix: visible, short, alphabetical', () => {
    const first = c.relations[c.relationsByLength[0]!]!;
    assert.equal(first.def.name, 'order');
    const last = c.relations[c.relationsByLength[c.relationsByLength.length - 1]!]!;
    assert.equal(last.visible, false);
  });
  test("the session's own temporary schema is the user's; another session's is not", () => {
    const data = musicData('postgres');
    const temp = (schema: string, name: string) => ({ schema, name, kind: 'table' as const, columns: [{ name: 'scratch_col', type: 'integer', nullable: true }], primaryKey: [] });
    const withTemp = buildCatalog({
      ...data,
      searchPath: ['pg_temp_3', ...data.searchPath],
      relations: [...data.relations, temp('pg_temp_3', 'scratch'), temp('pg_temp_7', 'theirs')],
    }, postgresDialect);
    const flags = (name: string) => withTemp.relations.filter((r) => r.def.name === name).map((r) => [r.visible, r.system]);
    assert.deepEqual(flags('scratch'), [[true, false]]);
    assert.deepEqual(flags('theirs'), [[false, true]]);
    assert.equal(withTemp.findRelation('scratch')?.schema, 'pg_temp_3');
    const menu = complete('select * from scr', 'select * from scr'.length, withTemp).map((x) => x.text);
    assert.equal(menu[0], 'scratch');
  });
  test('char masks', () => {
    assert.equal(charMask('ab') & charMask('a'), charMask('a'));
    assert.notEqual(charMask('ab') & charMask('z'), charMask('z'));
  });
});

describe('emptyCatalog', () => {
  const c = emptyCatalog(postgresDialect);
  test('is not loaded but completes keywords and built-in functions', () => {
    assert.equal(c.loaded, false);
    assert.ok(complete('SEL', 3, c).some((x) => x.text === 'SELECT'));
    assert.ok(complete('SELECT cou', 10, c).some((x) => x.text === 'count'));
    assert.deepEqual(complete('SELECT * FROM ', 14, c).filter((x) => x.kind === 'table'), []);
  });
});
