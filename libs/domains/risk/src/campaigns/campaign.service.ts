import {
  BadUserInputError,
  SortDirection,
  audit,
  paginate,
  lockActiveOrFail,
  transaction,
  updateRecord,
  type ConnectionResult,
  type RequestContext,
  type SortKey,
} from '@platform/core';
import { organizationScope } from '@platform/directory';
import type { SelectQueryBuilder } from 'typeorm';
import { Campaign, CampaignHazard, CampaignTarget } from './campaign.entity';
import { scopedHazards } from '../hazards/hazard.service';
import { RiskPermission } from '../permissions';
import type { AddCampaignTargetsArgs, CampaignListArgs, CreateCampaignInput, LinkCampaignHazardsArgs, UpdateCampaignInput } from './campaign.inputs';

/** Latest start first; then by id, so the order (and the cursor) is total. */
export const campaignSortKeys = (alias: string): SortKey<Campaign>[] => [
  { column: `${alias}.starts_on`, direction: SortDirection.DESC },
  { column: `${alias}.id`, direction: SortDirection.DESC },
];

/**
 * Campaigns are town-wide: anyone who may read hazards may read them (the resolvers demand
 * risk.hazard:read); what is counted or listed inside a campaign is limited to the caller's scope.
 */
export const campaigns = (ctx: RequestContext): SelectQueryBuilder<Campaign> => ctx.manager.createQueryBuilder(Campaign, 'c');

export class CampaignService {
  list(ctx: RequestContext, args: CampaignListArgs, withCount: boolean): Promise<ConnectionResult<Campaign>> {
    const qb = campaigns(ctx).where('c.archived_at IS NULL');
    const f = args.filter ?? {};
    if (f.activeOn) qb.andWhere('c.starts_on <= CAST(:activeOn AS date) AND c.ends_on >= CAST(:activeOn AS date)', { activeOn: f.activeOn });
    return paginate(qb, args, campaignSortKeys('c'), withCount);
  }

  async create(ctx: RequestContext, input: CreateCampaignInput): Promise<Campaign> {
    this.checkPeriod(input.startsOn, input.endsOn);
    return transaction(ctx, async (tx) => {
      if (input.sectorCode) await this.checkSector(tx, input.sectorCode);
      const campaign = await tx.manager.save(
        tx.manager.create(Campaign, {
          name: input.name,
          sectorCode: input.sectorCode ?? null,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          description: input.description ?? null,
          archivedAt: null,
        }),
      );
      await audit(tx, { action: 'risk.campaign.create', entityType: 'Campaign', entityId: campaign.id, changes: { ...input } });
      await tx.emit('risk.campaign.created', { id: campaign.id });
      return campaign;
    });
  }

  async update(ctx: RequestContext, input: UpdateCampaignInput): Promise<Campaign> {
    return transaction(ctx, async (tx) => {
      const current = await this.getActiveOrFail(tx, input.id, 'input.id');
      const patch: Partial<Campaign> = {};
      if (input.name !== undefined) patch.name = input.name;
      if (input.startsOn !== undefined) patch.startsOn = input.startsOn;
      if (input.endsOn !== undefined) patch.endsOn = input.endsOn;
      if (input.description !== undefined) patch.description = input.description;
      if (input.sectorCode !== undefined) {
        if (input.sectorCode) await this.checkSector(tx, input.sectorCode);
        patch.sectorCode = input.sectorCode;
      }
      this.checkPeriod(patch.startsOn ?? current.startsOn, patch.endsOn ?? current.endsOn);
      return updateRecord(tx, Campaign, 'Campaign', current, input.version, patch, { action: 'risk.campaign.update', event: 'risk.campaign.updated' });
    });
  }

  /** Adds target organizations (active, within the caller's campaign scope); repeats are ignored. */
  async addTargets(ctx: RequestContext, args: AddCampaignTargetsArgs): Promise<Campaign> {
    return transaction(ctx, async (tx) => {
      const campaign = await this.getActiveOrFail(tx, args.campaignId, 'campaignId', 'pessimistic_read');
      const ids = [...new Set(args.organizationIds)];
      const scope = organizationScope(tx.principal, RiskPermission.CampaignWrite, 'o.path', 'o.id');
      const found = await tx.manager
        .createQueryBuilder()
        .select('o.id', 'id')
        .from('organization', 'o')
        .where('o.id IN (:...ids) AND o.archived_at IS NULL', { ids })
        .andWhere(scope.sql, scope.params)
        .getRawMany<{ id: string }>();
      const missing = ids.filter((id) => !found.some((o) => o.id === id));
      if (missing.length) throw BadUserInputError.field('organizationIds', 'exists', `no active organization within your scope: ${missing.join(', ')}.`);
      await tx.manager.createQueryBuilder().insert().into(CampaignTarget).values(ids.map((organizationId) => ({ campaignId: campaign.id, organizationId }))).orIgnore().execute();
      await audit(tx, { action: 'risk.campaign.addTargets', entityType: 'Campaign', entityId: campaign.id, changes: { organizationIds: ids } });
      await tx.emit('risk.campaign.targetsAdded', { id: campaign.id, organizationIds: ids });
      return campaign;
    });
  }

  /** Links hazards the caller may read to the campaign; repeats are ignored. */
  async linkHazards(ctx: RequestContext, args: LinkCampaignHazardsArgs): Promise<Campaign> {
    return transaction(ctx, async (tx) => {
      const campaign = await this.getActiveOrFail(tx, args.campaignId, 'campaignId', 'pessimistic_read');
      const ids = [...new Set(args.hazardIds)];
      const found = await scopedHazards(tx).andWhere('h.id IN (:...ids)', { ids }).select('h.id', 'id').getRawMany<{ id: string }>();
      const missing = ids.filter((id) => !found.some((h) => h.id === id));
      if (missing.length) throw BadUserInputError.field('hazardIds', 'exists', `no hazard in your scope: ${missing.join(', ')}.`);
      await tx.manager.createQueryBuilder().insert().into(CampaignHazard).values(ids.map((hazardId) => ({ campaignId: campaign.id, hazardId }))).orIgnore().execute();
      await audit(tx, { action: 'risk.campaign.linkHazards', entityType: 'Campaign', entityId: campaign.id, changes: { hazardIds: ids } });
      await tx.emit('risk.campaign.hazardsLinked', { id: campaign.id, hazardIds: ids });
      return campaign;
    });
  }

  private checkPeriod(startsOn: string, endsOn: string): void {
    if (endsOn < startsOn) throw BadUserInputError.field('input.endsOn', 'notBeforeStart', 'must not be before startsOn.');
  }

  private async checkSector(tx: RequestContext, code: string): Promise<void> {
    const [sector] = await tx.manager.createQueryBuilder().select('s.code', 'code').from('industry_sector', 's').where('s.code = :code', { code }).getRawMany();
    if (!sector) throw BadUserInputError.field('input.sectorCode', 'exists', `no industry sector ${code}.`);
  }

  /** A campaign that is not archived, locked for the change (FOR SHARE when only links are added). */
  private async getActiveOrFail(tx: RequestContext, id: string, field: string, lock: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write'): Promise<Campaign> {
    return lockActiveOrFail(campaigns(tx), 'Campaign', id, 'the campaign is archived.', field, lock);
  }
}
