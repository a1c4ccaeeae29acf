import {
  applyStep,
  assertNotFuture,
  assertVersion,
  businessRules,
  createRecord,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  workingDays,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Persons, organizationIdWithinSubtree } from '@platform/directory';
import { DutyReport } from './duty-report.entity';
import { DutyReportStatus } from './duty.enums';
import { DutyReportOrder } from './duty.orders';
import { DUTY_REPORT_WORKFLOW } from './duty-workflows';
import { DUTY_REPORT_DEADLINE } from '../business-rules/duties';
import { DutyReports } from './duties.entities';
import { DutyPermission } from './duties.permissions';
import { dutyEvents } from './duties.events';
import { dutyRules } from './duties.rules';
import { officialAt } from './duty-official';
import { checkPeriod } from './duty-action.service';
import { draftText } from './duty-report-draft';
import { readLedger } from './duty-ledger';
import type { DutyReportListArgs, GenerateDutyReportDraftInput, SubmitDutyReportInput, UpdateDutyReportInput } from './duty-report.inputs';

/** Properties the keyset orders of reports read (besides the id). */
export const DUTY_REPORT_KEY_PROPERTIES = ['periodTo'];

const payloadOf = (r: DutyReport) => ({ id: r.id, personId: r.personId, organizationId: r.organizationId });

/** Duty reports (述职): generated from the ledger, edited, submitted. */
export class DutyReportService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<DutyReport | null> {
    return records(ctx, DutyReports).one(id, properties);
  }

  list(ctx: RequestContext, args: DutyReportListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<DutyReport>> {
    const f = args.filter ?? {};
    let reports = records(ctx, DutyReports);
    if (f.personId) reports = reports.where(sql`t.person_id = ${f.personId}`);
    if (f.withinSubtreeOf) reports = reports.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.statuses?.length) reports = reports.where(sql`t.status = ANY(${f.statuses})`);
    return whereChanged(reports, f).page({ keys: DutyReportOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * A draft from the official's ledger over the period, within the caller's scope: their duty actions,
   * the key tasks they own completed in it, the hazards closed in it in their organization's subtree.
   * The report keeps the ids it counted and the deadline rule version in force on the period's last day.
   */
  generate(ctx: RequestContext, input: GenerateDutyReportDraftInput): Promise<DutyReport> {
    checkPeriod(input.from, input.to, { from: 'input.from', to: 'input.to' });
    assertNotFuture(input.to, 'input.to', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const official = await officialAt(tx, input.personId, input.organizationId, DutyPermission.Record, { personId: 'input.personId', organizationId: 'input.organizationId' });
      const person = (await records(tx, Persons, DutyPermission.Record).one(input.personId, ['id', 'name']))!;
      const ledger = await readLedger(tx, input, input.from, input.to);
      const rule = await businessRules.inForce(tx, DUTY_REPORT_DEADLINE, input.to, 'input.to');
      const dueOn = await workingDays.add(tx, input.to, rule.value.workingDays);
      const text = draftText({
        officialName: person.name,
        organizationName: official.organization.shortName ?? official.organization.name,
        positionTitle: official.positionTitle,
        from: input.from,
        to: input.to,
        ...ledger,
      });
      return createRecord(
        tx,
        DutyReport,
        'DutyReport',
        {
          personId: input.personId,
          organizationId: input.organizationId,
          positionTitle: official.positionTitle,
          periodFrom: input.from,
          periodTo: input.to,
          title: input.title ?? `${input.from}至${input.to}安全生产述职报告`,
          text,
          status: DutyReportStatus.DRAFT,
          generatedAt: tx.clock.now(),
          actionIds: ledger.actions.map((a) => a.id),
          keyTaskIds: ledger.keyTasks.map((t) => t.id),
          hazardIds: ledger.hazards.map((h) => h.id),
          dueOn,
          deadlineRuleVersionId: rule.id,
          submittedAt: null,
          submittedByKind: null,
          submittedById: null,
        },
        {
          action: 'responsibility.duty-report.generate',
          changes: (r) => ({ ...input, actions: r.actionIds.length, keyTasks: r.keyTaskIds.length, hazards: r.hazardIds.length, deadlineRuleVersionId: rule.id }),
          ...recordEvent(dutyEvents['responsibility.duty-report.drafted'], payloadOf),
        },
      );
    });
  }

  update(ctx: RequestContext, input: UpdateDutyReportInput): Promise<DutyReport> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, DutyReports, DutyPermission.Record).lock(input.id);
      assertVersion('DutyReport', current, input.version);
      if (current.status !== DutyReportStatus.DRAFT) throw dutyRules.field('input.id', 'state', 'the report is SUBMITTED and immutable.');
      const patch: Patch<DutyReport> = sentFields(input, ['title', 'text']);
      return updateRecord(tx, DutyReport, 'DutyReport', current, input.version, patch, { action: 'responsibility.duty-report.update', ...recordEvent(dutyEvents['responsibility.duty-report.updated'], payloadOf(current)) });
    });
  }

  submit(ctx: RequestContext, input: SubmitDutyReportInput): Promise<DutyReport> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, DutyReports, DUTY_REPORT_WORKFLOW.permissionOf('submit')).lock(input.id);
      const principal = tx.principal;
      return applyStep(tx, DUTY_REPORT_WORKFLOW, 'submit', {
        current,
        version: input.version,
        patch: { submittedAt: tx.clock.now(), submittedByKind: principal.kind, submittedById: principal.id },
        changes: { submittedByKind: principal.kind, submittedById: principal.id },
      });
    });
  }
}
