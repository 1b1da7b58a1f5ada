/**
 * Takes passwords out of the process's visible arguments (`ps`, /proc/PID/cmdline), as the MySQL
 * client does: a URI with user:password@, a password=... parameter, the mysql client's -pSECRET and
 * --password=SECRET, or -c SQL that sets a password.
 *
 * On Linux Node's process.title setter (libuv) writes the new title over the memory that holds argv
 * and clears the rest of it, so the old arguments are gone from /proc/PID/cmdline and `ps -o args`
 * (checked by test/cli/process-title.test.ts and test/e2e/secrets-servers.test.ts); the title stays
 * useful: `sqlsh postgres://alice:***@db/shop`. Limits: the arguments are visible from the exec until
 * bin/sqlsh.js runs hideUriPasswords (Node's own start-up: ~40 ms idle, measured 300-1000 ms on a
 * loaded 2-core machine); a title longer than the original argument memory would be cut (the old
 * arguments are still cleared); other systems (macOS, Windows) were not checked, and on Windows
 * the command line is not hidden.
 */
import { maskConnectionPassword } from '../core/mask-password.js';
import { attachedPassword, isMysqlStyle } from './mysql-style.js';

/** One argument as it may be shown: a URI's or password='s password, the mysql client's -pSECRET, the value after --password. */
function maskArgument(arg: string, prev: string | undefined, mysqlStyle: boolean): string {
  if (/^--?pass(word)?$/i.test(prev ?? '')) return '***'; // --password VALUE (not the client's form, but typed)
  const attached = attachedPassword(arg, mysqlStyle);
  return attached ? `${attached[0]}***` : maskConnectionPassword(arg);
}

/** The arguments as they may be shown, or undefined when none holds a secret. */
export async function maskedArguments(argv: readonly string[]): Promise<string[] | undefined> {
  let changed = false;
  const mysqlStyle = isMysqlStyle(argv);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const prev = argv[i - 1];
    // -c SQL, -cSQL, --command SQL, --command=SQL
    const flag = prev === '-c' || prev === '--command' ? '' : (/^(-c(?!-)|--command=)/.exec(arg)?.[0] ?? undefined);
    let shown = arg;
    if (flag !== undefined && /password|identified/i.test(arg)) {
      const { setsPassword } = await import('../shell/history-text.js');
      const sql = arg.slice(flag.length);
      if (setsPassword(sql)) shown = flag + (await maskStrings(sql));
    } else {
      shown = maskArgument(arg, prev, mysqlStyle);
    }
    if (shown !== arg) changed = true;
    out.push(shown);
  }
  return changed ? out : undefined;
}

/** SQL with every string literal shown as '***' (the password of ALTER USER ... PASSWORD 'x'). */
async function maskStrings(sql: string): Promise<string> {
  const { lex } = await import('../sql/lexer.js');
  const { postgresDialect } = await import('../sql/dialects/postgres.js');
  return lex(sql, { ...postgresDialect.lex, doubleQuoteStrings: true, backslashEscapes: true })
    .map((t) => (t.type === 'string' ? "'***'" : t.text))
    .join('');
}

/**
 * The fast first step, run by bin/sqlsh.js before the program loads: URI, password= and -pSECRET
 * passwords only (no SQL reading), so the window in which they are visible is Node's own start-up.
 */
export function hideUriPasswords(argv: readonly string[]): void {
  try {
    const mysqlStyle = isMysqlStyle(argv);
    const shown = argv.map((a, i) => maskArgument(a, argv[i - 1], mysqlStyle));
    if (shown.some((a, i) => a !== argv[i])) process.title = ['sqlsh', ...shown].join(' ');
  } catch {
    // cosmetic
  }
}

/** Replaces the process title when an argument holds a secret. Never throws. */
export async function hideSecretArguments(argv: readonly string[]): Promise<void> {
  try {
    const shown = await maskedArguments(argv);
    if (shown) process.title = ['sqlsh', ...shown].join(' ');
  } catch {
    // A title is cosmetic; failing to set it must not stop the program.
  }
}
