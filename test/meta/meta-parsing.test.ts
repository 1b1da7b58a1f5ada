import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseMetaArgs } from '../../src/meta/meta-args.js';
import { compileNamePattern } from '../../src/meta/describe/name-pattern.js';
import { parseCopy } from '../../src/meta/copy/parse-copy.js';
import { formatDelimited, parseDelimited } from '../../src/meta/copy/delimited-text.js';
import { substituteArgs } from '../../src/meta/named-queries.js';
import { checkClauses } from '../../src/meta/describe/sqlite-extras.js';
import { splitCommandWord } from '../../src/meta/run-meta.js';

describe('meta argument parsing', () => {
  test('words, quotes and tokens', () => {
    const a = parseMetaArgs(` 'it''s here' "My Table" plain `);
    assert.deepEqual(a.words, ["it's here", '"My Table"', 'plain']);
    assert.deepEqual(a.tokens, ["'it''s here'", '"My Table"', 'plain']);
    assert.deepEqual(splitCommandWord('\\dt+  sales.*'), ['\\dt+', 'sales.*']);
    assert.deepEqual(splitCommandWord('\\o|grep x'), ['\\o', '|grep x']);
  });

  test("backquoted names where the engine quotes with backquotes, handed on as \"...\"", () => {
    const a = parseMetaArgs('`my table` shop.`odd``name` "x y"', { backtickIdents: true });
    assert.deepEqual(a.words, ['"my table"', 'shop."odd`name"', '"x y"']);
    assert.deepEqual(a.tokens, ['"my table"', 'shop."odd`name"', '"x y"']);
    const pattern = compileNamePattern(a.tokens[1]!);
    assert.ok(pattern.schema!.test('shop') && pattern.name.test('odd`name'));
    // Elsewhere a backquote is an ordinary character.
    assert.deepEqual(parseMetaArgs('`my table`').words, ['`my', 'table`']);
  });

  test('psql name patterns', () => {
    const p = compileNamePattern('tr*');
    assert.equal(p.schema, undefined);
    assert.ok(p.name.test('tracks') && p.name.test('TRACKS') && !p.name.test('artists'));
    const q = compileNamePattern('sales.*');
    assert.ok(q.schema!.test('sales') && !q.schema!.test('main') && q.name.test('anything'));
    const exact = compileNamePattern('"Tr*"');
    assert.ok(exact.name.test('Tr*') && !exact.name.test('tracks') && !exact.name.test('tr*'));
    assert.ok(compileNamePattern('t?acks').name.test('tracks'));
    assert.ok(compileNamePattern('"a.b".c').schema!.test('a.b'));
  });

  test('\\copy arguments, new and old syntax', () => {
    const a = parseCopy(`(SELECT ')', 1) TO 'out file.csv' WITH (FORMAT csv, HEADER)`);
    assert.ok(a.ok);
    assert.equal(a.spec.query, `SELECT ')', 1`);
    assert.deepEqual([a.spec.direction, a.spec.file, a.spec.format, a.spec.header, a.spec.delimiter], ['to', 'out file.csv', 'csv', true, ',']);
    const b = parseCopy(`main.tracks (id, title) FROM 'in.txt' CSV HEADER DELIMITER ';' NULL AS 'NA'`);
    assert.ok(b.ok);
    assert.deepEqual([b.spec.table, b.spec.columns, b.spec.delimiter, b.spec.nullString, b.spec.header], ['main.tracks', 'id, title', ';', 'NA', true]);
    const c = parseCopy(`t TO 'x.tsv'`);
    assert.ok(c.ok && c.spec.format === 'text' && c.spec.delimiter === '\t' && c.spec.nullString === '\\N');
    assert.equal(parseCopy(`(SELECT 1) FROM 'x.csv'`).ok, false);
    // psql's STDIN (the script's lines after the command) and PSTDIN (the process's standard input)
    const inline = parseCopy(`t FROM STDIN`);
    assert.ok(inline.ok && inline.spec.stdio === 'stdin' && inline.spec.file === undefined);
    assert.ok(parseCopy(`t FROM pstdin CSV`).ok);
    assert.equal(parseCopy(`t FROM STDOUT`).ok, false);
    assert.equal(parseCopy(`t TO STDIN`).ok, false);
    // a trailing ; ends the command, as in psql (it wrote a file named `stdout;`)
    const semi = parseCopy(`t TO stdout;`);
    assert.ok(semi.ok && semi.spec.stdio === 'stdout' && semi.spec.file === undefined);
    const csvSemi = parseCopy(`t TO stdout WITH CSV ;`);
    assert.ok(csvSemi.ok && csvSemi.spec.format === 'csv');
    const bad = parseCopy(`t TO 'x' WITH (FORMAT xml)`);
    assert.ok(!bad.ok && /xml/.test(bad.error));
  });

  test('CSV and text records round-trip', () => {
    const csv = { format: 'csv' as const, delimiter: ',', nullString: '', quote: '"' };
    const line = formatDelimited(['a,b', 'say "hi"', '', null, 3], csv);
    assert.equal(line, '"a,b","say ""hi""","",,3\n');
    assert.deepEqual(parseDelimited(line + 'x\n"multi\nline",2\n', csv).map((r) => [r.fields, r.line]), [
      [['a,b', 'say "hi"', '', null, '3'], 1],
      [['x'], 2],
      [['multi\nline', '2'], 3],
    ]);
    const text = { format: 'text' as const, delimiter: '\t', nullString: '\\N', quote: '"' };
    const t = formatDelimited(['a\tb', null, 'back\\slash\nnl'], text);
    assert.equal(t, 'a\\tb\t\\N\tback\\\\slash\\nnl\n');
    assert.deepEqual(parseDelimited(t, text)[0]!.fields, ['a\tb', null, 'back\\slash\nnl']);
  });

  test('named query arguments', () => {
    assert.deepEqual(substituteArgs('SELECT $1, $2', ['1', "'x'"]), { ok: true, sql: "SELECT 1, 'x'" });
    assert.deepEqual(substituteArgs('SELECT * FROM t WHERE id IN ($*)', ['1', '2', '3']), { ok: true, sql: 'SELECT * FROM t WHERE id IN (1, 2, 3)' });
    const missing = substituteArgs('SELECT $1, $3', ['1']);
    assert.ok(!missing.ok && /missing \$3/.test(missing.error));
  });

  test('SQLite CHECK clauses from CREATE TABLE text', () => {
    assert.deepEqual(checkClauses(`CREATE TABLE t (a INT CHECK (a > (0)), b TEXT, CONSTRAINT b_ok CHECK (b <> ')'))`), [
      'CHECK (a > (0))',
      "b_ok CHECK (b <> ')')",
    ]);
  });
});
