import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReadsColumns, ReadsRelation, RequirePermission, type RequestContext } from '@platform/core';
import { Warning } from '../model/warning.entity';
import { WarningDelivery } from '../model/warning-delivery.entity';
import { WarningEscalation, WarningResponseAction } from '../escalation/escalation.entity';
import { WarningDeliveryReference, WarningReference, warningById, warningDeliveryById } from './warning.loaders';
import { WarningPermission } from '../permissions';

/** The warnings core's records on the escalation area's types (the escalation area's fields on deliveries are its own: escalation.resolver.ts). */
@Resolver(() => WarningEscalation)
export class WarningEscalationRecordsResolver {
  @FieldResolver(() => WarningDelivery, { nullable: true, description: '送达记录。The delivery that was not acknowledged in time (needs rescue.warning:read); null when it is outside your scope.' })
  @RequirePermission(WarningPermission.WarningRead)
  @ReadsColumns('deliveryId')
  @ReadsRelation(WarningDeliveryReference, 'deliveryId')
  delivery(@Ctx() ctx: RequestContext, @Root() e: WarningEscalation): Promise<WarningDelivery | null> {
    return warningDeliveryById(ctx).load(e.deliveryId);
  }

  @FieldResolver(() => Warning, { nullable: true, description: '预警记录。The warning record delivered (needs rescue.warning:read); null when it is not aimed at your area.' })
  @RequirePermission(WarningPermission.WarningRead)
  @ReadsColumns('warningId')
  @ReadsRelation(WarningReference, 'warningId')
  warning(@Ctx() ctx: RequestContext, @Root() e: WarningEscalation): Promise<Warning | null> {
    return warningById(ctx).load(e.warningId);
  }
}

@Resolver(() => WarningResponseAction)
export class WarningResponseActionRecordsResolver {
  @FieldResolver(() => WarningDelivery, { nullable: true, description: '送达记录。The delivery the action belongs to (needs rescue.warning:read); null when it is outside your scope.' })
  @RequirePermission(WarningPermission.WarningRead)
  @ReadsColumns('deliveryId')
  @ReadsRelation(WarningDeliveryReference, 'deliveryId')
  delivery(@Ctx() ctx: RequestContext, @Root() a: WarningResponseAction): Promise<WarningDelivery | null> {
    return warningDeliveryById(ctx).load(a.deliveryId);
  }
}
