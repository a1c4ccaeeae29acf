import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeScalar, LocalDateScalar, Node, ReadByColumnSelection, UUIDScalar } from '@platform/core';
import { BlackoutDrillResult, TerminalKind, TerminalStatus, TerminalTestResult } from './communications.enums';

/**
 * An emergency fallback communication terminal of a village or community (基层保底通信, 工信部联信管〔2024〕256号):
 * its kind, identifier, holder and status, with its last test copied from the test history.
 */
@ObjectType({ implements: Node, description: '应急通信保底终端。An emergency fallback communication terminal of a village or community (satellite phone, 北斗 short message, 370 MHz radio, ad-hoc network): identifier, holder, status and last test; ready when its last test was OK within the rule\'s days.' })
@ReadByColumnSelection()
@Entity('communication_terminal')
@Index('communication_terminal_organization_idx', ['organizationId', 'identifier', 'id'])
export class CommunicationTerminal extends BaseRecord {
  @Field(() => UUIDScalar, { description: '所属村（社区）标识。The village or community keeping it; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => TerminalKind, { description: '终端类型。Satellite phone, 北斗 short message, 370 MHz radio or ad-hoc network.' })
  @Column({ type: 'text' })
  kind: TerminalKind;

  @Field({ description: '终端号码或编号。The number or serial that identifies it (a 天通 number 1740…, a 北斗 card number, a radio ID); unique.' })
  @Column({ type: 'text' })
  identifier: string;

  @Field(() => String, { nullable: true, description: '型号。The model, e.g. 天通 T900; null when not recorded.' })
  @Column({ type: 'text', nullable: true })
  model: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '保管人标识。The person keeping it; null when nobody is named.' })
  @Column({ type: 'uuid', nullable: true })
  holderPersonId: string | null;

  @Field(() => TerminalStatus, { description: '状态。In service, under repair or retired.' })
  @Column({ type: 'text' })
  status: TerminalStatus;

  @Field(() => String, { nullable: true, description: '备注。A note, e.g. where it is kept.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: '最近测试时间。When its latest test took place; null when never tested.' })
  @Column({ type: 'timestamptz', nullable: true })
  lastTestedAt: Date | null;

  @Field(() => TerminalTestResult, { nullable: true, description: '最近测试结果。The result of its latest test; null when never tested.' })
  @Column({ type: 'text', nullable: true })
  lastTestResult: TerminalTestResult | null;
}

/** One test of a terminal (history): a later test updates the terminal's last test, an earlier one recorded late does not. */
@ObjectType({ implements: Node, description: '终端测试记录。One test of an emergency communication terminal: when, by whom, OK or FAILED with a note.' })
@ReadByColumnSelection()
@Entity('communication_terminal_test')
@Index('communication_terminal_test_terminal_idx', ['terminalId', 'testedAt', 'id'])
export class TerminalTest extends BaseRecord {
  @Field(() => UUIDScalar, { description: '终端标识。The terminal tested.' })
  @Column({ type: 'uuid' })
  terminalId: string;

  @Field(() => UUIDScalar, { description: '所属村（社区）标识。The terminal\'s village or community when tested; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => DateTimeScalar, { description: '测试时间。When the test took place.' })
  @Column({ type: 'timestamptz' })
  testedAt: Date;

  @Field(() => UUIDScalar, { nullable: true, description: '测试人标识。The person who tested it; null when not named.' })
  @Column({ type: 'uuid', nullable: true })
  testerPersonId: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '登记人标识。The user or API client who recorded it; null for seeded history.' })
  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @Field(() => TerminalTestResult, { description: '结果。OK or FAILED.' })
  @Column({ type: 'text' })
  result: TerminalTestResult;

  @Field(() => String, { nullable: true, description: '说明。What was tested and, for a failure, what failed.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** A 三断 drill (power, network and road cut) of a village: the terminals used, the result and the problems. */
@ObjectType({ implements: Node, description: '“三断”演练记录。A drill of a village under power, network and road cuts (断电、断网、断路): date, scenario, terminals used, result and problems found (optionally raised as a DRILL hazard).' })
@ReadByColumnSelection()
@Entity('blackout_drill')
@Index('blackout_drill_organization_idx', ['organizationId', 'heldOn', 'id'])
export class BlackoutDrill extends BaseRecord {
  @Field(() => UUIDScalar, { description: '所属村（社区）标识。The village or community drilled; scope is measured from it.' })
  @Column({ type: 'uuid' })
  organizationId: string;

  @Field(() => LocalDateScalar, { description: '演练日期。The day of the drill.' })
  @Column({ type: 'date' })
  heldOn: string;

  @Field({ description: '演练情景。The scenario, e.g. 暴雨致山体滑坡，供电、通信基站和进村道路中断.' })
  @Column({ type: 'text' })
  scenario: string;

  @Field({ description: '断电。Whether power was cut in the scenario.' })
  @Column({ type: 'boolean' })
  powerCut: boolean;

  @Field({ description: '断网。Whether the public networks were cut.' })
  @Column({ type: 'boolean' })
  networkCut: boolean;

  @Field({ description: '断路。Whether the roads were cut.' })
  @Column({ type: 'boolean' })
  roadCut: boolean;

  @Field(() => [UUIDScalar], { description: '使用终端标识。The terminals used in the drill.' })
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  terminalIds: string[];

  @Field(() => BlackoutDrillResult, { description: '演练结果。Passed, partly passed or failed.' })
  @Column({ type: 'text' })
  result: BlackoutDrillResult;

  @Field(() => String, { nullable: true, description: '发现问题。The problems found; required unless PASSED.' })
  @Column({ type: 'text', nullable: true })
  problems: string | null;

  @Field(() => UUIDScalar, { nullable: true, description: '隐患标识。The DRILL hazard raised for the problems through the risk module; null when none was.' })
  @Column({ type: 'uuid', nullable: true })
  hazardId: string | null;
}
