import { SortDirection, sql, todayInChina, unscoped, type RequestContext } from '@platform/core';
import { Organizations, Positions, seedId } from '@platform/directory';
import { Users } from '@platform/access';
import { LEVEL_COLOUR_ZH, WarningLevel } from '../model/warning.enums';
import { defaultIssuerCode, identifierSecondPrefix, warningIdentifier } from './warning-identifier';
import { responsiblePersons } from './responsible-persons';
import { insertSeedDelivery, insertSeedWarning } from './warning.seed.sql';
import { WarningEscalationPolicies, Warnings } from '../warnings.entities';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface SeedAck {
  /** Minutes after delivery. */
  readonly after: number;
  readonly channel: 'PHONE' | 'SMS' | 'APP' | 'RADIO' | 'IN_PERSON';
  readonly note: string;
}

interface SeedRecord {
  readonly key: string;
  readonly chainKey?: string;
  readonly supersedesKey?: string;
  readonly messageType: 'ALERT' | 'UPDATE' | 'CANCEL';
  readonly status: 'ACTIVE' | 'SUPERSEDED' | 'CANCELLED' | 'EXPIRED';
  readonly hazardType: string;
  readonly eventName: string;
  readonly level: WarningLevel;
  readonly source: string;
  readonly description: string;
  readonly instruction: string;
  readonly note?: string;
  /** Offsets from now in ms. */
  readonly sent: number;
  readonly effective: number;
  readonly expires: number;
  /** Village name → its acknowledgement, or null while pending (or cancelled when `cancelledPending`). */
  readonly targets: Readonly<Record<string, SeedAck | null>>;
  readonly cancelledPending?: boolean;
  readonly escalate: boolean;
}

const RECORDS: readonly SeedRecord[] = [
  {
    key: 'rain-live',
    messageType: 'ALERT',
    status: 'ACTIVE',
    hazardType: 'RAINSTORM',
    eventName: '暴雨',
    level: WarningLevel.ORANGE,
    source: '南川区气象局',
    description: '受高空低槽和西南暖湿气流共同影响，预计未来24小时南平镇大部地区累计雨量可达80～120毫米，局地伴有短时强降水和雷电大风，山区易发山洪、滑坡。',
    instruction: '各村（社区）立即启动防汛应急响应，落实24小时值班；地灾隐患点监测员加密巡查，危险区域群众提前转移；停止户外作业，关闭涉水景点。',
    sent: -2 * HOUR,
    effective: -2 * HOUR,
    expires: 22 * HOUR,
    escalate: true,
    targets: {
      文凤村: { after: 4, channel: 'PHONE', note: '已通知各组组长，转移预案已启动' },
      龙山村: { after: 9, channel: 'APP', note: '已安排地灾监测员到岗巡查' },
      双河村: { after: 25, channel: 'PHONE', note: '已电话叫应，正在组织巡查' },
      石溪村: null,
    },
  },
  {
    key: 'geo-past',
    messageType: 'ALERT',
    status: 'EXPIRED',
    hazardType: 'GEOLOGICAL',
    eventName: '地质灾害',
    level: WarningLevel.RED,
    source: '南川区规划和自然资源局、南川区气象局',
    description: '前期累计降雨量大，土体饱和，预计未来24小时双河村、龙山村、石溪村一带发生地质灾害的风险很高。',
    instruction: '立即组织隐患点及周边危险区群众撤离，禁止人员进入危险区；监测员24小时值守，发现险情立即报告。',
    sent: -10 * DAY,
    effective: -10 * DAY,
    expires: -9 * DAY,
    escalate: true,
    targets: {
      双河村: { after: 3, channel: 'PHONE', note: '已转移隐患点群众12户38人' },
      龙山村: { after: 6, channel: 'RADIO', note: '已广播通知，监测员已到岗' },
      石溪村: { after: 12, channel: 'APP', note: '已组织危险区群众撤离' },
    },
  },
  {
    key: 'fire-alert',
    messageType: 'ALERT',
    status: 'CANCELLED',
    hazardType: 'FOREST_FIRE',
    eventName: '森林火险',
    level: WarningLevel.YELLOW,
    source: '南川区林业局',
    description: '近期持续晴热少雨，林区可燃物干燥，森林火险等级较高。',
    instruction: '严禁野外用火，林区入口设卡劝导，护林员加强巡护。',
    sent: -5 * DAY,
    effective: -5 * DAY,
    expires: 2 * DAY,
    escalate: true,
    cancelledPending: true,
    targets: {
      文凤村: { after: 15, channel: 'APP', note: '护林员已上岗' },
      福寿村: null,
    },
  },
  {
    key: 'fire-cancel',
    chainKey: 'fire-alert',
    supersedesKey: 'fire-alert',
    messageType: 'CANCEL',
    status: 'CANCELLED',
    hazardType: 'FOREST_FIRE',
    eventName: '森林火险',
    level: WarningLevel.YELLOW,
    source: '南川区林业局',
    description: '近期持续晴热少雨，林区可燃物干燥，森林火险等级较高。',
    instruction: '严禁野外用火，林区入口设卡劝导，护林员加强巡护。',
    note: '出现明显降雨过程，森林火险等级已降低',
    sent: -4 * DAY,
    effective: -5 * DAY,
    expires: 2 * DAY,
    escalate: false,
    targets: {
      文凤村: { after: 20, channel: 'SMS', note: '已收悉' },
      福寿村: null,
    },
  },
];

/** Why the seed reads whatever anyone's scope. */
const SEED = 'the demo seed acts for nobody';

/**
 * Demo warnings of 南平镇: a live ORANGE rainstorm warning to four villages (three acknowledged, one
 * pending past its deadline), a past RED geological-hazard warning fully acknowledged, and a YELLOW
 * forest-fire warning cancelled a day after it was issued (its cancellation delivered too). Times
 * are offsets from the seeding moment; ids come from stable keys and a record that exists is left
 * alone with its deliveries, so seeding twice inserts nothing. The directory and the accounts are
 * read through their declarations; the rows go in by `warning.seed.sql.ts`.
 */
export async function seedWarnings(ctx: RequestContext): Promise<void> {
  const now = ctx.clock.now().getTime();
  const [town] = await unscoped(ctx, Organizations, SEED)
    .where(sql`t.kind = 'TOWN_GOVERNMENT' AND t.parent_id IS NULL AND t.archived_at IS NULL`)
    .list({
      keys: [
        { column: 't.created_at', direction: SortDirection.ASC },
        { column: 't.id', direction: SortDirection.ASC },
      ],
      limit: 1,
      properties: ['name', 'code'],
    });
  if (!town?.code || !/^\d{12}$/.test(town.code)) return;
  // Seeds run before the modules start, without settings: the demo records carry the default issuing unit code.
  const unitCode = defaultIssuerCode(town.code);
  const villages = await unscoped(ctx, Organizations, SEED)
    .where(sql`t.kind IN ('VILLAGE', 'COMMUNITY') AND t.parent_id = ${town.id} AND t.archived_at IS NULL`)
    .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1000, properties: ['name'] });
  const villageIds = villages.map((v) => v.id);
  // Each village's emergency officer (应急专干), who acknowledges the demo deliveries, and their account.
  const officers = await unscoped(ctx, Positions, SEED)
    .where(sql`t.organization_id = ANY(CAST(${villageIds} AS uuid[])) AND t.title = '应急专干' AND t.ended_on IS NULL`)
    .aggregate<{ organizationId: string; personId: string }>(sql`t.organization_id AS "organizationId", (array_agg(t.person_id ORDER BY t.person_id))[1] AS "personId"`, { groupBy: sql`t.organization_id` });
  const officerOf = new Map(officers.map((o) => [o.organizationId, o.personId]));
  const accounts = await unscoped(ctx, Users, SEED)
    .where(sql`t.person_id = ANY(CAST(${officers.map((o) => o.personId)} AS uuid[]))`)
    .aggregate<{ personId: string; userId: string }>(sql`t.person_id AS "personId", (array_agg(t.id ORDER BY t.id))[1] AS "userId"`, { groupBy: sql`t.person_id` });
  const accountOf = new Map(accounts.map((a) => [a.personId, a.userId]));
  const byName = new Map(villages.map((v) => [v.name, v]));
  // Who must answer: positions current on the China day of the seeding moment.
  const responsible = await responsiblePersons(ctx, villageIds, todayInChina(new Date(now)));
  for (const r of RECORDS) {
    const id = seedId(`rescue:warnings:${r.key}`);
    const sentAt = new Date(now + r.sent);
    const prefix = identifierSecondPrefix(unitCode, sentAt);
    const n = await unscoped(ctx, Warnings, SEED).where(sql`left(t.identifier, length(${prefix})) = ${prefix}`).count();
    const headline = `${town.name}${r.messageType === 'CANCEL' ? '解除' : '发布'}${r.eventName}${LEVEL_COLOUR_ZH[r.level]}预警`;
    const inserted = await insertSeedWarning(ctx, {
      id,
      identifier: warningIdentifier(unitCode, sentAt, n),
      chainId: r.chainKey ? seedId(`rescue:warnings:${r.chainKey}`) : id,
      supersedesId: r.supersedesKey ? seedId(`rescue:warnings:${r.supersedesKey}`) : null,
      messageType: r.messageType,
      status: r.status,
      issuerOrganizationId: town.id,
      senderName: town.name,
      source: r.source,
      hazardType: r.hazardType,
      eventName: r.eventName,
      level: r.level,
      headline,
      description: r.description,
      instruction: r.instruction,
      sentAt,
      effectiveAt: new Date(now + r.effective),
      expiresAt: new Date(now + r.expires),
      note: r.note ?? null,
    });
    if (!inserted) continue;
    const policy = await unscoped(ctx, WarningEscalationPolicies, SEED).one(r.level);
    for (const [name, ack] of Object.entries(r.targets)) {
      const v = byName.get(name);
      if (!v) continue;
      const status = ack ? 'ACKNOWLEDGED' : r.cancelledPending ? 'CANCELLED' : 'PENDING';
      const officer = officerOf.get(v.id) ?? null;
      await insertSeedDelivery(ctx, {
        id: seedId(`rescue:warnings:${r.key}:${name}`),
        warningId: id,
        organizationId: v.id,
        responsiblePersonId: responsible.get(v.id) ?? null,
        status,
        deliveredAt: sentAt,
        acknowledgedAt: ack ? new Date(sentAt.getTime() + ack.after * MINUTE) : null,
        acknowledgedByUserId: ack && officer ? (accountOf.get(officer) ?? null) : null,
        acknowledgedByPersonId: ack ? officer : null,
        ackChannel: ack?.channel ?? null,
        ackNote: ack?.note ?? null,
        nextEscalationAt: status === 'PENDING' && r.escalate ? new Date(sentAt.getTime() + (policy?.minutes ?? 10) * MINUTE) : null,
      });
    }
  }
}
