import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReadsColumns, ReadsRelation, type RequestContext } from '@platform/core';
import { Hazard, HazardReference, hazardById } from '@domains/risk';
import { LawArticle, LawArticleReference } from '../laws/public';
import { SpecialOperationCertificate, SpecialOperationCertificateReference } from '../certificates/public';
import { Inspection } from './inspection.entity';
import { InspectionCertificateCheck, InspectionChecklistItem, InspectionFinding, InspectionPermitCheck } from './inspection-visit.entity';
import { InspectionCertificateCheckReference, InspectionReference, inspectionById, inspectionCertificateCheckById } from './inspection.loaders';

/** The inspection a visit row belongs to (read with the row, so null only for one that no longer exists). */
const INSPECTION = '检查。The inspection it belongs to (read with it, so null only for one that no longer exists).';

@Resolver(() => InspectionChecklistItem)
export class InspectionChecklistItemResolver {
  @FieldResolver(() => Inspection, { nullable: true, description: INSPECTION })
  @ReadsColumns('inspectionId')
  @ReadsRelation(InspectionReference, 'inspectionId')
  inspection(@Ctx() ctx: RequestContext, @Root() r: InspectionChecklistItem): Promise<Inspection | null> {
    return inspectionById(ctx).load(r.inspectionId);
  }

  @FieldResolver(() => LawArticle, { nullable: true, description: '法条。The article the duty comes from (安全生产法 第二十一条); null when you may not read the law catalog.' })
  @ReadsColumns('lawArticleId')
  @ReadsRelation(LawArticleReference, 'lawArticleId')
  lawArticle(@Ctx() ctx: RequestContext, @Root() r: InspectionChecklistItem): Promise<LawArticle | null> {
    return LawArticleReference.byId(ctx).load(r.lawArticleId);
  }
}

@Resolver(() => InspectionCertificateCheck)
export class InspectionCertificateCheckResolver {
  @FieldResolver(() => Inspection, { nullable: true, description: INSPECTION })
  @ReadsColumns('inspectionId')
  @ReadsRelation(InspectionReference, 'inspectionId')
  inspection(@Ctx() ctx: RequestContext, @Root() r: InspectionCertificateCheck): Promise<Inspection | null> {
    return inspectionById(ctx).load(r.inspectionId);
  }

  @FieldResolver(() => SpecialOperationCertificate, { nullable: true, description: '特种作业操作证。The certificate seen, as it stands now; null when you may not read special-operation certificates there.' })
  @ReadsColumns('specialOperationCertificateId')
  @ReadsRelation(SpecialOperationCertificateReference, 'specialOperationCertificateId')
  specialOperationCertificate(@Ctx() ctx: RequestContext, @Root() r: InspectionCertificateCheck): Promise<SpecialOperationCertificate | null> {
    return SpecialOperationCertificateReference.byId(ctx).load(r.specialOperationCertificateId);
  }
}

@Resolver(() => InspectionPermitCheck)
export class InspectionPermitCheckResolver {
  @FieldResolver(() => Inspection, { nullable: true, description: INSPECTION })
  @ReadsColumns('inspectionId')
  @ReadsRelation(InspectionReference, 'inspectionId')
  inspection(@Ctx() ctx: RequestContext, @Root() r: InspectionPermitCheck): Promise<Inspection | null> {
    return inspectionById(ctx).load(r.inspectionId);
  }
}

@Resolver(() => InspectionFinding)
export class InspectionFindingResolver {
  @FieldResolver(() => Inspection, { nullable: true, description: INSPECTION })
  @ReadsColumns('inspectionId')
  @ReadsRelation(InspectionReference, 'inspectionId')
  inspection(@Ctx() ctx: RequestContext, @Root() f: InspectionFinding): Promise<Inspection | null> {
    return inspectionById(ctx).load(f.inspectionId);
  }

  @FieldResolver(() => Hazard, { nullable: true, description: '隐患。The hazard it raised, as it stands in the risk module (HazardReference); null when it raised none or you may not read hazards there.' })
  @ReadsColumns('hazardId')
  @ReadsRelation(HazardReference, 'hazardId')
  hazard(@Ctx() ctx: RequestContext, @Root() f: InspectionFinding): Promise<Hazard | null> {
    return f.hazardId ? hazardById(ctx).load(f.hazardId) : Promise.resolve(null);
  }

  @FieldResolver(() => InspectionCertificateCheck, { nullable: true, description: '证件核查。The certificate check it came from; null for a finding of the inspectors.' })
  @ReadsColumns('certificateCheckId')
  @ReadsRelation(InspectionCertificateCheckReference, 'certificateCheckId')
  certificateCheck(@Ctx() ctx: RequestContext, @Root() f: InspectionFinding): Promise<InspectionCertificateCheck | null> {
    return f.certificateCheckId ? inspectionCertificateCheckById(ctx).load(f.certificateCheckId) : Promise.resolve(null);
  }

  @FieldResolver(() => [LawArticle], { description: '违反条款。The articles it breaks, those you may read in the law catalog (in the order given).' })
  @ReadsColumns('lawArticleIds')
  async lawArticles(@Ctx() ctx: RequestContext, @Root() f: InspectionFinding): Promise<LawArticle[]> {
    const found = await LawArticleReference.byId(ctx).loadMany(f.lawArticleIds);
    return found.filter((a): a is LawArticle => a !== null && !(a instanceof Error));
  }
}
