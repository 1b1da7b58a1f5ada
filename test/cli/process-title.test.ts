/** Passwords leave the process's visible arguments at start-up (ps, /proc/PID/cmdline). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { maskedArguments } from '../../src/cli/process-title.js';
import { BIN, ROOT, sandboxEnv } from '../helpers/run-cli.js';

test('which arguments are masked, and how the title reads', async () => {
  assert.deepEqual(await maskedArguments(['postgres://alice:s3cret@db:5432/shop']), ['postgres://alice:***@db:5432/shop']);
  assert.deepEqual(await maskedArguments(['mysql://bob:p%40ss@h/x', '-c', 'select 1']), ['mysql://bob:***@h/x', '-c', 'select 1']);
  assert.deepEqual(await maskedArguments(['postgres://u@h/db?password=s3cret&sslmode=require']), ['postgres://u@h/db?password=***&sslmode=require']);
  assert.deepEqual(await maskedArguments(['-c', "ALTER USER alice PASSWORD 's3cret'"]), ['-c', "ALTER USER alice PASSWORD '***'"]);
  assert.deepEqual(await maskedArguments(['--command=create user bob identified by "s3cret"']), ["--command=create user bob identified by '***'"]);
  assert.deepEqual(await maskedArguments(['--password=s3cret', 'x.db']), ['--password=***', 'x.db'], 'not a flag of ours, but typed');
  assert.deepEqual(await maskedArguments(['--password', 's3cret', 'x.db']), ['--password', '***', 'x.db']);
  // the mysql client's -pSECRET (digits too on its command line; psql's -p PORT elsewhere)
  assert.deepEqual(await maskedArguments(['-u', 'root', '-ps3cret', 'db']), ['-u', 'root', '-p***', 'db']);
  assert.deepEqual(await maskedArguments(['-uroot', '-p1234', 'db']), ['-uroot', '-p***', 'db']);
  assert.deepEqual(await maskedArguments(['-uroot', '-Bps3cret', 'db']), ['-uroot', '-Bp***', 'db']);
  assert.deepEqual(await maskedArguments(['mysql://h/db', '--password=s3cret']), ['mysql://h/db', '--password=***']);
  assert.equal(await maskedArguments(['-h', 'db', '-p5432', 'shop']), undefined, "psql's port");
  assert.equal(await maskedArguments(['-uroot', '-p', 'db']), undefined, 'asked for: nothing to hide');
  assert.equal(await maskedArguments(['demo.db', '-c', "select 'password'"]), undefined, 'nothing secret: the title is left alone');
  assert.equal(await maskedArguments(['postgres://alice@db/shop', '--format', 'csv']), undefined);
});

/** The arguments another process sees (/proc/PID/cmdline and `ps -o args`) while sqlsh waits for its script on stdin. */
async function visibleArguments(args: readonly string[]): Promise<{ cmdline: string; ps: string }> {
  const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: sandboxEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  p.stderr.on('data', (d) => (stderr += d));
  try {
    // sqlsh reads the script (-f -) before anything else ends: it is alive until stdin closes.
    const deadline = Date.now() + 20_000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const raw = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8');
      if (raw.startsWith('sqlsh ') || Date.now() > deadline) {
        const ps = spawnSync('ps', ['-o', 'args=', '-p', String(p.pid)], { encoding: 'utf8' });
        return { cmdline: raw, ps: ps.status === 0 ? ps.stdout : raw.replace(/\0+/g, ' ') };
      }
    }
  } finally {
    p.stdin.end('select 1;\n');
    await new Promise((r) => p.on('close', r));
    assert.doesNotMatch(stderr, /internal error/);
  }
}

test('/proc/PID/cmdline: a -c that sets a password is replaced by a title without it', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const marker = `Marker-${process.pid}-pw`;
  for (const sql of [`ALTER USER alice PASSWORD '${marker}'`, `SET PASSWORD = '${marker}'`]) {
    const seen = await visibleArguments([':memory:', '-f', '-', '-c', sql]);
    assert.doesNotMatch(seen.cmdline, new RegExp(marker), seen.cmdline);
    assert.doesNotMatch(seen.ps, new RegExp(marker), seen.ps);
    assert.match(seen.ps, /^sqlsh :memory: -f - -c /);
    // bin/sqlsh.js masks `password = VALUE` first, main() then every string of the statement.
    assert.match(seen.cmdline, /^sqlsh :memory: -f - -c (ALTER USER alice PASSWORD|SET PASSWORD =) ('\*\*\*'|\*\*\*)\0*$/);
  }
});

test("/proc/PID/cmdline: the mysql client's -pSECRET and --password=SECRET are replaced", { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const marker = `Marker-${process.pid}-p`;
  // a server that takes the connection and never answers: sqlsh waits in its connect while the arguments are read
  const silent = createServer(() => undefined);
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = String((silent.address() as AddressInfo).port);
  try {
    for (const [args, shown] of [
      [['-u', 'bob', `-p${marker}`, 'shop'], /^sqlsh -u bob -p\*\*\* shop -h 127\.0\.0\.1 -P \d+ --connect-timeout=3\0*$/],
      [['-u', 'bob', `--password=${marker}`, 'shop'], /^sqlsh -u bob --password=\*\*\* shop -h 127\.0\.0\.1 -P \d+ --connect-timeout=3\0*$/],
      [['-uroot', '-p31416', 'shop'], /^sqlsh -uroot -p\*\*\* shop -h 127\.0\.0\.1 -P \d+ --connect-timeout=3\0*$/],
    ] as const) {
      const seen = await visibleArguments([...args, '-h', '127.0.0.1', '-P', port, '--connect-timeout=3']);
      assert.doesNotMatch(seen.cmdline, new RegExp(`${marker}|31416`), seen.cmdline);
      assert.doesNotMatch(seen.ps, new RegExp(`${marker}|31416`), seen.ps);
      assert.match(seen.cmdline, shown);
    }
  } finally {
    silent.close();
  }
});

test('/proc/PID/cmdline: a long argument list: the password at its far end is gone too', { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const marker = `Marker-${process.pid}-long`;
  // Many arguments before the secret: the title is longer than the first ones, and the password
  // sits at the far end of the argument memory.
  const seen = await visibleArguments([':memory:', '--format', 'csv', '--null', 'x'.repeat(3000), '-f', '-', '-c', `alter role r password '${marker}'`]);
  assert.doesNotMatch(seen.cmdline, new RegExp(marker));
  assert.doesNotMatch(seen.ps, new RegExp(marker));
  assert.match(seen.cmdline, /^sqlsh :memory: --format csv --null x+/);
});
