/**
 * Acceptance: a candidate the menu offers must be accepted by the real engine at that position.
 * Every module in real-cases/ exports Case lists; for each case with `accept: true`, each name of `has`
 * is taken from complete() (on the engine's real catalog snapshot), inserted in place of the word at the
 * cursor, and the resulting statement is checked by the engine (accept-check.ts: nothing is changed).
 */
import { after, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { complete } from '../../src/complete/complete.js';
import type { Completion, CompletionKind } from '../../src/complete/completion.js';
import type { EngineId } from '../../src/sql/dialect.js';
import { sharedMariadb } from '../harness/mariadb-server.js';
import { sharedPostgres } from '../harness/postgres-server.js';
import { withServer } from '../harness/server-test.js';
import type { Case } from './case-runner.js';
import { checkAccepted } from './real/accept-check.js';
import { loadSnapshot } from './real/load-snapshot.js';
import { openRealDatabase, REAL_ENGINES, type RealDatabase } from './real/real-databases.js';

/**
 * Accept cases always complete on the real catalog (the snapshot of the database the engine checks against).
 * `acceptOffered` (this runner's own field) checks every offered candidate of those kinds, not only `has`,
 * except the texts in `acceptExcept` (e.g. type constructors that are only valid with arguments: DuckDB's `struct`).
 */
type AcceptCase = Case & {
  readonly accept?: boolean;
  readonly acceptOffered?: readonly CompletionKind[];
  readonly acceptExcept?: readonly string[];
};

const casesDir = new URL('./real-cases/', import.meta.url);
const modules = readdirSync(casesDir).filter((f) => f.endsWith('.js')).sort();
const cases: { file: string; c: AcceptCase }[] = [];
for (const file of modules) {
  const mod = (await import(new URL(file, casesDir).href)) as Record<string, unknown>;
  for (const value of Object.values(mod)) {
    if (!Array.isArray(value)) continue;
    for (const c of value as AcceptCase[]) if (c && typeof c === 'object' && typeof c.q === 'string' && c.accept) cases.push({ file, c });
  }
}

const SERVER: Partial<Record<EngineId, () => Promise<unknown>>> = { postgres: sharedPostgres, mysql: sharedMariadb };
const databases = new Map<EngineId, Promise<RealDatabase>>();
async function database(t: TestContext, engine: EngineId): Promise<RealDatabase | undefined> {
  const server = SERVER[engine];
  if (server && !(await withServer(t, server))) return undefined;
  let db = databases.get(engine);
  if (!db) {
    db = openRealDatabase(engine);
    databases.set(engine, db);
  }
  return db;
}
after(async () => {
  for (const db of databases.values()) await (await db.catch(() => undefined))?.close();
  for (const [engine, n] of counts) {
    const modes = Object.entries(n.modes).map(([m, k]) => `${k} ${m}`).join(', ');
    console.log(`acceptance ${engine}: ${n.checked} checked (${modes}), ${n.rejected} rejected, ${n.skipped} skipped`);
  }
});

const counts = new Map<EngineId, { checked: number; rejected: number; skipped: number; modes: Record<string, number> }>();
const expand = (s: string, engine: EngineId): string => s.replace(/\{([^{}|]+)\}/g, (_, name: string) => loadSnapshot(engine).dialect.quoteIdent(name));

test('there are acceptance cases to check', () => {
  assert.ok(cases.length > 0, `no case with accept: true in ${modules.join(', ') || 'real-cases/ (empty)'}`);
});

for (const engine of REAL_ENGINES) {
  describe(`${engine}: offered candidates are accepted by the engine`, () => {
    for (const { file, c } of cases) {
      if (!(c.engines ?? REAL_ENGINES).includes(engine)) continue;
      test(`${file}: ${c.q.replace(/\n/g, '\\n')}`, async (t) => {
        const db = await database(t, engine);
        if (!db) return;
        const n = counts.get(engine) ?? { checked: 0, rejected: 0, skipped: 0, modes: {} };
        counts.set(engine, n);
        const q = expand(c.q, engine);
        const cursor = q.indexOf('|');
        assert.ok(cursor >= 0, `case ${JSON.stringify(c.q)} has no | cursor marker`);
        const text = q.slice(0, cursor) + q.slice(cursor + 1);
        const offered = complete(text, cursor, loadSnapshot(engine), { maxResults: 400, ...c.opts });
        assert.ok((c.has ?? []).length > 0 || (c.acceptOffered ?? []).length > 0, 'an accept case names the candidates to check (`has`, `acceptOffered`)');
        const problems: string[] = [];
        const toCheck: Completion[] = [];
        for (const name of c.has ?? []) {
          const want = expand(name, engine);
          const candidate = offered.find((x) => x.text === want);
          if (candidate) toCheck.push(candidate);
          else problems.push(`${JSON.stringify(want)} is not offered (got ${JSON.stringify(offered.slice(0, 12).map((x) => x.text))})`);
        }
        const kinds = c.acceptOffered ?? [];
        const except = new Set(c.acceptExcept ?? []);
        for (const x of offered) if (kinds.includes(x.kind) && !except.has(x.text) && !toCheck.includes(x)) toCheck.push(x);
        for (const candidate of toCheck) {
          const statement = text.slice(0, candidate.replace.start) + candidate.text + text.slice(candidate.replace.end);
          const verdict = await checkAccepted(db.connection, engine, statement);
          if (verdict.mode === 'skip') {
            n.skipped++;
            t.diagnostic(`not checked: ${verdict.reason}`);
            continue;
          }
          n.checked++;
          n.modes[verdict.mode] = (n.modes[verdict.mode] ?? 0) + 1;
          if (verdict.error !== undefined) {
            n.rejected++;
            problems.push(`${engine} rejected (${verdict.mode}):\n    ${statement}\n    ${verdict.error}`);
          }
        }
        assert.equal(problems.length, 0, problems.join('\n'));
      });
    }
  });
}
