/*
 * The intake part's entity with its row scope, declared once: a message is in scope where its tip is.
 */
import { defineScopedEntity } from '@platform/core';
import { TipMessage } from './tip-message.entity';
import { TipPermission, Tips } from '../tips/public';

/** A tip's messages: read with the tip (`reporting.tip:read`), written by staff who handle it. */
export const TipMessages = defineScopedEntity(TipMessage, {
  table: 'tip_message',
  scope: { through: { entity: Tips, column: 'tip_id' } },
  read: TipPermission.Read,
  write: TipPermission.Handle,
});

/** The declarations reachable by `node(nodeId:)`. */
export const intakeNodeEntities = [TipMessages];
