/*
 * The referrals part's entity with its row scope and permissions, declared once: every read and write
 * goes through `records(ctx, CriminalReferrals)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { CriminalReferral } from './criminal-referral.entity';
import { ReferralPermission } from './referrals.permissions';

/** A referral belongs to the organization concerned: a village officer reaches those of its enterprises. */
export const CriminalReferrals = defineScopedEntity(CriminalReferral, {
  table: 'criminal_referral',
  scope: { organizationColumn: 'organization_id' },
  read: ReferralPermission.Read,
  write: ReferralPermission.Manage,
});

/** The declarations reachable by `node(nodeId:)`. */
export const referralNodeEntities = [CriminalReferrals];
