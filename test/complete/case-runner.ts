/**
 * Table-driven completion cases: `q` holds the input with a `|` cursor marker; `{name}` (in the input and
 * in expectations) is the name quoted for the dialect. Each case runs once per engine it names (default: all).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { complete } from '../../src/complete/complete.js';
import type { CompleteOptions } from '../../src/complete/complete-options.js';
import type { Completion } from '../../src/complete/completion.js';
import type { EngineId } from '../../src/sql/dialect.js';
import { DIALECTS, musicCatalog } from './music-catalog.js';
import { loadSnapshot } from './real/load-snapshot.js';

export interface Case {
  readonly q: string;
  /** Candidate texts that must be offered. */
  readonly has?: readonly string[];
  /** Candidate texts that must not be offered. */
  readonly not?: readonly string[];
  /** The first candidate's text. */
  readonly first?: string;
  /** The first candidate's kind. */
  readonly firstKind?: Completion['kind'];
  /** These texts appear in this order (each must be present). */
  readonly order?: readonly string[];
  /** No candidates at all. */
  readonly none?: boolean;
  readonly engines?: readonly EngineId[];
  readonly opts?: CompleteOptions;
  /** Which catalog: the synthetic music store (default) or the snapshot introspected from the real database (real/catalog-<engine>.json). */
  readonly catalog?: 'music' | 'real';
  /**
   * Each `has` candidate, inserted in place of the word at the cursor, gives a complete statement the real
   * engine accepts (checked against the live servers by real-accept.test.ts).
   */
  readonly accept?: boolean;
  /** The context the case belongs to (for the per-context counts). */
  readonly context?: string;
}

export const ALL: readonly EngineId[] = ['sqlite', 'postgres', 'mysql', 'duckdb'];

function expand(s: string, engine: EngineId): string {
  return s.replace(/\{([^{}|]+)\}/g, (_, name: string) => DIALECTS[engine].quoteIdent(name));
}

export function runCase(c: Case, engine: EngineId): readonly Completion[] {
  const q = expand(c.q, engine);
  const cursor = q.indexOf('|');
  assert.ok(cursor >= 0, `case ${JSON.stringify(c.q)} has no | cursor marker`);
  const text = q.slice(0, cursor) + q.slice(cursor + 1);
  return complete(text, cursor, c.catalog === 'real' ? loadSnapshot(engine) : musicCatalog(engine), { maxResults: 400, ...c.opts });
}

export function checkCase(c: Case, engine: EngineId): void {
  const got = runCase(c, engine);
  const texts = got.map((x) => x.text);
  const show = (): string => `got ${JSON.stringify(texts.slice(0, 15))}${texts.length > 15 ? ` (+${texts.length - 15})` : ''}`;
  if (c.none) assert.equal(texts.length, 0, `expected no candidates, ${show()}`);
  for (const h of c.has ?? []) assert.ok(texts.includes(expand(h, engine)), `expected ${JSON.stringify(expand(h, engine))}; ${show()}`);
  for (const n of c.not ?? []) assert.ok(!texts.includes(expand(n, engine)), `did not expect ${JSON.stringify(expand(n, engine))}; ${show()}`);
  if (c.first !== undefined) assert.equal(texts[0], expand(c.first, engine), `wrong first candidate; ${show()}`);
  if (c.firstKind !== undefined) assert.equal(got[0]?.kind, c.firstKind, `wrong first kind; ${show()}`);
  if (c.order) {
    const idx = c.order.map((o) => texts.indexOf(expand(o, engine)));
    idx.forEach((i, k) => assert.ok(i >= 0, `expected ${JSON.stringify(c.order![k])} present; ${show()}`));
    for (let k = 1; k < idx.length; k++) assert.ok(idx[k - 1]! < idx[k]!, `expected ${JSON.stringify(c.order[k - 1])} before ${JSON.stringify(c.order[k])}; ${show()}`);
  }
}

export function runCases(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      for (const engine of c.engines ?? ALL) {
        test(`${engine}: ${c.q.replace(/\n/g, '\\n')}`, () => checkCase(c, engine));
      }
    }
  });
}
