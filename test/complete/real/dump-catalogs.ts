/**
 * Writes the catalog snapshots test/complete/real/catalog-<engine>.json: starts the servers, loads each
 * engine's fixture, reads the catalog with sqlsh's introspection and saves it in a stable order.
 * Run after a build: `node dist/test/complete/real/dump-catalogs.js [engine...]`.
 * snapshot.test.ts checks that the files still match what the engines return.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { EngineId } from '../../../src/sql/dialect.js';
import { openRealDatabase, REAL_ENGINES, releaseLine, snapshotPath, VERSIONS_PATH } from './real-databases.js';
import { snapshotText } from './stable-catalog.js';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2) as EngineId[];
  const versions = (existsSync(VERSIONS_PATH) ? JSON.parse(readFileSync(VERSIONS_PATH, 'utf8')) : {}) as Record<string, string>;
  for (const engine of wanted.length ? wanted : REAL_ENGINES) {
    const db = await openRealDatabase(engine);
    try {
      const text = snapshotText(engine, await db.connection.introspect());
      writeFileSync(snapshotPath(engine), text);
      versions[engine] = releaseLine(engine, db.connection.info.serverVersion);
      console.log(`${engine}: ${snapshotPath(engine)} (${(text.length / 1024).toFixed(0)} KB)`);
    } finally {
      await db.close();
    }
  }
  writeFileSync(VERSIONS_PATH, `${JSON.stringify(Object.fromEntries(REAL_ENGINES.map((e) => [e, versions[e] ?? ''])), null, 2)}\n`);
}

main().then(() => process.exit(0), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
