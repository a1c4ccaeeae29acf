import type { ModuleHttpResponse } from '@platform/core';
import { OBSERVATION_TYPE_URI, type ObservationType } from './sensor.enums';
import { OBSERVED_PROPERTIES } from './observed-properties';
import type { ObservedPropertyCode } from './sensor.enums';

/*
 * The SensorThings API 1.1 wire format (OGC 18-088): entities with `@iot.id` and `@iot.selfLink`,
 * collections as `{ "@iot.count"?, "value": [...], "@iot.nextLink"? }`, navigation links, and the
 * error object FROST-Server answers (`{ "code": 400, "type": "error", "message": … }`).
 */

export const STA_JSON = 'application/json; charset=utf-8';

/** A refusal of the view, answered in its own format. */
export class StaRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON answer. */
export function staAnswer(body: unknown, status = 200): ModuleHttpResponse {
  return { status, contentType: STA_JSON, body: JSON.stringify(body) };
}

/** An error in the view's format. */
export function staError(status: number, message: string): ModuleHttpResponse {
  return staAnswer({ code: status, type: 'error', message }, status);
}

/** A string id as STA writes it in a path: `Things('…')`. */
export const staKey = (id: string): string => `('${id}')`;

/** An observation's id: its datastream and phenomenon time in epoch ms (the observation's key). */
export const observationId = (datastreamId: string, phenomenonTime: Date): string => `${datastreamId}:${phenomenonTime.getTime()}`;

/** The rows the view reads, as the SQL answers them (snake case). */
export interface ThingRow {
  id: string;
  name: string;
  description: string;
  kind: string;
  status: string;
  organization_id: string;
  risk_point_id: string | null;
  longitude: number | null;
  latitude: number | null;
  properties: Record<string, unknown>;
}
export interface DatastreamRow {
  id: string;
  thing_id: string;
  name: string;
  description: string;
  observed_property: ObservedPropertyCode;
  unit_name: string;
  unit_symbol: string;
  unit_definition: string;
  observation_type: ObservationType;
  sampling_interval_seconds: number;
  sensor_name: string | null;
  sensor_metadata: string | null;
  status: string;
  last_phenomenon_time: Date | null;
}
export interface ObservationRow {
  datastream_id: string;
  phenomenon_time: Date;
  phenomenon_time_end: Date | null;
  result: number;
  result_time: Date;
  result_quality: string | null;
}

export function thingJson(base: string, t: ThingRow): Record<string, unknown> {
  const self = `${base}/Things${staKey(t.id)}`;
  return {
    '@iot.id': t.id,
    '@iot.selfLink': self,
    name: t.name,
    description: t.description,
    properties: { ...t.properties, kind: t.kind, status: t.status, organizationId: t.organization_id, riskPointId: t.risk_point_id },
    Locations:
      t.longitude == null || t.latitude == null
        ? []
        : [{ name: t.name, description: t.description, encodingType: 'application/geo+json', location: { type: 'Point', coordinates: [Number(t.longitude), Number(t.latitude)] } }],
    'Datastreams@iot.navigationLink': `${self}/Datastreams`,
  };
}

export function datastreamJson(base: string, d: DatastreamRow): Record<string, unknown> {
  const self = `${base}/Datastreams${staKey(d.id)}`;
  const property = OBSERVED_PROPERTIES[d.observed_property];
  return {
    '@iot.id': d.id,
    '@iot.selfLink': self,
    name: d.name,
    description: d.description,
    observationType: OBSERVATION_TYPE_URI[d.observation_type],
    unitOfMeasurement: { name: d.unit_name, symbol: d.unit_symbol, definition: d.unit_definition },
    properties: { samplingIntervalSeconds: d.sampling_interval_seconds, status: d.status, lastPhenomenonTime: d.last_phenomenon_time ? new Date(d.last_phenomenon_time).toISOString() : null },
    ObservedProperty: { name: property.name, definition: property.definition, description: property.nameZh, properties: { code: property.code } },
    Sensor: d.sensor_name ? { name: d.sensor_name, description: d.sensor_name, encodingType: 'text/html', metadata: d.sensor_metadata ?? '' } : null,
    'Thing@iot.navigationLink': `${self}/Thing`,
    'Observations@iot.navigationLink': `${self}/Observations`,
  };
}

export function observationJson(base: string, o: ObservationRow): Record<string, unknown> {
  const start = new Date(o.phenomenon_time);
  const id = observationId(o.datastream_id, start);
  const self = `${base}/Observations${staKey(id)}`;
  return {
    '@iot.id': id,
    '@iot.selfLink': self,
    phenomenonTime: o.phenomenon_time_end ? `${start.toISOString()}/${new Date(o.phenomenon_time_end).toISOString()}` : start.toISOString(),
    resultTime: new Date(o.result_time).toISOString(),
    result: Number(o.result),
    ...(o.result_quality ? { resultQuality: o.result_quality } : {}),
    'Datastream@iot.navigationLink': `${self}/Datastream`,
  };
}
