/**
 * Shared rules for tests that need a real database server.
 *
 * - Under CI=true a server test must FAIL when its server cannot start (never skip).
 * - Elsewhere it is reported as skipped, with the reason.
 *
 * Usage:
 *   test('something', async (t) => {
 *     const server = await withServer(t, sharedPostgres);
 *     if (!server) return; // skipped (not CI); the reason is in the report
 *     ...
 *   });
 */
import type { TestContext } from 'node:test';

/** 'required' under CI=true (a server that cannot start fails the test), 'optional' elsewhere. */
export function serverTestMode(env: Readonly<Record<string, string | undefined>> = process.env): 'required' | 'optional' {
  const ci = (env['CI'] ?? '').toLowerCase();
  return ci === 'true' || ci === '1' ? 'required' : 'optional';
}

/** A short one-line reason from whatever a server start threw. */
export function startFailureReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const first = msg.split('\n').find((l) => l.trim() !== '') ?? msg;
  return first.length > 300 ? `${first.slice(0, 300)}...` : first;
}

/**
 * Start (or reuse) a server for a test. Returns the server, or undefined after marking the test
 * skipped with the reason. Under CI=true the start error is rethrown so the test fails.
 */
export async function withServer<T>(t: TestContext, start: () => Promise<T>): Promise<T | undefined> {
  try {
    return await start();
  } catch (err) {
    if (serverTestMode() === 'required') throw err;
    t.skip(`server unavailable: ${startFailureReason(err)}`);
    return undefined;
  }
}
