import {
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
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { IndustrySectors, Organizations } from '@platform/directory';
import { Campaign } from './campaign.entity';
import { CampaignOrder } from './campaign.orders';
import { insertCampaignHazards, insertCampaignTargets } from './campaign-links.sql';
import type { AddCampaignTargetsArgs, CampaignListArgs, CreateCampaignInput, LinkCampaignHazardsArgs, UpdateCampaignInput } from './campaign.inputs';
import { Campaigns, Hazards } from '../risk.entities';
import { riskEvents } from '../risk.events';
import { riskRules } from '../risk.rules';
import { RiskPermission } from '../permissions';

/**
 * Campaigns are town-wide (see `Campaigns`): anyone who may read hazards may read them; what is
 * counted or listed inside a campaign is limited to the caller's scope.
 */
export class CampaignService {
  list(ctx: RequestContext, args: CampaignListArgs, withCount: boolean): Promise<ConnectionResult<Campaign>> {
    const f = args.filter ?? {};
    let campaigns = records(ctx, Campaigns);
    // A change feed lists archived campaigns too (tombstones: archivedAt says so).
    if (!isChangeFeed(f)) campaigns = campaigns.where(sql`t.archived_at IS NULL`);
    if (f.activeOn) campaigns = campaigns.where(sql`t.starts_on <= CAST(${f.activeOn} AS date) AND t.ends_on >= CAST(${f.activeOn} AS date)`);
    return whereChanged(campaigns, f).page({ keys: CampaignOrder.keys(args.orderBy), page: args, withCount });
  }

  async create(ctx: RequestContext, input: CreateCampaignInput): Promise<Campaign> {
    this.checkPeriod(input.startsOn, input.endsOn);
    return transaction(ctx, async (tx) => {
      if (input.sectorCode) await this.checkSector(tx, input.sectorCode);
      return createRecord(
        tx,
        Campaign,
        'Campaign',
        { name: input.name, sectorCode: input.sectorCode ?? null, startsOn: input.startsOn, endsOn: input.endsOn, description: input.description ?? null, archivedAt: null },
        { action: 'risk.campaign.create', changes: { ...input }, ...recordEvent(riskEvents['risk.campaign.created'], (c: Campaign) => ({ id: c.id })) },
      );
    });
  }

  async update(ctx: RequestContext, input: UpdateCampaignInput): Promise<Campaign> {
    return transaction(ctx, async (tx) => {
      const current = await this.activeCampaign(tx, input.id, 'input.id', 'update');
      const patch: Patch<Campaign> = sentFields(input, ['name', 'startsOn', 'endsOn', 'description']);
      if (input.sectorCode !== undefined) {
        if (input.sectorCode) await this.checkSector(tx, input.sectorCode);
        patch.sectorCode = input.sectorCode;
      }
      this.checkPeriod(input.startsOn ?? current.startsOn, input.endsOn ?? current.endsOn);
      return updateRecord(tx, Campaign, 'Campaign', current, input.version, patch, { action: 'risk.campaign.update', ...recordEvent(riskEvents['risk.campaign.updated'], { id: current.id }) });
    });
  }

  /**
   * Adds target organizations (active, within the caller's campaign scope: else NOT_FOUND naming
   * `organizationIds.<index>`); repeats are ignored.
   */
  async addTargets(ctx: RequestContext, args: AddCampaignTargetsArgs): Promise<Campaign> {
    return transaction(ctx, async (tx) => {
      const campaign = await this.activeCampaign(tx, args.campaignId, 'campaignId', 'share');
      await records(tx, Organizations, RiskPermission.CampaignWrite).referenceAll(args.organizationIds, 'organizationIds', { properties: [] });
      const ids = [...new Set(args.organizationIds)];
      await insertCampaignTargets(tx, campaign.id, ids);
      await audit(tx, { action: 'risk.campaign.addTargets', entityType: 'Campaign', entityId: campaign.id, changes: { organizationIds: ids } });
      await emitEvent(tx, riskEvents, 'risk.campaign.targetsAdded', { id: campaign.id, organizationIds: ids });
      return campaign;
    });
  }

  /** Links hazards the caller may read to the campaign (else NOT_FOUND naming `hazardIds.<index>`); repeats are ignored. */
  async linkHazards(ctx: RequestContext, args: LinkCampaignHazardsArgs): Promise<Campaign> {
    return transaction(ctx, async (tx) => {
      const campaign = await this.activeCampaign(tx, args.campaignId, 'campaignId', 'share');
      await records(tx, Hazards).referenceAll(args.hazardIds, 'hazardIds', { archived: true, properties: [] });
      const ids = [...new Set(args.hazardIds)];
      await insertCampaignHazards(tx, campaign.id, ids);
      await audit(tx, { action: 'risk.campaign.linkHazards', entityType: 'Campaign', entityId: campaign.id, changes: { hazardIds: ids } });
      await emitEvent(tx, riskEvents, 'risk.campaign.hazardsLinked', { id: campaign.id, hazardIds: ids });
      return campaign;
    });
  }

  private checkPeriod(startsOn: string, endsOn: string): void {
    if (endsOn < startsOn) throw riskRules.field('input.endsOn', 'notBeforeStart', 'must not be before startsOn.');
  }

  /** The sector code names an industry sector of the code list (BAD_USER_INPUT `exists` otherwise: a code, not a scoped record). */
  private async checkSector(tx: RequestContext, code: string): Promise<void> {
    if (!(await records(tx, IndustrySectors).exists(code))) throw riskRules.field('input.sectorCode', 'exists', `no industry sector ${code}.`);
  }

  /**
   * A campaign that is not archived, locked for the change (FOR SHARE when only links are added, so
   * an update or archive waits); NOT_FOUND when missing, BAD_USER_INPUT `notArchived` on `field` when archived.
   */
  private async activeCampaign(tx: RequestContext, id: string, field: string, mode: 'update' | 'share'): Promise<Campaign> {
    const campaign = await records(tx, Campaigns, RiskPermission.CampaignWrite).lock(id, mode);
    if (campaign.archivedAt) throw riskRules.field(field, 'notArchived', 'the campaign is archived.');
    return campaign;
  }
}
