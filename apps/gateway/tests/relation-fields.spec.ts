import { getNamedType, isCompositeType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { applyPermissions, buildGatewaySchema, guardOf, selectModules, undescribed } from '@platform/server';
import { AVAILABLE_MODULES } from '../src/available-modules';

/**
 * The schema convention of issue 16, "ids and records side by side": every field of an object type
 * that holds the id of another record (`responsiblePersonId`, `organizationIds`, `actorId`…) has the
 * record itself next to it, as a field named after the relation without `Id` (`responsiblePerson`,
 * `organizations`, `actor`) or, for a person, without `PersonId` (`ownerPersonId` → `owner`), and for a global id without `NodeId` (`sourceNodeId` → `source`). Checked
 * over the whole schema, so that a reference a module adds later gets its record field too.
 */

/** Fields ending in `Id` that name no record of this API (an id of something else). */
const NOT_REFERENCES: Readonly<Record<string, string>> = {
  nodeId: 'the record\'s own global id',
  requestId: 'a request\'s x-request-id',
  chainId: 'groups the records of one warning (Warning.chain lists them)',
};

/**
 * References without their record yet, with the reason. Keep this short: a new entry needs a reason
 * a reviewer accepts, and the test below fails once an entry names a field that is gone.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  // Types added while this convention was applied, by changes still in progress: their owners add
  // `delivery: WebhookDelivery`, then drop this line.
  'WebhookAttempt.deliveryId': 'pending: webhooks change in progress',
};

/** The names the record field of reference field `name` may have, most specific first. */
function relationNames(name: string): string[] {
  const plural = name.endsWith('Ids');
  const base = name.slice(0, plural ? -3 : -2);
  // A global id (`sourceNodeId`) has its record as `source` (a Node).
  const names = [base, base.replace(/Person$/, ''), base.replace(/Node$/, '')].filter((n) => n.length > 0);
  return plural ? names.map((n) => `${n}s`) : names;
}

function referenceFields(schema: GraphQLSchema): Array<{ type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }> {
  const found: Array<{ type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || ['Query', 'Mutation', 'Subscription'].includes(type.name)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!/[a-z](Id|Ids)$/.test(field.name) || field.name in NOT_REFERENCES) continue;
      if (!['UUID', 'ID'].includes(getNamedType(field.type).name)) continue;
      found.push({ type, field });
    }
  }
  return found;
}

describe('ids and records side by side (issue 16)', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = applyPermissions(await buildGatewaySchema(selectModules(AVAILABLE_MODULES, 'all')));
  });

  /** The record fields next to the reference fields, as `Type.field`. */
  function relationCoordinates(): string[] {
    return referenceFields(schema).flatMap(({ type, field }) => {
      const fields = type.getFields();
      const relation = relationNames(field.name).map((n) => fields[n]).find((f) => f && isCompositeType(getNamedType(f.type)));
      return relation ? [`${type.name}.${relation.name}`] : [];
    });
  }

  it('gives every reference by id the record next to it', () => {
    const missing: string[] = [];
    for (const { type, field } of referenceFields(schema)) {
      const coordinate = `${type.name}.${field.name}`;
      if (coordinate in EXCEPTIONS) continue;
      const fields = type.getFields();
      const relation = relationNames(field.name).map((n) => fields[n]).find((f) => f && isCompositeType(getNamedType(f.type)));
      if (!relation) missing.push(`${coordinate} (expected ${relationNames(field.name).join(' or ')})`);
    }
    expect(missing).toEqual([]);
  });

  it('describes each record field and the Actor union in Chinese and English, saying when it is null', () => {
    const coordinates = relationCoordinates();
    expect(coordinates.length).toBeGreaterThan(80);
    const wanted = new Set([...coordinates, 'Actor']);
    expect(undescribed(schema).filter((c) => wanted.has(c))).toEqual([]);
    // A nullable record field says when it is null (the webhooks' own fields aside: that change is in progress).
    const silent = coordinates.filter((c) => {
      if (c.startsWith('Webhook')) return false;
      const [type, name] = c.split('.') as [string, string];
      const field = (schema.getType(type) as GraphQLObjectType).getFields()[name]!;
      return !String(field.type).endsWith('!') && !/\bnull\b/.test(field.description ?? '');
    });
    expect(silent).toEqual([]);
  });

  it('exempts only references that exist', () => {
    const coordinates = new Set(referenceFields(schema).map(({ type, field }) => `${type.name}.${field.name}`));
    expect(Object.keys(EXCEPTIONS).filter((c) => !coordinates.has(c))).toEqual([]);
  });

  it('types the actors as the union of a user and an API client, and the changed record as a Node', () => {
    const actor = schema.getType('Actor');
    expect(actor && 'getTypes' in actor ? actor.getTypes().map((t) => t.name).sort() : null).toEqual(['ApiClient', 'User']);
    const typeOf = (type: string, field: string) => String((schema.getType(type) as GraphQLObjectType).getFields()[field]?.type);
    expect([typeOf('AuditEntry', 'actor'), typeOf('HazardEvent', 'actor'), typeOf('ReliefCaseStep', 'actor'), typeOf('ReliefPayment', 'recordedBy'), typeOf('RoleAssignment', 'principal')]).toEqual([
      'Actor',
      'Actor',
      'Actor',
      'Actor',
      'Actor',
    ]);
    expect(typeOf('AuditEntry', 'entity')).toBe('Node');
    expect([typeOf('Hazard', 'responsiblePerson'), typeOf('RiskPoint', 'monitorPerson'), typeOf('ReliefCase', 'incident'), typeOf('Warning', 'sentByUser')]).toEqual(['Person', 'Person', 'Incident', 'User']);
  });

  it('guards each single-type relation with the read permission of the record\'s module', () => {
    const guard = (type: string, field: string) => guardOf((schema.getType(type) as GraphQLObjectType).getFields()[field]!)?.code;
    expect({
      'Hazard.responsiblePerson': guard('Hazard', 'responsiblePerson'),
      'RiskPoint.monitorPerson': guard('RiskPoint', 'monitorPerson'),
      'HazardEvent.hazard': guard('HazardEvent', 'hazard'),
      'ReliefCase.incident': guard('ReliefCase', 'incident'),
      'IncidentWarning.warning': guard('IncidentWarning', 'warning'),
      'Warning.sentByUser': guard('Warning', 'sentByUser'),
      'TeamEquipment.team': guard('TeamEquipment', 'team'),
      'EvacuationHousehold.household': guard('EvacuationHousehold', 'household'),
      // Several types: each member is read with its own type's permission and scope (null otherwise).
      'HazardEvent.actor': guard('HazardEvent', 'actor'),
      'AuditEntry.entity': guard('AuditEntry', 'entity'),
    }).toEqual({
      'Hazard.responsiblePerson': 'directory.person:read',
      'RiskPoint.monitorPerson': 'directory.person:read',
      'HazardEvent.hazard': 'risk.hazard:read',
      'ReliefCase.incident': 'rescue.incident:read',
      'IncidentWarning.warning': 'rescue.warning:read',
      'Warning.sentByUser': 'access.user:read',
      'TeamEquipment.team': 'rescue.command:read',
      'EvacuationHousehold.household': 'rescue.joint-defense:read',
      'HazardEvent.actor': undefined,
      'AuditEntry.entity': undefined,
    });
  });
});
