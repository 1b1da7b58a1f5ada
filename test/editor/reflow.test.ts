import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyDecoder } from '../../src/editor/key-decoder.js';
import { rowsAboveAfterShrink, terminalKindFromDa2 } from '../../src/editor/reflow.js';
import { Renderer } from '../../src/editor/renderer.js';
import { ResizeWatcher } from '../../src/editor/resize-watcher.js';
import { safeText } from '../../src/output/terminal-text.js';

// A prompt row 93 cells wide with the cursor at its end, and a toolbar of 99 cells below it,
// drawn at 100 columns, then the terminal narrows to 40.
const widths = [93, 99];

describe('rowsAboveAfterShrink', () => {
  test('xterm.js: rows below the cursor that rewrap push the cursor down, and its own row is rewrapped too', () => {
    // toolbar: 3 rows (+2); then the cursor is taken to be 2 rows lower, so the prompt row (3 rows, +2) is rewrapped as well.
    assert.equal(rowsAboveAfterShrink({ widths, row: 0, col: 93, newCols: 40, terminal: 'xterm.js' }), 4);
  });
  test('xterm.js: the row the moved cursor lands on is the one left alone', () => {
    // rows: cursor at 0 (50 wide), row 1 of 30, row 2 of 90 (+2), row 3 of 90 (+2): after row 3, the cursor
    // "is" on row 2, so row 2 is not rewrapped; row 0 is (+1).
    assert.equal(rowsAboveAfterShrink({ widths: [50, 30, 90, 90], row: 0, col: 50, newCols: 40, terminal: 'xterm.js' }), 3);
  });
  test('xterm.js, screen also shorter, cursor now on the last row: the rows below it were dropped first', () => {
    // The prompt row (73 wide) keeps the cursor; the toolbar went with the dropped lines: nothing rewraps.
    assert.equal(rowsAboveAfterShrink({ widths: [73, 99], row: 0, col: 73, newCols: 40, terminal: 'xterm.js', rowsBefore: 30, rowsAfter: 20, reportedRow: 19 }), 0);
    assert.equal(rowsAboveAfterShrink({ widths: [73, 99], row: 0, col: 73, newCols: 40, terminal: 'xterm.js', rowsBefore: 30, rowsAfter: 20, reportedRow: 5 }), 3, 'mid-screen: blank lines went');
  });
  test('follow (VTE, tmux, kitty): rows above rewrap and the cursor moves along with its row', () => {
    assert.equal(rowsAboveAfterShrink({ widths: [93, 70, 99], row: 1, col: 70, newCols: 40, terminal: 'follow' }), 3 + 1);
    assert.equal(rowsAboveAfterShrink({ widths, row: 0, col: 93, newCols: 40, reportedCol: 93 % 40 }), 2, 'told by the reported column');
    assert.equal(rowsAboveAfterShrink({ widths, row: 0, col: 20, newCols: 40 }), 0, 'rows below do not count');
  });
  test('truncate (XTerm): nothing rewraps, the cursor keeps its row', () => {
    assert.equal(rowsAboveAfterShrink({ widths: [93, 93, 99], row: 1, col: 93, newCols: 40, terminal: 'truncate' }), 1);
    assert.equal(rowsAboveAfterShrink({ widths: [93, 93, 99], row: 1, col: 93, newCols: 40, reportedCol: 39 }), 1, 'a clamped column without a DA2 answer');
  });
  test('the secondary device attributes name xterm.js and XTerm; others are left to the cursor report', () => {
    assert.equal(terminalKindFromDa2('0;276;0'), 'xterm.js');
    assert.equal(terminalKindFromDa2('41;390;0'), 'truncate');
    assert.equal(terminalKindFromDa2('84;0;0'), undefined); // tmux
    assert.equal(terminalKindFromDa2('65;7600;1'), undefined); // VTE
  });
});

describe('Renderer.resized', () => {
  function drawn(): { r: Renderer; out: () => string; reset: () => void } {
    let written = '';
    const r = new Renderer({ write: (s: string) => (written += s) });
    r.render({ rows: ['p'.repeat(93), 't'.repeat(99)].map((x) => safeText(x)), widths, cursorRow: 0, cursorCol: 93 }, 100);
    return { r, out: () => written, reset: () => (written = '') };
  }
  test('narrowing moves up to where the terminal put the area top, then clears to the end of the screen', () => {
    const d = drawn();
    d.reset();
    d.r.resized(40, { terminal: 'xterm.js' });
    assert.equal(d.out(), '\x1b[4A\r\x1b[J');
    const v = drawn();
    v.reset();
    v.r.resized(40, { reportedCol: 13 });
    assert.equal(v.out(), '\x1b[2A\r\x1b[J');
  });
  test('widening only goes back to the first row of the area', () => {
    let written = '';
    const r = new Renderer({ write: (s: string) => (written += s) });
    r.render({ rows: ['a', 'b', 'c'].map((x) => safeText(x)), widths: [1, 1, 1], cursorRow: 2, cursorCol: 1 }, 40);
    written = '';
    r.resized(100, { terminal: 'xterm.js' });
    assert.equal(written, '\x1b[2A\r\x1b[J');
  });
});

describe('ResizeWatcher', () => {
  test('asks who the terminal is once, and where the cursor is each time; finishes on the cursor report', () => {
    let written = '';
    const reports: unknown[] = [];
    const w = new ResizeWatcher((s) => (written += s), (r) => reports.push(r));
    const guard = (f: () => void): void => f();
    w.resized(guard);
    assert.equal(written, '\x1b[>c\x1b[6n');
    assert.equal(w.pending, true);
    for (const k of new KeyDecoder().feed('\x1b[>0;276;0c\x1b[12;40R')) assert.equal(w.reply(k), true);
    assert.deepEqual(reports, [{ reportedCol: 39, reportedRow: 11, rowsBefore: 0, rowsAfter: 0, terminal: 'xterm.js' }]);
    assert.equal(w.pending, false);
    written = '';
    w.resized(guard);
    assert.equal(written, '\x1b[6n');
    w.cancel();
  });
  test('other keys are not replies', () => {
    const w = new ResizeWatcher(() => undefined, () => undefined);
    assert.equal(w.reply({ key: 'a', text: 'a' }), false);
  });
});
