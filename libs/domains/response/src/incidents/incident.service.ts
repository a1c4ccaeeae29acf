import {
  assertNotBefore,
  ForbiddenError,
  NotFoundError,
  SortDirection,
  applyStep,
  assertVersion,
  createRecord,
  demand,
  diff,
  localDaySql,
  locationColumns,
  raw,
  recordEvent,
  records,
  sentFields,
  spatialConditions,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type GeoFilter,
  type Patch,
  type Records,
  type RequestContext,
  type ScopedEntity,
  type SortKey,
  type Sql,
} from '@platform/core';
import { OrganizationKind, Organizations, organizationIdWithinSubtree } from '@platform/directory';
import { Hazards } from '@domains/risk';
import { Warnings } from '@domains/warnings';
import { DamageReport, Incident, type IncidentHazard, type IncidentOrganization, type IncidentWarning } from './incident.entity';
import { DamageReportKind, INCIDENT_STATUS_ORDER, IncidentStatus, type IncidentType } from './incident.enums';
import type { IncidentTypeDamage } from './incident.types';
import { INCIDENT_WORKFLOW, incidentStepTo } from './incident-transitions';
import { IncidentOrder } from './incident.orders';
import { AFFECTED_ORGANIZATIONS, LINKED_HAZARDS, LINKED_WARNINGS, deleteIncidentLinks, insertIncidentLinks, type IncidentLink } from './incident-links.sql';
import { incidentTypeDamage } from './incident-summary.sql';
import { DamageReports, IncidentHazards, IncidentOrganizations, IncidentWarnings, Incidents } from '../response.entities';
import { responseEvents } from '../response.events';
import { responseRules } from '../response.rules';
import { ResponsePermission } from '../permissions';
import type {
  AddDamageReportInput,
  DamageReportFiguresInput,
  IncidentDamageSummaryArgs,
  IncidentListArgs,
  LinkIncidentHazardsInput,
  LinkIncidentWarningsInput,
  MoveIncidentInput,
  OpenIncidentInput,
  UpdateIncidentInput,
} from './incident.inputs';

/** Reports of an incident in the order sent (sequence is unique per incident; the id closes the order). */
export const damageReportSortKeys = (alias: string): SortKey<DamageReport>[] => [
  { column: `${alias}.sequence`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Properties the keyset orders read (besides the id): a page must load them whatever is selected. */
export const INCIDENT_KEY_PROPERTIES = ['occurredAt'];
export const DAMAGE_REPORT_KEY_PROPERTIES = ['sequence'];

/** Organizations an incident may affect. */
const AFFECTED_KINDS: readonly string[] = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** At most this many links of one kind per incident are read when they are replaced (inputs allow 50 at a time). */
const MAX_LINKS_READ = 10_000;

/** The list and summary filters shared by `incidents` and `incidentDamageSummary`, as conditions over `alias`. */
function incidentFilters(alias: string, f: GeoFilter & { from?: string; to?: string; withinSubtreeOf?: string; types?: IncidentType[]; statuses?: IncidentStatus[] }, prefix: string): Sql[] {
  assertNotBefore(f.from, f.to, `${prefix}to`, 'from');
  const conditions: Sql[] = [];
  if (f.withinSubtreeOf) {
    // Reported by, or affecting, an organization of the subtree.
    const link = `${alias}_sx`;
    conditions.push(
      sql`(${organizationIdWithinSubtree(`${alias}.reporting_organization_id`, f.withinSubtreeOf)} OR EXISTS (SELECT 1 FROM incident_organization ${raw(link)} WHERE ${raw(`${link}.incident_id = ${alias}.id`)} AND ${organizationIdWithinSubtree(`${link}.organization_id`, f.withinSubtreeOf)}))`,
    );
  }
  if (f.types?.length) conditions.push(sql`${raw(`${alias}.type`)} = ANY(${f.types})`);
  if (f.statuses?.length) conditions.push(sql`${raw(`${alias}.status`)} = ANY(${f.statuses})`);
  if (f.from) conditions.push(sql`${raw(localDaySql(`${alias}.occurred_at`))} >= CAST(${f.from} AS date)`);
  if (f.to) conditions.push(sql`${raw(localDaySql(`${alias}.occurred_at`))} <= CAST(${f.to} AS date)`);
  return [...conditions, ...spatialConditions(f, alias)];
}

/** These records narrowed by every condition. */
function narrowed<T extends object>(records: Records<T>, conditions: readonly Sql[]): Records<T> {
  return conditions.reduce((r, c) => r.where(c), records);
}

/** The figures of a report input, omitted ones 0, with the crop rule (绝收 is part of 受灾). */
function figures(input: DamageReportFiguresInput, prefix: string): Patch<DamageReport> {
  const f = {
    affectedPeople: input.affectedPeople ?? 0,
    relocatedPeople: input.relocatedPeople ?? 0,
    deaths: input.deaths ?? 0,
    missing: input.missing ?? 0,
    injured: input.injured ?? 0,
    seriouslyInjured: input.seriouslyInjured ?? 0,
    housesCollapsed: input.housesCollapsed ?? 0,
    housesSeverelyDamaged: input.housesSeverelyDamaged ?? 0,
    housesSlightlyDamaged: input.housesSlightlyDamaged ?? 0,
    cropAreaHectares: input.cropAreaHectares ?? 0,
    cropFailureHectares: input.cropFailureHectares ?? 0,
    directEconomicLossYuan: input.directEconomicLossYuan ?? '0.00',
    note: input.note || null,
  };
  if (f.seriouslyInjured > f.injured) {
    throw responseRules.field(`${prefix}seriouslyInjured`, 'notAboveInjured', `the seriously injured (${f.seriouslyInjured}) are part of the injured (${f.injured}) and cannot exceed them.`);
  }
  if (f.cropFailureHectares > f.cropAreaHectares) {
    throw responseRules.field(`${prefix}cropFailureHectares`, 'notAboveCropArea', `the crop area with total failure (${f.cropFailureHectares} ha) is part of the area affected (${f.cropAreaHectares} ha) and cannot exceed it.`);
  }
  return f;
}

/** The incident fields of an open input (the initial report gets its own audit entry). */
const withoutReport = ({ initialReport: _r, ...rest }: OpenIncidentInput): Record<string, unknown> => ({ ...rest });

/** What an audit entry keeps of a report. */
const reportChanges = (r: DamageReport): Record<string, unknown> => {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};

/** The areas of the summary, summed as numeric text by the statement and answered as numbers (people and houses come as int, money stays decimal text). */
const AREAS = ['cropAreaHectares', 'cropFailureHectares'];

export class IncidentService {
  /** One incident by id if the caller may read it. */
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<Incident | null> {
    return records(ctx, Incidents).one(id, properties);
  }

  list(ctx: RequestContext, args: IncidentListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<Incident>> {
    const f = args.filter ?? {};
    return whereChanged(narrowed(records(ctx, Incidents), incidentFilters('t', f, 'filter.')), f).page({ keys: IncidentOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * Per incident type: how many incidents (in scope, happened in the period) and the sums of each
   * incident's counting figures (its VERIFIED report, else its latest), in one statement.
   */
  async damageSummary(ctx: RequestContext, args: IncidentDamageSummaryArgs): Promise<IncidentTypeDamage[]> {
    const scoped = narrowed(records(ctx, Incidents).as('s'), incidentFilters('s', args, ''));
    const rows = await incidentTypeDamage(ctx, scoped.subquery(sql`s.id, s.type`));
    return rows.map((r) => {
      const out: Record<string, unknown> = { ...r };
      for (const n of AREAS) out[n] = Number(r[n]);
      return out as unknown as IncidentTypeDamage;
    });
  }

  async open(ctx: RequestContext, input: OpenIncidentInput): Promise<Incident> {
    const now = ctx.clock.now();
    if (input.occurredAt > now) throw responseRules.field('input.occurredAt', 'notFuture', 'must not be in the future.');
    const affected = [...new Set(input.affectedOrganizationIds ?? [])];
    const initial = input.initialReport ? figures(input.initialReport, 'input.initialReport.') : null;
    const reportedAt = input.initialReport?.reportedAt ?? now;
    if (initial) this.checkReportedAt(reportedAt, now, input.occurredAt, null, 'input.initialReport.reportedAt');
    return transaction(ctx, async (tx) => {
      // Missing or beyond the caller's report scope: NOT_FOUND on the field; archived: notArchived.
      const org = await records(tx, Organizations, ResponsePermission.IncidentReport).reference(input.reportingOrganizationId, 'input.reportingOrganizationId');
      await this.checkAffected(tx, input.affectedOrganizationIds ?? [], new Set(affected));
      const incident = await createRecord(
        tx,
        Incident,
        'Incident',
        {
          reportingOrganizationId: org.id,
          type: input.type,
          title: input.title,
          occurredAt: input.occurredAt,
          place: input.place,
          ...locationColumns(input.location),
          status: IncidentStatus.OPEN,
          description: input.description ?? null,
          closedAt: null,
        },
        {
          action: 'rescue.incident.open',
          changes: { ...withoutReport(input), affectedOrganizationIds: affected },
          ...recordEvent(responseEvents['rescue.incident.opened'], (i: Incident) => ({ id: i.id, reportingOrganizationId: org.id, type: i.type, affectedOrganizationIds: affected })),
        },
      );
      await insertIncidentLinks(tx, AFFECTED_ORGANIZATIONS, incident.id, affected);
      if (initial) await this.insertReport(tx, incident, DamageReportKind.INITIAL, 1, reportedAt, initial);
      return incident;
    });
  }

  async update(ctx: RequestContext, input: UpdateIncidentInput): Promise<Incident> {
    const now = ctx.clock.now();
    if (input.occurredAt && input.occurredAt > now) throw responseRules.field('input.occurredAt', 'notFuture', 'must not be in the future.');
    return transaction(ctx, async (tx) => {
      const current = await this.openForChange(tx, input.id);
      const patch: Patch<Incident> = sentFields(input, ['type', 'title', 'place', 'description']);
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      if (input.occurredAt !== undefined && input.occurredAt.getTime() !== current.occurredAt.getTime()) {
        const [first] = await records(tx, DamageReports, ResponsePermission.IncidentReport)
          .where(sql`t.incident_id = ${current.id}`)
          .aggregate<{ first: Date | null }>(sql`min(t.reported_at) AS "first"`);
        if (first?.first && input.occurredAt > new Date(first.first)) {
          throw responseRules.field('input.occurredAt', 'notAfterReports', `must not be after the first damage report (${new Date(first.first).toISOString()}).`);
        }
        patch.occurredAt = input.occurredAt;
      }
      let affectedChange: { added: string[]; removed: string[] } | null = null;
      if (input.affectedOrganizationIds !== undefined) {
        const wanted = [...new Set(input.affectedOrganizationIds)];
        const existing = (await this.linksOf(tx, IncidentOrganizations, AFFECTED_ORGANIZATIONS, current.id)).map((l: IncidentOrganization) => l.organizationId);
        const added = wanted.filter((id) => !existing.includes(id));
        const removed = existing.filter((id) => !wanted.includes(id));
        await this.checkAffected(tx, input.affectedOrganizationIds, new Set(added));
        // Links to villages outside the caller's write scope can only be removed by someone who holds that scope.
        if (removed.length) {
          const removable = await records(tx, Organizations, ResponsePermission.IncidentReport).many(removed, ['id']);
          const kept = removed.filter((_, i) => !removable[i]);
          if (kept.length) throw responseRules.field('input.affectedOrganizationIds', 'exists', `cannot remove organizations outside your incident report scope: ${kept.join(', ')}.`);
          await deleteIncidentLinks(tx, AFFECTED_ORGANIZATIONS, current.id, removed);
        }
        await insertIncidentLinks(tx, AFFECTED_ORGANIZATIONS, current.id, added);
        if (added.length || removed.length) affectedChange = { added, removed };
      }
      // Every update moves the version, also one that changes only the affected villages.
      if (!Object.keys(patch).length) patch.updatedAt = () => 'now()';
      return updateRecord(tx, Incident, 'Incident', current, input.version, patch, {
        action: 'rescue.incident.update',
        ...recordEvent(responseEvents['rescue.incident.updated'], (updated: Incident) => ({ id: current.id, reportingOrganizationId: updated.reportingOrganizationId })),
        changes: (updated) => ({ ...diff(current, updated), ...(affectedChange ? { affectedOrganizations: affectedChange } : {}) }),
      });
    });
  }

  /**
   * Moves an incident to the next status (`INCIDENT_WORKFLOW`): the incident must be in the caller's
   * report scope (else NOT_FOUND), at the version read (else CONFLICT) and the status asked for must
   * be the next one (else BAD_USER_INPUT rule `state` on `input.status`); closing needs
   * rescue.incident:verify over its reporting organization (else FORBIDDEN).
   */
  async move(ctx: RequestContext, input: MoveIncidentInput): Promise<Incident> {
    if (input.status === IncidentStatus.CLOSED) demand(ctx.principal, ResponsePermission.IncidentVerify);
    const step = incidentStepTo(input.status);
    return transaction(ctx, async (tx) => {
      const current = await records(tx, Incidents, ResponsePermission.IncidentReport).lock(input.id);
      if (!step) {
        // No step leads back to the first status.
        assertVersion(INCIDENT_WORKFLOW.entityName, current, input.version);
        const next = INCIDENT_STATUS_ORDER[INCIDENT_STATUS_ORDER.indexOf(current.status) + 1];
        throw responseRules.field('input.status', 'state', next ? `an incident that is ${current.status} moves to ${next} only (asked ${input.status}).` : `the incident is ${current.status}: it takes no more changes.`);
      }
      return applyStep(tx, INCIDENT_WORKFLOW, step, {
        current,
        version: input.version,
        field: 'input.status',
        patch: step === 'close' ? { closedAt: tx.clock.now() } : {},
        check: step === 'close' ? () => this.checkVerifyScope(tx, current) : undefined,
      });
    });
  }

  /** Replaces the linked warnings the caller may read (the warnings module's `Warnings`: rescue.warning:read over the issuer or a target village). */
  async linkWarnings(ctx: RequestContext, input: LinkIncidentWarningsInput): Promise<Incident> {
    return transaction(ctx, async (tx) => {
      const current = await this.openForChange(tx, input.id);
      const change = await this.replaceLinks(tx, current.id, input.warningIds, 'input.warningIds', LINKED_WARNINGS, IncidentWarnings, (l: IncidentWarning) => l.warningId, () => records(tx, Warnings));
      return updateRecord(tx, Incident, 'Incident', current, input.version, { updatedAt: () => 'now()' }, {
        action: 'rescue.incident.link-warnings',
        ...recordEvent(responseEvents['rescue.incident.warningsLinked'], { id: current.id, reportingOrganizationId: current.reportingOrganizationId, ...change }),
        changes: { warnings: change },
      });
    });
  }

  /** Replaces the linked hazards the caller may read (risk's `Hazards`: risk.hazard:read over the hazard's organization). */
  async linkHazards(ctx: RequestContext, input: LinkIncidentHazardsInput): Promise<Incident> {
    return transaction(ctx, async (tx) => {
      const current = await this.openForChange(tx, input.id);
      const change = await this.replaceLinks(tx, current.id, input.hazardIds, 'input.hazardIds', LINKED_HAZARDS, IncidentHazards, (l: IncidentHazard) => l.hazardId, () => records(tx, Hazards));
      return updateRecord(tx, Incident, 'Incident', current, input.version, { updatedAt: () => 'now()' }, {
        action: 'rescue.incident.link-hazards',
        ...recordEvent(responseEvents['rescue.incident.hazardsLinked'], { id: current.id, reportingOrganizationId: current.reportingOrganizationId, ...change }),
        changes: { hazards: change },
      });
    });
  }

  /**
   * Sends a damage report: INITIAL first and once, CONTINUED after it, VERIFIED (rescue.incident:verify)
   * at most once and last. The incident is locked, so sequences never clash; its version is not changed.
   */
  async addReport(ctx: RequestContext, input: AddDamageReportInput): Promise<DamageReport> {
    if (input.kind === DamageReportKind.VERIFIED) demand(ctx.principal, ResponsePermission.IncidentVerify);
    const values = figures(input, 'input.');
    const now = ctx.clock.now();
    return transaction(ctx, async (tx) => {
      const incident = await this.openForChange(tx, input.incidentId, 'input.incidentId');
      if (input.kind === DamageReportKind.VERIFIED) await this.checkVerifyScope(tx, incident);
      const [last] = await records(tx, DamageReports, ResponsePermission.IncidentReport)
        .where(sql`t.incident_id = ${incident.id}`)
        .list({ keys: [{ column: 't.sequence', direction: SortDirection.DESC }], limit: 1, properties: ['sequence', 'reportedAt', 'kind'] });
      if (!last && input.kind !== DamageReportKind.INITIAL) throw responseRules.field('input.kind', 'initialFirst', `the first report of an incident is the INITIAL report (初报); ${input.kind} comes after it.`);
      if (last && input.kind === DamageReportKind.INITIAL) throw responseRules.field('input.kind', 'oneInitial', 'the incident already has its INITIAL report (初报): send a CONTINUED report (续报).');
      // The VERIFIED report is always the last one.
      if (last?.kind === DamageReportKind.VERIFIED) throw responseRules.field('input.kind', 'verifiedLast', 'the incident already has its VERIFIED report (核报), the last one: no more reports.');
      const reportedAt = input.reportedAt ?? now;
      this.checkReportedAt(reportedAt, now, incident.occurredAt, last ? last.reportedAt : null, 'input.reportedAt');
      return this.insertReport(tx, incident, input.kind, last ? last.sequence + 1 : 1, reportedAt, values);
    });
  }

  private insertReport(tx: RequestContext, incident: Incident, kind: DamageReportKind, sequence: number, reportedAt: Date, values: Patch<DamageReport>): Promise<DamageReport> {
    const principal = tx.principal;
    return createRecord(
      tx,
      DamageReport,
      'DamageReport',
      {
        ...values,
        incidentId: incident.id,
        kind,
        sequence,
        reportedAt,
        reportedByUserId: principal.kind === 'user' ? principal.id : null,
        reportedByPersonId: principal.personId ?? null,
      },
      {
        action: 'rescue.damage-report.add',
        changes: reportChanges,
        ...recordEvent(responseEvents['rescue.incident.damageReported'], (r: DamageReport) => ({ id: r.id, incidentId: incident.id, reportingOrganizationId: incident.reportingOrganizationId, kind, sequence })),
      },
    );
  }

  private checkReportedAt(reportedAt: Date, now: Date, occurredAt: Date, previous: Date | null, field: string): void {
    if (reportedAt > now) throw responseRules.field(field, 'notFuture', 'must not be in the future.');
    if (reportedAt < occurredAt) throw responseRules.field(field, 'notBeforeOccurred', `must not be before the incident happened (${occurredAt.toISOString()}).`);
    if (previous && reportedAt < previous) throw responseRules.field(field, 'notBeforePrevious', `must not be before the previous report (${previous.toISOString()}).`);
  }

  /** Verifying and closing need rescue.incident:verify over the incident's reporting organization. */
  private async checkVerifyScope(tx: RequestContext, incident: Incident): Promise<void> {
    if (!(await records(tx, Incidents, ResponsePermission.IncidentVerify).exists(incident.id))) {
      throw new ForbiddenError(`You do not hold the permission ${ResponsePermission.IncidentVerify} over the incident's reporting organization.`, ResponsePermission.IncidentVerify);
    }
  }

  /**
   * The affected organizations of `requested` (an input list) that are in `only`: each within the
   * caller's report scope (else NOT_FOUND naming `input.affectedOrganizationIds.<index>`), not
   * archived, and a village or community (else BAD_USER_INPUT `kind`). One statement.
   */
  private async checkAffected(tx: RequestContext, requested: readonly string[], only: ReadonlySet<string>): Promise<void> {
    if (!only.size) return;
    const field = 'input.affectedOrganizationIds';
    const rows = await records(tx, Organizations, ResponsePermission.IncidentReport).many(requested, ['kind', 'archivedAt']);
    const wrong: string[] = [];
    requested.forEach((id, i) => {
      if (!only.has(id)) return;
      const org = rows[i];
      if (!org) throw new NotFoundError(Organizations.typeName, id, `${field}.${i}`);
      if (org.archivedAt) throw responseRules.field(`${field}.${i}`, 'notArchived', `Organization ${id} is archived.`);
      if (!AFFECTED_KINDS.includes(org.kind)) wrong.push(id);
    });
    if (wrong.length) throw responseRules.field(field, 'kind', `affected organizations are villages and communities: ${[...new Set(wrong)].join(', ')} is not.`);
  }

  /** Every link of one kind of the incident (locked by the caller), whatever the caller may read of the linked records. */
  private linksOf<L extends IncidentOrganization | IncidentWarning | IncidentHazard>(tx: RequestContext, links: ScopedEntity<L>, link: IncidentLink, incidentId: string): Promise<L[]> {
    return unscoped(tx, links, 'the links of an incident the caller locked for a change: which it adds, which it may remove and which it keeps unseen')
      .where(sql`t.incident_id = ${incidentId}`)
      .list({ keys: [{ column: `t.${link.column}`, direction: SortDirection.ASC }], limit: MAX_LINKS_READ });
  }

  /**
   * Makes the links the caller may see exactly `requested`: each must be a record the caller may
   * read (else NOT_FOUND naming `<field>.<index>`); readable links not wanted are removed; links to
   * records the caller may not read stay.
   */
  private async replaceLinks<L extends IncidentWarning | IncidentHazard>(
    tx: RequestContext,
    incidentId: string,
    requested: readonly string[],
    field: string,
    link: IncidentLink,
    links: ScopedEntity<L>,
    target: (l: L) => string,
    readable: () => Records<{ id: string }>,
  ): Promise<{ added: string[]; removed: string[] }> {
    await readable().referenceAll(requested, field, { properties: ['id'] });
    const wanted = [...new Set(requested)];
    const existing = (await this.linksOf(tx, links, link, incidentId)).map(target);
    const visible = new Set((await readable().many(existing, ['id'])).flatMap((r) => (r ? [r.id] : [])));
    const removed = existing.filter((id) => visible.has(id) && !wanted.includes(id));
    const added = wanted.filter((id) => !existing.includes(id));
    await deleteIncidentLinks(tx, link, incidentId, removed);
    await insertIncidentLinks(tx, link, incidentId, added);
    return { added, removed };
  }

  /**
   * An incident the caller may report on, locked, and not closed (BAD_USER_INPUT `notClosed` on
   * `field`). Out of scope answers NOT_FOUND like a missing one (naming `field` when the incident is
   * referred to by another record's input, `input.incidentId`).
   */
  private async openForChange(tx: RequestContext, id: string, field = 'input.id'): Promise<Incident> {
    const incidents = records(tx, Incidents, ResponsePermission.IncidentReport);
    const incident = field === 'input.id' ? await incidents.lock(id) : await incidents.reference(id, field, { lock: 'update' });
    if (incident.status === IncidentStatus.CLOSED) throw responseRules.field(field, 'notClosed', 'the incident is closed: it takes no more changes or reports.');
    return incident;
  }
}
