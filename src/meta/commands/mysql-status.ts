/**
 * The mysql client's status (\s, `status`): its block of connection facts between dashed rules, as the
 * mariadb 10.11 client prints it in batch mode (a script, -e). Compared in test/scripts/mariadb-compare.test.ts.
 *
 * What differs by design: the first line names sqlsh and its version, not the client binary
 * (`mariadb  Ver 15.1 Distrib ...`); `Current pager` is stdout and `Using outfile` '' (batch mode has
 * neither). The last line's numbers (threads, questions, opens, queries per second) are the server's
 * global status read with SHOW GLOBAL STATUS, where the client asks with COM_STATISTICS: the same
 * counters, and they move between any two reads. `Insert id` is LAST_INSERT_ID(), shown when not 0.
 */
import type { MetaContext } from '../meta-command.js';
import { querier, text } from '../describe/query-rows.js';
import { sqlshVersion } from '../../core/version.js';

/** Uptime in the client's words: `2 days 3 hours 4 min 5 sec`, `1 hour 0 min 9 sec`, `41 sec`. */
export function uptimeWords(seconds: number): string {
  let s = Math.max(0, Math.floor(seconds));
  const parts: string[] = [];
  const days = Math.floor(s / 86400);
  if (days > 0) parts.push(`${days} ${days > 1 ? 'days' : 'day'}`);
  s -= days * 86400;
  const hours = Math.floor(s / 3600);
  if (seconds >= 3600) parts.push(`${hours} ${hours > 1 ? 'hours' : 'hour'}`);
  s -= hours * 3600;
  const min = Math.floor(s / 60);
  if (seconds >= 60) parts.push(`${min} min`);
  s -= min * 60;
  parts.push(`${s} sec`);
  return parts.join(' ');
}

/** How the connection goes, from the connection's printable URI (mysql://u@h:p/db or ...?socket=PATH). */
function transport(url: string): { readonly connection: string; readonly last: string } {
  try {
    const u = new URL(url);
    const socket = u.searchParams.get('socket');
    if (socket) return { connection: 'Localhost via UNIX socket', last: `UNIX socket:\t\t${socket}` };
    return { connection: `${decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1')} via TCP/IP`, last: `TCP port:\t\t${u.port || '3306'}` };
  } catch {
    return { connection: 'via TCP/IP', last: 'TCP port:\t\t3306' };
  }
}

export async function mysqlStatusText(ctx: MetaContext): Promise<string> {
  const s = ctx.session;
  const q = querier(s.connection, ctx.opts.signal);
  const [facts] = await q(
    'SELECT CONNECTION_ID(), DATABASE(), USER(), VERSION(), @@version_comment, @@protocol_version, LAST_INSERT_ID(), ' +
      '@@character_set_server, @@character_set_database, @@character_set_client, @@character_set_connection',
  );
  const f = (facts ?? []).map(text);
  const [id, db, user, version, comment, protocol, insertId, server, database, client, conn] = f;
  const cipher = text((await q("SHOW SESSION STATUS LIKE 'Ssl_cipher'"))[0]?.[1]);
  const global = new Map(
    (await q("SHOW GLOBAL STATUS WHERE Variable_name IN ('Uptime', 'Threads_connected', 'Questions', 'Slow_queries', 'Opened_tables', 'Open_tables')"))
      .map((r) => [text(r[0]).toLowerCase(), Number(text(r[1]))] as const),
  );
  const n = (k: string): number => global.get(k) ?? 0;
  const uptime = n('uptime');
  // queries per second with three decimals, cut (not rounded), as the server writes them
  const qps = uptime > 0 ? Math.floor((n('questions') * 1000) / uptime) : 0;
  const how = transport(s.connection.info.url);
  const rule = '--------------';
  const lines = [
    rule,
    `sqlsh  Ver ${sqlshVersion()} for ${process.platform} (${process.arch}) using Node.js ${process.versions.node}`,
    '',
    `Connection id:\t\t${id ?? ''}`,
    `Current database:\t${db ?? ''}`,
    `Current user:\t\t${user ?? ''}`,
    `SSL:\t\t\t${cipher ? `Cipher in use is ${cipher}` : 'Not in use'}`,
    'Current pager:\t\tstdout',
    "Using outfile:\t\t''",
    `Using delimiter:\t${s.delimiter ?? ';'}`,
    `Server:\t\t\t${/mariadb/i.test(version ?? '') ? 'MariaDB' : 'MySQL'}`,
    `Server version:\t\t${version ?? ''} ${comment ?? ''}`,
    `Protocol version:\t${protocol ?? ''}`,
    `Connection:\t\t${how.connection}`,
    ...(insertId && insertId !== '0' ? [`Insert id:\t\t${insertId}`] : []),
    `Server characterset:\t${server ?? ''}`,
    `Db     characterset:\t${database ?? ''}`,
    `Client characterset:\t${client ?? ''}`,
    `Conn.  characterset:\t${conn ?? ''}`,
    how.last,
    `Uptime:\t\t\t${uptimeWords(uptime)}`,
    '',
    `Threads: ${n('threads_connected')}  Questions: ${n('questions')}  Slow queries: ${n('slow_queries')}  Opens: ${n('opened_tables')}  Open tables: ${n('open_tables')}  Queries per second avg: ${Math.floor(qps / 1000)}.${String(qps % 1000).padStart(3, '0')}`,
    rule,
    '',
  ];
  return `${lines.join('\n')}\n`;
}
