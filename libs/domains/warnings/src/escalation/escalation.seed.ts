import { SeedRandom, audit, type RequestContext } from '@platform/core';
import { createResponseActions } from './escalation.service';

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
  const acknowledged: Array<{ id: string; rank: number; acknowledgedAt: Date; personId: string | null; userId: string | null }> = await ctx.manager.query(
    `SELECT a.id, row_number() OVER (PARTITION BY a.delivery_id ORDER BY a.sort_order, a.id)::int AS rank, d.acknowledged_at AS "acknowledgedAt",
            d.acknowledged_by_person_id AS "personId", d.acknowledged_by_user_id AS "userId"
       FROM warning_response_action a JOIN warning_delivery d ON d.id = a.delivery_id
      WHERE a.id = ANY($1::uuid[]) AND d.status = 'ACKNOWLEDGED' AND d.acknowledged_at IS NOT NULL`,
    [created],
  );
  let completed = 0;
  for (const a of acknowledged) {
    const r = SeedRandom.of(`rescue:warning-escalation:action:${a.id}`);
    if (a.rank > 2 && !r.chance(0.3)) continue;
    const at = new Date(new Date(a.acknowledgedAt).getTime() + r.int(15, 30) * 60_000);
    await ctx.manager.query(`UPDATE warning_response_action SET completed_at = LEAST(CAST($2 AS timestamptz), now()), completed_by_person_id = $3, completed_by_user_id = $4, note = $5 WHERE id = $1 AND completed_at IS NULL`, [
      a.id,
      at,
      a.personId,
      a.userId,
      r.pick(NOTES),
    ]);
    completed++;
  }
  await audit(ctx, { action: 'rescue.warning-response-action.seed', entityType: 'WarningResponseAction', entityId: null, changes: { created: created.length, completed } });
}
