/*
 * The Open311 part's entity, declared once: the service list is the same for everyone (no row scope,
 * only the permission), read through `records(ctx, Open311Services)`.
 */
import { ALL_ROWS, defineScopedEntity } from '@platform/core';
import { TipPermission } from '../tips/public';
import { Open311Service } from './open311-service.entity';
import { Open311Permission } from './open311.permissions';

/** The services of the GeoReport v2 view; changed only by a migration or an admin in SQL (no mutation). */
export const Open311Services = defineScopedEntity(Open311Service, {
  table: 'open311_service',
  scope: { custom: () => ALL_ROWS },
  read: Open311Permission.Read,
  write: TipPermission.Dispatch,
});
