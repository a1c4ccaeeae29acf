import { definePermissions } from '@platform/core';

/**
 * Permissions of the Open311 GeoReport v2 view. Reading it is public (the view carries no reporter
 * field and rounds locations); posting a request needs an API client holding `reporting.tip:submit`
 * (`TipPermission.Submit`), checked by the route.
 */
export const Open311Permission = {
  Read: 'reporting.open311:read',
} as const;

export const open311Permissions = definePermissions([
  {
    code: Open311Permission.Read,
    nameZh: '查看Open311公开数据',
    description: 'Read the Open311 GeoReport v2 view: the service list and definitions, and the public feed of tips (status, notes, times, address, rounded location; never the reporter). Held by anyone, without an account.',
    grantedTo: {
      public: 'ALL',
      'town-safety-office': 'ALL',
      'department-officer': 'ALL',
      'village-officer': 'ALL',
      'grid-worker': 'ALL',
      'enterprise-safety-manager': 'ALL',
      inspector: 'ALL',
      expert: 'ALL',
      'integration-readonly': 'ALL',
    },
  },
]);
