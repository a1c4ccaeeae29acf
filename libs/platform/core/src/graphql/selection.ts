import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/** True when the field being resolved selects `name` directly (through fragments too). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => node.selectionSet && setSelects(node.selectionSet, name, info.fragments));
}

function setSelects(set: SelectionSetNode, name: string, fragments: Record<string, FragmentDefinitionNode>): boolean {
  return set.selections.some((s) => {
    if (s.kind === 'Field') return s.name.value === name;
    if (s.kind === 'InlineFragment') return setSelects(s.selectionSet, name, fragments);
    const fragment = fragments[s.name.value];
    return fragment ? setSelects(fragment.selectionSet, name, fragments) : false;
  });
}
