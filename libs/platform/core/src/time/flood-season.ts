/**
 * 汛期: the flood season, May to September (work plan point 十四: 汛期5-9月). Stricter duty
 * requirements and the monthly flood-season consultation apply in these months.
 */
export const FLOOD_SEASON_FIRST_MONTH = 5;
export const FLOOD_SEASON_LAST_MONTH = 9;

/** Whether a day (YYYY-MM-DD) falls in the flood season. */
export function isFloodSeasonDay(day: string): boolean {
  const month = Number(day.slice(5, 7));
  return month >= FLOOD_SEASON_FIRST_MONTH && month <= FLOOD_SEASON_LAST_MONTH;
}

/** SQL: the `date` expression falls in the flood season. */
export const FLOOD_SEASON_SQL = (dayExpr: string): string => `(EXTRACT(MONTH FROM ${dayExpr}) BETWEEN ${FLOOD_SEASON_FIRST_MONTH} AND ${FLOOD_SEASON_LAST_MONTH})`;
