import {
  BadUserInputError,
  assertNotFuture,
  ConflictError,
  NotFoundError,
  SortDirection,
  audit,
  paginate,
  transaction,
  updateRecord,
  type ConnectionResult,
  type PageRequest,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { Organization, OrganizationKind, assertReadablePerson, organizationIdInScope, organizationScope, withinSubtreeSql } from '@platform/directory';
import { IsNull, type SelectQueryBuilder } from 'typeorm';
import { DisasterInformationOfficer } from './disaster-officer.entity';
import { DisasterOfficerRole } from './disaster-officer.enums';
import { RiskPermission } from '../permissions';
import type { AppointDisasterOfficerInput, DisasterOfficerListArgs, EndDisasterOfficerInput } from './disaster-officer.inputs';

/** Newest appointment first, ties by id. */
export const disasterOfficerSortKeys = (alias: string): SortKey<DisasterInformationOfficer>[] => [
  { column: `${alias}.appointed_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

const SERVED_KINDS = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** Officers of organizations where the caller holds `permission` (alias `d`). */
export function scopedDisasterOfficers(ctx: RequestContext, permission: string = RiskPermission.RegisterRead): SelectQueryBuilder<DisasterInformationOfficer> {
  const scope = organizationIdInScope(ctx.principal, permission, 'd.organization_id');
  return ctx.manager.createQueryBuilder(DisasterInformationOfficer, 'd').where(scope.sql, scope.params);
}

export class DisasterOfficerService {
  list(ctx: RequestContext, args: DisasterOfficerListArgs, withCount: boolean): Promise<ConnectionResult<DisasterInformationOfficer>> {
    const qb = scopedDisasterOfficers(ctx);
    const f = args.filter ?? {};
    if (!f.includeEnded) qb.andWhere('d.ended_on IS NULL');
    if (f.withinSubtreeOf) qb.andWhere(withinSubtreeSql('d.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    if (f.role) qb.andWhere('d.role = :role', { role: f.role });
    if (f.missingRole != null) {
      const other = `EXISTS (SELECT 1 FROM disaster_information_officer x WHERE x.organization_id = d.organization_id AND x.ended_on IS NULL AND x.role <> d.role)`;
      qb.andWhere(f.missingRole ? `NOT ${other}` : other);
    }
    return paginate(qb, args, disasterOfficerSortKeys('d'), withCount);
  }

  /** Villages and communities in the caller's scope without a serving primary (A岗) officer, by name. */
  villagesWithoutOfficer(ctx: RequestContext, page: PageRequest, withCount: boolean): Promise<ConnectionResult<Organization>> {
    const scope = organizationScope(ctx.principal, RiskPermission.RegisterRead, 'o.path', 'o.id');
    const qb = ctx.manager
      .createQueryBuilder(Organization, 'o')
      .where(scope.sql, scope.params)
      .andWhere('o.kind IN (:...kinds) AND o.archived_at IS NULL', { kinds: SERVED_KINDS })
      .andWhere(`NOT EXISTS (SELECT 1 FROM disaster_information_officer d WHERE d.organization_id = o.id AND d.role = :primary AND d.ended_on IS NULL)`, {
        primary: DisasterOfficerRole.A,
      });
    return paginate(
      qb,
      page,
      [
        { column: 'o.name', direction: SortDirection.ASC },
        { column: 'o.id', direction: SortDirection.ASC },
      ],
      withCount,
    );
  }

  async appoint(ctx: RequestContext, input: AppointDisasterOfficerInput): Promise<DisasterInformationOfficer> {
    assertNotFuture(input.appointedOn, 'input.appointedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const scope = organizationScope(tx.principal, RiskPermission.RegisterWrite, 'o.path', 'o.id');
      // FOR SHARE: an archive of the village waits for the appointment; a target outside the scope is answered like a missing one.
      const org = await tx.manager
        .createQueryBuilder(Organization, 'o')
        .where('o.id = :id AND o.archived_at IS NULL', { id: input.organizationId })
        .andWhere(scope.sql, scope.params)
        .setLock('pessimistic_read')
        .getOne();
      if (!org) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${input.organizationId} within your register scope.`);
      if (!SERVED_KINDS.includes(org.kind)) throw BadUserInputError.field('input.organizationId', 'villageOrCommunity', 'information officers serve a village or a community.');
      const person = await assertReadablePerson(tx, input.personId, 'input.personId');
      const serving = await tx.manager.existsBy(DisasterInformationOfficer, { organizationId: org.id, personId: person.id, role: input.role, endedOn: IsNull() });
      if (serving) throw new ConflictError(`The person already serves as ${input.role} officer of this organization.`, { field: 'input.personId' });
      const officer = await tx.manager.save(
        tx.manager.create(DisasterInformationOfficer, { organizationId: org.id, personId: person.id, role: input.role, appointedOn: input.appointedOn, endedOn: null }),
      );
      await audit(tx, { action: 'risk.disaster-officer.appoint', entityType: 'DisasterInformationOfficer', entityId: officer.id, changes: { ...input } });
      await tx.emit('risk.disaster-officer.appointed', { id: officer.id, organizationId: org.id, personId: person.id, role: officer.role });
      return officer;
    });
  }

  /** Ends an appointment on a day; the record is kept and listed with `includeEnded`. */
  async end(ctx: RequestContext, input: EndDisasterOfficerInput): Promise<DisasterInformationOfficer> {
    assertNotFuture(input.endedOn, 'input.endedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await scopedDisasterOfficers(tx, RiskPermission.RegisterWrite).andWhere('d.id = :id', { id: input.id }).setLock('pessimistic_write').getOne();
      if (!current) throw new NotFoundError('DisasterInformationOfficer', input.id);
      if (current.endedOn) throw BadUserInputError.field('input.id', 'notEnded', `the appointment already ended on ${current.endedOn}.`);
      if (input.endedOn < current.appointedOn) throw BadUserInputError.field('input.endedOn', 'afterAppointment', `must not be before the appointment on ${current.appointedOn}.`);
      return updateRecord(tx, DisasterInformationOfficer, 'DisasterInformationOfficer', current, input.version, { endedOn: input.endedOn }, { action: 'risk.disaster-officer.end', event: 'risk.disaster-officer.ended', payload: { id: current.id, organizationId: current.organizationId }, changes: { endedOn: input.endedOn } });
    });
  }
}
