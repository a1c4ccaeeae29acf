import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { CapFeedFacts, CapFeedRecord } from './cap-feed.sql';
import {
  CAP_CATEGORY,
  CAP_MSG_TYPE,
  CAP_NAMESPACE,
  CAP_SEVERITY,
  DIVISION_GEOCODE,
  LEVEL_COLOUR,
  LEVEL_PARAMETER,
  capAreaDesc,
  capCertainty,
  capDateTime,
  capHeadline,
  capSender,
  capUrgency,
  xmlText,
} from './cap.render';

/** The Atom 1.0 namespace (RFC 4287). */
export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
/** Media type of an Atom feed (RFC 4287). */
export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
/** Path of the feed, next to the documents it links (`/cap/warnings/{id}`). */
export const CAP_FEED_PATH = '/cap/warnings';
/** At most this many entries, newest sent first: the feed is an index of what is in force, not an archive. */
export const CAP_FEED_MAX_ENTRIES = 200;
/** `<updated>` of a feed whose reader's scope holds no warning record at all. */
export const CAP_FEED_EPOCH = new Date(0);

/** The feed's title and subtitle (zh-CN, as the CAP documents). */
export const CAP_FEED_TITLE = '当前预警信息';
export const CAP_FEED_SUBTITLE = '您可查看范围内当前生效（已发布、未过期、未更新或解除）的预警信息，最新发布的在前；每条链接其 CAP 1.2 报文。';

/** Atom's RFC 3339 date: UTC with no fraction, e.g. 2026-07-15T00:30:00Z. */
const atomDate = (at: Date): string => `${at.toISOString().slice(0, 19)}Z`;

/**
 * The CAP index of current warnings as an Atom 1.0 feed (the practice of alert hubs: WMO Alert Hub,
 * Google Public Alerts): one entry per record, its id `urn:uuid:<record id>` (an Atom id must be an
 * IRI; the CAP identifier is not one, and goes into `cap:identifier`), title the CAP headline,
 * published and updated its CAP `sent`, summary its description, author its sender's name, and an
 * `alternate` link to its CAP document. The CAP facts a consumer filters on come as CAP 1.2 elements
 * in the CAP namespace (`cap:severity`, `cap:event`, `cap:areaDesc`, `cap:expires`…, as the US
 * National Weather Service's CAP Atom feeds carry them), with the values the CAP document has.
 * Links are absolute from `origin`. Pure: everything it needs is in its arguments.
 */
export function renderCapFeed(facts: CapFeedFacts, origin: string): string {
  const self = `${origin}${CAP_FEED_PATH}`;
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const feed = doc.ele(ATOM_NAMESPACE, 'feed', { 'xmlns:cap': CAP_NAMESPACE, 'xml:lang': 'zh-CN' });
  atom(feed, 'id', self);
  atom(feed, 'title', CAP_FEED_TITLE);
  atom(feed, 'subtitle', CAP_FEED_SUBTITLE);
  atom(feed, 'updated', atomDate(facts.changedAt ?? CAP_FEED_EPOCH));
  feed.ele(ATOM_NAMESPACE, 'link', { rel: 'self', type: 'application/atom+xml', href: self });

  for (const w of facts.entries) {
    const entry = feed.ele(ATOM_NAMESPACE, 'entry');
    atom(entry, 'id', `urn:uuid:${w.id}`);
    atom(entry, 'title', capHeadline(w));
    atom(entry, 'published', atomDate(w.sentAt));
    atom(entry, 'updated', atomDate(w.sentAt));
    atom(entry.ele(ATOM_NAMESPACE, 'author'), 'name', w.senderName);
    entry.ele(ATOM_NAMESPACE, 'link', { rel: 'alternate', type: 'application/cap+xml', href: `${self}/${w.id}` });
    atom(entry, 'summary', w.description);
    capFacts(entry, w);
  }
  return doc.end({ prettyPrint: true });
}

function atom(parent: XMLBuilder, name: string, value: string): void {
  parent.ele(ATOM_NAMESPACE, name).txt(xmlText(value));
}

function cap(parent: XMLBuilder, name: string, value: string): void {
  parent.ele(CAP_NAMESPACE, `cap:${name}`).txt(xmlText(value));
}

function capPair(parent: XMLBuilder, name: string, valueName: string, value: string): void {
  const el = parent.ele(CAP_NAMESPACE, `cap:${name}`);
  cap(el, 'valueName', valueName);
  cap(el, 'value', value);
}

/** The CAP facts of one entry, in CAP's order (alert, info, area), with the values of its CAP document. */
function capFacts(entry: XMLBuilder, w: CapFeedRecord): void {
  cap(entry, 'identifier', w.identifier);
  cap(entry, 'sender', capSender(w.identifier));
  cap(entry, 'sent', capDateTime(w.sentAt));
  cap(entry, 'status', 'Actual');
  cap(entry, 'msgType', CAP_MSG_TYPE[w.messageType]);
  cap(entry, 'scope', 'Public');
  cap(entry, 'category', CAP_CATEGORY[w.hazardType]);
  cap(entry, 'event', w.eventName);
  cap(entry, 'urgency', capUrgency(w));
  cap(entry, 'severity', CAP_SEVERITY[w.level]);
  cap(entry, 'certainty', capCertainty(w));
  cap(entry, 'effective', capDateTime(w.effectiveAt));
  cap(entry, 'expires', capDateTime(w.expiresAt));
  capPair(entry, 'parameter', LEVEL_PARAMETER, LEVEL_COLOUR[w.level].en);
  cap(entry, 'areaDesc', capAreaDesc(w.targets, w.senderName));
  for (const t of w.targets) if (t.code) capPair(entry, 'geocode', DIVISION_GEOCODE, t.code);
}
