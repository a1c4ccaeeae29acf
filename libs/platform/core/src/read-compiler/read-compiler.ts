import {
  GraphQLNonNull,
  Kind,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isAbstractType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { EntityMetadata, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { permissionOfField, PUBLIC_OPERATION } from '../access/permission';
import { denial } from '../access/authorization';
import { entityOfType, rowScopeSql, type ScopedEntity } from '../data/entity';
import { ParamNames, Sql, compile, join, raw, sql } from '../data/sql';
import { READS_COLUMNS, readRows } from '../db/row-reader';
import { pageWindow, windowSql, type PageWindow, type SortKey } from '../pagination/keyset';
import { PageArgs } from '../pagination/page.args';
import { validateArgument } from '../validation/validate-argument';
import { READS_RELATION, type ChildPages, type RelationRead } from './declarations';
import { SQL_FORM, type SqlFormOf } from '../data/sql-form';
import { columnJson, constantJson, cursorText, objectJson, valueJson, type JsonText } from './json-text';
import { plannedReadOf, type PlannedRead } from '../data/planned-read';

/*
 * The read compiler: a query whose every field is a column, a declared relation or a field with a
 * SQL form of declared entities becomes ONE SQL statement that returns the response's `data` as
 * JSON text, which the gateway sends without parsing it (Hasura's and PostGraphile v4's way).
 *
 * - Structure, once per operation: which fields are columns (and how PostgreSQL writes each as the
 *   resolver path would, `json-text.ts`), which are relations, which need permissions. An operation
 *   with anything else is not compiled: it runs its resolvers, as before.
 * - Per request: the root fields' resolvers run in planning mode (`RequestContext.forPlanning`), so
 *   their arguments are converted and validated, their permissions checked and their conditions built
 *   by the very code of the resolver path; the data layer hands back the planned read (the entity's
 *   scope and the conditions) instead of running it. Relation arguments are validated as their
 *   resolvers' are. Anything refused, invalid or denied: the request runs its resolvers, which answer
 *   with the errors they always gave. So errors never come from here.
 */

/** Why an operation is not compiled (for logs and tests). */
export class NotCompilable {
  constructor(readonly reason: string) {}
}

interface ColumnField {
  readonly kind: 'column';
  readonly key: string;
  readonly column: string;
  readonly json: JsonText;
}
interface FormField {
  readonly kind: 'form';
  readonly key: string;
  readonly form: SqlFormOf;
  readonly json: JsonText;
  readonly permission: string | null;
}
interface ConstantField {
  readonly kind: 'constant';
  readonly key: string;
  readonly json: string;
}
interface ChildrenField {
  readonly kind: 'children';
  readonly key: string;
  readonly relation: ChildPages<ObjectLiteral, PageArgs>;
  readonly parentColumn: string;
  readonly permission: string | null;
  readonly field: GraphQLField<unknown, unknown>;
  readonly node: FieldNode;
  readonly connection: ConnectionShape;
}
interface ReferenceField {
  readonly kind: 'reference';
  readonly key: string;
  readonly entity: ScopedEntity<ObjectLiteral>;
  readonly parentColumn: string;
  readonly permission: string | null;
  readonly object: ObjectShape;
}
type ObjectField = ColumnField | FormField | ConstantField | ChildrenField | ReferenceField;

/** An object of a declared entity's type: its fields, and the columns they need from its row. */
interface ObjectShape {
  readonly typeName: string;
  readonly entityClass: unknown;
  readonly metadata: EntityMetadata;
  readonly fields: readonly ObjectField[];
  /** Database columns its fields read (quoted when selected). */
  readonly columns: readonly string[];
}

type Member<K extends string> = { readonly key: string; readonly kind: K | 'typename'; readonly typeName?: string };

/** A cursor connection's selection. */
interface ConnectionShape {
  readonly members: ReadonlyArray<Member<'totalCount' | 'edges' | 'pageInfo'>>;
  readonly edge: ReadonlyArray<Member<'cursor' | 'node'>>;
  readonly pageInfo: ReadonlyArray<Member<'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor'>>;
  readonly node: ObjectShape;
  readonly withCursors: boolean;
}

interface RootRead {
  readonly kind: 'read';
  readonly key: string;
  readonly field: GraphQLField<unknown, unknown>;
  readonly nodes: readonly FieldNode[];
  readonly connection: ConnectionShape | null;
  readonly object: ObjectShape | null;
}
type RootField = RootRead | ConstantField;

interface OperationPlan {
  readonly fields: readonly RootField[];
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly operation: OperationDefinitionNode;
}

/** The fields of selection sets on `type` by response key, fragments followed (graphql-js's CollectFields, without directives). */
function collectFields(schema: GraphQLSchema, type: GraphQLObjectType, sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): Map<string, FieldNode[]> | NotCompilable {
  const fields = new Map<string, FieldNode[]>();
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const abstract = schema.getType(condition);
    return !!abstract && isAbstractType(abstract) && schema.isSubType(abstract, type);
  };
  const visit = (set: SelectionSetNode): NotCompilable | null => {
    for (const s of set.selections) {
      if (s.directives?.length) return new NotCompilable('a directive');
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const list = fields.get(key);
        if (list) list.push(s);
        else fields.set(key, [s]);
        continue;
      }
      const fragment = s.kind === Kind.INLINE_FRAGMENT ? s : fragments[s.name.value];
      if (!fragment) return new NotCompilable('an unknown fragment');
      if (!applies(fragment.typeCondition?.name.value)) continue;
      const refused = visit(fragment.selectionSet);
      if (refused) return refused;
    }
    return null;
  };
  for (const set of sets) {
    const refused = visit(set);
    if (refused) return refused;
  }
  return fields;
}

const subSelections = (nodes: readonly FieldNode[]): SelectionSetNode[] => nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/** A field's permission, when it has one the compiled path must check (operation fields are checked by their resolvers when planned). */
function fieldPermission(field: GraphQLField<unknown, unknown>): string | null {
  const code = permissionOfField(field);
  return code && code !== PUBLIC_OPERATION ? code : null;
}

/** Compiles operations (structure cached per operation) and runs them as one statement (see the file's comment). */
export class ReadCompiler {
  private readonly plans = new WeakMap<OperationDefinitionNode, OperationPlan | NotCompilable>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The structure of an operation, or why it is not compiled. */
  plan(ctx: RequestContext, document: DocumentNode, operation: OperationDefinitionNode): OperationPlan | NotCompilable {
    let plan = this.plans.get(operation);
    if (!plan) this.plans.set(operation, (plan = this.buildPlan(ctx, document, operation)));
    return plan;
  }

  /**
   * The response's `data` as JSON text from one statement, or null when the request is to run its
   * resolvers: the operation is not compiled, or planning it met an argument, a permission or a
   * read it leaves to them.
   */
  async run(ctx: RequestContext, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): Promise<string | null> {
    const plan = this.plan(ctx, document, operation);
    if (plan instanceof NotCompilable) return this.refused(ctx, plan.reason);
    const statement = await this.statement(ctx, plan, variables).catch((error: unknown) => new NotCompilable(error instanceof Error ? error.message : String(error)));
    if (statement instanceof NotCompilable) return this.refused(ctx, statement.reason);
    const { text, params } = compile(statement, new ParamNames('p'));
    const [query, values] = ctx.manager.connection.driver.escapeQueryWithParameters(text, params);
    try {
      const [row] = await readRows(ctx.manager, query, values);
      return row ? (row['data'] as string) : null;
    } catch (error) {
      // E.g. a cursor value PostgreSQL cannot read as its key's type: the resolvers answer it (BAD_USER_INPUT).
      return this.refused(ctx, `the statement failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Logged at debug level: why a query runs its resolvers. */
  private refused(ctx: RequestContext, reason: string): null {
    ctx.log.debug({ reason }, 'query not compiled');
    return null;
  }

  // ------------------------------------------------------------------ structure

  private buildPlan(ctx: RequestContext, document: DocumentNode, operation: OperationDefinitionNode): OperationPlan | NotCompilable {
    if (operation.operation !== 'query') return new NotCompilable('not a query');
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    const query = this.schema.getQueryType()!;
    const collected = collectFields(this.schema, query, [operation.selectionSet], fragments);
    if (collected instanceof NotCompilable) return collected;
    const fields: RootField[] = [];
    for (const [key, nodes] of collected) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        fields.push({ kind: 'constant', key, json: constantJson(query.name) });
        continue;
      }
      const field = query.getFields()[name];
      if (!field) return new NotCompilable(`Query.${name}`);
      const type = getNamedType(field.type);
      if (!isObjectType(type)) return new NotCompilable(`Query.${name} is not an object`);
      const asConnection = this.connectionShape(ctx, type, nodes, fragments);
      if (!(asConnection instanceof NotCompilable)) {
        fields.push({ kind: 'read', key, field, nodes, connection: asConnection, object: null });
        continue;
      }
      if (type.getFields()['edges']) return new NotCompilable(`Query.${name}: ${asConnection.reason}`);
      if (field.type instanceof GraphQLNonNull) return new NotCompilable(`Query.${name} is non-null`);
      const object = this.objectShape(ctx, type, subSelections(nodes), fragments);
      if (object instanceof NotCompilable) return new NotCompilable(`Query.${name}: ${object.reason}`);
      fields.push({ kind: 'read', key, field, nodes, connection: null, object });
    }
    // Nothing to read (`{ __typename }`): the resolvers answer without any statement.
    if (!fields.some((f) => f.kind === 'read')) return new NotCompilable('no field reads records');
    return { fields, fragments, operation };
  }

  /** A `<Type>Connection` selection over a declared entity's type, or why not. */
  private connectionShape(ctx: RequestContext, type: GraphQLObjectType, nodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): ConnectionShape | NotCompilable {
    const fields = type.getFields();
    if (!fields['edges'] || !fields['pageInfo'] || !fields['totalCount']) return new NotCompilable(`${type.name} is not a connection`);
    const collected = collectFields(this.schema, type, subSelections(nodes), fragments);
    if (collected instanceof NotCompilable) return collected;
    const members: Array<ConnectionShape['members'][number]> = [];
    const edge: Array<ConnectionShape['edge'][number]> = [];
    const pageInfo: Array<ConnectionShape['pageInfo'][number]> = [];
    const edgeType = getNamedType(fields['edges'].type) as GraphQLObjectType;
    const pageInfoType = getNamedType(fields['pageInfo'].type) as GraphQLObjectType;
    const nodeType = getNamedType(edgeType.getFields()['node']!.type);
    if (!isObjectType(nodeType)) return new NotCompilable(`${type.name}'s nodes are not objects`);
    for (const [key, list] of collected) {
      const name = list[0]!.name.value;
      if (name === '__typename') members.push({ key, kind: 'typename', typeName: type.name });
      else if (name === 'totalCount') members.push({ key, kind: 'totalCount' });
      else if (name === 'edges') {
        members.push({ key, kind: 'edges' });
        const inner = this.members(edgeType, list, fragments, ['cursor', 'node'] as const);
        if (inner instanceof NotCompilable) return inner;
        edge.push(...inner);
        if (edge.filter((e) => e.kind === 'node').length > 1) return new NotCompilable('node selected under several keys');
      } else if (name === 'pageInfo') {
        members.push({ key, kind: 'pageInfo' });
        const inner = this.members(pageInfoType, list, fragments, ['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'] as const);
        if (inner instanceof NotCompilable) return inner;
        pageInfo.push(...inner);
      } else return new NotCompilable(`${type.name}.${name}`);
    }
    if (members.filter((m) => m.kind === 'edges').length > 1 || members.filter((m) => m.kind === 'pageInfo').length > 1) return new NotCompilable('edges or pageInfo under two keys');
    const withCursors = edge.some((e) => e.kind === 'cursor') || pageInfo.some((p) => p.kind === 'startCursor' || p.kind === 'endCursor');
    const edgeFields = collected.get(members.find((m) => m.kind === 'edges')?.key ?? '') ?? [];
    const node = this.objectShape(ctx, nodeType, this.nodeSelections(edgeType, edgeFields, fragments), fragments);
    if (node instanceof NotCompilable) return node;
    return { members, edge, pageInfo, node, withCursors };
  }

  /** The members of a connection's part (an edge, the page info) selected, by response key: `__typename` or one of `allowed`. */
  private members<K extends string>(type: GraphQLObjectType, nodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>, allowed: readonly K[]): Array<Member<K>> | NotCompilable {
    const collected = collectFields(this.schema, type, subSelections(nodes), fragments);
    if (collected instanceof NotCompilable) return collected;
    const members: Array<Member<K>> = [];
    for (const [key, list] of collected) {
      const name = list[0]!.name.value;
      if (name === '__typename') members.push({ key, kind: 'typename', typeName: type.name });
      else if ((allowed as readonly string[]).includes(name)) members.push({ key, kind: name as K });
      else return new NotCompilable(`${type.name}.${name}`);
    }
    return members;
  }

  /** The selection sets of the nodes under `edges` fields. */
  private nodeSelections(edgeType: GraphQLObjectType, edges: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): SelectionSetNode[] {
    const collected = collectFields(this.schema, edgeType, subSelections(edges), fragments);
    if (collected instanceof NotCompilable) return [];
    return [...collected.values()].flat().filter((f) => f.name.value === 'node').flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  }

  /** The selection of an object of a declared entity's type, or why not. */
  private objectShape(ctx: RequestContext, type: GraphQLObjectType, sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>): ObjectShape | NotCompilable {
    const entityClass = entityOfType(type.name);
    if (!entityClass) return new NotCompilable(`${type.name} is not one declared entity's type`);
    const metadata = ctx.manager.connection.getMetadata(entityClass);
    const driver = ctx.manager.connection.driver;
    const collected = collectFields(this.schema, type, sets, fragments);
    if (collected instanceof NotCompilable) return collected;
    const columns = new Set<string>();
    const columnOf = (property: string) => metadata.columns.find((c) => c.propertyPath === property);
    const fields: ObjectField[] = [];
    const gqlFields = type.getFields();
    for (const [key, nodes] of collected) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        fields.push({ kind: 'constant', key, json: constantJson(type.name) });
        continue;
      }
      const field = gqlFields[name] as GraphQLField<unknown, unknown> | undefined;
      if (!field) return new NotCompilable(`${type.name}.${name}`);
      const relation = field.extensions?.[READS_RELATION] as RelationRead | undefined;
      const form = field.extensions?.[SQL_FORM] as SqlFormOf | undefined;
      if (relation) {
        const parent = columnOf(relation.parentProperty);
        if (!parent) return new NotCompilable(`${type.name}.${name} reads ${relation.parentProperty}, not a column`);
        columns.add(parent.databaseName);
        const target = getNamedType(field.type);
        if (!isObjectType(target)) return new NotCompilable(`${type.name}.${name}`);
        if (relation.relation.kind === 'children') {
          const connection = this.connectionShape(ctx, target, nodes, fragments);
          if (connection instanceof NotCompilable) return new NotCompilable(`${type.name}.${name}: ${connection.reason}`);
          if (connection.node.typeName !== relation.relation.entity.typeName) return new NotCompilable(`${type.name}.${name} is not a page of ${relation.relation.entity.typeName}`);
          fields.push({ kind: 'children', key, relation: relation.relation, parentColumn: parent.databaseName, permission: fieldPermission(field), field, node: nodes[0]!, connection });
        } else {
          if (field.type instanceof GraphQLNonNull) return new NotCompilable(`${type.name}.${name} is a non-null reference`);
          if (target.name !== relation.relation.entity.typeName) return new NotCompilable(`${type.name}.${name} is not a ${relation.relation.entity.typeName}`);
          const object = this.objectShape(ctx, target, subSelections(nodes), fragments);
          if (object instanceof NotCompilable) return new NotCompilable(`${type.name}.${name}: ${object.reason}`);
          fields.push({ kind: 'reference', key, entity: relation.relation.entity, parentColumn: parent.databaseName, permission: fieldPermission(field), object });
        }
        continue;
      }
      if (form) {
        if (field.args.length) return new NotCompilable(`${type.name}.${name} has arguments`);
        const json = valueJson(field.type);
        if (typeof json === 'string') return new NotCompilable(`${type.name}.${name}: ${json}`);
        for (const property of (field.extensions?.[READS_COLUMNS] as readonly string[] | undefined) ?? []) {
          const column = columnOf(property);
          if (!column) return new NotCompilable(`${type.name}.${name} reads ${property}, not a column`);
          columns.add(column.databaseName);
        }
        fields.push({ kind: 'form', key, form, json, permission: fieldPermission(field) });
        continue;
      }
      // A column: a plain field (no resolver: graphql-jit reads the row's property) of an entity column.
      const column = columnOf(name);
      if (field.resolve || !column || field.args.length) return new NotCompilable(`${type.name}.${name} is computed by a resolver`);
      const json = columnJson(field.type, column, driver);
      if (typeof json === 'string') return new NotCompilable(`${type.name}.${name}: ${json}`);
      columns.add(column.databaseName);
      fields.push({ kind: 'column', key, column: column.databaseName, json });
    }
    return { typeName: type.name, entityClass, metadata, fields, columns: [...columns] };
  }

  // ------------------------------------------------------------------ per request

  /** The statement for a request, or why it is to run its resolvers. */
  private async statement(ctx: RequestContext, plan: OperationPlan, input: Record<string, unknown>): Promise<Sql | NotCompilable> {
    const coerced = getVariableValues(this.schema, plan.operation.variableDefinitions ?? [], input);
    if (coerced.errors) return new NotCompilable('variables that do not coerce');
    const variables = coerced.coerced;
    const planning = ctx.forPlanning();
    const query = this.schema.getQueryType()!;
    const reads = await Promise.all(
      plan.fields.map(async (f) => {
        if (f.kind !== 'read') return null;
        const args = getArgumentValues(f.field as never, f.nodes[0]!, variables);
        const info: GraphQLResolveInfo = {
          fieldName: f.field.name,
          fieldNodes: f.nodes,
          returnType: f.field.type,
          parentType: query,
          path: { prev: undefined, key: f.key, typename: query.name },
          schema: this.schema,
          fragments: plan.fragments,
          rootValue: undefined,
          operation: plan.operation,
          variableValues: variables,
        };
        const value = await (f.field.resolve ?? (() => null))(undefined, args, planning, info);
        return plannedReadOf(value);
      }),
    );
    // Personal data a resolver audits as read are never sent without that audit: such a request runs its resolvers.
    if (planning.sensitiveReads.length) return new NotCompilable('a resolver recorded a sensitive read');
    const statement = new Statement(ctx, variables);
    const members: Array<{ key: string; text: Sql }> = [];
    for (const [i, f] of plan.fields.entries()) {
      if (f.kind === 'constant') {
        members.push({ key: f.key, text: raw(f.json) });
        continue;
      }
      const read = reads[i];
      if (!read) return new NotCompilable(`Query.${f.field.name} did not plan a read`);
      const text = await statement.root(f, read);
      if (!text) return new NotCompilable(`Query.${f.field.name}: an argument or a permission its resolvers answer`);
      members.push({ key: f.key, text });
    }
    return sql`SELECT ${objectJson(members)} AS data`;
  }
}

/** `:name` placeholders of TypeORM's form in `text` (as `windowSql` writes them) as a fragment with those parameters. */
function named(text: string, params: Record<string, unknown>): Sql {
  const strings: string[] = [];
  const values: unknown[] = [];
  let last = 0;
  for (const match of text.matchAll(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (!(match[1]! in params)) continue;
    strings.push(text.slice(last, match.index));
    values.push(params[match[1]!]);
    last = match.index! + match[0].length;
  }
  strings.push(text.slice(last));
  return new Sql(strings, values);
}

/** One request's statement being written: row aliases and parameter prefixes given out in order. */
class Statement {
  private aliases = 0;

  constructor(
    private readonly ctx: RequestContext,
    private readonly variables: Record<string, unknown>,
  ) {}

  async root(field: RootRead, read: PlannedRead): Promise<Sql | null> {
    if (field.connection) {
      if (read.kind !== 'page' || !sameEntity(field.connection.node, read.entity)) return null;
      return this.connection(field.connection, read.entity.table, read.condition, read.keys, read.window);
    }
    if (!field.object || read.kind !== 'one' || !sameEntity(field.object, read.entity)) return null;
    return this.object(field.object, read.entity.table, sql`${read.condition} AND ${raw(`t.${read.keyColumn}`)} = ${read.id}`);
  }

  /** A page of rows as the connection's JSON text. */
  private async connection(shape: ConnectionShape, table: string, condition: Sql, keys: readonly SortKey[], window: PageWindow): Promise<Sql | null> {
    const r = `r${++this.aliases}`;
    const w = windowSql(window, keys, `w${this.aliases}_`);
    const size = String(window.size);
    const within = w.where ? sql`${condition} AND ${named(w.where, w.params)}` : condition;
    const cursorColumns = shape.withCursors ? keys.map((k, i) => `, (${k.column})::text AS __c${i}`).join('') : '';
    const select = shape.node.columns.map((c) => `t."${c}"`).join(', ') || '1 AS __one';
    const rows = sql`(SELECT ${raw(select)}${raw(cursorColumns)}, row_number() OVER (ORDER BY ${raw(w.order)}) AS __n FROM ${raw(table)} t WHERE ${within} ORDER BY ${raw(w.order)} LIMIT ${raw(String(w.limit))}) ${raw(r)}`;
    const cursor = shape.withCursors ? cursorText(keys.map((_, i) => `${r}.__c${i}`)) : null;
    const more = `count(*) > ${size}`;
    const beyond = w.beyond ? sql`EXISTS (SELECT 1 FROM ${raw(table)} t WHERE ${condition} AND ${named(w.beyond, w.params)})` : null;
    const inPage = `FILTER (WHERE ${r}.__n <= ${size})`;
    const cursors = `(array_agg(${cursor} ORDER BY ${r}.__n) ${inPage})`;
    const first = window.backward ? `${cursors}[array_upper(${cursors}, 1)]` : `${cursors}[1]`;
    const last = window.backward ? `${cursors}[1]` : `${cursors}[array_upper(${cursors}, 1)]`;
    const node = await this.objectText(shape.node, r);
    if (!node) return null;
    const edge = objectJson(
      shape.edge.map((e) => ({ key: e.key, text: e.kind === 'typename' ? raw(constantJson(e.typeName!)) : e.kind === 'cursor' ? raw(`'"' || ${cursor} || '"'`) : node })),
    );
    const members = shape.members.map((m) => {
      if (m.kind === 'typename') return { key: m.key, text: raw(constantJson(m.typeName!)) };
      if (m.kind === 'totalCount') return { key: m.key, text: sql`(SELECT count(*)::int FROM ${raw(table)} t WHERE ${condition})::text` };
      if (m.kind === 'edges') return { key: m.key, text: sql`COALESCE('[' || string_agg(${edge}, ',' ORDER BY ${raw(`${r}.__n${window.backward ? ' DESC' : ''}`)}) ${raw(inPage)} || ']', '[]')` };
      const info = shape.pageInfo.map((p) => {
        switch (p.kind) {
          case 'typename':
            return { key: p.key, text: raw(constantJson(p.typeName!)) };
          case 'hasNextPage':
            return { key: p.key, text: bool(window.backward ? null : raw(more), beyond) };
          case 'hasPreviousPage':
            return { key: p.key, text: window.after ? raw(`'true'`) : bool(window.backward ? raw(more) : null, null) };
          case 'startCursor':
            return { key: p.key, text: raw(`COALESCE('"' || ${first} || '"', 'null')`) };
          default:
            return { key: p.key, text: raw(`COALESCE('"' || ${last} || '"', 'null')`) };
        }
      });
      return { key: m.key, text: objectJson(info) };
    });
    // Without edges or page info the rows are not read at all; otherwise one row of aggregates (GROUP BY (): one even over no rows).
    if (!shape.members.some((m) => m.kind === 'edges' || m.kind === 'pageInfo')) return sql`(SELECT ${objectJson(members)})`;
    return sql`(SELECT ${objectJson(members)} FROM ${rows} GROUP BY ())`;
  }

  /** One row (or none: `null`) as the object's JSON text. */
  private async object(shape: ObjectShape, table: string, condition: Sql): Promise<Sql | null> {
    const r = `r${++this.aliases}`;
    const select = shape.columns.map((c) => `t."${c}"`).join(', ') || '1 AS __one';
    const text = await this.objectText(shape, r);
    if (!text) return null;
    return sql`COALESCE((SELECT ${text} FROM (SELECT ${raw(select)} FROM ${raw(table)} t WHERE ${condition} LIMIT 1) ${raw(r)}), 'null')`;
  }

  /** The object's JSON text over the row alias `r`. */
  private async objectText(shape: ObjectShape, r: string): Promise<Sql | null> {
    const members: Array<{ key: string; text: Sql }> = [];
    for (const f of shape.fields) {
      if (f.kind !== 'constant' && f.kind !== 'column' && f.permission && denial(this.ctx.principal, f.permission)) return null;
      switch (f.kind) {
        case 'constant':
          members.push({ key: f.key, text: raw(f.json) });
          break;
        case 'column':
          members.push({ key: f.key, text: raw(f.json(`${r}."${f.column}"`)) });
          break;
        case 'form': {
          // Compiled to text to be wrapped by its JSON writer; its parameters go back in as parameters.
          const { text, params } = compile(f.form(r, this.ctx, shape.typeName), new ParamNames(`f${++this.aliases}_`));
          members.push({ key: f.key, text: named(f.json(text), params) });
          break;
        }
        case 'reference': {
          const scope = rowScopeSql(this.ctx.principal, f.entity.read, f.entity, 't');
          const key = this.keyColumn(f.object);
          const object = await this.object(f.object, f.entity.table, sql`${scope} AND ${raw(`t."${key}" = ${r}."${f.parentColumn}"`)}`);
          if (!object) return null;
          members.push({ key: f.key, text: object });
          break;
        }
        case 'children': {
          const page = await this.relationArgs(f);
          if (!page) return null;
          const rel = f.relation;
          const scope = rowScopeSql(this.ctx.principal, rel.entity.read, rel.entity, 't');
          const parent = rel.link
            ? `EXISTS (SELECT 1 FROM ${rel.link.table} l WHERE l."${rel.link.column}" = t."${this.keyColumn(f.connection.node)}" AND l."${rel.link.parentColumn}" = ${r}."${f.parentColumn}")`
            : `t."${rel.parentColumn}" = ${r}."${f.parentColumn}"`;
          const condition = join([scope, raw(parent), ...page.conditions], ' AND ');
          const text = await this.connection(f.connection, rel.entity.table, condition, rel.keys, page.window);
          if (!text) return null;
          members.push({ key: f.key, text });
          break;
        }
      }
    }
    return objectJson(members);
  }

  /** A relation field's arguments, converted and validated as its resolver's are, or null (the resolvers then answer). */
  private async relationArgs(f: ChildrenField): Promise<{ window: PageWindow; conditions: readonly Sql[] } | null> {
    const values = getArgumentValues(f.field as never, f.node, this.variables);
    const argsClass = f.relation.args ?? PageArgs;
    const args = Object.assign(new argsClass(), values);
    try {
      await validateArgument(args, argsClass, { args: values } as never);
      return { window: pageWindow(args, f.relation.keys.length), conditions: f.relation.where?.(args) ?? [] };
    } catch {
      return null;
    }
  }

  private keyColumn(shape: ObjectShape): string {
    const [key, ...more] = shape.metadata.primaryColumns;
    if (!key || more.length) throw new Error(`${shape.typeName} has no one-column key`);
    return key.databaseName;
  }
}

function sameEntity(shape: ObjectShape, entity: ScopedEntity<ObjectLiteral>): boolean {
  return shape.entityClass === entity.entity;
}

/** `'true'`/`'false'` for `a OR b` (either may be absent). */
function bool(a: Sql | null, b: Sql | null): Sql {
  const conditions = [a, b].filter((c): c is Sql => c !== null);
  if (!conditions.length) return raw(`'false'`);
  return sql`CASE WHEN ${join(conditions, ' OR ')} THEN 'true' ELSE 'false' END`;
}

