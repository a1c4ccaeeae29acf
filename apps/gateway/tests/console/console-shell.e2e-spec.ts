import { describeBrowser, startConsole, type ConsoleUnderTest } from './console-browser';

/** The console's shell: served by the gateway at /console, sign-in, who may see it, language, refresh rotation, sign-out. */
describeBrowser('admin console: sign-in and shell (chromium)', () => {
  let c: ConsoleUnderTest;
  beforeAll(async () => {
    c = await startConsole();
  });
  afterAll(async () => {
    await c?.close();
  });
  afterEach(() => {
    // Every request any page sent was one of the generated documents.
    expect(c.strays).toEqual([]);
  });

  it('is served by the gateway: the page, its hashed assets cached for a year, any console path, a typed 404 for a missing asset', async () => {
    const page = await fetch(`${c.t.origin}/console/roles`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await page.text();
    const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${c.t.origin}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${c.t.origin}/console/assets/missing.js`)).status).toBe(404);
  });

  it('signs in an administrator, shows the pages its permissions open, keeps the session over a reload, and signs out', async () => {
    const { page, context } = await c.signedIn('admin');
    await c.shoot(page, 'sign-in-done');
    const nav = page.getByRole('navigation', { name: '管理功能' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['角色与授权', '账号', 'API 客户端', '审计日志']);
    expect(page.url()).toMatch(/\/console\/$/);
    // A reload continues the tab's session through refreshSession (the refresh token rotates).
    const before = c.sent.length;
    await page.reload();
    await page.getByRole('button', { name: '退出' }).waitFor();
    // The session's own requests (the first page's requests go on beside them): one refresh, then the viewer's
    // permissions in two pages of 100 (the super admin holds more than 100).
    const session = c.sent.slice(before).map((s) => s.operationName).filter((n) => n === 'ConsoleRefreshSession' || n === 'ConsoleViewer');
    expect(session).toEqual(['ConsoleRefreshSession', 'ConsoleViewer', 'ConsoleViewer']);
    expect(c.sent.filter((s) => s.operationName === 'ConsoleViewer').at(-1)?.variables).toEqual({ after: expect.any(String) });
    const beforeLogout = c.sent.length;
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByRole('button', { name: '登录' }).waitFor();
    // The first page's own requests may still be going on beside it.
    expect(c.sent.slice(beforeLogout).map((s) => s.operationName)).toContain('ConsoleLogout');
    // The ended session does not come back on reload.
    await page.reload();
    await page.getByRole('button', { name: '登录' }).waitFor();
    await context.close();
  });

  it('tells a wrong password in words, and tells an account without administration permissions that it has none', async () => {
    const { page, context } = await c.open();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('用户名或密码不正确，或账号已停用或暂时锁定。');
    await c.shoot(page, 'sign-in');
    await context.close();
    const village = await c.signedIn('wenfeng');
    await expect(village.page.getByRole('alert').textContent()).resolves.toContain('此账号没有访问管理权限');
    await expect(village.page.getByRole('navigation', { name: '管理功能' }).getByRole('link').count()).resolves.toBe(0);
    await village.context.close();
  });

  it('switches to English and keeps the choice', async () => {
    const { page, context } = await c.signedIn('admin');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('navigation', { name: 'Administration' }).getByRole('link').allTextContents()).resolves.toEqual(['Roles and grants', 'Accounts', 'API clients', 'Audit log']);
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: '退出' }).waitFor();
    await context.close();
  });
});
