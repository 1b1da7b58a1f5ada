/** A script's results written to the descriptor (output/fd-output.ts): files, pipes, /dev/null, a full non-blocking pipe, a reader gone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fdOutput, isTerminal } from '../../src/output/fd-output.js';
import { decodeUtf8Escaped } from '../../src/core/surrogate-escape.js';
import { BIN, ROOT, readThenGoAway, sandboxEnv } from '../helpers/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlsh-fd-output-'));

test('isTerminal: a file, /dev/null and a pipe are not terminals', () => {
  const file = openSync(join(dir, 'f.txt'), 'w');
  const devNull = openSync('/dev/null', 'w');
  try {
    assert.equal(isTerminal(file), false);
    assert.equal(isTerminal(devNull), false);
    assert.equal(isTerminal(987654), false); // not open
  } finally {
    closeSync(file);
    closeSync(devNull);
  }
  // a pipe, seen from a child (its stdin): the same code through the binary's path
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { isTerminal } from ${JSON.stringify(new URL('../../src/output/fd-output.js', import.meta.url).href)}; console.log(isTerminal(0), isTerminal(1));`], { input: 'x', encoding: 'utf8' });
  assert.equal(r.stdout.trim(), 'false false', r.stderr);
});

test('text and bytes reach a file exactly, invalid UTF-8 kept as its bytes', () => {
  const path = join(dir, 'exact.bin');
  const fd = openSync(path, 'w');
  const out = fdOutput(() => assert.fail('no broken pipe here'), fd, () => assert.fail('a file takes every write'));
  const raw = Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a]);
  out.write('héllo, 日本\n');
  out.write(decodeUtf8Escaped(raw)); // text carrying escaped bytes
  out.writeBytes(Buffer.from('tail\n'));
  out.write('');
  assert.equal(out.holdsBytes?.(), false);
  closeSync(fd);
  assert.deepEqual(readFileSync(path), Buffer.concat([Buffer.from('héllo, 日本\n'), raw, Buffer.from('tail\n')]));
});

test('a non-blocking pipe that fills up hands the rest to the stream, in order, nothing lost', async () => {
  const path = join(dir, 'through-pipe.txt');
  // The child reads nothing for a while, so the pipe (64 KB) fills; the parent's end is non-blocking.
  const child = spawn('sh', ['-c', `sleep 0.3; cat > ${JSON.stringify(path)}`], { stdio: ['pipe', 'ignore', 'inherit'] });
  const fd = (child.stdin as unknown as { _handle: { fd: number } })._handle.fd;
  assert.ok(fd > 2);
  let fellBack = false;
  const out = fdOutput(() => assert.fail('the reader is there'), fd, () => ((fellBack = true), child.stdin));
  const chunks: string[] = [];
  for (let i = 0; i < 4000; i++) chunks.push(`line ${i} ${'x'.repeat(60)}\n`);
  for (const c of chunks) await out.write(c);
  assert.equal(fellBack, true, 'the pipe never filled');
  await new Promise<void>((res) => child.stdin.end(() => res()));
  await new Promise((res) => child.on('close', res));
  assert.equal(readFileSync(path, 'utf8'), chunks.join(''));
});

test('a reader that goes away (EPIPE) is reported to onBrokenPipe, not thrown', () => {
  const r = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} --input-type=module -e "$SCRIPT" | head -c 10 > /dev/null`], {
    encoding: 'utf8',
    env: {
      ...process.env,
      SCRIPT: `import { fdOutput } from ${JSON.stringify(new URL('../../src/output/fd-output.js', import.meta.url).href)};
        let broken = 0;
        const out = fdOutput(() => { broken++; }, 1, () => process.stdout);
        await new Promise((r) => setTimeout(r, 300));
        for (let i = 0; i < 2000 && broken === 0; i++) out.write('x'.repeat(1000) + '\\n');
        process.stderr.write('broken ' + broken + '\\n');`,
    },
  });
  assert.equal(r.stderr.trim(), 'broken 1');
});

test('a socket as stdout, closed by its reader with bytes unread (ECONNRESET, not EPIPE): sqlsh stops quietly with 0', async () => {
  // Node's child_process gives a child a socket, not a pipe, as its stdout. A reader that stops
  // reading and closes it leaves the writer ECONNRESET on its next write: that is a reader gone too.
  for (const format of ['csv', 'table']) {
    const { code, stderr } = await readThenGoAway([':memory:', '-c', 'with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000000) select i, printf(\'%080d\', i) as s from n', '--format', format]);
    assert.equal(code, 0, `--format ${format}: sqlsh exited with 0 (stderr: ${stderr})`);
    assert.equal(stderr, '', `--format ${format}: nothing said`);
  }
});

test('sqlsh FILE.db -c to a file, a pipe or /dev/null loads none of Node streams, net, tty or fs/promises', () => {
  // What the start-up of a script must not pay for (bench/startup.bench.ts times it): making
  // process.stdin or process.stdout, node:tty on /dev/null, node:fs/promises for the config.
  const probe = join(dir, 'probe.cjs');
  spawnSync('sh', ['-c', `cat > ${probe}`], {
    input: `process.on('exit', () => require('fs').writeSync(2, 'MODULES ' + process.moduleLoadList.filter((m) => /^NativeModule (stream|net|tty|fs\\/promises)$/.test(m)).join(',') + '\\n'));`,
  });
  const db = join(dir, 'probe.db');
  const env = sandboxEnv();
  for (const stdout of ['file', 'pipe', 'null'] as const) {
    const target = stdout === 'file' ? `> ${join(dir, 'out.txt')}` : stdout === 'pipe' ? '| cat' : '> /dev/null';
    const r = spawnSync('sh', ['-c', `${JSON.stringify(process.execPath)} -r ${probe} ${BIN} ${db} -c "select 1 as one" < /dev/null ${target}`], { cwd: ROOT, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^MODULES \n?$/m, `stdout to a ${stdout}: ${r.stderr}`);
    if (stdout === 'pipe') assert.match(r.stdout, /one/);
  }
  assert.match(readFileSync(join(dir, 'out.txt'), 'utf8'), /^ one \n-----\n   1\n\(1 row\)\n\n$/);
});
