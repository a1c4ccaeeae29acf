import { defineChildPages } from '@platform/core';
import { TipMessages } from './intake.entities';
import { THREAD_KEYS } from './tracking';

/** A tip's thread, one page per tip, in the order written (staff view, within the tip's scope). */
export const TipMessagePages = defineChildPages(TipMessages, { name: 'reporting.tip.messages', parentColumn: 'tip_id', keys: THREAD_KEYS });
