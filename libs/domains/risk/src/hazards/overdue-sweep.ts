import { modifyReturning, TODAY_SQL, type EventBus, type ModuleRuntime } from '@platform/core';

/**
 * Announces hazards that have just become overdue (`risk.hazard.overdue`), once each: the UPDATE marks
 * them and returns only the rows it marked, so several gateway replicas sweeping at once never
 * announce a hazard twice. Runs at start and then every `intervalMs`.
 */
export function startOverdueSweep(runtime: ModuleRuntime, events: EventBus, intervalMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const sweep = async () => {
    const rows = await modifyReturning<{ id: string; organization_id: string; status: string }>(
      runtime.dataSource.manager,
      `UPDATE hazard SET overdue_announced_at = now()
       WHERE deadline < ${TODAY_SQL} AND status NOT IN ('CLOSED', 'REJECTED') AND overdue_announced_at IS NULL
       RETURNING id, organization_id, status`,
    );
    for (const r of rows) {
      await events.publish({ type: 'risk.hazard.overdue', payload: { id: r.id, organizationId: r.organization_id, status: r.status }, occurredAt: new Date(), requestId: 'overdue-sweep' });
    }
    if (rows.length) runtime.log.info({ count: rows.length }, 'hazards became overdue');
  };
  const tick = () => {
    running ??= sweep()
      .catch((err: unknown) => runtime.log.warn({ err }, 'overdue sweep failed; retrying at the next tick'))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
