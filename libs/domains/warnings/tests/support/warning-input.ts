/** An `IssueWarningInput` for tests: a rainstorm or geological warning valid for a day from `now`. */
export function warningInput(now: Date, level: string, hazardType: string, targets: readonly string[]): Record<string, unknown> {
  return {
    hazardType,
    eventName: hazardType === 'GEOLOGICAL' ? '地质灾害气象风险' : '暴雨',
    level,
    description: '预计未来24小时南平镇累计雨量可达100毫米以上，地质灾害气象风险高。',
    instruction: '各村立即叫应，落实防范措施。',
    source: '南川区气象局',
    effectiveAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 24 * 3_600_000).toISOString(),
    targetOrganizationIds: targets,
  };
}
