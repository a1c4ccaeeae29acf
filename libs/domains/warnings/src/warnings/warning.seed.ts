import type { RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { LEVEL_COLOUR_ZH, WarningLevel } from '../model/warning.enums';
import { defaultIssuerCode, identifierSecondPrefix, warningIdentifier } from './warning-identifier';
import { RESPONSIBLE_PERSON_SQL } from './warning.service';

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

/**
 * Demo warnings of 南平镇: a live ORANGE rainstorm warning to four villages (three acknowledged, one
 * pending past its deadline), a past RED geological-hazard warning fully acknowledged, and a YELLOW
 * forest-fire warning cancelled a day after it was issued (its cancellation delivered too). Times
 * are offsets from the seeding moment; ids come from stable keys and a record that exists is left
 * alone with its deliveries, so seeding twice inserts nothing.
 */
export async function seedWarnings(ctx: RequestContext): Promise<void> {
  const m = ctx.manager;
  const now = ctx.clock.now().getTime();
  const [town] = await m.query(`SELECT id, name, code FROM organization WHERE kind = 'TOWN_GOVERNMENT' AND parent_id IS NULL AND archived_at IS NULL ORDER BY created_at LIMIT 1`);
  if (!town?.code || !/^\d{12}$/.test(town.code)) return;
  // Seeds run before the modules start, without settings: the demo records carry the default issuing unit code.
  const unitCode = defaultIssuerCode(town.code);
  const villages: Array<{ id: string; name: string; officer_id: string | null; user_id: string | null }> = await m.query(
    `SELECT o.id, o.name, e.person_id AS officer_id, (SELECT u.id FROM app_user u WHERE u.person_id = e.person_id LIMIT 1) AS user_id
     FROM organization o
     LEFT JOIN LATERAL (SELECT pp.person_id FROM person_position pp WHERE pp.organization_id = o.id AND pp.title = '应急专干' AND pp.ended_on IS NULL ORDER BY pp.person_id LIMIT 1) e ON TRUE
     WHERE o.kind IN ('VILLAGE','COMMUNITY') AND o.parent_id = $1 AND o.archived_at IS NULL`,
    [town.id],
  );
  const byName = new Map(villages.map((v) => [v.name, v]));
  for (const r of RECORDS) {
    const id = seedId(`rescue:warnings:${r.key}`);
    const sentAt = new Date(now + r.sent);
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM warning WHERE left(identifier, length($1)) = $1`, [identifierSecondPrefix(unitCode, sentAt)]);
    const headline = `${town.name}${r.messageType === 'CANCEL' ? '解除' : '发布'}${r.eventName}${LEVEL_COLOUR_ZH[r.level]}预警`;
    const inserted = await m.query(
      `INSERT INTO warning (id, identifier, chain_id, supersedes_id, message_type, status, issuer_organization_id, sender_name, source, hazard_type, event_name, level,
         headline, description, instruction, sent_at, effective_at, expires_at, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) ON CONFLICT DO NOTHING RETURNING id`,
      [
        id, warningIdentifier(unitCode, sentAt, n), r.chainKey ? seedId(`rescue:warnings:${r.chainKey}`) : id, r.supersedesKey ? seedId(`rescue:warnings:${r.supersedesKey}`) : null,
        r.messageType, r.status, town.id, town.name, r.source, r.hazardType, r.eventName, r.level, headline, r.description, r.instruction,
        sentAt, new Date(now + r.effective), new Date(now + r.expires), r.note ?? null,
      ],
    );
    if (!inserted.length) continue;
    const [policy] = await m.query(`SELECT minutes FROM warning_escalation_policy WHERE level = $1`, [r.level]);
    for (const [name, ack] of Object.entries(r.targets)) {
      const v = byName.get(name);
      if (!v) continue;
      await m.query(`INSERT INTO warning_target (warning_id, organization_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [id, v.id, sentAt]);
      const status = ack ? 'ACKNOWLEDGED' : r.cancelledPending ? 'CANCELLED' : 'PENDING';
      const next = status === 'PENDING' && r.escalate ? new Date(sentAt.getTime() + (policy?.minutes ?? 10) * MINUTE) : null;
      const [text, values] = m.connection.driver.escapeQueryWithParameters(
        `INSERT INTO warning_delivery (id, warning_id, organization_id, responsible_person_id, status, delivered_at, acknowledged_at, acknowledged_by_user_id, acknowledged_by_person_id, ack_channel, ack_note, next_escalation_at)
         SELECT :id, :warningId, :organizationId, (${RESPONSIBLE_PERSON_SQL('CAST(:organizationId AS uuid)')}), :status, :sentAt, :ackAt, :userId, :personId, :channel, :note, :next
         ON CONFLICT DO NOTHING`,
        {
          id: seedId(`rescue:warnings:${r.key}:${name}`), warningId: id, organizationId: v.id, status, sentAt, today: new Date(now + 8 * HOUR).toISOString().slice(0, 10),
          ackAt: ack ? new Date(sentAt.getTime() + ack.after * MINUTE) : null, userId: ack ? v.user_id : null, personId: ack ? v.officer_id : null,
          channel: ack?.channel ?? null, note: ack?.note ?? null, next,
        },
      );
      await m.query(text, values);
    }
  }
}
