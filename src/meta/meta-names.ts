/** Names and argument kinds of the backslash commands, for the completion engine. */
import type { MetaArgKind } from './meta-command.js';
import { metaRegistry } from './meta-registry.js';

/** Every command name and alias with its backslash ('\\dt', '\\q', ...), sorted. */
export function metaCommandNames(): readonly string[] {
  return metaRegistry().names;
}

export interface MetaArgHint {
  /** What the argument is: 'file' (complete paths), 'relation'/'pattern' (catalog names), 'target', 'named-query', ... */
  readonly kind: MetaArgKind;
  /** Fixed choices, when the argument has them (\x on|off|auto, \T formats). */
  readonly choices?: readonly string[];
}

/**
 * What the argument at `index` (0-based) of a command word ('\\dt+', '\\i') is, or undefined when
 * the command is unknown or takes no argument there.
 */
export function metaArgHint(commandWord: string, index: number): MetaArgHint | undefined {
  const found = metaRegistry().lookup(commandWord);
  if (!found) return undefined;
  const spec = found.command.args;
  if (index >= spec.max || spec.kinds.length === 0) return undefined;
  const kind = spec.kinds[Math.min(index, spec.kinds.length - 1)]!;
  return index === 0 && spec.choices ? { kind, choices: spec.choices } : { kind };
}
