import { defineReference, type RequestContext } from '@platform/core';
import type DataLoader from 'dataloader';
import type { Tip } from './tip.entity';
import { Tips } from './tips.entities';

/** Tips by id, within the caller's read scope (others load as null). */
export const TipReference = defineReference(Tips, 'reporting.tip.byId');
export const tipById = (ctx: RequestContext): DataLoader<string, Tip | null> => TipReference.byId(ctx);
