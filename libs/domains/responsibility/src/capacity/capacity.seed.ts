import { audit, type RequestContext } from '@platform/core';
import { seedId } from '@platform/directory';
import { insertSeedCommitments, type SeedCommitmentRow } from './capacity.seed.sql';

/** Villages' commitments: most within 30 minutes, two slower, some villages with none yet. */
const COMMITMENTS: ReadonlyArray<[string, number, string, string | null]> = [
  ['village-wenfeng', 20, '文凤村村委会院坝', '民兵应急救援队分两班轮值，夜间由值班班次集结'],
  ['village-shuanghe', 45, '双河村便民服务中心', '山区道路，雨季到场时间延长'],
  ['village-longshan', 30, '龙山村村委会', null],
  ['village-shixi', 25, '石溪村文化广场', null],
  ['village-jinlong', 35, '金龙村村委会', '与相邻村共用救援队一支'],
  ['village-xinhua', 20, '新华村村委会', null],
  ['community-nanping', 10, '南平社区居委会', '镇区，救援队驻镇应急办'],
  ['community-longmen', 15, '龙门社区居委会', null],
];

/** The villages' emergency commitments (deterministic, idempotent). */
export async function seedCapacity(ctx: RequestContext): Promise<void> {
  const rows: SeedCommitmentRow[] = COMMITMENTS.map(([key, minutes, assemblyPoint, note]) => ({ id: seedId(`village-commitment:${key}`), organizationId: seedId(`org:${key}`), arrivalMinutes: minutes, assemblyPoint, note }));
  const inserted = await insertSeedCommitments(ctx, rows);
  if (inserted) await audit(ctx, { action: 'responsibility.village-commitment.seed', entityType: 'VillageEmergencyCommitment', entityId: null, changes: { inserted } });
}
