// The Open311 part's public face: the part, its settings and start hook (the module's `settings` and
// `start` take them), its permission, and the wire helpers its tests and the README use.
export { open311Part } from './open311.part';
export { open311Settings, startOpen311, OPEN311_SERVICE, DEFAULT_LOCATION_DECIMALS, type Open311Config } from './open311.settings';
export { Open311Permission, open311Permissions } from './open311.permissions';
export { OPEN311_BASE, open311Routes } from './open311.routes';
export { open311Answer, open311Errors, open311DateTime, parseOpen311DateTime, roundCoordinate, OPEN311_JSON, OPEN311_XML, type Open311Format, type Open311Error } from './open311.format';
export { OPEN311_MAX_SPAN_DAYS, OPEN311_MAX_REQUESTS, OPEN311_MAX_IDS, PUBLIC_TIP_PROPERTIES, type Open311Request } from './open311.requests';
export { OPEN311_ATTRIBUTES, type Open311ServiceAnswer, type Open311Attribute } from './open311.services';
export type { Open311Created } from './open311.submit';
