import { randomUUID } from 'node:crypto';
import {
  SortDirection,
  businessRules,
  claimAttachments,
  createRecord,
  recordEvent,
  records,
  sql,
  todayInChina,
  toGlobalId,
  transaction,
  unscoped,
  whereChanged,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organizations } from '@platform/directory';
import { HazardCategory, HazardSource, reportHazard } from '@domains/risk';
import { QR_SECTOR_LISTS_RULE, sectorListOf, type QrSectorLists } from '../business-rules/qr-codes';
import { QrCodeStatus, SelfCheckArea, SelfCheckResult } from './qr-code.enums';
import { QrCodes, SelfCheckSubmissions } from './qr-codes.entities';
import { qrCodeEvents } from './qr-codes.events';
import { QrCodePermission } from './qr-codes.permissions';
import { qrCodeRules } from './qr-codes.rules';
import { SelfCheckOrder } from './qr-code.orders';
import { SelfCheckSubmission, type StoredSelfCheckItem } from './self-check.entity';
import { monthOf } from './qr-code-values';
import type { SelfCheckListArgs, SubmitSelfCheckInput } from './qr-code.inputs';

/** Properties the default keyset order reads (besides the id). */
export const SELF_CHECK_KEY_PROPERTIES = ['periodMonth'];

/** The hazard category an item's area falls under. */
const HAZARD_CATEGORY: Record<SelfCheckArea, HazardCategory> = {
  [SelfCheckArea.FIRE]: HazardCategory.FIRE,
  [SelfCheckArea.KITCHEN_FIRE]: HazardCategory.FIRE,
  [SelfCheckArea.ELECTRICAL]: HazardCategory.FIRE,
  [SelfCheckArea.GAS]: HazardCategory.FIRE,
  [SelfCheckArea.EVACUATION]: HazardCategory.FIRE,
  [SelfCheckArea.BUILDING]: HazardCategory.WORK_SAFETY,
  [SelfCheckArea.HAZARDOUS_MATERIALS]: HazardCategory.WORK_SAFETY,
};

/** A hazard title within risk's 100 characters. */
const titleOf = (place: string, item: string): string => {
  const title = `${place}自查不合格：${item}`;
  return title.length <= 100 ? title : `${title.slice(0, 99)}…`;
};

/** How a self-check is submitted besides its input (the seed's history). */
export interface SelfCheckOptions {
  /** The seed's fixed id and submission time (system principal only). */
  readonly seed?: { readonly id: string; readonly submittedAt: Date };
}

/** Owners' monthly self-checks at QR codes. */
export class SelfCheckService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<SelfCheckSubmission | null> {
    return records(ctx, SelfCheckSubmissions).one(id, properties);
  }

  list(ctx: RequestContext, args: SelfCheckListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<SelfCheckSubmission>> {
    const f = args.filter ?? {};
    let rows = records(ctx, SelfCheckSubmissions);
    if (f.qrCodeId) rows = rows.where(sql`t.qr_code_id = ${f.qrCodeId}`);
    if (f.enterpriseId) rows = rows.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.withFindings != null) rows = rows.where(f.withFindings ? sql`t.not_ok_count > 0` : sql`t.not_ok_count = 0`);
    return whereChanged(rows, f).page({ keys: SelfCheckOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 月度自查: at an active code with an owner, in the caller's self-check scope (an enterprise its
   * own; else NOT_FOUND), once per code and month (not a later month than now), every item of the
   * sector's list in force answered once. Each NOT_OK raises a SELF_CHECK hazard at the enterprise
   * through the risk module, in the same transaction; the submission keeps the hazards' ids, with one
   * audit entry and the event `scenarios.self-check.submitted`. Nothing is written when anything fails.
   */
  submit(ctx: RequestContext, input: SubmitSelfCheckInput, options: SelfCheckOptions = {}): Promise<SelfCheckSubmission> {
    if (options.seed && ctx.principal.kind !== 'system') throw new Error('Only the seed gives a self-check its id and time.');
    const submittedAt = options.seed?.submittedAt ?? ctx.clock.now();
    const day = todayInChina(submittedAt);
    const periodMonth = monthOf(input.periodMonth ?? day);
    if (periodMonth > monthOf(day)) throw qrCodeRules.field('input.periodMonth', 'notFuture', `a self-check is for this month (${monthOf(day).slice(0, 7)}) or an earlier one.`);
    return transaction(ctx, async (tx) => {
      const qr = await records(tx, QrCodes, QrCodePermission.SelfCheckSubmit).reference(input.qrCodeId, 'input.qrCodeId', { lock: 'share' });
      if (qr.status !== QrCodeStatus.ACTIVE) throw qrCodeRules.field('input.qrCodeId', 'state', 'the code is revoked.');
      if (!qr.enterpriseId) throw qrCodeRules.field('input.qrCodeId', 'selfCheckOwner', 'a public place without an enterprise has no owner\'s self-check.');
      const done = await unscoped(tx, SelfCheckSubmissions, 'one self-check per code and month, whoever submitted it').where(sql`t.qr_code_id = ${qr.id} AND t.period_month = ${periodMonth}`).count();
      if (done) throw qrCodeRules.field('input.periodMonth', 'unique', `the self-check of ${periodMonth.slice(0, 7)} at ${qr.placeName} is already submitted.`);
      const rule = await businessRules.inForce<QrSectorLists>(tx, QR_SECTOR_LISTS_RULE, day, 'input.periodMonth');
      const list = sectorListOf(rule.value, qr.sectorCode);
      const answers = new Map<string, { result: SelfCheckResult; note: string | null }>();
      input.answers.forEach((a, i) => {
        if (!list.items.some((item) => item.code === a.code)) throw qrCodeRules.field(`input.answers.${i}.code`, 'selfCheckItems', `${a.code} is not on the ${qr.sectorCode} self-check list (see resolveQrCode selfCheck.items).`);
        if (answers.has(a.code)) throw qrCodeRules.field(`input.answers.${i}.code`, 'unique', `${a.code} is answered twice.`);
        const note = a.note?.trim() || null;
        if (a.result === SelfCheckResult.NOT_OK && !note) throw qrCodeRules.field(`input.answers.${i}.note`, 'required', 'say what was found for an item that is not in order.');
        answers.set(a.code, { result: a.result, note });
      });
      const missing = list.items.filter((item) => !answers.has(item.code)).map((item) => item.code);
      if (missing.length) throw qrCodeRules.field('input.answers', 'selfCheckItems', `every item of the list is answered: missing ${missing.join(', ')}.`);

      const id = options.seed?.id ?? randomUUID();
      const origin = toGlobalId('SelfCheckSubmission', id);
      const items: StoredSelfCheckItem[] = [];
      for (const item of list.items) {
        const answer = answers.get(item.code)!;
        let hazardId: string | null = null;
        if (answer.result === SelfCheckResult.NOT_OK) {
          const hazard = await reportHazard(tx, {
            organizationId: qr.enterpriseId,
            title: titleOf(qr.placeName, item.title),
            description: `${answer.note}（${periodMonth.slice(0, 7)} 月度自查，${qr.placeName}）`,
            category: HAZARD_CATEGORY[item.area],
            source: HazardSource.SELF_CHECK,
            foundAt: submittedAt,
            originNodeId: origin,
          });
          hazardId = hazard.id;
        }
        items.push({ code: item.code, area: item.area, title: item.title, result: answer.result, note: answer.note, hazardId });
      }
      const hazardIds = items.flatMap((i) => (i.hazardId ? [i.hazardId] : []));
      const created = await createRecord(
        tx,
        SelfCheckSubmission,
        'SelfCheckSubmission',
        {
          id,
          ...(options.seed ? { createdAt: submittedAt, updatedAt: submittedAt } : {}),
          qrCodeId: qr.id,
          enterpriseId: qr.enterpriseId,
          periodMonth,
          submittedAt,
          submittedByUserId: tx.principal.kind === 'user' ? tx.principal.id : null,
          ruleVersionId: rule.id,
          items: items as never,
          notOkCount: hazardIds.length,
        },
        {
          action: 'scenarios.self-check.submit',
          ...recordEvent(qrCodeEvents['scenarios.self-check.submitted'], (s: SelfCheckSubmission) => ({ id: s.id, qrCodeId: s.qrCodeId, enterpriseId: s.enterpriseId, periodMonth: s.periodMonth, notOkCount: s.notOkCount, hazardIds })),
          changes: { qrCodeId: qr.id, periodMonth, notOkCount: hazardIds.length, hazardIds, ruleVersionId: rule.id },
        },
      );
      if (input.attachmentIds?.length) {
        const [enterprise] = await unscoped(tx, Organizations, 'the attachments are kept at the enterprise that checked').where(sql`t.id = ${qr.enterpriseId}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'path'] });
        await claimAttachments(tx, input.attachmentIds, { entityType: 'SelfCheckSubmission', entityId: id, readPermission: QrCodePermission.SelfCheckRead, organization: { id: enterprise!.id, path: enterprise!.path } });
      }
      return created;
    });
  }
}
