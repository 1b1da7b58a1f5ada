/** Named queries: \ns NAME QUERY saves, \n NAME [ARGS...] runs, \n lists, \nd NAME deletes. */
import type { MetaCommand } from '../meta-command.js';
import { fail, info, ok, runnerOptions, usage } from '../meta-command.js';

const NAME = /^[A-Za-z_][\w.-]*$/;

const save: MetaCommand = {
  name: '\\ns',
  group: 'Named queries',
  syntax: '\\ns NAME QUERY',
  summary: 'save a named query ($1, $2, $* take arguments)',
  details: ["\\ns by_artist SELECT * FROM tracks WHERE artist = $1", 'Saved in named-queries.toml in the config directory; they survive a restart.'],
  args: { min: 2, max: Infinity, kinds: ['named-query', 'sql'] },
  async run(ctx, args) {
    const name = args.words[0]!;
    if (!NAME.test(name)) return usage(`a name is letters, digits, _ . and -, got ${JSON.stringify(name)}`);
    const query = args.raw.slice(args.tokens[0]!.length).trim().replace(/;\s*$/, '');
    const { loadNamedQueries, saveNamedQueries } = await import('../named-queries.js');
    const file = ctx.session.paths.namedQueriesFile;
    const all = new Map(await loadNamedQueries(file));
    const existed = all.has(name);
    all.set(name, query);
    await saveNamedQueries(file, all);
    return info(`${existed ? 'Replaced' : 'Saved'} named query ${name}.`);
  },
};

const runNamed: MetaCommand = {
  name: '\\n',
  group: 'Named queries',
  syntax: '\\n [NAME [ARGS...]]',
  summary: 'run a named query; \\n alone lists them',
  details: ["Arguments are pasted as SQL text: \\n by_artist 'Miles Davis' (quote strings yourself)."],
  args: { min: 0, max: Infinity, kinds: ['named-query', 'text'] },
  async run(ctx, args) {
    const s = ctx.session;
    const { loadNamedQueries, substituteArgs } = await import('../named-queries.js');
    const all = await loadNamedQueries(s.paths.namedQueriesFile);
    if (args.words.length === 0) {
      if (all.size === 0) return info('No named queries yet: save one with \\ns NAME QUERY.');
      const rows = [...all.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, q]) => [n, q]);
      return { type: 'tables', tables: [{ title: 'Named queries', columns: [{ name: 'Name', type: 'text' }, { name: 'Query', type: 'text' }], rows, rowCount: true }] };
    }
    const name = args.words[0]!;
    const query = all.get(name);
    if (query === undefined) {
      const near = [...all.keys()].find((k) => k.toLowerCase().startsWith(name.toLowerCase().slice(0, 2)));
      return fail(`no named query ${JSON.stringify(name)}${near ? `; did you mean ${near}?` : ''} (\\n lists them)`);
    }
    const sub = substituteArgs(query, args.tokens.slice(1));
    if (!sub.ok) return fail(`${name} ${sub.error}`);
    const r = await ctx.runner.runScript(sub.sql, runnerOptions(ctx.opts));
    return r.quit ? { type: 'quit' } : r.ok ? ok : { type: 'error' };
  },
};

const remove: MetaCommand = {
  name: '\\nd',
  group: 'Named queries',
  syntax: '\\nd NAME',
  summary: 'delete a named query',
  args: { min: 1, max: 1, kinds: ['named-query'] },
  async run(ctx, args) {
    const name = args.words[0]!;
    const { loadNamedQueries, saveNamedQueries } = await import('../named-queries.js');
    const file = ctx.session.paths.namedQueriesFile;
    const all = new Map(await loadNamedQueries(file));
    if (!all.delete(name)) return fail(`no named query ${JSON.stringify(name)} (\\n lists them)`);
    await saveNamedQueries(file, all);
    return info(`Deleted named query ${name}.`);
  },
};

export const NAMED_QUERY_COMMANDS: readonly MetaCommand[] = Object.freeze([runNamed, save, remove]);
