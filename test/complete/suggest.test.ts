/** Stage 1 alone: what is expected at the cursor, from the text only (no catalog). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { suggest } from '../../src/complete/suggest.js';
import type { Suggestion } from '../../src/complete/suggestion.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';
import { mysqlDialect } from '../../src/sql/dialects/mysql.js';

const at = (marked: string, dialect = postgresDialect): readonly Suggestion[] =>
  suggest(marked.replace('|', ''), marked.indexOf('|'), dialect);
const kinds = (s: readonly Suggestion[]): string[] => s.map((x) => x.kind);
const find = <K extends Suggestion['kind']>(s: readonly Suggestion[], k: K): Extract<Suggestion, { kind: K }> | undefined =>
  s.find((x): x is Extract<Suggestion, { kind: K }> => x.kind === k);

describe('suggest', () => {
  test('tables in scope come from a FROM clause later in the text, with aliases', () => {
    const col = find(at('SELECT | FROM albums a JOIN tracks AS t ON 1=1'), 'column');
    assert.deepEqual(col?.tables.map((t) => [t.name, t.alias]), [['albums', 'a'], ['tracks', 't']]);
  });
  test('after FROM: relations and schemas, no columns', () => {
    assert.deepEqual(kinds(at('SELECT * FROM |')), ['relation', 'schema']);
  });
  test('after JOIN: joins built from the tables before the cursor only', () => {
    const j = find(at('SELECT * FROM albums a JOIN | JOIN genres g ON 1=1'), 'join');
    assert.deepEqual(j?.tables.map((t) => t.name), ['albums']);
  });
  test('after ON: join conditions for the table just joined', () => {
    const c = find(at('SELECT * FROM albums a JOIN tracks t ON |'), 'join-condition');
    assert.equal(c?.right?.alias, 't');
  });
  test('qualified names resolve aliases of the scope', () => {
    const c = find(at('SELECT t.| FROM tracks t'), 'column');
    assert.deepEqual([c?.qualified, c?.tables[0]?.name], [true, 'tracks']);
  });
  test('an unknown qualifier may be a schema', () => {
    const s = at('SELECT sales.| ');
    assert.deepEqual(kinds(s), ['relation', 'function']);
    assert.equal(find(s, 'relation')?.schema, 'sales');
  });
  test('schema-qualified FROM', () => {
    assert.deepEqual(at('SELECT * FROM sales.|'), [{ kind: 'relation', schema: 'sales', schemaQuoted: false, tableFunctions: true }]);
  });
  test('CTE columns come from its select list', () => {
    const c = find(at('WITH x AS (SELECT a, b AS c, count(*) n FROM t) SELECT x.| FROM x'), 'column');
    assert.deepEqual(c?.tables[0]?.columns, ['a', 'c', 'n']);
  });
  test('derived table columns come from the alias column list', () => {
    const c = find(at('SELECT d.| FROM (SELECT 1, 2) d(p, q)'), 'column');
    assert.deepEqual(c?.tables[0]?.columns, ['p', 'q']);
  });
  test('a subquery has its own scope', () => {
    const c = find(at('SELECT * FROM albums WHERE x IN (SELECT | FROM tracks)'), 'column');
    assert.deepEqual(c?.tables.map((t) => t.name), ['tracks']);
  });
  test('only the statement under the cursor counts', () => {
    const c = find(at('SELECT * FROM a1; SELECT | FROM a2; SELECT * FROM a3'), 'column');
    assert.deepEqual(c?.tables.map((t) => t.name), ['a2']);
  });
  test('nothing inside strings or comments', () => {
    assert.deepEqual(at("SELECT 'x|'"), []);
    assert.deepEqual(at('SELECT 1 -- x|'), []);
    assert.deepEqual(at('SELECT /* x| */ 1'), []);
  });
  test('MySQL double quotes are strings', () => {
    assert.deepEqual(at('SELECT "x|', mysqlDialect), []);
    assert.notDeepEqual(at('SELECT "x|'), []);
  });
  test(':: expects a type (a cast target)', () => assert.deepEqual(at('SELECT 1::|'), [{ kind: 'datatype', position: 'cast' }]));
  test('meta-commands', () => {
    assert.deepEqual(at('\\d|'), [{ kind: 'meta-command' }]);
    assert.deepEqual(at('\\c |'), [{ kind: 'database' }]);
    assert.deepEqual(at('\\o |'), [{ kind: 'file-path' }]);
    assert.deepEqual(at('\\pset |'), [{ kind: 'meta-arg', command: 'pset' }]);
  });
  test('INSERT column list names its target', () => {
    const c = find(at('INSERT INTO s.t (a, |'), 'column');
    assert.deepEqual([c?.tables[0]?.schema, c?.tables[0]?.name], ['s', 't']);
  });
  test('UPDATE SET names its target', () => {
    assert.deepEqual(find(at('UPDATE t x SET |'), 'column')?.tables.map((t) => t.alias), ['x']);
  });
  test('the statement start expects statement keywords', () => {
    assert.equal(find(at('|'), 'keyword')?.preferred?.[0], 'SELECT');
  });
  test('the result is frozen', () => assert.ok(Object.isFrozen(at('SELECT |'))));
});
