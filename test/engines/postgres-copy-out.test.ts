/**
 * The COPY ... TO STDOUT reader (postgres-copy-out.ts) on protocol bytes cut anywhere (inside a
 * message header, a row, a notice): the rows' bytes exactly, the notices in order, and pg handed
 * back exactly what follows CopyDone (CommandComplete, ReadyForQuery) or the ErrorResponse onwards.
 * The real server's side is in postgres-fast-path.test.ts and postgres-table-copy.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Socket } from 'node:net';
import { CopyOut } from '../../src/engines/postgres/postgres-copy-out.js';

const message = (code: string, body: Buffer): Buffer => {
  const head = Buffer.alloc(5);
  head[0] = code.charCodeAt(0);
  head.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
};
const cstr = (s: string): Buffer => Buffer.from(`${s}\0`);
const notice = (text: string): Buffer => message('N', Buffer.concat([cstr('SNOTICE'), cstr('C00000'), cstr(`M${text}`), Buffer.from([0])]));

const rows = Array.from({ length: 200 }, (_, i) => `${i},"name ${i} é日本",${i % 3 === 0 ? '' : i * 1.5}\n`);
const copyOutResponse = message('H', Buffer.from([0, 0, 3, 0, 0, 0, 0, 0, 0]));
const tail = Buffer.concat([message('C', cstr('COPY 200')), message('Z', Buffer.from('I'))]);

function protocol(withError = false): Buffer {
  const parts = [copyOutResponse];
  rows.forEach((r, i) => {
    parts.push(message('d', Buffer.from(r)));
    if (i === 50) parts.push(notice('half way: ' + 'long '.repeat(40)));
    if (i === 120) parts.push(message('S', Buffer.concat([cstr('application_name'), cstr('x')]))); // ParameterStatus: skipped
  });
  if (withError) return Buffer.concat([...parts.slice(0, 100), message('E', Buffer.concat([cstr('SERROR'), cstr('Mboom'), Buffer.from([0])])), message('Z', Buffer.from('I'))]);
  parts.push(notice('at the end'), message('c', Buffer.alloc(0)), tail);
  return Buffer.concat(parts);
}

async function run(bytes: Buffer, cut: number): Promise<{ out: string; notices: string[]; handed: Buffer; copy: CopyOut; error?: Error }> {
  const socket = new PassThrough();
  const handedParts: Buffer[] = [];
  socket.on('data', (b: Buffer) => handedParts.push(b));
  const notices: string[] = [];
  let sent = '';
  const copy = new CopyOut('COPY (select 1) TO STDOUT', (m, s) => notices.push(`${s}: ${m}`));
  copy.submit({ stream: socket as unknown as Socket, query: (text: string) => void (sent = text) });
  assert.equal(sent, 'COPY (select 1) TO STDOUT');
  const chunks: Buffer[] = [];
  const reading = (async () => {
    for await (const b of copy) chunks.push(b as Buffer);
  })();
  for (let at = 0; at < bytes.length; at += cut) {
    socket.write(bytes.subarray(at, at + cut));
    await new Promise((r) => setImmediate(r));
  }
  await new Promise((r) => setTimeout(r, 20));
  let error: Error | undefined;
  if (handedParts.length > 0 && handedParts[0]![0] === 'E'.charCodeAt(0)) copy.handleError(new Error('boom')); // as pg does on the ErrorResponse
  await reading.catch((e: Error) => (error = e));
  return { out: Buffer.concat(chunks).toString('utf8'), notices, handed: Buffer.concat(handedParts), copy, ...(error ? { error } : {}) };
}

test('rows, notices and the hand-back to pg, whatever the cuts', async () => {
  const bytes = protocol();
  for (const cut of [1, 2, 3, 5, 7, 64, 1000, bytes.length]) {
    const { out, notices, handed, copy } = await run(bytes, cut);
    assert.equal(out, rows.join(''), `cut ${cut}: the rows`);
    assert.deepEqual(notices, [`NOTICE: half way: ${'long '.repeat(40)}`, 'NOTICE: at the end'], `cut ${cut}: the notices`);
    assert.deepEqual(handed, tail, `cut ${cut}: pg reads CommandComplete and ReadyForQuery`);
    copy.handleCommandComplete({ text: 'COPY 200' }); // as pg does
    assert.equal(copy.rowCount, 200);
  }
});

test('an ErrorResponse mid-way: the rows before it, then pg reads the error and the statement fails', async () => {
  const bytes = protocol(true);
  for (const cut of [1, 4, 64, bytes.length]) {
    const { out, handed, error } = await run(bytes, cut);
    assert.ok(rows.join('').startsWith(out) && out.length > 0, `cut ${cut}: rows before the error`);
    assert.equal(handed[0], 'E'.charCodeAt(0), `cut ${cut}: pg gets the ErrorResponse`);
    assert.match(String(error?.message), /boom/, `cut ${cut}: the stream fails`);
  }
});
