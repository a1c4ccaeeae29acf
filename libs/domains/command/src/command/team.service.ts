import {
  assertNotFuture,
  assertVersion,
  ConflictError,
  archiveRecord,
  audit,
  createRecord,
  emitEvent,
  isChangeFeed,
  recordEvent,
  records,
  sentFields,
  sql,
  transaction,
  updateRecord,
  whereChanged,
  type ArchiveInput,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { RescueTeam, TeamEquipment, TeamMember } from './rescue-team.entity';
import { RescueTeamOrder } from './command.orders';
import { RescueTeamActivityKind, RescueTeamReadiness, TeamEquipmentCondition } from './command.enums';
import { RescueTeams, TeamEquipmentItems, TeamMembers } from '../command.entities';
import { commandEvents } from '../command.events';
import { commandRules } from '../command.rules';
import { deleteTeamEquipment } from './command-removals.sql';
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

export const TEAM_KEY_PROPERTIES = ['name'];

export class RescueTeamService {
  list(ctx: RequestContext, args: RescueTeamListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<RescueTeam>> {
    let teams = records(ctx, RescueTeams);
    const f = args.filter ?? {};
    // A change feed lists disbanded teams too, as tombstones (archivedAt says so), unless includeArchived: false is sent.
    if (!(f.includeArchived ?? isChangeFeed(f))) teams = teams.where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) teams = teams.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    if (f.kinds?.length) teams = teams.where(sql`t.kind = ANY(CAST(${f.kinds} AS text[]))`);
    if (f.readiness?.length) teams = teams.where(sql`t.readiness = ANY(CAST(${f.readiness} AS text[]))`);
    return whereChanged(teams, f).page({ keys: RescueTeamOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /** One team by id (disbanded ones too) if the caller may read it. */
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<RescueTeam | null> {
    return records(ctx, RescueTeams).one(id, properties);
  }

  async create(ctx: RequestContext, input: CreateRescueTeamInput): Promise<RescueTeam> {
    return transaction(ctx, async (tx) => {
      // An organization missing or outside the caller's rescue-team scope answers NOT_FOUND on the field.
      const org = await records(tx, Organizations, CommandPermission.TeamWrite).reference(input.organizationId, 'input.organizationId', { properties: ['id'] });
      await this.checkNameFree(tx, org.id, input.name, null);
      return createRecord(
        tx,
        RescueTeam,
        'RescueTeam',
        {
          organizationId: org.id,
          kind: input.kind,
          name: input.name,
          baseAddress: input.baseAddress ?? null,
          dutyPhone: input.dutyPhone ?? null,
          shiftCount: input.shiftCount ?? 1,
          readiness: input.readiness ?? RescueTeamReadiness.READY,
          lastPatrolOn: null,
          lastDrillOn: null,
          archivedAt: null,
        },
        {
          action: 'rescue.team.create',
          changes: { ...input },
          ...recordEvent(commandEvents['rescue.team.created'], (t: RescueTeam) => ({ id: t.id, organizationId: t.organizationId, kind: t.kind })),
        },
      );
    });
  }

  async update(ctx: RequestContext, input: UpdateRescueTeamInput): Promise<RescueTeam> {
    return transaction(ctx, async (tx) => {
      const current = await this.standingTeam(tx, input.id, 'input.id', 'update');
      const patch: Patch<RescueTeam> = sentFields(input, ['kind', 'readiness', 'baseAddress', 'dutyPhone', 'shiftCount']);
      if (input.name !== undefined && input.name !== current.name) {
        patch.name = input.name;
        await this.checkNameFree(tx, current.organizationId, input.name, current.id);
      }
      if (input.shiftCount !== undefined && input.shiftCount < current.shiftCount) {
        // Fewer shifts must still cover every serving member's shift.
        const [row] = await records(tx, TeamMembers, CommandPermission.TeamWrite)
          .where(sql`t.team_id = ${current.id} AND t.left_on IS NULL`)
          .aggregate<{ top: number | null }>(sql`max(t.shift)::int AS "top"`);
        if (row?.top && row.top > input.shiftCount) {
          throw commandRules.field('input.shiftCount', 'coversShifts', `serving members are on shift ${row.top}; move them first.`);
        }
      }
      return updateRecord(tx, RescueTeam, 'RescueTeam', current, input.version, patch, {
        action: 'rescue.team.update',
        ...recordEvent(commandEvents['rescue.team.updated'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  async archive(ctx: RequestContext, input: ArchiveInput): Promise<RescueTeam> {
    return transaction(ctx, async (tx) => {
      const current = await this.standingTeam(tx, input.id, 'input.id', 'update');
      return archiveRecord(tx, RescueTeam, 'RescueTeam', current, input.version, {
        action: 'rescue.team.archive',
        ...recordEvent(commandEvents['rescue.team.archived'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  /** A patrol or drill: moves the team's last patrol or drill day forward, never back. */
  async recordActivity(ctx: RequestContext, input: RecordTeamActivityInput): Promise<RescueTeam> {
    assertNotFuture(input.on, 'input.on', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.standingTeam(tx, input.id, 'input.id', 'update');
      const key = input.kind === RescueTeamActivityKind.PATROL ? 'lastPatrolOn' : 'lastDrillOn';
      const last = current[key];
      const patch: Patch<RescueTeam> = { [key]: last && last > input.on ? last : input.on };
      return updateRecord(tx, RescueTeam, 'RescueTeam', current, input.version, patch, {
        action: 'rescue.team.activity',
        changes: { kind: input.kind, on: input.on },
        ...recordEvent(commandEvents['rescue.team.activityRecorded'], { id: current.id, organizationId: current.organizationId, kind: input.kind, on: input.on }),
      });
    });
  }

  async addMember(ctx: RequestContext, input: AddTeamMemberInput): Promise<TeamMember> {
    const joinedOn = input.joinedOn ?? ctx.clock.today();
    assertNotFuture(joinedOn, 'input.joinedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      // FOR SHARE: a change of the shift count waits for the new member.
      const team = await this.standingTeam(tx, input.teamId, 'input.teamId', 'share');
      this.checkShift(team, input.shift ?? null);
      const person = await records(tx, Persons).reference(input.personId, 'input.personId', { properties: ['id'] });
      const serving = await records(tx, TeamMembers, CommandPermission.TeamWrite).where(sql`t.team_id = ${team.id} AND t.person_id = ${person.id} AND t.left_on IS NULL`).count();
      if (serving > 0) throw new ConflictError('The person already serves in this team.', { field: 'input.personId' });
      return createRecord(
        tx,
        TeamMember,
        'TeamMember',
        { teamId: team.id, personId: person.id, role: input.role, qualifications: [...new Set(input.qualifications ?? [])], shift: input.shift ?? null, joinedOn, leftOn: null },
        {
          action: 'rescue.team.member.add',
          changes: { ...input, joinedOn },
          ...recordEvent(commandEvents['rescue.team.memberAdded'], (m: TeamMember) => ({ id: m.id, teamId: team.id, personId: person.id, role: m.role })),
        },
      );
    });
  }

  async updateMember(ctx: RequestContext, input: UpdateTeamMemberInput): Promise<TeamMember> {
    return transaction(ctx, async (tx) => {
      const current = await this.servingMember(tx, input.id);
      const patch: Patch<TeamMember> = sentFields(input, ['role']);
      if (input.qualifications !== undefined) patch.qualifications = [...new Set(input.qualifications)];
      if (input.shift !== undefined) {
        const team = await this.standingTeam(tx, current.teamId, 'input.id', 'share');
        this.checkShift(team, input.shift);
        patch.shift = input.shift;
      }
      return updateRecord(tx, TeamMember, 'TeamMember', current, input.version, patch, {
        action: 'rescue.team.member.update',
        ...recordEvent(commandEvents['rescue.team.memberUpdated'], { id: current.id, teamId: current.teamId }),
      });
    });
  }

  async endMembership(ctx: RequestContext, input: EndTeamMembershipInput): Promise<TeamMember> {
    assertNotFuture(input.leftOn, 'input.leftOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await this.servingMember(tx, input.id);
      if (input.leftOn < current.joinedOn) throw commandRules.field('input.leftOn', 'notBeforeJoining', `must not be before joining on ${current.joinedOn}.`);
      return updateRecord(tx, TeamMember, 'TeamMember', current, input.version, { leftOn: input.leftOn }, {
        action: 'rescue.team.member.end',
        changes: { leftOn: input.leftOn },
        ...recordEvent(commandEvents['rescue.team.memberLeft'], { id: current.id, teamId: current.teamId, personId: current.personId }),
      });
    });
  }

  async addEquipment(ctx: RequestContext, input: AddTeamEquipmentInput): Promise<TeamEquipment> {
    assertNotFuture(input.checkedOn, 'input.checkedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const team = await this.standingTeam(tx, input.teamId, 'input.teamId', 'share');
      return createRecord(
        tx,
        TeamEquipment,
        'TeamEquipment',
        { teamId: team.id, name: input.name, category: input.category, quantity: input.quantity, condition: input.condition ?? TeamEquipmentCondition.GOOD, checkedOn: input.checkedOn ?? null },
        {
          action: 'rescue.team.equipment.add',
          changes: { ...input },
          ...recordEvent(commandEvents['rescue.team.equipmentAdded'], (e: TeamEquipment) => ({ id: e.id, teamId: team.id })),
        },
      );
    });
  }

  async updateEquipment(ctx: RequestContext, input: UpdateTeamEquipmentInput): Promise<TeamEquipment> {
    assertNotFuture(input.checkedOn, 'input.checkedOn', ctx.clock.today());
    return transaction(ctx, async (tx) => {
      const current = await records(tx, TeamEquipmentItems, CommandPermission.TeamWrite).lock(input.id);
      const patch: Patch<TeamEquipment> = sentFields(input, ['quantity', 'condition', 'checkedOn']);
      return updateRecord(tx, TeamEquipment, 'TeamEquipment', current, input.version, patch, {
        action: 'rescue.team.equipment.update',
        ...recordEvent(commandEvents['rescue.team.equipmentUpdated'], (updated: TeamEquipment) => ({ id: current.id, teamId: current.teamId, condition: updated.condition })),
      });
    });
  }

  /** Deletes equipment (checked against the version read) and answers the team. */
  async removeEquipment(ctx: RequestContext, input: ArchiveInput): Promise<RescueTeam> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, TeamEquipmentItems, CommandPermission.TeamWrite).lock(input.id);
      assertVersion('TeamEquipment', current, input.version);
      await deleteTeamEquipment(tx, current.id);
      await audit(tx, { action: 'rescue.team.equipment.remove', entityType: 'TeamEquipment', entityId: current.id, changes: { teamId: current.teamId, name: current.name, quantity: current.quantity } });
      await emitEvent(tx, commandEvents, 'rescue.team.equipmentRemoved', { id: current.id, teamId: current.teamId });
      // The equipment was in scope through its team, so the team is too.
      return records(tx, RescueTeams, CommandPermission.TeamWrite).lock(current.teamId, 'share');
    });
  }

  private checkShift(team: RescueTeam, shift: number | null): void {
    if (shift != null && shift > team.shiftCount) {
      throw commandRules.field('input.shift', 'withinShiftCount', `must be from 1 to the team's ${team.shiftCount} shift(s).`);
    }
  }

  /** A standing team the caller may keep, locked; out of scope answers NOT_FOUND like a missing one, a disbanded one `notArchived` on `field`. */
  private standingTeam(tx: RequestContext, id: string, field: string, lock: 'update' | 'share'): Promise<RescueTeam> {
    return records(tx, RescueTeams, CommandPermission.TeamWrite).reference(id, field, { lock });
  }

  /** A serving member of a team the caller may keep, locked; NOT_FOUND out of scope, `notLeft` once the member left. */
  private async servingMember(tx: RequestContext, id: string): Promise<TeamMember> {
    const member = await records(tx, TeamMembers, CommandPermission.TeamWrite).lock(id);
    if (member.leftOn) throw commandRules.field('input.id', 'notLeft', `the member left on ${member.leftOn}.`);
    return member;
  }

  /** The organization's standing teams have distinct names. */
  private async checkNameFree(tx: RequestContext, organizationId: string, name: string, exceptId: string | null): Promise<void> {
    let teams = records(tx, RescueTeams, CommandPermission.TeamWrite).where(sql`t.organization_id = ${organizationId} AND t.name = ${name} AND t.archived_at IS NULL`);
    if (exceptId) teams = teams.where(sql`t.id <> ${exceptId}`);
    if ((await teams.count()) > 0) throw new ConflictError(`The organization has a team named ${name} already.`, { field: 'input.name' });
  }
}
