/**
 * A Plan as an indented tree for a person: one line per node (operation, relation, estimated and actual
 * rows, loops, cost, time), its details below it, all fitted to the terminal width (figures move to a
 * second line, long text is wrapped or cut with '…'). The most expensive node and estimates off by 10x
 * or more carry a text marker, so they read the same with NO_COLOR; colour only adds emphasis.
 */
import { displayWidth, truncateToWidth, wrapToWidth } from '../output/display-width.js';
import { escapeForTerminal } from '../output/escape.js';
import { hottestNode, misestimate, selfTime, type Hottest } from './plan-figures.js';
import type { Plan, PlanNode } from './plan-node.js';

export interface RenderPlanOptions {
  /** Terminal columns (at least 30 is used). */
  readonly width: number;
  readonly color: boolean;
  /** Lines printed above the tree ('Plan: PostgreSQL, analyzed ...'). */
  readonly title?: string;
}

type Style = 'op' | 'rel' | 'fig' | 'warn' | 'hot' | 'dim' | 'plain';
type Seg = readonly [string, Style];

const SGR: Readonly<Record<Style, string>> = {
  op: '\x1b[1m', rel: '\x1b[36m', fig: '\x1b[2m', warn: '\x1b[33m', hot: '\x1b[1;31m', dim: '\x1b[2m', plain: '',
};

function fmtRows(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1).replace(/\.?0+$/, '');
}

function fmtMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${ms.toFixed(3)} ms`;
}

function fmtFactor(f: number): string {
  return f >= 1000 ? `${Math.round(f / 1000)}k` : f >= 100 ? f.toFixed(0) : f.toFixed(f >= 10 ? 0 : 1);
}

/** "rows 57 → 1 · 3 loops · 0.40 ms · cost 45.11" (what the engine gave). */
function figures(n: PlanNode, analyzed: boolean): string[] {
  const parts: string[] = [];
  if (n.estimatedRows !== undefined && n.actualRows !== undefined) parts.push(`rows est ${fmtRows(n.estimatedRows)} → ${fmtRows(n.actualRows)}`);
  else if (n.estimatedRows !== undefined) parts.push(`rows est ${fmtRows(n.estimatedRows)}`);
  else if (n.actualRows !== undefined) parts.push(`rows ${fmtRows(n.actualRows)}`);
  if (n.loops !== undefined && n.loops !== 1) parts.push(n.loops === 0 ? 'never ran' : `${fmtRows(n.loops)} loops`);
  const own = selfTime(n);
  if (analyzed && n.timeMs !== undefined) parts.push(own !== undefined && own !== n.timeMs ? `${fmtMs(n.timeMs)} (self ${fmtMs(own)})` : fmtMs(n.timeMs));
  else if (analyzed && own !== undefined) parts.push(fmtMs(own));
  if (n.cost !== undefined) parts.push(`cost ${n.cost.toFixed(2)}`);
  return parts;
}

function flags(n: PlanNode, hot: Hottest | undefined): Seg[] {
  const out: Seg[] = [];
  const off = misestimate(n);
  if (off) out.push([`! est ${fmtFactor(off.factor)}x too ${off.direction === 'over' ? 'high' : 'low'}`, 'warn']);
  if (hot && hot.node === n) {
    const pct = Math.round(hot.share * 100);
    out.push([`◀ most ${hot.by === 'time' ? 'time' : 'cost'} (${pct}%)`, 'hot']);
  }
  return out;
}

function widthOf(segs: readonly Seg[]): number {
  return segs.reduce((w, [t]) => w + displayWidth(t), 0);
}

/** Cut segments to a width, ending with '…' when anything was left out. */
function fit(segs: readonly Seg[], width: number): Seg[] {
  if (widthOf(segs) <= width) return [...segs];
  const out: Seg[] = [];
  let left = width - 1;
  for (const [t, s] of segs) {
    const w = displayWidth(t);
    if (w <= left) {
      out.push([t, s]);
      left -= w;
      continue;
    }
    out.push([truncateToWidth(t, left + 1), s]);
    break;
  }
  return out;
}

export function renderPlan(plan: Plan, opts: RenderPlanOptions): string {
  const width = Math.max(30, opts.width);
  const paint = (segs: readonly Seg[]): string =>
    segs.map(([t, s]) => (opts.color && SGR[s] && t !== '' ? `${SGR[s]}${t}\x1b[0m` : t)).join('').replace(/\s+$/, '');
  const hot = hottestNode(plan);
  const lines: string[] = [];
  if (opts.title) for (const l of opts.title.split('\n')) lines.push(paint(fit([[escapeForTerminal(l), 'plain']], width)));

  const draw = (n: PlanNode, lead: string, branch: string, childLead: string): void => {
    const head: Seg[] = [[lead + branch, 'dim'], [escapeForTerminal(n.operation), n === hot?.node ? 'hot' : 'op']];
    if (n.relation) head.push([' on ', 'plain'], [escapeForTerminal(n.relation), 'rel']);
    const figs = figures(n, plan.analyzed);
    const units: Seg[] = [...figs.map((f): Seg => [f, 'fig']), ...flags(n, hot)];
    const below = lead + childLead + (n.children.length ? '│ ' : '  ');
    // The node's line, then its figures and markers: on the same line while they fit, else on lines below it.
    let line: Seg[] = head;
    let used = widthOf(head);
    let first = true;
    for (const u of units) {
      const prev = line[line.length - 1];
      const sep = prev?.[1] === 'fig' && u[1] === 'fig' ? ' · ' : '  ';
      const w = displayWidth(u[0]) + sep.length;
      if (used + w <= width) {
        line.push([sep, prev?.[1] === 'fig' && u[1] === 'fig' ? 'fig' : 'plain'], u);
        used += w;
        continue;
      }
      lines.push(paint(first ? fit(line, width) : line));
      first = false;
      const pad: Seg = [below + ' ', 'dim'];
      const room = Math.max(10, width - displayWidth(pad[0]));
      const pieces = wrapToWidth(u[0], room);
      for (const piece of pieces.slice(0, -1)) lines.push(paint([pad, [piece, u[1]]]));
      line = [pad, [pieces[pieces.length - 1] ?? '', u[1]]];
      used = displayWidth(pad[0]) + displayWidth(pieces[pieces.length - 1] ?? '');
    }
    lines.push(paint(first ? fit(line, width) : line));
    const room = Math.max(10, width - displayWidth(below) - 1);
    for (const d of n.details) {
      for (const piece of wrapToWidth(escapeForTerminal(d), room)) lines.push(paint([[below + ' ', 'dim'], [piece, 'dim']]));
    }
    n.children.forEach((c, i) => {
      const last = i === n.children.length - 1;
      draw(c, lead + childLead, last ? '└─ ' : '├─ ', last ? '   ' : '│  ');
    });
  };
  plan.roots.forEach((r) => draw(r, '', '', ''));
  for (const s of plan.summary) lines.push(paint(fit([[escapeForTerminal(s), 'plain']], width)));
  return lines.join('\n') + '\n';
}

