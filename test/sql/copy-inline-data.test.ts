/**
 * A COPY's inline data read as it is sent (InlineCopyData, a script read a piece at a time): whatever
 * the pieces, the data, the script after the `\.` line and the lines read are those of the whole text
 * read at once (inlineData).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { InlineCopyData, inlineData } from '../../src/sql/copy-inline-data.js';

/** Reads `text` from `from` in pieces cut at `cuts` (offsets), as the script reader hands them over. */
async function streamed(text: string, split: number, cuts: readonly number[]) {
  const points = [...new Set(cuts.map((c) => split + (c % Math.max(1, text.length - split + 1))))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let at = split;
  for (const p of points) {
    if (p > at) pieces.push(text.slice(at, p));
    at = Math.max(at, p);
  }
  if (at < text.length) pieces.push(text.slice(at));
  const copy = new InlineCopyData(text.slice(0, split), 0, async () => pieces.shift());
  let data = '';
  for await (const piece of copy.data()) data += piece;
  const end = await copy.finish();
  // (what was not read yet stays with the reader: the script goes on with it)
  return { data, rest: end.rest + pieces.join(''), newlines: end.newlines };
}

const line = fc.oneof(
  fc.constantFrom('\\.x', '\\\\.', ' \\.', '\\', '.', '', '1\tx', 'é', '\\N'),
  fc.string({ maxLength: 6 }).filter((s) => !s.includes('\n') && s.replace(/\r$/, '') !== '\\.'),
);

test('any pieces: the same data, rest and line count as the whole text', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(line, { maxLength: 8 }),
      fc.constantFrom('\\.\n', '\\.\r\n', '\\.', ''),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
      fc.array(fc.nat(), { maxLength: 6 }),
      fc.boolean(),
      async (lines, end, after, cuts, crlf) => {
        const head = 'COPY t FROM stdin;\n';
        const body = lines.map((l) => l + (crlf ? '\r\n' : '\n')).join('');
        const text = head + body + end + (end === '' || end === '\\.' ? '' : after.join('\n'));
        const whole = inlineData(text, head.length - 1);
        // the reader starts with the COPY's line and at most what follows it in the first piece
        for (const split of [head.length, Math.min(text.length, head.length + 3)]) {
          const s = await streamed(text, split, cuts);
          assert.equal(s.data, whole.data);
          assert.equal(s.rest, text.slice(whole.end));
          const consumed = text.slice(head.length, whole.end);
          assert.equal(s.newlines, consumed.split('\n').length - 1);
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('a `\\.` line cut between pieces is still the end; a line that only starts so is data', async () => {
  const text = 'COPY t FROM stdin;\n1\n\\.x\n2\n\\.\nselect 1;\n';
  const head = 'COPY t FROM stdin;\n'.length;
  for (let cut = head; cut < text.length; cut++) {
    const s = await streamed(text, head, [cut - head]);
    assert.equal(s.data, '1\n\\.x\n2\n');
    assert.equal(s.rest, 'select 1;\n');
    assert.equal(s.newlines, 4);
  }
});
