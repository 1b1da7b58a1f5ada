/**
 * Connection service files (pg_service.conf): INI sections of libpq keywords.
 * Looked up like libpq: PGSERVICEFILE or ~/.pg_service.conf first, then
 * PGSYSCONFDIR/pg_service.conf (default /etc/postgresql-common on Debian, then /etc).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectError } from '../../core/errors.js';
import { PG_KEYWORDS } from './postgres-conninfo.js';

/** The keywords of section [service] in the text of a service file, or undefined when absent. */
export function parseServiceSection(text: string, service: string, file = 'the service file'): Record<string, string> | undefined {
  let inSection = false;
  let found = false;
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      if (found && inSection) break;
      inSection = line.replace(/^\[|\]$/g, '').trim() === service;
      if (inSection) found = true;
      continue;
    }
    if (!inSection) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new ConnectError(`syntax error in service file "${file}", line ${n + 1}: expected keyword=value`);
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (!PG_KEYWORDS.has(key) || key === 'service') {
      throw new ConnectError(`invalid keyword "${key}" in service file "${file}", line ${n + 1}`);
    }
    out[key] = value;
  }
  return found ? out : undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Keywords of a named service; throws ConnectError when no file defines it. */
export function readServiceParams(service: string, env: Readonly<Record<string, string | undefined>>, home: string): Record<string, string> {
  const files = [
    env['PGSERVICEFILE'] ?? join(home, '.pg_service.conf'),
    ...(env['PGSYSCONFDIR'] ? [join(env['PGSYSCONFDIR'], 'pg_service.conf')] : ['/etc/postgresql-common/pg_service.conf', '/etc/pg_service.conf']),
  ];
  for (const f of files) {
    const text = readText(f);
    if (text === undefined) continue;
    const params = parseServiceSection(text, service, f);
    if (params) return params;
  }
  throw new ConnectError(`definition of service "${service}" not found (looked in ${files.join(', ')})`);
}
