import {
  assertNotBefore,
  NotFoundError,
  nodeById,
  toGlobalId,
  SortDirection,
  addDays,
  applyStep,
  assertNotFuture,
  assertVersion,
  claimAttachments,
  createRecord,
  recordEvent,
  records,
  sql,
  todayInChina,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  businessRules,
  localDaySql,
  raw,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { OrganizationKind, Organizations, Persons } from '@platform/directory';
import { DamageReports, Incidents } from '@domains/response';
import { EnforcementDocuments } from '../documents/public';
import { ACCIDENT_CLOCK_RULE } from '../business-rules/accidents';
import { AccidentFourNotSpared, AccidentInvestigation, AccidentMeasure, AccidentOversightFinding } from './accident.entity';
import {
  AccidentGrade,
  AccidentInvestigationKind,
  AccidentInvestigationStatus,
  AccidentMeasureStatus,
  FOUR_NOT_SPARED_TEXT,
  FourNotSparedStatus,
  REQUIRED_TEAM_ROLES,
  type AccidentTeamRole,
} from './accident.enums';
import { AccidentCategories, AccidentFourNotSpareds, AccidentInvestigations, AccidentMeasures, AccidentTeamMembers } from './accidents.entities';
import { AccidentPermission } from './accidents.permissions';
import { accidentEvents } from './accidents.events';
import { accidentRules } from './accidents.rules';
import { ACCIDENT_WORKFLOW, accidentPayload, type AccidentStep } from './accident-workflow';
import { AccidentInvestigationOrder } from './accident.orders';
import { accidentRulesOn, flagIfCriminal, gradedFigures, type AccidentClockRule } from './accident-figures';
import { attachmentCount, insertFourNotSpared, pastDueSql, replaceTeam } from './accident.sql';
import type {
  AccidentInvestigationListArgs,
  AddAccidentMeasureInput,
  AddAccidentOversightFindingInput,
  CloseAccidentInvestigationInput,
  ExtendAccidentInvestigationInput,
  OpenAccidentInvestigationInput,
  RecordAccidentMeasureProgressInput,
  RecordAccidentReplyInput,
  RefreshAccidentInvestigationInput,
  SetAccidentTeamInput,
  SubmitAccidentReportInput,
  UpdateAccidentInvestigationInput,
  UpdateFourNotSparedInput,
} from './accident.inputs';

const E = accidentEvents;

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const ACCIDENT_KEY_PROPERTIES = ['occurredAt', 'grade', 'reportDueOn', 'status', 'createdAt', 'updatedAt'];

/** Why opening reads beyond the caller's scope: an incident has one investigation, whoever opened it. */
const ONE_PER_INCIDENT = 'an incident has one investigation, whoever may read it';
/** Why the incident is re-read beyond the caller's scope on a refresh: the accident's time and type are the incident's. */
const INCIDENT_FACTS = 'the accident\'s time and type are the incident\'s, whatever part of it the caller may read';

/** The incident types a work-safety investigation is opened over; OTHER fits either kind. */
export const WORK_SAFETY_TYPES: readonly string[] = ['WORK_SAFETY_ACCIDENT', 'ROAD_TRAFFIC', 'FIRE', 'OTHER'];
/** The incident types a natural-disaster investigation record is opened over. */
export const NATURAL_DISASTER_TYPES: readonly string[] = ['FLOOD', 'FLASH_FLOOD', 'LANDSLIDE', 'RAINSTORM', 'DROUGHT', 'FOREST_FIRE', 'EARTHQUAKE', 'HAIL', 'WIND', 'OTHER'];

/** The required roles the team lacks (work-safety accidents; natural-disaster records have no team rule [U]). */
export function missingTeamRoles(kind: AccidentInvestigationKind, roles: readonly string[]): AccidentTeamRole[] {
  if (kind !== AccidentInvestigationKind.WORK_SAFETY) return [];
  return REQUIRED_TEAM_ROLES.filter((r) => !roles.includes(r));
}

/** Accident investigations: the list, opening, refreshing figures and grade, the team, the clocks, the 四不放过 checklist, 一案双查 findings and measures. */
export class AccidentService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<AccidentInvestigation | null> {
    return records(ctx, AccidentInvestigations).one(id, properties);
  }

  list(ctx: RequestContext, args: AccidentInvestigationListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<AccidentInvestigation>> {
    const f = args.filter ?? {};
    assertNotBefore(f.occurredFrom, f.occurredTo, 'filter.occurredTo', 'occurredFrom');
    let list = records(ctx, AccidentInvestigations);
    if (f.enterpriseId) list = list.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.kinds?.length) list = list.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.grades?.length) list = list.where(sql`t.grade = ANY(${f.grades})`);
    if (f.statuses?.length) list = list.where(sql`t.status = ANY(${f.statuses})`);
    if (f.reportedLate !== undefined && f.reportedLate !== null) list = list.where(sql`t.reported_late = ${f.reportedLate}`);
    if (f.occurredFrom) list = list.where(sql`${raw(localDaySql('t.occurred_at'))} >= CAST(${f.occurredFrom} AS date)`);
    if (f.occurredTo) list = list.where(sql`${raw(localDaySql('t.occurred_at'))} <= CAST(${f.occurredTo} AS date)`);
    if (f.pastDue !== undefined && f.pastDue !== null) {
      const due = pastDueSql('t', ctx.clock.today());
      list = list.where(f.pastDue ? due : sql`NOT ${due}`);
    }
    return whereChanged(list, f).page({ keys: AccidentInvestigationOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * Opens the investigation of an incident the caller may read (one per incident): the kind fits the
   * incident's type, a work-safety accident names its enterprise (in the caller's scope to
   * investigate), a natural-disaster record belongs to the incident's reporting organization. Grades
   * it from the damage reports with the rule versions in force on the accident day, sets the report
   * clock, writes the four 四不放过 items (work-safety accidents), and flags it for referral when the figures meet the
   * criminal thresholds; all in one transaction.
   */
  open(ctx: RequestContext, input: OpenAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return transaction(ctx, async (tx) => {
      const incident = await records(tx, Incidents).reference(input.incidentId, 'input.incidentId', { properties: ['id', 'type', 'occurredAt', 'reportingOrganizationId', 'title'] });
      const types = input.kind === AccidentInvestigationKind.WORK_SAFETY ? WORK_SAFETY_TYPES : NATURAL_DISASTER_TYPES;
      if (!types.includes(incident.type)) throw accidentRules.field('input.kind', 'kind', `${incident.title} is an incident of type ${incident.type}: a ${input.kind} investigation is opened over ${types.join(', ')}.`);
      const taken = await unscoped(tx, AccidentInvestigations, ONE_PER_INCIDENT).where(sql`t.incident_id = ${incident.id}`).count();
      if (taken) throw accidentRules.field('input.incidentId', 'oneInvestigation', `${incident.title} already has an investigation: refresh it instead.`);
      let organizationId: string;
      if (input.kind === AccidentInvestigationKind.WORK_SAFETY) {
        if (!input.enterpriseId) throw accidentRules.field('input.enterpriseId', 'required', 'a work-safety accident names the enterprise where it happened.');
        const org = await records(tx, Organizations, AccidentPermission.Investigate).reference(input.enterpriseId, 'input.enterpriseId', { properties: ['id', 'kind', 'name'] });
        if (org.kind !== OrganizationKind.ENTERPRISE) throw accidentRules.field('input.enterpriseId', 'enterprise', `${org.name} is a ${org.kind}, not an enterprise (生产经营单位).`);
        organizationId = org.id;
      } else {
        if (input.enterpriseId) throw accidentRules.field('input.enterpriseId', 'kind', 'a natural-disaster investigation names no enterprise: it belongs to the incident\'s reporting organization.');
        organizationId = (await records(tx, Organizations, AccidentPermission.Investigate).reference(incident.reportingOrganizationId, 'input.incidentId', { properties: ['id'] })).id;
      }
      const categoryId = input.categoryCode ? await this.categoryId(tx, input.categoryCode) : null;
      const unitReportedAt = input.unitReportedAt ?? null;
      this.checkUnitReport(tx, unitReportedAt, incident.occurredAt);
      const rules = await accidentRulesOn(tx, incident.occurredAt);
      const kind = input.kind;
      const figures = await gradedFigures(tx, { kind, incidentId: incident.id, incidentType: incident.type, occurredAt: incident.occurredAt, unitReportedAt }, rules);
      const created = await createRecord(
        tx,
        AccidentInvestigation,
        'AccidentInvestigation',
        {
          incidentId: incident.id,
          kind,
          organizationId,
          enterpriseId: input.enterpriseId ?? null,
          categoryId,
          incidentType: incident.type,
          occurredAt: incident.occurredAt,
          unitReportedAt,
          ...figures,
          figuresRefreshedAt: tx.clock.now(),
          status: AccidentInvestigationStatus.INVESTIGATING,
          clockRuleVersionId: rules.clocks.id,
          reportDueOn: addDays(todayInChina(incident.occurredAt), rules.clocks.value.reportDays),
        },
        { action: 'enforcement.accident.open', changes: (c) => ({ ...input, grade: c.grade, deaths: c.deaths, seriouslyInjured: c.seriouslyInjured, directLossYuan: c.directLossYuan }), ...recordEvent(E['enforcement.accident.opened'], accidentPayload) },
      );
      // 四不放过 answers a work-safety accident; a natural-disaster record has no checklist [U].
      if (kind === AccidentInvestigationKind.WORK_SAFETY) await insertFourNotSpared(tx, created.id);
      await flagIfCriminal(tx, created);
      return created;
    });
  }

  /**
   * Refreshes the figures, grade and reporting delay from the incident's damage reports (and flags for
   * referral when they meet the thresholds). It recomputes from the reports and writes nothing the
   * caller chose, so a version older than the current one is accepted (the automatic refresh after a
   * new report moves it on); a version the investigation never had is a CONFLICT.
   */
  refresh(ctx: RequestContext, input: RefreshAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, AccidentInvestigations, AccidentPermission.Investigate).lock(input.id);
      if (input.version > current.version) assertVersion('AccidentInvestigation', current, input.version);
      return this.regrade(tx, current, {}, input.note ? { note: input.note } : {});
    });
  }

  /**
   * Refreshes the investigation of an incident after a new damage report (`startAccidentRefresh`,
   * as the system): nothing when the incident has none, it is closed, or its figures count the
   * report already (refreshed from as many reports as its sequence, or more).
   */
  async refreshForReport(ctx: RequestContext, incidentId: string, reportId: string): Promise<void> {
    await transaction(ctx, async (tx) => {
      const [found] = await unscoped(tx, AccidentInvestigations, ONE_PER_INCIDENT).where(sql`t.incident_id = ${incidentId}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
      if (!found) return;
      const current = await unscoped(tx, AccidentInvestigations, ONE_PER_INCIDENT).lock(found.id);
      if (current.status === AccidentInvestigationStatus.CLOSED) return;
      const [report] = await unscoped(tx, DamageReports, INCIDENT_FACTS).where(sql`t.id = ${reportId}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'sequence'] });
      if (!report || report.sequence <= current.reportsCounted) return;
      await this.regrade(tx, current, {}, { trigger: 'rescue.incident.damageReported', reportId });
    });
  }

  /** Changes the category or the unit's report time, then refreshes the figures (the delay depends on the report time). */
  update(ctx: RequestContext, input: UpdateAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, AccidentInvestigations, AccidentPermission.Investigate).lock(input.id);
      assertVersion('AccidentInvestigation', current, input.version);
      let patch: Patch<AccidentInvestigation> = {};
      if (input.categoryCode) patch = { ...patch, categoryId: await this.categoryId(tx, input.categoryCode) };
      if (input.unitReportedAt) {
        this.checkUnitReport(tx, input.unitReportedAt, current.occurredAt);
        patch = { ...patch, unitReportedAt: input.unitReportedAt };
      }
      return this.regrade(tx, { ...current, unitReportedAt: input.unitReportedAt ?? current.unitReportedAt }, patch, { categoryCode: input.categoryCode, unitReportedAt: input.unitReportedAt }, 'enforcement.accident.update');
    });
  }

  /**
   * Re-grades a locked investigation: the incident's time and type re-read, the grade rule in force on
   * the accident day, the figures of the reports (casualties within the re-grading window), the
   * delay; the change, audit entry and event (`regraded` when the grade changed) commit together
   * with the referral flag. A closed investigation keeps its figures.
   */
  private async regrade(tx: RequestContext, current: AccidentInvestigation, patch: Patch<AccidentInvestigation>, changes: Record<string, unknown>, action = 'enforcement.accident.refresh'): Promise<AccidentInvestigation> {
    if (current.status === AccidentInvestigationStatus.CLOSED) throw accidentRules.field('input.id', 'state', 'a CLOSED investigation keeps the figures it was closed with.');
    const [incident] = await unscoped(tx, Incidents, INCIDENT_FACTS).where(sql`t.id = ${current.incidentId}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'type', 'occurredAt'] });
    if (!incident) throw new NotFoundError('Incident', current.incidentId, 'input.id');
    const rules = await accidentRulesOn(tx, incident.occurredAt, 'input.id');
    const figures = await gradedFigures(tx, { kind: current.kind, incidentId: current.incidentId, incidentType: incident.type, occurredAt: incident.occurredAt, unitReportedAt: current.unitReportedAt }, rules);
    const clocks = (await businessRules.stored(tx, ACCIDENT_CLOCK_RULE, current.clockRuleVersionId)).value as unknown as AccidentClockRule;
    const reportDueOn = addDays(todayInChina(incident.occurredAt), clocks.reportDays + (current.reportExtensionDays ?? 0));
    const regraded = figures.grade !== current.grade;
    const updated = await updateRecord(
      tx,
      AccidentInvestigation,
      'AccidentInvestigation',
      current,
      current.version,
      { ...patch, ...figures, incidentType: incident.type, occurredAt: incident.occurredAt, reportDueOn, figuresRefreshedAt: tx.clock.now() },
      {
        action,
        changes: (u) => ({ ...changes, grade: [current.grade, u.grade], deaths: u.deaths, seriouslyInjured: u.seriouslyInjured, directLossYuan: u.directLossYuan, gradeBasis: u.gradeBasis, reportedLate: u.reportedLate }),
        ...recordEvent(E[regraded ? 'enforcement.accident.regraded' : action === 'enforcement.accident.update' ? 'enforcement.accident.updated' : 'enforcement.accident.refreshed'], accidentPayload),
      },
    );
    await flagIfCriminal(tx, updated);
    return updated;
  }

  /** Replaces the team of an investigation still investigating: one leader, each person once, organizations and persons that exist. */
  setTeam(ctx: RequestContext, input: SetAccidentTeamInput): Promise<AccidentInvestigation> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, AccidentInvestigations, AccidentPermission.Investigate).lock(input.id);
      assertVersion('AccidentInvestigation', current, input.version);
      if (current.status !== AccidentInvestigationStatus.INVESTIGATING) throw accidentRules.field('input.id', 'state', `the team is set while investigating; this investigation is ${current.status}.`);
      const leaders = input.members.filter((m) => m.leader).length;
      if (leaders !== 1) throw accidentRules.field('input.members', 'teamMembers', `a team has exactly one leader (组长); ${leaders} given.`);
      const persons = input.members.map((m) => m.personId).filter((p): p is string => Boolean(p));
      if (new Set(persons).size !== persons.length) throw accidentRules.field('input.members', 'teamMembers', 'lists a person twice: name each member once.');
      for (const [i, m] of input.members.entries()) {
        if (m.organizationId) await records(tx, Organizations).reference(m.organizationId, `input.members.${i}.organizationId`, { properties: ['id'] });
        if (m.personId) await records(tx, Persons).reference(m.personId, `input.members.${i}.personId`, { properties: ['id'] });
      }
      await replaceTeam(tx, current.id, input.members.map((m) => ({ role: m.role, name: m.name, organizationId: m.organizationId ?? null, personId: m.personId ?? null, leader: Boolean(m.leader) })));
      return updateRecord(tx, AccidentInvestigation, 'AccidentInvestigation', current, input.version, {}, {
        action: 'enforcement.accident.setTeam',
        changes: { members: input.members.map((m) => ({ ...m })), missingRoles: missingTeamRoles(current.kind, input.members.map((m) => m.role)) },
        ...recordEvent(E['enforcement.accident.teamSet'], accidentPayload),
      });
    });
  }

  /**
   * One extension, with approval (国务院令第493号 第二十九、三十二条): of the report while investigating
   * (up to the rule's 60 days), or of the reply of an extraordinarily serious accident once reported
   * (up to 30); a second one of either is refused (rule `oneExtension`).
   */
  extend(ctx: RequestContext, input: ExtendAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, AccidentInvestigations, AccidentPermission.Investigate).lock(input.id);
      assertVersion('AccidentInvestigation', current, input.version);
      const clocks = (await businessRules.stored(tx, ACCIDENT_CLOCK_RULE, current.clockRuleVersionId)).value as unknown as AccidentClockRule;
      let patch: Patch<AccidentInvestigation>;
      if (current.status === AccidentInvestigationStatus.INVESTIGATING) {
        if (current.reportExtensionDays !== null) throw accidentRules.field('input.id', 'oneExtension', `the report was extended once already (by ${current.reportExtensionDays} days): it may be extended only once.`);
        if (input.days > clocks.reportExtensionMaxDays) throw accidentRules.field('input.days', 'range', `the report may be extended by at most ${clocks.reportExtensionMaxDays} days.`);
        patch = { reportExtensionDays: input.days, reportExtensionReason: input.reason, reportDueOn: addDays(current.reportDueOn, input.days) };
      } else if (current.status === AccidentInvestigationStatus.REPORTED) {
        if (current.grade !== AccidentGrade.EXTRAORDINARILY_SERIOUS) throw accidentRules.field('input.id', 'oneExtension', 'only the reply to the report of an extraordinarily serious accident (特别重大) may be extended.');
        if (current.replyExtensionDays !== null) throw accidentRules.field('input.id', 'oneExtension', `the reply was extended once already (by ${current.replyExtensionDays} days).`);
        if (input.days > clocks.replyExtensionMaxDays) throw accidentRules.field('input.days', 'range', `the reply may be extended by at most ${clocks.replyExtensionMaxDays} days.`);
        patch = { replyExtensionDays: input.days, replyExtensionReason: input.reason, replyDueOn: addDays(current.replyDueOn!, input.days) };
      } else {
        throw accidentRules.field('input.id', 'state', `only an investigation INVESTIGATING (the report) or REPORTED (the reply) may be extended; this one is ${current.status}.`);
      }
      return updateRecord(tx, AccidentInvestigation, 'AccidentInvestigation', current, input.version, patch, { action: 'enforcement.accident.extend', ...recordEvent(E['enforcement.accident.extended'], accidentPayload) });
    });
  }

  /** 提交调查报告: a work-safety accident's team must hold every required role (rule `teamComposition`); the reply falls due (15 days, 特别重大 30). */
  submitReport(ctx: RequestContext, input: SubmitAccidentReportInput): Promise<AccidentInvestigation> {
    return this.step(ctx, 'submitReport', input, async (tx, current, on) => {
      const roles = await records(tx, AccidentTeamMembers).where(sql`t.investigation_id = ${current.id}`).aggregate<{ role: string }>(sql`DISTINCT t.role AS "role"`);
      const missing = missingTeamRoles(current.kind, roles.map((r) => r.role));
      if (missing.length) throw accidentRules.field('input.id', 'teamComposition', `the investigation team lacks ${missing.join(', ')} (国务院令第493号 第二十二条): set the team (setAccidentTeam) before the report.`);
      const occurredOn = todayInChina(current.occurredAt);
      if (on < occurredOn) throw accidentRules.field('input.on', 'range', `must not be before the accident (${occurredOn}).`);
      const clocks = (await businessRules.stored(tx, ACCIDENT_CLOCK_RULE, current.clockRuleVersionId)).value as unknown as AccidentClockRule;
      const days = current.grade === AccidentGrade.EXTRAORDINARILY_SERIOUS ? clocks.replyDaysExtraordinary : clocks.replyDays;
      return { reportSubmittedOn: on, reportSummary: input.summary, replyDueOn: addDays(on, days) };
    });
  }

  /** 批复: the government's reply, not before the report. */
  recordReply(ctx: RequestContext, input: RecordAccidentReplyInput): Promise<AccidentInvestigation> {
    return this.step(ctx, 'recordReply', input, async (_tx, current, on) => {
      if (on < current.reportSubmittedOn!) throw accidentRules.field('input.on', 'range', `must not be before the report (${current.reportSubmittedOn}).`);
      return { repliedOn: on, replyReference: input.reference };
    });
  }

  /** 结案: refused while a 四不放过 item is open (rule `fourNotSpared`, naming them). */
  close(ctx: RequestContext, input: CloseAccidentInvestigationInput): Promise<AccidentInvestigation> {
    return this.step(ctx, 'close', input, async (tx, current, on) => {
      const open = await records(tx, AccidentFourNotSpareds)
        .where(sql`t.investigation_id = ${current.id} AND t.status = ${FourNotSparedStatus.OPEN}`)
        .list({ keys: [{ column: 't.position', direction: SortDirection.ASC }], limit: 4, properties: ['id', 'item'] });
      if (open.length) throw accidentRules.field('input.id', 'fourNotSpared', `四不放过 items are open: ${open.map((i) => FOUR_NOT_SPARED_TEXT[i.item]).join('、')}. Mark each DONE with its evidence before closing.`);
      if (on < current.repliedOn!) throw accidentRules.field('input.on', 'range', `must not be before the reply (${current.repliedOn}).`);
      return { closedOn: on };
    });
  }

  /** A 四不放过 item's status, note and evidence (documents replaced, uploads added); DONE needs evidence (rule `evidence`); not once the investigation is closed. */
  updateFourNotSpared(ctx: RequestContext, input: UpdateFourNotSparedInput): Promise<AccidentFourNotSpared> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const item = await records(tx, AccidentFourNotSpareds, AccidentPermission.Investigate).lock(input.id);
      assertVersion('AccidentFourNotSpared', item, input.version);
      const investigation = await records(tx, AccidentInvestigations, AccidentPermission.Investigate).lock(item.investigationId);
      if (investigation.status === AccidentInvestigationStatus.CLOSED) throw accidentRules.field('input.id', 'state', 'the investigation is CLOSED: its 四不放过 items no longer change.');
      const documentIds = input.evidenceDocumentIds ?? item.evidenceDocumentIds;
      if (input.evidenceDocumentIds?.length) await records(tx, EnforcementDocuments).referenceAll(input.evidenceDocumentIds, 'input.evidenceDocumentIds', { properties: ['id'] });
      if (input.attachmentIds?.length) {
        const org = await unscoped(tx, Organizations, 'an attachment is readable where its investigation is').reference(investigation.organizationId, 'input.id', { properties: ['id', 'path'], archived: true });
        await claimAttachments(tx, input.attachmentIds, { entityType: 'AccidentFourNotSpared', entityId: item.id, readPermission: AccidentPermission.Read, organization: { id: org.id, path: org.path } }, 'input.attachmentIds');
      }
      if (input.status === FourNotSparedStatus.DONE) {
        if (!documentIds.length && !(await attachmentCount(tx, item.id))) throw accidentRules.field('input.status', 'evidence', `${FOUR_NOT_SPARED_TEXT[item.item]}: DONE needs evidence, a document (evidenceDocumentIds) or an attachment (attachmentIds).`);
      }
      const patch: Patch<AccidentFourNotSpared> = {
        status: input.status,
        note: input.note ?? item.note,
        evidenceDocumentIds: [...documentIds],
        doneOn: input.status === FourNotSparedStatus.DONE ? (item.doneOn ?? on) : null,
      };
      const updated = await updateRecord(tx, AccidentFourNotSpared, 'AccidentFourNotSpared', item, input.version, patch, { action: 'enforcement.accident.updateFourNotSpared', changes: { ...input } });
      await updateRecord(tx, AccidentInvestigation, 'AccidentInvestigation', investigation, investigation.version, {}, {
        action: 'enforcement.accident.fourNotSparedUpdated',
        changes: { item: item.item, status: [item.status, input.status] },
        ...recordEvent(E['enforcement.accident.fourNotSparedUpdated'], accidentPayload),
      });
      return updated;
    });
  }

  /** 一案双查: a finding against an approving or supervising body; a penalty case it names is checked by `checkCase` (the cases part, given by the resolver). */
  addOversightFinding(ctx: RequestContext, input: AddAccidentOversightFindingInput): Promise<AccidentOversightFinding> {
    return transaction(ctx, async (tx) => {
      const investigation = await records(tx, AccidentInvestigations, AccidentPermission.Investigate).reference(input.investigationId, 'input.investigationId', { lock: 'update' });
      if (investigation.status === AccidentInvestigationStatus.CLOSED) throw accidentRules.field('input.investigationId', 'state', 'the investigation is CLOSED.');
      await records(tx, Organizations).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      // The case is the cases part's (a later part): read by its global id through the kernel's node registry, in the caller's scope.
      if (input.penaltyCaseId && !(await nodeById(tx).load(toGlobalId('PenaltyCase', input.penaltyCaseId)))) throw new NotFoundError('PenaltyCase', input.penaltyCaseId, 'input.penaltyCaseId');
      return createRecord(tx, AccidentOversightFinding, 'AccidentOversightFinding', { ...input, penaltyCaseId: input.penaltyCaseId ?? null }, {
        action: 'enforcement.accident.addOversightFinding',
        auditUnder: { entityType: 'AccidentInvestigation', entityId: investigation.id },
        ...recordEvent(E['enforcement.accident.oversightFindingAdded'], () => accidentPayload(investigation)),
      });
    });
  }

  /** A follow-up measure of an investigation not closed. */
  addMeasure(ctx: RequestContext, input: AddAccidentMeasureInput): Promise<AccidentMeasure> {
    return transaction(ctx, async (tx) => {
      const investigation = await records(tx, AccidentInvestigations, AccidentPermission.Investigate).reference(input.investigationId, 'input.investigationId', { lock: 'update' });
      if (investigation.status === AccidentInvestigationStatus.CLOSED) throw accidentRules.field('input.investigationId', 'state', 'the investigation is CLOSED.');
      await records(tx, Organizations).reference(input.responsibleOrganizationId, 'input.responsibleOrganizationId', { properties: ['id'] });
      return createRecord(tx, AccidentMeasure, 'AccidentMeasure', { ...input, status: AccidentMeasureStatus.OPEN }, {
        action: 'enforcement.accident.addMeasure',
        auditUnder: { entityType: 'AccidentInvestigation', entityId: investigation.id },
        ...recordEvent(E['enforcement.accident.measureAdded'], () => accidentPayload(investigation)),
      });
    });
  }

  /** Marks a measure DONE (from OPEN) or VERIFIED (from DONE); rule `state` otherwise. */
  recordMeasureProgress(ctx: RequestContext, input: RecordAccidentMeasureProgressInput): Promise<AccidentMeasure> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const measure = await records(tx, AccidentMeasures, AccidentPermission.Investigate).lock(input.id);
      assertVersion('AccidentMeasure', measure, input.version);
      const investigation = await records(tx, AccidentInvestigations, AccidentPermission.Investigate).lock(measure.investigationId);
      let patch: Patch<AccidentMeasure>;
      if (input.verified) {
        if (measure.status !== AccidentMeasureStatus.DONE) throw accidentRules.field('input.verified', 'state', `only a DONE measure is verified; this one is ${measure.status}.`);
        if (on < measure.doneOn!) throw accidentRules.field('input.on', 'range', `must not be before it was done (${measure.doneOn}).`);
        patch = { status: AccidentMeasureStatus.VERIFIED, verifiedOn: on };
      } else {
        if (measure.status !== AccidentMeasureStatus.OPEN) throw accidentRules.field('input.id', 'state', `only an OPEN measure is marked done; this one is ${measure.status}.`);
        patch = { status: AccidentMeasureStatus.DONE, doneOn: on };
      }
      if (input.note) patch = { ...patch, note: input.note };
      const updated = await updateRecord(tx, AccidentMeasure, 'AccidentMeasure', measure, input.version, patch, {
        action: 'enforcement.accident.recordMeasureProgress',
        ...recordEvent(E['enforcement.accident.measureUpdated'], () => accidentPayload(investigation)),
      });
      return updated;
    });
  }

  /** The id of a GB 6441 category by its code; NOT_FOUND naming the field when there is none. */
  private async categoryId(tx: RequestContext, code: string): Promise<string> {
    const [found] = await records(tx, AccidentCategories).where(sql`t.code = ${code}`).list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id'] });
    if (!found) throw new NotFoundError('AccidentCategory', code, 'input.categoryCode');
    return found.id;
  }

  /** The unit's report time: not in the future, not before the accident (rule `range`). */
  private checkUnitReport(tx: RequestContext, at: Date | null, occurredAt: Date): void {
    if (!at) return;
    if (at.getTime() > tx.clock.now().getTime()) throw accidentRules.field('input.unitReportedAt', 'notFuture', 'must not be in the future.');
    if (at.getTime() < occurredAt.getTime()) throw accidentRules.field('input.unitReportedAt', 'range', `must not be before the accident (${occurredAt.toISOString()}).`);
  }

  /** One workflow step: locked within the step's permission scope, at the version read, in a state it starts from, on a day not in the future. */
  private step(
    ctx: RequestContext,
    name: AccidentStep,
    input: { readonly id: string; readonly version: number; readonly on?: string },
    build: (tx: RequestContext, current: AccidentInvestigation, on: string) => Promise<Patch<Omit<AccidentInvestigation, 'status'>>>,
  ): Promise<AccidentInvestigation> {
    const today = ctx.clock.today();
    const on = input.on ?? today;
    assertNotFuture(on, 'input.on', today);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, AccidentInvestigations, ACCIDENT_WORKFLOW.permissionOf(name)).lock(input.id);
      return applyStep(tx, ACCIDENT_WORKFLOW, name, { current, version: input.version, patch: () => build(tx, current, on) });
    });
  }
}
