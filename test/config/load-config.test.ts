import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, loadConfig, defaultConfigText } from '../../src/config/load-config.js';
import { DEFAULT_SETTINGS, SETTINGS } from '../../src/config/settings.js';
import { sqlshPaths } from '../../src/config/paths.js';

describe('config', () => {
  test('valid keys are applied', async () => {
    const c = await parseConfig('theme = "light"\nkey_mode = "vi"\ntiming = true\n', 'config.toml');
    assert.equal(c.settings.theme, 'light');
    assert.equal(c.settings.key_mode, 'vi');
    assert.equal(c.settings.timing, true);
    assert.deepEqual(c.warnings, []);
  });

  test('a bad value names the key and its line and falls back to the default', async () => {
    const c = await parseConfig('# comment\ntheme = "purple"\nkey_mode = "vi"\n', 'config.toml');
    assert.equal(c.settings.theme, DEFAULT_SETTINGS.theme);
    assert.equal(c.settings.key_mode, 'vi');
    assert.equal(c.warnings.length, 1);
    assert.match(c.warnings[0]!, /^config\.toml:2: key "theme": expected one of dark, light, ansi, got "purple"; using the default "dark"/);
  });

  test('an unknown key is reported once with its line', async () => {
    const c = await parseConfig('colour = "x"\n', 'c.toml');
    assert.equal(c.warnings.length, 1);
    assert.match(c.warnings[0]!, /^c\.toml:1: unknown key "colour"/);
  });

  test('invalid TOML does not stop anything', async () => {
    const c = await parseConfig('theme = \n[[[', 'c.toml');
    assert.deepEqual(c.settings, DEFAULT_SETTINGS);
    assert.match(c.warnings[0]!, /not valid TOML/);
  });

  test('saved connections', async () => {
    const c = await parseConfig('[connections.prod]\nurl = "postgres://a@b/c"\n[connections.bad]\nuser = "x"\n', 'c.toml');
    assert.equal(c.connections.get('prod')?.url, 'postgres://a@b/c');
    assert.equal(c.connections.has('bad'), false);
    assert.match(c.warnings[0]!, /connection "bad" needs url/);
  });

  test('first run writes a commented default file (0600) that parses to the defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlsh-config-'));
    const path = join(dir, 'sqlsh', 'config.toml');
    const first = await loadConfig(path, { writeDefault: true });
    assert.equal(first.exists, false);
    assert.equal(readFileSync(path, 'utf8'), defaultConfigText());
    assert.equal(statSync(path).mode & 0o777, 0o600);
    const again = await loadConfig(path);
    assert.deepEqual(again.settings, DEFAULT_SETTINGS);
    assert.deepEqual(again.warnings, []);
    for (const s of SETTINGS) assert.ok(defaultConfigText().includes(`# ${s.key} = `), s.key);
  });

  test('XDG paths', () => {
    const p = sqlshPaths({ HOME: '/home/u', XDG_CONFIG_HOME: '/x/cfg', XDG_STATE_HOME: 'relative/ignored' });
    assert.equal(p.configFile, '/x/cfg/sqlsh/config.toml');
    assert.equal(p.historyFile, '/home/u/.local/state/sqlsh/history');
    assert.equal(p.demoDatabase, '/home/u/.local/share/sqlsh/demo.db');
  });
});
