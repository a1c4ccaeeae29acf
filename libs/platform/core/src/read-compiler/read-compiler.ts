import {
  GraphQLNonNull,
  GraphQLSchema,
  Kind,
  OperationTypeNode,
  execute,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isAbstractType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { EntityMetadata, ObjectLiteral } from 'typeorm';
import type { RequestContext } from '../context/request-context';
import { permissionOfField, PUBLIC_OPERATION } from '../access/permission';
import { denial } from '../access/authorization';
import { entityOfType, rowScopeSql, type ScopedEntity } from '../data/entity';
import { ParamNames, Sql, compile, join, raw, sql } from '../sql/sql';
import { READS_COLUMNS, rowReader, runSql, type RowReader } from '../db/row-reader';
import { pageWindow, windowSql, type PageWindow, type SortKey } from '../pagination/keyset';
import { PageArgs } from '../pagination/page.args';
import { plainToInstance } from 'class-transformer';
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
/** A field its resolvers answer after the statement (`Deferred`): a placeholder in the statement's text. */
interface DeferredField {
  readonly kind: 'deferred';
  readonly key: string;
  readonly deferred: Deferred;
}
type ObjectField = ColumnField | FormField | ConstantField | ChildrenField | ReferenceField | DeferredField;

/** An object of a declared entity's type: its fields, and the columns they need from its row. */
interface ObjectShape {
  readonly typeName: string;
  readonly entityClass: unknown;
  readonly metadata: EntityMetadata;
  readonly fields: readonly ObjectField[];
  /** Database columns its fields read (quoted when selected). */
  readonly columns: readonly string[];
  /** SQL over `t`: the whole row as its reader's text array (`__row`), when a field is deferred. */
  readonly rowText: string | null;
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
  /**
   * A field of an interface or union type (`node`, `nodes`): which entity each record is of is known
   * from the planned reads only, so the selection's shape is made per concrete type on first use.
   */
  readonly abstract: { readonly list: boolean; readonly shapes: Map<string, ObjectShape | NotCompilable> } | null;
}
type RootField = RootRead | ConstantField | DeferredField;

/**
 * A subtree the statement does not compile (a field computed by a resolver without a SQL form, a
 * relation whose selection does not compile, a masked or audited field): the statement writes a
 * placeholder where its value goes (the field's number and its parent's row, as the row reader reads
 * it, between two U+0001 characters, which no JSON text from PostgreSQL contains unescaped), and the
 * field's own resolvers answer it for each parent after the statement, through graphql-js
 * (`ReadCompiler.resolveDeferred`): no statement more than its resolvers' own. At the root the parent
 * is none.
 */
interface Deferred {
  readonly id: number;
  readonly key: string;
  readonly nodes: readonly FieldNode[];
  /** The object the field is on (and how its row, carried in the placeholder, is read); null for a root field. */
  readonly parent: { readonly type: GraphQLObjectType; readonly reader: RowReader<ObjectLiteral> } | null;
}

interface OperationPlan {
  readonly fields: readonly RootField[];
  readonly fragments: Record<string, FragmentDefinitionNode>;
  readonly operation: OperationDefinitionNode;
  readonly deferred: readonly Deferred[];
}

/** Marks a deferred field's place in the statement's text. */
const MARK = '\u0001';

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

/** Registers a deferred field of the operation and gives its place in the object. */
function deferField(deferred: Deferred[], key: string, nodes: readonly FieldNode[], parent: Deferred['parent']): DeferredField {
  const d: Deferred = { id: deferred.length, key, nodes, parent };
  deferred.push(d);
  return { kind: 'deferred', key, deferred: d };
}

/** A field's permission, when it has one the compiled path must check (operation fields are checked by their resolvers when planned). */
function fieldPermission(field: GraphQLField<unknown, unknown>): string | null {
  const code = permissionOfField(field);
  return code && code !== PUBLIC_OPERATION ? code : null;
}

/** Compiles operations (structure cached per operation) and runs them as one statement (see the file's comment). */
export class ReadCompiler {
  private readonly plans = new WeakMap<OperationDefinitionNode, OperationPlan | NotCompilable>();
  /** Per object type with deferred fields: a schema whose query type it is, to execute them on a row. */
  private readonly parentSchemas = new Map<GraphQLObjectType, GraphQLSchema>();
  private readonly documents = new WeakMap<Deferred, DocumentNode>();

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
    let text: string | null;
    try {
      const [row] = await runSql(ctx.manager, statement);
      text = row ? (row['data'] as string) : null;
    } catch (error) {
      // E.g. a cursor value PostgreSQL cannot read as its key's type: the resolvers answer it (BAD_USER_INPUT).
      return this.refused(ctx, `the statement failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (text === null || !plan.deferred.length) return text;
    return this.resolveDeferred(ctx, plan, text, variables);
  }

  /**
   * The statement's text with each deferred field's placeholder replaced by what the field's resolvers
   * answer for its parent (the row the placeholder carries), each distinct place once. Null when any
   * of them answers with an error: then every resolver answers the request, so errors and their paths
   * are the resolvers' own (and sensitive reads recorded meanwhile are dropped, not doubled).
   */
  private async resolveDeferred(ctx: RequestContext, plan: OperationPlan, text: string, variables: Record<string, unknown>): Promise<string | null> {
    const parts = text.split(MARK);
    if (parts.length === 1) return text;
    const places = new Map<string, { readonly deferred: Deferred; readonly parent: unknown }>();
    for (let i = 1; i < parts.length; i += 2) {
      const mark = parts[i]!;
      if (places.has(mark)) continue;
      const colon = mark.indexOf(':');
      const deferred = plan.deferred[Number(colon < 0 ? mark : mark.slice(0, colon))];
      // Never logged: a placeholder carries a whole row, secrets included (it never leaves the process).
      if (!deferred || (colon < 0) !== !deferred.parent) return this.refused(ctx, 'a placeholder of no deferred field');
      const reader = deferred.parent?.reader;
      const parent = reader ? reader.read([reader.fromText(JSON.parse(mark.slice(colon + 1)) as Array<string | null>)])[0] : undefined;
      places.set(mark, { deferred, parent });
    }
    const sensitive = ctx.sensitiveReads.length;
    const answers = new Map<string, string>();
    const failures: string[] = [];
    await Promise.all(
      [...places].map(async ([mark, { deferred, parent }]) => {
        const result = await execute({ schema: this.schemaFor(deferred), document: this.documentFor(plan, deferred), rootValue: parent, contextValue: ctx, variableValues: variables });
        if (result.errors?.length || !result.data) return failures.push(result.errors?.[0]?.message ?? 'no data');
        answers.set(mark, JSON.stringify(result.data[deferred.key]) ?? 'null');
      }),
    );
    if (failures.length) {
      ctx.sensitiveReads.length = sensitive;
      return this.refused(ctx, `a deferred field answered with an error: ${failures[0]}`);
    }
    for (let i = 1; i < parts.length; i += 2) parts[i] = answers.get(parts[i]!)!;
    return parts.join('');
  }

  /** The schema a deferred field is executed in: the operation's own at the root, else one whose query type is the parent's type. */
  private schemaFor(deferred: Deferred): GraphQLSchema {
    if (!deferred.parent) return this.schema;
    const type = deferred.parent.type;
    let schema = this.parentSchemas.get(type);
    if (!schema) {
      schema = new GraphQLSchema({ query: type, types: Object.values(this.schema.getTypeMap()), directives: this.schema.getDirectives() });
      this.parentSchemas.set(type, schema);
    }
    return schema;
  }

  /** A deferred field's own document: its field nodes with the operation's variables and fragments. */
  private documentFor(plan: OperationPlan, deferred: Deferred): DocumentNode {
    let document = this.documents.get(deferred);
    if (!document) {
      const operation: OperationDefinitionNode = {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: plan.operation.variableDefinitions ?? [],
        directives: [],
        selectionSet: { kind: Kind.SELECTION_SET, selections: deferred.nodes },
      };
      document = { kind: Kind.DOCUMENT, definitions: [operation, ...Object.values(plan.fragments)] };
      this.documents.set(deferred, document);
    }
    return document;
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
    const deferred: Deferred[] = [];
    for (const [key, nodes] of collected) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        fields.push({ kind: 'constant', key, json: constantJson(query.name) });
        continue;
      }
      const field = query.getFields()[name];
      if (!field) return new NotCompilable(`Query.${name}`);
      const type = getNamedType(field.type);
      const defer = (reason: string) => {
        ctx.log.debug({ field: `Query.${name}`, reason }, 'read compiler: answered by its resolvers');
        fields.push(deferField(deferred, key, nodes, null));
      };
      if (isAbstractType(type)) {
        const nullable = getNullableType(field.type);
        const list = isListType(nullable);
        if (list && !isAbstractType(getNullableType(nullable.ofType))) defer('a list of lists');
        else fields.push({ kind: 'read', key, field, nodes, connection: null, object: null, abstract: { list, shapes: new Map() } });
        continue;
      }
      if (!isObjectType(type)) {
        defer('not an object');
        continue;
      }
      const asConnection = this.connectionShape(ctx, type, nodes, fragments, deferred);
      if (!(asConnection instanceof NotCompilable)) {
        fields.push({ kind: 'read', key, field, nodes, connection: asConnection, object: null, abstract: null });
        continue;
      }
      if (type.getFields()['edges']) {
        defer(asConnection.reason);
        continue;
      }
      if (field.type instanceof GraphQLNonNull) {
        defer('non-null');
        continue;
      }
      const object = this.objectShape(ctx, type, subSelections(nodes), fragments, deferred);
      if (object instanceof NotCompilable) defer(object.reason);
      else fields.push({ kind: 'read', key, field, nodes, connection: null, object, abstract: null });
    }
    // Nothing to read (`{ __typename }`, or only fields the resolvers answer): the resolvers answer it all.
    if (!fields.some((f) => f.kind === 'read')) return new NotCompilable('no field reads records as compiled');
    return { fields, fragments, operation, deferred };
  }

  /** A `<Type>Connection` selection over a declared entity's type, or why not. */
  private connectionShape(ctx: RequestContext, type: GraphQLObjectType, nodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>, deferred: Deferred[]): ConnectionShape | NotCompilable {
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
    const node = this.objectShape(ctx, nodeType, this.nodeSelections(edgeType, edgeFields, fragments), fragments, deferred);
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
  private objectShape(ctx: RequestContext, type: GraphQLObjectType, sets: readonly SelectionSetNode[], fragments: Record<string, FragmentDefinitionNode>, deferred: Deferred[]): ObjectShape | NotCompilable {
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
    /** The whole row as the resolver path reads it, which deferred fields are answered from. */
    const wholeRow = rowReader(ctx.manager, entityClass, 't');
    /** The field's compiled form; NotCompilable: its resolvers answer it (deferred). */
    const compiled = (key: string, name: string, nodes: readonly FieldNode[], field: GraphQLField<unknown, unknown>): ObjectField | NotCompilable => {
      const relation = field.extensions?.[READS_RELATION] as RelationRead | undefined;
      const form = field.extensions?.[SQL_FORM] as SqlFormOf | undefined;
      if (relation) {
        const parent = columnOf(relation.parentProperty);
        if (!parent) return new NotCompilable(`reads ${relation.parentProperty}, not a column`);
        const target = getNamedType(field.type);
        if (!isObjectType(target)) return new NotCompilable('not an object');
        if (relation.relation.kind === 'children') {
          const connection = this.connectionShape(ctx, target, nodes, fragments, deferred);
          if (connection instanceof NotCompilable) return connection;
          if (connection.node.typeName !== relation.relation.entity.typeName) return new NotCompilable(`not a page of ${relation.relation.entity.typeName}`);
          columns.add(parent.databaseName);
          return { kind: 'children', key, relation: relation.relation, parentColumn: parent.databaseName, permission: fieldPermission(field), field, node: nodes[0]!, connection };
        }
        if (field.type instanceof GraphQLNonNull) return new NotCompilable('a non-null reference');
        if (target.name !== relation.relation.entity.typeName) return new NotCompilable(`not a ${relation.relation.entity.typeName}`);
        const object = this.objectShape(ctx, target, subSelections(nodes), fragments, deferred);
        if (object instanceof NotCompilable) return object;
        columns.add(parent.databaseName);
        return { kind: 'reference', key, entity: relation.relation.entity, parentColumn: parent.databaseName, permission: fieldPermission(field), object };
      }
      if (form) {
        if (field.args.length) return new NotCompilable('has arguments');
        const json = valueJson(field.type);
        if (typeof json === 'string') return new NotCompilable(json);
        const read: string[] = [];
        for (const property of (field.extensions?.[READS_COLUMNS] as readonly string[] | undefined) ?? []) {
          const column = columnOf(property);
          if (!column) return new NotCompilable(`reads ${property}, not a column`);
          read.push(column.databaseName);
        }
        for (const c of read) columns.add(c);
        return { kind: 'form', key, form, json, permission: fieldPermission(field) };
      }
      // A column: a plain field (no resolver: graphql-jit reads the row's property) of an entity column.
      const column = columnOf(name);
      if (field.resolve || !column || field.args.length) return new NotCompilable('computed by a resolver');
      const json = columnJson(field.type, column, driver);
      if (typeof json === 'string') return new NotCompilable(json);
      columns.add(column.databaseName);
      return { kind: 'column', key, column: column.databaseName, json };
    };
    for (const [key, nodes] of collected) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        fields.push({ kind: 'constant', key, json: constantJson(type.name) });
        continue;
      }
      const field = gqlFields[name] as GraphQLField<unknown, unknown> | undefined;
      if (!field) return new NotCompilable(`${type.name}.${name}`);
      const result = compiled(key, name, nodes, field);
      if (!(result instanceof NotCompilable)) {
        fields.push(result);
        continue;
      }
      // Answered by its resolvers for each row, which the statement carries whole.
      ctx.log.debug({ field: `${type.name}.${name}`, reason: result.reason }, 'read compiler: answered by its resolvers');
      fields.push(deferField(deferred, key, nodes, { type, reader: wholeRow }));
    }
    const rowText = fields.some((f) => f.kind === 'deferred') ? wholeRow.textArray : null;
    return { typeName: type.name, entityClass, metadata, fields, columns: [...columns], rowText };
  }

  // ------------------------------------------------------------------ per request

  /** The shape of an abstract root field's selection on one concrete type (made once per operation and type). */
  private concreteShape(ctx: RequestContext, plan: OperationPlan, field: RootRead, typeName: string): ObjectShape | null {
    const shapes = field.abstract!.shapes;
    let shape = shapes.get(typeName);
    if (!shape) {
      const type = this.schema.getType(typeName);
      shape = isObjectType(type) ? this.objectShape(ctx, type, subSelections(field.nodes), plan.fragments, plan.deferred as Deferred[]) : new NotCompilable(`${typeName} is not an object type`);
      shapes.set(typeName, shape);
    }
    return shape instanceof NotCompilable ? null : shape;
  }

  /** The statement for a request, or why it is to run its resolvers. */
  private async statement(ctx: RequestContext, plan: OperationPlan, input: Record<string, unknown>): Promise<Sql | NotCompilable> {
    const coerced = getVariableValues(this.schema, plan.operation.variableDefinitions ?? [], input);
    if (coerced.errors) return new NotCompilable('variables that do not coerce');
    const variables = coerced.coerced;
    const planning = ctx.forPlanning();
    const query = this.schema.getQueryType()!;
    const values = await Promise.all(
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
        return (await (f.field.resolve ?? (() => null))(undefined, args, planning, info)) as unknown;
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
      if (f.kind === 'deferred') {
        members.push({ key: f.key, text: raw(`'${MARK}${f.deferred.id}${MARK}'`) });
        continue;
      }
      if (f.abstract) {
        const text = await statement.abstract(f, values[i], (typeName) => this.concreteShape(ctx, plan, f, typeName));
        if (!text) return new NotCompilable(`Query.${f.field.name}: a record of a type it does not compile`);
        members.push({ key: f.key, text });
        continue;
      }
      const read = plannedReadOf(values[i]);
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
    return this.record(field.object, read);
  }

  /** The record a planned `one` read stands for, as the object's JSON text (`null` when missing or out of scope). */
  private record(shape: ObjectShape, read: Extract<PlannedRead, { kind: 'one' }>): Promise<Sql | null> {
    return this.object(shape, read.entity.table, sql`${read.condition} AND ${raw(`t.${read.keyColumn}`)} = ${read.id}`);
  }

  /**
   * An abstract root field's value (`node`, `nodes`): each planned record as an object of its own
   * type's shape, null as null; null (the resolvers answer) for anything else.
   */
  async abstract(field: RootRead, value: unknown, shapeOf: (typeName: string) => ObjectShape | null): Promise<Sql | null> {
    const one = async (v: unknown): Promise<Sql | null> => {
      if (v === null || v === undefined) return raw(`'null'`);
      const read = plannedReadOf(v);
      if (!read || read.kind !== 'one') return null;
      const shape = shapeOf(read.entity.typeName);
      if (!shape || !sameEntity(shape, read.entity)) return null;
      return this.record(shape, read);
    };
    if (!field.abstract!.list) return one(value);
    if (!Array.isArray(value)) return null;
    if (!value.length) return raw(`'[]'`);
    const items: Sql[] = [];
    for (const v of value) {
      const text = await one(v);
      if (!text) return null;
      items.push(text);
    }
    return sql`'[' || ${join(items, " || ',' || ")} || ']'`;
  }

  /** A page of rows as the connection's JSON text. */
  private async connection(shape: ConnectionShape, table: string, condition: Sql, keys: readonly SortKey[], window: PageWindow): Promise<Sql | null> {
    const r = `r${++this.aliases}`;
    const w = windowSql(window, keys, `w${this.aliases}_`);
    const size = String(window.size);
    const within = w.where ? sql`${condition} AND ${named(w.where, w.params)}` : condition;
    const cursorColumns = shape.withCursors ? keys.map((k, i) => `, (${k.column})::text AS __c${i}`).join('') : '';
    const select = selectList(shape.node);
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
    const select = selectList(shape);
    const text = await this.objectText(shape, r);
    if (!text) return null;
    return sql`COALESCE((SELECT ${text} FROM (SELECT ${raw(select)} FROM ${raw(table)} t WHERE ${condition} LIMIT 1) ${raw(r)}), 'null')`;
  }

  /** The object's JSON text over the row alias `r`. */
  private async objectText(shape: ObjectShape, r: string): Promise<Sql | null> {
    const members: Array<{ key: string; text: Sql }> = [];
    for (const f of shape.fields) {
      if ('permission' in f && f.permission && denial(this.ctx.principal, f.permission)) return null;
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
        case 'deferred':
          members.push({ key: f.key, text: raw(`'${MARK}${f.deferred.id}:' || ${r}.__row || '${MARK}'`) });
          break;
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
    // graphql-js builds input objects without a prototype, which class-validator's nested validation
    // refuses; the input classes' `@Type` metadata (filters, orders) makes them instances, as type-graphql does.
    const args = plainToInstance(argsClass, values);
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

/** The inner select list of an object's rows: its columns, and its whole row when a field is deferred. */
function selectList(shape: ObjectShape): string {
  const list = shape.columns.map((c) => `t."${c}"`);
  if (shape.rowText) list.push(`${shape.rowText} AS __row`);
  return list.join(', ') || '1 AS __one';
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

