import {
  assertNotBefore,
  yearlyNumbers,
  applyStep,
  assertNotFuture,
  assertVersion,
  createRecord,
  recordEvent,
  records,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { organizationIdWithinSubtree } from '@platform/directory';
import { issueApprovalForm } from './inspection-documents';
import { Inspection } from './inspection.entity';
import { InspectionStatus } from './inspection.enums';
import { InspectionFindings, Inspections } from './inspections.entities';
import { InspectionOrder } from './inspection.orders';
import { inspectionEvents } from './inspections.events';
import { inspectionRules } from './inspections.rules';
import { INSPECTION_WORKFLOW, inspectionPayload, type InspectionStep } from './inspection-workflow';
import { checkEnterprise, checkFrequencyCap, checkInspectors, checkLegalSubject, inspectionItemOn } from './inspection-checks';
import { reinspectionOverdueSql } from './inspection.sql';
import type { InspectionListArgs, InspectionReasonInput, InspectionStepInput, PlanInspectionInput, UpdateInspectionInput } from './inspection.inputs';

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const INSPECTION_KEY_PROPERTIES = ['plannedOn', 'code', 'status', 'createdAt', 'updatedAt'];

/** The prefix of the town's inspection codes (南平检查): `NPJC-<year>-<number>`. */
export const INSPECTION_CODE_PREFIX = 'NPJC';

/** The series of inspection codes in the kernel's gap-free yearly numbers. */
export const INSPECTION_SERIES = 'enforcement.inspection';

/** The code of the `n`-th inspection of a year. */
export const inspectionCode = (year: number, n: number): string => `${INSPECTION_CODE_PREFIX}-${year}-${String(n).padStart(4, '0')}`;

/** The same overdue rule as `reinspectionOverdueSql`, for a loaded inspection. */
export const reinspectionOverdue = (i: Pick<Inspection, 'status' | 'reinspectionDueOn'>, today: string): boolean =>
  i.status === InspectionStatus.RECTIFICATION_ORDERED && i.reinspectionDueOn !== null && i.reinspectionDueOn < today;

const E = inspectionEvents;

/** Inspections: the list, lookups, planning and changes before approval, and the steps around the visit (approval, closing, cancelling). */
export class InspectionService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Inspection | null> {
    return records(ctx, Inspections).one(id, properties);
  }

  async byCode(ctx: RequestContext, code: string, properties: readonly string[] | null = null): Promise<Inspection | null> {
    const [found] = await records(ctx, Inspections).where(sql`t.code = ${code}`).list({ keys: InspectionOrder.keys(null), limit: 1, properties });
    return found ?? null;
  }

  list(ctx: RequestContext, args: InspectionListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Inspection>> {
    const f = args.filter ?? {};
    assertNotBefore(f.plannedFrom, f.plannedTo, 'filter.plannedTo', 'plannedFrom');
    let list = records(ctx, Inspections);
    if (f.enterpriseId) list = list.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.subjectId) list = list.where(sql`t.legal_subject_id = ${f.subjectId}`);
    if (f.withinSubtreeOf) list = list.where(organizationIdWithinSubtree('t.enterprise_id', f.withinSubtreeOf));
    if (f.statuses?.length) list = list.where(sql`t.status = ANY(${f.statuses})`);
    if (f.kinds?.length) list = list.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.plannedFrom) list = list.where(sql`t.planned_on >= CAST(${f.plannedFrom} AS date)`);
    if (f.plannedTo) list = list.where(sql`t.planned_on <= CAST(${f.plannedTo} AS date)`);
    if (f.code) list = list.where(sql`t.code = ${f.code}`);
    if (f.forCase !== undefined && f.forCase !== null) list = list.where(sql`t.for_case = ${f.forCase}`);
    if (f.reinspectionOverdue !== undefined && f.reinspectionOverdue !== null) {
      const overdue = reinspectionOverdueSql('t', ctx.clock.today());
      list = list.where(f.reinspectionOverdue ? overdue : sql`NOT ${overdue}`);
    }
    // Nothing is hidden by default (cancelled and closed ones are listed), so a change feed lifts nothing.
    return whereChanged(list, f).page({ keys: InspectionOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * Plans an inspection (DRAFT), after every check of who may inspect: an INSPECTION item in force on
   * the planned day, the legal subject responsible for it, an enterprise in the caller's scope, two or
   * more inspectors certified for the subject on the day, and the enterprise's yearly frequency cap.
   * Takes the year's next code; the record, its audit entry and event commit together.
   */
  plan(ctx: RequestContext, input: PlanInspectionInput): Promise<Inspection> {
    return transaction(ctx, async (tx) => {
      const item = await inspectionItemOn(tx, input.enforcementItemId, input.plannedOn, 'input.enforcementItemId');
      await checkLegalSubject(tx, item, input.legalSubjectId, 'input.legalSubjectId');
      const enterprise = await checkEnterprise(tx, input.enterpriseId, 'input.enterpriseId');
      await checkInspectors(tx, input.inspectorPersonIds, input.legalSubjectId, input.plannedOn, 'input.inspectorPersonIds');
      const frequency = await checkFrequencyCap(tx, { inspectionId: null, enterpriseId: enterprise.id, day: input.plannedOn, field: 'input.enterpriseId' });
      const year = Number(input.plannedOn.slice(0, 4));
      const code = inspectionCode(year, await yearlyNumbers.next(tx, INSPECTION_SERIES, year));
      return createRecord(
        tx,
        Inspection,
        'Inspection',
        {
          code,
          legalSubjectId: input.legalSubjectId,
          enforcementItemId: item.id,
          enterpriseId: enterprise.id,
          kind: input.kind,
          purpose: input.purpose,
          plannedOn: input.plannedOn,
          inspectorPersonIds: [...input.inspectorPersonIds],
          status: InspectionStatus.DRAFT,
          ...frequency,
        },
        { action: 'enforcement.inspection.plan', changes: { ...input, code, ...frequency }, ...recordEvent(E['enforcement.inspection.planned'], inspectionPayload) },
      );
    });
  }

  /** Changes a DRAFT inspection; a new day or new inspectors are checked again as when planned (item, certificates, cap). */
  update(ctx: RequestContext, input: UpdateInspectionInput): Promise<Inspection> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Inspections, INSPECTION_WORKFLOW.permissionOf('submit')).lock(input.id);
      assertVersion('Inspection', current, input.version);
      if (current.status !== InspectionStatus.DRAFT) throw inspectionRules.field('input.id', 'state', `only a DRAFT inspection may be changed; this one is ${current.status}.`);
      const plannedOn = input.plannedOn ?? current.plannedOn;
      const inspectors = input.inspectorPersonIds ?? current.inspectorPersonIds;
      let patch: Patch<Inspection> = { ...(input.kind ? { kind: input.kind } : {}), ...(input.purpose ? { purpose: input.purpose } : {}) };
      if (input.plannedOn && input.plannedOn !== current.plannedOn) {
        await inspectionItemOn(tx, current.enforcementItemId, plannedOn, 'input.plannedOn');
        const frequency = await checkFrequencyCap(tx, { inspectionId: current.id, enterpriseId: current.enterpriseId, day: plannedOn, field: 'input.plannedOn' });
        patch = { ...patch, plannedOn, ...frequency };
      }
      if (input.plannedOn || input.inspectorPersonIds) {
        await checkInspectors(tx, inspectors, current.legalSubjectId, plannedOn, input.inspectorPersonIds ? 'input.inspectorPersonIds' : 'input.plannedOn', Boolean(input.inspectorPersonIds));
        patch = { ...patch, inspectorPersonIds: [...inspectors] };
      }
      return updateRecord(tx, Inspection, 'Inspection', current, input.version, patch, { action: 'enforcement.inspection.update', ...recordEvent(E['enforcement.inspection.updated'], inspectionPayload) });
    });
  }

  submit(ctx: RequestContext, input: InspectionStepInput): Promise<Inspection> {
    return this.step(ctx, 'submit', input, async (_tx, _i, on) => ({ submittedOn: on }));
  }

  /**
   * 行政检查审批: by a person holding the approval permission who is not one of the inspection's
   * inspectors (rule `independentApprover`); an account linked to no person cannot sign the form.
   */
  approve(ctx: RequestContext, input: InspectionStepInput): Promise<Inspection> {
    return this.step(ctx, 'approve', input, async (tx, current, on) => {
      const approver = tx.principal.personId ?? null;
      if (!approver) throw inspectionRules.field('input.id', 'independentApprover', 'the approval form (行政检查审批表) is signed by a person: your account is linked to no person of the directory.');
      if (current.inspectorPersonIds.includes(approver)) throw inspectionRules.field('input.id', 'independentApprover', 'you are one of this inspection\'s inspectors: someone else must approve it.');
      if (current.submittedOn && on < current.submittedOn) throw inspectionRules.field('input.on', 'range', `must not be before the submission (${current.submittedOn}).`);
      return { approverPersonId: approver, approvedOn: on, rejectionReason: null };
    }, (tx, approved) => issueApprovalForm(tx, approved));
  }

  reject(ctx: RequestContext, input: InspectionReasonInput): Promise<Inspection> {
    return this.step(ctx, 'reject', input, async () => ({ rejectionReason: input.reason }));
  }

  /** Closes an inspection: after its re-inspection, or right after the visit when no finding requires rectification (rule `rectification`). */
  close(ctx: RequestContext, input: InspectionStepInput): Promise<Inspection> {
    return this.step(ctx, 'close', input, async (tx, current, on) => {
      if (current.status === InspectionStatus.RECORDED) {
        const pending = await records(tx, InspectionFindings).where(sql`t.inspection_id = ${current.id} AND t.rectification_required`).count();
        if (pending) throw inspectionRules.field('input.id', 'rectification', 'findings of the visit require rectification: order it (orderInspectionRectification) and re-inspect before closing.');
      }
      const from = current.reinspectedOn ?? current.visitedOn!;
      if (on < from) throw inspectionRules.field('input.on', 'range', `must not be before ${from}.`);
      return { closedOn: on };
    });
  }

  cancel(ctx: RequestContext, input: InspectionReasonInput): Promise<Inspection> {
    return this.step(ctx, 'cancel', input, async (_tx, _i, on) => ({ cancelledOn: on, cancelReason: input.reason }));
  }

  /**
   * One workflow step: the inspection locked within the step's permission scope (else NOT_FOUND), at
   * the version read (else CONFLICT), in a state the step starts from (else `state`), on a day not in
   * the future; then the step's own checks and patch (`build`); the change, audit entry and event
   * commit together, with what the step issues after it (`after`: a document).
   */
  private step(
    ctx: RequestContext,
    name: InspectionStep,
    input: { readonly id: string; readonly version: number; readonly on?: string },
    build: (tx: RequestContext, current: Inspection, on: string) => Promise<Patch<Omit<Inspection, 'status'>>>,
    after?: (tx: RequestContext, stepped: Inspection) => Promise<unknown>,
  ): Promise<Inspection> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Inspections, INSPECTION_WORKFLOW.permissionOf(name)).lock(input.id);
      const stepped = await applyStep(tx, INSPECTION_WORKFLOW, name, { current, version: input.version, patch: () => build(tx, current, on) });
      await after?.(tx, stepped);
      return stepped;
    });
  }
}
