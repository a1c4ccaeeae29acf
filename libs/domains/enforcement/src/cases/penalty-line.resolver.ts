import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { BusinessRuleVersion, BusinessRuleVersionReference, Connection, DecimalScalar, LocalDateScalar, ON_DAY_ARGUMENT, PageArgs, ReadsColumns, ReadsRelation, RequirePermission, can, defineReference, type ConnectionResult, type RequestContext } from '@platform/core';
import { Person, PersonReference, personById } from '@platform/directory';
import { CasePermission } from './cases.permissions';
import { PenaltyCase } from './penalty-case.entity';
import { PenaltyCaseReference, penaltyCaseById } from './case.loaders';
import { EnforcementDiscretionBand, EnforcementDiscretionBands } from '../items/public';
import { LawArticle, LawArticleReference } from '../laws/public';
import { PenaltyLine, PenaltyPayment } from './penalty-line.entity';
import { PenaltyWarningKind } from './penalty.enums';
import { PenaltyPermission } from './penalties.permissions';
import { CasePenaltyLines, CasePenaltyPayments, dualPenaltyOf, firstOffenceOf, personIdNumbers, personalReadable } from './penalty.loaders';
import { decisionSummary } from './penalty-checks';
import { loadCasePaymentState } from './penalty-state';
import { PenaltyLineService } from './penalty-line.service';
import { PenaltyPaymentService } from './penalty-payment.service';
import { AddPenaltyLineInput, RecordPenaltyPaymentInput, RemovePenaltyLineInput, UpdatePenaltyLineInput } from './penalty.inputs';
import { CasePaymentState, PenaltyDecisionSummary, PenaltyFirstOffence, PenaltyWarning } from './penalty.types';

export const PenaltyLineConnection = Connection(PenaltyLine, '处罚明细');
export const PenaltyPaymentConnection = Connection(PenaltyPayment, '罚款缴纳');
const input = { description: '输入。The fields of the request.' };

/** Discretion bands by id (a line's band), within the caller's read scope of items. */
const BandReference = defineReference(EnforcementDiscretionBands, 'enforcement.penaltyLine.band');

/**
 * A line's personal value, unmasked only for a caller holding enforcement.case:read-personal in the
 * line's scope (else null); each unmasked value is recorded for the audit log (kernel.sensitive.read).
 */
async function personal<V>(ctx: RequestContext, line: PenaltyLine, field: string, value: V | null): Promise<V | null> {
  if (value === null || !can(ctx.principal, PenaltyPermission.ReadPersonal) || !(await personalReadable(ctx).load(line.id))) return null;
  ctx.sensitiveReads.push({ entityType: 'PenaltyLine', entityId: line.id, field });
  return value;
}

@Resolver(() => PenaltyLine)
export class PenaltyLineResolver {
  private readonly lines = new PenaltyLineService();
  private readonly payments = new PenaltyPaymentService();

  @FieldResolver(() => DecimalScalar, { nullable: true, description: '上一年年收入（元）。The person\'s income of last year the amount was computed from; null for a band in yuan, and masked (null) unless you hold enforcement.case:read-personal (each read is audited).' })
  @ReadsColumns('id', 'incomeYuan')
  incomeYuan(@Ctx() ctx: RequestContext, @Root() l: PenaltyLine): Promise<string | null> {
    return personal(ctx, l, 'incomeYuan', l.incomeYuan);
  }

  @FieldResolver(() => String, { nullable: true, description: '年收入证明。The evidence of that income (a document or attachment reference); masked (null) unless you hold enforcement.case:read-personal (each read is audited).' })
  @ReadsColumns('id', 'incomeEvidence')
  incomeEvidence(@Ctx() ctx: RequestContext, @Root() l: PenaltyLine): Promise<string | null> {
    return personal(ctx, l, 'incomeEvidence', l.incomeEvidence);
  }

  @FieldResolver(() => String, { nullable: true, description: '身份证号码。The fined person\'s resident ID number; null for the unit, and masked (null) unless you hold enforcement.case:read-personal (each read is audited).' })
  @ReadsColumns('id', 'personId')
  async personIdNumber(@Ctx() ctx: RequestContext, @Root() l: PenaltyLine): Promise<string | null> {
    if (!l.personId || !can(ctx.principal, PenaltyPermission.ReadPersonal) || !(await personalReadable(ctx).load(l.id))) return null;
    return personal(ctx, l, 'personIdNumber', await personIdNumbers(ctx).load(l.personId));
  }

  @FieldResolver(() => Person, { nullable: true, description: '责任人员。The fined person; null for the unit or when you may not read persons there.' })
  @ReadsColumns('personId')
  @ReadsRelation(PersonReference, 'personId')
  person(@Ctx() ctx: RequestContext, @Root() l: PenaltyLine): Promise<Person | null> {
    return l.personId ? personById(ctx).load(l.personId) : Promise.resolve(null);
  }

  @FieldResolver(() => EnforcementDiscretionBand, { nullable: true, description: '裁量基准。The discretion band the amount follows; null when you may not read enforcement items.' })
  @ReadsColumns('bandId')
  @ReadsRelation(BandReference, 'bandId')
  band(@Ctx() ctx: RequestContext, @Root() l: PenaltyLine): Promise<EnforcementDiscretionBand | null> {
    return BandReference.byId(ctx).load(l.bandId);
  }

  @FieldResolver(() => PenaltyCase, { nullable: true, description: '案件。The case the line belongs to; null only when you may not read it (a line is in your scope when its case is).' })
  @ReadsColumns('caseId')
  @ReadsRelation(PenaltyCaseReference, 'caseId')
  case(@Ctx() ctx: RequestContext, @Root() l: PenaltyLine): Promise<PenaltyCase | null> {
    return penaltyCaseById(ctx).load(l.caseId);
  }

  @FieldResolver(() => [LawArticle], { description: '适用条款。The articles applied, those you may read in the law catalog (in the order given).' })
  @ReadsColumns('lawArticleIds')
  async lawArticles(@Ctx() ctx: RequestContext, @Root() l: PenaltyLine): Promise<LawArticle[]> {
    const found = await LawArticleReference.byId(ctx).loadMany(l.lawArticleIds);
    return found.filter((a): a is LawArticle => a !== null && !(a instanceof Error));
  }

  @Mutation(() => PenaltyLine, { description: '新增处罚明细。Adds a penalty line to a case before its decision (一案双罚): the unit once or each responsible person once, under a band of the case\'s item, the amount within the band or computed from last year\'s income; refuses a second fine for the same party and act (一事不再罚).' })
  @RequirePermission(CasePermission.Manage)
  addPenaltyLine(@Ctx() ctx: RequestContext, @Arg('input', () => AddPenaltyLineInput, input) data: AddPenaltyLineInput): Promise<PenaltyLine> {
    return this.lines.add(ctx, data);
  }

  @Mutation(() => PenaltyLine, { description: '修改处罚明细。Changes a penalty line before the case\'s decision (band, articles, amount or income figures, role, reason), checked again.' })
  @RequirePermission(CasePermission.Manage)
  updatePenaltyLine(@Ctx() ctx: RequestContext, @Arg('input', () => UpdatePenaltyLineInput, input) data: UpdatePenaltyLineInput): Promise<PenaltyLine> {
    return this.lines.update(ctx, data);
  }

  @Mutation(() => PenaltyLine, { description: '删除处罚明细。Removes a penalty line before the case\'s decision; answers the line as it was.' })
  @RequirePermission(CasePermission.Manage)
  removePenaltyLine(@Ctx() ctx: RequestContext, @Arg('input', () => RemovePenaltyLineInput, input) data: RemovePenaltyLineInput): Promise<PenaltyLine> {
    return this.lines.remove(ctx, data);
  }

  @Mutation(() => PenaltyPayment, { description: '登记缴款。Records a payment of a served case\'s fine and late-payment surcharge, with its receipt number; refused beyond what is owed on the day.' })
  @RequirePermission(CasePermission.Manage)
  recordPenaltyPayment(@Ctx() ctx: RequestContext, @Arg('input', () => RecordPenaltyPaymentInput, input) data: RecordPenaltyPaymentInput): Promise<PenaltyPayment> {
    return this.payments.record(ctx, data);
  }
}

@Resolver(() => PenaltyPayment)
export class PenaltyPaymentResolver {
  @FieldResolver(() => PenaltyCase, { nullable: true, description: '案件。The case paid for; null only when you may not read it (a payment is in your scope when its case is).' })
  @ReadsColumns('caseId')
  @ReadsRelation(PenaltyCaseReference, 'caseId')
  case(@Ctx() ctx: RequestContext, @Root() p: PenaltyPayment): Promise<PenaltyCase | null> {
    return penaltyCaseById(ctx).load(p.caseId);
  }
}

@Resolver(() => PenaltyFirstOffence)
export class PenaltyFirstOffenceResolver {
  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '规则版本。The version of enforcement.first-offence used; null when none applies or when you may not read business rules.' })
  ruleVersion(@Ctx() ctx: RequestContext, @Root() f: PenaltyFirstOffence): Promise<BusinessRuleVersion | null> {
    return f.ruleVersionId ? BusinessRuleVersionReference.byId(ctx).load(f.ruleVersionId) : Promise.resolve(null);
  }
}

@Resolver(() => PenaltyDecisionSummary)
export class PenaltyDecisionSummaryResolver {
  @FieldResolver(() => BusinessRuleVersion, { nullable: true, description: '听证标准规则版本。The version of enforcement.hearing-threshold used; null when none applies or when you may not read business rules.' })
  hearingThresholdRuleVersion(@Ctx() ctx: RequestContext, @Root() s: PenaltyDecisionSummary): Promise<BusinessRuleVersion | null> {
    return s.hearingThresholdRuleVersionId ? BusinessRuleVersionReference.byId(ctx).load(s.hearingThresholdRuleVersionId) : Promise.resolve(null);
  }
}

/** The penalties part's fields on a case: its lines, payments, 一案双罚 warnings, 首违不罚 check, decision summary and payment state. */
@Resolver(() => PenaltyCase)
export class PenaltyCasePenaltiesResolver {
  @FieldResolver(() => PenaltyLineConnection, { description: '处罚明细。The case\'s penalty lines (一案双罚: the unit and each responsible person), in their order.' })
  @ReadsColumns('id')
  @ReadsRelation(CasePenaltyLines)
  penaltyLines(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PenaltyLine>> {
    return CasePenaltyLines.load(ctx, c.id, page, info);
  }

  @FieldResolver(() => PenaltyPaymentConnection, { description: '缴款记录。The payments recorded for the case, in the order paid.' })
  @ReadsColumns('id')
  @ReadsRelation(CasePenaltyPayments)
  penaltyPayments(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase, @Args(() => PageArgs) page: PageArgs, @Info() info: GraphQLResolveInfo): Promise<ConnectionResult<PenaltyPayment>> {
    return CasePenaltyPayments.load(ctx, c.id, page, info);
  }

  @FieldResolver(() => [PenaltyWarning], { description: '处罚预警。PERSON_LINE_MISSING when a unit line exists, the item provides a person band and no person line is recorded (一案双罚); warnings, not refusals.' })
  @ReadsColumns('id')
  async penaltyWarnings(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<PenaltyWarning[]> {
    const row = await dualPenaltyOf(ctx).load(c.id);
    if (!row || !row.unitLines || row.personLines || !row.itemHasPersonBand) return [];
    return [Object.assign(new PenaltyWarning(), { kind: PenaltyWarningKind.PERSON_LINE_MISSING, message: '已对单位处罚，该执法事项另设对责任人员的处罚，尚未录入个人处罚明细（一案双罚）' })];
  }

  @FieldResolver(() => PenaltyFirstOffence, { nullable: true, description: '首违核查。Whether the case is the party\'s first offence of its item (行政处罚法 第三十三条), to justify a NO_PENALTY_MINOR decision; null when out of scope.' })
  @ReadsColumns('id')
  async firstOffence(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<PenaltyFirstOffence | null> {
    const row = await firstOffenceOf(ctx).load(c.id);
    if (!row) return null;
    return Object.assign(new PenaltyFirstOffence(), { ...row, firstOffence: row.since !== null && row.priorCaseCode === null && row.priorOnTheSpotNumber === null });
  }

  @FieldResolver(() => PenaltyDecisionSummary, { description: '处罚决定核查。What the penalty lines come to before the decision: counts, total, hearing required (较大数额罚款) and the problems that refuse a PENALTY decision.' })
  @ReadsColumns('id', 'enforcementItemId', 'accidentInvestigationId', 'filedOn', 'actEndedOn')
  penaltySummary(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase): Promise<PenaltyDecisionSummary> {
    return decisionSummary(ctx, c);
  }

  @FieldResolver(() => CasePaymentState, { nullable: true, description: '缴款情况。The fine, the late-payment surcharge accrued (3 % a day of the unpaid fine from the day after the due day, capped at the fine), the payments and whether it is settled, as of a day; null when out of scope.' })
  @ReadsColumns('id')
  async paymentState(@Ctx() ctx: RequestContext, @Root() c: PenaltyCase, @Arg('asOf', () => LocalDateScalar, ON_DAY_ARGUMENT) asOf?: string): Promise<CasePaymentState | null> {
    return loadCasePaymentState(ctx, c.id, asOf ?? ctx.clock.today());
  }
}
