/**
 * psql's \if / \elif / \else / \endif as plain data: a stack of branch states, replaced whole on each
 * change. A branch inside a skipped one is 'ignored' (its conditions are not even evaluated).
 */

/** true: this branch runs; false: skipped, no branch taken yet; ignored: skipped, a branch was taken (or the whole \if is inside a skipped branch). */
export type BranchState = 'true' | 'false' | 'ignored' | 'else-true' | 'else-false';

export type ConditionalStack = readonly BranchState[];

/** True when statements run: no \if open, or the innermost branch is the one taken. */
export function isActive(stack: ConditionalStack): boolean {
  const top = stack[stack.length - 1];
  return top === undefined || top === 'true' || top === 'else-true';
}

export const CONDITIONAL_COMMANDS: ReadonlySet<string> = new Set(['\\if', '\\elif', '\\else', '\\endif']);

export type Step = { readonly ok: true; readonly stack: ConditionalStack } | { readonly ok: false; readonly message: string };

/** \if: `value` is called only when the condition matters (active context). */
export function stepIf(stack: ConditionalStack, value: () => boolean): Step {
  if (!isActive(stack)) return { ok: true, stack: [...stack, 'ignored'] };
  return { ok: true, stack: [...stack, value() ? 'true' : 'false'] };
}

export function stepElif(stack: ConditionalStack, value: () => boolean): Step {
  const top = stack[stack.length - 1];
  if (top === undefined) return { ok: false, message: 'no matching \\if' };
  if (top === 'else-true' || top === 'else-false') return { ok: false, message: 'cannot occur after \\else' };
  const rest = stack.slice(0, -1);
  if (top === 'true') return { ok: true, stack: [...rest, 'ignored'] };
  if (top === 'ignored') return { ok: true, stack };
  return { ok: true, stack: [...rest, value() ? 'true' : 'false'] };
}

export function stepElse(stack: ConditionalStack): Step {
  const top = stack[stack.length - 1];
  if (top === undefined) return { ok: false, message: 'no matching \\if' };
  if (top === 'else-true' || top === 'else-false') return { ok: false, message: 'cannot occur after \\else' };
  return { ok: true, stack: [...stack.slice(0, -1), top === 'false' ? 'else-true' : 'else-false'] };
}

export function stepEndif(stack: ConditionalStack): Step {
  if (stack.length === 0) return { ok: false, message: 'no matching \\if' };
  return { ok: true, stack: stack.slice(0, -1) };
}
