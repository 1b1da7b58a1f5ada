/**
 * Whether a command line is the mysql client's, and where it holds a password (-pSECRET). Small and
 * free of imports: bin/sqlsh.js loads it (through process-title.ts) before the program, to take the
 * password out of the process's visible arguments; args.ts reads the command line with the same rule.
 */

/**
 * A mysql client's command line: a mysql:// or mariadb:// target, or the mysql-only flags -u, -D,
 * -B, -N, -S, -pSECRET (not digits: psql's -pPORT), --password=SECRET, --batch, --socket, --protocol, --default-character-set, --show-warnings, --quick, --compress,
 * --local-infile, --skip-ssl ... (psql's -S is refused by sqlsh). There `-e SQL` runs SQL (psql's -e echoes), `-t` draws tables (psql's: rows only)
 * and `-pSECRET` is the password (psql's -p is the port).
 */
export function isMysqlStyle(argv: readonly string[]): boolean {
  return argv.some((a) => /^(mysql|mariadb):\/\//i.test(a) || /^-(u|D|B|N|S)/.test(a) || /^-p(?!\d*$)./.test(a) || /^--password=/.test(a) || a === '--batch' || /^--(skip-|disable-)?column-names\b/.test(a) || a === '--engine=mysql' || /^--(default-character-set|socket|protocol|init-command|connect-timeout|no-defaults|defaults-file|defaults-extra-file|(skip-|disable-|enable-)?(show-warnings|quick|compress|no-beep|local-infile|ssl))\b/.test(a));
}

/**
 * -pSECRET, also after flags that take no value (-Bpsecret): [the flags and -p, the password], or
 * undefined. A value of digits only is psql's port unless the command line is the mysql client's.
 */
export function attachedPassword(arg: string, mysqlStyle: boolean): readonly [string, string] | undefined {
  const m = /^(-[ABEHNXrstx01z]*p)(.+)$/.exec(arg);
  if (!m || (!mysqlStyle && /^\d+$/.test(m[2]!))) return undefined;
  return [m[1]!, m[2]!];
}
