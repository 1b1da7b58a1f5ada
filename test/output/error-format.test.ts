import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { displayWidth, graphemes } from '../../src/output/display-width.js';
import { formatSqlError } from '../../src/output/error-format.js';

/** The character shown in the LINE above the caret (by display column). */
function charAboveCaret(text: string): string {
  const lines = text.split('\n');
  const caretLine = lines.findIndex((l) => /^ *\^$/.test(l));
  assert.ok(caretLine > 0, text);
  const col = lines[caretLine]!.indexOf('^');
  let c = 0;
  for (const g of graphemes(lines[caretLine - 1]!)) {
    if (c === col) return g;
    c += displayWidth(g);
    if (c > col) return '(inside a wide char)';
  }
  return '(end)';
}

describe('formatSqlError', () => {
  test('message only', () => {
    assert.equal(formatSqlError({ message: 'no such table: t' }), 'ERROR:  no such table: t');
  });

  test('psql layout with LINE and caret', () => {
    const text = formatSqlError({ message: 'syntax error at or near "FORM"', position: 9 }, { text: 'SELECT 1 FORM t' });
    assert.equal(text, 'ERROR:  syntax error at or near "FORM"\nLINE 1: SELECT 1 FORM t\n                 ^');
  });

  test('caret under the right character after wide characters', () => {
    const sql = "SELECT '日本語👍🏽', nme FROM t";
    const text = formatSqlError({ message: 'column "nme" does not exist', position: sql.indexOf('nme') }, { text: sql });
    assert.equal(charAboveCaret(text), 'n');
  });

  test('caret with tabs and combining marks before the position', () => {
    const sql = "SELECT\t'cafe\u0301',\tbad";
    const text = formatSqlError({ message: 'x', position: sql.indexOf('bad') }, { text: sql });
    assert.equal(charAboveCaret(text), 'b');
    assert.ok(!text.includes('\t'));
  });

  test('multi-line statement: LINE counts in the statement (as psql), the file:LINE: prefix in the file', () => {
    const sql = 'SELECT a,\n       b\nFROM tt\nWHERE x';
    const pos = sql.indexOf('tt');
    const rel = formatSqlError({ message: 'no table', position: pos }, { text: sql });
    assert.ok(rel.includes('\nLINE 3: FROM tt\n'), rel);
    assert.equal(charAboveCaret(rel), 't');
    const abs = formatSqlError({ message: 'no table', position: pos }, { text: sql, line: 10, file: 'q.sql' });
    assert.ok(abs.startsWith('q.sql:12: ERROR:  no table\nLINE 3: FROM tt\n'), abs);
    assert.equal(charAboveCaret(abs), 't');
  });

  test('position at the end of the input', () => {
    const text = formatSqlError({ message: 'syntax error at end of input', position: 8 }, { text: 'SELECT (' });
    assert.equal(text.split('\n')[2], ' '.repeat('LINE 1: SELECT ('.length) + '^');
  });

  test('long lines are windowed around the position', () => {
    const sql = 'SELECT ' + Array.from({ length: 60 }, (_, i) => `c${i}`).join(', ') + ' FROM t';
    const pos = sql.indexOf('c30');
    const text = formatSqlError({ message: 'bad', position: pos }, { text: sql });
    const line = text.split('\n')[1]!;
    assert.ok(displayWidth(line) <= 100, line);
    assert.ok(line.includes('...'));
    assert.equal(charAboveCaret(text), 'c');
    assert.ok(text.split('\n')[1]!.slice(text.split('\n')[2]!.indexOf('^')).startsWith('c30'));
  });

  test('detail, hint, file without position, escaped control characters', () => {
    const text = formatSqlError({ message: 'bad\x1b[2J', detail: 'd', hint: 'h' }, { text: 'x', file: 'f.sql', line: 4 });
    assert.equal(text, 'f.sql:4: ERROR:  bad\\x1b[2J\nDETAIL:  d\nHINT:  h');
  });

  test('control characters in the statement line are escaped and the caret still lines up', () => {
    const sql = "SELECT '\x1b[31m', zz";
    const text = formatSqlError({ message: 'm', position: sql.indexOf('zz') }, { text: sql });
    assert.ok(!text.includes('\x1b'));
    assert.equal(charAboveCaret(text), 'z');
  });
});
