/** Which columns a chart draws, and the reasons a result cannot be charted. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseColumns, type ChoiceResult } from '../../src/chart/choose-columns.js';
import { columnKinds } from '../../src/chart/column-kind.js';
import { parseChartArgs } from '../../src/chart/chart-request.js';
import type { ColumnInfo, Value } from '../../src/core/result.js';

const col = (name: string, type = ''): ColumnInfo => ({ name, type });
function choose(columns: ColumnInfo[], row: Value[], words: string[] = []): ChoiceResult {
  return chooseColumns(columns, columnKinds(columns, [row]), parseChartArgs(words));
}
const said = (r: ChoiceResult): string => ('error' in r ? `error: ${r.error}` : r.said);

describe('chooseColumns', () => {
  test('text and numbers: a bar chart of the numbers by the text', () => {
    assert.equal(said(choose([col('country'), col('total'), col('orders')], ['USA', 1.5, 3n])), 'bar chart: x = country, y = total, orders');
  });
  test('a date column (ISO text, as SQLite keeps dates, or temporal values): a line chart', () => {
    assert.equal(said(choose([col('month'), col('revenue')], ['2024-01', 10])), 'line chart: x = month, y = revenue');
    assert.equal(said(choose([col('day', 'date'), col('n')], [{ kind: 'temporal', text: '2024-01-02' }, 1])), 'line chart: x = day, y = n');
  });
  test('numbers only: one column is a histogram, several a line chart over the first', () => {
    assert.equal(said(choose([col('v')], [1.5])), 'histogram of v');
    assert.equal(said(choose([col('x'), col('y')], [1, 2])), 'line chart: x = x, y = y');
  });
  test('named kind and columns; names match without case when only one does', () => {
    assert.equal(said(choose([col('a'), col('B'), col('c')], ['x', 1, 2], ['bar', 'a', 'c'])), 'bar chart: x = a, y = c');
    assert.equal(said(choose([col('a'), col('B'), col('c')], ['x', 1, 2], ['hist', 'b'])), 'histogram of B');
    assert.equal(said(choose([col('name'), col('q1'), col('q2'), col('q3')], ['x', 1, 2, 3], ['spark'])), 'sparklines of q1, q2, q3 per name');
  });
  test('the reasons a result cannot be charted are said', () => {
    assert.match(said(choose([col('name'), col('country')], ['a', 'b'])), /^error: the result has no numeric column \(name \(text\), country \(text\)\)/);
    assert.match(said(choose([col('a'), col('b')], ['x', 1], ['bar', 'a', 'nope'])), /^error: no column "nope" in the result; its columns are a \(text\), b \(number\)/);
    assert.match(said(choose([col('a'), col('b')], ['x', 1], ['hist', 'a'])), /^error: column "a" is not numeric \(text\)/);
    assert.match(said(choose([col('a'), col('b')], ['x', 1], ['spark'])), /^error: sparklines run along a row's numeric columns and this result has one \(b\)/);
    assert.match(said(choose([], [])), /^error: the statement returned no columns/);
  });
  test('a first word that is a kind is the kind; "quoted" column names', () => {
    assert.deepEqual(parseChartArgs(['Histogram', '"My Col"']), { kind: 'hist', x: 'My Col', y: [] });
    assert.deepEqual(parseChartArgs(['month', 'revenue']), { x: 'month', y: ['revenue'] });
  });
});
