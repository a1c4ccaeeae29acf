import { randomUUID } from 'node:crypto';
import { NotFoundError, assertNotFuture, assertVersion, createRecord, globalIdOf, recordEvent, records, sql, transaction, unscoped, updateRecord, whereChanged, type ConnectionResult, type Patch, type RequestContext } from '@platform/core';
import { OrganizationKind, Organizations, Persons } from '@platform/directory';
import { HazardCategory, HazardSource, reportHazard } from '@domains/risk';
import { BlackoutDrill, CommunicationTerminal, TerminalTest } from './communication-terminal.entity';
import { BlackoutDrillResult } from './communications.enums';
import { BlackoutDrills, CommunicationTerminals } from './communications.entities';
import { BlackoutDrillOrder, CommunicationTerminalOrder, VillageFallbackOrder } from './communications.orders';
import { TerminalPermission } from './communications.permissions';
import { communicationsRules } from './communications.rules';
import { communicationsEvents } from './communications.events';
import { terminalReadySql, villagesWithoutFallbackPage } from './communications.sql';
import type { VillageFallback } from './communications.types';
import type {
  BlackoutDrillListArgs,
  CommunicationTerminalListArgs,
  RecordBlackoutDrillInput,
  RecordTerminalTestInput,
  RegisterCommunicationTerminalInput,
  UpdateCommunicationTerminalInput,
  VillageFallbackArgs,
} from './communications.inputs';

/** Properties the default keyset order reads (besides the id). */
export const TERMINAL_KEY_PROPERTIES = ['identifier'];
export const DRILL_KEY_PROPERTIES = ['heldOn'];

const UNIQUE_IDENTIFIER = 'a terminal identifier is unique in the town, whichever village keeps it';
const terminalPayload = (t: CommunicationTerminal) => ({ id: t.id, organizationId: t.organizationId, kind: t.kind, status: t.status });
const VILLAGE_KINDS: readonly string[] = [OrganizationKind.VILLAGE, OrganizationKind.COMMUNITY];

/** A village or community in the caller's manage scope. */
async function villageOf(tx: RequestContext, id: string, field: string): Promise<{ id: string; name: string }> {
  const org = await records(tx, Organizations, TerminalPermission.Manage).reference(id, field, { properties: ['id', 'kind', 'name'] });
  if (!VILLAGE_KINDS.includes(org.kind)) throw communicationsRules.field(field, 'organizationKind', `${org.name} is a ${org.kind}: fallback terminals and 三断 drills belong to a village or community.`);
  return org;
}

async function assertIdentifierFree(tx: RequestContext, identifier: string, except: string | null): Promise<void> {
  const taken = await unscoped(tx, CommunicationTerminals, UNIQUE_IDENTIFIER)
    .where(sql`t.identifier = ${identifier}`)
    .where(except ? sql`t.id <> ${except}` : sql`TRUE`)
    .count();
  if (taken) throw communicationsRules.field('input.identifier', 'unique', `a terminal numbered ${identifier} is registered already.`);
}

/** A person the caller may read (holder, tester). */
async function personOf(tx: RequestContext, id: string, field: string): Promise<string> {
  return (await records(tx, Persons).reference(id, field, { properties: ['id'] })).id;
}

/** Emergency fallback communication terminals, their tests, the villages without a ready one, and 三断 drills. */
export class CommunicationsService {
  terminalById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<CommunicationTerminal | null> {
    return records(ctx, CommunicationTerminals).one(id, properties);
  }

  terminals(ctx: RequestContext, args: CommunicationTerminalListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<CommunicationTerminal>> {
    const f = args.filter ?? {};
    const today = ctx.clock.today();
    let rows = records(ctx, CommunicationTerminals);
    if (f.organizationId) rows = rows.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.kinds?.length) rows = rows.where(sql`t.kind = ANY(${f.kinds})`);
    if (f.statuses?.length) rows = rows.where(sql`t.status = ANY(${f.statuses})`);
    if (f.ready != null) rows = rows.where(f.ready ? terminalReadySql('t', today) : sql`NOT ${terminalReadySql('t', today)}`);
    return whereChanged(rows, f).page({ keys: CommunicationTerminalOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  villagesWithoutReadyFallback(ctx: RequestContext, args: VillageFallbackArgs, withCount: boolean): Promise<ConnectionResult<VillageFallback>> {
    return villagesWithoutFallbackPage(ctx, ctx.clock.today(), args, withCount, VillageFallbackOrder.keys(args.orderBy), args.filter?.hasTerminals);
  }

  /** 登记终端: for a village or community in the caller's scope; the identifier new in the town. */
  register(ctx: RequestContext, input: RegisterCommunicationTerminalInput): Promise<CommunicationTerminal> {
    return transaction(ctx, async (tx) => {
      const village = await villageOf(tx, input.organizationId, 'input.organizationId');
      await assertIdentifierFree(tx, input.identifier, null);
      const holder = input.holderPersonId ? await personOf(tx, input.holderPersonId, 'input.holderPersonId') : null;
      return createRecord(
        tx,
        CommunicationTerminal,
        'CommunicationTerminal',
        { organizationId: village.id, kind: input.kind, identifier: input.identifier, model: input.model ?? null, holderPersonId: holder, status: 'IN_SERVICE' as CommunicationTerminal['status'], note: input.note ?? null },
        { action: 'scenarios.terminal.register', ...recordEvent(communicationsEvents['scenarios.terminal.registered'], terminalPayload) },
      );
    });
  }

  /** 更新终端: its identifier, model, holder, status or note; within the caller's manage scope. */
  update(ctx: RequestContext, input: UpdateCommunicationTerminalInput): Promise<CommunicationTerminal> {
    return transaction(ctx, async (tx) => {
      const current = await records(tx, CommunicationTerminals, TerminalPermission.Manage).lock(input.id);
      assertVersion('CommunicationTerminal', current, input.version);
      const patch: Patch<CommunicationTerminal> = {};
      if (input.identifier !== undefined && input.identifier !== current.identifier) {
        await assertIdentifierFree(tx, input.identifier, current.id);
        patch.identifier = input.identifier;
      }
      if (input.model !== undefined) patch.model = input.model;
      if (input.holderPersonId !== undefined) patch.holderPersonId = input.holderPersonId ? await personOf(tx, input.holderPersonId, 'input.holderPersonId') : null;
      if (input.status !== undefined) patch.status = input.status;
      if (input.note !== undefined) patch.note = input.note;
      return updateRecord(tx, CommunicationTerminal, 'CommunicationTerminal', current, input.version, patch, { action: 'scenarios.terminal.update', ...recordEvent(communicationsEvents['scenarios.terminal.updated'], terminalPayload) });
    });
  }

  /**
   * 登记测试: a test of a terminal in the caller's manage scope (not retired), not in the future; a
   * FAILED test names what failed. The terminal's last test follows the latest test by time: a test
   * recorded late for an earlier time joins the history only.
   */
  recordTest(ctx: RequestContext, input: RecordTerminalTestInput): Promise<TerminalTest> {
    const now = ctx.clock.now();
    const testedAt = input.testedAt ?? now;
    if (testedAt.getTime() > now.getTime()) throw communicationsRules.field('input.testedAt', 'notFuture', 'must not be in the future.');
    if (input.result === 'FAILED' && !input.note) throw communicationsRules.field('input.note', 'required', 'say what failed.');
    return transaction(ctx, async (tx) => {
      const terminal = await records(tx, CommunicationTerminals, TerminalPermission.Manage).reference(input.terminalId, 'input.terminalId', { properties: ['id', 'organizationId', 'status', 'version'] });
      if (terminal.status === 'RETIRED') throw communicationsRules.field('input.terminalId', 'state', 'the terminal is retired.');
      const tester = input.testerPersonId ? await personOf(tx, input.testerPersonId, 'input.testerPersonId') : null;
      const test = await createRecord(
        tx,
        TerminalTest,
        'TerminalTest',
        { terminalId: terminal.id, organizationId: terminal.organizationId, testedAt, testerPersonId: tester, recordedBy: tx.principal.id, result: input.result, note: input.note ?? null },
        { action: 'scenarios.terminal.test', ...recordEvent(communicationsEvents['scenarios.terminal.tested'], (t: TerminalTest) => ({ id: t.id, terminalId: t.terminalId, organizationId: t.organizationId, result: t.result, testedAt: new Date(t.testedAt).toISOString() })) },
      );
      const current = await records(tx, CommunicationTerminals, TerminalPermission.Manage).lock(terminal.id);
      if (!current.lastTestedAt || current.lastTestedAt.getTime() <= testedAt.getTime()) {
        await updateRecord(tx, CommunicationTerminal, 'CommunicationTerminal', current, current.version, { lastTestedAt: testedAt, lastTestResult: input.result }, { action: 'scenarios.terminal.last-test' });
      }
      return test;
    });
  }

  drillById(ctx: RequestContext, id: string, properties: readonly string[] | null = null): Promise<BlackoutDrill | null> {
    return records(ctx, BlackoutDrills).one(id, properties);
  }

  drills(ctx: RequestContext, args: BlackoutDrillListArgs, withCount: boolean, properties: readonly string[] | null = null): Promise<ConnectionResult<BlackoutDrill>> {
    const f = args.filter ?? {};
    let rows = records(ctx, BlackoutDrills);
    if (f.organizationId) rows = rows.where(sql`t.organization_id = ${f.organizationId}`);
    if (f.results?.length) rows = rows.where(sql`t.result = ANY(${f.results})`);
    return whereChanged(rows, f).page({ keys: BlackoutDrillOrder.keys(args.orderBy), page: args, withCount, properties });
  }

  /**
   * 登记三断演练: a village in the caller's manage scope, a day not in the future, at least one cut, the
   * terminals used the village's own, problems unless PASSED; with `raiseHazard` the problems become a
   * DRILL hazard of the village (risk's `reportHazard`, in the same transaction).
   */
  recordDrill(ctx: RequestContext, input: RecordBlackoutDrillInput): Promise<BlackoutDrill> {
    assertNotFuture(input.heldOn, 'input.heldOn', ctx.clock.today());
    if (!input.powerCut && !input.networkCut && !input.roadCut) throw communicationsRules.field('input.roadCut', 'required', 'a 三断 drill cuts power, networks or roads: at least one.');
    if (input.result !== BlackoutDrillResult.PASSED && !input.problems) throw communicationsRules.field('input.problems', 'required', 'say what went wrong in a drill that did not pass.');
    if (input.raiseHazard && !input.problems) throw communicationsRules.field('input.problems', 'required', 'a hazard is raised for the problems found: give them.');
    return transaction(ctx, async (tx) => {
      const village = await villageOf(tx, input.organizationId, 'input.organizationId');
      const terminalIds = [...new Set(input.terminalIds)];
      if (terminalIds.length) {
        const used = await records(tx, CommunicationTerminals).many(terminalIds, ['id', 'organizationId']);
        used.forEach((t, i) => {
          if (!t) throw new NotFoundError('CommunicationTerminal', terminalIds[i]!, `input.terminalIds.${i}`);
          if (t.organizationId !== village.id) throw communicationsRules.field(`input.terminalIds.${i}`, 'sameVillage', `the terminal is not ${village.name}'s.`);
        });
      }
      const id = randomUUID();
      let hazardId: string | null = null;
      if (input.raiseHazard && input.problems) {
        const hazard = await reportHazard(tx, {
          organizationId: village.id,
          title: `${village.name}“三断”演练发现问题`,
          description: input.problems,
          category: HazardCategory.OTHER,
          source: HazardSource.DRILL,
          originNodeId: globalIdOf(BlackoutDrills, id),
        });
        hazardId = hazard.id;
      }
      return createRecord(
        tx,
        BlackoutDrill,
        'BlackoutDrill',
        { id, organizationId: village.id, heldOn: input.heldOn, scenario: input.scenario, powerCut: input.powerCut, networkCut: input.networkCut, roadCut: input.roadCut, terminalIds, result: input.result, problems: input.problems ?? null, hazardId },
        { action: 'scenarios.blackout-drill.record', ...recordEvent(communicationsEvents['scenarios.blackout-drill.recorded'], (d: BlackoutDrill) => ({ id: d.id, organizationId: d.organizationId, heldOn: d.heldOn, result: d.result, hazardId: d.hazardId })) },
      );
    });
  }
}
