/** sqlsh's version: inlined by the bundler (scripts/bundle.mjs); read from package.json when running the tsc build. */
import { readFileSync } from 'node:fs';

declare const SQLSH_VERSION: string | undefined;

export function sqlshVersion(): string {
  if (typeof SQLSH_VERSION === 'string') return SQLSH_VERSION;
  try {
    return JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version as string;
  } catch {
    return 'unknown';
  }
}
