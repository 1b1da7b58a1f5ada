/** Names as PostgreSQL resolves them: an overloaded function is named by its signature after DROP / ALTER FUNCTION, and recent use keeps users apart from "Users". */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../src/complete/complete.js';
import { identityArgs } from '../../src/complete/offer-candidates.js';
import { buildCatalog, emptyCatalog } from '../../src/catalog/catalog.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';

const base = emptyCatalog(postgresDialect).data;
const catalog = buildCatalog({
  ...base,
  schemas: ['public'],
  searchPath: ['public'],
  functions: [
    { schema: 'public', name: 'ov', kind: 'function', args: 'a integer', returns: 'integer' },
    { schema: 'public', name: 'ov', kind: 'function', args: 'a text, b integer DEFAULT 1, OUT c integer', returns: 'integer' },
    { schema: 'public', name: 'single', kind: 'function', args: 'x numeric(10,2)', returns: 'numeric' },
  ],
}, postgresDialect);

const texts = (q: string): string[] => complete(q, q.length, catalog).map((c) => c.text);

test('an overloaded function is offered once per signature after DROP / ALTER FUNCTION, without defaults and OUT arguments', () => {
  assert.deepEqual(texts('DROP FUNCTION ov').slice(0, 2).sort(), ['ov(a integer)', 'ov(a text, b integer)']);
  assert.deepEqual(texts('ALTER FUNCTION public.o').slice(0, 2).sort(), ['ov(a integer)', 'ov(a text, b integer)']);
  // a name with one signature stays bare; a call offers the name
  assert.equal(texts('DROP FUNCTION sing')[0], 'single');
  assert.equal(texts('SELECT ov')[0], 'ov');
});

test('identity arguments: nested parentheses, defaults and OUT arguments', () => {
  assert.equal(identityArgs('x numeric(10,2), y text DEFAULT \'a, b\', OUT z int'), 'x numeric(10,2), y text');
  assert.equal(identityArgs('VARIADIC v integer[]'), 'VARIADIC v integer[]');
  assert.equal(identityArgs(''), '');
});

test('recent use on PostgreSQL tells users from "Users" (an unquoted name folds, a quoted one is exact)', () => {
  const rel = (name: string) => ({ schema: 'public', name, kind: 'table' as const, columns: [], primaryKey: [] });
  const cat = buildCatalog({ ...base, schemas: ['public'], searchPath: ['public'], relations: [rel('Users'), rel('users'), rel('orders')] }, postgresDialect);
  const first = (recent: Map<string, number>): string | undefined => complete('SELECT * FROM ', 14, cat, { recent })[0]?.text;
  assert.equal(first(new Map([['users', 1]])), 'users');
  assert.equal(first(new Map([['Users', 1]])), '"Users"');
});

test("a function's signature in the menu is its own schema's overloads, not a same-named function's elsewhere", () => {
  const cat = buildCatalog({
    ...base,
    schemas: ['public', 'custom'],
    searchPath: ['public'],
    functions: [
      { schema: 'public', name: 'srf', kind: 'function', args: 'x integer', returns: 'integer' },
      { schema: 'custom', name: 'srf', kind: 'function', args: 'y text', returns: 'text' },
    ],
  }, postgresDialect);
  const byText = new Map(complete('SELECT sr', 9, cat).map((c) => [c.text, c.detail]));
  assert.match(byText.get('srf') ?? '', /x integer/);
  assert.doesNotMatch(byText.get('srf') ?? '', /y text/);
  assert.match(byText.get('custom.srf') ?? '', /y text/);
  assert.doesNotMatch(byText.get('custom.srf') ?? '', /x integer/);
});

test('smart completion off: no context, so kinds rank alike; a keyword before a name spelled the same, a function before a keyword', () => {
  const rel = (name: string) => ({ schema: 'public', name, kind: 'table' as const, columns: [{ name: 'email', type: 'text', nullable: true }], primaryKey: [] });
  const cat = buildCatalog({
    ...base, schemas: ['public'], searchPath: ['public'],
    relations: [rel('select'), rel('users')],
    functions: [{ schema: 'public', name: 'user_fn', kind: 'function', args: '', returns: 'text' }],
  }, postgresDialect);
  const naive = (q: string): string[] => complete(q, q.length, cat, { smart: false }).map((c) => c.text);
  assert.deepEqual(naive('SEL').slice(0, 2), ['SELECT', '"select"']);
  assert.deepEqual(naive('sel').slice(0, 2), ['select', '"select"']);
  // shorter first whatever the kind: the table users before the keyword USING and the longer function
  const us = naive('SELECT * FROM us');
  assert.ok(us.indexOf('users') < us.indexOf('using') && us.indexOf('using') < us.indexOf('user_fn'), us.join(' '));
});
