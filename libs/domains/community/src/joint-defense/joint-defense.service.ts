import {
  archiveRecord,
  createRecord,
  diff,
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
import { OrganizationKind, Organizations, Persons, organizationIdWithinSubtree } from '@platform/directory';
import { Household, JointDefenseGroup, type StoredContact } from './joint-defense.entity';
import { JointDefenseGroupOrder, VulnerableHouseholdOrder } from './joint-defense.orders';
import type { AddHouseholdInput, CreateJointDefenseGroupInput, JointDefenseContactInput, JointDefenseGroupListArgs, UpdateHouseholdInput, UpdateJointDefenseGroupInput, VulnerableHouseholdsArgs } from './joint-defense.inputs';
import { redact, vulnerableHousehold } from './joint-defense.sensitive';
import { Households, JointDefenseGroups } from '../community.entities';
import { communityEvents } from '../community.events';
import { communityRules } from '../community.rules';
import { CommunityPermission } from '../permissions';

/**
 * When a household (`t`) last changed as the vulnerable list sees it: its own change or its group's,
 * since dissolving the group takes its households off the list (and moving the group moves them).
 */
const HOUSEHOLD_OR_GROUP_UPDATED_AT = '(SELECT GREATEST(t.updated_at, g.updated_at) FROM joint_defense_group g WHERE g.id = t.group_id)';

/** The organizations a joint defense group may belong to. */
const GROUP_ORGANIZATION_KINDS: readonly string[] = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY, OrganizationKind.GRID];

const toContacts = (contacts: readonly JointDefenseContactInput[] | null | undefined): StoredContact[] =>
  (contacts ?? []).map((c) => ({ name: c.name, phone: c.phone, role: c.role || null }));

/** Audit entries keep who is in the call chain, not their phones. */
const redactContacts = (contacts: readonly StoredContact[]): Array<Omit<StoredContact, 'phone'>> => contacts.map(({ name, role }) => ({ name, role }));

/** A household's events: the household, its group and their organization. */
const householdPayload = (h: Household) => ({ id: h.id, groupId: h.groupId, organizationId: h.organizationId });

export class JointDefenseService {
  list(ctx: RequestContext, args: JointDefenseGroupListArgs, withCount: boolean): Promise<ConnectionResult<JointDefenseGroup>> {
    let groups = records(ctx, JointDefenseGroups);
    const f = args.filter ?? {};
    // A change feed lists dissolved groups too (tombstones: archivedAt says so).
    if (!f.includeArchived && !isChangeFeed(f)) groups = groups.where(sql`t.archived_at IS NULL`);
    if (f.withinSubtreeOf) groups = groups.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    return whereChanged(groups, f).page({ keys: JointDefenseGroupOrder.keys(args.orderBy), page: args, withCount });
  }

  /**
   * Listed households with a vulnerable member where the caller holds rescue.household:read-sensitive,
   * for evacuation priority. Being on this list reveals a vulnerable member, so every household returned
   * counts as a sensitive read (field `vulnerable`), besides the flags selected. A change feed lists every
   * household changed since (with its group), vulnerable or not, removed or not: one that left the list
   * is a tombstone (`hasVulnerableMembers` false, `archivedAt` or its group's set).
   */
  async vulnerable(ctx: RequestContext, args: VulnerableHouseholdsArgs, withCount: boolean): Promise<ConnectionResult<Household>> {
    const f = args.filter ?? {};
    let households = records(ctx, Households, CommunityPermission.HouseholdReadSensitive);
    if (!isChangeFeed(f)) {
      households = households.where(sql`${vulnerableHousehold('t')} AND EXISTS (SELECT 1 FROM joint_defense_group g WHERE g.id = t.group_id AND g.archived_at IS NULL)`);
    }
    if (f.withinSubtreeOf) households = households.where(organizationIdWithinSubtree('t.organization_id', f.withinSubtreeOf));
    const page = await whereChanged(households, f, HOUSEHOLD_OR_GROUP_UPDATED_AT).page({ keys: VulnerableHouseholdOrder.keys(args.orderBy), page: args, withCount });
    for (const e of page.edges) ctx.sensitiveReads.push({ entityType: 'Household', entityId: e.node.id, field: 'vulnerable' });
    return page;
  }

  async createGroup(ctx: RequestContext, input: CreateJointDefenseGroupInput): Promise<JointDefenseGroup> {
    this.checkDeputy(input.leaderPersonId, input.deputyPersonId ?? null);
    return transaction(ctx, async (tx) => {
      await this.checkOrganization(tx, input.organizationId);
      await records(tx, Persons).reference(input.leaderPersonId, 'input.leaderPersonId');
      if (input.deputyPersonId) await records(tx, Persons).reference(input.deputyPersonId, 'input.deputyPersonId');
      const contacts = toContacts(input.contacts);
      return createRecord(
        tx,
        JointDefenseGroup,
        'JointDefenseGroup',
        {
          organizationId: input.organizationId,
          name: input.name,
          area: input.area || null,
          leaderPersonId: input.leaderPersonId,
          deputyPersonId: input.deputyPersonId ?? null,
          contacts,
          archivedAt: null,
        },
        {
          action: 'rescue.joint-defense-group.create',
          changes: { ...input, contacts: redactContacts(contacts) },
          ...recordEvent(communityEvents['rescue.joint-defense-group.created'], (g: JointDefenseGroup) => ({ id: g.id, organizationId: g.organizationId })),
        },
      );
    });
  }

  async updateGroup(ctx: RequestContext, input: UpdateJointDefenseGroupInput): Promise<JointDefenseGroup> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeGroup(tx, input.id);
      const patch: Patch<JointDefenseGroup> = sentFields(input, ['name']);
      if (input.organizationId !== undefined && input.organizationId !== current.organizationId) {
        await this.checkOrganization(tx, input.organizationId);
        patch.organizationId = input.organizationId;
      }
      if (input.area !== undefined) patch.area = input.area || null;
      if (input.leaderPersonId !== undefined && input.leaderPersonId !== current.leaderPersonId) {
        await records(tx, Persons).reference(input.leaderPersonId, 'input.leaderPersonId');
        patch.leaderPersonId = input.leaderPersonId;
      }
      if (input.deputyPersonId !== undefined && input.deputyPersonId !== current.deputyPersonId) {
        if (input.deputyPersonId) await records(tx, Persons).reference(input.deputyPersonId, 'input.deputyPersonId');
        patch.deputyPersonId = input.deputyPersonId;
      }
      this.checkDeputy(input.leaderPersonId ?? current.leaderPersonId, input.deputyPersonId !== undefined ? input.deputyPersonId : current.deputyPersonId);
      if (input.contacts !== undefined) patch.contacts = toContacts(input.contacts);
      // Households follow the group's organization (ON UPDATE CASCADE of their composite key).
      return updateRecord(tx, JointDefenseGroup, 'JointDefenseGroup', current, input.version, patch, {
        action: 'rescue.joint-defense-group.update',
        changes: (updated) => {
          const changes = diff(current, updated);
          if (changes['contacts']) changes['contacts'] = [redactContacts(current.contacts), redactContacts(updated.contacts)];
          return changes;
        },
        ...recordEvent(communityEvents['rescue.joint-defense-group.updated'], (updated: JointDefenseGroup) => ({ id: current.id, organizationId: updated.organizationId })),
      });
    });
  }

  /** Dissolves a group: it and its households leave the lists; the records are kept. */
  async archiveGroup(ctx: RequestContext, input: ArchiveInput): Promise<JointDefenseGroup> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeGroup(tx, input.id);
      return archiveRecord(tx, JointDefenseGroup, 'JointDefenseGroup', current, input.version, {
        action: 'rescue.joint-defense-group.archive',
        ...recordEvent(communityEvents['rescue.joint-defense-group.archived'], { id: current.id, organizationId: current.organizationId }),
      });
    });
  }

  async addHousehold(ctx: RequestContext, input: AddHouseholdInput): Promise<Household> {
    this.checkMembers(input.memberCount, input.disabledMembers ?? 0, input.childrenMembers ?? 0);
    return transaction(ctx, async (tx) => {
      const group = await this.groupForHousehold(tx, input.groupId);
      if (input.headPersonId) await records(tx, Persons).reference(input.headPersonId, 'input.headPersonId');
      return createRecord(
        tx,
        Household,
        'Household',
        {
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
        },
        {
          action: 'rescue.household.add',
          // Personal data stays out of the audit entry: only that it was given.
          changes: redact({ ...input }),
          ...recordEvent(communityEvents['rescue.household.added'], householdPayload),
        },
      );
    });
  }

  async updateHousehold(ctx: RequestContext, input: UpdateHouseholdInput): Promise<Household> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeHousehold(tx, input.id);
      const patch: Patch<Household> = sentFields(input, ['headName', 'address', 'memberCount', 'phone']);
      if (input.groupId !== undefined && input.groupId !== current.groupId) {
        const group = await this.groupForHousehold(tx, input.groupId);
        patch.groupId = group.id;
        patch.organizationId = group.organizationId;
      }
      if (input.headPersonId !== undefined && input.headPersonId !== current.headPersonId) {
        if (input.headPersonId) await records(tx, Persons).reference(input.headPersonId, 'input.headPersonId');
        patch.headPersonId = input.headPersonId;
      }
      if (input.elderlyLivingAlone !== undefined) patch.elderlyLivingAlone = input.elderlyLivingAlone ?? false;
      if (input.disabledMembers !== undefined) patch.disabledMembers = input.disabledMembers ?? 0;
      if (input.childrenMembers !== undefined) patch.childrenMembers = input.childrenMembers ?? 0;
      if (input.vulnerabilityNote !== undefined) patch.vulnerabilityNote = input.vulnerabilityNote || null;
      this.checkMembers(
        input.memberCount ?? current.memberCount,
        input.disabledMembers !== undefined ? (input.disabledMembers ?? 0) : current.disabledMembers,
        input.childrenMembers !== undefined ? (input.childrenMembers ?? 0) : current.childrenMembers,
      );
      return updateRecord(tx, Household, 'Household', current, input.version, patch, {
        action: 'rescue.household.update',
        changes: (updated) => redact(diff(current, updated)),
        ...recordEvent(communityEvents['rescue.household.updated'], householdPayload),
      });
    });
  }

  /** Takes a household off its group's list (moved away, merged); the record is kept. */
  async removeHousehold(ctx: RequestContext, input: ArchiveInput): Promise<Household> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeHousehold(tx, input.id);
      return archiveRecord(tx, Household, 'Household', current, input.version, {
        action: 'rescue.household.remove',
        ...recordEvent(communityEvents['rescue.household.removed'], householdPayload(current)),
      });
    });
  }

  /** Vulnerable members cannot outnumber the household (the table's CHECKs say the same). */
  private checkMembers(memberCount: number, disabled: number, children: number): void {
    if (disabled > memberCount) throw communityRules.field('input.disabledMembers', 'notAboveMemberCount', `must not exceed the household's members (${memberCount}).`);
    if (children > memberCount) throw communityRules.field('input.childrenMembers', 'notAboveMemberCount', `must not exceed the household's members (${memberCount}).`);
  }

  private checkDeputy(leader: string, deputy: string | null): void {
    if (deputy && deputy === leader) throw communityRules.field('input.deputyPersonId', 'notLeader', 'the deputy must be another person than the leader.');
  }

  /**
   * A village, community or grid within the caller's joint-defense write scope: NOT_FOUND naming
   * `input.organizationId` when missing or out of scope, BAD_USER_INPUT `notArchived` when archived,
   * `kind` for another kind of organization.
   */
  private async checkOrganization(tx: RequestContext, organizationId: string): Promise<void> {
    const org = await records(tx, Organizations, CommunityPermission.JointDefenseWrite).reference(organizationId, 'input.organizationId', { properties: ['kind'] });
    if (!GROUP_ORGANIZATION_KINDS.includes(org.kind)) throw communityRules.field('input.organizationId', 'kind', 'joint defense groups belong to a village, a community or a grid.');
  }

  /** A group the caller may keep, locked, not archived; out of scope answers NOT_FOUND, like a missing one. */
  private async activeGroup(tx: RequestContext, id: string): Promise<JointDefenseGroup> {
    const current = await records(tx, JointDefenseGroups, CommunityPermission.JointDefenseWrite).lock(id);
    if (current.archivedAt) throw communityRules.field('input.id', 'notArchived', 'the joint defense group is archived.');
    return current;
  }

  /**
   * The active group a household is listed in, within the write scope, locked FOR SHARE against a
   * concurrent archive: NOT_FOUND naming `input.groupId` when missing or out of scope, `notArchived` when dissolved.
   */
  private groupForHousehold(tx: RequestContext, id: string): Promise<JointDefenseGroup> {
    return records(tx, JointDefenseGroups, CommunityPermission.JointDefenseWrite).reference(id, 'input.groupId', { lock: 'share' });
  }

  /** A household the caller may keep, locked, still listed; out of scope answers NOT_FOUND, like a missing one. */
  private async activeHousehold(tx: RequestContext, id: string): Promise<Household> {
    const current = await records(tx, Households, CommunityPermission.JointDefenseWrite).lock(id);
    if (current.archivedAt) throw communityRules.field('input.id', 'notArchived', 'the household was removed.');
    return current;
  }
}
