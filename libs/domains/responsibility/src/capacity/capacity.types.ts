import { ArgsType, Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { FilterField, Indicator, LocalDateScalar, OrderByField, PageArgs, SortDirection, UUIDScalar, Versioned, defineListOrder, type OrderInput } from '@platform/core';
import { VillageEmergencyCommitment } from './village-commitment.entity';

export enum VillageReadiness {
  READY = 'READY',
  PARTIAL = 'PARTIAL',
  NOT_READY = 'NOT_READY',
}
registerEnumType(VillageReadiness, {
  name: 'VillageReadiness',
  description: '村级应急能力等级。How ready a village is, by the rule responsibility.village-capacity in force.',
  valuesConfig: {
    READY: { description: '就绪。Every criterion of the rule is met.' },
    PARTIAL: { description: '部分就绪。Some criteria are not met, but responders are on call and a team is ready.' },
    NOT_READY: { description: '未就绪。No responder on call, or fewer ready teams than the rule asks.' },
  },
});

export enum CapacityShortfall {
  NO_COMMITMENT = 'NO_COMMITMENT',
  SLOW_ARRIVAL = 'SLOW_ARRIVAL',
  FEW_RESPONDERS = 'FEW_RESPONDERS',
  NO_READY_TEAM = 'NO_READY_TEAM',
  NO_RECENT_DRILL = 'NO_RECENT_DRILL',
}
registerEnumType(CapacityShortfall, {
  name: 'CapacityShortfall',
  description: '能力短板。A criterion of the capacity rule a village does not meet.',
  valuesConfig: {
    NO_COMMITMENT: { description: '未作到场承诺。No committed arrival time is recorded.' },
    SLOW_ARRIVAL: { description: '到场承诺过长。The committed arrival time exceeds the rule\'s maximum.' },
    FEW_RESPONDERS: { description: '响应人员不足。Fewer responders than the rule asks.' },
    NO_READY_TEAM: { description: '无战备队伍。Fewer READY rescue teams than the rule asks.' },
    NO_RECENT_DRILL: { description: '演练过久。No drill within the rule\'s number of days (or none at all).' },
  },
});

@ObjectType({ description: '村级应急能力。A village\'s emergency capacity as computed today from the rescue libraries and its commitment, against the capacity rule in force.' })
export class VillageCapacity {
  @Field(() => UUIDScalar, { description: '村（居）标识。The village or community.' })
  organizationId: string;

  @Field({ description: '村（居）名称。Its name.' })
  organizationName: string;

  @Field(() => Int, { description: '应急响应人员。Members of its serving rescue teams (over its whole area) who have not left: those who turn out when called (militia are called out; a rota shift is not required).' })
  respondersOnCall: number;

  @Field(() => Int, { description: '队伍数。Its serving rescue teams.' })
  teams: number;

  @Field(() => Int, { description: '战备队伍数。Of those, the teams READY.' })
  readyTeams: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '最近演练日期。The latest drill held in its area; null when none.' })
  latestDrillOn: string | null;

  @Field(() => Int, { nullable: true, description: '承诺到场分钟数。Its committed arrival minutes; null when none is recorded.' })
  arrivalMinutes: number | null;

  @Field(() => VillageEmergencyCommitment, { nullable: true, description: '应急承诺。Its commitment record; null when none.' })
  commitment: VillageEmergencyCommitment | null;

  @Field(() => VillageReadiness, { description: '能力等级。How ready it is.' })
  readiness: VillageReadiness;

  @Field(() => [CapacityShortfall], { description: '能力短板。The criteria it does not meet, in the rule\'s order.' })
  shortfalls: CapacityShortfall[];

  @Field(() => UUIDScalar, { description: '规则版本。The version of responsibility.village-capacity applied (in force today).' })
  ruleVersionId: string;

  /** For the commitment loader. */
  commitmentId: string | null;
}

/** `villageCapacities(orderBy:)`, over the computed list: by name by default. */
export const VillageCapacityOrder = defineListOrder<VillageCapacity, 'NAME' | 'READINESS' | 'RESPONDERS_ON_CALL' | 'LATEST_DRILL_ON'>(
  'VillageCapacity',
  '村级应急能力',
  {
    NAME: { value: (c) => c.organizationName, description: '名称。By village name.' },
    READINESS: { value: (c) => [VillageReadiness.NOT_READY, VillageReadiness.PARTIAL, VillageReadiness.READY].indexOf(c.readiness), description: '能力等级。NOT_READY, PARTIAL, READY.' },
    RESPONDERS_ON_CALL: { value: (c) => c.respondersOnCall, description: '应急响应人员。By responders.' },
    LATEST_DRILL_ON: { value: (c) => c.latestDrillOn, description: '最近演练日期。By latest drill (none last ascending).' },
  },
  [{ field: 'NAME', direction: SortDirection.ASC }],
  (c) => c.organizationId,
);

@InputType({ description: '村级应急能力筛选。Which villages.' })
export class VillageCapacityFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only villages at or below this organization.' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;

  @Field(() => [VillageReadiness], { nullable: true, description: '能力等级。Only these readiness levels.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(VillageReadiness, { each: true })
  readiness?: VillageReadiness[];
}

@ArgsType()
export class VillageCapacityArgs extends PageArgs {
  @FilterField(() => VillageCapacityFilter, '筛选条件。Which villages.')
  filter?: VillageCapacityFilter;

  @OrderByField(VillageCapacityOrder, 'by name')
  orderBy?: OrderInput<keyof typeof VillageCapacityOrder.Field>[];
}

@InputType({ description: '村级应急承诺详情。A village\'s commitment.' })
export class VillageCommitmentDetails {
  @Field(() => Int, { description: '承诺到场分钟数。Minutes within which responders reach a scene (1–240).' })
  @IsInt()
  @Min(1)
  @Max(240)
  arrivalMinutes: number;

  @Field(() => String, { nullable: true, description: '集结地点。Where responders assemble (1–100 characters).' })
  @IsOptional()
  @Length(1, 100)
  assemblyPoint?: string | null;

  @Field(() => String, { nullable: true, description: '说明。How the commitment is kept (1–500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string | null;
}

@InputType({ description: '记录村级应急承诺。A village\'s first commitment.' })
export class RecordVillageCommitmentInput extends VillageCommitmentDetails {
  @Field(() => UUIDScalar, { description: '村（居）标识。The village or community, within your scope; one commitment each.' })
  @IsUUID()
  organizationId: string;
}

@InputType({ description: '修改村级应急承诺。Changes a commitment; needs the version you read.' })
export class UpdateVillageCommitmentInput extends Versioned(VillageCommitmentDetails) {}

// --- quarterly ranking (季度晾晒) -----------------------------------------------------------

export enum RankingGroup {
  VILLAGES = 'VILLAGES',
  DEPARTMENTS = 'DEPARTMENTS',
}
registerEnumType(RankingGroup, {
  name: 'RankingGroup',
  description: '晾晒对象。Which organizations are ranked.',
  valuesConfig: {
    VILLAGES: { description: '村（居）。The villages and communities.' },
    DEPARTMENTS: { description: '部门。The town\'s departments.' },
  },
});

@InputType({ description: '晾晒指标。An indicator the ranking weighs, with its weight.' })
export class RankingComponentInput {
  @Field({ description: '指标代码。A registered indicator you may evaluate (see `indicators`).' })
  @Length(3, 100)
  indicatorCode: string;

  @Field(() => Int, { nullable: true, description: '权重。Its weight in the score (1–100, default 1).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  weight?: number;
}

@ObjectType({ description: '晾晒分项。One indicator of a ranked organization: its figure, weight and score.' })
export class RankingComponent {
  @Field(() => Indicator, { description: '指标。The indicator.' })
  indicator: Indicator;

  @Field(() => Int, { description: '权重。Its weight.' })
  weight: number;

  @Field(() => Float, { nullable: true, description: '值。The indicator\'s value for the organization in the quarter; null when nothing was due.' })
  value: number | null;

  @Field(() => Float, { description: '分子。What was counted.' })
  numerator: number;

  @Field(() => Float, { nullable: true, description: '分母。What it was counted against (RATE only).' })
  denominator: number | null;

  @Field(() => Float, { nullable: true, description: '得分。The component\'s score 0–100 (see `formula`); null when the value is.' })
  score: number | null;
}

@ObjectType({ description: '晾晒结果。A ranked organization: its place, score and each component.' })
export class RankingEntry {
  @Field(() => Int, { nullable: true, description: '名次。Its place by score (ties share a place; 1, 2, 2, 4); null without a score.' })
  rank: number | null;

  @Field(() => UUIDScalar, { description: '组织标识。The organization.' })
  organizationId: string;

  @Field({ description: '组织名称。Its name.' })
  organizationName: string;

  @Field(() => Float, { nullable: true, description: '总分。Σ weight × score ÷ Σ weight over the components with a score; null when none has.' })
  score: number | null;

  @Field(() => [RankingComponent], { description: '分项。Each indicator asked for, in the order asked.' })
  components: RankingComponent[];

  @Field({ description: '计算公式。How the score is computed, in words.' })
  formula: string;
}

/** `quarterlyRanking(orderBy:)`: by place by default. */
export const RankingOrder = defineListOrder<RankingEntry, 'RANK' | 'NAME'>(
  'RankingEntry',
  '晾晒结果',
  {
    RANK: { value: (e) => e.rank, description: '名次。By place (unranked last).' },
    NAME: { value: (e) => e.organizationName, description: '名称。By name.' },
  },
  [{ field: 'RANK', direction: SortDirection.ASC }],
  (e) => e.organizationId,
);

@InputType({ description: '晾晒范围。Which organizations of the group to rank.' })
export class RankingFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '所属子树。Only organizations at or below this one (e.g. the villages of one area).' })
  @IsOptional()
  @IsUUID()
  withinSubtreeOf?: string;
}

@ArgsType()
export class RankingArgs extends PageArgs {
  @Field(() => Int, { description: '年度。The year.' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => Int, { description: '季度。The quarter, 1–4.' })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter: number;

  @Field(() => RankingGroup, { description: '晾晒对象。Villages or departments.' })
  @IsEnum(RankingGroup)
  group: RankingGroup;

  @Field(() => [RankingComponentInput], { description: '晾晒指标。The indicators weighed (1–10, each once).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RankingComponentInput)
  components: RankingComponentInput[];

  @FilterField(() => RankingFilter, '筛选条件。Which organizations to rank.')
  filter?: RankingFilter;

  @OrderByField(RankingOrder, 'by place')
  orderBy?: OrderInput<keyof typeof RankingOrder.Field>[];
}
