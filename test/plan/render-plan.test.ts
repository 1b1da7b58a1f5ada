/** The plan tree renderer: golden text at two widths, with and without colour, and the markers. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePostgresPlan } from '../../src/plan/parse-postgres-plan.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import { displayWidth, loadDisplayWidth } from '../../src/output/display-width.js';
import { hottestNode, misestimate } from '../../src/plan/plan-figures.js';

/** An analyzed PostgreSQL plan (EXPLAIN (FORMAT JSON, ANALYZE) shape, figures fixed for the golden text). */
const PLAN_JSON = JSON.stringify([{
  Plan: {
    'Node Type': 'Hash Join', 'Join Type': 'Inner', 'Startup Cost': 40.77, 'Total Cost': 45.11, 'Plan Rows': 57, 'Actual Total Time': 2.5, 'Actual Rows': 1, 'Actual Loops': 1,
    'Hash Cond': '(tracks.artist_id = a.id)',
    Plans: [
      { 'Node Type': 'Seq Scan', 'Relation Name': 'tracks', Alias: 'tracks', 'Total Cost': 11.7, 'Plan Rows': 170, 'Actual Total Time': 0.4, 'Actual Rows': 3, 'Actual Loops': 1 },
      {
        'Node Type': 'Hash', 'Total Cost': 27.51, 'Plan Rows': 57, 'Actual Total Time': 1.9, 'Actual Rows': 40, 'Actual Loops': 1,
        Plans: [{ 'Node Type': 'Index Scan', 'Relation Name': 'artists', Alias: 'a', 'Index Name': 'artists_pkey', 'Total Cost': 12.12, 'Plan Rows': 2, 'Actual Total Time': 0.3, 'Actual Rows': 40, 'Actual Loops': 1,
          'Index Cond': "(a.name = ANY ('{Miles,Nina,Ella,Billie,Sarah,Dinah,Betty,Carmen,Abbey,Shirley}'::text[]))" }],
      },
    ],
  },
  'Planning Time': 0.12,
  'Execution Time': 2.61,
}]);

const WIDE = `PostgreSQL plan (analyzed)
Hash Join  rows est 57 → 1 · 2.50 ms (self 0.200 ms) · cost 45.11  ! est 57x too high
│  Hash Cond: (tracks.artist_id = a.id)
├─ Seq Scan on tracks  rows est 170 → 3 · 0.400 ms · cost 11.70  ! est 57x too high
└─ Hash  rows est 57 → 40 · 1.90 ms (self 1.60 ms) · cost 27.51  ◀ most time (64%)
   └─ Index Scan on artists a using artists_pkey  rows est 2 → 40 · 0.300 ms · cost 12.12  ! est 20x too low
         Index Cond: (a.name = ANY ('{Miles,Nina,Ella,Billie,Sarah,Dinah,Betty,Carmen,Abbey,Shirley}'::text[]))
Planning Time: 0.120 ms
Execution Time: 2.610 ms
`;

const NARROW = `PostgreSQL plan (analyzed)
Hash Join  rows est 57 → 1
│  2.50 ms (self 0.200 ms) · cost 45.11
│  ! est 57x too high
│  Hash Cond: (tracks.artist_id = a.id)
├─ Seq Scan on tracks  rows est 170 → 3 · 0.400 ms
│     cost 11.70  ! est 57x too high
└─ Hash  rows est 57 → 40 · 1.90 ms (self 1.60 ms)
   │  cost 27.51  ◀ most time (64%)
   └─ Index Scan on artists a using artists_pkey
         rows est 2 → 40 · 0.300 ms · cost 12.12
         ! est 20x too low
         Index Cond: (a.name = ANY
         ('{Miles,Nina,Ella,Billie,Sarah,Dinah,Bet
         ty,Carmen,Abbey,Shirley}'::text[]))
Planning Time: 0.120 ms
Execution Time: 2.610 ms
`;

test('golden tree at 120 and 50 columns without colour', async () => {
  await loadDisplayWidth();
  const plan = parsePostgresPlan(PLAN_JSON);
  const title = 'PostgreSQL plan (analyzed)';
  assert.equal(renderPlan(plan, { width: 120, color: false, title }), WIDE);
  const narrow = renderPlan(plan, { width: 50, color: false, title });
  assert.equal(narrow, NARROW);
  for (const line of narrow.split('\n')) assert.ok(displayWidth(line) <= 50, `wider than 50: ${JSON.stringify(line)}`);
});

test('with colour the same text, the most expensive node in bold red and misestimates in yellow', async () => {
  await loadDisplayWidth();
  const plan = parsePostgresPlan(PLAN_JSON);
  const colored = renderPlan(plan, { width: 120, color: true, title: 'PostgreSQL plan (analyzed)' });
  assert.equal(colored.replace(/\x1b\[[0-9;]*m/g, ''), WIDE);
  assert.match(colored, /\x1b\[1;31mHash\x1b\[0m/);
  assert.match(colored, /\x1b\[1;31m◀ most time \(64%\)\x1b\[0m/);
  assert.match(colored, /\x1b\[33m! est 20x too low\x1b\[0m/);
});

test('markers: the most expensive node by own time (not inclusive), estimates off by 10x either way', () => {
  const plan = parsePostgresPlan(PLAN_JSON);
  const hot = hottestNode(plan);
  assert.equal(hot?.node.operation, 'Hash');
  assert.equal(hot?.by, 'time');
  const scan = plan.roots[0]!.children[1]!.children[0]!;
  assert.deepEqual(misestimate(scan), { factor: 20, direction: 'under' });
  assert.equal(misestimate({ ...scan, estimatedRows: 5, actualRows: 40 }), undefined); // 8x: not flagged
  assert.equal(misestimate({ ...scan, loops: 0 }), undefined); // never ran
});

test('without ANALYZE the most expensive node is by own cost; control characters in names are escaped', async () => {
  await loadDisplayWidth();
  const plan = parsePostgresPlan(JSON.stringify([{ Plan: { 'Node Type': 'Sort', 'Total Cost': 30, 'Plan Rows': 10, 'Sort Key': ['x\x1b[31m'],
    Plans: [{ 'Node Type': 'Seq Scan', 'Relation Name': 'we\nird', 'Total Cost': 25, 'Plan Rows': 10 }] } }]));
  const text = renderPlan(plan, { width: 80, color: false });
  assert.equal(text, 'Sort  rows est 10 · cost 30.00\n│  Sort Key: x\\x1b[31m\n└─ Seq Scan on we\\nird  rows est 10 · cost 25.00  ◀ most cost (83%)\n');
});
