import { Extensions } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type DataLoader from 'dataloader';
import type { ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import type { ScopedEntity } from '../data/entity';
import { records } from '../data/records';
import type { Sql } from '../sql/sql';
import type { ConnectionResult } from '../pagination/connection.type';
import type { RecordLink } from '../data/records';
import { pageKey, pageRequest, type PageRequest, type SortKey } from '../pagination/keyset';
import type { PageArgs } from '../pagination/page.args';
import type { ClassType } from '../graphql/class-type';

/** Schema extension of a field: the declared relation it reads (`@ReadsRelation`). */
export const READS_RELATION = 'readsRelation';

/**
 * A page of child records per parent: the children hold the parent's key in `parentColumn` (e.g. a
 * hazard's history steps by `hazard_id`), or a link table of the declaring module pairs parents with
 * them (`link`, e.g. a campaign's hazards through `campaign_hazard`; one link row per pair, as its
 * primary key makes it). Declared once; the field resolver loads through it
 * (`load`, one statement per request level) and the read compiler nests it in the request's one
 * statement (`read-compiler/`), so both read the same rows in the same order within the same scope.
 */
export interface ChildPages<T extends ObjectLiteral, A extends PageArgs = PageArgs> {
  readonly kind: 'children';
  /** The loader's name, e.g. `risk.hazard.history`. */
  readonly name: string;
  readonly entity: ScopedEntity<T>;
  /** The children's column holding the parent's key, e.g. `hazard_id`; absent with `link`. */
  readonly parentColumn?: string;
  /** The link table pairing parents with the children, instead of `parentColumn`. */
  readonly link?: RecordLink;
  /** The order, over alias `t`; the last key unique. */
  readonly keys: readonly SortKey[];
  /** Conditions over alias `t` from the field's arguments besides the page (e.g. `kinds`), and fixed ones (active only). */
  readonly where?: (args: A) => readonly Sql[];
  /** The field's arguments that `where` reads (besides the page), for the loader's variant. */
  readonly filterArgs?: readonly (keyof A & string)[];
  /** The field's arguments class when it has more than the page (`PageArgs`). */
  readonly args?: ClassType<A>;
  /** One page per parent key, within the caller's scope: through a per-request DataLoader, all parents of a request level in one statement. */
  load(ctx: RequestContext, parentKey: string, args: A, info: GraphQLResolveInfo, properties?: readonly string[] | null): Promise<ConnectionResult<T>>;
}

/** Declares a relation to a page of child records per parent (see `ChildPages`). */
export function defineChildPages<T extends ObjectLiteral, A extends PageArgs = PageArgs>(
  entity: ScopedEntity<T>,
  options: Pick<ChildPages<T, A>, 'name' | 'parentColumn' | 'link' | 'keys' | 'where' | 'filterArgs' | 'args'>,
): ChildPages<T, A> {
  if (!options.parentColumn === !options.link) throw new Error(`defineChildPages(${options.name}): give parentColumn or link, one of them.`);
  const declared: ChildPages<T, A> = {
    kind: 'children',
    entity,
    ...options,
    load(ctx, parentKey, args, info, properties = null) {
      const page: PageRequest = pageRequest(args, info);
      const filter = options.filterArgs?.length ? `|${JSON.stringify(options.filterArgs.map((a) => args[a] ?? null))}` : '';
      return childPagesLoader(ctx, declared, page, properties, filter, args).load(parentKey);
    },
  };
  return Object.freeze(declared);
}

function childPagesLoader<T extends ObjectLiteral, A extends PageArgs>(ctx: RequestContext, rel: ChildPages<T, A>, page: PageRequest, properties: readonly string[] | null, filter: string, args: A): DataLoader<string, ConnectionResult<T>> {
  return ctx.loaders.get(rel.name, `${pageKey(page, properties)}${filter}`, async (ids: readonly string[]) => {
    let rows = records(ctx, rel.entity);
    for (const condition of rel.where?.(args) ?? []) rows = rows.where(condition);
    const options = { keys: rel.keys, page, properties };
    const pages = await (rel.link ? rows.byLink(rel.link, ids, options) : rows.byParent(rel.parentColumn!, ids, options));
    return ids.map((id) => pages.get(id)!);
  });
}

/**
 * Records of a declared entity by their primary key, within the caller's scope (null where missing
 * or out of scope): what a field holding another record's id resolves to (a hazard's organization).
 */
export interface RecordReference<T extends ObjectLiteral> {
  readonly kind: 'reference';
  /** The loader's name, e.g. `directory.organization.byId`. */
  readonly name: string;
  readonly entity: ScopedEntity<T>;
  /** The per-request DataLoader: all keys of a request level in one statement. */
  byId(ctx: RequestContext): DataLoader<string, T | null>;
}

/** Declares how records of an entity are looked up by key (see `RecordReference`). */
export function defineReference<T extends ObjectLiteral>(entity: ScopedEntity<T>, name: string): RecordReference<T> {
  return Object.freeze({
    kind: 'reference' as const,
    name,
    entity,
    byId: (ctx: RequestContext) => ctx.loaders.get(name, undefined, (ids: readonly string[]) => records(ctx, entity).many(ids)),
  });
}

/** A relation the read compiler can nest: child pages, or a reference read from a property of the parent. */
export type DeclaredRelation = ChildPages<ObjectLiteral, any> | RecordReference<ObjectLiteral>;

/** What `@ReadsRelation` records on a field. */
export interface RelationRead {
  readonly relation: DeclaredRelation;
  /** The parent's property holding the key: `id` for child pages, the reference's column (e.g. `organizationId`). */
  readonly parentProperty: string;
}

/**
 * Marks a field resolver as reading a declared relation, so the read compiler can put it into the
 * request's one statement: child pages by the parent's `id` (or `parentProperty`), a reference by
 * the parent's `parentProperty`. The resolver must load through the same declaration
 * (`relation.load`, `relation.byId`): that is what keeps both paths the same.
 */
export function ReadsRelation(relation: ChildPages<any, any> | RecordReference<any>, parentProperty = 'id'): MethodDecorator {
  const read: RelationRead = { relation, parentProperty };
  return Extensions({ [READS_RELATION]: read }) as MethodDecorator;
}

