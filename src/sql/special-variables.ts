/**
 * psql's specially treated variables as plain data: their values at start-up, what `\set NAME` (no
 * value) and `\unset NAME` make of them, and which values they take. psql checks a value when it is
 * set and keeps the old one on a bad value, with its own words:
 *   unrecognized value "foo" for "AUTOCOMMIT": Boolean expected
 *   unrecognized value "foo" for "ECHO"\nAvailable values are: none, errors, queries, all.
 *   invalid value "foo" for "FETCH_COUNT": integer expected
 *
 * One difference, on purpose: ON_ERROR_STOP has no start-up value and `\unset` removes it, because
 * unset it means sqlsh's rule (stop at a script's first error unless --continue-on-error), where psql
 * goes on.
 */
import { parseBoolean, type Variables } from './variables.js';

type Rule =
  | { readonly kind: 'bool'; readonly start?: string; readonly also?: readonly string[] }
  | { readonly kind: 'enum'; readonly start: string; readonly values: readonly string[] }
  | { readonly kind: 'int'; readonly start: string; readonly bad?: string };

const RULES: Readonly<Record<string, Rule>> = Object.freeze({
  AUTOCOMMIT: { kind: 'bool', start: 'on' },
  ON_ERROR_STOP: { kind: 'bool' },
  QUIET: { kind: 'bool', start: 'off' },
  SINGLELINE: { kind: 'bool', start: 'off' },
  SINGLESTEP: { kind: 'bool', start: 'off' },
  HIDE_TABLEAM: { kind: 'bool', start: 'off' },
  HIDE_TOAST_COMPRESSION: { kind: 'bool', start: 'off' },
  SHOW_ALL_RESULTS: { kind: 'bool', start: 'on' },
  ON_ERROR_ROLLBACK: { kind: 'bool', start: 'off', also: ['interactive'] },
  ECHO_HIDDEN: { kind: 'bool', start: 'off', also: ['noexec'] },
  ECHO: { kind: 'enum', start: 'none', values: ['none', 'errors', 'queries', 'all'] },
  VERBOSITY: { kind: 'enum', start: 'default', values: ['default', 'verbose', 'terse', 'sqlstate'] },
  SHOW_CONTEXT: { kind: 'enum', start: 'errors', values: ['never', 'errors', 'always'] },
  COMP_KEYWORD_CASE: { kind: 'enum', start: 'preserve-upper', values: ['lower', 'upper', 'preserve-lower', 'preserve-upper'] },
  HISTCONTROL: { kind: 'enum', start: 'none', values: ['none', 'ignorespace', 'ignoredups', 'ignoreboth'] },
  FETCH_COUNT: { kind: 'int', start: '0' },
  HISTSIZE: { kind: 'int', start: '500' },
  // psql: a value that is not a number means 10
  IGNOREEOF: { kind: 'int', start: '0', bad: '10' },
});

/** The special variables with the values psql starts with (ON_ERROR_STOP left unset: see above). */
export function withSpecialDefaults(vars: Variables): Variables {
  const next = new Map(vars);
  for (const [name, rule] of Object.entries(RULES)) if (rule.start !== undefined && !next.has(name)) next.set(name, rule.start);
  return Object.freeze(next);
}

export type Assigned = { readonly value: string | undefined } | { readonly error: string };

/**
 * What `\set NAME VALUE` (value '' for `\set NAME`) or `\unset NAME` (value undefined) stores: the value
 * (undefined: the variable is removed), or psql's error, the variable keeping its value.
 */
export function specialValue(name: string, value: string | undefined): Assigned {
  const rule = RULES[name];
  if (!rule) return { value };
  if (rule.kind === 'bool') {
    if (value === undefined) return { value: rule.start === undefined ? undefined : 'off' };
    if (value === '') return { value: 'on' };
    if (parseBoolean(value) !== undefined) return { value };
    const also = rule.also?.find((a) => a === value.toLowerCase());
    if (also) return { value };
    if (rule.also) return { error: `unrecognized value "${value}" for "${name}"\nAvailable values are: on, off, ${rule.also.join(', ')}.` };
    return { error: `unrecognized value "${value}" for "${name}": Boolean expected` };
  }
  if (rule.kind === 'enum') {
    if (value === undefined) return { value: rule.start };
    if (rule.values.includes(value.toLowerCase())) return { value };
    return { error: `unrecognized value "${value}" for "${name}"\nAvailable values are: ${rule.values.join(', ')}.` };
  }
  if (value === undefined) return { value: rule.start };
  if (/^\s*[-+]?\d+\s*$/.test(value)) return { value };
  if (rule.bad !== undefined) return { value: rule.bad };
  return { error: `invalid value "${value}" for "${name}": integer expected` };
}

/** Variables psql watches (above): \\gset never writes them (psql warns and leaves them as they are). */
export function isSpecialVariable(name: string): boolean {
  return Object.hasOwn(RULES, name);
}

/** A special variable read as one of its values, lower case (its start-up value when unset or not valid). */
export function specialSetting(vars: Variables, name: string): string {
  const rule = RULES[name];
  if (!rule) return vars.get(name) ?? '';
  const v = vars.get(name);
  const checked = v === undefined ? undefined : specialValue(name, v);
  if (checked && 'value' in checked && checked.value !== undefined) return checked.value.toLowerCase();
  return rule.kind === 'bool' ? rule.start ?? 'off' : rule.start;
}

/** `vars` with NAME set to `value` (undefined: \\unset) by psql's rules, or psql's error (vars unchanged). */
export function assignVariable(vars: Variables, name: string, value: string | undefined): { readonly vars: Variables } | { readonly error: string } {
  const r = specialValue(name, value);
  if ('error' in r) return r;
  const next = new Map(vars);
  if (r.value === undefined) next.delete(name);
  else next.set(name, r.value);
  return { vars: Object.freeze(next) };
}
