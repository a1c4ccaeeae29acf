import {
  BadUserInputError,
  SortDirection,
  archiveRecord,
  audit,
  diff,
  paginate,
  lockActiveOrFail,
  paginateRows,
  transaction,
  updateRecord,
  type ArchiveInput,
  type ConnectionResult,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { OrganizationKind, assertReadablePerson, organizationIdInScope, organizationInScope, withinSubtreeSql } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { Household, JointDefenseGroup, type StoredContact } from './joint-defense.entity';
import type { AddHouseholdInput, CreateJointDefenseGroupInput, JointDefenseContactInput, JointDefenseGroupListArgs, UpdateHouseholdInput, UpdateJointDefenseGroupInput, VulnerableHouseholdsArgs } from './joint-defense.inputs';
import { VULNERABLE_SQL, redact } from './joint-defense.sensitive';
import { CommunityPermission } from '../permissions';

/** Groups by name; the id makes the order total. */
export const jointDefenseGroupSortKeys = (alias: string): SortKey<JointDefenseGroup>[] => [
  { column: `${alias}.name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** Vulnerable households group by group, then by the head's name (index joint_defense_household_vulnerable_idx). */
const vulnerableSortKeys = (alias: string): SortKey<Household>[] => [
  { column: `${alias}.group_id`, direction: SortDirection.ASC },
  { column: `${alias}.head_name`, direction: SortDirection.ASC },
  { column: `${alias}.id`, direction: SortDirection.ASC },
];

/** The organizations a joint defense group may belong to. */
const GROUP_ORGANIZATION_KINDS: readonly string[] = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY, OrganizationKind.GRID];

/** Joint defense groups of organizations where the caller holds `permission` (alias `g`). */
export function scopedJointDefenseGroups(ctx: RequestContext, permission: string = CommunityPermission.JointDefenseRead): SelectQueryBuilder<JointDefenseGroup> {
  const scope = organizationIdInScope(ctx.principal, permission, 'g.organization_id');
  return ctx.manager.createQueryBuilder(JointDefenseGroup, 'g').where(scope.sql, scope.params);
}

/** Households of organizations where the caller holds `permission` (alias `h`). */
export function scopedHouseholds(ctx: RequestContext, permission: string = CommunityPermission.JointDefenseRead): SelectQueryBuilder<Household> {
  const scope = organizationIdInScope(ctx.principal, permission, 'h.organization_id');
  return ctx.manager.createQueryBuilder(Household, 'h').where(scope.sql, scope.params);
}

const toContacts = (contacts: readonly JointDefenseContactInput[] | null | undefined): StoredContact[] =>
  (contacts ?? []).map((c) => ({ name: c.name, phone: c.phone, role: c.role || null }));

/** Audit entries keep who is in the call chain, not their phones. */
const redactContacts = (contacts: readonly StoredContact[]): Array<Omit<StoredContact, 'phone'>> => contacts.map(({ name, role }) => ({ name, role }));

export class JointDefenseService {
  list(ctx: RequestContext, args: JointDefenseGroupListArgs, withCount: boolean): Promise<ConnectionResult<JointDefenseGroup>> {
    const qb = scopedJointDefenseGroups(ctx);
    const f = args.filter ?? {};
    if (!f.includeArchived) qb.andWhere('g.archived_at IS NULL');
    if (f.withinSubtreeOf) qb.andWhere(withinSubtreeSql('g.organization_id'), { subtreeRoot: f.withinSubtreeOf });
    return paginate(qb, args, jointDefenseGroupSortKeys('g'), withCount);
  }

  /**
   * Listed households with a vulnerable member where the caller holds rescue.household:read-sensitive,
   * for evacuation priority. Being on this list reveals a vulnerable member, so every household returned
   * counts as a sensitive read (field `vulnerable`), besides the flags selected.
   */
  async vulnerable(ctx: RequestContext, args: VulnerableHouseholdsArgs, withCount: boolean): Promise<ConnectionResult<Household>> {
    const scope = organizationIdInScope(ctx.principal, CommunityPermission.HouseholdReadSensitive, 'h.organization_id');
    const where = [scope.sql, VULNERABLE_SQL('h'), 'EXISTS (SELECT 1 FROM joint_defense_group g WHERE g.id = h.group_id AND g.archived_at IS NULL)'];
    const params: Record<string, unknown> = { ...scope.params };
    if (args.withinSubtreeOf) {
      where.push(withinSubtreeSql('h.organization_id'));
      params['subtreeRoot'] = args.withinSubtreeOf;
    }
    const page = await paginateRows({ manager: ctx.manager, entity: Household, alias: 'h', table: 'joint_defense_household', where, params, keys: vulnerableSortKeys('h'), page: args, withCount });
    for (const e of page.edges) ctx.sensitiveReads.push({ entityType: 'Household', entityId: e.node.id, field: 'vulnerable' });
    return page;
  }

  async createGroup(ctx: RequestContext, input: CreateJointDefenseGroupInput): Promise<JointDefenseGroup> {
    this.checkDeputy(input.leaderPersonId, input.deputyPersonId ?? null);
    return transaction(ctx, async (tx) => {
      await this.checkOrganization(tx, input.organizationId);
      await assertReadablePerson(tx, input.leaderPersonId, 'input.leaderPersonId');
      if (input.deputyPersonId) await assertReadablePerson(tx, input.deputyPersonId, 'input.deputyPersonId');
      const contacts = toContacts(input.contacts);
      const group = await tx.manager.save(
        tx.manager.create(JointDefenseGroup, {
          organizationId: input.organizationId,
          name: input.name,
          area: input.area || null,
          leaderPersonId: input.leaderPersonId,
          deputyPersonId: input.deputyPersonId ?? null,
          contacts,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'rescue.joint-defense-group.create', entityType: 'JointDefenseGroup', entityId: group.id, changes: { ...input, contacts: redactContacts(contacts) } });
      await tx.emit('rescue.joint-defense-group.created', { id: group.id, organizationId: group.organizationId });
      return group;
    });
  }

  async updateGroup(ctx: RequestContext, input: UpdateJointDefenseGroupInput): Promise<JointDefenseGroup> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeGroupOrFail(tx, input.id);
      const patch: Partial<JointDefenseGroup> = {};
      if (input.organizationId !== undefined && input.organizationId !== current.organizationId) {
        await this.checkOrganization(tx, input.organizationId);
        patch.organizationId = input.organizationId;
      }
      if (input.name !== undefined) patch.name = input.name;
      if (input.area !== undefined) patch.area = input.area || null;
      if (input.leaderPersonId !== undefined && input.leaderPersonId !== current.leaderPersonId) {
        await assertReadablePerson(tx, input.leaderPersonId, 'input.leaderPersonId');
        patch.leaderPersonId = input.leaderPersonId;
      }
      if (input.deputyPersonId !== undefined && input.deputyPersonId !== current.deputyPersonId) {
        if (input.deputyPersonId) await assertReadablePerson(tx, input.deputyPersonId, 'input.deputyPersonId');
        patch.deputyPersonId = input.deputyPersonId;
      }
      this.checkDeputy(patch.leaderPersonId ?? current.leaderPersonId, patch.deputyPersonId !== undefined ? patch.deputyPersonId : current.deputyPersonId);
      if (input.contacts !== undefined) patch.contacts = toContacts(input.contacts);
      // Households follow the group's organization (ON UPDATE CASCADE of their composite key).
      return updateRecord(tx, JointDefenseGroup, 'JointDefenseGroup', current, input.version, patch, {
        action: 'rescue.joint-defense-group.update',
        changes: (updated) => {
          const changes = diff(current, updated);
          if (changes['contacts']) changes['contacts'] = [redactContacts(current.contacts), redactContacts(updated.contacts)];
          return changes;
        },
        event: 'rescue.joint-defense-group.updated',
        payload: (updated) => ({ id: current.id, organizationId: updated.organizationId }),
      });
    });
  }

  /** Dissolves a group: it and its households leave the lists; the records are kept. */
  async archiveGroup(ctx: RequestContext, input: ArchiveInput): Promise<JointDefenseGroup> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeGroupOrFail(tx, input.id);
      return archiveRecord(tx, JointDefenseGroup, 'JointDefenseGroup', current, input.version, { action: 'rescue.joint-defense-group.archive', event: 'rescue.joint-defense-group.archived', payload: { id: current.id, organizationId: current.organizationId } });
    });
  }

  async addHousehold(ctx: RequestContext, input: AddHouseholdInput): Promise<Household> {
    this.checkMembers(input.memberCount, input.disabledMembers ?? 0, input.childrenMembers ?? 0);
    return transaction(ctx, async (tx) => {
      const group = await this.groupForHousehold(tx, input.groupId);
      if (input.headPersonId) await assertReadablePerson(tx, input.headPersonId, 'input.headPersonId');
      const household = await tx.manager.save(
        tx.manager.create(Household, {
          groupId: group.id,
          organizationId: group.organizationId,
          headName: input.headName,
          headPersonId: input.headPersonId ?? null,
          address: input.address,
          phone: input.phone ?? null,
          memberCount: input.memberCount,
          elderlyLivingAlone: input.elderlyLivingAlone ?? false,
          disabledMembers: input.disabledMembers ?? 0,
          childrenMembers: input.childrenMembers ?? 0,
          vulnerabilityNote: input.vulnerabilityNote || null,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'rescue.household.add', entityType: 'Household', entityId: household.id, changes: redact({ ...input }) });
      await tx.emit('rescue.household.added', { id: household.id, groupId: group.id, organizationId: group.organizationId });
      return household;
    });
  }

  async updateHousehold(ctx: RequestContext, input: UpdateHouseholdInput): Promise<Household> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeHouseholdOrFail(tx, input.id);
      const patch: Partial<Household> = {};
      if (input.groupId !== undefined && input.groupId !== current.groupId) {
        const group = await this.groupForHousehold(tx, input.groupId);
        patch.groupId = group.id;
        patch.organizationId = group.organizationId;
      }
      if (input.headName !== undefined) patch.headName = input.headName;
      if (input.address !== undefined) patch.address = input.address;
      if (input.memberCount !== undefined) patch.memberCount = input.memberCount;
      if (input.headPersonId !== undefined && input.headPersonId !== current.headPersonId) {
        if (input.headPersonId) await assertReadablePerson(tx, input.headPersonId, 'input.headPersonId');
        patch.headPersonId = input.headPersonId;
      }
      if (input.phone !== undefined) patch.phone = input.phone;
      if (input.elderlyLivingAlone !== undefined) patch.elderlyLivingAlone = input.elderlyLivingAlone ?? false;
      if (input.disabledMembers !== undefined) patch.disabledMembers = input.disabledMembers ?? 0;
      if (input.childrenMembers !== undefined) patch.childrenMembers = input.childrenMembers ?? 0;
      if (input.vulnerabilityNote !== undefined) patch.vulnerabilityNote = input.vulnerabilityNote || null;
      this.checkMembers(patch.memberCount ?? current.memberCount, patch.disabledMembers ?? current.disabledMembers, patch.childrenMembers ?? current.childrenMembers);
      return updateRecord(tx, Household, 'Household', current, input.version, patch, { action: 'rescue.household.update', event: 'rescue.household.updated', payload: (updated) => ({ id: current.id, groupId: updated.groupId, organizationId: updated.organizationId }), changes: (updated) => redact(diff(current, updated)) });
    });
  }

  /** Takes a household off its group's list (moved away, merged); the record is kept. */
  async removeHousehold(ctx: RequestContext, input: ArchiveInput): Promise<Household> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeHouseholdOrFail(tx, input.id);
      return archiveRecord(tx, Household, 'Household', current, input.version, { action: 'rescue.household.remove', event: 'rescue.household.removed', payload: { id: current.id, groupId: current.groupId, organizationId: current.organizationId } });
    });
  }

  /** Vulnerable members cannot outnumber the household (the table's CHECKs say the same). */
  private checkMembers(memberCount: number, disabled: number, children: number): void {
    if (disabled > memberCount) throw BadUserInputError.field('input.disabledMembers', 'notAboveMemberCount', `must not exceed the household's members (${memberCount}).`);
    if (children > memberCount) throw BadUserInputError.field('input.childrenMembers', 'notAboveMemberCount', `must not exceed the household's members (${memberCount}).`);
  }

  private checkDeputy(leader: string, deputy: string | null): void {
    if (deputy && deputy === leader) throw BadUserInputError.field('input.deputyPersonId', 'notLeader', 'the deputy must be another person than the leader.');
  }

  /** An active village, community or grid within the caller's write scope; else BAD_USER_INPUT naming `input.organizationId`. */
  private async checkOrganization(tx: RequestContext, organizationId: string): Promise<void> {
    const org = await organizationInScope(tx, organizationId, CommunityPermission.JointDefenseWrite);
    if (!org) throw BadUserInputError.field('input.organizationId', 'exists', `no active organization ${organizationId} within your joint-defense scope.`);
    const [row] = await tx.manager.query(`SELECT kind FROM organization WHERE id = $1`, [org.id]);
    if (!GROUP_ORGANIZATION_KINDS.includes(row?.kind)) throw BadUserInputError.field('input.organizationId', 'kind', 'joint defense groups belong to a village, a community or a grid.');
  }

  /** A group the caller may keep, not archived; out of scope answers NOT_FOUND, like a missing one. */
  private async activeGroupOrFail(tx: RequestContext, id: string): Promise<JointDefenseGroup> {
    return lockActiveOrFail(scopedJointDefenseGroups(tx, CommunityPermission.JointDefenseWrite), 'JointDefenseGroup', id, 'the joint defense group is archived.');
  }

  /** The active group a household is listed in, within the write scope (locked FOR SHARE against a concurrent archive). */
  private async groupForHousehold(tx: RequestContext, id: string): Promise<JointDefenseGroup> {
    const group = await scopedJointDefenseGroups(tx, CommunityPermission.JointDefenseWrite).andWhere('g.id = :id AND g.archived_at IS NULL', { id }).setLock('pessimistic_read').getOne();
    if (!group) throw BadUserInputError.field('input.groupId', 'exists', `no active joint defense group ${id} within your joint-defense scope.`);
    return group;
  }

  private async activeHouseholdOrFail(tx: RequestContext, id: string): Promise<Household> {
    return lockActiveOrFail(scopedHouseholds(tx, CommunityPermission.JointDefenseWrite), 'Household', id, 'the household was removed.');
  }
}
