import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { Warning } from '../model/warning.entity';
import { WarningHazardType, WarningLevel, WarningMessageType } from '../model/warning.enums';
import { identifierUnitCode } from '../warnings/warning-identifier';

/** The CAP 1.2 namespace; every element of an alert is in it. */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
/** Media type of a CAP document (RFC 6886 registers application/cap+xml). */
export const CAP_CONTENT_TYPE = 'application/cap+xml; charset=utf-8';
/** valueName of the colour parameter (预警级别) and of the division-code geocode (行政区划代码, GB/T 2260 / GB/T 10114). */
export const LEVEL_PARAMETER = '预警级别';
export const DIVISION_GEOCODE = '行政区划代码';

/** The columns of a warning record the renderer reads. */
export type CapWarning = Pick<
  Warning,
  'identifier' | 'messageType' | 'senderName' | 'source' | 'hazardType' | 'eventName' | 'level' | 'description' | 'instruction' | 'sentAt' | 'effectiveAt' | 'expiresAt' | 'areaPolygon'
> & {
  /** Why a record was cancelled or what an update changed (CAP alert `note`), when given. */
  readonly note?: string | null;
};

/** A village or community the record is aimed at: its name and its 12-digit division code. */
export interface CapTarget {
  readonly name: string;
  readonly code: string | null;
}

/** An earlier record of the same chain, as CAP `references` names it (its sender is its identifier's unit code). */
export interface CapReference {
  readonly identifier: string;
  readonly sentAt: Date;
}

/** What the renderer needs beyond the record itself (loaded by `CapExporter`, one statement per request level). */
export interface CapContext {
  readonly targets: readonly CapTarget[];
  /** Earlier records of the chain, oldest first; empty for an Alert. */
  readonly references: readonly CapReference[];
}

/** CAP msgType of each message type. */
export const CAP_MSG_TYPE: Record<WarningMessageType, string> = {
  [WarningMessageType.ALERT]: 'Alert',
  [WarningMessageType.UPDATE]: 'Update',
  [WarningMessageType.CANCEL]: 'Cancel',
};

/** CAP category per hazard: floods are "Met" in CAP (meteorological, inc. flood), landslides "Geo". */
export const CAP_CATEGORY: Record<WarningHazardType, string> = {
  [WarningHazardType.FOREST_FIRE]: 'Fire',
  [WarningHazardType.FLOOD]: 'Met',
  [WarningHazardType.DROUGHT]: 'Met',
  [WarningHazardType.RAINSTORM]: 'Met',
  [WarningHazardType.METEOROLOGICAL]: 'Met',
  [WarningHazardType.GEOLOGICAL]: 'Geo',
};

/** The national pairing of colour and severity: 红 Extreme, 橙 Severe, 黄 Moderate, 蓝 Minor. */
export const CAP_SEVERITY: Record<WarningLevel, string> = {
  [WarningLevel.RED]: 'Extreme',
  [WarningLevel.ORANGE]: 'Severe',
  [WarningLevel.YELLOW]: 'Moderate',
  [WarningLevel.BLUE]: 'Minor',
};

/** The colour as the `预警级别` parameter carries it, and its Chinese name for the headline. */
export const LEVEL_COLOUR: Record<WarningLevel, { en: string; zh: string }> = {
  [WarningLevel.RED]: { en: 'Red', zh: '红色' },
  [WarningLevel.ORANGE]: { en: 'Orange', zh: '橙色' },
  [WarningLevel.YELLOW]: { en: 'Yellow', zh: '黄色' },
  [WarningLevel.BLUE]: { en: 'Blue', zh: '蓝色' },
};

const HEADLINE_VERB: Record<WarningMessageType, string> = {
  [WarningMessageType.ALERT]: '发布',
  [WarningMessageType.UPDATE]: '更新',
  [WarningMessageType.CANCEL]: '解除',
};

/** Hazards where the higher levels mean moving people out of danger (山洪、内涝、滑坡、泥石流: 转移避险). */
const EVACUATING = new Set<WarningHazardType>([WarningHazardType.FLOOD, WarningHazardType.RAINSTORM, WarningHazardType.GEOLOGICAL]);
const HIGH = new Set<WarningLevel>([WarningLevel.RED, WarningLevel.ORANGE]);

/**
 * CAP responseType: a cancellation is AllClear; red and orange mean Evacuate for floods, rainstorms
 * and geological hazards, Prepare and Avoid (no fire in the field) for forest fire, Prepare otherwise;
 * yellow means Prepare, blue Monitor.
 */
export function capResponseTypes(w: Pick<CapWarning, 'messageType' | 'hazardType' | 'level'>): string[] {
  if (w.messageType === WarningMessageType.CANCEL) return ['AllClear'];
  if (HIGH.has(w.level)) {
    if (EVACUATING.has(w.hazardType)) return ['Evacuate'];
    if (w.hazardType === WarningHazardType.FOREST_FIRE) return ['Prepare', 'Avoid'];
    return ['Prepare'];
  }
  return w.level === WarningLevel.YELLOW ? ['Prepare'] : ['Monitor'];
}

/** CAP urgency: red and orange act now (Immediate), yellow and blue soon (Expected); a cancellation is Past. */
export function capUrgency(w: Pick<CapWarning, 'messageType' | 'level'>): string {
  if (w.messageType === WarningMessageType.CANCEL) return 'Past';
  return HIGH.has(w.level) ? 'Immediate' : 'Expected';
}

/** CAP certainty: a warning is a forecast (Likely); its cancellation states what was observed (Observed). */
export function capCertainty(w: Pick<CapWarning, 'messageType'>): string {
  return w.messageType === WarningMessageType.CANCEL ? 'Observed' : 'Likely';
}

/** CAP dateTime in Beijing time with its explicit offset and no fraction, e.g. 2026-07-15T08:30:00+08:00. */
export function capDateTime(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** 〈单位〉发布〈事件〉〈颜色〉预警 (更新 for an update, 解除 for a cancellation). */
export function capHeadline(w: Pick<CapWarning, 'senderName' | 'messageType' | 'eventName' | 'level'>): string {
  return `${w.senderName}${HEADLINE_VERB[w.messageType]}${w.eventName}${LEVEL_COLOUR[w.level].zh}预警`;
}

/**
 * CAP sender of a record: the issuing unit code (发布单位代码) its identifier starts with
 * (`ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N`, GB/T 35965.1-2018 A.1.1), so identifier and sender always agree.
 */
export const capSender = (identifier: string): string => identifierUnitCode(identifier);

/** CAP references: `sender,identifier,sent` of each earlier record, space-separated. */
export function capReferences(references: readonly CapReference[]): string {
  return references.map((r) => `${capSender(r.identifier)},${r.identifier},${capDateTime(r.sentAt)}`).join(' ');
}

type Position = readonly [number, number];

const isPosition = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** One GeoJSON ring as a closed CAP polygon ("lat,lon lat,lon …", first point repeated last); null when it has fewer than 3 points. */
function ringToCap(ring: unknown): string | null {
  if (!Array.isArray(ring) || !ring.every(isPosition)) return null;
  const points = ring as Position[];
  const open = points.length > 1 && points[0]![0] === points[points.length - 1]![0] && points[0]![1] === points[points.length - 1]![1] ? points.slice(0, -1) : points;
  if (open.length < 3) return null;
  return [...open, open[0]!].map(([lon, lat]) => `${lat},${lon}`).join(' ');
}

/**
 * CAP polygons of a GeoJSON Polygon or MultiPolygon (or a Feature holding one), WGS 84: the outer
 * ring of each polygon (CAP has no holes), coordinates swapped to "lat,lon", the ring closed.
 */
export function capPolygons(geo: Record<string, unknown> | null): string[] {
  if (!geo) return [];
  if (geo['type'] === 'Feature') return capPolygons((geo['geometry'] as Record<string, unknown> | null) ?? null);
  const coordinates = geo['coordinates'];
  if (!Array.isArray(coordinates)) return [];
  const polygons = geo['type'] === 'Polygon' ? [coordinates] : geo['type'] === 'MultiPolygon' ? coordinates : [];
  return polygons.flatMap((p: unknown) => (Array.isArray(p) ? [ringToCap(p[0])] : [])).filter((r): r is string => r !== null);
}

// Characters XML 1.0 cannot carry at all (xmlbuilder2 escapes <, & and quotes; these must go).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Text as XML 1.0 can carry it: the characters it cannot carry at all removed (xmlbuilder2 escapes the rest). */
export const xmlText = (s: string): string => s.replace(NOT_XML, '');

/** CAP areaDesc: the targets' names joined by 、 (the sender's name for a record without targets). */
export const capAreaDesc = (targets: readonly CapTarget[], senderName: string): string => targets.map((t) => t.name).join('、') || senderName;

/**
 * The CAP 1.2 document of one warning record, following the national profile (GB/T 35965.1): Beijing
 * time with +08:00, zh-CN, severity paired with the colour, the colour itself as the `预警级别`
 * parameter, one area naming the target villages and communities with their 行政区划代码 geocodes
 * and the record's polygon; the sender is the issuing unit code of the identifier. Pure: everything it needs is in `warning` and `context`.
 */
export function renderCap(warning: CapWarning, context: CapContext): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const alert = doc.ele(CAP_NAMESPACE, 'alert');
  const leaf = (parent: XMLBuilder, name: string, value: string): void => {
    parent.ele(CAP_NAMESPACE, name).txt(xmlText(value));
  };
  const pair = (parent: XMLBuilder, name: string, valueName: string, value: string): void => {
    const el = parent.ele(CAP_NAMESPACE, name);
    leaf(el, 'valueName', valueName);
    leaf(el, 'value', value);
  };

  leaf(alert, 'identifier', warning.identifier);
  leaf(alert, 'sender', capSender(warning.identifier));
  leaf(alert, 'sent', capDateTime(warning.sentAt));
  leaf(alert, 'status', 'Actual');
  leaf(alert, 'msgType', CAP_MSG_TYPE[warning.messageType]);
  if (warning.source) leaf(alert, 'source', warning.source);
  leaf(alert, 'scope', 'Public');
  if (warning.note) leaf(alert, 'note', warning.note);
  if (warning.messageType !== WarningMessageType.ALERT && context.references.length) leaf(alert, 'references', capReferences(context.references));

  const info = alert.ele(CAP_NAMESPACE, 'info');
  leaf(info, 'language', 'zh-CN');
  leaf(info, 'category', CAP_CATEGORY[warning.hazardType]);
  leaf(info, 'event', warning.eventName);
  for (const r of capResponseTypes(warning)) leaf(info, 'responseType', r);
  leaf(info, 'urgency', capUrgency(warning));
  leaf(info, 'severity', CAP_SEVERITY[warning.level]);
  leaf(info, 'certainty', capCertainty(warning));
  leaf(info, 'effective', capDateTime(warning.effectiveAt));
  leaf(info, 'expires', capDateTime(warning.expiresAt));
  leaf(info, 'senderName', warning.senderName);
  leaf(info, 'headline', capHeadline(warning));
  leaf(info, 'description', warning.description);
  leaf(info, 'instruction', warning.instruction);
  pair(info, 'parameter', LEVEL_PARAMETER, LEVEL_COLOUR[warning.level].en);

  const polygons = capPolygons(warning.areaPolygon);
  if (context.targets.length || polygons.length) {
    const area = info.ele(CAP_NAMESPACE, 'area');
    leaf(area, 'areaDesc', capAreaDesc(context.targets, warning.senderName));
    for (const p of polygons) leaf(area, 'polygon', p);
    for (const t of context.targets) if (t.code) pair(area, 'geocode', DIVISION_GEOCODE, t.code);
  }
  return doc.end({ prettyPrint: true });
}
