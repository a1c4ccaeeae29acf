import { InternalsChangedError, installedVersion } from '@platform/core';

/** A class, as type-graphql records targets. */
export type Class = abstract new (...args: never[]) => unknown;

/**
 * The parts of type-graphql's metadata storage (`getMetadataStorage()`, not a documented API) that
 * `readPlainFieldsDirectly` and `callPageResolversDirectly` read and write. Checked by
 * `typeGraphqlShapeProblems` before they are used.
 */
export interface FieldMeta {
  target: Class;
  name: string;
  schemaName: string;
  simple?: boolean;
  params?: unknown[];
  middlewares?: unknown[];
  roles?: unknown[];
}

export type ParamMeta = { kind: string; index: number; propertyName?: string; getType?: () => unknown };

export interface FieldResolverMeta {
  kind: 'internal' | 'external';
  target: Class;
  methodName: string;
  schemaName: string;
  getObjectType?: () => Class;
  params?: ParamMeta[];
  middlewares?: unknown[];
  roles?: unknown[];
}

export interface MetadataShapes {
  fields: FieldMeta[];
  fieldResolvers: FieldResolverMeta[];
  objectTypes: Array<{ target: Class; name: string }>;
}

/** Parameter kinds type-graphql 2 records (`ParamMetadata['kind']`); the page-resolver shortcut maps info, context, root and args. */
const PARAM_KINDS = new Set(['info', 'pubSub', 'context', 'root', 'arg', 'args', 'custom']);

const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

/**
 * What type-graphql's metadata storage lacks of the shape the read path relies on; empty when it
 * holds. `built`: after `buildSchema`, when field resolvers carry their parameters (type-graphql
 * attaches them while building). Pure, so tests can feed it a fake storage.
 */
export function typeGraphqlShapeProblems(storage: unknown, built: boolean): string[] {
  if (storage === null || typeof storage !== 'object') return [`getMetadataStorage() is ${kindOf(storage)}, not the metadata storage`];
  const s = storage as Record<string, unknown>;
  const problems: string[] = [];
  const expect = (ok: boolean, what: string, value: unknown, wanted: string) => {
    if (!ok) problems.push(`${what} is ${kindOf(value)}, expected ${wanted}`);
  };
  const optionalList = (value: unknown) => value === undefined || Array.isArray(value);

  for (const list of ['fields', 'fieldResolvers', 'objectTypes']) expect(Array.isArray(s[list]), list, s[list], 'an array');
  if (problems.length) return problems;

  (s['fields'] as unknown[]).forEach((f, i) => {
    const field = (f ?? {}) as Record<string, unknown>;
    expect(typeof field['target'] === 'function', `fields[${i}].target`, field['target'], 'a class');
    expect(typeof field['name'] === 'string', `fields[${i}].name`, field['name'], 'a string');
    expect(field['simple'] === undefined || typeof field['simple'] === 'boolean', `fields[${i}].simple`, field['simple'], 'undefined or a boolean');
    for (const list of ['params', 'middlewares', 'roles']) expect(optionalList(field[list]), `fields[${i}].${list}`, field[list], 'undefined or an array');
  });

  (s['objectTypes'] as unknown[]).forEach((o, i) => {
    const type = (o ?? {}) as Record<string, unknown>;
    expect(typeof type['target'] === 'function', `objectTypes[${i}].target`, type['target'], 'a class');
    expect(typeof type['name'] === 'string', `objectTypes[${i}].name`, type['name'], 'a string');
  });

  (s['fieldResolvers'] as unknown[]).forEach((r, i) => {
    const resolver = (r ?? {}) as Record<string, unknown>;
    const at = `fieldResolvers[${i}]`;
    expect(resolver['kind'] === 'internal' || resolver['kind'] === 'external', `${at}.kind`, resolver['kind'], "'internal' or 'external'");
    expect(typeof resolver['target'] === 'function', `${at}.target`, resolver['target'], 'a class');
    expect(typeof resolver['methodName'] === 'string', `${at}.methodName`, resolver['methodName'], 'a string');
    expect(typeof resolver['schemaName'] === 'string', `${at}.schemaName`, resolver['schemaName'], 'a string');
    expect(resolver['getObjectType'] === undefined || typeof resolver['getObjectType'] === 'function', `${at}.getObjectType`, resolver['getObjectType'], 'undefined or a function');
    for (const list of ['middlewares', 'roles']) expect(optionalList(resolver[list]), `${at}.${list}`, resolver[list], 'undefined or an array');
    const params = resolver['params'];
    if (built) expect(Array.isArray(params), `${at}.params`, params, 'an array (after buildSchema)');
    if (!Array.isArray(params)) return;
    params.forEach((p, j) => {
      const param = (p ?? {}) as Record<string, unknown>;
      const where = `${at}.params[${j}]`;
      if (!PARAM_KINDS.has(param['kind'] as string)) problems.push(`${where}.kind is ${JSON.stringify(param['kind'])}, expected one of ${[...PARAM_KINDS].join(', ')}`);
      expect(typeof param['index'] === 'number', `${where}.index`, param['index'], 'a number');
      if (param['kind'] === 'args' || param['kind'] === 'arg') expect(typeof param['getType'] === 'function', `${where}.getType`, param['getType'], 'a function');
      if (param['kind'] === 'root' || param['kind'] === 'context') {
        expect(param['propertyName'] === undefined || typeof param['propertyName'] === 'string', `${where}.propertyName`, param['propertyName'], 'undefined or a string');
      }
    });
  });
  return problems;
}

export const SERVER_PERF_README = 'libs/platform/server/src/perf/README.md';

/** Throws `InternalsChangedError` (with type-graphql's version) when the storage no longer has the shape; returns it typed otherwise. */
export function assertTypeGraphqlShapes(storage: unknown, built: boolean): MetadataShapes {
  const problems = typeGraphqlShapeProblems(storage, built);
  if (problems.length) throw new InternalsChangedError('type-graphql', installedVersion('type-graphql'), problems, SERVER_PERF_README);
  return storage as MetadataShapes;
}
