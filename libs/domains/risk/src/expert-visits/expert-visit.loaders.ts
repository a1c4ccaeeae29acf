import { defineChildPages } from '@platform/core';
import { hazardSortKeys } from '../hazards/hazard.orders';
import { Hazards } from '../risk.entities';

/** The hazards an expert visit raised (link table `expert_visit_hazard`) that the caller may read, newest found first. */
export const ExpertVisitHazards = defineChildPages(Hazards, {
  name: 'risk.expertVisit.hazards',
  link: { table: 'expert_visit_hazard', parentColumn: 'visit_id', column: 'hazard_id' },
  keys: hazardSortKeys('t'),
});
