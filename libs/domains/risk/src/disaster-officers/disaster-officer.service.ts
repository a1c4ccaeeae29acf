import {
  assertNotFuture,
  ConflictError,
  SortDirection,
  createRecord,
  isChangeFeed,
  recordEvent,
  records,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type RequestContext,
} from '@platform/core';
import { Organization, OrganizationKind, OrganizationOrder, Organizations, Persons, organizationIdWithinSubtree, type OrganizationOrderInput } from '@platform/directory';
import { DisasterInformationOfficer } from './disaster-officer.entity';
import { DisasterOfficerOrder } from './disaster-officer.orders';
import { DisasterOfficerRole } from './disaster-officer.enums';
import { DisasterOfficers } from '../risk.entities';
import { riskEvents } from '../risk.events';
import { riskRules } from '../risk.rules';
import { RiskPermission } from '../permissions';
import type { AppointDisasterOfficerInput, DisasterOfficerListArgs, EndDisasterOfficerInput, VillagesWithoutDisasterOfficerArgs } from './disaster-officer.inputs';

const SERVED_KINDS = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** Villages without an officer are listed by name unless another order is asked for. */
const BY_NAME: readonly OrganizationOrderInput[] = [{ field: 'NAME', direction: SortDirection.ASC }];

export class DisasterOfficerService {
  list(ctx: RequestContext, args: DisasterOfficerListArgs, withCount: boolean): Promise<ConnectionResult<DisasterInformationOfficer>> {
    let officers = records(ctx, DisasterOfficers);
    const f = args.filter ?? {};
    // A change feed lists ended appointments too (tombstones: endedOn says so).
    if (!f.includeEnded && !isChangeFeed(f)) officers = officers.where(sql`t.ended_on IS NULL`);
    if (f.withinSubtreeOf) officers = officers.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.role) officers = officers.where(sql`t.role = ${f.role}`);
    if (f.missingRole != null) {
      // A serving officer of the same village in the other post (same organization, so within the same scope).
      const partner = sql`EXISTS ${records(ctx, DisasterOfficers).as('x').where(sql`x.organization_id = t.organization_id AND x.ended_on IS NULL AND x.role <> t.role`).subquery(sql`1`)}`;
      officers = officers.where(f.missingRole ? sql`NOT ${partner}` : partner);
    }
    return whereChanged(officers, f).page({ keys: DisasterOfficerOrder.keys(args.orderBy), page: args, withCount });
  }

  /** Villages and communities in the caller's scope without a serving primary (A岗) officer, by name unless told otherwise. */
  villagesWithoutOfficer(ctx: RequestContext, args: VillagesWithoutDisasterOfficerArgs, withCount: boolean): Promise<ConnectionResult<Organization>> {
    const primary = records(ctx, DisasterOfficers)
      .as('d')
      .where(sql`d.organization_id = t.id AND d.role = ${DisasterOfficerRole.A} AND d.ended_on IS NULL`)
      .subquery(sql`1`);
    let villages = records(ctx, Organizations, RiskPermission.RegisterRead)
      .where(sql`t.kind = ANY(${SERVED_KINDS}) AND t.archived_at IS NULL`)
      .where(sql`NOT EXISTS ${primary}`);
    if (args.filter?.withinSubtreeOf) villages = villages.where(organizationIdWithinSubtree('t.id', args.filter.withinSubtreeOf));
    return villages.page({ keys: OrganizationOrder.keys(args.orderBy?.length ? args.orderBy : BY_NAME), page: args, withCount });
  }

  async appoint(ctx: RequestContext, input: AppointDisasterOfficerInput): Promise<DisasterInformationOfficer> {
    assertNotFuture(input.appointedOn, 'input.appointedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      // FOR SHARE: an archive of the village waits for the appointment; a target missing or outside
      // the caller's register scope answers NOT_FOUND on the field, an archived one notArchived.
      const org = await records(tx, Organizations, RiskPermission.RegisterWrite).reference(input.organizationId, 'input.organizationId', { lock: 'share' });
      if (!SERVED_KINDS.includes(org.kind)) throw riskRules.field('input.organizationId', 'villageOrCommunity', 'information officers serve a village or a community.');
      const person = await records(tx, Persons).reference(input.personId, 'input.personId');
      const serving = await records(tx, DisasterOfficers, RiskPermission.RegisterWrite)
        .where(sql`t.organization_id = ${org.id} AND t.person_id = ${person.id} AND t.role = ${input.role} AND t.ended_on IS NULL`)
        .count();
      if (serving > 0) throw new ConflictError(`The person already serves as ${input.role} officer of this organization.`, { field: 'input.personId' });
      return createRecord(
        tx,
        DisasterInformationOfficer,
        'DisasterInformationOfficer',
        { organizationId: org.id, personId: person.id, role: input.role, appointedOn: input.appointedOn, endedOn: null },
        {
          action: 'risk.disaster-officer.appoint',
          changes: { ...input },
          ...recordEvent(riskEvents['risk.disaster-officer.appointed'], (officer: DisasterInformationOfficer) => ({ id: officer.id, organizationId: org.id, personId: person.id, role: officer.role })),
        },
      );
    });
  }

  /** Ends an appointment on a day; the record is kept and listed with `includeEnded`. */
  async end(ctx: RequestContext, input: EndDisasterOfficerInput): Promise<DisasterInformationOfficer> {
    assertNotFuture(input.endedOn, 'input.endedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await records(tx, DisasterOfficers, RiskPermission.RegisterWrite).lock(input.id);
      if (current.endedOn) throw riskRules.field('input.id', 'notEnded', `the appointment already ended on ${current.endedOn}.`);
      if (input.endedOn < current.appointedOn) throw riskRules.field('input.endedOn', 'afterAppointment', `must not be before the appointment on ${current.appointedOn}.`);
      return updateRecord(tx, DisasterInformationOfficer, 'DisasterInformationOfficer', current, input.version, { endedOn: input.endedOn }, {
        action: 'risk.disaster-officer.end',
        changes: { endedOn: input.endedOn },
        ...recordEvent(riskEvents['risk.disaster-officer.ended'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }
}
