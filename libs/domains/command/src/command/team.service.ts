import { assertVersion, BadUserInputError, ConflictError, NotFoundError, SortDirection, assertNotFuture, archiveRecord, audit, paginateRows, lockActiveOrFail, readOne, transaction, updateRecord, type ArchiveInput, type ConnectionResult, type RequestContext, type SortKey } from '@platform/core';
import { assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import { IsNull } from 'typeorm';
import { RescueTeam, TeamEquipment, TeamMember } from './rescue-team.entity';
import { RescueTeamActivityKind, RescueTeamReadiness, TeamEquipmentCondition } from './command.enums';
import { CommandPermission } from '../permissions';
import type {
  AddTeamEquipmentInput,
  AddTeamMemberInput,
  CreateRescueTeamInput,
  EndTeamMembershipInput,
  RecordTeamActivityInput,
  RescueTeamListArgs,
  UpdateRescueTeamInput,
  UpdateTeamEquipmentInput,
  UpdateTeamMemberInput,
} from './team.inputs';

/** Teams by name; the id makes the order total. */
export const rescueTeamSortKeys = (alias: string): SortKey<RescueTeam>[] => [
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];
export const TEAM_KEY_PROPERTIES = ['name'];

export class RescueTeamService {
  list(ctx: RequestContext, args: RescueTeamListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<RescueTeam>> {
    const scope = organizationIdInScope(ctx.principal, CommandPermission.CommandRead, 't.organization_id');
    const where = [scope.sql];
    const params: Record<string, unknown> = { ...scope.params };
    const f = args.filter ?? {};
    if (!f.includeArchived) where.push('t.archived_at IS NULL');
    if (f.withinSubtreeOf) {
      where.push(withinSubtreeSql('t.organization_id'));
      params['subtreeRoot'] = f.withinSubtreeOf;
    }
    if (f.kinds?.length) {
      where.push('t.kind = ANY(CAST(:kinds AS text[]))');
      params['kinds'] = f.kinds;
    }
    if (f.readiness?.length) {
      where.push('t.readiness = ANY(CAST(:readiness AS text[]))');
      params['readiness'] = f.readiness;
    }
    return paginateRows({ manager: ctx.manager, entity: RescueTeam, alias: 't', table: 'rescue_team', where, params, keys: rescueTeamSortKeys('t'), page: args, withCount, properties });
  }

  /** One team by id (disbanded ones too) if the caller may read it. */
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<RescueTeam | null> {
    const scope = organizationIdInScope(ctx.principal, CommandPermission.CommandRead, 't.organization_id');
    return readOne({ manager: ctx.manager, entity: RescueTeam, alias: 't', table: 'rescue_team', where: ['t.id = :id', scope.sql], params: { ...scope.params, id }, properties });
  }

  async create(ctx: RequestContext, input: CreateRescueTeamInput): Promise<RescueTeam> {
    return transaction(ctx, async (tx) => {
      await this.checkOrganization(tx, input.organizationId);
      const name = input.name;
      await this.checkNameFree(tx, input.organizationId, name, null);
      const team = await tx.manager.save(
        tx.manager.create(RescueTeam, {
          organizationId: input.organizationId,
          kind: input.kind,
          name,
          baseAddress: input.baseAddress ?? null,
          dutyPhone: input.dutyPhone ?? null,
          shiftCount: input.shiftCount ?? 1,
          readiness: input.readiness ?? RescueTeamReadiness.READY,
          lastPatrolOn: null,
          lastDrillOn: null,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'rescue.team.create', entityType: 'RescueTeam', entityId: team.id, changes: { ...input } });
      await tx.emit('rescue.team.created', { id: team.id, organizationId: team.organizationId, kind: team.kind });
      return team;
    });
  }

  async update(ctx: RequestContext, input: UpdateRescueTeamInput): Promise<RescueTeam> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id', 'pessimistic_write');
      const patch: Partial<RescueTeam> = {};
      if (input.name !== undefined && input.name !== current.name) {
        patch.name = input.name;
        await this.checkNameFree(tx, current.organizationId, patch.name, current.id);
      }
      if (input.kind !== undefined) patch.kind = input.kind;
      if (input.readiness !== undefined) patch.readiness = input.readiness;
      if (input.baseAddress !== undefined) patch.baseAddress = input.baseAddress;
      if (input.dutyPhone !== undefined) patch.dutyPhone = input.dutyPhone;
      if (input.shiftCount !== undefined && input.shiftCount < current.shiftCount) {
        // Fewer shifts must still cover every serving member's shift.
        const [row] = await tx.manager.query(`SELECT max(shift)::int AS top FROM rescue_team_member WHERE team_id = $1 AND left_on IS NULL`, [current.id]);
        if (row?.top && row.top > input.shiftCount) {
          throw BadUserInputError.field('input.shiftCount', 'coversShifts', `serving members are on shift ${row.top}; move them first.`);
        }
      }
      if (input.shiftCount !== undefined) patch.shiftCount = input.shiftCount;
      return updateRecord(tx, RescueTeam, 'RescueTeam', current, input.version, patch, { action: 'rescue.team.update', event: 'rescue.team.updated', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<RescueTeam> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id', 'pessimistic_write');
      return archiveRecord(tx, RescueTeam, 'RescueTeam', current, input.version, { action: 'rescue.team.archive', event: 'rescue.team.archived', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  /** A patrol or drill: moves the team's last patrol or drill day forward, never back. */
  async recordActivity(ctx: RequestContext, input: RecordTeamActivityInput): Promise<RescueTeam> {
    assertNotFuture(input.on, 'input.on', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id', 'pessimistic_write');
      const key = input.kind === RescueTeamActivityKind.PATROL ? 'lastPatrolOn' : 'lastDrillOn';
      const last = current[key];
      const patch = { [key]: last && last > input.on ? last : input.on };
      return updateRecord(tx, RescueTeam, 'RescueTeam', current, input.version, patch, { action: 'rescue.team.activity', event: 'rescue.team.activityRecorded', payload: { id: current.id, organizationId: current.organizationId, kind: input.kind, on: input.on }, changes: { kind: input.kind, on: input.on } });
    });
  }

  async addMember(ctx: RequestContext, input: AddTeamMemberInput): Promise<TeamMember> {
    const joinedOn = input.joinedOn ?? ctx.clock.today();
    assertNotFuture(joinedOn, 'input.joinedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      // FOR SHARE: a change of the shift count waits for the new member.
      const team = await this.getActiveOrFail(tx, input.teamId, 'input.teamId', 'pessimistic_read');
      this.checkShift(team, input.shift ?? null);
      const person = await assertReadablePerson(tx, input.personId, 'input.personId');
      if (await tx.manager.existsBy(TeamMember, { teamId: team.id, personId: person.id, leftOn: IsNull() })) {
        throw new ConflictError('The person already serves in this team.', { field: 'input.personId' });
      }
      const member = await tx.manager.save(
        tx.manager.create(TeamMember, {
          teamId: team.id,
          personId: person.id,
          role: input.role,
          qualifications: [...new Set(input.qualifications ?? [])],
          shift: input.shift ?? null,
          joinedOn,
          leftOn: null,
        }),
      );
      await audit(tx, { action: 'rescue.team.member.add', entityType: 'TeamMember', entityId: member.id, changes: { ...input, joinedOn } });
      await tx.emit('rescue.team.memberAdded', { id: member.id, teamId: team.id, personId: person.id, role: member.role });
      return member;
    });
  }

  async updateMember(ctx: RequestContext, input: UpdateTeamMemberInput): Promise<TeamMember> {
    return transaction(ctx, async (tx) => {
      const current = await this.getServingMemberOrFail(tx, input.id);
      const patch: Partial<TeamMember> = {};
      if (input.role !== undefined) patch.role = input.role;
      if (input.qualifications !== undefined) patch.qualifications = [...new Set(input.qualifications)];
      if (input.shift !== undefined) {
        const team = await this.getActiveOrFail(tx, current.teamId, 'input.id', 'pessimistic_read');
        this.checkShift(team, input.shift);
        patch.shift = input.shift;
      }
      return updateRecord(tx, TeamMember, 'TeamMember', current, input.version, patch, { action: 'rescue.team.member.update', event: 'rescue.team.memberUpdated', payload: { id: current.id, teamId: current.teamId } });
    });
  }

  async endMembership(ctx: RequestContext, input: EndTeamMembershipInput): Promise<TeamMember> {
    assertNotFuture(input.leftOn, 'input.leftOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.getServingMemberOrFail(tx, input.id);
      if (input.leftOn < current.joinedOn) throw BadUserInputError.field('input.leftOn', 'notBeforeJoining', `must not be before joining on ${current.joinedOn}.`);
      return updateRecord(tx, TeamMember, 'TeamMember', current, input.version, { leftOn: input.leftOn }, { action: 'rescue.team.member.end', event: 'rescue.team.memberLeft', payload: { id: current.id, teamId: current.teamId, personId: current.personId }, changes: { leftOn: input.leftOn } });
    });
  }

  async addEquipment(ctx: RequestContext, input: AddTeamEquipmentInput): Promise<TeamEquipment> {
    assertNotFuture(input.checkedOn, 'input.checkedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const team = await this.getActiveOrFail(tx, input.teamId, 'input.teamId', 'pessimistic_read');
      const equipment = await tx.manager.save(
        tx.manager.create(TeamEquipment, {
          teamId: team.id,
          name: input.name,
          category: input.category,
          quantity: input.quantity,
          condition: input.condition ?? TeamEquipmentCondition.GOOD,
          checkedOn: input.checkedOn ?? null,
        }),
      );
      await audit(tx, { action: 'rescue.team.equipment.add', entityType: 'TeamEquipment', entityId: equipment.id, changes: { ...input } });
      await tx.emit('rescue.team.equipmentAdded', { id: equipment.id, teamId: team.id });
      return equipment;
    });
  }

  async updateEquipment(ctx: RequestContext, input: UpdateTeamEquipmentInput): Promise<TeamEquipment> {
    assertNotFuture(input.checkedOn, 'input.checkedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.getEquipmentOrFail(tx, input.id);
      const patch: Partial<TeamEquipment> = {};
      if (input.quantity !== undefined) patch.quantity = input.quantity;
      if (input.condition !== undefined) patch.condition = input.condition;
      if (input.checkedOn !== undefined) patch.checkedOn = input.checkedOn;
      return updateRecord(tx, TeamEquipment, 'TeamEquipment', current, input.version, patch, { action: 'rescue.team.equipment.update', event: 'rescue.team.equipmentUpdated', payload: (updated) => ({ id: current.id, teamId: current.teamId, condition: updated.condition }) });
    });
  }

  /** Deletes equipment (checked against the version read) and answers the team. */
  async removeEquipment(ctx: RequestContext, input: ArchiveInput): Promise<RescueTeam> {
    return transaction(ctx, async (tx) => {
      const current = await this.getEquipmentOrFail(tx, input.id);
      assertVersion('TeamEquipment', current, input.version);
      await tx.manager.delete(TeamEquipment, { id: current.id });
      await audit(tx, { action: 'rescue.team.equipment.remove', entityType: 'TeamEquipment', entityId: current.id, changes: { teamId: current.teamId, name: current.name, quantity: current.quantity } });
      await tx.emit('rescue.team.equipmentRemoved', { id: current.id, teamId: current.teamId });
      return tx.manager.findOneByOrFail(RescueTeam, { id: current.teamId });
    });
  }

  private checkShift(team: RescueTeam, shift: number | null): void {
    if (shift != null && shift > team.shiftCount) {
      throw BadUserInputError.field('input.shift', 'withinShiftCount', `must be from 1 to the team's ${team.shiftCount} shift(s).`);
    }
  }

  /** A standing team the caller may keep; out of scope answers NOT_FOUND, like a missing one. */
  private async getActiveOrFail(tx: RequestContext, id: string, field: string, lock: 'pessimistic_write' | 'pessimistic_read'): Promise<RescueTeam> {
    const scope = organizationIdInScope(tx.principal, CommandPermission.TeamWrite, 't.organization_id');
    return lockActiveOrFail(tx.manager.createQueryBuilder(RescueTeam, 't').where(scope.sql, scope.params), 'RescueTeam', id, 'the rescue team is disbanded (archived).', field, lock);
  }

  private async getServingMemberOrFail(tx: RequestContext, id: string): Promise<TeamMember> {
    const scope = organizationIdInScope(tx.principal, CommandPermission.TeamWrite, 't.organization_id');
    const member = await tx.manager
      .createQueryBuilder(TeamMember, 'm')
      .where('m.id = :id', { id })
      .andWhere(`m.team_id IN (SELECT t.id FROM rescue_team t WHERE ${scope.sql})`, scope.params)
      .setLock('pessimistic_write')
      .getOne();
    if (!member) throw new NotFoundError('TeamMember', id);
    if (member.leftOn) throw BadUserInputError.field('input.id', 'notLeft', `the member left on ${member.leftOn}.`);
    return member;
  }

  private async getEquipmentOrFail(tx: RequestContext, id: string): Promise<TeamEquipment> {
    const scope = organizationIdInScope(tx.principal, CommandPermission.TeamWrite, 't.organization_id');
    const equipment = await tx.manager
      .createQueryBuilder(TeamEquipment, 'e')
      .where('e.id = :id', { id })
      .andWhere(`e.team_id IN (SELECT t.id FROM rescue_team t WHERE ${scope.sql})`, scope.params)
      .setLock('pessimistic_write')
      .getOne();
    if (!equipment) throw new NotFoundError('TeamEquipment', id);
    return equipment;
  }

  private async checkOrganization(tx: RequestContext, organizationId: string): Promise<void> {
    if (!(await organizationInScope(tx, organizationId, CommandPermission.TeamWrite))) {
      throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${organizationId} within your rescue-team scope.`);
    }
  }

  private async checkNameFree(tx: RequestContext, organizationId: string, name: string, exceptId: string | null): Promise<void> {
    const qb = tx.manager.createQueryBuilder(RescueTeam, 't').where('t.organization_id = :organizationId AND t.name = :name AND t.archived_at IS NULL', { organizationId, name });
    if (exceptId) qb.andWhere('t.id <> :exceptId', { exceptId });
    if (await qb.getExists()) throw new ConflictError(`The organization has a team named ${name} already.`, { field: 'input.name' });
  }
}
