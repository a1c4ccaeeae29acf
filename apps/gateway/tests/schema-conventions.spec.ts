import { GraphQLInputObjectType, GraphQLList, GraphQLNonNull, getNamedType, isInputObjectType, type GraphQLArgument, type GraphQLSchema } from 'graphql';
import { buildGatewaySchema, selectModules } from '@platform/server';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * The one convention of every root list (issue 16), checked over the whole schema so that a list a
 * module adds later follows it too: `first/after` and `last/before`; what narrows the list inside one
 * `filter` input (no filter-like top-level arguments); `orderBy: [XOrder!]`; and, for lists of
 * stored records, the change feed's `filter.updatedSince`.
 */

/** Arguments that say which list, not how to narrow it: the subject of a computed list. */
const PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  effectivePermissions: ['principalId', 'principalKind'],
  drillCompliance: ['year'],
  indicatorValues: ['organizationId', 'from', 'to', 'breakdown'],
  keyTasksBehindSchedule: ['year'],
  quarterlyRanking: ['year', 'quarter', 'group', 'components'],
  problemRepeatFigures: ['from', 'to'],
  dutyListDiff: ['baseListId', 'listId'],
  dutyItemsWithoutAction: ['personId', 'from', 'to'],
  fireFourOnesGaps: ['year'],
  // The matter and the day the applicable articles are asked for (the law catalog's question, not a narrowing of a list).
  applicableLawArticles: ['topic', 'on'],
  publicityCoverage: ['year'],
  // The words searched for (a search, not a narrowing of a stored list).
  knowledgeSearch: ['query'],
};

/** Lists computed from records rather than stored ones: no change feed (their inputs' feeds carry the changes). */
const COMPUTED = new Set(['effectivePermissions', 'drillCompliance', 'supplyStockGaps', 'teamStaffingShortfalls', 'permissions', 'reliefPaymentCheck', 'villagesWithoutDisasterOfficer', 'webhookEventTypes', 'businessRules', 'indicators', 'indicatorValues', 'keyTasksBehindSchedule', 'villageCapacities', 'quarterlyRanking', 'problemRepeatFigures', 'dutyListDiff', 'dutyItemsWithoutAction', 'supervisionGaps', 'fireFourOnesGaps', 'enterprisesWithoutInternalRewardMechanism', 'liabilityInsuranceCoverage', 'publicityCoverage', 'villagesWithoutReadyFallback', 'knowledgeSearch', 'knowledgeZeroResultQueries', 'dutyLedgers', 'closedLoop', 'enterpriseRedList']);

const PAGING = ['first', 'after', 'last', 'before'];

function rootLists(schema: GraphQLSchema) {
  return Object.values(schema.getQueryType()!.getFields()).filter((f) => getNamedType(f.type).name.endsWith('Connection'));
}

/** `[XOrder!]`, X's order input. */
function isOrderList(arg: GraphQLArgument | undefined): boolean {
  if (!arg) return false;
  const list = arg.type instanceof GraphQLNonNull ? arg.type.ofType : arg.type;
  return list instanceof GraphQLList && list.ofType instanceof GraphQLNonNull && list.ofType.ofType instanceof GraphQLInputObjectType && list.ofType.ofType.name.endsWith('Order');
}

describe('every root list follows the one convention', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema(selectModules(AVAILABLE_MODULES, 'all'));
  });

  it('pages both ways, filters in `filter`, sorts in `orderBy: [XOrder!]`, and feeds changes since `filter.updatedSince`', () => {
    const problems: string[] = [];
    for (const list of rootLists(schema)) {
      const args = new Map(list.args.map((a) => [a.name, a]));
      for (const name of PAGING) if (!args.has(name)) problems.push(`${list.name}: no ${name}`);
      const filter = args.get('filter');
      if (!filter || !isInputObjectType(getNamedType(filter.type))) problems.push(`${list.name}: no filter input`);
      if (!isOrderList(args.get('orderBy'))) problems.push(`${list.name}: no orderBy: [XOrder!]`);
      const allowed = new Set([...PAGING, 'filter', 'orderBy', ...(PARAMETERS[list.name] ?? [])]);
      for (const name of args.keys()) if (!allowed.has(name)) problems.push(`${list.name}: top-level argument ${name} (put it into filter)`);
      if (filter && !COMPUTED.has(list.name)) {
        const fields = (getNamedType(filter.type) as GraphQLInputObjectType).getFields();
        if (getNamedType(fields['updatedSince']?.type ?? schema.getQueryType()!)?.name !== 'DateTime') problems.push(`${list.name}: no filter.updatedSince: DateTime`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('knows every list it exempts (no stale names)', () => {
    const names = new Set(rootLists(schema).map((f) => f.name));
    expect([...COMPUTED, ...Object.keys(PARAMETERS)].filter((n) => !names.has(n))).toEqual([]);
  });
});
