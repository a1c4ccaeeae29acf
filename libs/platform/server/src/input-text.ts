import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';

/** NUL, or a UTF-16 surrogate without its pair (with the `u` flag a proper pair is one code point, not `Cs`). */
const UNSTORABLE = /[\0\p{Cs}]/u;

/** Text PostgreSQL cannot store (SQLSTATE 22021 / 22P05): where it is and what is wrong with it. */
export interface TextProblem {
  /** Where: `variables.input.title`, or an argument in the document such as `reportHazard.input.title`. */
  readonly path: string;
  readonly message: string;
}

function problemIn(text: string, path: string): TextProblem | null {
  if (!UNSTORABLE.test(text)) return null;
  return { path, message: text.includes('\0') ? 'must not contain NUL characters (\\u0000).' : 'must not contain unpaired UTF-16 surrogates.' };
}

/**
 * The first string (or object key) in the request's variables that PostgreSQL would refuse, or null.
 * Only the operation's declared variables are read, iteratively: a variable may nest thousands of
 * levels deep.
 */
export function unstorableVariable(operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>): TextProblem | null {
  const stack: Array<[unknown, string]> = [];
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (Object.hasOwn(variables, name)) stack.push([variables[name], `variables.${name}`]);
  }
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = problemIn(value, path);
      if (problem) return problem;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}.${i}`]);
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const keyProblem = problemIn(key, `${path}.${key}`);
        if (keyProblem) return keyProblem;
        stack.push([(value as Record<string, unknown>)[key], `${path}.${key}`]);
      }
    }
  }
  return null;
}

/**
 * The first string literal of the document that PostgreSQL would refuse, or null. The parser already
 * refuses unpaired surrogates; `"\u0000"` is a valid GraphQL escape. The path names the field (by its
 * response key), the argument and the input fields, e.g. `hazards.filter.search`.
 */
export function unstorableLiteral(document: DocumentNode): TextProblem | null {
  const inValue = (value: ValueNode, path: string): TextProblem | null => {
    if (value.kind === Kind.STRING) return problemIn(value.value, path);
    if (value.kind === Kind.LIST) {
      for (let i = 0; i < value.values.length; i++) {
        const problem = inValue(value.values[i]!, `${path}.${i}`);
        if (problem) return problem;
      }
    } else if (value.kind === Kind.OBJECT) {
      for (const field of value.fields) {
        const problem = inValue(field.value, `${path}.${field.name.value}`);
        if (problem) return problem;
      }
    }
    return null;
  };
  const inSelections = (set: SelectionSetNode, prefix: string): TextProblem | null => {
    for (const s of set.selections) {
      if (s.kind === Kind.FRAGMENT_SPREAD) continue;
      const at = s.kind === Kind.FIELD ? `${prefix}${(s.alias ?? s.name).value}` : prefix.slice(0, -1);
      for (const arg of s.kind === Kind.FIELD ? (s.arguments ?? []) : []) {
        const problem = inValue(arg.value, `${at}.${arg.name.value}`);
        if (problem) return problem;
      }
      for (const directive of s.directives ?? []) {
        for (const arg of directive.arguments ?? []) {
          const problem = inValue(arg.value, `${at}@${directive.name.value}.${arg.name.value}`);
          if (problem) return problem;
        }
      }
      const problem = s.selectionSet ? inSelections(s.selectionSet, at ? `${at}.` : '') : null;
      if (problem) return problem;
    }
    return null;
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION) {
      for (const v of d.variableDefinitions ?? []) {
        const problem = v.defaultValue ? inValue(v.defaultValue, `variables.${v.variable.name.value}`) : null;
        if (problem) return problem;
      }
      const problem = inSelections(d.selectionSet, '');
      if (problem) return problem;
    } else if (d.kind === Kind.FRAGMENT_DEFINITION) {
      const problem = inSelections(d.selectionSet, `${d.name.value}.`);
      if (problem) return problem;
    }
  }
  return null;
}
