import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPager } from '../../src/output/pager.js';

describe('openPager', () => {
  test('everything written reaches the pager, and LESS is set when unset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlsh-pager-'));
    try {
      const file = join(dir, 'out.txt');
      const env = { PATH: process.env['PATH'], OUT: file };
      const pager = await openPager('printf "%s\\n" "$LESS" > "$OUT"; cat >> "$OUT"', env);
      for (let i = 0; i < 2000; i++) await pager.write(`row ${i}\n`);
      await pager.close();
      assert.equal(pager.closedEarly, false);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.startsWith('-SRXF\nrow 0\n'));
      assert.ok(text.endsWith('row 1999\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an existing LESS is kept; $PAGER is used when no command is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlsh-pager-'));
    try {
      const file = join(dir, 'out.txt');
      const env = { PATH: process.env['PATH'], OUT: file, LESS: '-R', PAGER: 'printf "%s" "$LESS" > "$OUT"; cat > /dev/null' };
      const pager = await openPager(undefined, env);
      await pager.write('x\n');
      await pager.close();
      assert.equal(readFileSync(file, 'utf8'), '-R');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('quitting the pager early stops the output quietly (closedEarly)', async () => {
    const pager = await openPager('head -c 10 > /dev/null', { PATH: process.env['PATH'] });
    const line = 'x'.repeat(1000) + '\n';
    let i = 0;
    // Keep writing as a renderer would until the pager goes away (bounded so a bug fails, not hangs).
    while (!pager.closedEarly && i < 100_000) {
      await pager.write(line);
      i++;
    }
    assert.equal(pager.closedEarly, true);
    assert.ok(i < 100_000);
    await pager.write('more\n'); // no throw
    await pager.close();
  });
});
