import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyDecoder } from '../../src/editor/key-decoder.js';

function names(d: KeyDecoder, ...chunks: Array<string | Buffer>): string[] {
  return chunks.flatMap((c) => d.feed(c)).map((k) => k.key);
}

describe('KeyDecoder', () => {
  test('control keys, Enter, Tab, Backspace', () => {
    assert.deepEqual(names(new KeyDecoder(), '\x01\x05\r\t\x7f\x08\x12\x1f'), ['c-a', 'c-e', 'enter', 'tab', 'backspace', 'backspace', 'c-r', 'c-_']);
  });
  test('printable characters carry their text', () => {
    const keys = new KeyDecoder().feed('a 中😀');
    assert.deepEqual(keys.map((k) => k.text), ['a', ' ', '中', '😀']);
  });
  test('CSI and SS3 sequences', () => {
    assert.deepEqual(names(new KeyDecoder(), '\x1b[A\x1b[B\x1b[C\x1b[D\x1b[H\x1b[F\x1b[3~\x1b[Z\x1bOP\x1b[12~\x1b[1;5C\x1b[5~'), [
      'up', 'down', 'right', 'left', 'home', 'end', 'delete', 's-tab', 'f1', 'f2', 'c-right', 'pageup',
    ]);
  });
  test('Alt-prefixed keys', () => {
    assert.deepEqual(names(new KeyDecoder(), '\x1bb\x1bf\x1b\x7f\x1b\r\x1bd'), ['m-b', 'm-f', 'm-backspace', 'm-enter', 'm-d']);
  });
  test('an escape sequence split across chunks', () => {
    const d = new KeyDecoder();
    assert.deepEqual(names(d, '\x1b'), []);
    assert.equal(d.hasPending, true);
    assert.deepEqual(names(d, '['), []);
    assert.deepEqual(names(d, '1;5', 'D'), ['c-left']);
  });
  test('a lone Esc becomes escape after the timeout (flush)', () => {
    const d = new KeyDecoder();
    assert.deepEqual(names(d, '\x1b'), []);
    assert.deepEqual(d.flush().map((k) => k.key), ['escape']);
    assert.equal(d.hasPending, false);
  });
  test('Esc followed by a control key is two keys', () => {
    assert.deepEqual(names(new KeyDecoder(), '\x1b\x04'), ['escape', 'c-d']);
  });
  test('UTF-8 split across chunks', () => {
    const bytes = Buffer.from('中', 'utf8');
    const d = new KeyDecoder();
    assert.deepEqual(d.feed(bytes.subarray(0, 1)), []);
    assert.deepEqual(d.feed(bytes.subarray(1, 2)), []);
    assert.deepEqual(d.feed(bytes.subarray(2)).map((k) => k.text), ['中']);
  });
  test('bracketed paste is one key with the text, even when split', () => {
    const d = new KeyDecoder();
    const keys = [...d.feed('x\x1b[200~select 1;\r'), ...d.feed('select 2;\x1b[20'), ...d.feed('1~y')];
    assert.deepEqual(keys.map((k) => k.key), ['x', 'paste', 'y']);
    assert.equal(keys[1]!.text, 'select 1;\rselect 2;');
  });
  test('a paste containing escape bytes keeps them as text', () => {
    const keys = new KeyDecoder().feed('\x1b[200~a\x1b[Ab\x1b[201~');
    assert.deepEqual(keys.map((k) => [k.key, k.text]), [['paste', 'a\x1b[Ab']]);
  });
});

describe('KeyDecoder: terminal replies', () => {
  test('a secondary device attributes reply is one da2 key with its parameters, not typed text', () => {
    const keys = new KeyDecoder().feed('\x1b[>0;276;0cx');
    assert.deepEqual(keys.map((k) => [k.key, k.text]), [['da2', '0;276;0'], ['x', 'x']]);
  });
});
