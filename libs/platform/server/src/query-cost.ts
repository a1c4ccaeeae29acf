import {
  Kind,
  TypeMetaFieldDef,
  getNamedType,
  isInterfaceType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '@platform/core';

/** graphql-armor's cost-limit defaults, kept so the documented figures still hold. */
const OBJECT_COST = 2;
const SCALAR_COST = 1;
const DEPTH_FACTOR = 1.5;
/** Arguments whose value multiplies the cost of a list field. */
const PAGE_ARGS = ['first', 'last'] as const;

/** A page size that comes from a variable: its value at run time, else `fallback`. */
interface VariableSize {
  readonly variable: string;
  /** The variable's default in the document, else the argument's default (at least 1). */
  readonly fallback: number;
  /** The argument's default (in the schema, or the page size a connection reads without one): what an explicit null or a value that will not coerce stands for. */
  readonly argDefault: number;
}

/** `size × (base + weight × Σ kids)`: the part of an operation's cost that depends on variables. */
interface CostTerm {
  readonly sizes: readonly VariableSize[];
  /** Fixed part of the multiplier (literal sizes and schema defaults). */
  readonly fixed: number;
  readonly base: number;
  readonly weight: number;
  readonly kids: readonly CostTerm[];
}

/** An operation's cost, resolved once per document: a number, or a small tree over the variables that set page sizes. */
export type CostPlan = number | CostTerm;

/**
 * graphql-armor's cost formula (object 2, scalar 1, ×1.5 per level, fragments as armor counts them,
 * the whole subtree multiplied by `first`/`last`) with the page sizes the operation will run with:
 * literals, variables, and the argument's default when it is omitted (a connection's
 * `DEFAULT_PAGE_SIZE` when neither `first` nor `last` is given). Armor reads literals only, so
 * `first: $f` and an omitted `first` counted as 1. Everything that does not depend on a variable is
 * folded into numbers here, so a request costs a walk over the variable-sized fields only.
 */
export function costPlan(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CostPlan {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variableDefaults = new Map<string, ValueNode>();
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) variableDefaults.set(v.variable.name.value, v.defaultValue);
  // Armor counts a fragment's cost once and reuses it for every spread; so does this (and it stops cycles).
  const fragmentCosts = new Map<string, CostPlan>();

  const sizeOf = (field: FieldNode, def: GraphQLField<unknown, unknown> | undefined): { fixed: number; sizes: VariableSize[] } => {
    let fixed = 1;
    const sizes: VariableSize[] = [];
    // A connection's `first` and `last` have no schema default (either may come alone): with neither given, it reads DEFAULT_PAGE_SIZE.
    const sized = field.arguments?.some((a) => (PAGE_ARGS as readonly string[]).includes(a.name.value)) ?? false;
    for (const name of PAGE_ARGS) {
      const argDef = def?.args.find((a) => a.name === name);
      const argDefault = typeof argDef?.defaultValue === 'number' ? Math.max(argDef.defaultValue, 1) : argDef ? DEFAULT_PAGE_SIZE : 1;
      const node = field.arguments?.find((a) => a.name.value === name)?.value;
      if (!node) {
        if (argDef && (argDef.defaultValue !== undefined || !sized)) fixed = Math.max(fixed, argDefault);
      } else if (node.kind === Kind.INT) {
        fixed = Math.max(fixed, Number.parseInt(node.value, 10));
      } else if (node.kind === Kind.VARIABLE) {
        const given = variableDefaults.get(node.name.value);
        sizes.push({ variable: node.name.value, fallback: given?.kind === Kind.INT ? Math.max(Number.parseInt(given.value, 10), 1) : argDefault, argDefault });
      } else {
        fixed = Math.max(fixed, argDefault);
      }
    }
    return { fixed, sizes };
  };

  const selections = (set: SelectionSetNode, type: GraphQLNamedType | undefined, base: number, weight: number, size = { fixed: 1, sizes: [] as VariableSize[] }): CostPlan => {
    let constant = base;
    const kids: CostTerm[] = [];
    for (const s of set.selections) {
      let cost: CostPlan;
      if (s.kind === Kind.FIELD) {
        if (s.name.value === '__schema') continue;
        if (!s.selectionSet) cost = SCALAR_COST;
        else {
          const def = fieldDef(schema, type, s.name.value);
          cost = selections(s.selectionSet, def ? getNamedType(def.type) : undefined, OBJECT_COST, DEPTH_FACTOR, sizeOf(s, def));
        }
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const on = s.typeCondition ? schema.getType(s.typeCondition.name.value) : type;
        cost = selections(s.selectionSet, on ?? undefined, OBJECT_COST, DEPTH_FACTOR);
      } else {
        cost = spread(s.name.value);
      }
      if (typeof cost === 'number') constant += weight * cost;
      else kids.push(cost);
    }
    if (!kids.length && !size.sizes.length) return size.fixed * constant;
    return { sizes: size.sizes, fixed: size.fixed, base: constant, weight, kids };
  };

  // A spread: scalar cost plus 1.5 × the fragment's own cost (an object, 2 + 1.5 × its selections).
  const spread = (name: string): CostPlan => {
    let cost = fragmentCosts.get(name);
    if (cost === undefined) {
      fragmentCosts.set(name, 0);
      const fragment = fragments.get(name);
      cost = fragment ? selections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, OBJECT_COST, DEPTH_FACTOR) : 0;
      fragmentCosts.set(name, cost);
    }
    return typeof cost === 'number' ? SCALAR_COST + DEPTH_FACTOR * cost : { sizes: [], fixed: 1, base: SCALAR_COST, weight: DEPTH_FACTOR, kids: [cost] };
  };

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  // The operation itself: the sum of its fields, no level factor.
  return selections(operation.selectionSet, root ?? undefined, 0, 1);
}

function fieldDef(schema: GraphQLSchema, type: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__type' && type === schema.getQueryType()) return TypeMetaFieldDef;
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
}

/** A page size given in a variable, as the operation will use it; a value that will not coerce stands for the default (execution refuses it anyway). */
function sizeValue(size: VariableSize, variables: Readonly<Record<string, unknown>>): number {
  if (!Object.hasOwn(variables, size.variable)) return size.fallback;
  const value = variables[size.variable];
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1 ? Math.max(value, 1) : size.argDefault;
}

/** The cost of one request: the plan with the request's variables. */
export function costOf(plan: CostPlan, variables: Readonly<Record<string, unknown>> = {}): number {
  if (typeof plan === 'number') return plan;
  // Fragments are shared subtrees: each is evaluated once per request, as armor counts it once.
  const seen = new Map<CostTerm, number>();
  const evaluate = (term: CostTerm): number => {
    let value = seen.get(term);
    if (value !== undefined) return value;
    let size = term.fixed;
    for (const s of term.sizes) size = Math.max(size, sizeValue(s, variables));
    let sum = 0;
    for (const kid of term.kids) sum += evaluate(kid);
    value = size * (term.base + term.weight * sum);
    seen.set(term, value);
    return value;
  };
  return evaluate(plan);
}
