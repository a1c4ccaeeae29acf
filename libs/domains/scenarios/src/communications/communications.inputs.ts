import { ArgsType, Field, InputType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsUUID, Length } from 'class-validator';
import { DateTimeScalar, FilterField, ListFilter, LocalDateScalar, OrderByField, PageArgs, UUIDScalar, UnlessOmitted, Versioned, type OrderInput } from '@platform/core';
import { BlackoutDrillResult, TerminalKind, TerminalStatus, TerminalTestResult } from './communications.enums';
import { BlackoutDrillOrder, CommunicationTerminalOrder, VillageFallbackOrder } from './communications.orders';

@InputType({ description: '终端筛选。Filters for emergency communication terminals; all given filters must match.' })
export class CommunicationTerminalFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '村（社区）。Only the terminals of this village or community.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => [TerminalKind], { nullable: true, description: '终端类型。Only terminals of these kinds.' })
  @IsOptional()
  @ArrayMaxSize(4)
  @IsEnum(TerminalKind, { each: true })
  kinds?: TerminalKind[];

  @Field(() => [TerminalStatus], { nullable: true, description: '状态。Only terminals in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(TerminalStatus, { each: true })
  statuses?: TerminalStatus[];

  @Field(() => Boolean, { nullable: true, description: '就绪。Only the terminals ready today (true) or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  ready?: boolean;
}

@ArgsType()
export class CommunicationTerminalListArgs extends PageArgs {
  @FilterField(() => CommunicationTerminalFilter, '筛选条件。Which terminals to list.')
  filter?: CommunicationTerminalFilter;

  @OrderByField(CommunicationTerminalOrder, 'by identifier')
  orderBy?: OrderInput<keyof typeof CommunicationTerminalOrder.Field>[];
}

@InputType({ description: '保底通信筛选。Filters for the villages without a ready fallback terminal.' })
export class VillageFallbackFilter {
  @Field(() => Boolean, { nullable: true, description: '有终端。Only the villages that have terminals, none ready (true), or only those with no terminal at all (false).' })
  @IsOptional()
  @IsBoolean()
  hasTerminals?: boolean;
}

@ArgsType()
export class VillageFallbackArgs extends PageArgs {
  @FilterField(() => VillageFallbackFilter, '筛选条件。Which villages to list.')
  filter?: VillageFallbackFilter;

  @OrderByField(VillageFallbackOrder, 'by name')
  orderBy?: OrderInput<keyof typeof VillageFallbackOrder.Field>[];
}

@InputType({ description: '登记应急通信终端。A fallback terminal of a village or community in your scope.' })
export class RegisterCommunicationTerminalInput {
  @Field(() => UUIDScalar, { description: '村（社区）标识。The village or community keeping it (in your scope).' })
  @IsUUID()
  organizationId: string;

  @Field(() => TerminalKind, { description: '终端类型。Its kind.' })
  @IsEnum(TerminalKind)
  kind: TerminalKind;

  @Field({ description: '终端号码或编号。Its number or serial (2–40 characters, unique).' })
  @Length(2, 40)
  identifier: string;

  @Field(() => String, { nullable: true, description: '型号。The model (1–60 characters).' })
  @IsOptional()
  @Length(1, 60)
  model?: string;

  @Field(() => UUIDScalar, { nullable: true, description: '保管人标识。The person keeping it (a person you may read).' })
  @IsOptional()
  @IsUUID()
  holderPersonId?: string;

  @Field(() => String, { nullable: true, description: '备注。A note (1–500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '更新应急通信终端详情。The fields to change; omitted ones stay.' })
export class CommunicationTerminalChanges {
  @Field(() => String, { nullable: true, description: '终端号码或编号。2–40 characters, unique.' })
  @UnlessOmitted()
  @Length(2, 40)
  identifier?: string;

  @Field(() => String, { nullable: true, description: '型号。1–60 characters; null clears it.' })
  @IsOptional()
  @Length(1, 60)
  model?: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '保管人标识。A person you may read; null clears it.' })
  @IsOptional()
  @IsUUID()
  holderPersonId?: string | null;

  @Field(() => TerminalStatus, { nullable: true, description: '状态。In service, under repair or retired.' })
  @UnlessOmitted()
  @IsEnum(TerminalStatus)
  status?: TerminalStatus;

  @Field(() => String, { nullable: true, description: '备注。1–500 characters; null clears it.' })
  @IsOptional()
  @Length(1, 500)
  note?: string | null;
}

@InputType({ description: '更新应急通信终端。Changes a terminal; needs the version you read.' })
export class UpdateCommunicationTerminalInput extends Versioned(CommunicationTerminalChanges) {}

@InputType({ description: '登记终端测试。A test of a terminal in your scope; the latest test updates the terminal\'s last test.' })
export class RecordTerminalTestInput {
  @Field(() => UUIDScalar, { description: '终端标识。The terminal tested.' })
  @IsUUID()
  terminalId: string;

  @Field(() => DateTimeScalar, { nullable: true, description: '测试时间。When it was tested (default now; not in the future).' })
  @IsOptional()
  testedAt?: Date;

  @Field(() => TerminalTestResult, { description: '结果。OK or FAILED.' })
  @IsEnum(TerminalTestResult)
  result: TerminalTestResult;

  @Field(() => UUIDScalar, { nullable: true, description: '测试人标识。The person who tested it (a person you may read).' })
  @IsOptional()
  @IsUUID()
  testerPersonId?: string;

  @Field(() => String, { nullable: true, description: '说明。What was tested; required for FAILED (what failed; 1–500 characters).' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

@InputType({ description: '登记“三断”演练。A drill of a village in your scope under power, network and road cuts.' })
export class RecordBlackoutDrillInput {
  @Field(() => UUIDScalar, { description: '村（社区）标识。The village or community drilled.' })
  @IsUUID()
  organizationId: string;

  @Field(() => LocalDateScalar, { description: '演练日期。The day (not in the future).' })
  heldOn: string;

  @Field({ description: '演练情景。The scenario (2–500 characters).' })
  @Length(2, 500)
  scenario: string;

  @Field({ description: '断电。Power cut in the scenario.' })
  @IsBoolean()
  powerCut: boolean;

  @Field({ description: '断网。Public networks cut.' })
  @IsBoolean()
  networkCut: boolean;

  @Field({ description: '断路。Roads cut (at least one of the three cuts).' })
  @IsBoolean()
  roadCut: boolean;

  @Field(() => [UUIDScalar], { description: '使用终端标识。The village\'s terminals used (at most 50).' })
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  terminalIds: string[];

  @Field(() => BlackoutDrillResult, { description: '演练结果。Passed, partly passed or failed.' })
  @IsEnum(BlackoutDrillResult)
  result: BlackoutDrillResult;

  @Field(() => String, { nullable: true, description: '发现问题。The problems found (2–2000 characters); required unless PASSED.' })
  @IsOptional()
  @Length(2, 2000)
  problems?: string;

  @Field(() => Boolean, { nullable: true, description: '上报隐患。Raise the problems as a DRILL hazard of the village through the risk module (default false).' })
  @IsOptional()
  @IsBoolean()
  raiseHazard?: boolean;
}

@InputType({ description: '三断演练筛选。Filters for 三断 drills.' })
export class BlackoutDrillFilter extends ListFilter {
  @Field(() => UUIDScalar, { nullable: true, description: '村（社区）。Only the drills of this village.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => [BlackoutDrillResult], { nullable: true, description: '结果。Only drills with these results.' })
  @IsOptional()
  @ArrayMaxSize(3)
  @IsEnum(BlackoutDrillResult, { each: true })
  results?: BlackoutDrillResult[];
}

@ArgsType()
export class BlackoutDrillListArgs extends PageArgs {
  @FilterField(() => BlackoutDrillFilter, '筛选条件。Which drills to list.')
  filter?: BlackoutDrillFilter;

  @OrderByField(BlackoutDrillOrder, 'latest first')
  orderBy?: OrderInput<keyof typeof BlackoutDrillOrder.Field>[];
}
