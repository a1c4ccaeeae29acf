// tools/ is not an Nx project, so the module-boundaries rule cannot place it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { CompareMeta } from '../../../tools/bench/report';

/** The machine and versions of a made-up compare run, for the report specs. */
export const TEST_META: CompareMeta = {
  date: '2026-11-29T06:00:00Z',
  cpu: 'Test CPU',
  cpus: 2,
  memoryGb: 8,
  os: 'Linux 6',
  nodeGateway: 'v22.23.3',
  nodePostgraphile: 'v22.23.3',
  nodeFloor: 'v22.23.3',
  nodeLoadGenerator: 'v20.20.2',
  postgres: 'PostgreSQL 15.20',
  postgraphile: '5.1.5',
  dataset: '200 organizations',
};
