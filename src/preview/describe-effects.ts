/** What a preview found, as lines of text: one line per table, the statement's targets first. */
import type { TableEffect } from './run-preview.js';

export function formatCount(n: number, noun = 'row'): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export function describeEffects(effects: readonly TableEffect[], isTarget: (table: string) => boolean): string[] {
  if (effects.length === 0) return ['  no rows change'];
  const width = Math.min(40, Math.max(...effects.map((e) => e.table.length)));
  return effects.map((e) => {
    const parts: string[] = [];
    if (e.dropped) parts.push(`dropped, with ${formatCount(e.deleted)}`);
    else {
      if (e.updated > 0) parts.push(`${formatCount(e.updated)} updated`);
      if (e.deleted > 0) parts.push(`${formatCount(e.deleted)} deleted`);
      if (e.inserted > 0) parts.push(`${formatCount(e.inserted)} inserted`);
    }
    const by = isTarget(e.table) ? '' : ' (by a cascade or trigger)';
    return `  ${e.table.padEnd(width)}  ${parts.join(', ')}${by}`;
  });
}
