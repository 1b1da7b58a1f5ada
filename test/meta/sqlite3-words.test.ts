import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sqlite3Unescape, sqlite3Words } from '../../src/meta/sqlite3-words.js';

// Each expectation was checked with sqlite3 3.40.1 (`.print` shows the words joined by one space).
describe("a dot-command line read with sqlite3's rules", () => {
  test('white space separates words; the name is the first, without its dot', () => {
    assert.deepEqual(sqlite3Words('.print  a\tb   c '), ['print', 'a', 'b', 'c']);
    assert.deepEqual(sqlite3Words('.print'), ['print']);
  });

  test('"..." is a C string with escapes; \'...\' is as written', () => {
    assert.deepEqual(sqlite3Words(String.raw`.print "a\tb" 'x\ty' "\060\077" "\0101" "q\"r"`), ['print', 'a\tb', 'x\\ty', '0?', '\b1', 'q"r']);
    assert.deepEqual(sqlite3Words(String.raw`.p "\a\b\t\n\v\f\r\\\'\q\x41\e"`), ['p', '\x07\b\t\n\v\f\r\\\'qx41e']);
    assert.deepEqual(sqlite3Words(`.p 'it''s' "my file.sql"`), ['p', 'it', 's', 'my file.sql']);
  });

  test('a bare word has the escapes too and keeps a quote inside; a quoted word ends at its quote', () => {
    assert.deepEqual(sqlite3Words(String.raw`.p a\tb a"b c"d "x"y "ab"'cd' a\ `), ['p', 'a\tb', 'a"b', 'c"d', 'x', 'y', 'ab', 'cd', 'a\\']);
  });

  test('no backquoted commands, variables nor backslash commands: they are text', () => {
    assert.deepEqual(sqlite3Words('.print a`touch PWNED`b $HOME :x :\'y\''), ['print', 'a`touch', 'PWNED`b', '$HOME', ':x', ":'y'"]);
    assert.deepEqual(sqlite3Words(String.raw`.print \echo x \! ls`), ['print', 'echo', 'x', '!', 'ls']);
  });

  test('an unclosed quote runs to the end; an escaped NUL ends the word; the name may be quoted', () => {
    assert.deepEqual(sqlite3Words('.print "abc def'), ['print', 'abc def']);
    assert.deepEqual(sqlite3Words(String.raw`.print "ab\0cd" x`), ['print', 'ab', 'x']);
    assert.deepEqual(sqlite3Words(`.'explain' "foo OFF"`), ['explain', 'foo OFF']);
    assert.equal(sqlite3Unescape(String.raw`\1\12\123\1234`), '\x01\n' + 'SS4');
  });
});
