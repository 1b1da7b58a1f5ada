/**
 * Test helpers for the engines' fast paths (rows written without row objects): a result rendered as
 * a file or pipe gets it (output/stream-output.ts over a stream that keeps the bytes), and the check
 * that a fast path writes the ordinary path's bytes.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { ResultEvent } from '../../src/core/result.js';
import type { Connection, ExecuteOptions } from '../../src/engines/engine.js';
import type { RenderOptions } from '../../src/output/sink.js';
import { streamOutput } from '../../src/output/stream-output.js';
import { renderEvents } from '../../src/shell/render-events.js';

export interface Rendered {
  readonly bytes: Buffer;
  /** The bytes as UTF-8 text (for assertions on what a reader sees). */
  readonly text: string;
  readonly rows: number;
  /** A fast-path event came: 'bytes', 'copy-text' or 'text' (the rows written without row objects). */
  readonly fast: boolean;
  /** The kinds of events that came. */
  readonly types: ReadonlySet<ResultEvent['type']>;
}

/** What run-script (shell/run-script.ts) asks of an engine for each format written to a file or pipe. */
export const EXPORT_CASES: readonly (readonly [RenderOptions['format'], ExecuteOptions])[] = [
  ['csv', { csv: { nullString: '' } }],
  ['tsv', { tsv: { nullString: '' } }],
  ['json', { json: { lines: false } }],
  ['jsonl', { json: { lines: true } }],
  ['table', { copyText: true }],
  ['expanded', { copyText: 'rows' }],
  ['markdown', { markdown: { nullString: '' }, copyText: 'rows' }],
  ['unaligned', { unaligned: { nullString: '', fieldSeparator: '|', recordSeparator: '\n', header: true }, copyText: 'rows' }],
];

export const renderOptions = (format: RenderOptions['format'], more: Partial<RenderOptions> = {}): RenderOptions => ({
  format,
  tableStyle: 'psql',
  nullString: '',
  header: true,
  footer: true,
  color: false,
  ...more,
});

/** The statement's result as a file or pipe gets it; a character cut between two pieces comes out whole. */
export async function rendered(c: Connection, sql: string, opts: ExecuteOptions, render: RenderOptions): Promise<Rendered> {
  const chunks: Buffer[] = [];
  const stream = new Writable({ write: (b: Buffer, _e, done) => (chunks.push(Buffer.from(b)), done()) });
  const types = new Set<ResultEvent['type']>();
  async function* tap(events: AsyncIterable<ResultEvent>): AsyncGenerator<ResultEvent> {
    for await (const e of events) {
      types.add(e.type);
      yield e;
    }
  }
  const summary = await renderEvents(tap(c.execute(sql, opts)), streamOutput(stream), render, { notice: () => undefined });
  await new Promise<void>((resolve) => stream.end(resolve));
  const bytes = Buffer.concat(chunks);
  const fast = types.has('bytes') || types.has('copy-text') || types.has('text');
  return { bytes, text: bytes.toString('utf8'), rows: summary.rowCount, fast, types };
}

/**
 * The fast path (ExecuteOptions `fast`) writes the ordinary path's bytes, rows and count; `expectFast`:
 * whether a fast-path event must come (false for a result that takes the ordinary path, or has no rows;
 * 'either' when the caller checks the events itself).
 * The first difference is shown with its surroundings. Returns the fast path's result.
 */
export async function assertSameBytes(c: Connection, sql: string, fast: ExecuteOptions, render: RenderOptions, expectFast: boolean | 'either' = true): Promise<Rendered> {
  // psql's values (t / f, the server's floats and bytea), as run-script asks for them with psql's layout
  const psqlValues: ExecuteOptions = render.psqlBooleans ? { psqlValues: true } : {};
  const ordinary = await rendered(c, sql, psqlValues, render);
  const quick = await rendered(c, sql, { ...fast, ...psqlValues }, render);
  assert.equal(ordinary.fast, false, 'the ordinary path sent rows');
  if (expectFast !== 'either') assert.equal(quick.fast, expectFast, `${render.format}: the fast path was ${expectFast ? 'not ' : ''}taken for: ${sql.slice(0, 200)}`);
  if (!quick.bytes.equals(ordinary.bytes)) {
    const a = ordinary.bytes.toString('latin1');
    const b = quick.bytes.toString('latin1');
    let k = 0;
    while (a[k] === b[k]) k++;
    assert.equal(JSON.stringify(b.slice(Math.max(0, k - 40), k + 40)), JSON.stringify(a.slice(Math.max(0, k - 40), k + 40)), `${render.format}: first difference at byte ${k}`);
  }
  assert.equal(quick.rows, ordinary.rows);
  return quick;
}
