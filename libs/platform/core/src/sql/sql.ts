/**
 * SQL fragments with their parameters, written as tagged templates: `` sql`h.status = ${status}` ``.
 * Interpolated values become named parameters; interpolated fragments are spliced in with theirs,
 * so conditions compose without anyone picking parameter names (the names are given out per
 * statement when it is compiled, never from module-global state).
 */
export class Sql {
  /** @internal use `sql`, `raw` or `join`. */
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql([...strings], values);
}

/** Trusted SQL text with no parameters (identifiers and expressions the code itself writes, never client input). */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

/**
 * Conditions joined by `AND`/`OR`, each in parentheses and the whole too (so precedence holds wherever
 * it is spliced), or `empty` when there are none.
 */
export function join(fragments: readonly Sql[], separator: string, empty = 'TRUE'): Sql {
  if (!fragments.length) return raw(empty);
  if (fragments.length === 1) return sql`(${fragments[0]})`;
  const strings: string[] = ['(('];
  const values: unknown[] = [];
  fragments.forEach((f, i) => {
    if (i > 0) strings[strings.length - 1] += `)${separator}(`;
    values.push(f);
    strings.push('');
  });
  strings[strings.length - 1] += '))';
  return new Sql(strings, values);
}

/** Fragments joined by `separator` as written, without parentheses: select lists, column and value lists. */
export function list(fragments: readonly Sql[], separator = ', '): Sql {
  if (!fragments.length) return raw('');
  return new Sql(['', ...fragments.slice(1).map(() => separator), ''], fragments);
}

/** Gives out parameter names for one statement: p1, p2, … (with a prefix when statements are combined). */
export class ParamNames {
  private n = 0;
  constructor(private readonly prefix = 'p') {}
  next(): string {
    return `${this.prefix}${++this.n}`;
  }
}

/** The fragment as SQL text with `:name` placeholders (TypeORM's named-parameter form) and its parameters. */
export function compile(fragment: Sql, names = new ParamNames(), params: Record<string, unknown> = {}): { text: string; params: Record<string, unknown> } {
  let text = fragment.strings[0]!;
  fragment.values.forEach((value, i) => {
    if (value instanceof Sql) {
      // Spliced as written: a fragment that needs parentheses writes them (conditions from `join` have them).
      text += compile(value, names, params).text;
    } else {
      const name = names.next();
      params[name] = value;
      text += `:${name}`;
    }
    text += fragment.strings[i + 1]!;
  });
  return { text, params };
}

/**
 * The fragment as SQL text with PostgreSQL's positional placeholders (`$1`, `$2`, …) and its values in
 * that order: what the driver takes, without TypeORM's named-parameter pass over the text.
 */
export function positional(fragment: Sql, values: unknown[] = []): { text: string; values: unknown[] } {
  let text = fragment.strings[0]!;
  fragment.values.forEach((value, i) => {
    if (value instanceof Sql) text += positional(value, values).text;
    else {
      values.push(value);
      text += `$${values.length}`;
    }
    text += fragment.strings[i + 1]!;
  });
  return { text, values };
}

/** SQL of `Buffer.from(text, 'utf8').toString('base64url')` over a text expression (cursors, global ids written by the read compiler). */
export function base64UrlSql(text: string): string {
  // PostgreSQL's base64 breaks lines every 76 characters and pads: both go, and +/ become -_.
  return `rtrim(translate(encode(convert_to(${text}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;
}
