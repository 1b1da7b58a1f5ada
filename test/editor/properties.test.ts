import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { handleKey } from '../../src/editor/dispatch.js';
import { initialState } from '../../src/editor/editor-state.js';
import { highlight } from '../../src/editor/highlight.js';
import { KeyDecoder } from '../../src/editor/key-decoder.js';
import { layout } from '../../src/editor/layout.js';
import { themes } from '../../src/editor/themes.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { ctx, staticCompleter } from './helpers.js';

const KEYS = ['a', 'Z', ' ', ';', "'", '(', '\n', '中', '😀', '\r', '\t', '\x7f', '\x01', '\x05', '\x02', '\x06', '\x0b', '\x15', '\x17', '\x19',
  '\x1f', '\x12', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[3~', '\x1bb', '\x1bf', '\x1bd', '\x1b\x7f', '\x1b\r', '\x1b[Z', '\x1b',
  'h', 'l', 'w', 'b', 'e', 'x', 'd', 'c', 'u', 'p', '0', '$', '2', 'f', 'i', 'o', 'O'];

test('any key sequence in any mode keeps the state valid and renders', () => {
  const c = ctx({ history: ['select 1;', 'select\n2;'], complete: staticCompleter(['users', 'user_roles']) });
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...KEYS), { maxLength: 60 }), fc.constantFrom('emacs', 'vi-insert', 'vi-normal'), (keys, mode) => {
      let s = initialState('', mode as 'emacs');
      const d = new KeyDecoder();
      for (const k of [...d.feed(keys.join('')), ...d.flush()]) s = handleKey(s, k, c).state;
      assert.ok(s.doc.cursor >= 0 && s.doc.cursor <= s.doc.text.length);
      const f = layout({ state: s, prompt: '> ', continuation: () => '. ', spans: highlight(s.doc.text, sqliteDialect), theme: themes.dark!, cols: 12, rows: 8 });
      assert.ok(f.cursorRow >= 0 && f.cursorRow < f.rows.length + 1);
      assert.ok(f.cursorCol >= 0 && f.cursorCol < 12);
      assert.ok(f.widths.every((w) => w <= 12));
    }),
    { numRuns: 400 },
  );
});

test('the decoder gives the same keys however the bytes are split', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...KEYS.filter((k) => k !== '\x1b')), { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 6 }), (keys, cuts) => {
      const bytes = Buffer.from(keys.join(''), 'utf8');
      const whole = new KeyDecoder().feed(bytes);
      const d = new KeyDecoder();
      const points = [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b);
      const parts: ReturnType<KeyDecoder['feed']> = [];
      let at = 0;
      for (const p of [...points, bytes.length]) {
        parts.push(...d.feed(bytes.subarray(at, p)));
        at = p;
      }
      assert.deepEqual(parts, whole);
    }),
    { numRuns: 300 },
  );
});

test('a cursor right after a full row, before a newline, is drawn at the start of the next row', () => {
  // Found by the property above: "> select中aa" fills 12 columns exactly and the cursor sits before "\n".
  const s = { ...initialState('select中aa\n2;', 'emacs') };
  const at = { ...s, doc: { ...s.doc, cursor: 9 } } as typeof s;
  const f = layout({ state: at, prompt: '> ', continuation: () => '. ', spans: highlight(at.doc.text, sqliteDialect), theme: themes.dark!, cols: 12, rows: 8 });
  assert.equal(f.cursorCol, 0);
  assert.equal(f.cursorRow, 1);
});
