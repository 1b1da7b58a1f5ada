/**
 * `sqlsh lsp` in a real editor: a headless Neovim configured with the README's own snippets, as written (the
 * block for the Neovim on the machine: `vim.lsp.config` for 0.11+, the FileType one for 0.7 to 0.10, and the
 * run-statement key), with `sqlsh` on PATH, opening a .sql file in a workspace whose .sqlsh.toml names a real
 * SQLite file. A Lua script then does what a user does: <C-x><C-o> (Neovim's own omnifunc, after an emoji on
 * the line, so UTF-16 columns must be converted right), hover (Neovim's floating window), diagnostics (byte
 * columns as Neovim shows them), go to definition (the DDL file opened), the README's <leader>r, the code
 * action "Run statement" (its result shown by the server), and :qa (the server must exit). A second Neovim is
 * killed with SIGKILL: its server must exit too. Neovim comes from Debian (`.ci/run` installs it); without it
 * the test is skipped, except under CI=true where it fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { serverTestMode } from '../harness/server-test.js';
import { ROOT } from './lsp-client.js';

const version = (() => {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /NVIM v(\d+)\.(\d+)/.exec(r.stdout) : null;
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
})();

/** The README's Lua blocks for this Neovim: its config block and the run-statement key. */
function readmeConfig(v: { major: number; minor: number }): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```lua\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const modern = v.major > 0 || v.minor >= 11;
  const config = blocks.find((b) => (modern ? b.includes("vim.lsp.config('sqlsh'") : b.includes('vim.lsp.start_client(')));
  const key = blocks.find((b) => b.includes("'sqlsh.runStatement'"));
  assert.ok(config && key, 'the README has a Neovim config block and the run-statement key');
  return `${config}\n${key}`;
}

const LUA_DRIVER = String.raw`
local R = { errors = {} }
local out = vim.env.SQLSH_NVIM_OUT
local function sleep(ms) local co = coroutine.running(); vim.defer_fn(function() coroutine.resume(co) end, ms); coroutine.yield() end
local function waitfor(ms, f) local t = 0; while t < ms do local v = f(); if v then return v end; sleep(25); t = t + 25 end end
local function keys(k, mode) vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(k, true, false, true), mode or 'n', false) end
local function cursor_on(line, word, after) -- 1-based line; the cursor on the word's first byte (or its last with after)
  local text = vim.api.nvim_buf_get_lines(0, line - 1, line, false)[1]
  local s, e = text:find(word, 1, true)
  vim.api.nvim_win_set_cursor(0, { line, after and e - 1 or s - 1 })
end
local function step(name, f) local ok, err = pcall(f); if not ok then R.errors[#R.errors + 1] = name .. ': ' .. tostring(err) end end
local function wins() local n = {}; for _, w in ipairs(vim.api.nvim_list_wins()) do n[w] = true end; return n end
local function new_win(before) for _, w in ipairs(vim.api.nvim_list_wins()) do if not before[w] then return w end end end
local function finish()
  local f = io.open(out, 'w'); f:write(vim.fn.json_encode(R)); f:close()
  vim.cmd('qa!')
end

coroutine.wrap(function()
  local buf = vim.api.nvim_get_current_buf()
  local client
  step('attach', function()
    R.filetype = vim.bo.filetype
    client = waitfor(10000, function()
      for _, c in pairs(vim.lsp.get_active_clients()) do if c.name == 'sqlsh' and c.initialized then return c end end
    end)
    assert(client, 'no sqlsh client initialized')
    R.offset_encoding = client.offset_encoding
    R.pid = client.rpc.pid
    if vim.env.SQLSH_NVIM_PID then local f = io.open(vim.env.SQLSH_NVIM_PID, 'w'); f:write(tostring(R.pid)); f:close() end
    R.catalog = waitfor(15000, function()
      local r = vim.lsp.buf_request_sync(buf, 'workspace/executeCommand', { command = 'sqlsh.refreshCatalog', arguments = {} }, 3000)
      local res = r and r[client.id] and r[client.id].result
      return res and res.relations > 0 and res
    end)
    assert(R.catalog, 'the catalog did not load')
    waitfor(3000, function() return vim.bo[buf].omnifunc == 'v:lua.vim.lsp.omnifunc' end)
    R.omnifunc = vim.bo[buf].omnifunc
  end)
  if vim.env.SQLSH_NVIM_PID then sleep(60000) end -- killed from outside
  if not client then return finish() end

  step('omnifunc after an emoji', function()
    cursor_on(1, 'o.tot', true)
    keys('a<C-x><C-o>')
    local before = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
    waitfor(10000, function() return vim.fn.pumvisible() == 1 or vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1] ~= before end)
    sleep(100)
    keys('<Esc>')
    sleep(100)
    R.omni_line = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  end)

  step('omnifunc join', function()
    vim.api.nvim_win_set_cursor(0, { 2, 0 })
    keys('A<C-x><C-o>')
    waitfor(10000, function() return vim.fn.pumvisible() == 1 end)
    local info = vim.fn.complete_info({ 'items' })
    R.join_items = {}
    for i = 1, math.min(3, #info.items) do R.join_items[i] = info.items[i].word end
    keys('<C-e><Esc>')
    sleep(100)
  end)

  step('hover', function()
    cursor_on(1, 'orders')
    local before = wins()
    vim.lsp.buf.hover()
    local w = waitfor(10000, function() return new_win(before) end)
    assert(w, 'no hover window')
    R.hover = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false)
    vim.api.nvim_win_close(w, true)
  end)

  step('diagnostics', function()
    local d = waitfor(10000, function()
      for _, x in ipairs(vim.diagnostic.get(buf)) do
        local code = x.code or (x.user_data and x.user_data.lsp and x.user_data.lsp.code)
        if code == 'unknown-relation' then return x end
      end
    end)
    assert(d, 'no unknown-relation diagnostic')
    R.diagnostic = { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message }
  end)

  step('definition', function()
    cursor_on(1, 'orders')
    vim.lsp.buf.definition()
    local b = waitfor(10000, function() local c = vim.api.nvim_get_current_buf(); return c ~= buf and c end)
    assert(b, 'definition opened nothing')
    R.definition = { name = vim.api.nvim_buf_get_name(b), lines = vim.api.nvim_buf_get_lines(b, 0, 3, false) }
    vim.cmd('buffer ' .. buf)
  end)

  step('run key', function()
    cursor_on(4, 'count')
    local before = wins()
    keys('<Bslash>r', 'm')
    local w = waitfor(10000, function() return new_win(before) end)
    assert(w, 'no result window')
    R.run = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false)
    vim.api.nvim_win_close(w, true)
  end)

  step('code action', function()
    cursor_on(4, 'count')
    local shown = {}
    local orig = vim.lsp.handlers['window/showMessage']
    vim.lsp.handlers['window/showMessage'] = function(err, res, ctx, cfg) shown[#shown + 1] = res.message; return orig(err, res, ctx, cfg) end
    vim.ui.select = function(items, _, choose)
      for i, it in ipairs(items) do
        local a = it.action or it[2]
        if a.title:match('^Run statement') then return choose(it, i) end
      end
      choose(nil, nil)
    end
    local before = wins()
    vim.lsp.buf.code_action()
    local w = waitfor(10000, function() return #shown > 0 or new_win(before) end)
    assert(w, 'the code action showed nothing')
    if #shown > 0 then R.action = { how = 'message', text = shown[1] }
    else R.action = { how = 'document', text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(new_win(before)), 0, -1, false), '\n') } end
    vim.lsp.handlers['window/showMessage'] = orig
  end)

  finish()
end)()
`;

const SQL = [
  "SELECT '😀é' AS x, o.tot FROM orders o;",
  'SELECT * FROM orders o JOIN ',
  "SELECT '😀é', * FROM ordrs;",
  'SELECT count(*) AS n FROM orders;',
  '',
].join('\n');

function setup(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'sqlsh-nvim-'));
  const db = new Database(join(dir, 'shop.db'));
  db.exec(`
    CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(customer_id), total REAL);
    INSERT INTO customers VALUES (1, 'Ada'), (2, 'Bo');
    INSERT INTO orders VALUES (10, 1, 9.5), (11, 2, 20), (12, 2, 1);`);
  db.close();
  writeFileSync(join(dir, '.sqlsh.toml'), 'connection = "shop.db"\n');
  writeFileSync(join(dir, 'q.sql'), SQL);
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'bin', 'sqlsh'), `#!/bin/sh\nexec "${process.execPath}" "${ROOT}bin/sqlsh.js" "$@"\n`);
  chmodSync(join(dir, 'bin', 'sqlsh'), 0o755);
  writeFileSync(join(dir, 'init.lua'), readmeConfig(version!));
  writeFileSync(join(dir, 'driver.lua'), LUA_DRIVER);
  const env = {
    ...process.env,
    PATH: `${join(dir, 'bin')}:${process.env['PATH'] ?? ''}`,
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CACHE_HOME: join(dir, 'cache'),
  };
  return { dir, env };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function gone(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

const nvimArgs = ['--headless', '-n', '-i', 'NONE', '-u', 'init.lua', 'q.sql', '-c', 'luafile driver.lua'];

test('Neovim with the README config: completion, hover, diagnostics, definition, run, code action, exit', async (t) => {
  if (!version) {
    if (serverTestMode() === 'required') assert.fail('nvim is not installed (CI installs Debian\'s neovim in .ci/run)');
    t.skip('nvim is not installed');
    return;
  }
  const { dir, env } = setup();
  try {
    const outFile = join(dir, 'result.json');
    const proc = spawn('nvim', nvimArgs, { cwd: dir, env: { ...env, SQLSH_NVIM_OUT: outFile }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    proc.stdout.on('data', () => undefined);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 45_000);
    await new Promise((r) => proc.once('exit', r));
    clearTimeout(timer);
    assert.ok(existsSync(outFile), `Neovim wrote no result (timed out or failed): ${stderr.slice(-800)}`);
    const r = JSON.parse(readFileSync(outFile, 'utf8')) as {
      errors: string[]; filetype: string; offset_encoding: string; pid: number; catalog: { engine: string; relations: number }; omnifunc: string;
      omni_line: string; join_items: string[]; hover: string[]; diagnostic: { lnum: number; col: number; end_col: number; message: string };
      definition: { name: string; lines: string[] }; run: string[]; action: { how: string; text: string };
    };
    t.diagnostic(`Neovim ${version.major}.${version.minor}: ${JSON.stringify(r).slice(0, 400)}`);
    assert.deepEqual(r.errors, []);
    assert.equal(r.filetype, 'sql');
    assert.equal(r.offset_encoding, 'utf-16');
    assert.equal(r.catalog.engine, 'sqlite');
    assert.equal(r.omnifunc, 'v:lua.vim.lsp.omnifunc', 'the README config makes <C-x><C-o> ask the server, not the sql ftplugin');
    // <C-x><C-o> after 'o.tot', with an emoji and an é (2 UTF-16 units, 4 bytes; 1 unit, 2 bytes) before it
    assert.equal(r.omni_line, "SELECT '😀é' AS x, o.total FROM orders o;");
    assert.equal(r.join_items[0], 'customers c ON c.customer_id = o.customer_id');
    assert.ok(r.hover.some((l) => /orders/.test(l)) && r.hover.some((l) => /customer_id/.test(l)), r.hover.join('\n'));
    // Neovim's columns are bytes: 'ordrs' starts at byte 24 of "SELECT '😀é', * FROM ordrs;"
    const line3 = "SELECT '😀é', * FROM ordrs;";
    const byte = Buffer.byteLength(line3.slice(0, line3.indexOf('ordrs')));
    assert.deepEqual([r.diagnostic.lnum, r.diagnostic.col, r.diagnostic.end_col], [2, byte, byte + 5], JSON.stringify(r.diagnostic));
    assert.match(r.diagnostic.message, /did you mean orders/);
    assert.match(r.definition.name, /orders\.sql$/);
    assert.match(r.definition.lines.join('\n'), /CREATE TABLE orders/);
    assert.deepEqual(r.run.slice(0, 4), [' n ', '---', ' 3', '(1 row)']);
    assert.equal(r.action.how, version.major > 0 || version.minor >= 8 ? 'document' : 'message');
    assert.match(r.action.text, /\n\s*3\s*\n\(1 row\)/);
    // :qa: Neovim stops its client; the server exits
    assert.ok(await gone(r.pid, 5000), `the server (pid ${r.pid}) still runs after :qa`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Neovim killed (no shutdown, no exit): the server exits', async (t) => {
  if (!version) {
    if (serverTestMode() === 'required') assert.fail('nvim is not installed');
    t.skip('nvim is not installed');
    return;
  }
  const { dir, env } = setup();
  try {
    const pidFile = join(dir, 'server.pid');
    const proc = spawn('nvim', nvimArgs, { cwd: dir, env: { ...env, SQLSH_NVIM_OUT: join(dir, 'r.json'), SQLSH_NVIM_PID: pidFile }, stdio: ['pipe', 'pipe', 'pipe'] });
    proc.stdout.on('data', () => undefined);
    proc.stderr.on('data', () => undefined);
    const end = Date.now() + 20_000;
    // the file can exist before its number is written: pid 0 would name this test's own process group
    const pidIn = (): number => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) || 0 : 0);
    while (pidIn() <= 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const pid = pidIn();
    assert.ok(pid > 0, 'the server never started under Neovim');
    assert.ok(alive(pid));
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));
    assert.ok(await gone(pid, 5000), `the server (pid ${pid}) lingers after its editor was killed`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
