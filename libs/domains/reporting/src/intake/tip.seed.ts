import { createHash } from 'node:crypto';
import { SortDirection, createRecord, sql, unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { TipCategory, TipChannel, TipReporterKind, Tips } from '../tips/public';
import { submitTip, type TipSubmission } from './submit-tip';
import { TipMessage, TipMessageAuthor } from './tip-message.entity';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded tip, by key. */
export const tipSeedId = (key: string): string => seedId(`tip:${key}`);

/** The demo secret of a seeded tip (16 characters of Crockford base 32 derived from its key), so the README and tests can track it. */
export function tipSeedSecret(key: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return Array.from(createHash('sha256').update(`reporting.tip.seed:${key}`).digest().subarray(0, 16), (b) => alphabet[b & 31]).join('');
}

/** An instant of a China day. */
const at = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

/** A seeded tip: its key, what came in, and the thread (reporter and office, in order). */
export interface SeedTip {
  readonly key: string;
  /** The tracking code it gets on an empty database (the yearly series in seeding order). */
  readonly code: string;
  /** The enterprise by directory key (its code as the QR place code when `qr`), or the village by key. */
  readonly enterprise?: string;
  readonly village?: string;
  readonly qr?: boolean;
  readonly submission: Omit<TipSubmission, 'enterpriseId' | 'organizationId' | 'placeCode'>;
  readonly thread?: ReadonlyArray<readonly [TipMessageAuthor, string]>;
  /** The penalty case (enforcement `SEED_CASES` key) this tip led to, for the rewards part's seed to link. */
  readonly penaltyCase?: string;
}

const C = TipChannel;
const K = TipReporterKind;
const T = TipCategory;

/**
 * The demo tips, one per channel and reporter kind, about seeded enterprises and villages, in the order
 * they came in (codes JB-2025-000001, JB-2026-000001 …). The handling part's seed moves some through the
 * workflow; the rewards part links JB-2025-000001 (祥瑞 fireworks stored in a house) to the decided case
 * `2025-xiangrui-storage` (fine ¥50,000) and JB-2026-000002 (凤香酒厂) to `2026-fengxiang-training` (¥10,000).
 */
export const TIP_SEED: readonly SeedTip[] = [
  {
    key: 'xiangrui-storage', code: 'JB-2025-000001', enterprise: 'ent-xiangrui-fireworks', penaltyCase: '2025-xiangrui-storage',
    submission: {
      channel: C.HOTLINE_12350, category: T.MAJOR_HAZARD, title: '烟花爆竹经营部在民房内违规存放大量烟花',
      description: '南平镇祥瑞烟花爆竹经营部把约40箱烟花爆竹堆放在店后一处民房里，旁边就是住户，存在重大安全隐患，请尽快核查。',
      reporterKind: K.NAMED, reporterName: '王建国', reporterPhone: '13908231456', receivedAt: at('2025-09-20', '10:15'),
    },
  },
  {
    key: 'hongfa-blasting', code: 'JB-2026-000001', enterprise: 'ent-hongfa-quarry',
    submission: {
      channel: C.HOTLINE_12345, externalReference: '500119-2026-0814-00231', category: T.ILLEGAL_OPERATION, title: '采石场爆破不设警戒，飞石砸坏民房',
      description: '8月14日下午宏发采石场放炮时没有人警戒，也没有人在现场指挥，飞石把坡下两户人家的屋顶砸坏了。',
      reporterKind: K.ANONYMOUS, receivedAt: at('2026-08-14', '17:40'),
    },
  },
  {
    key: 'fengxiang-training', code: 'JB-2026-000002', enterprise: 'ent-fengxiang-liquor', penaltyCase: '2026-fengxiang-training',
    submission: {
      channel: C.LETTER, externalReference: '南平信〔2026〕17号', category: T.ILLEGAL_OPERATION, title: '酒厂临时工未经培训从事蒸馏作业',
      description: '凤香酒厂酿造车间新招的三名临时工没有经过任何安全培训就上岗操作蒸馏设备，车间里也没有安全操作规程。',
      reporterKind: K.NAMED, reporterName: '李秀英', reporterContact: '南平镇文凤村三组', receivedAt: at('2026-08-25', '09:00'),
    },
    thread: [
      [TipMessageAuthor.REPORTER, '请问我的举报受理了吗？车间现在还在用这几个临时工。'],
      [TipMessageAuthor.STAFF, '您的来信已收到并登记，我办已安排执法人员近期到厂核查，请耐心等待。'],
    ],
  },
  {
    key: 'longmen-grounding', code: 'JB-2026-000003', enterprise: 'ent-sinopec-longmen', qr: true,
    submission: {
      channel: C.QR_CODE, category: T.HAZARD, title: '加油站油罐区静电接地线夹断了',
      description: '扫码举报：龙门加油站油罐区的静电接地线夹已经断开好几天了，卸油的时候也没有接地。',
      reporterKind: K.ANONYMOUS, longitude: 107.1121, latitude: 29.1423, receivedAt: at('2026-06-20', '15:22'),
    },
  },
  {
    key: 'longmen-grounding-again', code: 'JB-2026-000004', enterprise: 'ent-sinopec-longmen', qr: true,
    submission: {
      channel: C.QR_CODE, category: T.HAZARD, title: '加油站接地装置损坏',
      description: '再次扫码反映：龙门加油站油罐区接地装置坏了还没修，很危险。',
      reporterKind: K.ANONYMOUS, longitude: 107.1122, latitude: 29.1424, receivedAt: at('2026-06-22', '08:05'),
    },
  },
  {
    key: 'desheng-employee', code: 'JB-2026-000005', enterprise: 'ent-desheng-concrete',
    submission: {
      channel: C.VISIT, category: T.HAZARD, title: '搅拌站新员工未经三级安全教育上岗',
      description: '我是德胜商品混凝土搅拌站的员工，站里新来的5个人没有做三级安全教育就开始上班，罐车清理也没人监护。',
      reporterKind: K.EMPLOYEE, reporterName: '陈志强', reporterPhone: '15823107788', receivedAt: at('2026-10-12', '14:30'),
    },
  },
  {
    key: 'wenfeng-wires', code: 'JB-2026-000006', village: 'village-wenfeng',
    submission: {
      channel: C.ONLINE, category: T.FIRE_SAFETY, title: '村里老房子电线私拉乱接',
      description: '文凤村二组几户老房子的电线私拉乱接，墙上的线都老化裸露了，冬天用电取暖容易起火。',
      reporterKind: K.ANONYMOUS, address: '南平镇文凤村二组', longitude: 107.0952, latitude: 29.1587, receivedAt: at('2026-11-20', '20:12'),
    },
  },
  {
    key: 'jinxing-concealed', code: 'JB-2026-000007', enterprise: 'ent-jinxing-foundry',
    submission: {
      channel: C.ONLINE, category: T.CONCEALED_ACCIDENT, title: '铸造厂工人受伤死亡未上报',
      description: '金兴铸造有限公司上个月有一名工人在浇注时被烫伤，送医后死亡，厂里私下赔钱了事，没有向政府报告。',
      reporterKind: K.NAMED, reporterName: '刘洋', reporterPhone: '023-71452211', involvesDeaths: true, reportedDeaths: 1, receivedAt: at('2026-11-25', '11:48'),
    },
  },
  {
    key: 'town-12345', code: 'JB-2026-000008',
    submission: {
      channel: C.HOTLINE_12345, externalReference: '500119-2026-1127-01877', category: T.OTHER, title: '集镇路边违规停放液化气钢瓶',
      description: '南平集镇街上有商户把十几个液化气钢瓶堆在人行道边上，太阳直晒，来往的人很多。',
      reporterKind: K.ANONYMOUS, address: '南平镇集镇南平街', receivedAt: at('2026-11-27', '16:03'),
    },
  },
];

/** The code of a seeded enterprise (its QR place code). */
async function codeOf(ctx: RequestContext, organizationId: string): Promise<string | null> {
  const [org] = await unscoped(ctx, Organizations, SEEDING).where(sql`t.id = ${organizationId}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'code'] });
  return org?.code ?? null;
}

/**
 * The demo tips (`TIP_SEED`) as they came in, with their threads; secrets `tipSeedSecret(key)`.
 * Idempotent: a tip already seeded is left alone (a database with other tips gets other codes).
 */
export async function seedTips(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  for (const s of TIP_SEED) {
    const id = tipSeedId(s.key);
    if (await unscoped(ctx, Tips, SEEDING).exists(id)) continue;
    const enterpriseId = s.enterprise ? seedId(`org:${s.enterprise}`) : null;
    const placeCode = s.qr && enterpriseId ? await codeOf(ctx, enterpriseId) : null;
    const { tip } = await submitTip(
      ctx,
      { ...s.submission, enterpriseId: placeCode ? null : enterpriseId, placeCode, organizationId: s.village ? seedId(`org:${s.village}`) : null },
      { recorded: true, seed: { id, secret: tipSeedSecret(s.key) } },
    );
    let n = 0;
    for (const [author, body] of s.thread ?? []) {
      n += 1;
      const createdAt = new Date(tip.receivedAt.getTime() + n * 2 * 86_400_000);
      await createRecord(ctx, TipMessage, 'TipMessage', { id: seedId(`tip-message:${s.key}:${n}`), tipId: tip.id, author, authorUserId: null, body, createdAt, updatedAt: createdAt }, {
        action: author === TipMessageAuthor.REPORTER ? 'reporting.tip.reporterMessage' : 'reporting.tip.staffReply',
        auditUnder: { entityType: 'Tip', entityId: tip.id },
        changes: { author, seeded: true },
      });
    }
  }
}
