/**
 * The context table on the real catalogs: every case of real-cases/*.ts, run against the snapshot
 * introspected from the engine's real database (real/catalog-<engine>.json). At the end it prints the
 * number of cases and passes per context and engine (the table the issue asks for).
 */
import { after, describe, test } from 'node:test';
import { readdirSync } from 'node:fs';
import { ALL, checkCase, type Case } from './case-runner.js';

const dir = new URL('./real-cases/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
const tally = new Map<string, Map<string, { cases: number; pass: number }>>();

for (const file of files) {
  const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>;
  const cases = Object.values(mod).filter(Array.isArray).flat() as Case[];
  describe(`real catalogs: ${file.replace(/\.js$/, '')}`, () => {
    for (const c of cases) {
      for (const engine of c.engines ?? ALL) {
        const context = c.context ?? file.replace(/\.js$/, '');
        test(`${engine}: ${c.q.replace(/\n/g, '\\n')}`, () => {
          const row = tally.get(context) ?? new Map<string, { cases: number; pass: number }>();
          tally.set(context, row);
          const cell = row.get(engine) ?? { cases: 0, pass: 0 };
          row.set(engine, cell);
          cell.cases++;
          checkCase({ ...c, catalog: 'real' }, engine);
          cell.pass++;
        });
      }
    }
  });
}

after(() => {
  const engines = ['postgres', 'mysql', 'sqlite', 'duckdb'];
  const lines = [`| context | ${engines.join(' | ')} | total |`, `|---|${engines.map(() => '---:|').join('')}---:|`];
  let total = 0;
  let passed = 0;
  for (const [context, row] of [...tally].sort()) {
    let t = 0;
    let p = 0;
    const cells = engines.map((e) => {
      const c = row.get(e);
      if (!c) return '-';
      t += c.cases;
      p += c.pass;
      return `${c.pass}/${c.cases}`;
    });
    total += t;
    passed += p;
    lines.push(`| ${context} | ${cells.join(' | ')} | ${p}/${t} |`);
  }
  lines.push(`| all | | | | | ${passed}/${total} |`);
  console.log(`\nreal-catalog cases (passed/cases):\n${lines.join('\n')}`);
});
