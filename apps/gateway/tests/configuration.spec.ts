import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configVariables, loadConfig } from '@platform/server';
import { AVAILABLE_MODULES } from '../src/available-modules';

describe('configuration in one place: the gateway\'s variables and every module\'s settings', () => {
  it('is described completely by .env.example, in a form env files take (no comment after a value)', () => {
    const lines = readFileSync(join(__dirname, '../../../.env.example'), 'utf8').split('\n');
    const settings = lines.map((l) => /^(# ?)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    // Every variable is there, set or commented out; none that neither the gateway nor a module reads.
    expect([...new Set(settings.map((m) => m[2]))].sort()).toEqual(configVariables(AVAILABLE_MODULES).sort());
    // `docker run --env-file` and systemd's EnvironmentFile take everything after `=` as the value.
    for (const m of settings) expect({ line: m[0], comment: /\s#/.test(m[3]!) }).toEqual({ line: m[0], comment: false });
    // The values set load as they stand.
    const env = Object.fromEntries(settings.filter((m) => !m[1]).map((m) => [m[2]!, m[3]!]));
    expect(loadConfig(env, AVAILABLE_MODULES)).toMatchObject({ port: Number(env['PORT']), host: env['HOST'], logLevel: env['LOG_LEVEL'] });
  });

  it('refuses every bad variable together, the gateway\'s and the modules\' alike, naming each and its rule', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', RELIEF_NOTICE_DAYS: '0', WARNING_ESCALATION_INTERVAL_MS: 'soon', OVERDUE_SWEEP_INTERVAL_MS: '5', WARNING_ISSUER_CODE: '500119108000', ACCESS_FRESHNESS: 'lax', JWT_SECRET: 'short' }, AVAILABLE_MODULES);
    } catch (error) {
      message = (error as Error).message;
    }
    const named = message.split('\n').slice(1).map((line) => line.trim().split(':')[0]);
    expect(named.sort()).toEqual(['ACCESS_FRESHNESS', 'JWT_SECRET', 'OVERDUE_SWEEP_INTERVAL_MS', 'PORT', 'RELIEF_NOTICE_DAYS', 'WARNING_ESCALATION_INTERVAL_MS', 'WARNING_ISSUER_CODE']);
    expect(message).toMatch(/WARNING_ISSUER_CODE: must be the 14-character 发布单位代码/);
    expect(message).toMatch(/RELIEF_NOTICE_DAYS: Too small/i);
  });

  it('lets each module read its own settings typed, with their defaults', () => {
    const config = loadConfig({ RELIEF_NOTICE_DAYS: '7' }, AVAILABLE_MODULES);
    const byName = new Map(AVAILABLE_MODULES.map((m) => [m.name, m]));
    expect(byName.get('response')!.settings!.read(config.settings)).toEqual({ RELIEF_NOTICE_DAYS: 7 });
    expect(byName.get('risk')!.settings!.read(config.settings)).toEqual({ OVERDUE_SWEEP_INTERVAL_MS: 60_000 });
    expect(byName.get('access')!.settings!.read(config.settings)).toMatchObject({ ACCESS_TOKEN_TTL_S: 900, PRINCIPAL_CACHE_TTL_MS: 30_000, ACCESS_FRESHNESS: 'strict' });
  });
});
