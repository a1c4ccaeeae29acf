import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../../api/client';
import { usePagedList } from '../../api/connection';
import { navigate, useLocation } from '../../app/router';
import { useSession } from '../../app/session';
import { EffectivePermissions } from '../../components/EffectivePermissions';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import {
  ConsoleAccountDocument,
  ConsoleAssignableRolesDocument,
  ConsoleAssignRoleDocument,
  ConsoleCreateUserDocument,
  ConsoleUnassignRoleDocument,
  ConsoleUpdateUserDocument,
  ConsoleUsersDocument,
  type AccountStatus,
  type ConsoleAccountQuery,
  type ConsoleAssignableRolesQuery,
  type ConsoleUsersQuery,
} from '../../generated/graphql';
import { defineMessages, useDateTime, useMessages } from '../../i18n/i18n';
import './accounts.css';

/*
 * 账号与角色分配: the accounts within the administrator's reach (`users`), created, disabled and enabled,
 * their passwords reset (`createUser`, `updateUser` with the version read); the selected account's role
 * assignments (`assignRole` at an organization picked in the tree, `unassignRole`) and its effective
 * permissions as the API computes them. The selected account is in the address (?account=<nodeId>); one
 * beyond reach answers like a missing one (NOT_FOUND).
 */

type Account = ConsoleUsersQuery['users']['edges'][number]['node'];
type AccountDetail = Extract<NonNullable<ConsoleAccountQuery['node']>, { __typename: 'User' }>;
type Assignment = AccountDetail['assignments']['edges'][number]['node'];
type Role = ConsoleAssignableRolesQuery['roles']['edges'][number]['node'];

const PAGE = 50;

const messages = defineMessages({
  zh: {
    title: '账号与角色分配',
    search: '关键词（用户名或显示名）',
    status: '状态',
    anyStatus: '全部',
    ACTIVE: '启用',
    DISABLED: '停用',
    apply: '查询',
    create: '新建账号',
    cancel: '取消',
    username: '用户名',
    displayName: '显示名',
    organization: '所属组织',
    password: '初始密码',
    passwordHint: '至少 10 位，含字母和数字',
    usernameHint: '3–40 位字母、数字、点、连字符或下划线',
    save: '创建',
    lastLogin: '上次登录',
    lockedUntil: '锁定至',
    actions: '操作',
    manage: '管理账号',
    more: '加载更多账号',
    count: '共 {total} 个账号，已显示 {shown} 个',
    empty: '没有符合条件的账号。',
    loading: '正在加载…',
    created: '已创建账号 {name}。',
    accountsTable: '账号列表',
    account: '账号：{name}',
    close: '关闭',
    disable: '停用账号',
    enable: '启用账号',
    disabled: '已停用账号 {name}，其会话已全部结束。',
    enabled: '已启用账号 {name}。',
    resetTitle: '重置密码',
    newPassword: '新密码',
    reset: '重置密码',
    resetDone: '已重置 {name} 的密码，其会话已全部结束。',
    assignments: '角色分配',
    role: '角色',
    anchor: '锚点组织',
    assignedAt: '分配时间',
    unassign: '取消分配',
    unassigned: '已取消 {role} 在 {org} 的分配。',
    noAssignments: '此账号还没有角色。',
    assignTitle: '分配角色',
    chooseRole: '请选择角色',
    assign: '分配',
    assigned: '已在 {org} 分配角色 {role}。',
    moreAssignments: '加载更多分配',
    systemRole: '系统角色',
    hiddenOrg: '（无权查看该组织）',
    none: '—',
  },
  en: {
    title: 'Accounts and role assignments',
    search: 'Search (username or display name)',
    status: 'Status',
    anyStatus: 'Any',
    ACTIVE: 'Active',
    DISABLED: 'Disabled',
    apply: 'Search',
    create: 'New account',
    cancel: 'Cancel',
    username: 'Username',
    displayName: 'Display name',
    organization: 'Organization',
    password: 'Initial password',
    passwordHint: 'at least 10 characters, with letters and digits',
    usernameHint: '3–40 letters, digits, dots, hyphens or underscores',
    save: 'Create',
    lastLogin: 'Last sign-in',
    lockedUntil: 'Locked until',
    actions: 'Actions',
    manage: 'Manage account',
    more: 'Load more accounts',
    count: '{shown} of {total} accounts shown',
    empty: 'No account matches.',
    loading: 'Loading…',
    created: 'Account {name} created.',
    accountsTable: 'Accounts',
    account: 'Account: {name}',
    close: 'Close',
    disable: 'Disable account',
    enable: 'Enable account',
    disabled: 'Account {name} disabled; its sessions have ended.',
    enabled: 'Account {name} enabled.',
    resetTitle: 'Reset password',
    newPassword: 'New password',
    reset: 'Reset password',
    resetDone: 'Password of {name} reset; its sessions have ended.',
    assignments: 'Role assignments',
    role: 'Role',
    anchor: 'Organization',
    assignedAt: 'Assigned',
    unassign: 'Unassign',
    unassigned: 'Role {role} at {org} unassigned.',
    noAssignments: 'This account holds no role yet.',
    assignTitle: 'Assign a role',
    chooseRole: 'Choose a role',
    assign: 'Assign',
    assigned: 'Role {role} assigned at {org}.',
    moreAssignments: 'Load more assignments',
    systemRole: 'system role',
    hiddenOrg: '(organization not readable)',
    none: '—',
  },
});

export function AccountsPage() {
  const t = useMessages(messages);
  const { search } = useLocation();
  const selected = search.get('account');
  const [notice, setNotice] = useState<string | null>(null);
  const [reloadList, setReloadList] = useState(0);

  const select = (nodeId: string | null) => {
    setNotice(null);
    navigate(nodeId ? `/accounts?account=${encodeURIComponent(nodeId)}` : '/accounts');
  };

  return (
    <div className="accounts">
      <h1>{t('title')}</h1>
      <p className="notice" role="status">
        {notice}
      </p>
      <CreateAccount
        onCreated={(a) => {
          setNotice(t('created', { name: a.username }));
          setReloadList((n) => n + 1);
          navigate(`/accounts?account=${encodeURIComponent(a.nodeId)}`);
        }}
      />
      <AccountList refresh={reloadList} selected={selected} onSelect={select} />
      {selected && <AccountPanel key={selected} nodeId={selected} onNotice={setNotice} onChanged={() => setReloadList((n) => n + 1)} onClose={() => select(null)} />}
    </div>
  );
}

function AccountList({ refresh, selected, onSelect }: { refresh: number; selected: string | null; onSelect(nodeId: string): void }) {
  const t = useMessages(messages);
  const dateTime = useDateTime();
  const [searchText, setSearchText] = useState('');
  const [statusInput, setStatusInput] = useState<AccountStatus | ''>('');
  const [filter, setFilter] = useState<{ search: string; status: AccountStatus | '' }>({ search: '', status: '' });
  const fetchPage = useCallback(
    async (after: string | null) =>
      (
        await request(ConsoleUsersDocument, {
          first: PAGE,
          after,
          filter: { ...(filter.search ? { search: filter.search } : {}), ...(filter.status ? { status: filter.status } : {}) },
        })
      ).users,
    [filter],
  );
  // Again after a change made in the panel (the filter stays).
  const { items, total, hasMore, loading, error, more } = usePagedList(fetchPage, refresh);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ search: searchText.trim(), status: statusInput });
  };

  return (
    <section aria-labelledby="accounts-list-title">
      <h2 id="accounts-list-title">{t('accountsTable')}</h2>
      <form className="toolbar" onSubmit={submit}>
        <label>
          {t('search')}
          <input type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
        </label>
        <div className="field">
          <label htmlFor="accounts-status">{t('status')}</label>
          <select id="accounts-status" value={statusInput} onChange={(e) => setStatusInput(e.target.value as AccountStatus | '')}>
            <option value="">{t('anyStatus')}</option>
            <option value="ACTIVE">{t('ACTIVE')}</option>
            <option value="DISABLED">{t('DISABLED')}</option>
          </select>
        </div>
        <button type="submit">{t('apply')}</button>
      </form>
      <ErrorMessage error={error} />
      <p className="muted" aria-live="polite">
        {loading ? t('loading') : items.length === 0 ? t('empty') : t('count', { total, shown: items.length })}
      </p>
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="accounts-table">
            <thead>
              <tr>
                <th scope="col">{t('username')}</th>
                <th scope="col">{t('displayName')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('organization')}</th>
                <th scope="col">{t('lastLogin')}</th>
                <th scope="col">{t('lockedUntil')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} aria-current={a.nodeId === selected ? 'true' : undefined}>
                  <td>
                    <button type="button" className="link-button" aria-label={`${t('manage')} ${a.username}`} onClick={() => onSelect(a.nodeId)}>
                      <code>{a.username}</code>
                    </button>
                  </td>
                  <td>{a.displayName}</td>
                  <td>
                    <span className={`status status-${a.status.toLowerCase()}`}>{t(a.status)}</span>
                  </td>
                  <td>{a.organization?.name ?? (a.organizationId ? t('hiddenOrg') : t('none'))}</td>
                  <td>{dateTime(a.lastLoginAt)}</td>
                  <td>{a.lockedUntil && new Date(a.lockedUntil) > new Date() ? dateTime(a.lockedUntil) : t('none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && (
        <button
          type="button"
          className="secondary more"
          disabled={loading}
          onClick={() => void more()}
        >
          {t('more')}
        </button>
      )}
    </section>
  );
}

function CreateAccount({ onCreated }: { onCreated(account: Account): void }) {
  const t = useMessages(messages);
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!can('access.user:write')) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { createUser } = await request(ConsoleCreateUserDocument, {
        input: { username: username.trim(), displayName: displayName.trim(), password, ...(organizationId ? { organizationId } : {}) },
      });
      setOpen(false);
      setUsername('');
      setDisplayName('');
      setPassword('');
      setOrganizationId(null);
      onCreated(createUser);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <div className="toolbar">
        <button type="button" onClick={() => setOpen(true)}>
          {t('create')}
        </button>
      </div>
    );
  }
  return (
    <section className="panel" aria-labelledby="create-account-title">
      <h2 id="create-account-title">{t('create')}</h2>
      <form className="create-account" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label>
            {t('username')}
            <input required value={username} autoComplete="off" onChange={(e) => setUsername(e.target.value)} aria-describedby="username-hint" />
          </label>
          <span id="username-hint" className="muted hint">
            {t('usernameHint')}
          </span>
        </div>
        <label>
          {t('displayName')}
          <input required value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <OrganizationPicker label={t('organization')} value={organizationId} onChange={(id) => setOrganizationId(id)} />
        <div className="field">
          <label>
            {t('password')}
            <input required type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} aria-describedby="password-hint" />
          </label>
          <span id="password-hint" className="muted hint">
            {t('passwordHint')}
          </span>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('save')}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}

function AccountPanel({ nodeId, onNotice, onChanged, onClose }: { nodeId: string; onNotice(text: string): void; onChanged(): void; onClose(): void }) {
  const t = useMessages(messages);
  const dateTime = useDateTime();
  const { can } = useSession();
  const writable = can('access.user:write');
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [revision, setRevision] = useState(0);

  // The account and a page of its assignments, in one answer.
  const fetchPage = useCallback(
    async (after: string | null) => {
      const { node } = await request(ConsoleAccountDocument, { nodeId, first: 100, after });
      // Beyond reach reads exactly like missing: the API's NOT_FOUND, in words.
      if (!node || node.__typename !== 'User') throw new ApiError('No account with this id within your reach.', 'NOT_FOUND');
      return { ...node.assignments, account: node };
    },
    [nodeId],
  );
  const { items: assignments, hasMore, error, answer, more, reload } = usePagedList(fetchPage);
  const account = answer?.account ?? null;

  const act = async (run: () => Promise<string>) => {
    setBusy(true);
    setActionError(null);
    try {
      const text = await run();
      onNotice(text);
      onChanged();
      setRevision((r) => r + 1);
      await reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const setStatus = (status: AccountStatus) =>
    act(async () => {
      if (!account) return '';
      const { updateUser } = await request(ConsoleUpdateUserDocument, { input: { id: account.id, version: account.version, status } });
      return t(status === 'DISABLED' ? 'disabled' : 'enabled', { name: updateUser.username });
    });

  const resetPassword = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      if (!account) return '';
      const { updateUser } = await request(ConsoleUpdateUserDocument, { input: { id: account.id, version: account.version, password: newPassword } });
      setNewPassword('');
      return t('resetDone', { name: updateUser.username });
    });
  };

  const unassign = (a: Assignment) =>
    act(async () => {
      await request(ConsoleUnassignRoleDocument, { id: a.id });
      return t('unassigned', { role: a.role.nameZh, org: a.organization?.name ?? a.organizationId });
    });

  return (
    <section className="panel account-panel" aria-labelledby="account-title">
      <div className="panel-head">
        <h2 id="account-title">{account ? t('account', { name: `${account.displayName}（${account.username}）` }) : t('account', { name: '' })}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <ErrorMessage error={error} />
      {account && (
        <>
          <dl className="facts">
            <dt>{t('status')}</dt>
            <dd>
              <span className={`status status-${account.status.toLowerCase()}`}>{t(account.status)}</span>
            </dd>
            <dt>{t('organization')}</dt>
            <dd>{account.organization?.name ?? (account.organizationId ? t('hiddenOrg') : t('none'))}</dd>
            <dt>{t('lastLogin')}</dt>
            <dd>{dateTime(account.lastLoginAt)}</dd>
            <dt>{t('lockedUntil')}</dt>
            <dd>{account.lockedUntil && new Date(account.lockedUntil) > new Date() ? dateTime(account.lockedUntil) : t('none')}</dd>
          </dl>
          {writable && (
            <div className="account-actions">
              {account.status === 'ACTIVE' ? (
                <button type="button" className="danger" disabled={busy} onClick={() => void setStatus('DISABLED')}>
                  {t('disable')}
                </button>
              ) : (
                <button type="button" disabled={busy} onClick={() => void setStatus('ACTIVE')}>
                  {t('enable')}
                </button>
              )}
              <form className="reset-password" onSubmit={resetPassword} aria-label={t('resetTitle')}>
                <div className="field">
                  <label>
                    {t('newPassword')}
                    <input required type="password" autoComplete="new-password" value={newPassword} onChange={(e) => setNewPassword(e.target.value)} aria-describedby="reset-hint" />
                  </label>
                  <span id="reset-hint" className="muted hint">
                    {t('passwordHint')}
                  </span>
                </div>
                <button type="submit" className="secondary" disabled={busy}>
                  {t('reset')}
                </button>
              </form>
            </div>
          )}
          <ErrorMessage error={actionError} />

          <h3>{t('assignments')}</h3>
          {assignments.length === 0 ? (
            <p className="muted">{t('noAssignments')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('role')}</th>
                    <th scope="col">{t('anchor')}</th>
                    <th scope="col">{t('assignedAt')}</th>
                    {writable && <th scope="col">{t('actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {assignments.map((a) => (
                    <tr key={a.id}>
                      <td>
                        {a.role.nameZh} <code className="muted">{a.role.code}</code>
                        {a.role.isSystem && <span className="muted"> · {t('systemRole')}</span>}
                      </td>
                      <td>{a.organization?.name ?? t('hiddenOrg')}</td>
                      <td>{dateTime(a.createdAt)}</td>
                      {writable && (
                        <td>
                          <button type="button" className="secondary" disabled={busy} aria-label={`${t('unassign')} ${a.role.nameZh} @ ${a.organization?.name ?? a.organizationId}`} onClick={() => void unassign(a)}>
                            {t('unassign')}
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {hasMore && (
            <button type="button" className="secondary more" onClick={() => void more()}>
              {t('moreAssignments')}
            </button>
          )}
          {writable && can('access.role:assign') && <AssignRole principalId={account.id} busy={busy} onAssign={(run) => act(run)} />}
          <EffectivePermissions key={`${account.id}-${revision}`} principalKind="USER" principalId={account.id} />
        </>
      )}
    </section>
  );
}

function AssignRole({ principalId, busy, onAssign }: { principalId: string; busy: boolean; onAssign(run: () => Promise<string>): Promise<void> }) {
  const t = useMessages(messages);
  const [roles, setRoles] = useState<Role[]>([]);
  const [roleId, setRoleId] = useState('');
  const [org, setOrg] = useState<{ id: string; name: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const all: Role[] = [];
      let after: string | null = null;
      // Every role there is (a few dozen), 100 a page.
      for (;;) {
        const { roles: page }: ConsoleAssignableRolesQuery = await request(ConsoleAssignableRolesDocument, { first: 100, after });
        all.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      if (live) setRoles(all);
    })().catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const role = roles.find((r) => r.id === roleId);
    if (!role || !org) return;
    void onAssign(async () => {
      await request(ConsoleAssignRoleDocument, { input: { principalKind: 'USER', principalId, roleId: role.id, organizationId: org.id } });
      return t('assigned', { role: role.nameZh, org: org.name });
    });
  };

  return (
    <form className="assign-role" onSubmit={submit} aria-labelledby="assign-title">
      <h3 id="assign-title">{t('assignTitle')}</h3>
      <div className="assign-fields">
        <div className="field">
          <label htmlFor="assign-role">{t('role')}</label>
          <select id="assign-role" required value={roleId} onChange={(e) => setRoleId(e.target.value)}>
            <option value="">{t('chooseRole')}</option>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                {r.nameZh}（{r.code}）
              </option>
            ))}
          </select>
        </div>
        <OrganizationPicker label={t('anchor')} value={org?.id ?? null} onChange={(id, name) => setOrg(id && name ? { id, name } : null)} />
        <button type="submit" disabled={busy || !roleId || !org}>
          {t('assign')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
