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

function setSelects(set: SelectionSetNode, name: string, fragments: Record<string, FragmentDefinitionNode>): boolean {
  return set.selections.some((s) => {
    if (s.kind === 'Field') return s.name.value === name;
    if (s.kind === 'InlineFragment') return setSelects(s.selectionSet, name, fragments);
    const fragment = fragments[s.name.value];
    return fragment ? setSelects(fragment.selectionSet, name, fragments) : false;
  });
}
