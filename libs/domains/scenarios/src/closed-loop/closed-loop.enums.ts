import { registerEnumType } from 'type-graphql';

/** How the closed loop's rows are grouped. */
export enum ClosedLoopGrouping {
  VILLAGE = 'VILLAGE',
  SECTOR = 'SECTOR',
  TOWN = 'TOWN',
}

registerEnumType(ClosedLoopGrouping, {
  name: 'ClosedLoopGrouping',
  description: '闭环分组。How the closed-loop rows are grouped.',
  valuesConfig: {
    VILLAGE: { description: '按村社区。One row per village or community in your scope (its grids, enterprises and institutions counted in it).' },
    SECTOR: { description: '按行业。One row per industry sector of the enterprises with a risk point or a hazard found in the period; hazards outside enterprises are left out.' },
    TOWN: { description: '合计。One row: everything in your scope.' },
  },
});
