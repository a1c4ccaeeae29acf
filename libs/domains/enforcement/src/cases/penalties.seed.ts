import { addDays, audit, businessRules, globalIdOf, unscoped, type RequestContext } from '@platform/core';
import { Organizations, Persons, seedId } from '@platform/directory';
import { EnforcementDocumentKind, issueEnforcementDocument, type OnTheSpotDecisionFields } from '../documents/public';
import { enforcementItemSeedId } from '../items/public';
import { lawArticleSeedId } from '../laws/public';
import { validEnforcementCertificates } from '../certificates/public';
import { ON_THE_SPOT_LIMITS_RULE } from '../business-rules/penalties';
import { OnTheSpotPartyKind, OnTheSpotPenaltyKind } from './penalty.enums';
import { OnTheSpotPenalties } from './penalties.entities';
import { seedCaseLines } from './penalties.seed-lines';
import { insertSeedOnTheSpotPenalty } from './penalties.seed.sql';

/** Why the seed reads beyond any caller's scope. */
const SEEDING = 'seeding demo data, on no caller\'s behalf';

/** The id of a seeded on-the-spot penalty, by its key. */
export const onTheSpotPenaltySeedId = (key: string): string => seedId(`on-the-spot-penalty:${key}`);

interface SeedOnTheSpot {
  readonly key: string;
  readonly enterprise: string;
  readonly item: string;
  readonly articles: readonly number[];
  readonly partyKind: OnTheSpotPartyKind;
  readonly partyName?: string;
  readonly place: string;
  readonly facts: string;
  readonly kind: OnTheSpotPenaltyKind;
  readonly fineYuan?: string;
  readonly decidedOn: string;
  /** Filed on this day; absent: not filed yet. */
  readonly filedOn?: string;
}

/** The town's on-the-spot penalties: a warning filed in time, a fine filed late, and one not filed yet (late by the README's day). */
const SEED_ON_THE_SPOT: readonly SeedOnTheSpot[] = [
  {
    key: '2026-xingyun-warning', enterprise: 'ent-xingyun-ktv', item: 'YJ-CF-005', articles: [102], partyKind: OnTheSpotPartyKind.ORGANIZATION,
    place: 'KTV二楼包房区疏散走道', facts: '二楼疏散走道堆放啤酒箱约一米，当场责令清除，已清除完毕', kind: OnTheSpotPenaltyKind.WARNING, decidedOn: '2026-10-16', filedOn: '2026-10-19',
  },
  {
    key: '2026-shunfa-fine', enterprise: 'ent-shunfa-grocery', item: 'YJ-CF-005', articles: [102], partyKind: OnTheSpotPartyKind.ORGANIZATION,
    place: '顺发便利店后库房', facts: '后库房电动自行车违规充电且未落实防范措施，经责令后未立即消除', kind: OnTheSpotPenaltyKind.FINE, fineYuan: '2000', decidedOn: '2026-11-02', filedOn: '2026-11-12',
  },
  {
    key: '2026-xianghe-fine', enterprise: 'ent-xianghe-tofu', item: 'YJ-CF-005', articles: [102], partyKind: OnTheSpotPartyKind.ORGANIZATION,
    place: '香河豆制品加工坊锅炉房', facts: '锅炉房内堆放柴草等可燃物，距锅炉不足一米', kind: OnTheSpotPenaltyKind.FINE, fineYuan: '500', decidedOn: '2026-11-20',
  },
];

const ENFORCERS = ['person-dept-enforcement-staff-1', 'person-dept-enforcement-staff-2'];

/**
 * Demo data of penalties: on-the-spot penalties (each with its decision form) and the lines and
 * payments of the cases part's seeded cases (`seedCaseLines`). Idempotent: fixed ids, nothing twice.
 */
export async function seedPenalties(ctx: RequestContext): Promise<void> {
  const town = seedId('org:town');
  if (!(await unscoped(ctx, Organizations, SEEDING).exists(town))) return;
  let inserted = 0;
  const enforcers = ENFORCERS.map((k) => seedId(`person:${k}`));
  for (const s of SEED_ON_THE_SPOT) {
    const id = onTheSpotPenaltySeedId(s.key);
    if (await unscoped(ctx, OnTheSpotPenalties, SEEDING).exists(id)) continue;
    const enterprise = (await unscoped(ctx, Organizations, SEEDING).one(seedId(`org:${s.enterprise}`), ['id', 'name']))!;
    const limits = await businessRules.inForce(ctx, ON_THE_SPOT_LIMITS_RULE, s.decidedOn);
    const persons = await unscoped(ctx, Persons, SEEDING).many(enforcers, ['id', 'name']);
    const certificates = await validEnforcementCertificates(ctx, enforcers, town, s.decidedOn);
    const fields: OnTheSpotDecisionFields = {
      partyName: s.partyName ?? enterprise.name,
      place: s.place,
      facts: s.facts,
      legalBasis: `《中华人民共和国安全生产法》第${s.articles.join('、')}条`,
      penalty: s.kind === OnTheSpotPenaltyKind.WARNING ? '警告' : `罚款人民币${s.fineYuan}.00元`,
      decidedOn: s.decidedOn,
      inspectors: persons.map((p, n) => ({ name: p?.name ?? enforcers[n]!, certificateNumber: certificates.get(enforcers[n]!)?.number ?? '（无）' })),
    };
    const document = await issueEnforcementDocument(ctx, {
      id: seedId(`on-the-spot-document:${s.key}`),
      kind: EnforcementDocumentKind.ON_THE_SPOT_DECISION,
      organizationId: enterprise.id,
      issuingOrganizationId: town,
      subjectNodeId: globalIdOf(OnTheSpotPenalties, id),
      issuedOn: s.decidedOn,
      fields,
    });
    const at = `${s.filedOn ?? s.decidedOn}T17:00:00+08:00`;
    await insertSeedOnTheSpotPenalty(ctx, {
      id, number: document.number, document_id: document.id, legal_subject_id: town, enforcement_item_id: enforcementItemSeedId('2025-07', s.item), enterprise_id: enterprise.id,
      party_kind: s.partyKind, party_person_id: null, party_name: fields.partyName, place: s.place, facts: s.facts,
      law_article_ids: s.articles.map((n) => lawArticleSeedId('work-safety-law-2021', n)), kind: s.kind, fine_yuan: s.fineYuan ?? null, decided_on: s.decidedOn,
      enforcer_person_ids: enforcers, limits_rule_version_id: limits.id, filing_due_on: addDays(s.decidedOn, limits.value.filingDays), filed_on: s.filedOn ?? null, created_at: at, updated_at: at,
    });
    inserted++;
  }
  if (inserted) await audit(ctx, { action: 'enforcement.on-the-spot-penalty.seed', entityType: 'OnTheSpotPenalty', entityId: null, changes: { inserted } });
  await seedCaseLines(ctx);
}
