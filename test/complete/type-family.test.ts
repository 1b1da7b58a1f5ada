import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argumentFamily, builtinArgumentFamily, typeFamily } from '../../src/complete/type-family.js';

test('type families of the types each engine writes', () => {
  const cases: [string, string | undefined][] = [
    ['integer', 'number'], ['BIGINT', 'number'], ['numeric(10,2)', 'number'], ['DECIMAL(18,3)', 'number'], ['double precision', 'number'],
    ['UNSIGNED BIG INT', 'number'], ['int8', 'number'], ['HUGEINT', 'number'], ['real', 'number'], ['tinyint(4)', 'number'],
    ['text', 'text'], ['character varying(20)', 'text'], ['VARCHAR', 'text'], ['char(3)', 'text'], ["enum('a','b')", 'text'], ['NVARCHAR(10)', 'text'],
    ['date', 'time'], ['timestamp with time zone', 'time'], ['DATETIME', 'time'], ['TIMESTAMPTZ', 'time'], ['time without time zone', 'time'], ['year', 'time'],
    ['interval', 'interval'], ['INTERVAL', 'interval'], ['boolean', 'bool'], ['tinyint(1)', 'bool'], ['jsonb', 'json'], ['uuid', 'uuid'],
    ['bytea', 'binary'], ['BLOB', 'binary'], ['varbinary(16)', 'binary'],
    ['integer[]', '=integer[]'], ['INTEGER[]', '=integer[]'], ['STRUCT(a INTEGER)', '=struct(a integer)'], ['point', '=point'], ['mood', '=mood'],
    ['', undefined], ['anyelement', undefined],
  ];
  for (const [type, family] of cases) assert.equal(typeFamily(type), family, type);
  assert.equal(typeFamily(undefined), undefined);
});

test("a signature's argument, named or not, and the built-ins' arguments by position", () => {
  assert.equal(argumentFamily('amount numeric'), 'number');
  assert.equal(argumentFamily('numeric'), 'number');
  assert.equal(argumentFamily('VARIADIC text[]'), '=text[]');
  assert.equal(argumentFamily('"from" timestamp without time zone'), 'time');
  assert.equal(builtinArgumentFamily('ROUND', 0), 'number');
  assert.equal(builtinArgumentFamily('upper', 0), 'text');
  assert.equal(builtinArgumentFamily('substr', 1), 'number');
  assert.equal(builtinArgumentFamily('date_trunc', 0), 'text');
  assert.equal(builtinArgumentFamily('date_trunc', 1), 'time');
  assert.equal(builtinArgumentFamily('count', 0), undefined);
  assert.equal(builtinArgumentFamily('strftime', 0), undefined);
});
