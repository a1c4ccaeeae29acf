import {
  BadUserInputError,
  SortDirection,
  can,
  claimAttachments,
  createRecord,
  sql,
  transaction,
  unscoped,
  records,
  yearlyNumbers,
  type RequestContext,
} from '@platform/core';
import { OrganizationKind, Organizations, PHONE_PATTERN, PHONE_RULE, type Organization } from '@platform/directory';
import { Tip, TipChannel, TipPermission, TipReporterKind, TipStatus, hashTipSecret, newTipSecret, tipEvents, tipPayload, type TipCategory } from '../tips/public';
import { INTAKE_SERVICE, type IntakeGuard, type ProofOfWork } from './intake-guard';
import { intakeRules } from './intake.rules';
import { startTipClocks } from '../clocks/public';

/** The most attachments one tip carries. */
export const MAX_TIP_ATTACHMENTS = 5;
/** Reporter access without the started guard (the seed): the REPORTING_TIP_ACCESS_DAYS default. */
const DEFAULT_ACCESS_DAYS = 90;
const DAY_MS = 86_400_000;
/** China's extent in WGS 84 (mainland, islands and the South China Sea): a point outside is a wrong datum or a typo. */
export const CHINA_BOUNDS = { minLongitude: 73.4, maxLongitude: 135.1, minLatitude: 3.8, maxLatitude: 53.6 } as const;

/** Why the intake reads the directory beyond any caller's scope. */
const PUBLIC_READ = 'a tip from the public names the enterprise, place or village it concerns; the reporter reads nothing back';

/**
 * A tip as it comes in, from any way in: the public form (`submitTip`), staff recording a hotline call,
 * letter or visit (`recordTip`), the Open311 POST. `receivedAt` is for staff recording only (default now).
 */
export interface TipSubmission {
  readonly channel: TipChannel;
  readonly category: TipCategory;
  readonly title: string;
  readonly description: string;
  /** The village or community where it is (when no enterprise is named). */
  readonly organizationId?: string | null;
  readonly enterpriseId?: string | null;
  /** The QR place code scanned (安全隐患码上除): an enterprise's code or unified social credit code. */
  readonly placeCode?: string | null;
  readonly address?: string | null;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly involvesDeaths?: boolean | null;
  readonly reportedDeaths?: number | null;
  readonly reporterKind: TipReporterKind;
  readonly reporterName?: string | null;
  readonly reporterPhone?: string | null;
  readonly reporterContact?: string | null;
  readonly externalReference?: string | null;
  readonly receivedAt?: Date | null;
  readonly attachmentIds?: readonly string[] | null;
  /** Needed from anonymous callers beyond the first submission per address per hour (`tipChallenge`). */
  readonly proofOfWork?: ProofOfWork | null;
}

/** How a tip is submitted besides what it says. */
export interface SubmitOptions {
  /** Staff recording from a hotline, letter or visit (`recordTip`). */
  readonly recorded?: boolean;
  /** The demo seed's fixed id and secret (system principal only). */
  readonly seed?: { readonly id: string; readonly secret: string };
}

/** The prefix of the fields errors name (`input.title`). */
const F = 'input';

const trimmed = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

/**
 * The started guard (limits, proof of work, access days). Every request has it once the module's start
 * ran `startIntake` (a missing one fails loudly rather than taking tips unlimited); only the seed, on
 * no caller's behalf, goes without.
 */
function guardOf(ctx: RequestContext): IntakeGuard | null {
  return ctx.principal.kind === 'system' ? null : ctx.service<IntakeGuard>(INTAKE_SERVICE);
}

/** Checks what the input types check too, for callers that come in another way (Open311, the seed). */
function check(ctx: RequestContext, s: TipSubmission): void {
  const title = s.title.trim();
  if (title.length < 1 || title.length > 100) throw intakeRules.field(`${F}.title`, 'range', 'a title of 1–100 characters.');
  const description = s.description.trim();
  if (description.length < 10 || description.length > 4000) throw intakeRules.field(`${F}.description`, 'range', 'a description of 10–4000 characters.');
  const phone = trimmed(s.reporterPhone);
  if (phone && !PHONE_PATTERN.test(phone)) throw BadUserInputError.field(`${F}.reporterPhone`, 'matches', `${PHONE_RULE}.`);
  const identity = trimmed(s.reporterName) ?? phone ?? trimmed(s.reporterContact);
  if (s.reporterKind === TipReporterKind.ANONYMOUS && identity) throw intakeRules.field(`${F}.reporterKind`, 'range', 'an anonymous tip carries no name, phone or contact: report as NAMED, or disclose your identity later with the tracking code and secret.');
  if (s.reporterKind === TipReporterKind.EMPLOYEE) {
    // 应急〔2020〕69号: an employee's tip is made under the real name, with a way to reach them.
    if (!trimmed(s.reporterName)) throw intakeRules.field(`${F}.reporterName`, 'employeeIdentity', 'an employee\'s tip (从业人员举报) gives the real name.');
    if (!phone) throw intakeRules.field(`${F}.reporterPhone`, 'employeeIdentity', 'an employee\'s tip (从业人员举报) gives a phone number.');
  }
  if (s.reporterKind === TipReporterKind.NAMED && !trimmed(s.reporterName)) throw intakeRules.field(`${F}.reporterName`, 'required', 'a named tip gives the reporter\'s name.');
  if (s.involvesDeaths && (s.reportedDeaths == null || s.reportedDeaths < 1)) throw intakeRules.field(`${F}.reportedDeaths`, 'deaths', 'a tip involving deaths states how many died (at least 1).');
  if (!s.involvesDeaths && s.reportedDeaths != null) throw intakeRules.field(`${F}.reportedDeaths`, 'deaths', 'deaths are stated only with involvesDeaths: true.');
  if ((s.latitude == null) !== (s.longitude == null)) throw intakeRules.field(`${F}.location`, 'coordinates', 'give both latitude and longitude, or neither.');
  if (s.longitude != null && (s.longitude < CHINA_BOUNDS.minLongitude || s.longitude > CHINA_BOUNDS.maxLongitude)) throw intakeRules.field(`${F}.location.longitude`, 'coordinates', `a WGS 84 longitude within China (${CHINA_BOUNDS.minLongitude}–${CHINA_BOUNDS.maxLongitude}).`);
  if (s.latitude != null && (s.latitude < CHINA_BOUNDS.minLatitude || s.latitude > CHINA_BOUNDS.maxLatitude)) throw intakeRules.field(`${F}.location.latitude`, 'coordinates', `a WGS 84 latitude within China (${CHINA_BOUNDS.minLatitude}–${CHINA_BOUNDS.maxLatitude}).`);
  if ((s.attachmentIds?.length ?? 0) > MAX_TIP_ATTACHMENTS) throw intakeRules.field(`${F}.attachmentIds`, 'range', `at most ${MAX_TIP_ATTACHMENTS} attachments.`);
  if (s.receivedAt && s.receivedAt.getTime() > ctx.clock.now().getTime()) throw intakeRules.field(`${F}.receivedAt`, 'notFuture', 'when it came in cannot be in the future.');
}

/** The enterprise a QR place code names (its code or unified social credit code); null when none. */
async function placeEnterprise(tx: RequestContext, placeCode: string): Promise<Organization | null> {
  const [found] = await unscoped(tx, Organizations, PUBLIC_READ)
    .where(sql`t.kind = ${OrganizationKind.ENTERPRISE} AND upper(t.code) = upper(${placeCode}) AND t.archived_at IS NULL`)
    .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'path', 'kind'] });
  return found ?? null;
}

/**
 * The organization the tip concerns and whose scope it is in: the enterprise named (or the one the QR
 * place code names), else the village or community named, else the town (the root). Staff recording
 * need it within their recording scope (else NOT_FOUND, as any reference out of scope).
 */
async function concerned(tx: RequestContext, s: TipSubmission, staff: boolean): Promise<{ organization: Organization; enterpriseId: string | null; placeCode: string | null }> {
  const directory = () => (staff ? records(tx, Organizations, TipPermission.Record) : unscoped(tx, Organizations, PUBLIC_READ));
  const placeCode = trimmed(s.placeCode);
  let enterprise: Organization | null = null;
  if (s.enterpriseId) {
    enterprise = await directory().reference(s.enterpriseId, `${F}.enterpriseId`, { properties: ['id', 'path', 'kind'] });
    if (enterprise.kind !== OrganizationKind.ENTERPRISE) throw intakeRules.field(`${F}.enterpriseId`, 'organizationKind', 'not an enterprise: name the village or community as organizationId.');
  }
  if (placeCode) {
    const place = await placeEnterprise(tx, placeCode);
    if (!place) throw intakeRules.field(`${F}.placeCode`, 'placeCode', 'no QR place with this code.');
    if (enterprise && enterprise.id !== place.id) throw intakeRules.field(`${F}.placeCode`, 'placeCode', 'the QR place is another enterprise than the one named.');
    enterprise = staff ? await directory().reference(place.id, `${F}.placeCode`, { properties: ['id', 'path', 'kind'] }) : place;
  }
  if (enterprise) return { organization: enterprise, enterpriseId: enterprise.id, placeCode };
  if (s.organizationId) {
    const org = await directory().reference(s.organizationId, `${F}.organizationId`, { properties: ['id', 'path', 'kind'] });
    if (org.kind !== OrganizationKind.VILLAGE && org.kind !== OrganizationKind.COMMUNITY && org.kind !== OrganizationKind.GRID) throw intakeRules.field(`${F}.organizationId`, 'organizationKind', 'name the village, community or grid where it is (an enterprise goes in enterpriseId).');
    return { organization: org, enterpriseId: null, placeCode };
  }
  const [town] = await unscoped(tx, Organizations, PUBLIC_READ)
    .where(sql`t.parent_id IS NULL AND t.kind = ${OrganizationKind.TOWN_GOVERNMENT}`)
    .list({ keys: [{ column: 't.id', direction: SortDirection.ASC }], limit: 1, properties: ['id', 'path', 'kind'] });
  if (!town) throw intakeRules.field(`${F}.organizationId`, 'exists', 'the directory has no town yet.');
  if (staff) await records(tx, Organizations, TipPermission.Record).reference(town.id, `${F}.organizationId`, { properties: ['id'] });
  return { organization: town, enterpriseId: null, placeCode };
}

/** The public tracking code: JB-<year>-<000001>, gap-free within the year it came in (China time). */
export async function nextTipCode(tx: RequestContext, receivedAt: Date): Promise<string> {
  const year = Number(new Date(receivedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const n = await yearlyNumbers.next(tx, 'reporting.tip', year);
  return `JB-${year}-${String(n).padStart(6, '0')}`;
}

/**
 * The one way a tip is created (the public form, staff recording, the Open311 POST): its checks; for
 * anonymous callers the per-address limit and, beyond the first tip per address per hour, the proof of
 * work; the organization it concerns; its code and secret (only the hash is kept); the attachments
 * claimed; the audit entry (never the reporter's identity) and `reporting.tip.received`; the handling
 * part's clocks. Runs in the caller's transaction when there is one. `recorded`: staff recording a tip
 * from a hotline, letter or visit (`reporting.tip:record`; the organization within their recording
 * scope; `receivedAt` allowed in the past; no per-address limit). Answers the tip and its secret,
 * which is shown to the reporter once and never again.
 */
export async function submitTip(ctx: RequestContext, s: TipSubmission, options: SubmitOptions = {}): Promise<{ tip: Tip; secret: string }> {
  check(ctx, s);
  const guard = guardOf(ctx);
  if (ctx.principal.kind === 'anonymous' && guard) await guard.admit(ctx, s.proofOfWork, `${F}.proofOfWork`);
  // Staff recording (recordTip) reach only organizations in their recording scope; the public any.
  const staff = Boolean(options.recorded) && ctx.principal.kind !== 'system';
  if (options.recorded && !can(ctx.principal, TipPermission.Record)) throw intakeRules.field(`${F}.channel`, 'channel', 'recording a tip needs reporting.tip:record.');
  if (s.receivedAt && !options.recorded) throw intakeRules.field(`${F}.receivedAt`, 'range', 'only staff recording a tip give when it came in.');
  if (options.seed && ctx.principal.kind !== 'system') throw new Error('Only the seed gives a tip its id and secret.');
  const secret = options.seed?.secret ?? newTipSecret();
  const now = ctx.clock.now();
  const created = await transaction(ctx, async (tx) => {
    const { organization, enterpriseId, placeCode } = await concerned(tx, s, staff);
    const receivedAt = s.receivedAt ?? now;
    const accessDays = guard?.accessDays ?? DEFAULT_ACCESS_DAYS;
    const values = {
      ...(options.seed ? { id: options.seed.id } : {}),
      code: await nextTipCode(tx, receivedAt),
      secretHash: hashTipSecret(secret),
      channel: s.channel,
      externalReference: trimmed(s.externalReference),
      category: s.category,
      title: s.title.trim(),
      description: s.description.trim(),
      organizationId: organization.id,
      enterpriseId,
      placeCode,
      address: trimmed(s.address),
      longitude: s.longitude ?? null,
      latitude: s.latitude ?? null,
      involvesDeaths: Boolean(s.involvesDeaths),
      reportedDeaths: s.involvesDeaths ? (s.reportedDeaths ?? null) : null,
      reporterKind: s.reporterKind,
      reporterName: trimmed(s.reporterName),
      reporterPhone: trimmed(s.reporterPhone),
      reporterContact: trimmed(s.reporterContact),
      reporterAccessExpiresAt: new Date(now.getTime() + accessDays * DAY_MS),
      receivedAt,
      status: TipStatus.RECEIVED,
    };
    const tip = await createRecord(tx, Tip, 'Tip', values, {
      action: 'reporting.tip.receive',
      event: tipEvents['reporting.tip.received'],
      payload: tipPayload,
      // Never the secret's hash nor who reported: only whether an identity was given.
      changes: (t) => ({ code: t.code, channel: t.channel, category: t.category, organizationId: t.organizationId, enterpriseId: t.enterpriseId, placeCode: t.placeCode, reporterKind: t.reporterKind, identityGiven: t.reporterName !== null, receivedAt: t.receivedAt.toISOString() }),
    });
    if (s.attachmentIds?.length) {
      await claimAttachments(tx, s.attachmentIds, { entityType: 'Tip', entityId: tip.id, readPermission: TipPermission.Read, organization: { id: organization.id, path: organization.path } }, `${F}.attachmentIds`);
    }
    return startTipClocks(tx, tip);
  });
  return { tip: created, secret };
}
