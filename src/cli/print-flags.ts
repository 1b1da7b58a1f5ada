/**
 * The printing flags of the command line (psql's -A, -t, -F, -R, -z, -0, -x, --csv, -P; the mysql
 * client's -t and --raw) applied to the settings, after --format, --no-header and --null, in the
 * order they were given, through the same step as `\pset`.
 *
 * The mysql client writes tab-separated rows when its output is not a terminal (`mysql -e "..." > f`,
 * `$(mysql -N -e ...)`), and in its batch mode, when its input is not one (`mysql db < script.sql`, on the
 * screen too): a command line with the mysql client's own flags and no format does the same;
 * `sqlsh mysql://... -c SQL > f` keeps sqlsh's aligned table, as on every engine.
 */
import type { Settings } from '../config/settings.js';
import type { EngineId } from '../sql/dialect.js';
import { applyPset } from '../meta/pset.js';
import type { CliOptions } from './args.js';

export function applyPrintFlags(settings: Settings, o: CliOptions, engine: EngineId, stdoutIsTTY: boolean, stdinIsTTY = true): Settings {
  let s = settings;
  if (o.mysqlClient && engine === 'mysql' && (!stdoutIsTTY || !stdinIsTTY) && o.format === undefined && !o.psets?.some((p) => p.name === 'format')) {
    s = Object.freeze({ ...s, format: 'tsv', null_string: o.nullString ?? 'NULL' });
  }
  for (const p of o.psets ?? []) {
    const r = applyPset(s, p.name, p.value);
    if (!('error' in r)) s = r.settings; // checked in parseArgs
  }
  return s;
}

const ON = new Set(['', '1', 'true', 'on', 'yes']);

/**
 * The printing options of ~/.my.cnf ([client], [mysql] ...) as the mysql client's flags, to put before
 * the command line's (which win): batch, skip-column-names (or column-names=0), raw, table, vertical;
 * `skip-NAME` / `disable-NAME` turn one off.
 */
export function myCnfPrintFlags(cnf: Readonly<Record<string, string>>): string[] {
  const on = (name: string): boolean =>
    cnf[name] !== undefined && ON.has(cnf[name]!.toLowerCase()) && cnf[`skip-${name}`] === undefined && cnf[`disable-${name}`] === undefined;
  const flags: string[] = [];
  if (on('batch')) flags.push('--batch');
  if (on('skip-column-names') || (cnf['column-names'] !== undefined && !ON.has(cnf['column-names'].toLowerCase())) || cnf['disable-column-names'] !== undefined) {
    flags.push('--skip-column-names');
  }
  if (on('raw')) flags.push('--raw');
  if (on('table')) flags.push('--table');
  if (on('vertical')) flags.push('--vertical');
  return flags;
}
