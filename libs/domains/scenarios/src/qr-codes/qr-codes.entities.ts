/*
 * The QR codes part's entities with their row scope and permissions, declared once: every read and
 * write goes through `records(ctx, <declaration>)`, which applies the scope.
 */
import { defineScopedEntity } from '@platform/core';
import { QrCode } from './qr-code.entity';
import { SelfCheckSubmission } from './self-check.entity';
import { QrCodePermission } from './qr-codes.permissions';

/** A code is kept at its enterprise, else at the village (community, grid) of its public place. */
export const QrCodes = defineScopedEntity(QrCode, {
  table: 'qr_code',
  scope: { organizationColumn: 'organization_id' },
  read: QrCodePermission.Manage,
  write: QrCodePermission.Manage,
});

/** A self-check belongs to the enterprise that submitted it (the code's owner). */
export const SelfCheckSubmissions = defineScopedEntity(SelfCheckSubmission, {
  table: 'qr_self_check',
  scope: { organizationColumn: 'enterprise_id' },
  read: QrCodePermission.SelfCheckRead,
  write: QrCodePermission.SelfCheckSubmit,
});

/** The declarations reachable by `node(nodeId:)`. */
export const qrCodeNodeEntities = [QrCodes, SelfCheckSubmissions];
