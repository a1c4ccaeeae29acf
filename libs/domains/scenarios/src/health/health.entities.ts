/*
 * The data-health part's entities with their row scope and permissions, declared once: every read
 * and write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { SensorDataGap } from './data-gap.entity';
import { MonitoringEnforcementLead } from './monitoring-lead.entity';
import { DataHealthPermission } from './health.permissions';

/** A gap belongs to its datastream's organization. */
export const SensorDataGaps = defineScopedEntity(SensorDataGap, {
  table: 'sensor_data_gap',
  scope: { organizationColumn: 'organization_id' },
  read: DataHealthPermission.Read,
});

/** A lead belongs to the enterprise. */
export const MonitoringEnforcementLeads = defineScopedEntity(MonitoringEnforcementLead, {
  table: 'monitoring_enforcement_lead',
  scope: { organizationColumn: 'organization_id' },
  read: DataHealthPermission.Read,
  write: DataHealthPermission.Review,
});

export const healthNodeEntities = [SensorDataGaps, MonitoringEnforcementLeads];
