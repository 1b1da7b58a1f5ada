import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVi } from '../../src/editor/commands/vi.js';
import { at, ctx, show, type } from './helpers.js';

/** Start in vi normal mode with the cursor at '|'. */
function normal(marked: string, keys: string) {
  return type(at(marked, 'vi-normal'), keys, ctx());
}

describe('vi mode', () => {
  test('Esc leaves insert mode and steps back one character', () => {
    const s = type(at('select|', 'vi-insert'), '\x1b').state;
    assert.equal(s.mode, 'vi-normal');
    assert.equal(show(s), 'selec|t');
  });
  const motions: ReadonlyArray<[string, string, string]> = [
    ['|select foo bar', 'l', 's|elect foo bar'],
    ['sel|ect foo bar', 'h', 'se|lect foo bar'],
    ['|select foo bar', 'w', 'select |foo bar'],
    ['|select foo bar', '2w', 'select foo |bar'],
    ['select foo b|ar', 'b', 'select foo |bar'],
    ['select foo b|ar', '2b', 'select |foo bar'],
    ['|select foo bar', 'e', 'selec|t foo bar'],
    ['sel|ect foo bar', '0', '|select foo bar'],
    ['sel|ect foo bar', '$', 'select foo ba|r'],
    ['  sel|ect', '^', '  |select'],
    ['|select foo bar', 'fo', 'select f|oo bar'],
    ['|select foo bar', 'to', 'select |foo bar'],
    ['select foo b|ar', 'Fs', '|select foo bar'],
    ['select foo b|ar', 'Ts', 's|elect foo bar'],
    ['a\nb|c', 'k', '|a\nbc'],
    ['a|b\nc', 'j', 'ab\n|c'],
  ];
  for (const [before, keys, after] of motions) test(`motion ${keys}: ${JSON.stringify(before)}`, () => assert.equal(show(normal(before, keys).state), after));

  const operators: ReadonlyArray<[string, string, string, string]> = [
    ['|select foo bar', 'x', '|elect foo bar', 'vi-normal'],
    ['|select foo bar', '3x', '|ect foo bar', 'vi-normal'],
    ['sel|ect', 'X', 'se|ect', 'vi-normal'],
    ['|select foo bar', 'dw', '|foo bar', 'vi-normal'],
    ['|select foo bar', 'd2w', '|bar', 'vi-normal'],
    ['|select foo bar', '2dw', '|bar', 'vi-normal'],
    ['select |foo bar', 'D', 'select| ', 'vi-normal'],
    ['select |foo bar', 'd$', 'select| ', 'vi-normal'],
    ['|select foo bar', 'cw', '| foo bar', 'vi-insert'],
    ['select |foo bar', 'C', 'select |', 'vi-insert'],
    ['select |foo bar', 'cc', '|', 'vi-insert'],
    ['a\nb|b\nc', 'dd', 'a\n|c', 'vi-normal'],
    ['a\nbb\nc|c', 'dd', 'a\n|bb', 'vi-normal'],
    ['select |foo bar', 'dfo', 'select |o bar', 'vi-normal'],
    ['select |foo bar', 'dtb', 'select |bar', 'vi-normal'],
    ['sel|ect', 'rX', 'sel|Xct', 'vi-normal'],
    ['sel|ect', 'A', 'select|', 'vi-insert'],
    ['  sel|ect', 'I', '  |select', 'vi-insert'],
    ['sel|ect', 'a', 'sele|ct', 'vi-insert'],
    ['sel|ect', 'i', 'sel|ect', 'vi-insert'],
    ['a|b\nc', 'o', 'ab\n|\nc', 'vi-insert'],
    ['ab\nc|', 'O', 'ab\n|\nc', 'vi-insert'],
    ['|select foo', 'dwP', 'select| foo', 'vi-normal'],
    ['|ab', 'xp', 'b|a', 'vi-normal'],
    ['a|\nb', 'ddp', 'b\n|a', 'vi-normal'],
    ['|select', 'xu', '|select', 'vi-normal'],
    ['|abc', '~~', 'AB|c', 'vi-normal'],
  ];
  for (const [before, keys, after, mode] of operators) {
    test(`command ${keys}: ${JSON.stringify(before)}`, () => {
      const s = normal(before, keys).state;
      assert.equal(show(s), after);
      assert.equal(s.mode, mode);
    });
  }

  test('pending keys wait for the rest of the command', () => {
    const s = normal('|select foo', 'd').state;
    assert.equal(s.viPending.length > 0, true);
    assert.equal(s.doc.text, 'select foo');
    assert.equal(normal('|select foo', 'd\x1b').state.viPending, '');
  });
  test('the grammar', () => {
    assert.equal(parseVi(['3']), 'incomplete');
    assert.equal(parseVi(['d', '2']), 'incomplete');
    assert.deepEqual(parseVi(['2', 'd', '3', 'w']), { count: 6, op: 'd', cmd: 'w' });
    assert.deepEqual(parseVi(['f', 'x']), { count: 1, cmd: 'f', arg: 'x' });
    assert.equal(parseVi(['d', 'z']), 'invalid');
    assert.deepEqual(parseVi(['0']), { count: 1, cmd: '0' });
  });
  test('Enter in normal mode submits a complete statement', () => {
    assert.deepEqual(normal('select |1;', '\r').effects, [{ type: 'submit', text: 'select 1;' }]);
  });
  test('k on the first line goes to history', () => {
    const s = type(at('|', 'vi-normal'), 'k', ctx({ history: ['select 1;'] })).state;
    assert.equal(s.doc.text, 'select 1;');
  });
  test('v opens the external editor', () => {
    assert.deepEqual(normal('|x', 'v').effects, [{ type: 'open-editor' }]);
  });
  test('/ and ? in normal mode search the history like Ctrl-R; Esc restores the buffer', () => {
    const c = ctx({ history: ['select * from users;', 'delete from orders;', 'select id from orders;'] });
    for (const key of ['/', '?']) {
      const s = type(at('mi|ne', 'vi-normal'), `${key}ord`, c).state;
      assert.equal(s.search?.query, 'ord', `${key} starts a search`);
      assert.equal(s.doc.text, 'select id from orders;');
      assert.equal(s.mode, 'vi-normal');
      const back = type(s, '\x1b', c).state;
      assert.equal(back.search, undefined);
      assert.equal(back.doc.text, 'mine');
    }
  });
  test('f/ still finds a slash instead of starting a search', () => {
    const s = normal('|a / b', 'f/').state;
    assert.equal(s.search, undefined);
    assert.equal(show(s), 'a |/ b');
  });
});
