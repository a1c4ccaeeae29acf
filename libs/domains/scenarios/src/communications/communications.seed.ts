import { SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { Organizations, Positions, seedId } from '@platform/directory';
import { insertSeedDrill, insertSeedTerminals, insertSeedTests, type SeedTerminalRow, type SeedTestRow } from './communications.seed.sql';

const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded terminal, by its key (e.g. `wenfeng-sat`). */
export const terminalSeedId = (key: string): string => seedId(`scenarios:terminal:${key}`);
/** The id of the seeded 三断 drill. */
export const BLACKOUT_DRILL_SEED_ID = seedId('scenarios:blackout-drill:wenfeng-2026-11');

/** [key suffix, kind, model, identifier prefix]. */
const KINDS = {
  sat: ['SATELLITE_PHONE', '天通 T900', '1740230'],
  bds: ['BEIDOU_SHORT_MESSAGE', '北斗三号短报文终端 BD-H5', 'BD4910'],
  radio: ['RADIO_370MHZ', '370MHz PDT 手持台 PH-790', '370-5011'],
  mesh: ['AD_HOC_NETWORK', '宽窄带自组网便携基站 MX-2', 'MESH-NP'],
} as const;
type KindKey = keyof typeof KINDS;

/** Per area (directory seed key), the terminals it keeps: every village and community has a satellite phone; the remote ones more. */
const AREAS: readonly (readonly [area: string, kinds: readonly KindKey[]])[] = [
  ['community-nanping', ['sat', 'radio', 'mesh']],
  ['community-longmen', ['sat', 'radio']],
  ['village-wenfeng', ['sat', 'bds', 'radio']],
  ['village-shuanghe', ['sat', 'bds']],
  ['village-longshan', ['sat', 'bds']],
  ['village-shixi', ['sat']],
  ['village-jinlong', ['sat', 'radio']],
  ['village-xinhua', ['sat']],
  ['village-fushou', ['sat', 'bds']],
  ['village-yonglong', ['sat']],
  ['village-dashi', ['sat', 'bds']],
  ['village-baiguo', ['sat']],
  ['village-qinglong', ['sat', 'bds']],
  ['village-qingyuan', ['sat']],
  ['village-mazui', ['sat', 'bds']],
];

/** Monthly tests (China time), the last one before the README's instant (2026-11-29 10:00). */
const TEST_DAYS = ['2026-09-24', '2026-10-23', '2026-11-24'] as const;

/** The village officer leading the area (its first lead position), as holder and tester; null when none. */
async function leadOf(ctx: RequestContext, organizationId: string): Promise<string | null> {
  const [p] = await unscoped(ctx, Positions, SEEDING)
    .where(sql`t.organization_id = ${organizationId} AND t.ended_on IS NULL`)
    .list({ keys: [{ column: 't.is_lead', direction: SortDirection.DESC }, { column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'personId'] });
  return p?.personId ?? null;
}

/**
 * The demo terminals of 南平镇 (deterministic): every village and community with a satellite phone,
 * the remote ones with a 北斗 terminal, a few 370 MHz radios and one ad-hoc kit, each tested monthly.
 * Exceptions: 马嘴村 has none ready (its satellite phone failed its November test, its 北斗 terminal
 * was last tested in October), 龙山村's 北斗 terminal is under repair; and a 三断 drill at 文凤村 on
 * 2026-11-18. Idempotent; nothing when the directory holds no town.
 */
export async function seedCommunications(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  const terminals: SeedTerminalRow[] = [];
  const tests: SeedTestRow[] = [];
  let n = 0;
  for (const [area, kinds] of AREAS) {
    const organizationId = seedId(`org:${area}`);
    if (!(await unscoped(ctx, Organizations, SEEDING).exists(organizationId))) continue;
    const holder = await leadOf(ctx, organizationId);
    for (const k of kinds) {
      n += 1;
      const key = `${area.replace(/^(village|community)-/, '')}-${k}`;
      const [kind, model, prefix] = KINDS[k];
      const id = terminalSeedId(key);
      const repair = key === 'longshan-bds';
      terminals.push({ id, organizationId, kind, identifier: `${prefix}${String(1000 + n * 37).padStart(4, '0')}`, model, holderPersonId: holder, status: repair ? 'UNDER_REPAIR' : 'IN_SERVICE', note: repair ? '2026-11-20送修（天线接口松动）' : null });
      TEST_DAYS.forEach((day, i) => {
        const last = i === TEST_DAYS.length - 1;
        if (key === 'mazui-bds' && last) return; // last tested in October: 37 days before the README's instant
        const failed = key === 'mazui-sat' && last;
        tests.push({
          id: seedId(`scenarios:terminal-test:${key}:${day}`),
          terminalId: id,
          testedAt: `${day}T${String(9 + (n % 6)).padStart(2, '0')}:30:00+08:00`,
          testerPersonId: holder,
          result: failed ? 'FAILED' : 'OK',
          note: failed ? '开机后无法入网，电池鼓包，已报镇应急办更换' : k === 'sat' ? '拨打镇应急办值班电话通话正常' : k === 'bds' ? '向镇平台发送短报文，回执正常' : '与镇应急办联络正常',
        });
      });
    }
  }
  const inserted = await insertSeedTerminals(ctx, terminals);
  const tested = await insertSeedTests(ctx, tests);
  const drilled = await insertSeedDrill(ctx, {
    id: BLACKOUT_DRILL_SEED_ID,
    organizationId: seedId('org:village-wenfeng'),
    heldOn: '2026-11-18',
    scenario: '暴雨引发山洪，村内停电，通信基站中断，进村公路被冲毁（“三断”）：村“两委”使用卫星电话、北斗短报文和370MHz对讲机向镇应急办报告并组织转移',
    terminalIds: [terminalSeedId('wenfeng-sat'), terminalSeedId('wenfeng-bds'), terminalSeedId('wenfeng-radio')],
    result: 'PARTIAL',
    problems: '370MHz对讲机在三组山谷内信号弱，与镇应急办联络中断约10分钟；卫星电话备用电池未充满',
  });
  if (inserted + tested + drilled) {
    await audit(ctx, { action: 'scenarios.communications.seed', entityType: 'CommunicationTerminal', entityId: null, changes: { terminals: inserted, tests: tested, drills: drilled } });
  }
}
