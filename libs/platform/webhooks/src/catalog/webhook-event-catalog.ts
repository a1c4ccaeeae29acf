import { eventDeclarations, isScopedEntity, type DomainModule, type ScopedEntity } from '@platform/core';
import type { ObjectLiteral } from 'typeorm';

/** An event type webhooks carry: its name, the module declaring it, and its subject (the record it is about). */
export interface OfferedEventType {
  readonly name: string;
  readonly module: string;
  readonly subject: { readonly entity: ScopedEntity<ObjectLiteral>; readonly field: string };
}

/** The event type of a test message (`sendTestWebhook`): no subject, never relayed from the outbox. */
export const TEST_EVENT_TYPE = 'webhook.test';

/**
 * The event types of the enabled modules (`DomainModule.events`) that webhooks carry: those whose
 * catalog declares a subject, a record the kernel can check each client may read. The others (no
 * subject: `access.changed`, `rescue.warning.escalationPolicyUpdated`) are not offered.
 */
export class WebhookEventCatalog {
  private readonly byName = new Map<string, OfferedEventType>();
  /** Declared events without a subject, by name. */
  readonly withoutSubject: readonly string[];

  constructor(modules: readonly DomainModule[]) {
    const without: string[] = [];
    for (const m of modules) {
      for (const catalog of m.events ?? []) {
        for (const { name, subject } of eventDeclarations(catalog)) {
          if (this.byName.has(name)) throw new Error(`Event ${name} is declared by two catalogs (module ${m.name} and module ${this.byName.get(name)!.module}).`);
          if (!subject) {
            without.push(name);
            continue;
          }
          if (!isScopedEntity(subject.entity)) throw new Error(`Event ${name} (module ${m.name}): its subject is not a declaration made with defineScopedEntity.`);
          this.byName.set(name, { name, module: m.name, subject: { entity: subject.entity, field: subject.field } });
        }
      }
    }
    this.withoutSubject = without.sort();
  }

  /** The offered event type of this name, if any. */
  offered(name: string): OfferedEventType | undefined {
    return this.byName.get(name);
  }

  /** Every offered event type, by name. */
  list(): OfferedEventType[] {
    return [...this.byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
