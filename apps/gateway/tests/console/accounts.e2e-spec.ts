import type { Page } from 'playwright-core';
import { describeBrowser, startConsole, type ConsoleUnderTest } from './console-browser';

/**
 * 账号与角色分配 in the console: an administrator creates an account (the API's password rule shown in
 * words first), assigns it a role at an organization picked by typing in the tree picker, sees its effective
 * permissions exactly as `effectivePermissions` answers them, disables it (its sign-in then fails), enables it
 * and resets its password (the new one signs in). An administrator of one village sees only what lies within
 * its reach: an account beyond it answers like a missing one (NOT_FOUND, in words). A phone's width.
 */
describeBrowser('admin console: accounts and role assignments (chromium)', () => {
  let c: ConsoleUnderTest;
  let admin: Awaited<ReturnType<ConsoleUnderTest['t']['as']>>;
  let villageOfficer: { id: string; nameZh: string };

  const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
  const signsIn = async (username: string, password: string): Promise<string | null> => {
    const res = await c.t.gql<{ login: { accessToken: string } }>(LOGIN, { input: { username, password } });
    return res.body.data?.login.accessToken ? 'ok' : (res.body.errors?.[0]?.extensions?.['code'] as string);
  };
  const USER = `query($search: String) { users(filter: { search: $search }, first: 5) { edges { node { id nodeId username status version organization { name } } } } }`;
  type UserAnswer = { users: { edges: { node: { id: string; nodeId: string; username: string; status: string; version: number; organization: { name: string } | null } }[] } };
  const user = async (username: string) => (await admin<UserAnswer>(USER, { search: username })).body.data!.users.edges.map((e) => e.node).find((u) => u.username === username)!;

  const openAccounts = async (page: Page) => {
    await page.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: '账号' }).click();
    await page.getByRole('heading', { name: '账号与角色分配' }).waitFor();
    await page.getByText(/^共 \d+ 个账号，已显示 \d+ 个$/).waitFor();
  };

  /** Types in a tree picker and picks the first match with the keyboard (Enter), checking it is the one expected. */
  const pickOrganization = async (page: Page, label: string, typed: string, expected: string) => {
    const box = page.getByRole('combobox', { name: label });
    await box.click();
    await box.fill(typed);
    const list = page.getByRole('listbox', { name: label });
    // The matches, in tree order: the village before its grids, each with its ancestors.
    await list.getByRole('option').first().filter({ hasText: expected }).waitFor();
    await expect(list.getByRole('option').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${expected}`))]));
    await box.press('ArrowDown');
    await box.press('ArrowUp');
    await box.press('Enter');
    await list.waitFor({ state: 'detached' });
    await expect(box.inputValue()).resolves.toBe(expected);
  };

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.as('admin');
    const roles = await admin<{ roles: { edges: { node: { id: string; code: string; nameZh: string } }[] } }>(`{ roles(first: 100) { edges { node { id code nameZh } } } }`);
    villageOfficer = roles.body.data!.roles.edges.map((e) => e.node).find((r) => r.code === 'village-officer')!;
    expect(villageOfficer).toBeDefined();
  });
  afterAll(async () => {
    await c?.close();
  });
  afterEach(() => {
    // Every request any page sent was one of the generated documents.
    expect(c.strays).toEqual([]);
  });

  it('creates an account, assigns it a role at an organization picked in the tree, shows its effective permissions, disables, enables and resets it', async () => {
    const { page, context } = await c.signedIn('admin');
    await openAccounts(page);

    // Create: the API's password rule comes back in words first.
    await page.getByRole('button', { name: '新建账号' }).click();
    await page.getByLabel('用户名', { exact: true }).fill('flood-duty1');
    await page.getByLabel('显示名', { exact: true }).fill('文凤村防汛值班员');
    await pickOrganization(page, '所属组织', '文凤', '文凤村');
    await page.getByLabel('初始密码').fill('short');
    await page.getByRole('button', { name: '创建' }).click();
    const refused = await page.getByRole('alert').textContent();
    expect(refused).toContain('输入有误');
    expect(refused).toContain('password');
    await page.getByLabel('初始密码').fill('Start12345');
    await page.getByRole('button', { name: '创建' }).click();
    await page.getByRole('status').filter({ hasText: '已创建账号 flood-duty1。' }).waitFor();
    await page.getByRole('heading', { name: '账号：文凤村防汛值班员（flood-duty1）' }).waitFor();
    const created = await user('flood-duty1');
    expect(created).toMatchObject({ status: 'ACTIVE', organization: { name: '文凤村' } });
    expect(page.url()).toContain(`account=${encodeURIComponent(created.nodeId)}`);
    await page.getByText('此账号还没有角色。').waitFor();
    await page.getByText('没有有效权限（无角色，或不在您的管理范围内）。').waitFor();
    // The list shows it too, with its organization.
    await page.getByRole('row', { name: /flood-duty1/ }).getByRole('cell', { name: '文凤村', exact: true }).waitFor();

    // Assign the village officer's role at 文凤村, picked by typing in the tree picker.
    await page.getByLabel('角色', { exact: true }).selectOption(villageOfficer.id);
    await pickOrganization(page, '锚点组织', '文凤', '文凤村');
    await page.getByRole('button', { name: '分配', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `已在 文凤村 分配角色 ${villageOfficer.nameZh}。` }).waitFor();
    const assignment = page.getByRole('region', { name: /^账号：/ }).getByRole('row', { name: new RegExp(`${villageOfficer.nameZh}.*文凤村`) });
    await assignment.waitFor();
    await expect(assignment.getByRole('cell').nth(1).textContent()).resolves.toBe('文凤村');

    // Its effective permissions, as the API computes them.
    const section = page.getByRole('region', { name: '有效权限' });
    await section.getByText(/^共 \d+ 项，已显示 \d+ 项$/).waitFor();
    const api = await admin<{ effectivePermissions: { totalCount: number; edges: { node: { permission: string; scope: string; organization: { name: string } | null } }[] } }>(
      `query($id: UUID!) { effectivePermissions(principalKind: USER, principalId: $id, first: 100) { totalCount edges { node { permission scope organization { name } } } } }`,
      { id: created.id },
    );
    const expected = api.body.data!.effectivePermissions;
    expect(expected.totalCount).toBeGreaterThan(0);
    await expect(section.getByText(/^共 \d+ 项/).textContent()).resolves.toBe(`共 ${expected.totalCount} 项，已显示 ${Math.min(expected.totalCount, 100)} 项`);
    const scopes: Record<string, string> = { ALL: '全部', ORG_SUBTREE: '本级及下级', OWN_ORG: '本单位' };
    const shown = await section.locator('tbody tr:not(.group)').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '').join(' | ')));
    expect(shown.sort()).toEqual(expected.edges.map(({ node: p }) => `${p.permission} | ${scopes[p.scope]} | ${p.organization?.name ?? '全镇'}`).sort());
    expect(shown.some((row) => row.endsWith('| 文凤村'))).toBe(true);
    // Grouped by module.
    const modules = [...new Set(expected.edges.map((e) => e.node.permission.split('.')[0]))];
    await expect(section.locator('tbody tr.group th').allTextContents()).resolves.toEqual(expect.arrayContaining(modules.map((m) => `模块：${m}`)));
    // Narrowed by a permission prefix, through the API's filter.
    await section.getByLabel('权限前缀').fill(`${modules[0]}.`);
    const narrowed = page.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ConsoleEffectivePermissions'));
    await section.getByRole('button', { name: '筛选' }).click();
    await narrowed;
    expect(c.sent.filter((s) => s.operationName === 'ConsoleEffectivePermissions').at(-1)?.variables['filter']).toEqual({ permissionPrefix: `${modules[0]}.` });
    const onlyFirst = expected.edges.filter((e) => e.node.permission.startsWith(`${modules[0]}.`)).length;
    await section.getByText(`共 ${onlyFirst} 项，已显示 ${onlyFirst} 项`).waitFor();
    await expect(section.locator('tbody tr.group th').allTextContents()).resolves.toEqual([`模块：${modules[0]}`]);
    await page.getByRole('heading', { name: '账号与角色分配' }).scrollIntoViewIfNeeded();
    await c.shoot(page, 'accounts');
    await section.scrollIntoViewIfNeeded();
    await c.shoot(page, 'accounts-effective-permissions');

    // Disable: its sign-in then fails; enable: it signs in again.
    expect(await signsIn('flood-duty1', 'Start12345')).toBe('ok');
    await page.getByRole('button', { name: '停用账号' }).click();
    await page.getByRole('status').filter({ hasText: '已停用账号 flood-duty1，其会话已全部结束。' }).waitFor();
    await page.getByRole('button', { name: '启用账号' }).waitFor();
    await expect(user('flood-duty1')).resolves.toMatchObject({ status: 'DISABLED' });
    expect(await signsIn('flood-duty1', 'Start12345')).not.toBe('ok');
    await page.getByRole('row', { name: /flood-duty1/ }).getByText('停用').waitFor();
    await page.getByRole('button', { name: '启用账号' }).click();
    await page.getByRole('status').filter({ hasText: '已启用账号 flood-duty1。' }).waitFor();
    await expect(user('flood-duty1')).resolves.toMatchObject({ status: 'ACTIVE' });
    expect(await signsIn('flood-duty1', 'Start12345')).toBe('ok');

    // Reset the password: the old one no longer signs in, the new one does.
    await page.getByLabel('新密码').fill('Flood2026abc');
    await page.getByRole('button', { name: '重置密码' }).click();
    await page.getByRole('status').filter({ hasText: '已重置 flood-duty1 的密码，其会话已全部结束。' }).waitFor();
    expect(await signsIn('flood-duty1', 'Start12345')).not.toBe('ok');
    expect(await signsIn('flood-duty1', 'Flood2026abc')).toBe('ok');

    // Unassign: the role is gone, and with it the permissions.
    await assignment.getByRole('button', { name: /取消分配/ }).click();
    await page.getByRole('status').filter({ hasText: `已取消 ${villageOfficer.nameZh} 在 文凤村 的分配。` }).waitFor();
    await page.getByText('此账号还没有角色。').waitFor();
    const after = await admin<{ effectivePermissions: { totalCount: number } }>(`query($id: UUID!) { effectivePermissions(principalKind: USER, principalId: $id) { totalCount } }`, { id: created.id });
    expect(after.body.data!.effectivePermissions.totalCount).toBe(0);
    await context.close();
  });

  it('finds accounts by the API’s filters, pages with a cursor, and shows an account beyond reach as not found; at a phone’s width', async () => {
    // A user administrator of 文凤村 only (a custom role with the access permissions, ORG_SUBTREE, assigned there).
    const orgs = await admin<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(`{ organizations(filter: { search: "文凤村" }, first: 5) { edges { node { id name } } } }`);
    const wenfeng = orgs.body.data!.organizations.edges.find((e) => e.node.name === '文凤村')!.node;
    const role = await admin<{ createRole: { id: string } }>(`mutation { createRole(input: { code: "wenfeng-user-admin", nameZh: "文凤村账号管理员", description: "Administers the accounts of one village" }) { id } }`);
    const roleId = role.body.data!.createRole.id;
    for (const permission of ['access.user:read', 'access.user:write', 'directory.organization:read']) {
      const granted = await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId, permission, scope: 'ORG_SUBTREE' } });
      expect(granted.body.errors).toBeUndefined();
    }
    const made = await admin<{ createUser: { id: string } }>(`mutation { createUser(input: { username: "wf-admin", displayName: "文凤村账号管理员", password: "Start12345", organizationId: "${wenfeng.id}" }) { id } }`);
    const assigned = await admin(`mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`, { input: { principalKind: 'USER', principalId: made.body.data!.createUser.id, roleId, organizationId: wenfeng.id } });
    expect(assigned.body.errors).toBeUndefined();
    const clerk = await admin(`mutation { createUser(input: { username: "wf-clerk", displayName: "文凤村文员", password: "Start12345", organizationId: "${wenfeng.id}" }) { id } }`);
    expect(clerk.body.errors).toBeUndefined();
    const superAdmin = await user('admin');

    const { page, context } = await c.open({ width: 390, height: 844 });
    await page.getByLabel('用户名').fill('wf-admin');
    await page.getByLabel('密码').fill('Start12345');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出' }).waitFor();
    await openAccounts(page);
    // Only the accounts within its reach, as the API lists them for it.
    const mine = await (await c.t.as('wf-admin', 'Start12345'))<{ users: { totalCount: number; edges: { node: { username: string } }[] } }>(`{ users(first: 100) { totalCount edges { node { username } } } }`);
    const names = mine.body.data!.users.edges.map((e) => e.node.username);
    // Not the super admin, nor 文凤村's village officer (its role reaches further than this administrator).
    expect(names).not.toContain('admin');
    expect(names).not.toContain('wenfeng');
    expect(names).toEqual(expect.arrayContaining(['wf-admin', 'wf-clerk']));
    await expect(page.locator('table.accounts-table tbody tr td:first-child').allTextContents()).resolves.toEqual(names.slice(0, 50));
    // Search through the API's filter.
    await page.getByLabel('关键词（用户名或显示名）').fill('wf-');
    await page.getByLabel('状态', { exact: true }).selectOption('ACTIVE');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 2 个账号，已显示 2 个').waitFor();
    await expect(page.locator('table.accounts-table tbody tr td:first-child').allTextContents()).resolves.toEqual(['wf-admin', 'wf-clerk']);
    expect(c.sent.filter((s) => s.operationName === 'ConsoleUsers').at(-1)?.variables).toMatchObject({ first: 50, filter: { search: 'wf-', status: 'ACTIVE' } });
    await page.getByRole('button', { name: '管理账号 wf-admin' }).click();
    await page.getByRole('heading', { name: /wf-admin/ }).waitFor();
    await page.getByRole('region', { name: /^账号：/ }).getByRole('row', { name: /文凤村账号管理员.*文凤村/ }).waitFor();
    const own = await admin<{ effectivePermissions: { totalCount: number } }>(`query($id: UUID!) { effectivePermissions(principalKind: USER, principalId: $id) { totalCount } }`, { id: made.body.data!.createUser.id });
    const n = own.body.data!.effectivePermissions.totalCount;
    expect(n).toBeGreaterThanOrEqual(3);
    await page.getByRole('region', { name: '有效权限' }).getByText(`共 ${n} 项，已显示 ${n} 项`).waitFor();
    // It may not hand out roles (no access.role:assign), so no assignment form.
    await expect(page.getByRole('button', { name: '分配', exact: true }).count()).resolves.toBe(0);
    await c.shoot(page, 'accounts-phone');

    // The super admin's account is beyond its reach: like a missing one.
    await page.goto(`${c.t.origin}/console/accounts?account=${encodeURIComponent(superAdmin.nodeId)}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('找不到该记录，或它不在您的管理范围内。');
    // And changing it through the API answers NOT_FOUND as well.
    const refused = await (await c.t.as('wf-admin', 'Start12345'))(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, { input: { id: superAdmin.id, version: superAdmin.version, status: 'DISABLED' } });
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    await context.close();
  });

  it('pages the account list with a cursor', async () => {
    // More accounts than one page of 50.
    for (let i = 0; i < 52; i += 1) {
      const made = await admin(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username: `pager-${String(i).padStart(2, '0')}`, displayName: `分页账号 ${i}`, password: 'Start12345' } });
      expect(made.body.errors).toBeUndefined();
    }
    const { page, context } = await c.signedIn('admin');
    await openAccounts(page);
    const count = await page.getByText(/^共 \d+ 个账号，已显示 \d+ 个$/).textContent();
    const total = Number(/共 (\d+)/.exec(count!)![1]);
    expect(count).toBe(`共 ${total} 个账号，已显示 50 个`);
    await page.getByRole('button', { name: '加载更多账号' }).click();
    await page.getByText(`共 ${total} 个账号，已显示 ${Math.min(total, 100)} 个`).waitFor();
    const pages = c.sent.filter((s) => s.operationName === 'ConsoleUsers').slice(-2);
    expect(pages[0]!.variables['after']).toBeNull();
    expect(typeof pages[1]!.variables['after']).toBe('string');
    await context.close();
  });
});
