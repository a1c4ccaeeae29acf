import { addDays, SeedRandom, SortDirection, audit, sql, unscoped, type RequestContext } from '@platform/core';
import { Organizations, organizationIdWithinSubtree, seedId, seedIdNumber } from '@platform/directory';
import { Households } from '@domains/community';
import { ReliefCase, ReliefCaseStep, ReliefPayment } from './relief.entity';
import { Incidents } from '../response.entities';
import { insertSeedRows } from '../shared/seed-rows.sql';
import { ReliefKind, ReliefPaymentMethod, ReliefStatus } from './relief.enums';
import type { ReliefActionName } from './relief-steps';

/** 南川区 (Chongqing): the region code of the payees' ID numbers. */
const REGION = '500119';
const SPOUSE_NAMES = ['冉秀英', '陈玉兰', '刘翠芝', '向春梅', '谭桂芬'];

/** Seed amounts are whole yuan (integers, so their sums are exact); stored as the decimal text `Decimal` fields hold. */
const yuan = (whole: number): string => whole.toFixed(2);

interface SeedPayment {
  readonly amount: number;
  /** Days before today. */
  readonly ago: number;
  readonly spouse?: boolean;
  readonly method?: ReliefPaymentMethod;
}

interface SeedCase {
  readonly key: string;
  readonly village: 'village-wenfeng' | 'village-shuanghe';
  readonly kind: ReliefKind;
  readonly status: ReliefStatus;
  readonly requested: number;
  readonly approved?: number;
  /** Days since the application (the path follows: assessed +2, notice +3 to +7, reviewed +8, decided +10). */
  readonly appliedAgo: number;
  /** Payment deadline, days from today (negative: past). */
  readonly dueIn: number;
  readonly basis: string;
  readonly reason?: string;
  readonly payments?: readonly SeedPayment[];
}

/**
 * Nine cases in 文凤村 and 双河村 across kinds and states: partly paid, paid in full on time, overdue,
 * on notice, rejected… Each has the steps of its path and its payments to the household head (one to
 * a spouse), with valid ID numbers (GB 11643, the directory's seed algorithm).
 */
const CASES: readonly SeedCase[] = [
  { key: 'wenfeng-1', village: 'village-wenfeng', kind: ReliefKind.EMERGENCY_PERIOD, status: ReliefStatus.APPROVED, requested: 2000, approved: 1500, appliedAgo: 20, dueIn: 10, basis: '暴雨洪涝灾情核报、入户调查：房屋进水，口粮被淹', payments: [{ amount: 1000, ago: 8 }] },
  { key: 'wenfeng-2', village: 'village-wenfeng', kind: ReliefKind.TRANSITIONAL, status: ReliefStatus.PAID, requested: 3600, approved: 3600, appliedAgo: 45, dueIn: -10, basis: '灾情核报：住房倒塌，无房可住，过渡期3个月', payments: [{ amount: 1800, ago: 30 }, { amount: 1800, ago: 15, spouse: true }] },
  { key: 'wenfeng-3', village: 'village-wenfeng', kind: ReliefKind.HOUSE_REPAIR, status: ReliefStatus.APPROVED, requested: 10000, approved: 8000, appliedAgo: 40, dueIn: -5, basis: '入户调查、住房安全鉴定：屋面及承重墙开裂，需维修加固', payments: [{ amount: 5000, ago: 25 }] },
  { key: 'wenfeng-4', village: 'village-wenfeng', kind: ReliefKind.WINTER_SPRING, status: ReliefStatus.NOTICE, requested: 1200, appliedAgo: 5, dueIn: 40, basis: '冬春救助需求调查：口粮、衣被不足', payments: [] },
  { key: 'wenfeng-5', village: 'village-wenfeng', kind: ReliefKind.HOUSE_REBUILD, status: ReliefStatus.APPLIED, requested: 40000, appliedAgo: 1, dueIn: 90, basis: '灾情核报：山洪冲毁住房，需原址重建' },
  { key: 'shuanghe-1', village: 'village-shuanghe', kind: ReliefKind.DROUGHT, status: ReliefStatus.REJECTED, requested: 800, appliedAgo: 25, dueIn: 20, basis: '旱情调查：饮水困难', reason: '经评议公示和镇审核，家庭年收入高于当地临时生活困难救助标准' },
  { key: 'shuanghe-2', village: 'village-shuanghe', kind: ReliefKind.WINTER_SPRING, status: ReliefStatus.REVIEWED, requested: 1000, appliedAgo: 12, dueIn: 30, basis: '冬春救助需求调查：因灾减产，口粮短缺' },
  { key: 'shuanghe-3', village: 'village-shuanghe', kind: ReliefKind.EMERGENCY_PERIOD, status: ReliefStatus.APPROVED, requested: 2500, approved: 2000, appliedAgo: 15, dueIn: 15, basis: '地质灾害灾情核报：紧急转移安置，基本生活困难' },
  { key: 'shuanghe-4', village: 'village-shuanghe', kind: ReliefKind.HOUSE_REPAIR, status: ReliefStatus.ASSESSED, requested: 6000, appliedAgo: 3, dueIn: 60, basis: '入户调查：房屋受损，墙体裂缝' },
];

/** The steps each state has passed through, in order. */
const PATH: Record<ReliefStatus, ReadonlyArray<{ action: ReliefActionName; to: ReliefStatus; after: number }>> = (() => {
  const steps: Array<{ action: ReliefActionName; to: ReliefStatus; after: number }> = [
    { action: 'apply', to: ReliefStatus.APPLIED, after: 0 },
    { action: 'assess', to: ReliefStatus.ASSESSED, after: 2 },
    { action: 'startNotice', to: ReliefStatus.NOTICE, after: 3 },
    { action: 'review', to: ReliefStatus.REVIEWED, after: 8 },
  ];
  return {
    APPLIED: steps.slice(0, 1),
    ASSESSED: steps.slice(0, 2),
    NOTICE: steps.slice(0, 3),
    REVIEWED: steps,
    APPROVED: [...steps, { action: 'approve', to: ReliefStatus.APPROVED, after: 10 }],
    PAID: [...steps, { action: 'approve', to: ReliefStatus.APPROVED, after: 10 }],
    REJECTED: [...steps, { action: 'reject', to: ReliefStatus.REJECTED, after: 10 }],
  };
})();

const NOTES: Record<string, string> = { apply: '户主申请，村委会受理', assess: '村民代表评议通过', startNotice: '在村务公开栏公示', review: '公示无异议，镇民政办审核', approve: '镇审批同意' };

/** 10:00 China time of the day `offset` days from today. */
const at = (today: string, offset: number): Date => new Date(`${addDays(today, offset)}T02:00:00Z`);

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** Deterministic, idempotent relief demo data: ids from stable keys, existing rows left alone. */
export async function seedRelief(ctx: RequestContext): Promise<void> {
  const today = ctx.clock.today();
  const cases: Array<Partial<ReliefCase>> = [];
  const steps: Array<Partial<ReliefCaseStep>> = [];
  const payments: Array<Partial<ReliefPayment>> = [];
  for (const village of ['village-wenfeng', 'village-shuanghe'] as const) {
    const orgId = seedId(`org:${village}`);
    const org = await unscoped(ctx, Organizations, SEEDING).where(sql`t.archived_at IS NULL`).one(orgId, ['id']);
    if (!org) continue;
    const own = CASES.filter((c) => c.village === village);
    const households = await unscoped(ctx, Households, SEEDING)
      .where(organizationIdWithinSubtree('t.organization_id', orgId))
      .where(sql`t.archived_at IS NULL`)
      .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: own.length, properties: ['headName', 'address'] });
    // The latest incident that affected the village, for the cases that follow from a disaster.
    const [incident] = await unscoped(ctx, Incidents, SEEDING)
      .where(sql`EXISTS (SELECT 1 FROM incident_organization io WHERE io.incident_id = t.id AND io.organization_id = ${orgId})`)
      .list({
        keys: [
          { column: 't.occurred_at', direction: SortDirection.DESC },
          { column: 't.id', direction: SortDirection.DESC },
        ],
        limit: 1,
        properties: ['id'],
      });
    own.forEach((c, i) => {
      const r = SeedRandom.of(`rescue:relief:${c.key}`);
      const household = households[i];
      const id = seedId(`rescue:relief:case:${c.key}`);
      const headName = household?.headName ?? `${r.pick(['刘', '陈', '张', '王', '谭', '冉'])}${r.pick(['德兴', '光明', '国忠', '永福', '学文'])}`;
      const path = PATH[c.status];
      const noticeStart = path.some((s) => s.action === 'startNotice') ? addDays(today, -c.appliedAgo + 3) : null;
      const paid = (c.payments ?? []).reduce((sum, p) => sum + p.amount, 0);
      const lastPaid = (c.payments ?? []).reduce((last, p) => Math.min(last, p.ago), Infinity);
      cases.push({
        id,
        organizationId: orgId,
        householdId: household?.id ?? null,
        headName,
        address: household?.address ?? (village === 'village-wenfeng' ? '文凤村3组' : '双河村2组'),
        kind: c.kind,
        incidentId: c.kind === ReliefKind.WINTER_SPRING || c.kind === ReliefKind.DROUGHT ? null : (incident?.id ?? null),
        basis: c.basis,
        requestedAmountYuan: yuan(c.requested),
        approvedAmountYuan: c.approved === undefined ? null : yuan(c.approved),
        paidAmountYuan: yuan(paid),
        dueBy: addDays(today, c.dueIn),
        status: c.status,
        noticeStartsOn: noticeStart,
        noticeEndsOn: noticeStart ? addDays(noticeStart, 4) : null,
        rejectionReason: c.reason ?? null,
        paidInFullOn: c.status === ReliefStatus.PAID ? addDays(today, -lastPaid) : null,
      });
      let from: ReliefStatus | null = null;
      path.forEach((s, n) => {
        steps.push({ id: seedId(`rescue:relief:step:${c.key}:${n}`), caseId: id, action: s.action, fromStatus: from, toStatus: s.to, actorKind: 'system', actorId: null, actorPersonId: null, actorName: 'seed', note: s.action === 'reject' ? c.reason! : NOTES[s.action]!, at: at(today, -c.appliedAgo + s.after) });
        from = s.to;
      });
      // Payee: the head of the household, or the spouse (配偶) where the case says so; one ID number and card each.
      const birth = `19${r.int(50, 85)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
      const headId = seedIdNumber(REGION, birth, String(r.int(100, 999)));
      const spouseId = seedIdNumber(REGION, `19${r.int(50, 85)}0${r.int(1, 9)}1${r.int(0, 9)}`, String(r.int(100, 999)));
      const spouseName = r.pick(SPOUSE_NAMES);
      const card = `621799${Array.from({ length: 13 }, () => r.int(0, 9)).join('')}`;
      let sum = 0;
      (c.payments ?? []).forEach((p, n) => {
        sum += p.amount;
        const reaches = c.status === ReliefStatus.PAID && sum === c.approved;
        steps.push({ id: seedId(`rescue:relief:step:${c.key}:pay:${n}`), caseId: id, action: 'pay', fromStatus: ReliefStatus.APPROVED, toStatus: reaches ? ReliefStatus.PAID : ReliefStatus.APPROVED, actorKind: 'system', actorId: null, actorPersonId: null, actorName: 'seed', note: `${p.spouse ? spouseName : headName} ${yuan(p.amount)} 元`, at: at(today, -p.ago) });
        payments.push({
          id: seedId(`rescue:relief:payment:${c.key}:${n}`),
          caseId: id,
          organizationId: orgId,
          amountYuan: yuan(p.amount),
          paidOn: addDays(today, -p.ago),
          payeeName: p.spouse ? spouseName : headName,
          payeeRelation: p.spouse ? '配偶' : '本人',
          payeeIdNumber: p.spouse ? spouseId : headId,
          accountReference: (p.method ?? ReliefPaymentMethod.BANK_TRANSFER) === ReliefPaymentMethod.CASH ? null : card,
          method: p.method ?? ReliefPaymentMethod.BANK_TRANSFER,
          note: '惠民惠农一卡通发放',
          recordedByKind: 'system',
          recordedById: null,
          recordedByName: 'seed',
        });
      });
    });
  }
  // A case that exists keeps its steps and payments: only new cases bring theirs.
  const casesInserted = await insertSeedRows(ctx, ReliefCase, cases);
  let inserted = casesInserted;
  if (casesInserted) {
    inserted += await insertSeedRows(ctx, ReliefCaseStep, steps);
    inserted += await insertSeedRows(ctx, ReliefPayment, payments);
  }
  if (inserted) await audit(ctx, { action: 'rescue.relief.seed', entityType: 'ReliefCase', entityId: null, changes: { inserted } });
}
