import { RateLimitedError, type Limiter, type ModuleRuntime, type RequestContext } from '@platform/core';
import { knowledgeSettings } from './knowledge.settings';

/** The started part's service name (`ctx.service`). */
export const KNOWLEDGE_SERVICE = 'scenarios.knowledge';

/** The per-address limit of anonymous searches, made once when the module starts (shared through Redis when configured). */
export class KnowledgeGuard {
  private readonly searches: Limiter;
  readonly perMinute: number;

  constructor(runtime: ModuleRuntime) {
    this.perMinute = knowledgeSettings.read(runtime.settings).SCENARIOS_KNOWLEDGE_SEARCHES_PER_MINUTE;
    this.searches = runtime.limiter({ name: 'scenarios-knowledge-search', points: this.perMinute, windowSeconds: 60 });
  }

  /** Counts an anonymous caller's search by address (RATE_LIMITED beyond the limit); callers with an account are not counted here. */
  async admit(ctx: RequestContext): Promise<void> {
    if (ctx.principal.kind !== 'anonymous') return;
    const wait = await this.searches.consume(`ip:${ctx.ip ?? 'unknown'}`);
    if (wait) throw new RateLimitedError(`Too many knowledge searches from this address: at most ${this.perMinute} per minute; wait ${wait} s.`, wait);
  }
}

/** The started guard. */
export const knowledgeGuard = (ctx: RequestContext): KnowledgeGuard => ctx.service<KnowledgeGuard>(KNOWLEDGE_SERVICE);
