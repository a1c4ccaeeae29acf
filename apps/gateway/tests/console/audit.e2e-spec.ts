import type { Page } from 'playwright-core';
import { describeBrowser, startConsole, type ConsoleUnderTest } from './console-browser';

/**
 * 审计日志 in the console: a change made through the API (a grant to a custom role) found again by action and by
 * the role's global id, with its actor and changes; a record's history from a row; the filters kept in the
 * address bar (a reload shows the same rows); the sensitive reads in one click; the actor picked by name, the
 * actor's organization, a time range in China time sent as ISO; cursor paging; a phone's width.
 */
describeBrowser('admin console: audit log (chromium)', () => {
  let c: ConsoleUnderTest;
  let admin: Awaited<ReturnType<ConsoleUnderTest['t']['as']>>;
  let role: { id: string; nodeId: string };
  let grantRequestId: string;

  const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int) {
    auditLog(filter: $filter, first: $first) { totalCount edges { node { id action requestId actorId changes entityType entityId actor { ... on User { displayName } } } } }
  }`;
  type AuditAnswer = { auditLog: { totalCount: number; edges: { node: { id: string; action: string; requestId: string; actorId: string | null; changes: Record<string, unknown>; entityType: string; entityId: string | null; actor: { displayName?: string } | null } }[] } };

  const rows = (page: Page) => page.locator('table.audit-table tbody tr');
  /**
   * Does what `act` does (a click that changes the filters, a reload), waits for the page's next `ConsoleAuditLog`
   * answer and for the list to show it, and returns the count the page shows.
   */
  const listed = async (page: Page, act: () => Promise<unknown>): Promise<number> => {
    const answered = page.waitForResponse((r) => r.url().endsWith('/graphql') && /^\s*query ConsoleAuditLog\b/.test(r.request().postData() ? (JSON.parse(r.request().postData()!) as { query: string }).query : ''));
    await act();
    await answered;
    const text = await page.getByRole('status').getByText(/^共 \d+ 条记录$/).textContent();
    return Number(/\d+/.exec(text!)![0]);
  };
  const lastFilter = () => c.sent.filter((s) => s.operationName === 'ConsoleAuditLog').at(-1)!.variables['filter'];
  const filterButton = (page: Page) => page.getByRole('button', { name: '筛选', exact: true });

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.as('admin');
    const created = await admin<{ createRole: { id: string; nodeId: string } }>(`mutation($input: CreateRoleInput!) { createRole(input: $input) { id nodeId } }`, {
      input: { code: 'audit-test-role', nameZh: '审计测试角色', description: 'A role the audit log test grants to.' },
    });
    expect(created.body.errors).toBeUndefined();
    role = created.body.data!.createRole;
    const granted = await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id version } }`, { input: { roleId: role.id, permission: 'kernel.audit:read', scope: 'OWN_ORG' } });
    expect(granted.body.errors).toBeUndefined();
    const log = await admin<AuditAnswer>(AUDIT_LOG, { filter: { actionPrefix: 'access.role.grant', entityId: role.id } });
    expect(log.body.data!.auditLog.totalCount).toBe(1);
    grantRequestId = log.body.data!.auditLog.edges[0]!.node.requestId;
  });
  afterAll(async () => {
    await c?.close();
  });
  afterEach(() => {
    // Every request any page sent was one of the generated documents.
    expect(c.strays).toEqual([]);
  });

  it('filters the log to a grant by action and by the role’s global id, shows its actor and changes, and keeps the filters over a reload', async () => {
    const { page, context } = await c.signedIn('admin');
    const nav = page.getByRole('navigation', { name: '管理功能' });
    const all = await listed(page, () => nav.getByRole('link', { name: '审计日志' }).click());
    expect(all).toBeGreaterThan(25);
    await expect(rows(page).count()).resolves.toBe(25);
    await c.shoot(page, 'audit');

    await page.getByLabel('操作（前缀）').fill('access.role.grant');
    await page.getByLabel('对象全局标识（nodeId）').fill(role.nodeId);
    await expect(listed(page, () => filterButton(page).click())).resolves.toBe(1);
    const row = rows(page).first();
    await expect(rows(page).count()).resolves.toBe(1);
    // The actor: its name, username and home organization (the town) when the change was made.
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('平台管理员admin南平镇人民政府');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('access.role.grant');
    await expect(row.locator('td').nth(3).textContent()).resolves.toContain('审计测试角色（audit-test-role）');
    await expect(row.locator('td').nth(4).locator('summary').textContent()).resolves.toBe('kernel.audit:read: ∅ → OWN_ORG');
    await expect(row.locator('td').nth(5).textContent()).resolves.toBe(grantRequestId);
    // The changes open in full.
    await row.locator('summary').click();
    await expect(row.locator('pre').textContent()).resolves.toBe(JSON.stringify({ 'kernel.audit:read': [null, 'OWN_ORG'] }, null, 2));

    // The request the page sent, and what the API answers for it: exactly that entry.
    const sent = c.sent.filter((s) => s.operationName === 'ConsoleAuditLog').at(-1)!;
    expect(sent.variables).toEqual({ filter: { actionPrefix: 'access.role.grant', nodeId: role.nodeId }, first: 25, after: null, withOrganization: true });
    const answer = await admin<AuditAnswer>(AUDIT_LOG, { filter: sent.variables['filter'] as Record<string, unknown> });
    expect(answer.body.data!.auditLog.totalCount).toBe(1);
    expect(answer.body.data!.auditLog.edges[0]!.node).toMatchObject({
      action: 'access.role.grant',
      requestId: grantRequestId,
      entityType: 'Role',
      entityId: role.id,
      actor: { displayName: '平台管理员' },
      changes: { 'kernel.audit:read': [null, 'OWN_ORG'] },
    });

    // The address keeps the filters: a reload (or the link) shows the same rows.
    const url = new URL(page.url());
    expect(url.pathname).toBe('/console/audit');
    expect(Object.fromEntries(url.searchParams)).toEqual({ action: 'access.role.grant', record: role.nodeId });
    await expect(listed(page, () => page.reload())).resolves.toBe(1);
    await expect(rows(page).first().locator('td').nth(5).textContent()).resolves.toBe(grantRequestId);
    await expect(page.getByLabel('操作（前缀）').inputValue()).resolves.toBe('access.role.grant');
    await expect(page.getByLabel('对象全局标识（nodeId）').inputValue()).resolves.toBe(role.nodeId);
    await context.close();
  });

  it('opens a record’s history from a row: every change of the role, the page filtered by its global id alone', async () => {
    const { page, context } = await c.signedIn('admin');
    await expect(listed(page, () => page.goto(`${c.t.origin}/console/audit?action=access.role.grant&record=${encodeURIComponent(role.nodeId)}`))).resolves.toBe(1);
    const link = rows(page).first().getByRole('link', { name: '查看 Role 审计测试角色（audit-test-role） 的变更历史' });
    await expect(listed(page, () => link.click())).resolves.toBe(2);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ record: role.nodeId });
    await page.getByRole('heading', { name: '对象历史：审计测试角色（audit-test-role）' }).waitFor();
    await expect(rows(page).locator('td:nth-child(3)').allTextContents()).resolves.toEqual(['access.role.grant', 'access.role.create']);
    const answer = await admin<AuditAnswer>(AUDIT_LOG, { filter: { nodeId: role.nodeId } });
    expect(answer.body.data!.auditLog.edges.map((e) => e.node.action)).toEqual(['access.role.grant', 'access.role.create']);
    await c.shoot(page, 'audit-record-history');
    // Back to the whole log.
    await listed(page, () => page.getByRole('link', { name: '返回全部日志' }).click());
    expect(new URL(page.url()).search).toBe('');
    await expect(page.getByLabel('对象全局标识（nodeId）').inputValue()).resolves.toBe('');
    // A global id the API never handed out is refused in words.
    await page.getByLabel('对象全局标识（nodeId）').fill('not-a-global-id');
    await filterButton(page).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('filter.nodeId');
    await context.close();
  });

  it('shows the sensitive reads in one click: an unmasked read of a phone, as the platform recorded it', async () => {
    const read = await admin<{ persons: { edges: { node: { id: string; phone: string | null } }[] } }>(`{ persons(first: 1) { edges { node { id phone } } } }`);
    expect(read.body.errors).toBeUndefined();
    const person = read.body.data!.persons.edges[0]!.node;
    expect(person.phone).toMatch(/^\d+$/);
    const log = await admin<AuditAnswer>(AUDIT_LOG, { filter: { actionPrefix: 'kernel.sensitive.read' }, first: 100 });
    const reads = log.body.data!.auditLog;
    expect(reads.edges[0]!.node).toMatchObject({ entityType: 'Person', entityId: person.id, changes: { records: { [person.id]: ['phone'] } } });

    const { page, context } = await c.signedIn('admin');
    await listed(page, () => page.goto(`${c.t.origin}/console/audit`));
    const button = page.getByRole('button', { name: '只看敏感数据读取' });
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(listed(page, () => button.click())).resolves.toBe(reads.totalCount);
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(new URL(page.url()).searchParams.get('action')).toBe('kernel.sensitive.read');
    const first = rows(page).first();
    await expect(first.locator('td').nth(2).textContent()).resolves.toBe('kernel.sensitive.read敏感数据读取');
    await expect(first.locator('td').nth(4).locator('summary').textContent()).resolves.toBe('读取了 1 条记录的 phone');
    await expect(first.locator('td').nth(5).textContent()).resolves.toBe(reads.edges[0]!.node.requestId);
    const actions = await rows(page).locator('td:nth-child(3) code').allTextContents();
    expect(new Set(actions)).toEqual(new Set(['kernel.sensitive.read']));
    // Pressed again, the filter is off.
    await listed(page, () => button.click());
    expect(new URL(page.url()).searchParams.has('action')).toBe(false);
    await expect(button.getAttribute('aria-pressed')).resolves.toBe('false');
    await context.close();
  });

  it('filters by an actor found by name, by the actor’s organization and by a time range in China time (sent as ISO)', async () => {
    const { page, context } = await c.signedIn('admin');
    await listed(page, () => page.goto(`${c.t.origin}/console/audit`));
    // The actor: found by name and picked.
    await page.getByLabel('操作者', { exact: true }).fill('平台管理员');
    await page.getByRole('button', { name: '查找账号' }).click();
    await page.getByRole('list', { name: '匹配的账号' }).getByRole('button', { name: '平台管理员（admin）' }).click();
    const byActor = await listed(page, () => filterButton(page).click());
    const adminId = new URL(page.url()).searchParams.get('actor')!;
    expect(lastFilter()).toEqual({ actorId: adminId });
    const byAdmin = await admin<AuditAnswer>(AUDIT_LOG, { filter: { actorId: adminId } });
    expect(byAdmin.body.data!.auditLog.totalCount).toBeGreaterThanOrEqual(2);
    expect(byActor).toBe(byAdmin.body.data!.auditLog.totalCount);
    const actors = await rows(page).locator('td:nth-child(2) .audit-actor-name').allTextContents();
    expect(new Set(actors)).toEqual(new Set(['平台管理员']));

    // The actor's home organization (the town, where admin sits), picked in the tree picker.
    await listed(page, () => page.getByRole('button', { name: '清除筛选' }).click());
    await page.getByRole('combobox', { name: '操作者所属组织' }).fill('南平镇人民政府');
    await page.getByRole('option', { name: /^南平镇人民政府/ }).first().click();
    const inOrg = await listed(page, () => filterButton(page).click());
    const orgId = new URL(page.url()).searchParams.get('org')!;
    expect(lastFilter()).toEqual({ organizationId: orgId });
    const byOrg = await admin<AuditAnswer>(AUDIT_LOG, { filter: { organizationId: orgId } });
    expect(byOrg.body.data!.auditLog.totalCount).toBeGreaterThanOrEqual(2);
    expect(inOrg).toBe(byOrg.body.data!.auditLog.totalCount);

    // A time range: typed in China time, sent as the ISO instant; one in the future matches nothing.
    await page.getByLabel('起始时间（北京时间）').fill('2099-01-01T08:30');
    await expect(listed(page, () => filterButton(page).click())).resolves.toBe(0);
    await page.getByText('没有符合条件的记录。').waitFor();
    expect(lastFilter()).toEqual({ organizationId: orgId, from: '2099-01-01T00:30:00.000Z' });
    expect(new URL(page.url()).searchParams.get('from')).toBe('2099-01-01T08:30');
    // Up to a time in China time: sent as the instant it is in UTC.
    await page.getByLabel('起始时间（北京时间）').fill('');
    await page.getByLabel('截止时间（北京时间）').fill('2000-01-01T00:00');
    await expect(listed(page, () => filterButton(page).click())).resolves.toBe(0);
    expect(lastFilter()).toEqual({ organizationId: orgId, to: '1999-12-31T16:00:00.000Z' });
    await context.close();
  });

  it('pages with cursors: next and previous bring back the same entries, the cursor in the address', async () => {
    const { page, context } = await c.signedIn('admin');
    const total = await listed(page, () => page.goto(`${c.t.origin}/console/audit`));
    expect(total).toBeGreaterThan(25);
    const requestIds = () => rows(page).locator('td:nth-child(6)').allTextContents();
    const firstPage = await requestIds();
    expect(firstPage).toHaveLength(25);
    const paging = page.getByRole('navigation', { name: '分页' });
    await expect(paging.getByRole('button', { name: '上一页' }).isDisabled()).resolves.toBe(true);
    await listed(page, () => paging.getByRole('button', { name: '下一页' }).click());
    expect(new URL(page.url()).searchParams.has('after')).toBe(true);
    const secondPage = await requestIds();
    expect(secondPage.length).toBeGreaterThan(0);
    const api = await admin<AuditAnswer>(AUDIT_LOG, { first: 50 });
    expect(secondPage).toEqual(api.body.data!.auditLog.edges.slice(25, 25 + secondPage.length).map((e) => e.node.requestId));
    await listed(page, () => paging.getByRole('button', { name: '上一页' }).click());
    expect(new URL(page.url()).searchParams.has('before')).toBe(true);
    await expect(requestIds()).resolves.toEqual(firstPage);
    await context.close();
  });

  it('shows an auditor who administers no accounts the entries, with actors beyond its reach said so and a deleted record’s history by type and id', async () => {
    // 镇安办 (town-safety-office) reads the whole audit log but administers neither admin's account nor roles.
    const anban = await c.t.as('anban');
    const seen = await anban<AuditAnswer>(AUDIT_LOG, { filter: { nodeId: role.nodeId, actionPrefix: 'access.role.grant' } });
    expect(seen.body.data!.auditLog.edges.map((e) => e.node.actor)).toEqual([null]);
    const { page, context } = await c.signedIn('anban');
    await expect(listed(page, () => page.goto(`${c.t.origin}/console/audit?action=access.role.grant&record=${encodeURIComponent(role.nodeId)}`))).resolves.toBe(1);
    const row = rows(page).first();
    await expect(row.locator('td').nth(1).textContent()).resolves.toContain('用户（不在您的管理范围内）');
    await expect(row.locator('td').nth(5).textContent()).resolves.toBe(grantRequestId);
    // A deleted record's history: the API no longer hands the record out, so the link goes by its type and id.
    const gone = await admin<{ createRole: { id: string; version: number } }>(`mutation($input: CreateRoleInput!) { createRole(input: $input) { id version } }`, {
      input: { code: 'audit-deleted-role', nameZh: '审计已删角色', description: 'A role the audit log test deletes.' },
    });
    const goneId = gone.body.data!.createRole.id;
    const deleted = await admin(`mutation($input: ArchiveInput!) { deleteRole(input: $input) }`, { input: { id: goneId, version: gone.body.data!.createRole.version } });
    expect(deleted.body.errors).toBeUndefined();
    await expect(listed(page, () => page.goto(`${c.t.origin}/console/audit?action=access.role.delete`))).resolves.toBe(1);
    await expect(rows(page).first().locator('td').nth(3).textContent()).resolves.toBe('Role历史');
    await expect(listed(page, () => rows(page).first().getByRole('link', { name: `查看 Role ${goneId} 的变更历史` }).click())).resolves.toBe(2);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ type: 'Role', entity: goneId });
    expect(lastFilter()).toEqual({ entityType: 'Role', entityId: goneId });
    await page.getByRole('heading', { name: `对象历史：Role ${goneId}` }).waitFor();
    await expect(rows(page).locator('td:nth-child(3)').allTextContents()).resolves.toEqual(['access.role.delete', 'access.role.create']);
    await context.close();
  });

  it('works at a phone’s width: the filters stack, the table scrolls inside its frame', async () => {
    const { page, context } = await c.signedIn('admin', { width: 390, height: 844 });
    await listed(page, () => page.goto(`${c.t.origin}/console/audit?action=access.role.`));
    const width = await page.locator('html').evaluate((el) => el.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const wrap = await page.locator('.table-wrap').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(wrap.scroll).toBeGreaterThan(wrap.client);
    await c.shoot(page, 'audit-phone');
    await context.close();
  });
});
