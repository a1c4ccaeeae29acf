/**
 * Days in the risk module are China Standard Time days (the town's): a deadline of 2025-06-30 is met
 * by a closing at 23:30 that evening, whatever the server's time zone.
 */
export const TODAY_SQL = `(now() AT TIME ZONE 'Asia/Shanghai')::date`;

export const localDaySql = (timestampColumn: string): string => `(${timestampColumn} AT TIME ZONE 'Asia/Shanghai')::date`;

/** Today in China as YYYY-MM-DD (the kernel's, shared with the directory's records). */
export { todayInChina } from '@platform/core';
