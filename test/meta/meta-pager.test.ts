/** A describe listing taller than the terminal goes through the pager, like a query result. */
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMetaTable } from '../../src/meta/render-meta-table.js';
import { pageText } from '../../src/shell/paging-output.js';
import type { Session } from '../../src/shell/session.js';
import type { MetaTable } from '../../src/meta/meta-command.js';
import { tempDir } from './cli-helper.js';

function fakeSession(interactive: boolean): { session: Session; direct: string[] } {
  const direct: string[] = [];
  const stdout = { write: (t: string) => void direct.push(t), columns: 80, isTTY: true };
  const session = {
    interactive,
    output: undefined,
    settings: { pager: 'less -SRXF' },
    io: { stdout },
    get out() {
      return stdout;
    },
    renderOptions: () => ({ format: 'table', tableStyle: 'psql', nullString: 'NULL', header: true, footer: true, color: false, expanded: 'off' }),
  } as unknown as Session;
  return { session, direct };
}

function listing(rows: number): MetaTable {
  return {
    title: 'List of functions',
    columns: [{ name: 'Name', type: 'text' }],
    rows: Array.from({ length: rows }, (_, i) => [`fn_${i}`]),
    rowCount: true,
  };
}

describe('describe output and the pager', () => {
  const saved = { isTTY: process.stdout.isTTY, rows: process.stdout.rows, columns: process.stdout.columns, PAGER: process.env.PAGER };
  let file = '';
  beforeEach(() => {
    file = join(tempDir(), 'paged.txt');
    Object.assign(process.stdout, { isTTY: true, rows: 24, columns: 80 });
    process.env.PAGER = `cat > '${file}'`;
  });
  afterEach(() => {
    Object.assign(process.stdout, { isTTY: saved.isTTY, rows: saved.rows, columns: saved.columns });
    if (saved.PAGER === undefined) delete process.env.PAGER;
    else process.env.PAGER = saved.PAGER;
  });

  test('a listing taller than the screen is written to the pager, not the terminal', async () => {
    const { session, direct } = fakeSession(true);
    await renderMetaTable(session, listing(200), (t, to) => pageText(session, t, to));
    assert.equal(direct.join(''), '', 'nothing written around the pager');
    const paged = readFileSync(file, 'utf8');
    assert.match(paged, /List of functions\n +Name +\n-+\n fn_0\n/);
    assert.match(paged, / fn_199\n\(200 rows\)\n$/);
  });

  test('a listing that fits is written directly, without starting the pager', async () => {
    const { session, direct } = fakeSession(true);
    await renderMetaTable(session, listing(3), (t, to) => pageText(session, t, to));
    assert.match(direct.join(''), / fn_2\n\(3 rows\)\n$/);
    assert.equal(existsSync(file), false);
  });

  test('scripts never page', async () => {
    const { session, direct } = fakeSession(false);
    await renderMetaTable(session, listing(200), (t, to) => pageText(session, t, to));
    assert.match(direct.join(''), /\(200 rows\)\n$/);
    assert.equal(existsSync(file), false);
  });
});
