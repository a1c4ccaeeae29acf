import { unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { insertSeedIssuers } from './document.seed.sql';

const REASON = 'seed: the town\'s document short names, on no caller\'s behalf';

/** The seed id of an issuer's short name, by the organization's directory key. */
export const documentIssuerSeedId = (organizationKey: string): string => seedId(`enforcement-document-issuer:${organizationKey}`);

/**
 * The demo issuers: the town government numbers its enforcement documents 南平镇应急〔年〕现检N号 (the
 * brief's example; the real 机关代字 is the town's to set). The kinds and their first templates come
 * with the migration: they are needed without the demo too. The documents themselves are issued by
 * the inspections' seed through `issueEnforcementDocument`.
 */
export async function seedDocumentIssuers(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, REASON).exists(seedId('org:town')))) return;
  await insertSeedIssuers(ctx, [{ id: documentIssuerSeedId('town'), organizationId: seedId('org:town'), shortName: '南平镇应急' }]);
}
