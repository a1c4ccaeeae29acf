import { SeedRandom, audit, type RequestContext } from '@platform/core';
import { createResponseActions } from './response-actions.sql';
import { actionsOfAcknowledgedDeliveries, completeSeedAction } from './escalation.seed.sql';

const NOTES = [
  '已通过村广播、微信群和网格员逐户通知，十户联防组长均已回复收到。',
  '已组织村组干部和监测员对辖区隐患点开展巡查，未发现新的险情。',
  '村“两委”干部已全部到岗，实行24小时值班值守，值班电话畅通。',
  '应急队伍12人已在村委会集结待命，冲锋舟、救生衣等物资已检查到位。',
];

/**
 * Demo response actions: the actions of every live delivery of the warnings seeded before (the
 * warnings core seeds them), and, for deliveries acknowledged already, the first ones reported done by
 * whoever acknowledged, a quarter to half an hour later. Only actions this run created are completed,
 * so seeding again changes nothing (and never touches deliveries of real users).
 */
export async function seedWarningEscalations(ctx: RequestContext): Promise<void> {
  const created = await createResponseActions(ctx, null);
  if (!created.length) return;
  const acknowledged = await actionsOfAcknowledgedDeliveries(ctx, created);
  let completed = 0;
  for (const a of acknowledged) {
    const r = SeedRandom.of(`rescue:warning-escalation:action:${a.id}`);
    if (a.rank > 2 && !r.chance(0.3)) continue;
    const at = new Date(new Date(a.acknowledgedAt).getTime() + r.int(15, 30) * 60_000);
    await completeSeedAction(ctx, a.id, at, a.personId, a.userId, r.pick(NOTES));
    completed++;
  }
  await audit(ctx, { action: 'rescue.warning-response-action.seed', entityType: 'WarningResponseAction', entityId: null, changes: { created: created.length, completed } });
}
