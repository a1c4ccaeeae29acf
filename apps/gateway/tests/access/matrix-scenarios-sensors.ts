import { NIL, type MatrixRows, type Who } from './matrix-roles';

/** scenarios.sensor:read: the office, departments, villages (their subtree), enterprises (their own), inspectors and read-only integrations. */
const SENSOR_READERS: Who[] = ['admin', 'anban', 'jingfa', 'wenfeng', 'sinopec-nanping', 'zhifa', 'integration'];
/** scenarios.sensor:manage: the office, villages and enterprises (their own devices). */
const SENSOR_MANAGERS: Who[] = ['admin', 'anban', 'wenfeng', 'sinopec-nanping'];
/** scenarios.observation:ingest: the office and sensor-feed API clients (no demo account holds sensor-feed). */
const INGESTERS: Who[] = ['admin', 'anban'];

/** Scenarios module, sensors part (态势感知): every operation with who may call it (the writes name a missing record or refuse their input, so an allowed caller writes nothing). */
export const SCENARIOS_SENSORS_ROWS: MatrixRows = {
  'Query.sensorThing': { op: `{ sensorThing(id: "${NIL}") { id } }`, allowed: SENSOR_READERS },
  'Query.sensorThings': { op: `{ sensorThings(first: 1) { totalCount } }`, allowed: SENSOR_READERS },
  'Query.datastream': { op: `{ datastream(id: "${NIL}") { id } }`, allowed: SENSOR_READERS },
  'Query.datastreams': { op: `{ datastreams(first: 1) { totalCount } }`, allowed: SENSOR_READERS },
  'Query.observations': { op: `{ observations(first: 1, filter: { datastreamIds: ["${NIL}"] }) { totalCount } }`, allowed: SENSOR_READERS },
  'Mutation.registerSensorThing': { op: `mutation { registerSensorThing(input: { organizationId: "${NIL}", name: "矩阵测试设备", kind: RAIN_GAUGE }) { id } }`, allowed: SENSOR_MANAGERS },
  'Mutation.updateSensorThing': { op: `mutation { updateSensorThing(input: { id: "${NIL}", version: 1, name: "矩阵测试" }) { id } }`, allowed: SENSOR_MANAGERS },
  'Mutation.retireSensorThing': { op: `mutation { retireSensorThing(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: SENSOR_MANAGERS },
  'Mutation.registerDatastream': {
    op: `mutation { registerDatastream(input: { thingId: "${NIL}", observedProperty: precipitation, name: "矩阵测试", unitName: "millimetre", unitSymbol: "mm", unitDefinition: "http://unitsofmeasure.org/ucum.html", samplingIntervalSeconds: 300 }) { id } }`,
    allowed: SENSOR_MANAGERS,
  },
  'Mutation.updateDatastream': { op: `mutation { updateDatastream(input: { id: "${NIL}", version: 1, name: "矩阵测试" }) { id } }`, allowed: SENSOR_MANAGERS },
  'Mutation.retireDatastream': { op: `mutation { retireDatastream(input: { id: "${NIL}", version: 1, reason: "矩阵测试" }) { id } }`, allowed: SENSOR_MANAGERS },
  'Mutation.ingestObservations': {
    op: `mutation { ingestObservations(input: { batchKey: "matrix", datastreams: [{ datastreamId: "${NIL}", components: ["phenomenonTime"], dataArray: [] }] }) { accepted } }`,
    allowed: INGESTERS,
  },
};
