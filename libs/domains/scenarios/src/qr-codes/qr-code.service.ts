import {
  NotFoundError,
  PlanningRefused,
  SortDirection,
  assertVersion,
  GeoPoint,
  businessRules,
  can,
  createRecord,
  locationColumns,
  recordEvent,
  records,
  sql,
  transaction,
  unscoped,
  updateRecord,
  whereChanged,
  type ConnectionResult,
  type Patch,
  type RequestContext,
} from '@platform/core';
import { EnterpriseProfiles, IndustrySectors, OrganizationKind, Organizations, type Organization } from '@platform/directory';
import { TipChannel } from '@domains/reporting';
import { QR_SECTOR_LISTS_RULE, sectorListOf, type QrSectorLists, type QrSelfCheckItemDefinition } from '../business-rules/qr-codes';
import { QrCode } from './qr-code.entity';
import { QrCodeKind, QrCodeStatus } from './qr-code.enums';
import { QrCodes, SelfCheckSubmissions } from './qr-codes.entities';
import { qrCodeEvents } from './qr-codes.events';
import { QrCodePermission } from './qr-codes.permissions';
import { qrCodeRules } from './qr-codes.rules';
import { QrCodeOrder } from './qr-code.orders';
import { QrCodeResolution, type QrSelfCheckForm } from './qr-code.types';
import { QR_CODE_PATTERN, monthOf, newQrCode, normalizeQrCode } from './qr-code-values';
import { qrCodeGuard } from './qr-code-guard';
import { countScan } from './qr-codes.sql';
import { selfCheckMissingSql } from './self-check.sql';
import type { IssueQrCodeInput, QrCodeListArgs, RevokeQrCodeInput, UpdateQrCodeInput } from './qr-code.inputs';

/** Why a resolution reads beyond any caller's scope. */
const BY_CODE = 'a scanned QR code is its own key: whoever holds the code reads the place it names (public resolution)';
const CODE_LIST = 'the sector code list is the same for everyone';
/** The kinds of organization a public place (a code without an enterprise) is kept at. */
const PLACE_KINDS: readonly OrganizationKind[] = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY, OrganizationKind.GRID];
/** Properties of an organization a code is made from. */
const ORG_PROPERTIES = ['id', 'kind', 'name', 'shortName', 'code', 'address', 'longitude', 'latitude', 'path'];

/** Properties the default keyset order reads (besides the id). */
export const QR_CODE_KEY_PROPERTIES = ['createdAt'];

const payloadOf = (q: QrCode) => ({ id: q.id, organizationId: q.organizationId, enterpriseId: q.enterpriseId, status: q.status });

/** The code as typed, normalized, or BAD_USER_INPUT naming `field`. */
export function checkedCode(typed: string, field: string): string {
  const code = normalizeQrCode(typed);
  if (!QR_CODE_PATTERN.test(code)) throw qrCodeRules.field(field, 'qrCode', 'a QR code is 12 characters of 0–9 and A–Z without I, L, O, U (dashes and spaces allowed).');
  return code;
}

/** Refuses a sector code the directory does not have. */
async function assertSector(tx: RequestContext, sectorCode: string, field: string): Promise<void> {
  if (!(await unscoped(tx, IndustrySectors, CODE_LIST).exists(sectorCode))) throw qrCodeRules.field(field, 'exists', `no industry sector ${sectorCode} (see industrySectors).`);
}

/** How a code is issued besides its input (the seed's codes). */
export interface QrCodeIssueOptions {
  /** The seed's fixed id, code value and time (system principal only). */
  readonly seed?: { readonly id: string; readonly code: string; readonly at: Date };
}

/** QR codes of enterprises and places: issue, correct, revoke, list, and the public resolution. */
export class QrCodeService {
  byId(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<QrCode | null> {
    return records(ctx, QrCodes).one(id, properties);
  }

  list(ctx: RequestContext, args: QrCodeListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<QrCode>> {
    const f = args.filter ?? {};
    let rows = records(ctx, QrCodes);
    if (f.enterpriseId) rows = rows.where(sql`t.enterprise_id = ${f.enterpriseId}`);
    if (f.kinds?.length) rows = rows.where(sql`t.kind = ANY(${f.kinds}::text[])`);
    if (f.statuses?.length) rows = rows.where(sql`t.status = ANY(${f.statuses}::text[])`);
    if (f.selfCheckMissing != null) {
      const missing = selfCheckMissingSql('t', monthOf(ctx.clock.today()));
      rows = rows.where(f.selfCheckMissing ? missing : sql`NOT ${missing}`);
    }
    return whereChanged(rows, f).page({ keys: QrCodeOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 发码: for an enterprise in the caller's manage scope (an enterprise its own), kind ENTERPRISE (one
   * active per enterprise) or PLACE; or a public place of a village, community or grid in scope. The
   * place's name, address, location and sector default to the enterprise's.
   */
  issue(ctx: RequestContext, input: IssueQrCodeInput, options: QrCodeIssueOptions = {}): Promise<QrCode> {
    if (options.seed && ctx.principal.kind !== 'system') throw new Error('Only the seed gives a code its id, value and time.');
    return transaction(ctx, async (tx) => {
      const directory = records(tx, Organizations, QrCodePermission.Manage);
      let enterprise: Organization | null = null;
      let organization: Organization;
      if (input.enterpriseId) {
        if (input.organizationId) throw qrCodeRules.field('input.organizationId', 'range', 'name the enterprise or, for a public place, the village: not both.');
        enterprise = await directory.reference(input.enterpriseId, 'input.enterpriseId', { properties: ORG_PROPERTIES });
        if (enterprise.kind !== OrganizationKind.ENTERPRISE) throw qrCodeRules.field('input.enterpriseId', 'organizationKind', `${enterprise.name} is not an enterprise: name a public place's village as organizationId.`);
        organization = enterprise;
      } else {
        if (input.kind === QrCodeKind.ENTERPRISE) throw qrCodeRules.field('input.enterpriseId', 'required', 'an enterprise code names its enterprise.');
        if (!input.organizationId) throw qrCodeRules.field('input.organizationId', 'required', 'a public place names its village, community or grid.');
        organization = await directory.reference(input.organizationId, 'input.organizationId', { properties: ORG_PROPERTIES });
        if (!PLACE_KINDS.includes(organization.kind)) throw qrCodeRules.field('input.organizationId', 'organizationKind', `${organization.name} is not a village, community or grid (an enterprise goes in enterpriseId).`);
      }
      const placeName = input.placeName?.trim() || (enterprise ? (enterprise.shortName ?? enterprise.name) : null);
      if (!placeName) throw qrCodeRules.field('input.placeName', 'required', 'a public place needs its name on the label.');
      const profile = enterprise ? await unscoped(tx, EnterpriseProfiles, 'the enterprise\'s sector chooses its code\'s lists').one(enterprise.id, ['organizationId', 'sectorCode']) : null;
      const sectorCode = input.sectorCode ?? profile?.sectorCode ?? 'OTHER';
      if (input.sectorCode) await assertSector(tx, sectorCode, 'input.sectorCode');
      if (input.kind === QrCodeKind.ENTERPRISE) {
        const active = await unscoped(tx, QrCodes, 'an enterprise has one active enterprise code, whoever issued it')
          .where(sql`t.enterprise_id = ${enterprise!.id} AND t.kind = ${QrCodeKind.ENTERPRISE} AND t.status = ${QrCodeStatus.ACTIVE}`)
          .count();
        if (active) throw qrCodeRules.field('input.enterpriseId', 'unique', `${enterprise!.name} has an active enterprise code: revoke it first, or issue a PLACE code.`);
      }
      const location = input.location ?? (enterprise?.longitude != null && enterprise.latitude != null ? { longitude: enterprise.longitude, latitude: enterprise.latitude } : null);
      const values: Patch<QrCode> = {
        ...(options.seed ? { id: options.seed.id, createdAt: options.seed.at, updatedAt: options.seed.at } : {}),
        code: options.seed?.code ?? newQrCode(),
        kind: input.kind,
        status: QrCodeStatus.ACTIVE,
        enterpriseId: enterprise?.id ?? null,
        organizationId: organization.id,
        placeName,
        address: input.address?.trim() || enterprise?.address || null,
        ...locationColumns(location),
        sectorCode,
      };
      return createRecord(tx, QrCode, 'QrCode', values, {
        action: 'scenarios.qr-code.issue',
        ...recordEvent(qrCodeEvents['scenarios.qr-code.issued'], payloadOf),
        // Never the code itself: whoever reads the audit log would hold the key to the place.
        changes: (q) => ({ kind: q.kind, enterpriseId: q.enterpriseId, organizationId: q.organizationId, placeName: q.placeName, sectorCode: q.sectorCode }),
      });
    });
  }

  /** 更正: an active code in the caller's manage scope. */
  update(ctx: RequestContext, input: UpdateQrCodeInput): Promise<QrCode> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, QrCodes, QrCodePermission.Manage).lock(input.id);
      assertVersion('QrCode', current, input.version);
      if (current.status !== QrCodeStatus.ACTIVE) throw qrCodeRules.field('input.id', 'state', 'the code is revoked: issue a new one.');
      const patch: Patch<QrCode> = {};
      if (input.placeName !== undefined) patch.placeName = input.placeName.trim();
      if (input.address !== undefined) patch.address = input.address?.trim() || null;
      if (input.location !== undefined) Object.assign(patch, locationColumns(input.location));
      if (input.sectorCode !== undefined && input.sectorCode !== current.sectorCode) {
        await assertSector(tx, input.sectorCode, 'input.sectorCode');
        patch.sectorCode = input.sectorCode;
      }
      return updateRecord(tx, QrCode, 'QrCode', current, input.version, patch, { action: 'scenarios.qr-code.update', ...recordEvent(qrCodeEvents['scenarios.qr-code.updated'], payloadOf) });
    });
  }

  /** 作废: the code resolves no more (as if it never existed); its scans and self-checks stay. */
  revoke(ctx: RequestContext, input: RevokeQrCodeInput): Promise<QrCode> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, QrCodes, QrCodePermission.Manage).lock(input.id);
      assertVersion('QrCode', current, input.version);
      if (current.status !== QrCodeStatus.ACTIVE) throw qrCodeRules.field('input.id', 'state', 'the code is already revoked.');
      return updateRecord(tx, QrCode, 'QrCode', current, input.version, { status: QrCodeStatus.REVOKED, revokedAt: tx.clock.now(), revocationReason: input.reason.trim() }, {
        action: 'scenarios.qr-code.revoke',
        ...recordEvent(qrCodeEvents['scenarios.qr-code.revoked'], payloadOf),
      });
    });
  }

  /**
   * The active code a scan names, counted against the address's and the code's limits first
   * (RATE_LIMITED), then NOT_FOUND naming `field` when there is none (missing and revoked alike).
   */
  async scanned(ctx: RequestContext, typed: string, field: string): Promise<QrCode> {
    // Planning a read would run this twice (once planned, once for real): a scan is counted once.
    if (ctx.planning) throw new PlanningRefused('a QR code scan is counted');
    const code = checkedCode(typed, field);
    await qrCodeGuard(ctx).admit(ctx, code);
    const [found] = await unscoped(ctx, QrCodes, BY_CODE)
      .where(sql`t.code = ${code} AND t.status = ${QrCodeStatus.ACTIVE}`)
      .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1 });
    if (!found) throw new NotFoundError('QrCode', code, field);
    return found;
  }

  /**
   * 扫码: the code's place, the tip form prefilled (the place code the intake resolves, the
   * enterprise, the address and location, the categories of its sector) and, for a caller who may
   * submit self-checks at this code, this month's self-check form. Counts the scan (one upsert).
   */
  async resolve(ctx: RequestContext, typed: string, field = 'code'): Promise<QrCodeResolution> {
    const qr = await this.scanned(ctx, typed, field);
    const today = ctx.clock.today();
    const [org] = await unscoped(ctx, Organizations, BY_CODE).many([qr.organizationId], ['id', 'name', 'code']);
    const rule = await businessRules.inForce<QrSectorLists>(ctx, QR_SECTOR_LISTS_RULE, today, field);
    const list = sectorListOf(rule.value, qr.sectorCode);
    const enterprise = qr.enterpriseId ? org : null;
    const selfCheck = await this.selfCheckForm(ctx, qr, rule.id, list.items, today);
    // Counted once the answer is ready (its own statement, committed at once: a scan is a fact even if the reply is lost).
    await countScan(ctx, qr.id, today);
    return Object.assign(new QrCodeResolution(), {
      code: qr.code,
      kind: qr.kind,
      placeName: qr.placeName,
      enterpriseName: enterprise?.name ?? null,
      organizationName: enterprise ? null : (org?.name ?? null),
      sectorCode: qr.sectorCode,
      tip: {
        channel: TipChannel.QR_CODE,
        placeCode: enterprise?.code ?? null,
        enterpriseId: qr.enterpriseId,
        organizationId: qr.enterpriseId ? null : qr.organizationId,
        address: qr.address,
        location: GeoPoint.of(qr.longitude, qr.latitude),
        categories: [...list.tipCategories],
      },
      selfCheck,
    });
  }

  /** This month's self-check form, for a caller who may submit self-checks at the code (its enterprise's account, the office); else null. */
  private async selfCheckForm(ctx: RequestContext, qr: QrCode, ruleVersionId: string, items: readonly QrSelfCheckItemDefinition[], today: string): Promise<QrSelfCheckForm | null> {
    if (!qr.enterpriseId || !can(ctx.principal, QrCodePermission.SelfCheckSubmit)) return null;
    if (!(await records(ctx, QrCodes, QrCodePermission.SelfCheckSubmit).exists(qr.id))) return null;
    const periodMonth = monthOf(today);
    const submitted = await unscoped(ctx, SelfCheckSubmissions, 'the caller may submit self-checks at this code: whether this month\'s is in').where(sql`t.qr_code_id = ${qr.id} AND t.period_month = ${periodMonth}`).count();
    return { periodMonth, submitted: submitted > 0, ruleVersionId, items: items.map((i) => ({ ...i })) };
  }
}
