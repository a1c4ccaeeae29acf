import { records, unscoped, withinSubtree, type Principal, type RequestContext, type ScopedEntity } from '@platform/core';
import { apiClientPrincipal } from '@platform/access';
import { Organizations } from '@platform/directory';
import type { ObjectLiteral } from 'typeorm';

/** A record ids look like: the subjects' keys are UUIDs (anything else is not looked up). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One question: may this client, narrowed to this subtree, read this record? */
export interface ReadQuestion {
  readonly apiClientId: string;
  readonly withinSubtreeOf: string | null;
  readonly entity: ScopedEntity<ObjectLiteral>;
  readonly id: string;
}

/**
 * What API clients may read, as they are now: each client's principal with its current grants
 * (disabled or expired: nothing), narrowed to a subscription's subtree when it has one
 * (`withinSubtree`: the client's own scope within that subtree, so custom row scopes such as a
 * warning's targets apply too), asked through the kernel's `records(ctx, entity, entity.read,
 * { principal })`. Principals and subtrees are loaded once per instance (one relay batch, one attempt).
 */
export class ClientScopes {
  private readonly principals = new Map<string, Promise<Principal | null>>();
  private readonly subtrees = new Map<string, { id: string; path: string } | null>();

  constructor(private readonly ctx: RequestContext) {}

  /** The client's principal now, or null when it is disabled, expired or gone. */
  principal(apiClientId: string): Promise<Principal | null> {
    let loaded = this.principals.get(apiClientId);
    if (!loaded) this.principals.set(apiClientId, (loaded = apiClientPrincipal(this.ctx, apiClientId)));
    return loaded;
  }

  /**
   * The answers to many questions, in their order: one statement per client, subtree and entity
   * (plus one per client for its grants and one for all the subtrees).
   */
  async canRead(questions: readonly ReadQuestion[]): Promise<boolean[]> {
    const subtreeIds = [...new Set(questions.map((q) => q.withinSubtreeOf).filter((id): id is string => id !== null && !this.subtrees.has(id)))];
    if (subtreeIds.length) {
      const rows = await unscoped(this.ctx, Organizations, 'webhooks: the subtrees subscriptions are narrowed to (the organization, not its data)').many(subtreeIds, ['id', 'path']);
      subtreeIds.forEach((id, i) => this.subtrees.set(id, rows[i] ? { id, path: rows[i]!.path } : null));
    }
    // Grouped by who asks about which entity; each group answered by one `many`.
    const groups = new Map<string, { question: ReadQuestion; ids: Set<string> }>();
    for (const q of questions) {
      if (!UUID.test(q.id)) continue;
      const key = `${q.apiClientId}|${q.withinSubtreeOf ?? ''}|${q.entity.typeName}|${q.entity.table}`;
      const group = groups.get(key) ?? { question: q, ids: new Set<string>() };
      group.ids.add(q.id);
      groups.set(key, group);
    }
    const readable = new Set<string>();
    for (const [key, { question, ids }] of groups) {
      const principal = await this.principal(question.apiClientId);
      if (!principal) continue;
      const subtree = question.withinSubtreeOf ? this.subtrees.get(question.withinSubtreeOf) : undefined;
      if (subtree === null) continue;
      const scope = subtree ? withinSubtree(principal, subtree) : principal;
      const rows = await records(this.ctx, question.entity, question.entity.read, { principal: scope }).many([...ids], ['id']);
      for (const row of rows) if (row) readable.add(`${key}|${row['id']}`);
    }
    return questions.map((q) => readable.has(`${q.apiClientId}|${q.withinSubtreeOf ?? ''}|${q.entity.typeName}|${q.entity.table}|${q.id}`));
  }
}
