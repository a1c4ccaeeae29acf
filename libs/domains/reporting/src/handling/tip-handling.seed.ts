import { SortDirection, applyStep, createRecord, globalIdOf, sql, transaction, unscoped, updateRecord, type Patch, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { HazardCategory, HazardSource, HazardStatus, Hazards, reportHazard } from '@domains/risk';
import { submitTip, tipSeedId, tipSeedSecret, type TipSubmission } from '../intake/public';
import { Tip, TipCategory, TipChannel, TipFollowUpResult, TipOutcome, TipReporterKind, Tips, TipStatus, TIP_WORKFLOW, type TipStep } from '../tips/public';
import { TipAction, TipActionKind } from './tip-action.entity';
import { TipActions } from './tip-actions.entities';
import { daysAfter, startTipClocks, storedSla } from '../clocks/public';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** An instant of a China day. */
const at = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

/** One move of a seeded tip: a workflow step, a closing, a follow-up or an action, at a time. */
type Move =
  | { readonly step: 'accept' | 'startVerifying' | 'handle'; readonly at: Date }
  | { readonly step: 'assign'; readonly at: Date; readonly organization: string; readonly person?: string }
  | { readonly step: 'reject' | 'sendBack' | 'escalate' | 'notVerify'; readonly at: Date; readonly reason: string }
  | { readonly step: 'verify'; readonly at: Date; readonly category: HazardCategory; readonly finding: string; readonly closedHazard?: boolean }
  | { readonly step: 'close'; readonly at: Date; readonly outcome: TipOutcome; readonly reason?: string }
  | { readonly step: 'followUp'; readonly at: Date; readonly result: TipFollowUpResult; readonly note: string }
  | { readonly step: 'merge'; readonly at: Date; readonly into: string }
  | { readonly step: 'urge' | 'supervise'; readonly at: Date; readonly note: string };

/** A seeded tip to move: the intake's (by its key) or one this seed submits first. */
interface SeedPlan {
  readonly key: string;
  /** The tracking code it has on an empty database (the intake seeds JB-2025-000001 and JB-2026-000001…000008 first). */
  readonly code: string;
  readonly submission?: Omit<TipSubmission, 'enterpriseId' | 'organizationId'> & { readonly enterprise?: string; readonly village?: string };
  readonly moves: readonly Move[];
}

const C = TipChannel;
const K = TipReporterKind;
const O = TipOutcome;
const WENFENG = 'village-wenfeng';
const WENFENG_OFFICER = 'person-village-wenfeng-emergency';
const ENFORCEMENT = 'dept-enforcement';
const ENFORCER = 'person-dept-enforcement-staff-1';

/**
 * The demo tips moved into every state of the workflow (by tracking code): accepted (JB-2026-000008),
 * rejected (-000009), sent back (12345 退单, -000001), assigned (-000010), verifying (-000006), verified
 * with a hazard (-000003, with -000004 merged into it as a duplicate), handled (-000002), closed FIXED
 * with a satisfied follow-up (JB-2025-000001, its hazard closed), closed not fixed with each outcome
 * (NOT_VERIFIED -000005, NOT_RESPONSIBLE -000011, NO_HAZARD_FOUND -000012, ESCALATED -000013),
 * escalated for deaths (-000007), reopened after a NOT_FIXED follow-up (-000014), and one left RECEIVED
 * (-000015). The tips -000009 … -000015 are submitted here, after the intake's.
 */
export const HANDLING_SEED: readonly SeedPlan[] = [
  {
    key: 'xiangrui-storage', code: 'JB-2025-000001',
    moves: [
      { step: 'accept', at: at('2025-09-20', '14:00') },
      { step: 'assign', at: at('2025-09-20', '14:10'), organization: ENFORCEMENT, person: ENFORCER },
      { step: 'startVerifying', at: at('2025-09-22', '09:00') },
      { step: 'verify', at: at('2025-09-22', '11:30'), category: HazardCategory.FIRE, finding: '现场核查属实：经营部在自建民房一层违规存放烟花爆竹约120箱，与居住场所未有效分隔。', closedHazard: true },
      { step: 'handle', at: at('2025-09-23', '10:00') },
      { step: 'close', at: at('2025-10-15', '16:00'), outcome: O.FIXED },
      { step: 'followUp', at: at('2025-10-22', '10:00'), result: TipFollowUpResult.SATISFIED, note: '举报人表示违规存放的烟花已清运，满意。' },
    ],
  },
  {
    key: 'hongfa-blasting', code: 'JB-2026-000001',
    moves: [{ step: 'sendBack', at: at('2026-08-15', '09:30'), reason: '采石场爆破作业归区应急管理局和公安部门监管，请12345热线改派。' }],
  },
  {
    key: 'fengxiang-training', code: 'JB-2026-000002',
    moves: [
      { step: 'accept', at: at('2026-08-27', '10:00') },
      { step: 'assign', at: at('2026-08-27', '10:30'), organization: ENFORCEMENT, person: ENFORCER },
      { step: 'startVerifying', at: at('2026-09-02', '09:00') },
      { step: 'verify', at: at('2026-09-02', '15:00'), category: HazardCategory.WORK_SAFETY, finding: '现场核查属实：蒸馏车间两名临时工未经安全培训上岗，无培训记录。' },
      { step: 'handle', at: at('2026-09-03', '09:00') },
      { step: 'urge', at: at('2026-10-20', '09:00'), note: '隐患整改期限将至，请企业按期完成培训并提交记录。' },
    ],
  },
  {
    key: 'longmen-grounding', code: 'JB-2026-000003',
    moves: [
      { step: 'accept', at: at('2026-06-22', '09:00') },
      { step: 'assign', at: at('2026-06-22', '09:20'), organization: ENFORCEMENT, person: ENFORCER },
      { step: 'startVerifying', at: at('2026-06-23', '10:00') },
      { step: 'verify', at: at('2026-06-23', '11:00'), category: HazardCategory.FIRE, finding: '现场核查属实：油罐区静电接地线夹断裂，接地电阻未检测。' },
    ],
  },
  { key: 'longmen-grounding-again', code: 'JB-2026-000004', moves: [{ step: 'merge', at: at('2026-06-22', '09:30'), into: 'longmen-grounding' }] },
  {
    key: 'desheng-employee', code: 'JB-2026-000005',
    moves: [
      { step: 'accept', at: at('2026-10-13', '09:00') },
      { step: 'assign', at: at('2026-10-13', '09:30'), organization: ENFORCEMENT, person: ENFORCER },
      { step: 'startVerifying', at: at('2026-10-16', '09:00') },
      { step: 'notVerify', at: at('2026-10-16', '16:00'), reason: '查阅培训档案和现场询问，新入职员工均已完成三级安全教育，举报情况不属实。' },
      { step: 'close', at: at('2026-10-19', '10:00'), outcome: O.NOT_VERIFIED, reason: '经核查，举报内容不属实，已向举报人反馈。' },
      { step: 'followUp', at: at('2026-10-26', '10:00'), result: TipFollowUpResult.NO_ANSWER, note: '两次电话回访未接通。' },
    ],
  },
  {
    key: 'wenfeng-wires', code: 'JB-2026-000006',
    moves: [
      { step: 'accept', at: at('2026-11-23', '09:00') },
      { step: 'assign', at: at('2026-11-23', '09:15'), organization: WENFENG, person: WENFENG_OFFICER },
      { step: 'startVerifying', at: at('2026-11-24', '14:00') },
    ],
  },
  { key: 'jinxing-concealed', code: 'JB-2026-000007', moves: [{ step: 'supervise', at: at('2026-11-26', '09:00'), note: '涉及死亡的举报已报区政府核查，镇安办跟踪督办。' }] },
  { key: 'town-12345', code: 'JB-2026-000008', moves: [{ step: 'accept', at: at('2026-11-28', '09:00') }] },
  {
    key: 'handling-rejected', code: 'JB-2026-000009',
    submission: { channel: C.ONLINE, category: TipCategory.OTHER, title: '邻居深夜燃放鞭炮扰民', description: '邻居多次深夜燃放鞭炮，影响休息，请处理。', reporterKind: K.ANONYMOUS, village: WENFENG, receivedAt: at('2026-07-03', '23:10') },
    moves: [{ step: 'reject', at: at('2026-07-06', '09:00'), reason: '属于噪声扰民治安事项，请拨打110报警，不属安全生产举报受理范围。' }],
  },
  {
    key: 'handling-assigned', code: 'JB-2026-000010',
    submission: { channel: C.HOTLINE_12350, category: TipCategory.FIRE_SAFETY, title: '村民自建房开办小作坊，堆放大量泡沫板', description: '文凤村三组一自建房开办泡沫加工小作坊，屋内堆满泡沫板，电线老化。', reporterKind: K.NAMED, reporterName: '周丽', reporterPhone: '13500234567', village: WENFENG, receivedAt: at('2026-11-28', '15:40') },
    moves: [
      { step: 'accept', at: at('2026-11-29', '08:30') },
      { step: 'assign', at: at('2026-11-29', '08:50'), organization: WENFENG, person: WENFENG_OFFICER },
    ],
  },
  {
    key: 'handling-not-responsible', code: 'JB-2026-000011',
    submission: { channel: C.HOTLINE_12345, externalReference: '500119-2026-0908-00412', category: TipCategory.OTHER, title: '超市销售过期食品', description: '集镇一超市货架上有过期的牛奶和面包出售。', reporterKind: K.ANONYMOUS, receivedAt: at('2026-09-08', '11:20') },
    moves: [
      { step: 'accept', at: at('2026-09-09', '09:00') },
      { step: 'close', at: at('2026-09-09', '10:00'), outcome: O.NOT_RESPONSIBLE, reason: '食品安全属市场监督管理部门职责，已告知举报人向12315反映。' },
      { step: 'followUp', at: at('2026-09-16', '10:00'), result: TipFollowUpResult.SATISFIED, note: '举报人表示已向市场监管部门反映，认可答复。' },
    ],
  },
  {
    key: 'handling-no-hazard', code: 'JB-2026-000012',
    submission: { channel: C.ONLINE, category: TipCategory.HAZARD, title: '德胜混凝土搅拌站罐车超载', description: '德胜搅拌站罐车经常超载上路，存在安全隐患。', reporterKind: K.ANONYMOUS, enterprise: 'ent-desheng-concrete', receivedAt: at('2026-10-20', '08:30') },
    moves: [
      { step: 'accept', at: at('2026-10-20', '14:00') },
      { step: 'assign', at: at('2026-10-20', '14:30'), organization: ENFORCEMENT, person: ENFORCER },
      { step: 'startVerifying', at: at('2026-10-22', '09:00') },
      { step: 'close', at: at('2026-10-22', '17:00'), outcome: O.NO_HAZARD_FOUND, reason: '连续三日抽查出场罐车称重记录，均未超载，未发现隐患。' },
    ],
  },
  {
    key: 'handling-escalated-closed', code: 'JB-2026-000013',
    submission: { channel: C.HOTLINE_12350, category: TipCategory.CONCEALED_ACCIDENT, title: '采石场工人坠落死亡疑似私了', description: '听说宏发采石场上月有工人从边坡坠落死亡，企业私下赔偿未上报。', reporterKind: K.ANONYMOUS, enterprise: 'ent-hongfa-quarry', involvesDeaths: true, reportedDeaths: 1, receivedAt: at('2026-07-15', '10:05') },
    moves: [{ step: 'close', at: at('2026-08-20', '16:00'), outcome: O.ESCALATED, reason: '区应急管理局核查后答复：该工人系在家中因病死亡，与采石场作业无关。' }],
  },
  {
    key: 'handling-reopened', code: 'JB-2026-000014',
    submission: { channel: C.ONLINE, category: TipCategory.FIRE_SAFETY, title: '文凤村老年活动室灭火器过期', description: '文凤村老年活动室的灭火器都过期两年了，没人更换。', reporterKind: K.ANONYMOUS, village: WENFENG, receivedAt: at('2026-09-15', '16:20') },
    moves: [
      { step: 'accept', at: at('2026-09-16', '09:00') },
      { step: 'assign', at: at('2026-09-16', '09:10'), organization: WENFENG, person: WENFENG_OFFICER },
      { step: 'startVerifying', at: at('2026-09-17', '10:00') },
      { step: 'notVerify', at: at('2026-09-17', '11:00'), reason: '现场查看灭火器压力正常、在有效期内。' },
      { step: 'close', at: at('2026-09-18', '09:00'), outcome: O.NOT_VERIFIED, reason: '经核查灭火器在有效期内，举报不属实。' },
      { step: 'followUp', at: at('2026-09-25', '10:00'), result: TipFollowUpResult.NOT_FIXED, note: '举报人反映核查的是新放的两具，储藏室内仍有过期灭火器。' },
    ],
  },
  {
    key: 'handling-received', code: 'JB-2026-000015',
    submission: { channel: C.HOTLINE_12345, externalReference: '500119-2026-1128-02210', category: TipCategory.HAZARD, title: '集镇加油站旁违规售卖散装汽油', description: '南平集镇加油站旁边的小卖部用塑料桶售卖散装汽油。', reporterKind: K.ANONYMOUS, receivedAt: at('2026-11-28', '18:30') },
    moves: [],
  },
];

/** The id of a tip this seed submits, or the intake's by key. */
const planId = (key: string): string => tipSeedId(key);

/**
 * Moves the demo tips into every state (`HANDLING_SEED`), step by step at their seeded times, through
 * the workflow (audit entries and events as for staff, as the system), raising hazards through the
 * risk module's `reportHazard`; the FIXED tip is verified against a hazard the risk seed closed at its
 * enterprise (the risk module offers no public way to close one). Idempotent: a tip past its first
 * state is left alone; a tip whose clocks the intake did not start gets them here.
 */
export async function seedTipHandling(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  for (const plan of HANDLING_SEED) {
    const id = planId(plan.key);
    let tip = await unscoped(ctx, Tips, SEEDING).one(id);
    if (!tip && plan.submission) {
      const { enterprise, village, ...submission } = plan.submission;
      tip = (await submitTip(ctx, { ...submission, enterpriseId: enterprise ? seedId(`org:${enterprise}`) : null, organizationId: village ? seedId(`org:${village}`) : null }, { recorded: true, seed: { id, secret: tipSeedSecret(plan.key) } })).tip;
    }
    if (!tip) continue;
    if (!tip.slaRuleVersionId) tip = await startTipClocks(ctx, tip);
    const first = tip.involvesDeaths ? TipStatus.ESCALATED : TipStatus.RECEIVED;
    // Moved before (its state, or an action of a tip whose moves leave the state alone): left alone.
    if (tip.status !== first || (await unscoped(ctx, TipActions, SEEDING).where(sql`t.tip_id = ${id}`).count()) > 0) continue;
    await transaction(ctx, async (tx) => {
      let current = await unscoped(tx, Tips, SEEDING).lock(id);
      for (const move of plan.moves) current = await apply(tx, current, move);
    });
  }
}

/** One move of a seeded tip, at its time. */
async function apply(tx: RequestContext, tip: Tip, move: Move): Promise<Tip> {
  const step = (name: TipStep, patch: Patch<Omit<Tip, 'status'>>) => applyStep(tx, TIP_WORKFLOW, name, { current: tip, version: tip.version, patch });
  switch (move.step) {
    case 'accept':
      return step('accept', { acceptedAt: move.at });
    case 'startVerifying':
      return step('startVerifying', {});
    case 'handle':
      return step('handle', { handledAt: move.at });
    case 'assign':
      return step('assign', { assignedOrganizationId: seedId(`org:${move.organization}`), assignedPersonId: move.person ? seedId(`person:${move.person}`) : null });
    case 'reject':
      return step('reject', { outcome: TipOutcome.REJECTED, statusReason: move.reason, closedAt: move.at });
    case 'sendBack': {
      const sent = await step('sendBack', { outcome: TipOutcome.SENT_BACK, statusReason: move.reason, closedAt: move.at });
      await action(tx, sent, TipActionKind.SEND_BACK, move.at, { note: move.reason });
      return sent;
    }
    case 'escalate':
      return step('escalate', { statusReason: move.reason });
    case 'notVerify':
      return step('notVerify', { statusReason: move.reason, verifiedAt: move.at });
    case 'verify': {
      const hazardId = move.closedHazard ? await closedHazardAt(tx, tip.organizationId) : null;
      const hazard =
        hazardId ??
        (await reportHazard(tx, { organizationId: tip.organizationId, title: tip.title, description: move.finding, category: move.category, source: HazardSource.PUBLIC_REPORT, foundAt: move.at, originNodeId: globalIdOf(Tips, tip.id) })).id;
      return step('verify', { hazardId: hazard, verifiedAt: move.at });
    }
    case 'close': {
      if (move.outcome === TipOutcome.FIXED && !tip.hazardId) return tip;
      const sla = await storedSla(tx, tip);
      return step('close', { outcome: move.outcome, statusReason: move.outcome === TipOutcome.FIXED ? null : (move.reason ?? null), closedAt: move.at, followUpDueAt: sla ? daysAfter(move.at, sla.value.followUpDays) : null, followUpResult: null, followUpAt: null });
    }
    case 'followUp': {
      await action(tx, tip, TipActionKind.FOLLOW_UP, move.at, { note: move.note, result: move.result });
      if (move.result !== TipFollowUpResult.NOT_FIXED) return updateRecord(tx, Tip, 'Tip', tip, tip.version, { followUpResult: move.result, followUpAt: move.at }, { action: 'reporting.tip.followUp' });
      const reopened = await step('reopen', { followUpResult: move.result, followUpAt: move.at, outcome: null, statusReason: move.note, closedAt: null, handledAt: null, extendedDays: 0, reopenCount: tip.reopenCount + 1 });
      await action(tx, reopened, TipActionKind.REOPEN, move.at, { note: move.note });
      return reopened;
    }
    case 'merge': {
      const into = await unscoped(tx, Tips, SEEDING).lock(planId(move.into));
      const accepted = tip.status === TipStatus.RECEIVED ? await step('accept', { acceptedAt: move.at }) : tip;
      const closed = await applyStep(tx, TIP_WORKFLOW, 'close', {
        current: accepted,
        version: accepted.version,
        patch: { outcome: TipOutcome.DUPLICATE, duplicateOfId: into.id, statusReason: `与举报 ${into.code} 为同一事项，合并办理。`, closedAt: move.at, followUpDueAt: null, followUpResult: null, followUpAt: null },
      });
      await action(tx, closed, TipActionKind.MERGE, move.at, { relatedTipId: into.id, note: `合并至 ${into.code}` });
      await action(tx, into, TipActionKind.MERGE, move.at, { relatedTipId: closed.id, note: `${closed.code} 合并至本举报` });
      return closed;
    }
    case 'urge':
    case 'supervise':
      await action(tx, tip, move.step === 'urge' ? TipActionKind.URGE : TipActionKind.SUPERVISE, move.at, { note: move.note });
      return tip;
  }
}

/** A hazard the risk seed closed at the organization (one from a public report first, then the lowest id), or null. */
async function closedHazardAt(tx: RequestContext, organizationId: string): Promise<string | null> {
  const [hazard] = await unscoped(tx, Hazards, SEEDING)
    .where(sql`t.organization_id = ${organizationId} AND t.status = ${HazardStatus.CLOSED}`)
    .list({ keys: [{ column: `(t.source <> '${HazardSource.PUBLIC_REPORT}')`, direction: SortDirection.ASC }, { column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
  return hazard?.id ?? null;
}

/** An action row of a seeded tip, audited under the tip. */
function action(tx: RequestContext, tip: Tip, kind: TipActionKind, when: Date, fields: { note?: string; result?: TipFollowUpResult; relatedTipId?: string }): Promise<TipAction> {
  return createRecord(tx, TipAction, 'TipAction', { tipId: tip.id, kind, note: fields.note ?? null, days: null, result: fields.result ?? null, relatedTipId: fields.relatedTipId ?? null, actorKind: 'system', actorId: null, at: when }, {
    action: `reporting.tip.action.${kind.toLowerCase().replace('_', '-')}`,
    auditUnder: { entityType: 'Tip', entityId: tip.id },
    changes: { kind, seeded: true },
  });
}
