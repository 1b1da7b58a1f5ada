/**
 * The printing flags of the command line (psql's -A, -t, -F, -R, -z, -0, -x, --csv, -P; the mysql
 * client's -t and --raw) applied to the settings, after --format, --no-header and --null, in the
 * order they were given, through the same step as `\pset`.
 *
 * The mysql client writes tab-separated rows when its output is not a terminal (`mysql -e "..." > f`,
 * `$(mysql -N -e ...)`): a command line with the mysql client's own flags and no format does the same;
 * `sqlsh mysql://... -c SQL > f` keeps sqlsh's aligned table, as on every engine.
 */
import type { Settings } from '../config/settings.js';
import type { EngineId } from '../sql/dialect.js';
import { applyPset } from '../meta/pset.js';
import type { CliOptions } from './args.js';

export function applyPrintFlags(settings: Settings, o: CliOptions, engine: EngineId, stdoutIsTTY: boolean): Settings {
  let s = settings;
  if (o.mysqlClient && engine === 'mysql' && !stdoutIsTTY && o.format === undefined && !o.psets?.some((p) => p.name === 'format')) {
    s = Object.freeze({ ...s, format: 'tsv', null_string: o.nullString ?? 'NULL' });
  }
  for (const p of o.psets ?? []) {
    const r = applyPset(s, p.name, p.value);
    if (!('error' in r)) s = r.settings; // checked in parseArgs
  }
  return s;
}
