/** Derived figures of a plan: each node's own time or cost, the most expensive node, estimates off by 10x. */
import type { Plan, PlanNode } from './plan-node.js';

/** How far off an estimate may be before it is flagged (either way). */
export const MISESTIMATE_FACTOR = 10;

/** Time spent in the node alone: given by the engine, else its time minus its children's. */
export function selfTime(n: PlanNode): number | undefined {
  if (n.selfMs !== undefined) return n.selfMs;
  if (n.timeMs === undefined) return undefined;
  const below = n.children.reduce((s, c) => s + inclusiveTime(c), 0);
  // Children that took longer than the node itself: the engine's time was the node's own (MariaDB's filesort).
  return below > n.timeMs ? n.timeMs : n.timeMs - below;
}

/** Time including the children: given, else own time plus the children's (MariaDB gives tables their own time only). */
export function inclusiveTime(n: PlanNode): number {
  return n.timeMs ?? (n.selfMs ?? 0) + n.children.reduce((s, c) => s + inclusiveTime(c), 0);
}

/** The node's own cost: its total minus its children's totals (PostgreSQL costs include the children). */
export function selfCost(n: PlanNode): number | undefined {
  if (n.cost === undefined) return undefined;
  return Math.max(0, n.cost - n.children.reduce((s, c) => s + (c.cost ?? 0), 0));
}

/** Estimated rows against actual rows: the factor (≥ 1) and the direction, when off by MISESTIMATE_FACTOR or more. */
export function misestimate(n: PlanNode): { readonly factor: number; readonly direction: 'over' | 'under' } | undefined {
  if (n.estimatedRows === undefined || n.actualRows === undefined || n.loops === 0) return undefined;
  const est = Math.max(n.estimatedRows, 1);
  const act = Math.max(n.actualRows, 1);
  const factor = Math.max(est / act, act / est);
  if (factor < MISESTIMATE_FACTOR) return undefined;
  return { factor, direction: est > act ? 'over' : 'under' };
}

function walk(nodes: readonly PlanNode[], f: (n: PlanNode) => void): void {
  for (const n of nodes) {
    f(n);
    walk(n.children, f);
  }
}

export interface Hottest {
  readonly node: PlanNode;
  readonly by: 'time' | 'cost';
  readonly value: number;
  /** Its share of the sum over all nodes (0..1). */
  readonly share: number;
}

/** The most expensive node: by own time when the plan was analyzed, else by own cost; undefined when the engine gives neither. */
export function hottestNode(plan: Plan): Hottest | undefined {
  for (const [by, f] of [['time', selfTime], ['cost', selfCost]] as const) {
    let best: PlanNode | undefined;
    let bestValue = -1;
    let total = 0;
    walk(plan.roots, (n) => {
      const v = f(n);
      if (v === undefined) return;
      total += v;
      if (v > bestValue) {
        best = n;
        bestValue = v;
      }
    });
    if (best && total > 0 && (by === 'cost' || plan.analyzed)) return { node: best, by, value: bestValue, share: bestValue / total };
  }
  return undefined;
}
