import { BadUserInputError, records, type RequestContext } from '@platform/core';
import { TipChannel, TipPermission, TipReporterKind } from '../tips/public';
import { submitTip, type TipSubmission } from '../intake/public';
import { tipExpectedAt } from '../clocks/public';
import { Open311Services } from './open311.entities';
import { open311DateTime, Open311Refusal } from './open311.format';
import { OPEN311_ATTRIBUTES } from './open311.services';

/** The longest title taken from a request's description (the tip's title holds 100). */
const TITLE_LENGTH = 40;

/**
 * The answer to `POST requests`: the spec's fields, and `tracking_secret`, an extension: the tip's
 * secret (提取码), shown this once, which the posting system hands to the reporter so they can follow
 * the tip (and talk with the office) with the service_request_id, as a tip from the web form would be.
 */
export interface Open311Created {
  readonly service_request_id: string;
  readonly service_notice: string;
  readonly account_id: null;
  readonly tracking_secret: string;
}

/** The posted parameter behind each field submitTip names (by the field's last segment: `input.location.longitude` → long). */
const PARAMETER_OF_FIELD: Readonly<Record<string, string>> = {
  title: 'description',
  description: 'description',
  location: 'lat',
  latitude: 'lat',
  longitude: 'long',
  address: 'address_string',
  reporterName: 'first_name',
  reporterPhone: 'phone',
  reporterContact: 'email',
  reporterKind: 'first_name',
  involvesDeaths: 'attribute[involves_deaths]',
  reportedDeaths: 'attribute[reported_deaths]',
  category: 'service_code',
};

/** The posted parameter a field of submitTip's errors stands for (the field itself when none does). */
const parameterOf = (field: string): string => PARAMETER_OF_FIELD[field.split('.').pop() ?? field] ?? field;

const trimmed = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

const DECIMAL = /^[+-]?\d{1,3}(\.\d{1,15})?$/;

/** A coordinate parameter: a plain decimal number, else a problem naming it. */
function coordinate(body: URLSearchParams, name: 'lat' | 'long', problems: string[]): number | null {
  const text = trimmed(body.get(name));
  if (text === null) return null;
  if (!DECIMAL.test(text)) {
    problems.push(`${name} must be a WGS 84 ${name === 'lat' ? 'latitude' : 'longitude'} in decimal degrees.`);
    return null;
  }
  return Number(text);
}

/** The name as given: family name first without a space when it is Chinese (张 + 三 = 张三), else "first last". */
function reporterName(first: string | null, last: string | null): string | null {
  if (!first && !last) return null;
  if (!first || !last) return first ?? last;
  return /[\u3400-\u9fff]/.test(first + last) ? `${last}${first}` : `${first} ${last}`;
}

/** The first line of the description, shortened, as the tip's title (staff lists show it). */
function titleOf(description: string): string {
  const line = description.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? description.trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}

/**
 * The tip a posted form asks for. Taken: service_code (required), lat and long or address_string (one
 * of them required: address_id is not supported), description (required here: a tip says what is
 * wrong, 10–4000 characters), first_name, last_name, phone, email (any of them makes a named tip, and a
 * name is then needed; none an anonymous one), attribute[involves_deaths] (true/false) and
 * attribute[reported_deaths]. Ignored: jurisdiction_id (one jurisdiction), device_id, account_id (no
 * accounts here) and media_url (a URL is not fetched: photos are uploaded to /attachments by the web
 * form instead). Every problem is reported at once.
 */
async function submissionOf(ctx: RequestContext, body: URLSearchParams): Promise<TipSubmission> {
  const serviceCode = trimmed(body.get('service_code'));
  if (!serviceCode) throw new Open311Refusal(400, ['service_code was not provided: GET services.json lists the codes.']);
  // The poster holds reporting.tip:submit (the route demanded it), not necessarily the public read.
  const service = await records(ctx, Open311Services, TipPermission.Submit).one(serviceCode.toLowerCase(), ['serviceCode', 'category']);
  if (!service) throw new Open311Refusal(404, [`service_code ${serviceCode.slice(0, 40)} was not found.`]);
  const problems: string[] = [];
  const latitude = coordinate(body, 'lat', problems);
  const longitude = coordinate(body, 'long', problems);
  const address = trimmed(body.get('address_string'));
  if ((latitude === null) !== (longitude === null) && !problems.length) problems.push('lat and long must be sent together.');
  if (latitude === null && longitude === null && !address && !problems.length) problems.push('A location is required: lat and long, or address_string (address_id is not supported).');
  const description = trimmed(body.get('description'));
  if (!description) problems.push('description is required: say what is wrong and where (10–4000 characters).');
  const attributes = new Map<string, string>();
  for (const [name, value] of body) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(name);
    if (!m) continue;
    if (!OPEN311_ATTRIBUTES.some((a) => a.code === m[1])) problems.push(`attribute[${m[1]!.slice(0, 40)}] is not an attribute of service ${service.serviceCode}: GET services/${service.serviceCode}.json lists them.`);
    else attributes.set(m[1]!, value.trim());
  }
  const deathsFlag = attributes.get('involves_deaths')?.toLowerCase();
  if (deathsFlag !== undefined && deathsFlag !== 'true' && deathsFlag !== 'false' && deathsFlag !== '') problems.push('attribute[involves_deaths] must be true or false.');
  const deathsText = attributes.get('reported_deaths');
  const reportedDeaths = deathsText ? (/^\d{1,5}$/.test(deathsText) ? Number(deathsText) : NaN) : null;
  if (Number.isNaN(reportedDeaths)) problems.push('attribute[reported_deaths] must be a whole number.');
  const name = reporterName(trimmed(body.get('first_name')), trimmed(body.get('last_name')));
  const phone = trimmed(body.get('phone'));
  const email = trimmed(body.get('email'));
  if (!name && (phone || email)) problems.push('first_name or last_name is required with phone or email (a request without any of them is anonymous).');
  if (problems.length) throw new Open311Refusal(400, problems);
  const involvesDeaths = deathsFlag === 'true' || (reportedDeaths ?? 0) > 0;
  return {
    channel: TipChannel.OPEN311,
    category: service.category,
    title: titleOf(description!),
    description: description!,
    address,
    latitude,
    longitude,
    involvesDeaths,
    reportedDeaths: involvesDeaths ? reportedDeaths : null,
    reporterKind: name ? TipReporterKind.NAMED : TipReporterKind.ANONYMOUS,
    reporterName: name,
    reporterPhone: phone,
    reporterContact: email,
  };
}

/** submitTip's typed refusals (field and rule) as the spec's 400, naming the posted parameter. */
function refusalOf(error: BadUserInputError): Open311Refusal {
  const fields = (error.extensions['fields'] ?? []) as ReadonlyArray<{ field: string; rule: string; message: string }>;
  if (!fields.length) return new Open311Refusal(400, [error.message]);
  return new Open311Refusal(
    400,
    fields.map((f) => `${parameterOf(f.field)}: ${f.message} (${f.rule})`),
  );
}

/**
 * `POST requests`: files a tip on channel OPEN311 through the intake (`submitTip`: its checks, the
 * organization it concerns, the clocks, the audit entry and the event) and answers its tracking code
 * as service_request_id (the service is `realtime`), a notice, and the secret in `tracking_secret`.
 */
export async function postRequest(ctx: RequestContext, body: URLSearchParams): Promise<Open311Created> {
  const submission = await submissionOf(ctx, body);
  let created: Awaited<ReturnType<typeof submitTip>>;
  try {
    created = await submitTip(ctx, submission);
  } catch (error) {
    throw error instanceof BadUserInputError ? refusalOf(error) : error;
  }
  const { tip, secret } = created;
  const expected = open311DateTime(tipExpectedAt(tip));
  return {
    service_request_id: tip.code,
    service_notice: `已收到，流水号 ${tip.code}。${tip.involvesDeaths ? '涉及死亡的举报已报区级人民政府核查。' : `镇安办将受理、核查并答复${expected ? `，预计 ${expected} 前办结` : ''}。`}请将提取码（tracking_secret，仅显示这一次）交给举报人，凭流水号和提取码查询进度。`,
    account_id: null,
    tracking_secret: secret,
  };
}
