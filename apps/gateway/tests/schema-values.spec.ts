import { getNamedType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLInputType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';

const named = (type: GraphQLInputType | GraphQLOutputType): string => getNamedType(type).name;
import { buildGatewaySchema, selectModules } from '@platform/server';
import { AVAILABLE_MODULES } from '../src/available-modules';

/** Every field, argument and input field of the schema: its coordinate, its named type and its description. */
function coordinates(schema: GraphQLSchema): Array<{ at: string; name: string; type: string; description: string }> {
  const out: Array<{ at: string; name: string; type: string; description: string }> = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      out.push({ at: `${type.name}.${field.name}`, name: field.name, type: named(field.type), description: field.description ?? '' });
      for (const arg of 'args' in field ? field.args : []) out.push({ at: `${type.name}.${field.name}(${arg.name}:)`, name: arg.name, type: named(arg.type), description: arg.description ?? '' });
    }
  }
  return out;
}

/**
 * Schema 2 (issue 16): values have the scalar of what they are, in every module, also in one added
 * later. A day described as YYYY-MM-DD is a LocalDate, a clock time HH:MM a LocalTime, an amount in
 * yuan a Decimal, a geometry one of the GeoJSON scalars.
 */
describe('values have the scalar of what they are', () => {
  let all: ReturnType<typeof coordinates>;
  beforeAll(async () => {
    all = coordinates(await buildGatewaySchema(selectModules(AVAILABLE_MODULES, 'all')));
  });

  it('types days LocalDate and clock times LocalTime', () => {
    const days = all.filter((c) => /YYYY-MM-DD/.test(c.description));
    expect(days.length).toBeGreaterThan(100);
    expect(days.filter((c) => c.type !== 'LocalDate').map((c) => c.at)).toEqual([]);
    expect(all.filter((c) => /\bHH:MM\b/.test(c.description) && c.type !== 'LocalTime').map((c) => c.at)).toEqual([]);
  });

  it('types money Decimal, never Float', () => {
    const money = all.filter((c) => /Yuan$|^funds$/.test(c.name) || /（元）/.test(c.description));
    expect(money.length).toBeGreaterThanOrEqual(17);
    expect(money.filter((c) => c.type !== 'Decimal').map((c) => c.at)).toEqual([]);
  });

  it('types geometries with the GeoJSON scalars, not JSONObject', () => {
    expect(all.filter((c) => c.type === 'JSONObject' && /GeoJSON|Polygon|Point/.test(c.description)).map((c) => c.at)).toEqual([]);
    expect(all.filter((c) => c.type.startsWith('GeoJSON')).map((c) => `${c.at}: ${c.type}`).sort()).toEqual([
      'CreateLinearFeatureSectionInput.geometry: GeoJSONLineString',
      'GeoPoint.geoJson: GeoJSONPoint',
      'IssueWarningInput.areaPolygon: GeoJSONPolygonOrMultiPolygon',
      'LinearFeatureSection.geometry: GeoJSONLineString',
      'UpdateLinearFeatureSectionInput.geometry: GeoJSONLineString',
      'UpdateWarningInput.areaPolygon: GeoJSONPolygonOrMultiPolygon',
      'Warning.areaPolygon: GeoJSONPolygonOrMultiPolygon',
    ]);
  });

  it('types the kind of a principal PrincipalKind and a step of a workflow its enum, not String', () => {
    expect(all.filter((c) => /Kind$/.test(c.name) && /user|USER/.test(c.description) && c.type !== 'PrincipalKind').map((c) => c.at)).toEqual([]);
    const steps = Object.fromEntries(all.filter((c) => ['HazardEvent.action', 'HazardChange.action', 'ReliefCaseStep.action'].includes(c.at)).map((c) => [c.at, c.type]));
    expect(steps).toEqual({ 'HazardEvent.action': 'HazardAction', 'HazardChange.action': 'HazardAction', 'ReliefCaseStep.action': 'ReliefAction' });
  });
});
