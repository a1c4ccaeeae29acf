import { createHash } from 'node:crypto';
import { unscoped, type RequestContext } from '@platform/core';
import { Organizations, seedId } from '@platform/directory';
import { QrCodeKind, SelfCheckResult } from './qr-code.enums';
import { QrCodes, SelfCheckSubmissions } from './qr-codes.entities';
import { QR_SECTOR_LISTS_SEEDS, sectorListOf, type QrSectorLists } from '../business-rules/qr-codes';
import { QrCodeService } from './qr-code.service';
import { SelfCheckService } from './self-check.service';
import { qrCodeSeedCode } from './qr-code-values';
import { seedScanDays, type ScanDayRow } from './qr-codes.sql';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded code, by key. */
export const qrCodeSeedId = (key: string): string => seedId(`scenarios:qr-code:${key}`);
/** The id of a seeded self-check, by code key and month (`2026-11`). */
export const selfCheckSeedId = (key: string, month: string): string => seedId(`scenarios:self-check:${key}:${month}`);

/** An instant of a China day. */
const at = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

/** A seeded code: an enterprise's (九小场所 and the demo enterprise account's) or a public place of a village. */
export interface SeedQrCode {
  readonly key: string;
  readonly kind: QrCodeKind;
  /** The enterprise by directory key, or the village of a public place. */
  readonly enterprise?: string;
  readonly village?: string;
  readonly placeName?: string;
  readonly address?: string;
  readonly location?: { readonly longitude: number; readonly latitude: number };
  readonly sectorCode?: string;
  readonly issuedAt: Date;
  /** Its self-check history: month, when submitted, and the items found not in order (code → note). */
  readonly selfChecks?: ReadonlyArray<{ readonly month: string; readonly at: Date; readonly notOk?: Readonly<Record<string, string>> }>;
}

const K = QrCodeKind;

/**
 * The demo codes (九小场所: a restaurant with its kitchen, a small shop, a guesthouse; the demo
 * enterprise account's petrol station; a village's activity centre) with monthly self-check history:
 * 老街餐馆 found its gas hose cracked in October and its fume duct greasy in November, 青山农家乐 its
 * extinguishers low and e-bikes charging in the corridor in November; each raised a SELF_CHECK hazard.
 */
export const QR_CODE_SEED: readonly SeedQrCode[] = [
  {
    key: 'laojie-restaurant', kind: K.ENTERPRISE, enterprise: 'ent-laojie-restaurant', issuedAt: at('2026-08-20', '09:30'),
    selfChecks: [
      { month: '2026-09', at: at('2026-09-05', '10:20') },
      { month: '2026-10', at: at('2026-10-08', '15:05'), notOk: { GAS_HOSE: '燃气软管老化开裂，已购买新软管待更换' } },
      { month: '2026-11', at: at('2026-11-06', '14:40'), notOk: { FUME_DUCT: '排油烟管道油垢较厚，已联系清洗公司本月清洗' } },
    ],
  },
  {
    key: 'laojie-kitchen', kind: K.PLACE, enterprise: 'ent-laojie-restaurant', placeName: '老街餐馆后厨', issuedAt: at('2026-08-20', '09:35'),
    selfChecks: [{ month: '2026-11', at: at('2026-11-06', '14:55') }],
  },
  {
    key: 'shunfa-grocery', kind: K.ENTERPRISE, enterprise: 'ent-shunfa-grocery', issuedAt: at('2026-08-21', '10:00'),
    selfChecks: [{ month: '2026-11', at: at('2026-11-03', '09:15') }],
  },
  {
    key: 'qingshan-farmstay', kind: K.ENTERPRISE, enterprise: 'ent-qingshan-farmstay', issuedAt: at('2026-09-02', '11:00'),
    selfChecks: [
      { month: '2026-10', at: at('2026-10-10', '16:30') },
      { month: '2026-11', at: at('2026-11-12', '17:10'), notOk: { FIRE_EXTINGUISHER: '前台2具灭火器压力表指针在红区', EBIKE_CHARGING: '员工电动车夜间在楼道充电' } },
    ],
  },
  {
    key: 'sinopec-nanping', kind: K.ENTERPRISE, enterprise: 'ent-sinopec-nanping', issuedAt: at('2026-09-15', '09:00'),
    selfChecks: [
      { month: '2026-10', at: at('2026-10-09', '08:45') },
      { month: '2026-11', at: at('2026-11-04', '08:50') },
    ],
  },
  {
    key: 'wenfeng-activity-centre', kind: K.PLACE, village: 'village-wenfeng', placeName: '文凤村村民活动中心', address: '南平镇文凤村一组村委会旁',
    location: { longitude: 107.0958, latitude: 29.1591 }, sectorCode: 'CROWDED_PLACES', issuedAt: at('2026-10-15', '10:00'),
  },
];

/** A deterministic count of scans of a code on a day (0–6). */
const scansOn = (key: string, day: string): number => createHash('sha256').update(`${key}:${day}`).digest()[0]! % 7;

/** The demo week's days (2026-11-22 … 2026-11-28: the 29th is still morning at the README's instant). */
const DEMO_DAYS = ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'];

/**
 * The demo codes (`QR_CODE_SEED`, values `qrCodeSeedCode(key)`), their self-check history (raising
 * their hazards) and a week of daily scans. Idempotent: what is seeded is left alone.
 */
export async function seedQrCodes(ctx: RequestContext): Promise<void> {
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(seedId('org:town')))) return;
  const codes = new QrCodeService();
  const checks = new SelfCheckService();
  const lists = QR_SECTOR_LISTS_SEEDS[0]!.value as QrSectorLists;
  const scans: ScanDayRow[] = [];
  for (const s of QR_CODE_SEED) {
    const id = qrCodeSeedId(s.key);
    const enterpriseId = s.enterprise ? seedId(`org:${s.enterprise}`) : null;
    if (enterpriseId && !(await unscoped(ctx, Organizations, SEEDING).exists(enterpriseId))) continue;
    if (!(await unscoped(ctx, QrCodes, SEEDING).exists(id))) {
      await codes.issue(
        ctx,
        {
          kind: s.kind,
          enterpriseId: enterpriseId ?? undefined,
          organizationId: s.village ? seedId(`org:${s.village}`) : undefined,
          placeName: s.placeName,
          address: s.address,
          location: s.location,
          sectorCode: s.sectorCode,
        },
        { seed: { id, code: qrCodeSeedCode(s.key), at: s.issuedAt } },
      );
    }
    const qr = (await unscoped(ctx, QrCodes, SEEDING).one(id, ['id', 'sectorCode']))!;
    const list = sectorListOf(lists, qr.sectorCode);
    for (const c of s.selfChecks ?? []) {
      const checkId = selfCheckSeedId(s.key, c.month);
      if (await unscoped(ctx, SelfCheckSubmissions, SEEDING).exists(checkId)) continue;
      const answers = list.items.map((item) => {
        const note = c.notOk?.[item.code];
        return note ? { code: item.code, result: SelfCheckResult.NOT_OK, note } : { code: item.code, result: SelfCheckResult.OK };
      });
      await checks.submit(ctx, { qrCodeId: id, periodMonth: `${c.month}-01`, answers }, { seed: { id: checkId, submittedAt: c.at } });
    }
    for (const day of DEMO_DAYS) {
      const n = scansOn(s.key, day);
      if (n > 0 && at(day, '00:00') >= s.issuedAt) scans.push({ qrCodeId: id, day, scans: n });
    }
  }
  await seedScanDays(ctx, scans);
}
