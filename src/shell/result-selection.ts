/**
 * Which result sets of a request of several statements (psql's `a \\; b`) are shown: psql's SHOW_ALL_RESULTS
 * off shows only the last; `\\gset` after such a request shows all but the last and takes the last one's rows.
 * Notices pass as they come; a result set is held until the next one starts, so the last is known.
 */
import type { ResultEvent, Row } from '../core/result.js';
import type { QueryRows } from '../meta/meta-command.js';

async function* select(events: AsyncIterable<ResultEvent>, showEarlier: boolean, last: (held: readonly ResultEvent[]) => Iterable<ResultEvent>): AsyncGenerator<ResultEvent> {
  let held: ResultEvent[] = [];
  let ended = false;
  for await (const ev of events) {
    if (ev.type === 'notice' || ev.type === 'notification') {
      yield ev;
      continue;
    }
    if (ended) {
      if (showEarlier) yield* held;
      held = [];
      ended = false;
    }
    held.push(ev);
    if (ev.type === 'done') ended = true;
  }
  yield* last(held);
}

/** The events of the last result set only: psql's SHOW_ALL_RESULTS off. */
export function lastResultOnly(events: AsyncIterable<ResultEvent>): AsyncGenerator<ResultEvent> {
  return select(events, false, (held) => held);
}

/** The events of every result set but the last; the last one's rows go to `take` (psql's `a \\; b \\gset`). */
export function allButLastResult(events: AsyncIterable<ResultEvent>, take: (r: QueryRows) => void): AsyncGenerator<ResultEvent> {
  return select(events, true, (held) => {
    let columns: QueryRows['columns'] = [];
    const rows: Row[] = [];
    for (const ev of held) {
      if (ev.type === 'columns') columns = ev.columns;
      else if (ev.type === 'rows') rows.push(...ev.rows);
    }
    take({ columns, rows });
    return [];
  });
}
