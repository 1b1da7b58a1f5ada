/**
 * Charts as a person sees them: the real sqlsh in a pty, read back through the headless terminal, at
 * 60, 80 and 120 columns, with NO_COLOR and in an ASCII locale, compared with golden screens in
 * test/chart/golden/ (UPDATE_GOLDEN=1 rewrites them; read the diff before committing). The queries are
 * typed (\gchart on the demo database) or read with \i from files holding `SELECT ... \gchart`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allText, homesForFile, repoRoot, run, startShell, waitForIdlePrompt } from '../e2e/shell-helpers.js';
import type { PtySession } from '../e2e/pty-harness.js';

const newHome = homesForFile();
const goldenDir = join(repoRoot, 'test', 'chart', 'golden');

const SCRIPTS: Readonly<Record<string, string>> = {
  'line.sql': `with recursive m(i) as (select 0 union all select i + 1 from m where i < 35)
select date('2023-01-01', '+' || i || ' months') as month, 100 + (i * 37) % 50 + i * 3 as revenue, 40 + (i * 13) % 30 as orders from m \\gchart`,
  'hist.sql': `with recursive c(i) as (select 1 union all select i + 1 from c where i < 5000)
select ((i * 7919) % 1000 + (i * 104729) % 1000) / 10.0 as price from c \\gchart hist`,
  'spark.sql': `select 'north' as region, 3 as q1, 5 as q2, 9 as q3, 4 as q4, 7 as q5, 8 as q6 union all select 'south', 9, 7, 4, 2, 1, 3 union all select 'east', 2, 2, 3, 5, 8, 13 \\gchart spark`,
};
const BAR = 'select country, count(*) as customers from customers group by 1 order by 2 desc, 1 limit 6 \\gchart';

/** The lines from the command's echo up to (not including) the next prompt. */
function outputOf(t: PtySession, command: string): string {
  const lines = allText(t).split('\n');
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.startsWith('sqlite demo.db> ') && lines[i]!.includes(command.slice(0, 30))) { start = i; break; }
  assert.ok(start >= 0, `the command ${command} is on the screen`);
  let i = start + 1;
  while (i < lines.length && !lines[i - 1]!.endsWith('\\gchart') && !lines[i - 1]!.includes(command.slice(-12))) i++;
  const out: string[] = [];
  for (; i < lines.length && !lines[i]!.startsWith('sqlite demo.db>'); i++) out.push(lines[i]!.trimEnd());
  return out.join('\n') + '\n';
}

function golden(name: string, actual: string): void {
  const file = join(goldenDir, `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== '1') assert.fail(`wrote the missing golden ${file}: check it and run again`);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `screen differs from ${file} (UPDATE_GOLDEN=1 to rewrite after checking)`);
}

async function session(cols: number, env: Record<string, string | undefined>): Promise<PtySession> {
  const home = newHome();
  for (const [name, text] of Object.entries(SCRIPTS)) writeFileSync(join(home.dir, name), `${text}\n`);
  const t = await startShell(home, ['--demo'], { cols, rows: 30, env: { LANG: 'C.UTF-8', LC_ALL: undefined, LC_CTYPE: undefined, NO_COLOR: undefined, ...env } });
  await waitForIdlePrompt(t);
  return t;
}

async function chartsAt(t: PtySession, label: string): Promise<void> {
  await run(t, BAR);
  golden(`bar-${label}`, outputOf(t, BAR));
  for (const name of Object.keys(SCRIPTS)) {
    await run(t, `\\i ${name}`);
    golden(`${name.replace('.sql', '')}-${label}`, outputOf(t, `\\i ${name}`));
  }
}

describe('charts on the screen', () => {
  for (const cols of [60, 80, 120]) {
    test(`${cols} columns, colour, UTF-8: bar, line, hist and spark match their golden screens`, async () => {
      const t = await session(cols, {});
      await chartsAt(t, `${cols}`);
      // a bar is drawn in the series colour (cyan from the 16-colour palette)
      const row = t.screenText().split('\n').findIndex((l) => l.startsWith('north'));
      assert.ok(row >= 0);
      const col = t.line(row).indexOf('▁') >= 0 ? t.line(row).search(/[▁▂▃▄▅▆▇█]/) : -1;
      assert.ok(col > 0, 'a sparkline on the row');
      assert.deepEqual([t.cellAttributes(row, col).fgMode, t.cellAttributes(row, col).fg], ['palette', 6]);
    });
  }

  test('NO_COLOR: the same screens with no colour at all, two series told apart by their marks', async () => {
    const t = await session(80, { NO_COLOR: '1' });
    await chartsAt(t, '80-no-color');
    const lines = t.screenText().split('\n');
    for (let r = 0; r < lines.length; r++) {
      for (let c = 0; c < t.term.cols; c++) assert.equal(t.cellAttributes(r, c).fgMode, 'default', `no colour at ${r},${c}: ${lines[r]}`);
    }
  });

  test('an ASCII locale (LANG=C): no block or Braille character', async () => {
    const t = await session(80, { LANG: 'C' });
    await chartsAt(t, '80-ascii');
    const text = allText(t);
    const charts = text.slice(text.indexOf('bar chart:'));
    assert.doesNotMatch(charts.replace(/[^\n]*demo\.db>[^\n]*/g, ''), /[\u2500-\u28ff]/, 'no box, block or Braille characters');
  });

  test('a result that cannot be charted says why; \\? lists the chart commands', async () => {
    const t = await session(80, {});
    await run(t, "select 'Ada' as name, 'Chile' as country \\gchart");
    assert.match(allText(t).replace(/\n/g, ''), /cannot chart: the result has no numeric column \(name \(text\), country \(text\)\); a chart needs numbers/);
    await run(t, 'delete from invoices where 1 = 0 \\gchart');
    assert.match(allText(t).replace(/\n/g, ''), /runs queries only, and "delete from invoices where 1 = 0" is not one \(it changes data\)/);
    await run(t, '\\? chart');
    assert.match(allText(t), /^\\chart \[bar\|line\|hist\|spark\] \[X\] \[Y\.\.\.\]$/m);
  });
});
