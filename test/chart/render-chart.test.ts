/**
 * The renderers through the chart sink: every kind fits the width it is given, ASCII locales get
 * ASCII only, NO_COLOR gets no escape sequence, data labels are escaped, and a small bar chart
 * matches its golden text.
 */
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { ChartSink } from '../../src/chart/chart-sink.js';
import { parseChartArgs } from '../../src/chart/chart-request.js';
import { renderChart } from '../../src/chart/render-chart.js';
import { localeIsUtf8, type ChartLook } from '../../src/chart/chart-look.js';
import { displayWidth, loadDisplayWidth } from '../../src/output/display-width.js';
import type { ColumnInfo, Row } from '../../src/core/result.js';

before(() => loadDisplayWidth());

function chart(columns: string[], rows: Row[], words: string[], look: ChartLook): string[] {
  const sink = new ChartSink(parseChartArgs(words), { maxItems: 20, maxPoints: 4096, histBins: 12 });
  sink.begin(columns.map((name): ColumnInfo => ({ name, type: '' })));
  for (let i = 0; i < rows.length; i += 100) sink.rows(rows.slice(i, i + 100));
  sink.end({ rowCount: rows.length });
  const o = sink.outcome();
  if ('error' in o) throw new Error(o.error);
  return renderChart(o, look);
}

const months: Row[] = Array.from({ length: 24 }, (_, i) => [`${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, 100 + 50 * Math.sin(i / 3), i * 7]);
const cases: readonly [string, string[], Row[], string[]][] = [
  ['bar', ['country', 'n'], [['USA', 39], ['France', 39], ['日本', 12], ['Chile', 0]], []],
  ['bar, two series', ['country', 'a', 'b'], [['USA', 39, -3], ['France', null, 5]], ['bar']],
  ['line', ['month', 'revenue', 'orders'], months, []],
  ['line over text x (wide labels)', ['name', 'v'], [['日本語のとても長いラベル', 1], ['b', 3], ['最後のとても長いラベルです', 2]], ['line']],
  ['hist', ['v'], Array.from({ length: 5000 }, (_, i) => [(i * 7919) % 1000]), []],
  ['spark', ['name', 'q1', 'q2', 'q3', 'q4'], [['ann', 1, 5, 2, 8], ['bob', 3, 3, 3, null]], ['spark']],
];

describe('chart renderers', () => {
  for (const [name, cols, rows, words] of cases) {
    test(`${name}: fits 40, 80 and 120 columns; ASCII only without UTF-8; no escape without colour`, () => {
      for (const width of [40, 80, 120]) {
        for (const unicode of [true, false]) {
          const lines = chart(cols, rows, words, { width, height: 10, unicode, color: false });
          lines.forEach((l, i) => {
            // the sentence above and the notes below are prose: the terminal wraps them
            if (i > 0 && !l.startsWith('(')) assert.ok(displayWidth(l) <= width, `${name} at ${width}: ${JSON.stringify(l)} is ${displayWidth(l)} wide`);
            assert.ok(!l.includes('\x1b'), `no escape sequence without colour: ${JSON.stringify(l)}`);
            if (!unicode) assert.match(l.replace(/[日本語のとても長いラベル最後です~]/g, ''), /^[\x20-\x7e]*$/, `ASCII only (but the data): ${JSON.stringify(l)}`);
          });
        }
      }
      const coloured = chart(cols, rows, words, { width: 80, height: 10, unicode: true, color: true }).join('\n');
      const sgr = [...coloured.matchAll(/\x1b\[([0-9;]*)m/g)].map((m) => m[1]);
      assert.ok(sgr.length > 0, 'colour is used');
      assert.ok(sgr.every((p) => /^(0|2|3[0-7])$/.test(p!)), `16-colour palette only: ${[...new Set(sgr)].join(' ')}`);
      assert.equal(coloured.replace(/\x1b\[[0-9;]*m/g, '').includes('\x1b'), false, 'nothing but SGR');
    });
  }

  test('golden: a bar chart, 40 columns, Unicode, no colour', () => {
    assert.deepEqual(chart(['country', 'n'], [['USA', 40], ['France', 30], ['Chile', 5]], [], { width: 40, height: 10, unicode: true, color: false }), [
      'bar chart: x = country, y = n',
      'USA    │█████████████████████████████ 40',
      'France │█████████████████████▊        30',
      'Chile  │███▋                           5',
    ]);
  });

  test('golden: the same in ASCII, with a histogram', () => {
    assert.deepEqual(chart(['country', 'n'], [['USA', 40], ['France', 30], ['Chile', 5]], [], { width: 40, height: 10, unicode: false, color: false }).slice(1), [
      'USA    |############################# 40',
      'France |######################        30',
      'Chile  |####                           5',
    ]);
    assert.deepEqual(chart(['v'], [[1], [2], [2], [3], [3], [3]], [], { width: 30, height: 10, unicode: false, color: false }), [
      'histogram of v',
      '1 |########                  1',
      '2 |#################         2',
      '3 |######################### 3',
      '(6 values, min 1, max 3, mean 2.33333)',
    ]);
  });

  test('labels from the data are escaped: a terminal control in a value shows as text', () => {
    const lines = chart(['name', 'n'], [['\x1b[2Jevil\u202e', 1]], [], { width: 60, height: 10, unicode: true, color: true });
    const text = lines.join('\n').replace(/\x1b\[[0-9;]*m/g, '');
    assert.ok(!text.includes('\x1b') && !text.includes('\u202e'), JSON.stringify(text));
    assert.match(text, /\\x1b\[2Jevil\\u202e/);
  });

  test('a line chart of a million points keeps at most 4,096 and says so', () => {
    const sink = new ChartSink(parseChartArgs(['line']), { maxItems: 20, maxPoints: 4096, histBins: 12 });
    sink.begin([{ name: 'x', type: '' }, { name: 'y', type: '' }]);
    for (let i = 0; i < 1_000_000; i += 1000) sink.rows(Array.from({ length: 1000 }, (_, j) => [i + j, Math.sqrt(i + j)]));
    sink.end({ rowCount: 1_000_000 });
    const o = sink.outcome();
    assert.ok(!('error' in o) && o.kind === 'line');
    if ('error' in o || o.kind !== 'line') return;
    assert.ok(o.xs.length <= 4096 && o.xs.length >= 2048, `${o.xs.length} points kept`);
    assert.equal(o.xMax, 999_999, 'the axis covers every row');
    const lines = renderChart(o, { width: 80, height: 10, unicode: true, color: false });
    assert.match(lines[lines.length - 1]!, /^\(1,000,000 rows: every 256th row drawn \(3,907 points\)\)$/);
  });

  test('the locale decides Unicode: LC_ALL, then LC_CTYPE, then LANG', () => {
    assert.equal(localeIsUtf8({ LANG: 'en_US.UTF-8' }), true);
    assert.equal(localeIsUtf8({ LANG: 'C' }), false);
    assert.equal(localeIsUtf8({}), false);
    assert.equal(localeIsUtf8({ LC_ALL: 'C', LANG: 'en_US.UTF-8' }), false);
    assert.equal(localeIsUtf8({ LC_CTYPE: 'de_DE.utf8', LANG: 'C' }), true);
  });
});

test('a negative value is drawn as long as its magnitude, in a fill of its own', () => {
  const lines = chart(['k', 'v'], [['up', 4], ['down', -2]], [], { width: 30, height: 10, unicode: true, color: true }).map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
  assert.match(lines[1]!, /^up   │█{10,} +4$/);
  assert.match(lines[2]!, /^down │░{5,}(?!█) +-2$/);
});

test('a line chart whose series differ 20x or more says which one looks flat and how to see it', async () => {
  await loadDisplayWidth();
  const weeks = Array.from({ length: 10 }, (_, i) => [`2026-01-${String(i + 10)}`, 4000 + i * 50, 20 + (i % 3)]);
  const text = chart(['week', 'revenue', 'orders'], weeks, [], { width: 60, height: 8, unicode: true, color: false }).join('\n');
  assert.match(text, /^\(orders peaks 202x below revenue and looks flat: \\chart line week orders draws it alone\)$/m, text);
  const close = chart(['week', 'a', 'b'], weeks.map(([w, r]) => [w, r, Number(r) / 2]), [], { width: 60, height: 8, unicode: true, color: false }).join('\n');
  assert.doesNotMatch(close, /looks flat/);
});

test('bar values in one column share their number of decimals', () => {
  const text = chart(['country', 'revenue'], [['France', 48360.01], ['Canada', 43483.33], ['Kenya', 38410]], [], { width: 60, height: 8, unicode: true, color: false }).join('\n');
  assert.match(text, / 48,360\.0$/m, text);
  assert.match(text, / 43,483\.3$/m, text);
  assert.match(text, / 38,410\.0$/m, text);
  const whole = chart(['k', 'n'], [['a', 450], ['b', 357]], [], { width: 60, height: 8, unicode: true, color: false }).join('\n');
  assert.match(whole, / 450$/m, whole);
});
