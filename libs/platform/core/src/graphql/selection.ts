import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** True when the field being resolved selects `name` directly (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  // Cached per field of a parsed document: a nested list asks once per parent row.
  const first = info.fieldNodes[0];
  if (info.fieldNodes.length === 1 && first) {
    let byName = answered.get(first);
    if (!byName) answered.set(first, (byName = new Map()));
    let hit = byName.get(name);
    if (hit === undefined) byName.set(name, (hit = Boolean(first.selectionSet && setSelects(first.selectionSet, name, info.fragments))));
    return hit;
  }
  return info.fieldNodes.some((node) => node.selectionSet && setSelects(node.selectionSet, name, info.fragments));
}

const answered = new WeakMap<FieldNode, Map<string, boolean>>();

/** True when the connection being resolved selects a cursor: `edges { cursor }` or `pageInfo { startCursor | endCursor }`. */
export function selectsCursor(info: GraphQLResolveInfo): boolean {
  const first = info.fieldNodes[0];
  if (info.fieldNodes.length === 1 && first) {
    let byName = answered.get(first);
    if (!byName) answered.set(first, (byName = new Map()));
    let hit = byName.get(CURSOR_KEY);
    if (hit === undefined) byName.set(CURSOR_KEY, (hit = nodesSelectCursor(info.fieldNodes, info)));
    return hit;
  }
  return nodesSelectCursor(info.fieldNodes, info);
}

const CURSOR_KEY = '\0cursor';

function nodesSelectCursor(nodes: readonly FieldNode[], info: GraphQLResolveInfo): boolean {
  const sets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  const children = (parents: readonly SelectionSetNode[], name: string): SelectionSetNode[] => parents.flatMap((set) => fieldsIn(set, name, info.fragments).flatMap((f) => (f.selectionSet ? [f.selectionSet] : [])));
  return children(sets, 'edges').some((set) => setSelects(set, 'cursor', info.fragments)) || children(sets, 'pageInfo').some((set) => setSelects(set, 'startCursor', info.fragments) || setSelects(set, 'endCursor', info.fragments));
}

function fieldsIn(set: SelectionSetNode, name: string, fragments: Record<string, FragmentDefinitionNode>): FieldNode[] {
  return set.selections.flatMap((s) => {
    if (s.kind === 'Field') return s.name.value === name ? [s] : [];
    if (s.kind === 'InlineFragment') return fieldsIn(s.selectionSet, name, fragments);
    const fragment = fragments[s.name.value];
    return fragment ? fieldsIn(fragment.selectionSet, name, fragments) : [];
  });
}

function setSelects(set: SelectionSetNode, name: string, fragments: Record<string, FragmentDefinitionNode>): boolean {
  return set.selections.some((s) => {
    if (s.kind === 'Field') return s.name.value === name;
    if (s.kind === 'InlineFragment') return setSelects(s.selectionSet, name, fragments);
    const fragment = fragments[s.name.value];
    return fragment ? setSelects(fragment.selectionSet, name, fragments) : false;
  });
}
