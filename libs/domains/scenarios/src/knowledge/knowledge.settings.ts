import { defineSettings, integerSetting } from '@platform/core';

/** The knowledge part's settings (environment variables), read with `knowledgeSettings.read(runtime.settings)`. */
export const knowledgeSettings = defineSettings({
  /** Knowledge searches an anonymous caller may make per minute from one address (RATE_LIMITED beyond). */
  SCENARIOS_KNOWLEDGE_SEARCHES_PER_MINUTE: integerSetting(1, 10000).default(30),
  /** Days the knowledge query log keeps a search (a daily job deletes older ones). */
  SCENARIOS_KNOWLEDGE_LOG_DAYS: integerSetting(7, 3650).default(365),
});

export type KnowledgeSettings = ReturnType<typeof knowledgeSettings.read>;
