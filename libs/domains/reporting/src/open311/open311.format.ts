import type { ModuleHttpResponse } from '@platform/core';

/*
 * The GeoReport v2 wire format: date-times in the W3C subset of ISO 8601 with an offset, coordinates
 * rounded for the public, JSON (the Spark convention: the XML's repeated elements become arrays) and
 * XML (required by the spec, schemaless, no namespace), and the spec's error array.
 */

/** The formats a resource is asked for by its extension: `.json` (or none) and `.xml`. */
export type Open311Format = 'json' | 'xml';

export const OPEN311_JSON = 'application/json; charset=utf-8';
export const OPEN311_XML = 'text/xml; charset=utf-8';

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** A date-time as the spec wants it, in Beijing time with its offset and whole seconds: 2026-07-15T08:30:00+08:00. */
export function open311DateTime(at: Date | null | undefined): string | null {
  if (!at) return null;
  return `${new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** W3C date-time with a zone (Z or ±hh:mm), seconds and fraction optional. */
const W3C_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** A calendar day alone, read as its start in Beijing time. */
const W3C_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A start_date or end_date parameter: the W3C subset of ISO 8601 the spec names (2010-01-01T00:00:00Z,
 * or with an offset; a day alone is its start in Beijing time). Null when it is not one.
 */
export function parseOpen311DateTime(text: string): Date | null {
  const value = text.trim();
  const day = W3C_DATE.exec(value);
  if (day) return validDay(value, new Date(`${value}T00:00:00+08:00`));
  const m = W3C_DATE_TIME.exec(value);
  if (!m) return null;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return null;
  // Date accepts 2026-02-30 as 2026-03-02: the fields must read back as given (in the given zone).
  const zone = m[7] === 'Z' ? 0 : (m[7]!.startsWith('-') ? -1 : 1) * (Number(m[7]!.slice(1, 3)) * 60 + Number(m[7]!.slice(4, 6)));
  const local = new Date(at.getTime() + zone * 60_000).toISOString();
  return local.slice(0, 16) === `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` ? at : null;
}

/** The day read back in Beijing time must be the day given (refuses 2026-02-30). */
function validDay(value: string, at: Date): Date | null {
  if (Number.isNaN(at.getTime())) return null;
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10) === value ? at : null;
}

/** Days as milliseconds. */
export const days = (n: number): number => n * DAY_MS;

/**
 * A coordinate rounded to `decimals` places, half away from zero, on its decimal digits (29.0455 to 3
 * places is 29.046, which binary arithmetic would make 29.045).
 */
export function roundCoordinate(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const digits = String(Math.abs(value));
  // Below 1e-6 the text is already in exponent form: too small to matter, rounded in binary.
  const magnitude = digits.includes('e') ? Math.round(Math.abs(value) * 10 ** decimals) : Math.round(Number(`${digits}e${decimals}`));
  const rounded = Number(`${magnitude}e-${decimals}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** The element name of one item in each list of the spec's XML (the JSON has the arrays alone). */
const XML_ITEMS: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** One element: null empty, a list its items (named after `XML_ITEMS`), an object its members in order. */
function xmlElement(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((item) => xmlElement(XML_ITEMS[name] ?? 'item', item)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value as Record<string, unknown>).map(([k, v]) => xmlElement(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * An answer in the asked format: JSON as is, or XML under `root` (the spec's `services`,
 * `service_definition`, `service_requests`, `errors`), with the XML declaration naming UTF-8.
 */
export function open311Answer(format: Open311Format, root: string, value: unknown, status = 200): ModuleHttpResponse {
  if (format === 'xml') return { status, contentType: OPEN311_XML, body: `<?xml version="1.0" encoding="utf-8"?>\n${xmlElement(root, value)}` };
  return { status, contentType: OPEN311_JSON, body: JSON.stringify(value) };
}

/** One error of the spec's error array: its code (the HTTP status) and a description for the user. */
export interface Open311Error {
  readonly code: number;
  readonly description: string;
}

/** The spec's error answer: `[{"code":400,"description":"…"}]` with the same HTTP status (`<errors><error>…` in XML). */
export function open311Errors(format: Open311Format, status: number, descriptions: readonly string[]): ModuleHttpResponse {
  return open311Answer(format, 'errors', descriptions.map((description): Open311Error => ({ code: status, description })), status);
}

/** A failure the route answers in the spec's error format (a bad parameter, a missing service or request, a missing key). */
export class Open311Refusal extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly descriptions: readonly string[],
  ) {
    super(descriptions.join(' '));
  }
}
