import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeForTerminal, needsEscape } from '../../src/output/escape.js';

describe('escapeForTerminal', () => {
  test('plain text is returned unchanged', () => assert.equal(escapeForTerminal('abc 日本語 👍🏽'), 'abc 日本語 👍🏽'));
  test('ESC sequence is shown as \\x1b', () => assert.equal(escapeForTerminal('\x1b[31mred\x1b[0m'), '\\x1b[31mred\\x1b[0m'));
  test('named C escapes', () => assert.equal(escapeForTerminal('a\tb\rc\nd\0'), 'a\\tb\\rc\\nd\\0'));
  test('keepNewlines keeps LF but escapes CR', () => assert.equal(escapeForTerminal('a\r\nb', true), 'a\\r\nb'));
  test('DEL and C1', () => assert.equal(escapeForTerminal('\x7f\x9b'), '\\x7f\\x9b'));
  test('bidi overrides', () => assert.equal(escapeForTerminal('a\u202eb\u2066c'), 'a\\u202eb\\u2066c'));
  test('other C0 as \\xHH', () => assert.equal(escapeForTerminal('\x01\x07'), '\\x01\\x07'));
  test('no raw control character survives', () => {
    let all = '';
    for (let i = 0; i < 0xa0; i++) all += String.fromCharCode(i);
    assert.equal(needsEscape(escapeForTerminal(all)), false);
  });
});
