import type { Page } from 'playwright-core';
import { describeBrowser, startConsole, type ConsoleUnderTest } from './console-browser';

/*
 * API 客户端 page: an administrator creates an API client in the console, reads its key (shown once) from the
 * page, and calls /graphql with it (X-Api-Key, as the README documents); revoking it in the console makes
 * the same call answer HTTP 401 UNAUTHENTICATED. Rotating the key: the old key 401, the new one works.
 */

const READ = `{ viewer { kind displayName } organizations(first: 5) { totalCount edges { node { name } } } }`;
const VIEWER = `{ viewer { kind displayName } }`;

describeBrowser('admin console: API clients (chromium)', () => {
  let c: ConsoleUnderTest;
  let admin: Awaited<ReturnType<ConsoleUnderTest['t']['as']>>;
  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.as('admin');
  });
  afterAll(async () => {
    await c?.close();
  });
  afterEach(() => {
    // Every request the page sent was one of the generated documents.
    expect(c.strays).toEqual([]);
  });

  /** The call another system makes with its key. */
  const callWith = (key: string, query = READ) => c.t.gql<{ viewer: { kind: string; displayName: string }; organizations: { totalCount: number } }>(query, {}, { 'x-api-key': key });

  /** The API client as the API lists it to the administrator. */
  const listed = async (name: string) => {
    const res = await admin<{ apiClients: { edges: { node: { id: string; name: string; status: string; keyPrefix: string; organizationId: string; assignments: { edges: { node: { role: { code: string } } }[] } } }[] } }>(
      `{ apiClients(first: 100) { edges { node { id name status keyPrefix organizationId assignments(first: 10) { edges { node { role { code } } } } } } } }`,
    );
    return res.body.data!.apiClients.edges.map((e) => e.node).find((n) => n.name === name);
  };

  const openPage = async (page: Page) => {
    await page.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: 'API 客户端' }).click();
    await page.getByRole('heading', { level: 1, name: 'API 客户端' }).waitFor();
  };

  /** Fills the create form and submits it; returns the key read from the page. */
  const create = async (page: Page, name: string, options: { organization?: string; role?: string } = {}) => {
    const open = page.getByRole('button', { name: '新建 API 客户端' });
    await open.click();
    await expect(open.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByRole('textbox', { name: '名称' }).fill(name);
    if (options.organization) {
      const picker = page.getByRole('combobox', { name: '所属组织', exact: true });
      await picker.fill(options.organization);
      await page.getByRole('option', { name: new RegExp(`^${options.organization}(\\s|$)`) }).click();
      await expect(picker.inputValue()).resolves.toBe(options.organization);
    }
    if (options.role) await page.getByRole('combobox', { name: '角色', exact: true }).selectOption({ label: options.role });
    await page.getByRole('button', { name: '创建并生成密钥' }).click();
    const keyRegion = page.getByRole('region', { name: `“${name}”的新密钥` });
    await keyRegion.waitFor();
    return keyRegion.getByRole('textbox', { name: '密钥', exact: true }).inputValue();
  };

  it('creates a client with a role at an organization, shows its key once with a copy button; the key reads data; revoked in the console, the same call answers 401', async () => {
    const { page, context } = await c.signedIn('admin');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: c.t.origin });
    await openPage(page);
    const name = '区应急管理局指挥平台'; // each run has a fresh database
    const key = await create(page, name, { organization: '文凤村', role: '只读数据对接（integration-readonly）' });
    expect(key).toMatch(/^tsk_/);

    // The key once: the warning, the copy button writing it to the clipboard and saying so.
    const keyRegion = page.getByRole('region', { name: `“${name}”的新密钥` });
    await expect(keyRegion.textContent()).resolves.toContain('此密钥只显示这一次');
    await keyRegion.getByRole('button', { name: '复制密钥' }).click();
    await keyRegion.getByRole('status').filter({ hasText: '已复制到剪贴板' }).waitFor();
    await expect(page.evaluate<string>('navigator.clipboard.readText()')).resolves.toBe(key);
    await c.shoot(page, 'api-clients-key-once');
    expect(c.sent.filter((s) => s.operationName === 'ConsoleCreateApiClient').at(-1)?.variables).toMatchObject({ input: { name, expiresAt: expect.stringMatching(/T00:00:00\+08:00$/) } });

    // The list shows the new client as the API does: organization, active, key prefix, never used, the role at 文凤村.
    const api = await listed(name);
    expect(api).toMatchObject({ status: 'ACTIVE', assignments: { edges: [{ node: { role: { code: 'integration-readonly' } } }] } });
    expect(key.startsWith(`tsk_${api!.keyPrefix}_`)).toBe(true);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['文凤村', '启用', api!.keyPrefix, expect.any(String), '从未使用']);
    expect(cells[5]).toContain('只读数据对接 @ 文凤村');
    expect(cells[6]).toContain('未锁定');

    // Another system calls with the key read from the page, as the README says (X-Api-Key), and gets data.
    const called = await callWith(key);
    expect(called.status).toBe(200);
    expect(called.body.errors).toBeUndefined();
    expect(called.body.data!.viewer).toEqual({ kind: 'API_CLIENT', displayName: name });
    expect(called.body.data!.organizations.totalCount).toBeGreaterThan(0);

    // Its effective permissions, as the API computes them.
    await row.getByRole('button', { name: '有效权限' }).click();
    const permissions = page.getByRole('region', { name: `“${name}”的有效权限` });
    await permissions.getByRole('table').waitFor();
    const computed = await admin<{ effectivePermissions: { totalCount: number; edges: { node: { permission: string } }[] } }>(
      `query($id: UUID!) { effectivePermissions(principalKind: API_CLIENT, principalId: $id, first: 100) { totalCount edges { node { permission } } } }`,
      { id: api!.id },
    );
    expect(computed.body.data!.effectivePermissions.totalCount).toBeGreaterThan(0);
    const shownCodes = await permissions.locator('tbody td code').allTextContents();
    expect(shownCodes).toEqual(computed.body.data!.effectivePermissions.edges.map((e) => e.node.permission).slice(0, shownCodes.length));

    // Revoke, with a confirmation step first (cancel leaves it active).
    await row.getByRole('button', { name: '吊销' }).click();
    const dialog = page.getByRole('dialog', { name: `吊销“${name}”？` });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await listed(name))?.status).toBe('ACTIVE');
    await row.getByRole('button', { name: '吊销' }).click();
    await dialog.getByRole('button', { name: '确认吊销' }).click();
    await page.getByRole('status').filter({ hasText: `已吊销“${name}”` }).waitFor();
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('已吊销');
    await expect(row.getByRole('button', { name: '吊销' }).count()).resolves.toBe(0);
    expect((await listed(name))?.status).toBe('DISABLED');

    // The same call now answers 401 with the typed code.
    const refused = await callWith(key);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(refused.body.data ?? null).toBeNull();
    await context.close();
  });

  it('rotates a key after a confirmation: the new key is shown once, the old key answers 401 and the new one works', async () => {
    const { page, context } = await c.signedIn('admin');
    await openPage(page);
    const name = '双河村视频监控平台';
    const oldKey = await create(page, name);
    const first = await callWith(oldKey, VIEWER);
    expect(first.status).toBe(200);
    expect(first.body.data!.viewer).toEqual({ kind: 'API_CLIENT', displayName: name });
    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    await page.getByRole('region', { name: `“${name}”的新密钥` }).waitFor({ state: 'detached' });
    const before = await listed(name);
    // Created without an organization: the town government, no roles.
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row.getByRole('cell').nth(0).textContent()).resolves.toBe('南平镇人民政府');
    await expect(row.getByRole('cell').nth(5).textContent()).resolves.toBe('无角色');

    // The confirmation is a modal dialog: Escape cancels it (keyboard), nothing is rotated.
    const dialog = page.getByRole('dialog', { name: `更换“${name}”的密钥？` });
    await row.getByRole('button', { name: '更换密钥' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await listed(name))?.keyPrefix).toBe(before!.keyPrefix);
    await row.getByRole('button', { name: '更换密钥' }).click();
    await dialog.getByRole('button', { name: '确认更换' }).click();
    const keyRegion = page.getByRole('region', { name: `“${name}”的新密钥` });
    await keyRegion.waitFor();
    const newKey = await keyRegion.getByRole('textbox', { name: '密钥', exact: true }).inputValue();
    expect(newKey).toMatch(/^tsk_/);
    expect(newKey).not.toBe(oldKey);
    await page.getByRole('status').filter({ hasText: `已为“${name}”更换密钥` }).waitFor();

    // The row shows the new key prefix, as the API does.
    const after = await listed(name);
    expect(after!.keyPrefix).not.toBe(before!.keyPrefix);
    expect(newKey.startsWith(`tsk_${after!.keyPrefix}_`)).toBe(true);
    await expect(row.getByRole('cell').nth(2).textContent()).resolves.toBe(after!.keyPrefix);

    const old = await callWith(oldKey, VIEWER);
    expect(old.status).toBe(401);
    expect(old.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const fresh = await callWith(newKey, VIEWER);
    expect(fresh.status).toBe(200);
    expect(fresh.body.errors).toBeUndefined();
    expect(fresh.body.data!.viewer).toEqual({ kind: 'API_CLIENT', displayName: name });
    await page.getByRole('button', { name: '我已保存，关闭' }).click();
    await page.getByRole('table').first().waitFor();
    await c.shoot(page, 'api-clients');

    // In English as well.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'API clients' }).waitFor();
    await expect(row.getByRole('cell').nth(1).textContent()).resolves.toBe('Active');
    await expect(page.getByRole('columnheader').allTextContents()).resolves.toEqual(['Name', 'Organization', 'Status', 'Key prefix', 'Expires', 'Last used', 'Roles (at organization)', 'Trusted documents', 'Actions']);
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 1, name: 'API 客户端' }).waitFor();
    await context.close();
  });

  it('pages the list with a cursor, sorts it, and fits a phone screen (the table scrolls inside its frame)', async () => {
    // More clients than one page of 50, created through the API.
    const existing = (await admin<{ apiClients: { totalCount: number } }>(`{ apiClients(first: 1) { totalCount } }`)).body.data!.apiClients.totalCount;
    for (let i = existing; i < 52; i++) {
      const res = await admin(`mutation($name: String!) { createApiClient(input: { name: $name }) { key } }`, { name: `分页测试客户端 ${i}` });
      expect(res.body.errors).toBeUndefined();
    }
    const total = (await admin<{ apiClients: { totalCount: number } }>(`{ apiClients(first: 1) { totalCount } }`)).body.data!.apiClients.totalCount;

    const { page, context } = await c.signedIn('admin', { width: 390, height: 844 });
    await openPage(page);
    await page.getByText(`已显示 50 个，共 ${total} 个`).waitFor();
    await expect(page.getByRole('table').first().getByRole('rowheader').count()).resolves.toBe(50);
    await page.getByRole('button', { name: '加载更多' }).click();
    await page.getByText(`已显示 ${total} 个，共 ${total} 个`).waitFor();
    await expect(page.getByRole('button', { name: '加载更多' }).count()).resolves.toBe(0);
    const pages = c.sent.filter((s) => s.operationName === 'ConsoleApiClients');
    expect(pages.at(-1)?.variables).toMatchObject({ first: 50, after: expect.any(String) });

    // Sorted by last use (never used first, then the most recent): the same order the API gives.
    await page.getByRole('combobox', { name: '排序' }).selectOption({ label: '从未使用和最近使用的在前' });
    await page.getByText(`已显示 50 个，共 ${total} 个`).waitFor();
    expect(c.sent.filter((s) => s.operationName === 'ConsoleApiClients').at(-1)?.variables).toMatchObject({ orderBy: [{ field: 'LAST_USED_AT', direction: 'DESC' }] });
    const ordered = await admin<{ apiClients: { edges: { node: { name: string } }[] } }>(`{ apiClients(first: 50, orderBy: [{ field: LAST_USED_AT, direction: DESC }]) { edges { node { name } } } }`);
    await expect(page.getByRole('table').first().getByRole('rowheader').allTextContents()).resolves.toEqual(ordered.body.data!.apiClients.edges.map((e) => e.node.name));

    // At 390 px the page does not scroll sideways; the wide table scrolls inside .table-wrap.
    const widths = await page
      .locator('.api-clients .table-wrap')
      .evaluate((wrap) => ({ doc: wrap.ownerDocument.documentElement.scrollWidth, inner: wrap.ownerDocument.defaultView!.innerWidth, wrap: wrap.scrollWidth, wrapClient: wrap.clientWidth }));
    expect(widths.doc).toBeLessThanOrEqual(widths.inner);
    expect(widths.wrap).toBeGreaterThan(widths.wrapClient);
    await page.getByRole('heading', { name: '客户端列表' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await c.shoot(page, 'api-clients-phone');
    await context.close();
  });
});
