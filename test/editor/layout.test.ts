import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openMenu } from '../../src/editor/commands/menu.js';
import { highlight } from '../../src/editor/highlight.js';
import { layout, stripSgr, type LayoutInput } from '../../src/editor/layout.js';
import { Renderer } from '../../src/editor/renderer.js';
import { pickTheme, themes } from '../../src/editor/themes.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { at } from './helpers.js';
import { update } from '../../src/editor/editor-state.js';
import { safeText } from '../../src/output/terminal-text.js';

function frame(marked: string, over: Partial<LayoutInput> = {}) {
  const state = over.state ?? at(marked);
  return layout({
    state,
    prompt: '> ',
    continuation: () => '. ',
    spans: highlight(state.doc.text, sqliteDialect),
    theme: themes.dark!,
    cols: 20,
    rows: 10,
    ...over,
  });
}

const plain = (rows: readonly string[]) => rows.map(stripSgr);

describe('layout', () => {
  test('prompt, text and cursor', () => {
    const f = frame('select |1');
    assert.deepEqual(plain(f.rows), ['> select 1']);
    assert.deepEqual([f.cursorRow, f.cursorCol], [0, 9]);
  });
  test('continuation prompts for later lines', () => {
    const f = frame('select\n1|');
    assert.deepEqual(plain(f.rows), ['> select', '. 1']);
    assert.deepEqual([f.cursorRow, f.cursorCol], [1, 3]);
  });
  test('long lines wrap at the terminal width', () => {
    const f = frame('abcdefghijklmnopqrstuvwxyz|');
    assert.deepEqual(plain(f.rows), ['> abcdefghijklmnopqr', 'stuvwxyz']);
    assert.deepEqual([f.cursorRow, f.cursorCol], [1, 8]);
  });
  test('a line exactly filling the row puts the cursor on the next row', () => {
    const f = frame('abcdefghijklmnopqr|');
    assert.deepEqual([f.cursorRow, f.cursorCol], [1, 0]);
  });
  test('wide characters take two cells and never split across rows', () => {
    const f = frame('中文中文中文中文中文|');
    // 2 + 9*2 = 20 cells fit the first row exactly; the 10th goes to the next.
    assert.deepEqual(plain(f.rows), ['> 中文中文中文中文中', '文']);
    assert.deepEqual([f.cursorRow, f.cursorCol], [1, 2]);
    const g = frame('a中文中文中文中文中文|');
    assert.equal(plain(g.rows)[0], '> a中文中文中文中文');
    assert.deepEqual(g.widths.slice(0, 1), [19]);
  });
  test('cursor column counts wide characters and emoji as 2', () => {
    const f = frame('用户😀|x');
    assert.equal(f.cursorCol, 2 + 6);
  });
  test('keywords and identifiers get different styles', () => {
    const row = frame('select name|').rows[0]!;
    assert.match(row, /\x1b\[1;38;5;75mselect/);
    assert.doesNotMatch(row, /\x1b\[1;38;5;75m[^\x1b]*name/);
  });
  test('an unterminated string is marked', () => {
    assert.match(frame("select 'abc|").rows[0]!, /\x1b\[4;38;5;203m'abc/);
  });
  test('the menu is drawn under the buffer with the selection highlighted', () => {
    const items = ['users', 'orders'].map((t) => ({ text: t, replace: { start: 0, end: 1 }, kind: 'table' as const }));
    const s = openMenu(at('u|'), items, 1);
    const f = frame('', { state: s, cols: 40 });
    const rows = plain(f.rows);
    assert.equal(rows.length, 3);
    assert.match(rows[1]!, /users +table/);
    assert.match(rows[2]!, /orders +table/);
    assert.match(f.rows[2]!, /\x1b\[38;5;16;48;5;117m orders/);
  });
  test('the menu scrolls to keep the selection visible', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ text: `t${i}`, replace: { start: 0, end: 0 }, kind: 'table' as const }));
    const f = frame('', { state: openMenu(at('|'), items, 25), cols: 40, menuHeight: 8 });
    const rows = plain(f.rows);
    assert.equal(rows.length, 9);
    assert.ok(rows.some((r) => r.includes('t25')));
    assert.ok(!rows.some((r) => r.includes('t0 ')));
  });
  test('the history suggestion is shown after the cursor, toolbar at the bottom', () => {
    const f = frame('sel|', { suggestion: 'ect 1;', toolbar: '[F2] x' });
    assert.deepEqual(plain(f.rows).map((r) => r.trimEnd()), ['> select 1;', '[F2] x']);
    assert.deepEqual([f.cursorRow, f.cursorCol], [0, 5]);
  });
  test('a long message (F1 help) wraps over up to three rows above the toolbar instead of being cut', () => {
    const state = update(at('x|'), { message: 'Enter runs · Tab completes · Ctrl-R searches history · Ctrl-D exits' });
    const f = frame('', { state, toolbar: 'tb' });
    assert.deepEqual(plain(f.rows).map((r) => r.trimEnd()), ['> x', 'Enter runs · Tab', 'completes · Ctrl-R', 'searches history · …', 'tb']);
    const short = frame('', { state: update(at('x|'), { message: 'saved' }), toolbar: 'tb' });
    assert.deepEqual(plain(short.rows).map((r) => r.trimEnd()), ['> x', 'saved', 'tb']);
  });
  test('the final frame has no menu, toolbar or suggestion', () => {
    const f = frame('sel|', { suggestion: 'ect', toolbar: 'tb', final: true });
    assert.deepEqual(plain(f.rows), ['> sel']);
  });
  test('the theme for NO_COLOR and 16-colour terminals', () => {
    assert.equal(pickTheme({ name: 'dark', env: { NO_COLOR: '1' } }).name, 'none');
    assert.equal(pickTheme({ name: 'dark', colorDepth: 4 }).name, 'basic');
    assert.equal(pickTheme({ name: 'light', colorDepth: 24 }).name, 'light');
    assert.equal(pickTheme({ name: 'dark', color: false }).name, 'none');
    assert.doesNotMatch(frame('select 1|', { theme: themes.none!, spans: [] }).rows[0]!, /\x1b\[3\d|38;5/);
  });
});

describe('Renderer', () => {
  test('only changed rows are rewritten', () => {
    let written = '';
    const r = new Renderer({ write: (s: string) => (written += s) });
    r.render({ rows: ['row0', 'row1', 'row2'].map((x) => safeText(x)), widths: [4, 4, 4], cursorRow: 0, cursorCol: 0 }, 80);
    written = '';
    r.render({ rows: ['row0', 'ROW1', 'row2'].map((x) => safeText(x)), widths: [4, 4, 4], cursorRow: 0, cursorCol: 0 }, 80);
    assert.match(written, /ROW1/);
    assert.doesNotMatch(written, /row0|row2/);
  });
  test('a shorter frame clears the rows below it', () => {
    let written = '';
    const r = new Renderer({ write: (s: string) => (written += s) });
    r.render({ rows: ['a', 'b', 'c'].map((x) => safeText(x)), widths: [1, 1, 1], cursorRow: 0, cursorCol: 1 }, 80);
    written = '';
    r.render({ rows: ['a'].map((x) => safeText(x)), widths: [1], cursorRow: 0, cursorCol: 1 }, 80);
    assert.match(written, /\x1b\[J/);
  });
  test('an unchanged frame writes nothing', () => {
    let written = '';
    const r = new Renderer({ write: (s: string) => (written += s) });
    const f = { rows: ['a'].map((x) => safeText(x)), widths: [1], cursorRow: 0, cursorCol: 1 };
    r.render(f, 80);
    written = '';
    r.render(f, 80);
    assert.equal(written, '');
  });
  test('a full-width row is not followed by erase-in-line (it would erase the last cell)', () => {
    let written = '';
    const r = new Renderer({ write: (s: string) => (written += s) });
    r.render({ rows: ['abcd'].map((x) => safeText(x)), widths: [4], cursorRow: 0, cursorCol: 0 }, 4);
    assert.doesNotMatch(written, /abcd\x1b\[K/);
  });
});

describe('layout taller than the screen', () => {
  test('only a screenful of rows is drawn, with the cursor in it', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n');
    const f = frame('', { state: at(text.replace('line 45', 'line| 45')), rows: 10, toolbar: 'tb' });
    assert.equal(f.rows.length, 10);
    assert.ok(f.cursorRow >= 0 && f.cursorRow < 10);
    assert.equal(stripSgr(f.rows[f.cursorRow]!), '. line 45');
  });
});
