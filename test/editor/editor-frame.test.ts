import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Document } from '../../src/editor/document.js';
import { buildFrame, visibleLines } from '../../src/editor/editor-frame.js';
import { defaultEditorSettings } from '../../src/editor/editor-settings.js';
import { initialState, update } from '../../src/editor/editor-state.js';
import { highlight } from '../../src/editor/highlight.js';
import { History } from '../../src/editor/history.js';
import { layout } from '../../src/editor/layout.js';
import { pickTheme } from '../../src/editor/themes.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';

// 300 lines, with a block comment and a string that span lines, so the lexing context matters.
const text = Array.from({ length: 300 }, (_, i) =>
  i % 37 === 5 ? `/* a comment that goes on` : i % 37 === 8 ? `still comment */ select 'open` : i % 37 === 9 ? `string' as s, x_${i} from t;` : `select col_${i}, '${'v'.repeat(i % 50)}', ${i} from table_${i}; -- ${i}`,
).join('\n');

describe('only the lines that can be on the screen are laid out and highlighted', () => {
  for (const at of [0, 3000, Math.floor(text.length / 2), text.length - 10, text.length]) {
    test(`the frame is the same as laying out the whole buffer (cursor at ${at})`, () => {
      const state = update(initialState(text), { doc: new Document(text, at) });
      const settings = { ...defaultEditorSettings, multiLine: true };
      const prompt = { prompt: 'db> ', continuation: (_r: string | undefined, n: number) => `${n}> ` };
      const rows = 24;
      const cols = 60;
      const windowed = buildFrame({ state, prompt, settings, dialect: sqliteDialect, history: History.inMemory(), cols, rows, env: {}, final: false, colorDepth: 8 });
      const whole = layout({
        state,
        prompt: prompt.prompt,
        continuation: (n) => prompt.continuation(undefined, n),
        spans: highlight(text, sqliteDialect),
        theme: pickTheme({ name: 'dark', color: true, colorDepth: 8, env: {} }),
        cols,
        rows,
        toolbar: 'x',
        final: false,
      });
      assert.deepEqual(windowed, whole);
    });
  }
  test('short buffers are laid out whole', () => {
    assert.equal(visibleLines(['a', 'b', 'c'], 1, 24), undefined);
    const w = visibleLines(Array.from({ length: 100 }, () => 'ab'), 50, 10)!;
    assert.deepEqual(w, { start: 39 * 3, end: 39 * 3 + 23 * 3 - 1, firstLine: 39 });
  });
});
