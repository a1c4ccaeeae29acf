import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@platform/testing';
import { describeBrowser, startConsole, type ConsoleUnderTest } from './console-browser';

/**
 * 角色与授权 in the console: an administrator grants a permission to a custom role in the grid (a scope
 * picked in the cell, the diff reviewed, saved) and the account holding that role may do it on its very
 * next request, without signing in again; a revoke through the grid takes it away again. System roles
 * are read-only in the grid exactly as the API refuses to change them; custom roles are created and
 * deleted (an unused one) above the grid; an administrator granting beyond its own reach sees the API's
 * refusal in words. A phone's width.
 */
describeBrowser('admin console: roles and grants (chromium)', () => {
  let c: ConsoleUnderTest;
  let admin: Awaited<ReturnType<ConsoleUnderTest['t']['as']>>;
  let reviewer: { id: string; version: number };

  type RoleAnswer = { roles: { edges: { node: { id: string; code: string; nameZh: string; isSystem: boolean; version: number; grants: { edges: { node: { permission: string; scope: string } }[] } } }[] } };
  const ROLES = `{ roles(first: 100) { edges { node { id code nameZh isSystem version grants(first: 100) { edges { node { permission scope } } } } } } }`;
  const role = async (code: string) => (await admin<RoleAnswer>(ROLES)).body.data!.roles.edges.map((e) => e.node).find((r) => r.code === code);
  const USER = `query($search: String) { users(filter: { search: $search }, first: 5) { edges { node { id username organizationId } } } }`;
  type UserAnswer = { users: { edges: { node: { id: string; username: string; organizationId: string } }[] } };
  const user = async (username: string) => (await admin<UserAnswer>(USER, { search: username })).body.data!.users.edges.map((e) => e.node).find((u) => u.username === username)!;
  const ASSIGN = `mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`;

  /** What `expert` may not do by its system role: read the roles (access.role:read). */
  const PROBE = `{ roles(first: 1) { totalCount } }`;
  const probeCode = async (token: string): Promise<string> => {
    const res = await c.t.gql<{ roles: { totalCount: number } }>(PROBE, {}, { authorization: `Bearer ${token}` });
    return (res.body.errors?.[0]?.extensions?.['code'] as string | undefined) ?? (res.body.data!.roles.totalCount > 0 ? 'OK' : 'EMPTY');
  };

  const openRoles = async (page: Page) => {
    await page.getByRole('navigation', { name: '管理功能' }).getByRole('link', { name: '角色与授权' }).click();
    await page.getByRole('heading', { name: '角色与授权', level: 1 }).waitFor();
    await page.getByText(/^显示 \d+ 项权限，权限目录共 \d+ 项$/).waitFor();
  };

  /** Reviews the pending changes and saves them, returning the review table's rows as text. */
  const reviewAndSave = async (page: Page, count: number, screenshot?: string): Promise<string[]> => {
    await page.getByRole('button', { name: '检查修改' }).click();
    const diff = page.getByRole('region', { name: '检查修改' });
    await diff.waitFor();
    const rows = await diff.getByRole('row').allTextContents();
    if (screenshot) await c.shoot(page, screenshot);
    await diff.getByRole('button', { name: `保存 ${count} 处修改` }).click();
    await page.getByRole('status').filter({ hasText: /已保存/ }).waitFor();
    return rows;
  };

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.as('admin');
    // A custom role held by another account: 专家复核, given to `expert` at its own organization.
    const created = await admin<{ createRole: { id: string; version: number } }>(`mutation { createRole(input: { code: "visit-reviewer", nameZh: "专家复核", description: "Experts who also review the role set-up." }) { id version } }`);
    reviewer = created.body.data!.createRole;
    const expert = await user('expert');
    const assigned = await admin(ASSIGN, { input: { principalKind: 'USER', principalId: expert.id, roleId: reviewer.id, organizationId: expert.organizationId } });
    expect(assigned.body.errors).toBeUndefined();
  });
  afterAll(async () => {
    await c?.close();
  });
  afterEach(() => {
    // Every request any page sent was one of the generated documents.
    expect(c.strays).toEqual([]);
  });

  it('grants a permission in the grid after reviewing the diff: the other signed-in account may do it on its next request; a revoke in the grid takes it away', async () => {
    const expertToken = await c.t.token('expert');
    expect(await probeCode(expertToken)).toBe('FORBIDDEN');

    const { page, context } = await c.signedIn('admin');
    await openRoles(page);
    await page.getByLabel('搜索权限').fill('access.role:read');
    await expect(page.getByText(/^显示 1 项权限/).count()).resolves.toBe(1);
    const cell = page.getByRole('combobox', { name: '专家复核 · access.role:read' });
    await expect(cell.inputValue()).resolves.toBe('');
    await cell.selectOption('ALL');
    await page.getByText('已修改 1 处，尚未保存。').waitFor();
    await expect(page.locator('td.changed').count()).resolves.toBe(1);

    const rows = await reviewAndSave(page, 1, 'roles-diff');
    expect(rows).toEqual([expect.stringContaining('角色'), '专家复核 visit-reviewer查看角色 access.role:read未授予 → 全部待保存']);
    const diff = page.getByRole('region', { name: '检查修改' });
    await expect(diff.getByRole('row').nth(1).textContent()).resolves.toContain('已保存');
    await expect(page.getByRole('status').textContent()).resolves.toContain('已保存 1 处修改');

    // The API holds the grant, and the same token of `expert` may now read the roles: its next request, no new sign-in.
    expect((await role('visit-reviewer'))!.grants.edges.map((e) => e.node)).toEqual([{ permission: 'access.role:read', scope: 'ALL' }]);
    expect(await probeCode(expertToken)).toBe('OK');

    // Back in the grid the cell shows the saved scope and is no longer marked; then revoke it through the grid.
    await diff.getByRole('button', { name: '返回表格继续修改' }).click();
    await page.getByLabel('搜索权限').fill('access.role:read');
    await expect(cell.inputValue()).resolves.toBe('ALL');
    await expect(page.locator('td.changed').count()).resolves.toBe(0);
    await cell.selectOption('');
    const revoked = await reviewAndSave(page, 1);
    expect(revoked[1]).toBe('专家复核 visit-reviewer查看角色 access.role:read全部 → 未授予待保存');
    expect((await role('visit-reviewer'))!.grants.edges).toEqual([]);
    expect(await probeCode(expertToken)).toBe('FORBIDDEN');
    await context.close();
  });

  it('shows system roles read-only with the lock and the reason, as the API refuses to change them', async () => {
    const { page, context } = await c.signedIn('admin');
    await openRoles(page);
    // The risk module: the system roles' declared scopes side by side, the custom role's cells editable.
    await page.getByLabel('模块').selectOption('risk');
    await page.getByText(/^模块 risk（\d+）$/).waitFor();
    await c.shoot(page, 'roles');
    await page.getByLabel('模块').selectOption('access');
    await page.getByLabel('搜索权限').fill('access.role:read');
    // 镇安办 holds access.role:read everywhere by the modules' declaration: shown, locked, not editable.
    await expect(page.getByRole('combobox', { name: '镇安办（应急办） · access.role:read' }).count()).resolves.toBe(0);
    const header = page.getByRole('columnheader').filter({ hasText: 'town-safety-office' });
    await expect(header.textContent()).resolves.toContain('系统角色');
    const locked = page.getByTitle('镇安办（应急办）：全部（系统角色，只读）');
    await expect(locked.textContent()).resolves.toBe('全部');
    await expect(locked.locator('select').count()).resolves.toBe(0);
    await expect(page.getByText('系统角色的授权随各模块的声明自动设定，平台拒绝修改或删除').count()).resolves.toBe(1);
    // Every editable cell belongs to a custom role.
    const labels = await page.getByRole('combobox').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')).filter((l) => l?.includes(' · ')));
    expect(labels).toEqual(['专家复核 · access.role:read']);

    // The API refuses exactly this: a grant to a system role.
    const office = (await role('town-safety-office'))!;
    const refused = await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: office.id, permission: 'access.role:write', scope: 'ALL' } });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'input.id', rule: 'customRole' })] });
    await context.close();
  });

  it('creates a custom role in the form, deletes it while nobody holds it, and tells in words that a held role cannot be deleted', async () => {
    const { page, context } = await c.signedIn('admin');
    await openRoles(page);
    await page.getByText('新建自定义角色', { exact: true }).click();
    await page.getByLabel('角色代码').fill('flood-duty');
    await page.getByLabel('角色名称').fill('防汛值班员');
    await page.getByLabel('说明').fill('Flood-season duty officer');
    await page.getByRole('button', { name: '新建角色' }).click();
    await page.getByRole('status').filter({ hasText: '已新建角色“防汛值班员”（flood-duty）' }).waitFor();
    await page.getByRole('columnheader').filter({ hasText: 'flood-duty' }).waitFor();
    expect(await role('flood-duty')).toMatchObject({ nameZh: '防汛值班员', isSystem: false });

    await page.getByRole('button', { name: '删除角色 防汛值班员' }).click();
    await page.getByRole('button', { name: '确认删除“防汛值班员”' }).click();
    await page.getByRole('status').filter({ hasText: '已删除角色“防汛值班员”。' }).waitFor();
    await expect(page.getByRole('columnheader').filter({ hasText: 'flood-duty' }).count()).resolves.toBe(0);
    expect(await role('flood-duty')).toBeUndefined();

    // 专家复核 is held by `expert`: the API refuses, and the console says why.
    await page.getByRole('button', { name: '删除角色 专家复核' }).click();
    await page.getByRole('button', { name: '确认删除“专家复核”' }).click();
    const alert = await page.getByRole('alert').textContent();
    expect(alert).toContain('输入有误');
    expect(alert).toContain('still assigned');
    expect(await role('visit-reviewer')).toBeDefined();
    await context.close();
  });

  it("shows the API's refusal in words when an administrator grants beyond its own permissions", async () => {
    // A role keeper: may maintain roles everywhere, but holds nothing else (not kernel.audit:read).
    const keeperRole = await admin<{ createRole: { id: string } }>(`mutation { createRole(input: { code: "role-keeper", nameZh: "角色维护员", description: "Maintains custom roles." }) { id } }`);
    const keeperRoleId = keeperRole.body.data!.createRole.id;
    for (const permission of ['access.role:read', 'access.role:write']) {
      const granted = await admin(`mutation($input: GrantPermissionInput!) { grantPermission(input: $input) { id } }`, { input: { roleId: keeperRoleId, permission, scope: 'ALL' } });
      expect(granted.body.errors).toBeUndefined();
    }
    const home = (await user('admin')).organizationId;
    const created = await admin<{ createUser: { id: string } }>(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { username: 'keeper', password: DEMO_PASSWORD, displayName: '角色维护员', organizationId: home },
    });
    expect(created.body.errors).toBeUndefined();
    const assigned = await admin(ASSIGN, { input: { principalKind: 'USER', principalId: created.body.data!.createUser.id, roleId: keeperRoleId, organizationId: home } });
    expect(assigned.body.errors).toBeUndefined();

    const { page, context } = await c.signedIn('keeper');
    await openRoles(page);
    await page.getByLabel('搜索权限').fill('kernel.audit:read');
    await page.getByRole('combobox', { name: '专家复核 · kernel.audit:read' }).selectOption('ALL');
    await page.getByRole('button', { name: '检查修改' }).click();
    const diff = page.getByRole('region', { name: '检查修改' });
    await diff.getByRole('button', { name: '保存 1 处修改' }).click();
    await page.getByRole('status').filter({ hasText: '已保存 0 处修改，1 处被平台拒绝' }).waitFor();
    const refusal = await diff.getByRole('alert').textContent();
    expect(refusal).toContain('您没有执行此操作的权限');
    expect(refusal).toContain('you do not hold it that widely');
    expect((await role('visit-reviewer'))!.grants.edges).toEqual([]);
    // The refused change stays marked in the grid.
    await diff.getByRole('button', { name: '返回表格继续修改' }).click();
    await page.getByText('已修改 1 处，尚未保存。').waitFor();
    await context.close();
  });

  it('works at a phone width: the grid scrolls inside its frame', async () => {
    const { page, context } = await c.signedIn('admin', { width: 390, height: 844 });
    await openRoles(page);
    const frame = page.locator('.roles-grid');
    const [scrollWidth, clientWidth] = await frame.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    await frame.scrollIntoViewIfNeeded();
    await expect(frame.evaluate((el) => el.ownerDocument.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await c.shoot(page, 'roles-phone');
    // Scrolled down and across inside the frame, the role headers and the permission names stay in view.
    await frame.evaluate((el) => el.scrollTo(400, 3000));
    const box = (await frame.boundingBox())!;
    const header = (await page.getByRole('columnheader', { name: /^权限$/ }).boundingBox())!;
    expect(Math.abs(header.y - box.y)).toBeLessThan(3);
    expect(Math.abs(header.x - box.x)).toBeLessThan(3);
    await context.close();
  });
});
