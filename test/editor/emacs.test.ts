import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { at, ctx, show, type } from './helpers.js';

describe('emacs bindings', () => {
  const cases: ReadonlyArray<[string, string, string, string]> = [
    ['Ctrl-A goes to the line start', 'select 1|', '\x01', '|select 1'],
    ['Ctrl-E goes to the line end', '|select 1', '\x05', 'select 1|'],
    ['Ctrl-B moves left', 'ab|c', '\x02', 'a|bc'],
    ['Ctrl-F moves right', 'a|bc', '\x06', 'ab|c'],
    ['Left arrow moves left', 'ab|c', '\x1b[D', 'a|bc'],
    ['Right arrow moves right', 'a|bc', '\x1b[C', 'ab|c'],
    ['Home goes to the line start', 'ab\ncd|', '\x1b[H', 'ab\n|cd'],
    ['End goes to the line end', 'ab\n|cd', '\x1b[F', 'ab\ncd|'],
    ['Ctrl-K kills to the line end', 'select| 1 from t', '\x0b', 'select|'],
    ['Ctrl-U kills to the line start', 'select 1| from t', '\x15', '| from t'],
    ['Ctrl-W kills the previous whitespace word', 'select foo.bar|', '\x17', 'select |'],
    ['Alt-B moves back a word', 'select foo_bar|', '\x1bb', 'select |foo_bar'],
    ['Alt-F moves forward a word', '|select foo', '\x1bf', 'select| foo'],
    ['Alt-D kills the next word', 'select| foo bar', '\x1bd', 'select| bar'],
    ['Alt-Backspace kills the previous word', 'select foo.bar|', '\x1b\x7f', 'select foo.|'],
    ['Backspace deletes before the cursor', 'ab|c', '\x7f', 'a|c'],
    ['Delete deletes under the cursor', 'a|bc', '\x1b[3~', 'a|c'],
    ['Ctrl-D deletes under the cursor when not empty', 'a|bc', '\x04', 'a|c'],
    ['Ctrl-Y yanks the last kill', 'select| 1', '\x0b\x01\x19', ' 1|select'],
    ['Ctrl-_ undoes', 'ab|', 'c\x1f', 'ab|'],
    ['Alt-Enter inserts a newline even when complete', 'select 1;|', '\x1b\r', 'select 1;\n|'],
    ['Ctrl-T transposes', 'ab|', '\x14', 'ba|'],
    ['typing inserts at the cursor', 'sel|', 'ect', 'select|'],
    ['Backspace removes a whole emoji', 'a😀|', '\x7f', 'a|'],
  ];
  for (const [name, before, keys, after] of cases) {
    test(name, () => assert.equal(show(type(at(before), keys).state), after));
  }

  test('Up and Down move between lines of a multi-line buffer', () => {
    assert.equal(show(type(at('select a,\n  b|'), '\x1b[A').state), 'sel|ect a,\n  b');
    assert.equal(show(type(at('sel|ect a,\n  b'), '\x1b[B').state), 'select a,\n  b|');
  });

  test('Ctrl-D on an empty buffer is eof', () => {
    assert.deepEqual(type(at(''), '\x04').effects, [{ type: 'eof' }]);
  });

  test('Ctrl-C aborts the line; Ctrl-L clears the screen; Ctrl-Z suspends; F1-F4', () => {
    assert.deepEqual(type(at('select 1|'), '\x03').effects, [{ type: 'abort' }]);
    assert.deepEqual(type(at(''), '\x0c').effects, [{ type: 'clear-screen' }]);
    assert.deepEqual(type(at(''), '\x1a').effects, [{ type: 'suspend' }]);
    assert.deepEqual(type(at(''), '\x1bOP').effects, [{ type: 'help' }]);
    assert.deepEqual(type(at(''), '\x1bOQ\x1bOR\x1bOS').effects.map((e) => (e.type === 'toggle' ? e.what : e.type)), [
      'smart-completion',
      'multi-line',
      'key-mode',
    ]);
  });

  test('F5 asks for the plan of the buffer (xterm and rxvt/linux-console bytes); on an empty buffer it rings', () => {
    assert.deepEqual(type(at('select 1|'), '\x1b[15~').effects, [{ type: 'explain' }]);
    assert.deepEqual(type(at('select| 1'), '\x1b[[E').effects, [{ type: 'explain' }]);
    assert.deepEqual(type(at('  |'), '\x1b[15~').effects, [{ type: 'bell' }]);
  });
});

describe('Enter and multi-line rules', () => {
  test('a statement ending with ; is submitted', () => {
    assert.deepEqual(type(at('select 1;|'), '\r').effects, [{ type: 'submit', text: 'select 1;' }]);
  });
  test('without ; Enter inserts a newline', () => {
    const r = type(at('select 1|'), '\r');
    assert.deepEqual(r.effects, []);
    assert.equal(show(r.state), 'select 1\n|');
  });
  test('a ; inside a string does not end the statement', () => {
    assert.equal(type(at("select ';|"), '\r').effects.length, 0);
  });
  test('a ; inside a comment does not end the statement', () => {
    assert.equal(type(at('select 1 /* ; |'), '\r').effects.length, 0);
  });
  test('a backslash command is submitted without ;', () => {
    assert.deepEqual(type(at('\\dt|'), '\r').effects, [{ type: 'submit', text: '\\dt' }]);
  });
  test('an empty buffer is submitted', () => {
    assert.deepEqual(type(at(''), '\r').effects, [{ type: 'submit', text: '' }]);
  });
  test('with multi-line off, Enter always submits', () => {
    assert.deepEqual(type(at('select 1|'), '\r', ctx({ multiLine: false })).effects, [{ type: 'submit', text: 'select 1' }]);
  });
  test('pasted text is inserted whole and not submitted line by line', () => {
    const r = type(at(''), '\x1b[200~select 1;\r\nselect 2;\r\n\x1b[201~');
    assert.deepEqual(r.effects, []);
    assert.equal(r.state.doc.text, 'select 1;\nselect 2;\n');
  });
});

describe('history suggestion', () => {
  const c = ctx({ history: ['select * from users;'] });
  test('Right at the end accepts the suggestion', () => {
    assert.equal(type(at('select *|'), '\x1b[C', c).state.doc.text, 'select * from users;');
  });
  test('End at the end accepts the suggestion', () => {
    assert.equal(type(at('select *|'), '\x1b[F', c).state.doc.text, 'select * from users;');
  });
  test('Right elsewhere just moves', () => {
    assert.equal(show(type(at('sel|ect *'), '\x1b[C', c).state), 'sele|ct *');
  });
});

describe('wide and combined characters', () => {
  test('Left/Right step over a whole emoji and a flag', () => {
    assert.equal(show(type(at("'用户😀|'"), '\x1b[D').state), "'用户|😀'");
    assert.equal(show(type(at("a|🇫🇷b"), '\x1b[C').state), 'a🇫🇷|b');
    assert.equal(show(type(at("a🇫🇷|b"), '\x7f').state), 'a|b');
    assert.equal(show(type(at("a|e\u0301b"), '\x1b[3~').state), 'a|b');
  });
});
