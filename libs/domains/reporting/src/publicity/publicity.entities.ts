import { defineScopedEntity } from '@platform/core';
import { PublicityActivity } from './publicity-activity.entity';
import { EvacuationCommendation } from './evacuation-commendation.entity';
import { PublicityPermission } from './publicity.permissions';

/** An activity belongs to the organization where it was held: a village officer reaches those of its village and what lies in it. */
export const PublicityActivities = defineScopedEntity(PublicityActivity, {
  table: 'publicity_activity',
  scope: { organizationColumn: 'organization_id' },
  read: PublicityPermission.Read,
  write: PublicityPermission.Manage,
});

/** A commendation belongs to the organization commended. */
export const EvacuationCommendations = defineScopedEntity(EvacuationCommendation, {
  table: 'evacuation_commendation',
  scope: { organizationColumn: 'organization_id' },
  read: PublicityPermission.Read,
  write: PublicityPermission.Manage,
});

export const publicityNodeEntities = [PublicityActivities, EvacuationCommendations];
