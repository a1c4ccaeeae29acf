/**
 * The README runs. Every request example of README.md (each ```graphql block, each ```bash/```sh block
 * calling curl on the gateway) is executed in README order against one gateway over the demo town, and
 * the answers the README shows (a ```json or ```xml block after a request, `# →` lines) are compared
 * with what the gateway answers. Every other block must say why it is not run. The conventions the
 * README's blocks follow are described in README.md ("The README runs", under Development).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { ManualClock, todayInChina } from '@platform/core';
import { QUIET_SWEEPS, pause, startTestGateway, subscribe, type Subscription, type TestGateway } from '@platform/testing';
import { AVAILABLE_MODULES } from '../src/available-modules';

const README_PATH = path.join(__dirname, '..', '..', '..', 'README.md');
const README = readFileSync(README_PATH, 'utf8');

/** The account a block runs as when its note names none. */
const DEFAULT_ACCOUNT = 'anban';
/** Hosts a README curl may call: the local gateway and the example production address; both go to the test gateway. */
const GATEWAY_ORIGINS = ['http://localhost:4000', 'https://safety.example.gov.cn'];
/** Languages of request blocks and of answer blocks. */
const SHELL = new Set(['bash', 'sh', 'shell']);
const ANSWER = new Set(['json', 'xml']);

// ---------------------------------------------------------------------------------------------
// Reading README.md
// ---------------------------------------------------------------------------------------------

interface Block {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly body: string;
  /** The text of an `<!-- example: … -->` comment right before the block (blank lines allowed). */
  readonly note: string | null;
  readonly section: string;
}

interface Job {
  readonly name: string;
  /** Offsets from the block's starting time at which the job runs, in order. */
  readonly offsetsMs: readonly number[];
}

interface Options {
  readonly as: string;
  readonly realTime: boolean;
  readonly jobs: readonly Job[];
  /** Placeholder (`<…>`) or shell variable (`$NAME`) → expression. */
  readonly bindings: ReadonlyMap<string, string>;
}

interface Request {
  readonly block: Block;
  readonly kind: 'graphql' | 'curl';
  readonly options: Options;
  /** ```json / ```xml blocks that follow it: the answer of its last operation (or part of it). */
  readonly answers: Block[];
}

interface Coverage {
  readonly blocks: readonly Block[];
  readonly requests: readonly Request[];
  readonly skipped: ReadonlyArray<{ readonly block: Block; readonly reason: string }>;
  /** Blocks the test cannot place (no request, no answer, no skip note), and malformed notes. */
  readonly problems: readonly string[];
  /** When the README's answers are as of: the demo town is seeded then and the gateway's clock stays there. */
  readonly at: Date | null;
}

function readBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6} /.test(line)) section = line.replace(/^#+ /, '');
    // A fence (CommonMark): ``` or ~~~, indented or not (in a list item); a backtick fence's info has no backtick.
    const open = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
    if (!open || (open[1]!.startsWith('`') && open[2]!.includes('`'))) continue;
    const fence = open[1]!;
    let end = i + 1;
    while (end < lines.length && !(lines[end]!.trim().startsWith(fence) && /^(`+|~+)$/.test(lines[end]!.trim()) && lines[end]!.trim()[0] === fence[0])) end++;
    if (end >= lines.length) throw new Error(`README.md:${i + 1}: a code block that is never closed`);
    blocks.push({ line: i + 1, lang: open[2]!.trim().split(/\s+/)[0] ?? '', body: lines.slice(i + 1, end).join('\n'), note: noteBefore(lines, i), section });
    i = end;
  }
  return blocks;
}

/** The `<!-- example: … -->` comment ending on the last non-blank line before line `i`, if any. */
function noteBefore(lines: readonly string[], i: number): string | null {
  let j = i - 1;
  while (j >= 0 && lines[j]!.trim() === '') j--;
  if (j < 0 || !lines[j]!.trimEnd().endsWith('-->')) return null;
  let k = j;
  while (k >= 0 && !lines[k]!.includes('<!--')) k--;
  const comment = lines.slice(k, j + 1).join(' ').trim();
  const m = /^<!--\s*example:([\s\S]*?)-->$/.exec(comment);
  return m ? m[1]!.trim() : null;
}

/** Splits at `separator` outside braces, brackets and double quotes. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && (c === '{' || c === '[' || c === '(')) depth++;
    else if (!quoted && (c === '}' || c === ']' || c === ')')) depth--;
    else if (!quoted && depth === 0 && c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const UNIT_MS: Record<string, number> = { min: 60_000, minute: 60_000, minutes: 60_000, hour: 3_600_000, hours: 3_600_000, day: 86_400_000, days: 86_400_000 };

function parseOptions(block: Block): Options & { skip: string | null } {
  let as = DEFAULT_ACCOUNT;
  let realTime = false;
  let skip: string | null = null;
  const jobs: Job[] = [];
  const bindings = new Map<string, string>();
  for (const item of splitTopLevel(block.note ?? '', ';')) {
    let m: RegExpExecArray | null;
    if ((m = /^skip\b\s*[:—–-]?\s*(.*)$/s.exec(item))) {
      if (!m[1]) throw new Error(`README.md:${block.line}: "skip" needs a reason`);
      skip = m[1];
    } else if ((m = /^as\s+([\w.-]+)$/.exec(item))) as = m[1]!;
    else if (item === 'real time') realTime = true;
    else if ((m = /^job\s+(\S+)\s+at\s+(.+)$/.exec(item))) {
      const offsetsMs = m[2]!.split(/\s*(?:,|\band\b)\s*/).map((o) => {
        const at = /^\+(\d+)\s*(min|minutes?|hours?)$/.exec(o.trim());
        if (!at) throw new Error(`README.md:${block.line}: "${o}" is not an offset like +6 min`);
        return Number(at[1]) * UNIT_MS[at[2]!]!;
      });
      jobs.push({ name: m[1]!, offsetsMs });
    } else if ((m = /^(<[^<>]+>|\$[A-Za-z_]\w*)\s*=\s*([\s\S]+)$/.exec(item))) bindings.set(m[1]!, m[2]!.trim());
    else throw new Error(`README.md:${block.line}: the note item "${item}" is not one the test knows (as, real time, job, skip, <placeholder> = …)`);
  }
  return { as, realTime, jobs, bindings, skip };
}

function cover(text: string): Coverage {
  const blocks = readBlocks(text);
  const requests: Request[] = [];
  const skipped: Array<{ block: Block; reason: string }> = [];
  const problems: string[] = [];
  let previous: Request | null = null;
  for (const block of blocks) {
    const where = `README.md:${block.line} (${block.section}, \`\`\`${block.lang})`;
    let options: ReturnType<typeof parseOptions>;
    try {
      options = parseOptions(block);
    } catch (error) {
      problems.push((error as Error).message);
      previous = null;
      continue;
    }
    if (options.skip) {
      skipped.push({ block, reason: options.skip });
      previous = null;
    } else if (block.lang === 'graphql' || (SHELL.has(block.lang) && /(^|[\s(|;])curl\s/m.test(block.body))) {
      previous = { block, kind: block.lang === 'graphql' ? 'graphql' : 'curl', options, answers: [] };
      requests.push(previous);
    } else if (ANSWER.has(block.lang) && previous && !block.note) {
      previous.answers.push(block);
    } else {
      problems.push(`${where} is neither a request the test runs, nor the answer right after one, nor marked <!-- example: skip — why -->`);
      previous = null;
    }
  }
  const notes = (text.match(/^<!--\s*example:/gm) ?? []).length;
  const placed = blocks.filter((b) => b.note !== null).length;
  if (notes !== placed) problems.push(`README.md has ${notes} <!-- example: … --> notes but only ${placed} stand right before a block`);
  const moment = /answers are as of `(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?\+08:00)`/.exec(text);
  if (!moment) problems.push('README.md does not name the moment its answers are as of ("answers are as of `YYYY-MM-DDThh:mm+08:00`")');
  return { blocks, requests, skipped, problems, at: moment ? new Date(moment[1]!) : null };
}

// ---------------------------------------------------------------------------------------------
// Comparing answers with what the README shows
// ---------------------------------------------------------------------------------------------

const ELLIPSIS = '…';

/** A pattern where … stands for any text (whitespace around it included), as a RegExp. */
function glob(pattern: string): RegExp {
  const parts = pattern.split(/\s*…\s*/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

/**
 * Why `actual` does not look like `shown`, or null when it does: objects show some of the fields
 * (each must match), lists show every item unless the last one shown is "…", "…" stands for any value
 * and, inside a string, for any text; everything else is compared exactly.
 */
function mismatch(shown: unknown, actual: unknown, at: string): string | null {
  const show = (v: unknown) => JSON.stringify(v) ?? 'undefined';
  if (shown === ELLIPSIS) return actual === undefined ? `${at}: missing` : null;
  if (typeof shown === 'string' && shown.includes(ELLIPSIS)) {
    return typeof actual === 'string' && glob(shown).test(actual) ? null : `${at}: README shows ${show(shown)}, the gateway answered ${show(actual)}`;
  }
  if (Array.isArray(shown)) {
    if (!Array.isArray(actual)) return `${at}: README shows a list, the gateway answered ${show(actual)}`;
    const open = shown.length > 0 && shown[shown.length - 1] === ELLIPSIS;
    const items = open ? shown.slice(0, -1) : shown;
    if (open ? actual.length < items.length : actual.length !== items.length) {
      return `${at}: README shows ${items.length}${open ? ' or more' : ''} items, the gateway answered ${actual.length}: ${show(actual)}`;
    }
    for (let i = 0; i < items.length; i++) {
      const why = mismatch(items[i], actual[i], `${at}[${i}]`);
      if (why) return why;
    }
    return null;
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${at}: README shows an object, the gateway answered ${show(actual)}`;
    for (const [key, value] of Object.entries(shown)) {
      const why = mismatch(value, (actual as Record<string, unknown>)[key], `${at}.${key}`);
      if (why) return why;
    }
    return null;
  }
  return Object.is(shown, actual) ? null : `${at}: README shows ${show(shown)}, the gateway answered ${show(actual)}`;
}

/** Every value inside `value` with its path, the value itself first. */
function* within(value: unknown, at = 'data'): Generator<[string, unknown]> {
  yield [at, value];
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* within(value[i], `${at}[${i}]`);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* within(v, `${at}.${k}`);
}

/** Checks that the answer shown (a JSON value or an XML document) is the data or a part of it. */
function expectShown(shown: Block, data: unknown): void {
  const where = `README.md:${shown.line}`;
  if (shown.lang === 'xml') {
    const squeeze = (xml: string) => xml.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
    const pattern = glob(squeeze(shown.body));
    const found = [...within(data)].some(([, v]) => typeof v === 'string' && pattern.test(squeeze(v)));
    if (!found) throw new Error(`${where}: no text in the answer looks like the XML shown; the answer: ${JSON.stringify(data, null, 1)}`);
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(shown.body);
  } catch (error) {
    throw new Error(`${where}: the answer shown is not JSON: ${(error as Error).message}`);
  }
  expectMatch(value, data, where);
}

function expectMatch(shown: unknown, data: unknown, where: string): void {
  let first: string | null = null;
  for (const [at, part] of within(data)) {
    const why = mismatch(shown, part, at);
    if (!why) return;
    // Report against the part that has the fields shown, when there is one.
    const keyed = shown !== null && typeof shown === 'object' && !Array.isArray(shown) && part !== null && typeof part === 'object' && Object.keys(shown).every((k) => k in part);
    if (first === null || (keyed && !first.startsWith('*'))) first = keyed ? `*${why}` : why;
  }
  throw new Error(`${where}: the answer differs from the README: ${first?.replace(/^\*/, '')}\nThe gateway answered: ${JSON.stringify(data)}`);
}

// ---------------------------------------------------------------------------------------------
// Running the examples
// ---------------------------------------------------------------------------------------------

/** A JPEG the file-type sniffer accepts: a JFIF header, zeros, end of image; `size` bytes in all. */
function jpeg(size: number): Uint8Array {
  const bytes = new Uint8Array(Math.max(size, 24));
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  bytes.set([0xff, 0xd9], bytes.length - 2);
  return bytes;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

class Runner {
  /** The data of every answer so far, newest last: `<x> = createRole.id` reads the newest with that field. */
  private readonly history: Array<Record<string, unknown>> = [];
  private readonly tokens = new Map<string, string>();
  private readonly organizations = new Map<string, string>();

  constructor(
    private readonly t: TestGateway,
    private readonly clock: ManualClock,
    private readonly at: Date,
  ) {}

  async run(request: Request): Promise<void> {
    const { options } = request;
    const start = options.realTime ? new Date() : this.at;
    this.clock.set(start);
    for (const job of options.jobs) {
      const scheduled = this.t.gateway.jobs.get(job.name);
      if (!scheduled) throw new Error(`README.md:${request.block.line}: there is no periodic job "${job.name}"`);
      for (const offset of job.offsetsMs) {
        this.clock.set(new Date(start.getTime() + offset));
        await scheduled.runNow();
      }
    }
    const values = new Map<string, string>();
    if (request.kind === 'graphql') await this.graphql(request, values);
    else await this.curl(request, values);
    // What the block set off (a job nudged by its commit) ends at the block's moment, before the next block moves the clock.
    await this.t.gateway.jobs.settled();
  }

  // --- values of placeholders -------------------------------------------------------------------

  private async token(username: string): Promise<string> {
    let token = this.tokens.get(username);
    if (!token) this.tokens.set(username, (token = await this.t.token(username)));
    return token;
  }

  private async ask(query: string, username: string): Promise<Record<string, unknown>> {
    const res = await this.t.gql(query, undefined, { authorization: `Bearer ${await this.token(username)}` });
    const body = res.body as GraphQLBody;
    if (body.errors?.length || !body.data) throw new Error(`the lookup ${query} failed: ${JSON.stringify(body.errors)}`);
    return body.data;
  }

  /** Replaces every `<placeholder>` in `text`: bound by the note, else an upload or an organization's id. */
  private async fill(text: string, request: Request, account: string, values: Map<string, string>): Promise<string> {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(/<[^<>\n"]+>/g)) {
      out += text.slice(last, m.index) + (await this.value(m[0], request, account, values));
      last = m.index! + m[0].length;
    }
    return out + text.slice(last);
  }

  private async value(name: string, request: Request, account: string, values: Map<string, string>): Promise<string> {
    const where = `README.md:${request.block.line}`;
    const bound = request.options.bindings.get(name);
    if (bound !== undefined) {
      if (!values.has(name)) values.set(name, await this.evaluate(bound, request, where));
      return values.get(name)!;
    }
    if (name === '<upload id>') return this.upload(await this.token(account));
    const org = /^<(.+) id>$/.exec(name);
    if (org) return this.organizationId(org[1]!, where);
    throw new Error(`${where}: nothing says what ${name} stands for (bind it in the block's <!-- example: … --> note)`);
  }

  private async organizationId(name: string, where: string): Promise<string> {
    const known = this.organizations.get(name);
    if (known) return known;
    const data = await this.ask(`{ organizations(first: 100, filter: { search: ${JSON.stringify(name)} }) { edges { node { id name shortName } } } }`, 'admin');
    const nodes = (data['organizations'] as { edges: Array<{ node: { id: string; name: string; shortName: string | null } }> }).edges.map((e) => e.node);
    // The organization of that name or short name, else the only one whose name contains it.
    const exact = nodes.filter((n) => n.name === name || n.shortName === name);
    const found = exact.length ? exact : nodes;
    if (found.length !== 1) throw new Error(`${where}: <${name} id> fits ${found.length} organizations (${found.map((n) => n.name).join(', ')}), not one`);
    this.organizations.set(name, found[0]!.id);
    return found[0]!.id;
  }

  /** A date (`today + 14 days`), time (`now + 6 hours`), an earlier answer's field (`createRole.id`) or a query's (`{ … } path`). */
  private async evaluate(expression: string, request: Request, where: string): Promise<string> {
    const time = /^(today|now)(?:\s*([+-])\s*(\d+)\s*(days?|hours?|minutes?|min))?$/.exec(expression);
    if (time) {
      const shift = time[2] ? (time[2] === '-' ? -1 : 1) * Number(time[3]) * UNIT_MS[time[4]!]! : 0;
      const moment = new Date(this.clock.now().getTime() + shift);
      return time[1] === 'today' ? todayInChina(moment) : moment.toISOString();
    }
    if (expression.startsWith('{')) {
      const end = closingBrace(expression);
      const data = await this.ask(expression.slice(0, end + 1), request.options.as);
      const rest = expression.slice(end + 1).trim();
      const found = rest ? walk(data, rest) : [...within(data)].find(([, v]) => v !== null && typeof v !== 'object')?.[1];
      if (found === undefined || found === null || typeof found === 'object') throw new Error(`${where}: ${expression} gives no value`);
      return String(found);
    }
    const top = /^[A-Za-z_]\w*/.exec(expression)?.[0];
    const source = top ? [...this.history].reverse().find((d) => d[top] !== undefined) : undefined;
    if (!source) throw new Error(`${where}: ${expression}: no earlier answer has ${top ?? expression}`);
    const found = walk(source, expression);
    if (found === undefined || found === null || typeof found === 'object') throw new Error(`${where}: ${expression} gives no value in ${JSON.stringify(source)}`);
    return String(found);
  }

  /** Uploads a small JPEG as the account (as in README's "Attachments") and returns its id. */
  private async upload(token: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([jpeg(2048)], { type: 'image/jpeg' }), '照片.jpg');
    const res = await fetch(`${this.t.origin}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' }, body: form });
    const body = (await res.json()) as { id?: string };
    if (res.status !== 201 || !body.id) throw new Error(`uploading a file for <upload id> failed: ${res.status} ${JSON.stringify(body)}`);
    return body.id;
  }

  // --- GraphQL blocks ---------------------------------------------------------------------------

  private async graphql(request: Request, values: Map<string, string>): Promise<void> {
    const { block } = request;
    const text = block.body;
    const operations = parse(text).definitions.map((d) => {
      if (d.kind !== Kind.OPERATION_DEFINITION) throw new Error(`README.md:${block.line}: only operations are run (no fragments)`);
      return d as OperationDefinitionNode;
    });
    let account = request.options.as;
    const subscriptions: Array<{ sub: Subscription<unknown>; shown: string[]; followed: boolean }> = [];
    let lastAnswer: unknown;
    for (let k = 0; k < operations.length; k++) {
      const op = operations[k]!;
      // Comments between operations: `# as <account>` applies to the next, `# → …` to the previous.
      const before = commentsIn(text.slice(k ? operations[k - 1]!.loc!.end : 0, op.loc!.start));
      for (const c of before) {
        const as = /^as\s+([\w.-]+)/.exec(c);
        if (as) account = as[1]!;
      }
      const shown = commentsIn(text.slice(op.loc!.end, k + 1 < operations.length ? operations[k + 1]!.loc!.start : text.length))
        .filter((c) => c.startsWith('→'))
        .map((c) => c.slice(1).trim());
      const query = await this.fill(text.slice(op.loc!.start, op.loc!.end), request, account, values);
      const where = `README.md:${block.line}, operation ${k + 1} (as ${account})`;
      if (op.operation === 'subscription') {
        for (const s of subscriptions) s.followed = true;
        subscriptions.push({ sub: subscribe(this.t, await this.token(account), query), shown, followed: false });
        // Room for the server to register the subscription before the block goes on.
        await pause(300);
        continue;
      }
      for (const s of subscriptions) s.followed = true;
      const res = await this.t.gql(query, undefined, { authorization: `Bearer ${await this.token(account)}` });
      const body = res.body as GraphQLBody;
      const expectedError = shown.map((s) => /^([A-Z][A-Z_]+)\b/.exec(s)?.[1]).find(Boolean);
      if (expectedError) {
        const code = body.errors?.[0]?.extensions?.['code'];
        if (code !== expectedError) throw new Error(`${where}: README says it answers ${expectedError}, the gateway answered ${JSON.stringify(body)}`);
      } else {
        if (res.status !== 200 || body.errors?.length || !body.data) throw new Error(`${where} fails: HTTP ${res.status} ${JSON.stringify(body.errors ?? body)}\n${query}`);
        for (const s of shown) expectMatch(leadingJson(s, where), body.data, where);
      }
      if (body.data) this.history.push(body.data);
      lastAnswer = body.data;
    }
    for (const [i, { sub, shown, followed }] of subscriptions.entries()) {
      const where = `README.md:${block.line}, subscription ${i + 1}`;
      try {
        if (followed) await sub.until(1, 5000).catch(() => undefined);
        else await pause(300);
        if (sub.errors.length) throw new Error(`${where} fails: ${JSON.stringify(sub.errors)}`);
        if (followed && !sub.items.length) throw new Error(`${where}: no event arrived while the rest of the block ran`);
        for (const s of shown) expectMatch(leadingJson(s, where), sub.items[0], where);
        if (operations[operations.length - 1]!.operation === 'subscription' && i === subscriptions.length - 1) lastAnswer = sub.items[0];
      } finally {
        await sub.stop();
      }
    }
    for (const answer of request.answers) expectShown(answer, lastAnswer);
  }

  // --- curl blocks ------------------------------------------------------------------------------

  private async curl(request: Request, values: Map<string, string>): Promise<void> {
    const { block, options } = request;
    const vars = new Map<string, string>([['TOKEN', await this.token(options.as)]]);
    for (const [name, expression] of options.bindings) {
      if (name.startsWith('$')) vars.set(name.slice(1), await this.evaluate(expression, request, `README.md:${block.line}`));
    }
    const text = await this.fill(block.body.replace(/\\\n/g, ' '), request, options.as, values);
    const commands = shellCommands(text);
    let lastAnswer: unknown;
    for (const [k, { command, shown }] of commands.entries()) {
      const where = `README.md:${block.line}, command ${k + 1}`;
      const assignment = /^([A-Za-z_]\w*)=\$\(([\s\S]*)\)$/.exec(command);
      const stages = splitPipeline(assignment ? assignment[2]! : command).map((stage) => shellWords(stage, vars));
      const [first, ...rest] = stages;
      if (first?.[0] !== 'curl') throw new Error(`${where}: only curl commands are run (optionally piped into node), not ${first?.[0]}`);
      const answer = await this.fetchLikeCurl(first.slice(1), shown, where);
      let output = answer.text;
      for (const stage of rest) {
        if (stage[0] !== 'node') throw new Error(`${where}: curl may be piped into node only, not ${stage[0]}`);
        output = execFileSync(process.execPath, stage.slice(1), { input: output, encoding: 'utf8' });
      }
      if (assignment) vars.set(assignment[1]!, output.trim());
      // An answer that is not JSON (the CAP feed's XML) is compared as text with an ```xml block.
      lastAnswer = answer.json ?? answer.text;
    }
    for (const answer of request.answers) expectShown(answer, lastAnswer);
  }

  /** Does what `curl <args>` does (the flags the README uses), against the test gateway, and checks the answer. */
  private async fetchLikeCurl(args: readonly string[], shown: readonly string[], where: string): Promise<{ text: string; json: unknown }> {
    const headers = new Headers();
    let url: string | null = null;
    let method: string | null = null;
    let data: string | null = null;
    let form: FormData | null = null;
    let declaredSize: number | null = null;
    const expected = shown.map((s) => /^(\d{3})?\s*([\s\S]*)$/.exec(s)!);
    for (const e of expected) if (e[2]) declaredSize ??= (leadingJson(e[2], where) as { sizeBytes?: number }).sizeBytes ?? null;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const next = () => {
        const v = args[++i];
        if (v === undefined) throw new Error(`${where}: ${arg} needs a value`);
        return v;
      };
      if (arg === '-s' || arg === '-S' || arg === '-sS' || arg === '--silent') continue;
      else if (arg === '-H' || arg === '--header') {
        const h = next();
        const colon = h.indexOf(':');
        headers.append(h.slice(0, colon).trim(), h.slice(colon + 1).trim());
      } else if (arg === '-d' || arg === '--data' || arg === '--data-raw' || arg === '--data-binary') data = data === null ? next() : `${data}&${next()}`;
      else if (arg === '-X' || arg === '--request') method = next();
      else if (arg === '-F' || arg === '--form') {
        const field = next();
        const eq = field.indexOf('=');
        const [name, value] = [field.slice(0, eq), field.slice(eq + 1)];
        form ??= new FormData();
        if (value.startsWith('@')) {
          // The file the README uploads does not exist here: a JPEG of the size its answer shows stands in.
          const fileName = value.slice(1).split(';')[0]!;
          if (!/\.jpe?g$/i.test(fileName)) throw new Error(`${where}: the test makes up JPEG files only, not ${fileName}`);
          form.append(name, new Blob([jpeg(declaredSize ?? 2048)], { type: 'image/jpeg' }), path.basename(fileName));
        } else form.append(name, value);
      } else if (arg.startsWith('-')) throw new Error(`${where}: the test does not know the curl flag ${arg}`);
      else if (url === null) url = arg;
      else throw new Error(`${where}: a second URL ${arg}`);
    }
    if (!url) throw new Error(`${where}: curl without a URL`);
    const origin = GATEWAY_ORIGINS.find((o) => url!.startsWith(`${o}/`));
    if (!origin) throw new Error(`${where}: ${url} is not the gateway (${GATEWAY_ORIGINS.join(' or ')})`);
    if (data !== null && !headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded');
    const res = await fetch(`${this.t.origin}${url.slice(origin.length)}`, {
      method: method ?? (data !== null || form ? 'POST' : 'GET'),
      headers,
      body: form ?? data ?? undefined,
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON (a file)
    }
    const graphql = new URL(url).pathname === '/graphql';
    if (expected.length) {
      for (const [, status, body] of expected) {
        if (status && Number(status) !== res.status) throw new Error(`${where}: README says HTTP ${status}, the gateway answered ${res.status} ${text}`);
        if (body) expectMatch(leadingJson(body, where), json, where);
      }
    } else if (res.status < 200 || res.status > 299) throw new Error(`${where} fails: HTTP ${res.status} ${text}`);
    if (graphql) {
      const body = json as GraphQLBody | null;
      if (!expected.length && (!body?.data || body.errors?.length)) throw new Error(`${where} fails: ${text}`);
      if (body?.data) this.history.push(body.data);
    }
    return { text, json };
  }
}

/** The index of the brace (or bracket) closing the one `text` starts with. */
function closingBrace(text: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' && text[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && (c === '{' || c === '[')) depth++;
    else if (!quoted && (c === '}' || c === ']') && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in ${text}`);
}

/** The JSON value a `# →` line starts with (words may follow it). */
function leadingJson(text: string, where: string): unknown {
  try {
    return JSON.parse(/^[[{]/.test(text) ? text.slice(0, closingBrace(text) + 1) : text);
  } catch (error) {
    throw new Error(`${where}: the answer shown is not JSON: ${text} (${(error as Error).message})`);
  }
}

/**
 * Follows `a.b.0.c` through a value; a step `[key=value]` picks the first list item whose `key`
 * (or its `node`'s, in a connection's edges) equals the value, and goes on from where the key was.
 */
function walk(value: unknown, steps: string): unknown {
  let current = value;
  for (const step of steps.match(/\[[^\]]*\]|[^.[\]]+/g) ?? []) {
    const pick = /^\[([^=\]]+)=([^\]]*)\]$/.exec(step);
    if (pick) {
      const [key, wanted] = [pick[1]!.trim(), pick[2]!.trim()];
      const items = Array.isArray(current) ? (current as Array<Record<string, any>>) : [];
      const item = items.find((i) => String(i?.[key]) === wanted) ?? items.find((i) => String(i?.['node']?.[key]) === wanted)?.['node'];
      current = item;
    } else current = (current as Record<string, unknown> | null)?.[step];
    if (current === undefined) return undefined;
  }
  return current;
}

/** The comments (text after `#`) of some GraphQL between operations. */
function commentsIn(text: string): string[] {
  return [...text.matchAll(/#\s?(.*)$/gm)].map((m) => m[1]!.trim());
}

/** A shell script's commands (newline-separated outside quotes and `$( )`), each with the `# →` lines after it. */
function shellCommands(script: string): Array<{ command: string; shown: string[] }> {
  const commands: Array<{ command: string; shown: string[] }> = [];
  let current = '';
  let quote: string | null = null;
  let depth = 0;
  const end = () => {
    if (current.trim()) commands.push({ command: current.trim(), shown: [] });
    current = '';
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      if (c === quote && !(quote === '"' && script[i - 1] === '\\')) quote = null;
      current += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      current += c;
    } else if (c === '#' && (i === 0 || /\s/.test(script[i - 1]!))) {
      const eol = script.indexOf('\n', i);
      const comment = script.slice(i + 1, eol < 0 ? script.length : eol).trim();
      if (comment.startsWith('→')) {
        end();
        const last = commands[commands.length - 1];
        if (!last) throw new Error(`a "# →" line before any command`);
        last.shown.push(comment.slice(1).trim());
      }
      i = eol < 0 ? script.length : eol - 1;
    } else {
      if (c === '(' && script[i - 1] === '$') depth++;
      else if (c === ')' && depth > 0) depth--;
      if (c === '\n' && depth === 0) end();
      else current += c;
    }
  }
  end();
  return commands;
}

/** Splits a command at `|` outside quotes. */
function splitPipeline(command: string): string[] {
  const stages: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote && !(quote === '"' && command[i - 1] === '\\')) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '|') {
      stages.push(command.slice(start, i));
      start = i + 1;
    }
  }
  stages.push(command.slice(start));
  return stages.map((s) => s.trim());
}

/** A command's words as the shell makes them: quotes removed, `$NAME` expanded outside single quotes. */
function shellWords(command: string, vars: ReadonlyMap<string, string>): string[] {
  const words: string[] = [];
  let word: string | null = null;
  const expand = (name: string) => {
    const v = vars.get(name);
    if (v === undefined) throw new Error(`$${name} is not set (bind it in the block's <!-- example: … --> note)`);
    return v;
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (c === "'") {
      const close = command.indexOf("'", i + 1);
      word = (word ?? '') + command.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      word ??= '';
      for (i++; i < command.length && command[i] !== '"'; i++) {
        if (command[i] === '\\' && '"\\$`'.includes(command[i + 1]!)) word += command[++i];
        else if (command[i] === '$' && /[A-Za-z_{]/.test(command[i + 1]!)) {
          const m = /^\$\{?([A-Za-z_]\w*)\}?/.exec(command.slice(i))!;
          word += expand(m[1]!);
          i += m[0].length - 1;
        } else word += command[i];
      }
    } else if (c === '$' && /[A-Za-z_{]/.test(command[i + 1] ?? '')) {
      const m = /^\$\{?([A-Za-z_]\w*)\}?/.exec(command.slice(i))!;
      word = (word ?? '') + expand(m[1]!);
      i += m[0].length - 1;
    } else if (c === '\\') word = (word ?? '') + command[++i];
    else word = (word ?? '') + c;
  }
  if (word !== null) words.push(word);
  return words;
}

// ---------------------------------------------------------------------------------------------

const coverage = cover(README);

describe('README.md examples', () => {
  let t: TestGateway | undefined;
  let runner: Runner;
  const started = Date.now();

  beforeAll(async () => {
    const at = coverage.at ?? new Date();
    const clock = new ManualClock(at);
    // The demo town is seeded as of the README's moment (the gateway's clock); sweeps run at start (at the README's moment) and when a block asks (`job … at …`), never in between.
    t = await startTestGateway(AVAILABLE_MODULES, { seed: true, clock, env: QUIET_SWEEPS });
    runner = new Runner(t, clock, at);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    const outputs = coverage.requests.reduce((n, r) => n + r.answers.length, 0);
    const lines = [
      `README.md: ${coverage.blocks.length} blocks: ${coverage.requests.length} requests run, ${outputs} answers compared, ${coverage.skipped.length} skipped (${((Date.now() - started) / 1000).toFixed(1)} s):`,
      ...coverage.skipped.map((s) => `  skipped README.md:${s.block.line} (${s.block.lang || 'plain'}): ${s.reason}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  it('places every block: a request, its answer, or skipped with a reason', () => {
    expect(coverage.problems).toEqual([]);
    expect(coverage.blocks.length).toBe(coverage.requests.length + coverage.requests.reduce((n, r) => n + r.answers.length, 0) + coverage.skipped.length);
    expect(coverage.requests.length).toBeGreaterThan(0);
  });

  for (const request of coverage.requests) {
    const title = `README.md:${request.block.line} ${request.block.section} (${request.kind}${request.answers.length ? `, answer at line ${request.answers.map((a) => a.line).join(', ')}` : ''})`;
    it(title, async () => {
      await runner.run(request);
    });
  }
});

describe('the README runner itself', () => {
  const readme = (...lines: string[]) => ['The answers are as of `2026-11-29T10:00+08:00`.', ...lines].join('\n');

  it('refuses a block it cannot place, and needs a reason to skip one', () => {
    const c = cover(
      readme(
        '```python', 'print(1)', '```', // 2: no request, no answer, not skipped
        '```json', '{}', '```', // 5: an answer after no request
        '<!-- example: skip — a diagram -->', '```', 'x', '```',
        '<!-- example: as admin; <x> = createRole.id -->', '```graphql', '{ viewer { kind } }', '```', 'prose', '```json', '{ "viewer": {} }', '```',
        '```bash', 'npm test', '```', // 20: a shell block without curl
        '<!-- example: skip -->', '```', 'y', '```', // 24: skipped without a reason
        '<!-- example: with sugar -->', '```graphql', '{ viewer { kind } }', '```', // 28: a note item nobody knows
      ),
    );
    expect(c.problems).toEqual([
      expect.stringContaining('README.md:2 '),
      expect.stringContaining('README.md:5 '),
      expect.stringContaining('README.md:20 '),
      expect.stringContaining('README.md:24:'),
      expect.stringContaining('README.md:28:'),
    ]);
    expect(c.skipped.map((s) => s.reason)).toEqual(['a diagram']);
    expect(c.requests.map((r) => [r.block.line, r.options.as, [...r.options.bindings], r.answers.map((a) => a.line)])).toEqual([[13, 'admin', [['<x>', 'createRole.id']], [17]]]);
    expect(c.at).toEqual(new Date('2026-11-29T02:00:00Z'));
  });

  it('finds fences as Markdown does: indented, with tildes, not inline code', () => {
    const blocks = readBlocks(['- a step:', '  ```graphql', '  { viewer { kind } }', '  ```', '~~~bash', 'curl x', '~~~', 'Use ```` ```json ```` blocks.', '````md', '```', '````'].join('\n'));
    expect(blocks.map((b) => [b.line, b.lang, b.body])).toEqual([
      [2, 'graphql', '  { viewer { kind } }'],
      [5, 'bash', 'curl x'],
      [9, 'md', '```'],
    ]);
  });

  it('compares answers as the README shows them', () => {
    expect(mismatch({ a: 1 }, { a: 1, b: 2 }, 'data')).toBeNull();
    expect(mismatch({ a: 1 }, { a: 2 }, 'data')).toMatch(/^data\.a: README shows 1/);
    expect(mismatch([1, '…'], [1, 2, 3], 'data')).toBeNull();
    expect(mismatch([1], [1, 2], 'data')).toMatch(/1 items/);
    expect(mismatch({ id: '…', url: '/attachments/…' }, { id: 'x', url: '/attachments/x' }, 'data')).toBeNull();
    expect(mismatch({ id: '…' }, {}, 'data')).toMatch(/missing/);
    expect(() => expectMatch({ b: 2 }, { a: { b: 2 } }, 'here')).not.toThrow();
    expect(() => expectMatch({ b: 3 }, { a: { b: 2 } }, 'here')).toThrow(/data\.a\.b: README shows 3/);
  });

  it('reads shell commands as the shell does', () => {
    const commands = shellCommands(`T=$(curl -s http://localhost:4000/graphql -d '{"q":"x # y"}' | node -pe 'JSON.parse(1)')\n\n# a remark\ncurl -s "http://localhost:4000/a?b=1" -H "authorization: Bearer $T"\n# → 201 {"id":"…"} and more`);
    expect(commands).toEqual([
      { command: `T=$(curl -s http://localhost:4000/graphql -d '{"q":"x # y"}' | node -pe 'JSON.parse(1)')`, shown: [] },
      { command: 'curl -s "http://localhost:4000/a?b=1" -H "authorization: Bearer $T"', shown: ['201 {"id":"…"} and more'] },
    ]);
    expect(splitPipeline(`curl -d 'a|b' | node -pe "x"`)).toEqual([`curl -d 'a|b'`, 'node -pe "x"']);
    expect(shellWords(`curl -H "a: $T" -d '{"q":"\\"$T\\""}' x\\ y`, new Map([['T', 'tok']]))).toEqual(['curl', '-H', 'a: tok', '-d', '{"q":"\\"$T\\""}', 'x y']);
    expect(() => shellWords('curl $NOPE', new Map())).toThrow(/\$NOPE is not set/);
    expect(leadingJson('{"a":[1,"}"]} then words', 'here')).toEqual({ a: [1, '}'] });
    expect(walk({ roles: { edges: [{ node: { code: 'a', id: 1 } }, { node: { code: 'b', id: 2 } }] } }, 'roles.edges[code=b].id')).toBe(2);
  });
});
