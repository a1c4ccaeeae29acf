import type { RequestContext } from '@platform/core';

/*
 * The link rows of a campaign (its targets and the hazards it follows), added in one statement each.
 * Hand-written because they insert a set of rows at once and leave the ones already there
 * (ON CONFLICT DO NOTHING), which the write helpers (one audited record at a time) do not express.
 * The caller has checked every id through `records(…).referenceAll` and locked the campaign; the
 * campaign's audit entry and event record the change.
 */

/** Targets the organizations; ones already targeted keep their `added_at`. */
export async function insertCampaignTargets(tx: RequestContext, campaignId: string, organizationIds: readonly string[]): Promise<void> {
  await tx.manager.query(`INSERT INTO campaign_target (campaign_id, organization_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [campaignId, organizationIds]);
}

/** Links the hazards; ones already linked keep their `linked_at`. */
export async function insertCampaignHazards(tx: RequestContext, campaignId: string, hazardIds: readonly string[]): Promise<void> {
  await tx.manager.query(`INSERT INTO campaign_hazard (campaign_id, hazard_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [campaignId, hazardIds]);
}
