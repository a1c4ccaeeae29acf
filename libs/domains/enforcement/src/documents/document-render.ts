import { Writer, type TemplateSpans } from 'mustache';
import type { FieldViolation } from '@platform/core';
import { EnforcementDocumentFieldType } from './document.enums';
import { documentRules } from './documents.rules';

/*
 * Rendering enforcement documents from their templates with Mustache (logic-less: sections and
 * values, no code). The HTML form escapes every value (the templates may not write one unescaped);
 * the text form writes values as they are. A template declares the fields it needs; values are
 * checked against the declaration before anything is rendered.
 */

/** One field a template declares. */
export interface TemplateFieldDeclaration {
  readonly name: string;
  readonly label: string;
  readonly type: EnforcementDocumentFieldType;
  readonly required: boolean;
}

/** A row of a LIST field: named text values. */
export type DocumentFieldRow = Readonly<Record<string, string | number | null>>;
/** The value of one field: text (or a number), a YYYY-MM-DD day, or the rows of a list. */
export type DocumentFieldValue = string | number | null | readonly DocumentFieldRow[];
/** The values a document is rendered with, by field name. */
export type DocumentFields = Readonly<Record<string, DocumentFieldValue>>;

/** The three forms of one template version. */
export interface DocumentTemplateText {
  readonly titleTemplate: string;
  readonly textTemplate: string;
  readonly htmlTemplate: string;
  readonly fields: readonly TemplateFieldDeclaration[];
}

/** What the renderer provides to every template besides its fields. */
export interface DocumentSystemValues {
  readonly number: string;
  readonly year: number;
  readonly serial: number;
  readonly issuedOn: string;
  readonly kindName: string;
  readonly organization: { readonly name: string };
  readonly issuer: { readonly name: string; readonly shortName: string };
  /** Present only in a correction: what it replaces and why. */
  readonly correction: { readonly supersedesNumber: string; readonly supersedesIssuedOn: string; readonly reason: string } | null;
}

/**
 * The names the renderer gives every template (a template field may not take them), with the keys of
 * those that are objects (`{{organization.name}}`, `{{#correction}}{{reason}}{{/correction}}`).
 */
export const SYSTEM_NAMES: Readonly<Record<string, readonly string[] | null>> = {
  number: null,
  year: null,
  serial: null,
  issuedOn: null,
  issuedOnZh: null,
  kindName: null,
  organization: ['name'],
  issuer: ['name', 'shortName'],
  correction: ['supersedesNumber', 'supersedesIssuedOn', 'supersedesIssuedOnZh', 'reason'],
};

/** Limits of what a document may be rendered with. */
const MAX_TEXT = 4000;
const MAX_ROWS = 200;
const MAX_ROW_KEYS = 20;
const MAX_CELL = 2000;
const NAME = /^[a-z][a-zA-Z0-9]{0,39}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Its own writer (and cache of parsed templates), apart from Mustache's global one. */
const writer = new Writer();
/** The text form writes values as they are. */
const AS_IS = { escape: (value: unknown): string => String(value) };

/** A day as Chinese documents write it: 2026-11-29 → 2026年11月29日. */
export function chineseDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Whether `value` is a real day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A Mustache view: an object without a prototype, so a template cannot reach `constructor` or `toString`. */
function view(values: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, values);
}

/** Empty for a template field: absent, null, blank text or no rows. */
const isEmpty = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** The problems of one field's value against its declaration (none when it fits). */
function valueViolations(d: TemplateFieldDeclaration, value: unknown, at: string): FieldViolation[] {
  if (isEmpty(value)) return d.required ? [documentRules.violation(at, 'required', `${d.label} (${d.name}) is required by the template.`)] : [];
  const wrong = (message: string) => [documentRules.violation(at, 'fieldType', message)];
  switch (d.type) {
    case EnforcementDocumentFieldType.TEXT:
      if (typeof value === 'number' && Number.isFinite(value)) return [];
      if (typeof value !== 'string') return wrong('must be text or a number.');
      return value.length > MAX_TEXT ? [documentRules.violation(at, 'range', `must be at most ${MAX_TEXT} characters.`)] : [];
    case EnforcementDocumentFieldType.DATE:
      return typeof value === 'string' && isDay(value) ? [] : wrong('must be a day as YYYY-MM-DD.');
    case EnforcementDocumentFieldType.LIST: {
      if (!Array.isArray(value)) return wrong('must be a list of rows (objects of named text values).');
      if (value.length > MAX_ROWS) return [documentRules.violation(at, 'range', `must have at most ${MAX_ROWS} rows.`)];
      return value.flatMap((row: unknown, i) => {
        if (!row || typeof row !== 'object' || Array.isArray(row)) return [documentRules.violation(`${at}.${i}`, 'fieldType', 'must be an object of named text values.')];
        const entries = Object.entries(row);
        if (entries.length > MAX_ROW_KEYS) return [documentRules.violation(`${at}.${i}`, 'range', `must have at most ${MAX_ROW_KEYS} values.`)];
        return entries.flatMap(([key, cell]) => {
          if (!NAME.test(key)) return [documentRules.violation(`${at}.${i}.${key}`, 'fieldType', 'a value\'s name must be lower camel case.')];
          if (cell !== null && typeof cell !== 'string' && !(typeof cell === 'number' && Number.isFinite(cell))) return [documentRules.violation(`${at}.${i}.${key}`, 'fieldType', 'must be text, a number or null.')];
          return typeof cell === 'string' && cell.length > MAX_CELL ? [documentRules.violation(`${at}.${i}.${key}`, 'range', `must be at most ${MAX_CELL} characters.`)] : [];
        });
      });
    }
  }
}

/**
 * The problems of the values a document is to be rendered with (`at`: where they are in the input,
 * e.g. `input.fields`): each required field present and every value of its declared type; values
 * the template does not declare are refused too, so a misspelt name does not vanish silently.
 */
export function fieldViolations(declared: readonly TemplateFieldDeclaration[], values: Readonly<Record<string, unknown>>, at: string): FieldViolation[] {
  const names = new Set(declared.map((d) => d.name));
  return [
    ...Object.keys(values)
      .filter((name) => !names.has(name))
      .map((name) => documentRules.violation(`${at}.${name}`, 'undeclaredField', `the template declares no field ${name} (it declares ${[...names].join(', ') || 'none'}).`)),
    ...declared.flatMap((d) => valueViolations(d, values[d.name], `${at}.${d.name}`)),
  ];
}

/** The problems of a template's declared fields: names lower camel case, each once, none of the renderer's own. */
export function declarationViolations(declared: readonly TemplateFieldDeclaration[], at: string): FieldViolation[] {
  const seen = new Set<string>();
  return declared.flatMap((d, i) => {
    const name = `${at}.${i}.name`;
    if (!NAME.test(d.name)) return [documentRules.violation(name, 'fieldType', 'must be lower camel case (a letter first, letters and digits, at most 40).')];
    if (d.name in SYSTEM_NAMES) return [documentRules.violation(name, 'reservedName', `${d.name} is given by the renderer (${Object.keys(SYSTEM_NAMES).join(', ')}).`)];
    if (seen.has(d.name)) return [documentRules.violation(name, 'unique', `${d.name} is declared twice.`)];
    seen.add(d.name);
    return [];
  });
}

/** The names a template may use where it stands: `null` for anything (inside a list's rows). */
type Known = ReadonlySet<string> | null;

/**
 * The problems of one template (`at`: the input field holding it): it must parse, use no partial,
 * name only declared fields and the renderer's own values (a list's rows inside its section are
 * free), and, for HTML, write no value unescaped.
 */
export function templateViolations(template: string, html: boolean, declared: readonly TemplateFieldDeclaration[], at: string): FieldViolation[] {
  let tokens: TemplateSpans;
  try {
    tokens = writer.parse(template) as TemplateSpans;
  } catch (error) {
    return [documentRules.violation(at, 'templateSyntax', `does not parse: ${(error as Error).message}.`)];
  }
  const types = new Map(declared.map((d) => [d.name, d.type]));
  const top = new Set([...Object.keys(SYSTEM_NAMES), ...types.keys()]);
  const problems: FieldViolation[] = [];
  const isKnown = (name: string, known: Known): boolean => {
    if (known === null || name === '.') return true;
    const [root, sub, ...deeper] = name.split('.');
    if (!known.has(root!)) return false;
    if (sub === undefined) return true;
    return !deeper.length && (SYSTEM_NAMES[root!]?.includes(sub) ?? false);
  };
  const walk = (spans: TemplateSpans, known: Known): void => {
    for (const span of spans) {
      const [type, name] = span;
      if (type === 'text' || type === '!' || type === '=') continue;
      if (type === '>') {
        problems.push(documentRules.violation(at, 'templateSyntax', `uses the partial ${name}: templates are self-contained.`));
        continue;
      }
      if (type === '&' && html) problems.push(documentRules.violation(at, 'unescaped', `writes ${name} unescaped: an HTML template writes values with {{${name}}}.`));
      if (!isKnown(name, known)) problems.push(documentRules.violation(at, 'undeclaredField', `uses ${name}, which the template does not declare (nor does the renderer give it).`));
      if (type === '#' || type === '^') {
        const inner = span[4] as TemplateSpans;
        // Inside a list's section its rows' values (and index, last) are in view; inside an object's, its keys too.
        const keys = SYSTEM_NAMES[name];
        walk(inner, known === null || types.get(name) === EnforcementDocumentFieldType.LIST ? null : keys ? new Set([...known, ...keys]) : known);
      }
    }
  };
  walk(tokens, top);
  return problems;
}

/** The view a document is rendered from: the renderer's values, then each declared field's (days as 2026年11月29日, rows with `index` and `last`). */
function documentView(system: DocumentSystemValues, declared: readonly TemplateFieldDeclaration[], values: DocumentFields): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const d of declared) {
    const value = values[d.name];
    if (isEmpty(value)) continue;
    if (d.type === EnforcementDocumentFieldType.DATE) fields[d.name] = chineseDay(value as string);
    else if (d.type === EnforcementDocumentFieldType.LIST) {
      const rows = value as readonly DocumentFieldRow[];
      fields[d.name] = rows.map((row, i) => view({ ...row, index: i + 1, last: i === rows.length - 1 }));
    } else fields[d.name] = value;
  }
  const { correction } = system;
  return view({
    ...fields,
    number: system.number,
    year: system.year,
    serial: system.serial,
    issuedOn: system.issuedOn,
    issuedOnZh: chineseDay(system.issuedOn),
    kindName: system.kindName,
    organization: view({ ...system.organization }),
    issuer: view({ ...system.issuer }),
    correction: correction ? view({ ...correction, supersedesIssuedOnZh: chineseDay(correction.supersedesIssuedOn) }) : null,
  });
}

/** A document's title, text and HTML from a template version (values checked first with `fieldViolations`). */
export function renderDocument(template: DocumentTemplateText, system: DocumentSystemValues, values: DocumentFields): { title: string; text: string; html: string } {
  const v = documentView(system, template.fields, values);
  return {
    title: writer.render(template.titleTemplate, v, undefined, AS_IS).trim(),
    text: writer.render(template.textTemplate, v, undefined, AS_IS),
    html: writer.render(template.htmlTemplate, v),
  };
}
