/** The pager at the prompt: long output through it, short output direct, and psql's `\pset pager always`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PagingOutput } from '../../src/shell/paging-output.js';

/** A pager that writes what it gets to a file; what went direct. */
async function page(text: string, always: boolean): Promise<{ paged: string; direct: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'sqlsh-paging-')), 'paged');
  let direct = '';
  const out = new PagingOutput({ write: async (t: string) => void (direct += t) }, `cat > '${file}'`, { columns: 80, rows: 24 }, () => undefined, 0, always);
  await out.write(text);
  await out.close();
  let paged = '';
  try {
    paged = readFileSync(file, 'utf8');
  } catch {
    // no pager ran
  }
  return { paged, direct };
}

test('short output goes direct; with psql\'s pager always it goes through the pager too', async () => {
  assert.deepEqual(await page('one line\n', false), { paged: '', direct: 'one line\n' });
  assert.deepEqual(await page('one line\n', true), { paged: 'one line\n', direct: '' });
  const long = Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join('');
  assert.deepEqual(await page(long, false), { paged: long, direct: '' });
});
