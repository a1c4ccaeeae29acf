import {
  assertNotFuture,
  assertVersion,
  archiveRecord,
  businessRules,
  createRecord,
  recordEvent,
  records,
  sql,
  todayInChina,
  transaction,
  updateRecord,
  whereChanged,
  addDays,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Organizations, Persons } from '@platform/directory';
import { Warnings } from '@domains/warnings';
import { PUBLICITY_CALENDAR_RULE, type PublicityCalendar } from '../business-rules/publicity';
import { PublicityKind, type PublicityTarget } from './publicity.enums';
import { EvacuationCommendations, PublicityActivities } from './publicity.entities';
import { publicityEvents } from './publicity.events';
import { PublicityPermission } from './publicity.permissions';
import { publicityRules } from './publicity.rules';
import { CommendationOrder, PublicityActivityOrder } from './publicity.orders';
import { heldWithinOrganizationSql } from './publicity.sql';
import { PublicityActivity } from './publicity-activity.entity';
import { EvacuationCommendation } from './evacuation-commendation.entity';
import type { CommendationListArgs, PublicityActivityListArgs, RecordEvacuationCommendationInput, RecordPublicityActivityInput, RemovePublicityActivityInput, UpdatePublicityActivityInput } from './publicity.inputs';

/** Properties the default keyset orders read (besides the id). */
export const ACTIVITY_KEY_PROPERTIES = ['heldOn'];
export const COMMENDATION_KEY_PROPERTIES = ['commendedOn'];

const payloadOf = (a: PublicityActivity) => ({ id: a.id, organizationId: a.organizationId, kind: a.kind, heldOn: a.heldOn });

/**
 * Refuses a campaign activity held outside its period of the calendar version in force on its day
 * (安全生产月 in its month, 消防宣传月 likewise, 防灾减灾日 within the window around its day), and a
 * FIVE_INTO activity without a target.
 */
async function checkKind(tx: RequestContext, kind: PublicityKind, heldOn: string, target: PublicityTarget | null | undefined): Promise<void> {
  assertNotFuture(heldOn, 'input.heldOn', tx.clock.today());
  if (kind === PublicityKind.FIVE_INTO && !target) throw publicityRules.field('input.target', 'required', 'a 宣传五进 activity names its target.');
  if (kind === PublicityKind.FIVE_INTO || kind === PublicityKind.OTHER) return;
  const rule = await businessRules.inForce(tx, PUBLICITY_CALENDAR_RULE, heldOn, 'input.heldOn');
  const c = rule.value as PublicityCalendar;
  const month = Number(heldOn.slice(5, 7));
  if (kind === PublicityKind.SAFETY_MONTH && month !== c.safetyMonth) throw publicityRules.field('input.heldOn', 'calendar', `安全生产月 is held in month ${c.safetyMonth}.`);
  if (kind === PublicityKind.FIRE_SAFETY_MONTH && month !== c.fireSafetyMonth) throw publicityRules.field('input.heldOn', 'calendar', `消防宣传月 is held in month ${c.fireSafetyMonth}.`);
  if (kind === PublicityKind.DISASTER_PREVENTION_DAY) {
    const day = `${heldOn.slice(0, 4)}-${c.disasterPreventionDay}`;
    if (heldOn < addDays(day, -c.disasterPreventionWindowDays) || heldOn > addDays(day, c.disasterPreventionWindowDays)) {
      throw publicityRules.field('input.heldOn', 'calendar', `防灾减灾日 activities are held within ${c.disasterPreventionWindowDays} days of ${day}.`);
    }
  }
}

/** Publicity activities and commendations. */
export class PublicityService {
  activityById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<PublicityActivity | null> {
    return records(ctx, PublicityActivities).one(id, properties);
  }

  activities(ctx: RequestContext, args: PublicityActivityListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<PublicityActivity>> {
    const f = args.filter ?? {};
    let rows = records(ctx, PublicityActivities);
    if (!f.updatedSince) rows = rows.where(sql`t.archived_at IS NULL`);
    if (f.kinds?.length) rows = rows.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.targets?.length) rows = rows.where(sql`t.target = ANY(${f.targets})`);
    if (f.withinOrganizationId) rows = rows.where(heldWithinOrganizationSql('t', f.withinOrganizationId));
    if (f.heldFrom) rows = rows.where(sql`t.held_on >= CAST(${f.heldFrom} AS date)`);
    if (f.heldTo) rows = rows.where(sql`t.held_on <= CAST(${f.heldTo} AS date)`);
    return whereChanged(rows, f).page({ keys: PublicityActivityOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** 登记: at an organization in the caller's manage scope, its kind in its period. */
  recordActivity(ctx: RequestContext, input: RecordPublicityActivityInput): Promise<PublicityActivity> {
    return transaction(ctx, async (tx) => {
      await records(tx, Organizations, PublicityPermission.Manage).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      await checkKind(tx, input.kind, input.heldOn, input.target);
      return createRecord(
        tx,
        PublicityActivity,
        'PublicityActivity',
        { kind: input.kind, title: input.title, heldOn: input.heldOn, organizationId: input.organizationId, target: input.target ?? null, audienceCount: input.audienceCount, summary: input.summary ?? null, archivedAt: null },
        { action: 'reporting.publicity-activity.record', ...recordEvent(publicityEvents['reporting.publicity-activity.recorded'], payloadOf) },
      );
    });
  }

  /** 更正: an activity in the caller's manage scope that is not removed; kind, day and target checked together. */
  updateActivity(ctx: RequestContext, input: UpdatePublicityActivityInput): Promise<PublicityActivity> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, PublicityActivities, PublicityPermission.Manage).lock(input.id);
      assertVersion('PublicityActivity', current, input.version);
      if (current.archivedAt) throw publicityRules.field('input.id', 'notArchived', 'the activity was removed.');
      const kind = input.kind ?? current.kind;
      const heldOn = input.heldOn ?? current.heldOn;
      const target = input.target === undefined ? current.target : input.target;
      await checkKind(tx, kind, heldOn, target);
      const patch: Patch<PublicityActivity> = { kind, heldOn, target };
      if (input.title !== undefined) patch.title = input.title;
      if (input.audienceCount !== undefined) patch.audienceCount = input.audienceCount;
      if (input.summary !== undefined) patch.summary = input.summary;
      return updateRecord(tx, PublicityActivity, 'PublicityActivity', current, input.version, patch, {
        action: 'reporting.publicity-activity.update',
        ...recordEvent(publicityEvents['reporting.publicity-activity.updated'], payloadOf),
      });
    });
  }

  /** 删除: kept for the audit, no longer listed or counted. */
  removeActivity(ctx: RequestContext, input: RemovePublicityActivityInput): Promise<PublicityActivity> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, PublicityActivities, PublicityPermission.Manage).lock(input.id);
      assertVersion('PublicityActivity', current, input.version);
      if (current.archivedAt) throw publicityRules.field('input.id', 'notArchived', 'the activity was removed already.');
      return archiveRecord(tx, PublicityActivity, 'PublicityActivity', current, input.version, {
        action: 'reporting.publicity-activity.remove',
        ...recordEvent(publicityEvents['reporting.publicity-activity.removed'], payloadOf),
        changes: { reason: input.reason ?? null },
      });
    });
  }

  commendationById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<EvacuationCommendation | null> {
    return records(ctx, EvacuationCommendations).one(id, properties);
  }

  commendations(ctx: RequestContext, args: CommendationListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<EvacuationCommendation>> {
    const f = args.filter ?? {};
    let rows = records(ctx, EvacuationCommendations);
    if (f.warningId) rows = rows.where(sql`t.warning_id = ${f.warningId}`);
    if (f.organizationId) rows = rows.where(sql`t.organization_id = ${f.organizationId}`);
    return whereChanged(rows, f).page({ keys: CommendationOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** 表扬: for a warning the caller may read, of an organization in its manage scope, dated not before the warning was sent. */
  recordCommendation(ctx: RequestContext, input: RecordEvacuationCommendationInput): Promise<EvacuationCommendation> {
    return transaction(ctx, async (tx) => {
      const warning = await records(tx, Warnings).reference(input.warningId, 'input.warningId', { properties: ['id', 'sentAt'] });
      await records(tx, Organizations, PublicityPermission.Manage).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      if (input.personId) await records(tx, Persons).reference(input.personId, 'input.personId', { properties: ['id'] });
      const commendedOn = input.commendedOn ?? tx.clock.today();
      assertNotFuture(commendedOn, 'input.commendedOn', tx.clock.today());
      const sentOn = todayInChina(warning.sentAt);
      if (commendedOn < sentOn) throw publicityRules.field('input.commendedOn', 'beforeWarning', `must not be before the warning was sent (${sentOn}).`);
      return createRecord(
        tx,
        EvacuationCommendation,
        'EvacuationCommendation',
        {
          warningId: warning.id,
          organizationId: input.organizationId,
          personId: input.personId ?? null,
          commendedName: input.commendedName,
          evacuatedCount: input.evacuatedCount,
          reason: input.reason,
          commendedOn,
          documentNumber: input.documentNumber ?? null,
        },
        { action: 'reporting.evacuation-commendation.record', ...recordEvent(publicityEvents['reporting.evacuation-commendation.recorded'], (c: EvacuationCommendation) => ({ id: c.id, warningId: c.warningId, organizationId: c.organizationId })) },
      );
    });
  }
}
