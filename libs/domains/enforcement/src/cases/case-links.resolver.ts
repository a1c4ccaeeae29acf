import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ReadsColumns, ReadsRelation, type RequestContext } from '@platform/core';
import { AccidentOversightFinding } from '../accidents/public';
import { PenaltyCase } from './penalty-case.entity';
import { PenaltyCaseReference } from './case.loaders';

/**
 * Fields the cases part adds to the records of parts below it: the accidents part names a case by id
 * (一案双查 findings) without importing this part, which shows the case itself.
 */
@Resolver(() => AccidentOversightFinding)
export class AccidentOversightFindingCaseResolver {
  @FieldResolver(() => PenaltyCase, { nullable: true, description: '处罚案件。The penalty case opened on the finding; null when none or you may not read it.' })
  @ReadsColumns('penaltyCaseId')
  @ReadsRelation(PenaltyCaseReference, 'penaltyCaseId')
  penaltyCase(@Ctx() ctx: RequestContext, @Root() f: AccidentOversightFinding): Promise<PenaltyCase | null> {
    return f.penaltyCaseId ? PenaltyCaseReference.byId(ctx).load(f.penaltyCaseId) : Promise.resolve(null);
  }
}
