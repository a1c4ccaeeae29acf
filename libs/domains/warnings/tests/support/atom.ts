/**
 * Reading an Atom feed back in tests: the DOM xmlbuilder2 parses to, namespace-aware, and the rules of
 * RFC 4287 for a feed and its entries (the elements the CAP feed uses) as a list of problems.
 */
import { create } from 'xmlbuilder2';

export const ATOM = 'http://www.w3.org/2005/Atom';
export const CAP = 'urn:oasis:names:tc:emergency:cap:1.2';

/** The part of the DOM node xmlbuilder2 parses to that the checks read. */
export interface XmlNode {
  readonly nodeType: number;
  readonly namespaceURI: string | null;
  readonly localName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<XmlNode>;
  getAttribute(name: string): string | null;
}

const ELEMENT = 1;
export const children = (el: XmlNode, ns: string, name: string): XmlNode[] => Array.from(el.childNodes).filter((n) => n.nodeType === ELEMENT && n.namespaceURI === ns && n.localName === name);
export const text = (el: XmlNode, ns: string, name: string): string | undefined => children(el, ns, name)[0]?.textContent ?? undefined;
export const atom = (el: XmlNode, name: string) => text(el, ATOM, name);
export const cap = (el: XmlNode, name: string) => text(el, CAP, name);
/** The value of each `cap:<name>` pair (geocode, parameter) named `valueName`. */
export const capValues = (el: XmlNode, name: string, valueName: string): string[] => children(el, CAP, name).filter((p) => cap(p, 'valueName') === valueName).map((p) => cap(p, 'value') ?? '');

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** Where the document breaks RFC 4287's rules for a feed and its entries (the elements this feed uses). Empty: it is an Atom feed. */
export function atomProblems(root: XmlNode): string[] {
  const problems: string[] = [];
  if (root.namespaceURI !== ATOM || root.localName !== 'feed') return [`the root is {${root.namespaceURI}}${root.localName}, not an Atom feed`];
  const once = (el: XmlNode, name: string, where: string, optional = false) => {
    const found = children(el, ATOM, name);
    if (found.length > 1 || (!optional && found.length === 0)) problems.push(`${where} has ${found.length} atom:${name}`);
    return found[0];
  };
  const date = (el: XmlNode, name: string, where: string, optional = false) => {
    const found = once(el, name, where, optional);
    if (found && !RFC3339.test(found.textContent ?? '')) problems.push(`${where} atom:${name} ${found.textContent} is not an RFC 3339 date`);
  };
  const iri = (el: XmlNode, where: string) => {
    const id = once(el, 'id', where);
    if (id && !IRI.test(id.textContent ?? '')) problems.push(`${where} atom:id ${id.textContent} is not an IRI`);
    return id?.textContent ?? '';
  };
  const links = (el: XmlNode, where: string) =>
    children(el, ATOM, 'link').map((l) => {
      if (!l.getAttribute('href')) problems.push(`${where} has an atom:link without href`);
      return { rel: l.getAttribute('rel') ?? 'alternate', type: l.getAttribute('type'), href: l.getAttribute('href') ?? '' };
    });
  iri(root, 'feed');
  once(root, 'title', 'feed');
  date(root, 'updated', 'feed');
  if (!links(root, 'feed').some((l) => l.rel === 'self')) problems.push('feed has no self link');
  const feedAuthor = children(root, ATOM, 'author').length > 0;
  const ids = new Set<string>();
  children(root, ATOM, 'entry').forEach((entry, i) => {
    const where = `entry ${i}`;
    const id = iri(entry, where);
    if (ids.has(id)) problems.push(`${where} repeats atom:id ${id}`);
    ids.add(id);
    once(entry, 'title', where);
    date(entry, 'updated', where);
    date(entry, 'published', where, true);
    once(entry, 'summary', where, true);
    const authors = children(entry, ATOM, 'author');
    if (!authors.length && !feedAuthor) problems.push(`${where} has no atom:author and neither has the feed`);
    for (const a of authors) if (!atom(a, 'name')) problems.push(`${where} has an atom:author without a name`);
    const alternates = links(entry, where).filter((l) => l.rel === 'alternate');
    if (new Set(alternates.map((l) => l.type)).size !== alternates.length) problems.push(`${where} has two alternate links of one type`);
    if (!alternates.length && !once(entry, 'content', where, true)) problems.push(`${where} has neither content nor an alternate link`);
  });
  return problems;
}

export const parse = (xml: string): XmlNode => create(xml).root().node as unknown as XmlNode;

export interface Entry {
  readonly id: string;
  readonly title?: string;
  readonly published?: string;
  readonly updated?: string;
  readonly summary?: string;
  readonly author?: string;
  readonly link?: { type: string | null; href: string | null };
  readonly el: XmlNode;
}

export const entriesOf = (root: XmlNode): Entry[] =>
  children(root, ATOM, 'entry').map((el) => {
    const alternate = children(el, ATOM, 'link').find((l) => l.getAttribute('rel') === 'alternate');
    return {
      id: atom(el, 'id') ?? '',
      title: atom(el, 'title'),
      published: atom(el, 'published'),
      updated: atom(el, 'updated'),
      summary: atom(el, 'summary'),
      author: children(el, ATOM, 'author').map((a) => atom(a, 'name'))[0],
      link: alternate ? { type: alternate.getAttribute('type'), href: alternate.getAttribute('href') } : undefined,
      el,
    };
  });
