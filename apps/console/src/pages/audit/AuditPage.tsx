import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { Link, navigate, useLocation } from '../../app/router';
import { useSession } from '../../app/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import {
  ConsoleAuditLogDocument,
  ConsoleAuditRecordDocument,
  ConsoleAuditUsersDocument,
  type AuditLogFilter,
  type ConsoleAuditLogQuery,
  type ConsoleAuditLogQueryVariables,
  type ConsoleAuditRecordLabelFragment,
  type ConsoleAuditUsersQuery,
} from '../../generated/graphql';
import { defineMessages, useLanguage, useMessages } from '../../i18n/i18n';
import './audit.css';

/*
 * 审计日志: who changed what, when and from where (`auditLog`), newest first, 25 a page with cursors.
 * The filters (actor, action prefix, record by global id or by type and id, the actor's home organization,
 * a time range in China time) live in the address bar, so a filtered view — a record's history, the
 * sensitive reads — can be linked, reloaded and gone back to.
 */

type Entry = ConsoleAuditLogQuery['auditLog']['edges'][number]['node'];
type PageInfo = ConsoleAuditLogQuery['auditLog']['pageInfo'];
type FoundUser = ConsoleAuditUsersQuery['users']['edges'][number]['node'];

const PAGE_SIZE = 25;
/** The action of an audited read of personal data (see the README, "personal data"). */
const SENSITIVE_READ = 'kernel.sensitive.read';
/** Actions offered as suggestions for the action filter (any prefix may be typed). */
const ACTION_SUGGESTIONS = ['access.', 'access.role.', 'access.role.grant', 'access.role.revoke', 'access.role.assign', 'access.role.unassign', 'access.user.', 'access.api-client.', 'access.session.', SENSITIVE_READ];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const messages = defineMessages({
  zh: {
    title: '审计日志',
    intro: '平台记录的每一项变更和每一次敏感数据读取：谁、何时、从哪里、对哪条记录做了什么。日志不能修改或删除。',
    filters: '筛选条件',
    filtersActive: '筛选条件（已设 {count} 项）',
    actor: '操作者',
    actorHint: '姓名、用户名，或粘贴标识',
    actorHelp: '输入姓名或用户名后点“查找账号”选择账号，或粘贴用户 / API 客户端的标识',
    findActor: '查找账号',
    actorResults: '匹配的账号',
    noUsers: '没有匹配的账号。',
    pickActor: '请从查找结果中选择一个账号，或粘贴标识。',
    action: '操作（前缀）',
    actionHint: '如 access.role.grant',
    record: '对象全局标识（nodeId）',
    recordHint: '粘贴记录的 nodeId',
    entityType: '对象类型',
    entityTypeHint: '例如 Role、User',
    entityId: '对象标识',
    organization: '操作者所属组织',
    from: '起始时间（北京时间）',
    to: '截止时间（北京时间）',
    apply: '筛选',
    clear: '清除筛选',
    sensitive: '只看敏感数据读取',
    badTime: '时间格式不正确。',
    loading: '正在加载…',
    total: '共 {count} 条记录',
    empty: '没有符合条件的记录。',
    time: '时间',
    operator: '操作者',
    operation: '操作',
    object: '对象',
    changes: '变更内容',
    requestId: '请求标识',
    ip: '来源地址',
    system: '系统',
    anonymous: '匿名',
    hiddenUser: '用户（不在您的管理范围内）',
    hiddenClient: 'API 客户端（不在您的管理范围内）',
    apiClient: 'API 客户端',
    onlyActor: '只看 {name} 的操作',
    onlyOrganization: '只看 {name} 人员的操作',
    history: '历史',
    historyOf: '查看 {name} 的变更历史',
    noChanges: '—',
    sensitiveBadge: '敏感数据读取',
    sensitiveSummary: '读取了 {count} 条记录的 {fields}',
    recordHistory: '对象历史：{name}',
    recordUnknown: '（已删除或您无权查看的记录）',
    allEntries: '返回全部日志',
    previous: '上一页',
    next: '下一页',
    paging: '分页',
  },
  en: {
    title: 'Audit log',
    intro: 'Every change and every read of personal data the platform recorded: who did what to which record, when and from where. Entries cannot be edited or deleted.',
    filters: 'Filters',
    filtersActive: 'Filters ({count} set)',
    actor: 'Actor',
    actorHint: 'Name, username, or paste an id',
    actorHelp: 'Type a name or username and press “Find account” to pick one, or paste a user or API client id',
    findActor: 'Find account',
    actorResults: 'Matching accounts',
    noUsers: 'No account matches.',
    pickActor: 'Pick one of the accounts found, or paste an id.',
    action: 'Action (prefix)',
    actionHint: 'e.g. access.role.grant',
    record: 'Record global id (nodeId)',
    recordHint: 'Paste a record’s nodeId',
    entityType: 'Record type',
    entityTypeHint: 'e.g. Role, User',
    entityId: 'Record id',
    organization: 'Actor’s organization',
    from: 'From (China time)',
    to: 'To (China time)',
    apply: 'Filter',
    clear: 'Clear filters',
    sensitive: 'Sensitive reads only',
    badTime: 'The time is not valid.',
    loading: 'Loading…',
    total: '{count} entries',
    empty: 'No entry matches.',
    time: 'Time',
    operator: 'Actor',
    operation: 'Action',
    object: 'Record',
    changes: 'Changes',
    requestId: 'Request id',
    ip: 'IP address',
    system: 'System',
    anonymous: 'Anonymous',
    hiddenUser: 'User (beyond what you administer)',
    hiddenClient: 'API client (beyond what you administer)',
    apiClient: 'API client',
    onlyActor: 'Only changes by {name}',
    onlyOrganization: 'Only changes by accounts of {name}',
    history: 'History',
    historyOf: 'History of {name}',
    noChanges: '—',
    sensitiveBadge: 'Sensitive read',
    sensitiveSummary: 'read {fields} of {count} records',
    recordHistory: 'Record history: {name}',
    recordUnknown: '(deleted, or a record you may not read)',
    allEntries: 'Back to the whole log',
    previous: 'Previous',
    next: 'Next',
    paging: 'Pages',
  },
});

type Translate = (key: keyof (typeof messages)['zh'], params?: Record<string, string | number>) => string;

/** The filters as they stand in the address bar (`from`/`to` as China-time `YYYY-MM-DDTHH:mm`). */
interface Filters {
  actor: string;
  action: string;
  record: string;
  type: string;
  entity: string;
  org: string;
  from: string;
  to: string;
}

const FILTER_KEYS: readonly (keyof Filters)[] = ['actor', 'action', 'record', 'type', 'entity', 'org', 'from', 'to'];

function readFilters(search: URLSearchParams): Filters {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, search.get(k)?.trim() ?? ''])) as unknown as Filters;
}

/** The page's address for these filters (and cursor), without empty ones. */
function auditPath(filters: Partial<Filters>, cursor?: { after?: string | null; before?: string | null }): string {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k]?.trim();
    if (v) params.set(k, v);
  }
  if (cursor?.after) params.set('after', cursor.after);
  if (cursor?.before) params.set('before', cursor.before);
  const q = params.toString();
  return q ? `/audit?${q}` : '/audit';
}

/** A China-time `YYYY-MM-DDTHH:mm` (China has no daylight saving: always UTC+8) as an ISO instant; null when not one. */
function chinaTimeToIso(local: string): string | null {
  if (!LOCAL_DATE_TIME.test(local)) return null;
  const d = new Date(`${local}:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The API's filter for the address bar's filters; an invalid value is sent as is, for the API to refuse in words. */
function apiFilter(f: Filters): AuditLogFilter {
  const filter: AuditLogFilter = {};
  if (f.actor) filter.actorId = f.actor;
  if (f.action) filter.actionPrefix = f.action;
  if (f.record) filter.nodeId = f.record;
  if (f.type) filter.entityType = f.type;
  if (f.entity) filter.entityId = f.entity;
  if (f.org) filter.organizationId = f.org;
  if (f.from) filter.from = chinaTimeToIso(f.from) ?? f.from;
  if (f.to) filter.to = chinaTimeToIso(f.to) ?? f.to;
  return filter;
}

/** A record's name as far as its type tells one, else its type. */
function recordName(node: ConsoleAuditRecordLabelFragment | null | undefined): string | null {
  if (!node) return null;
  switch (node.__typename) {
    case 'Role':
      return `${node.nameZh}（${node.code}）`;
    case 'User':
      return `${node.displayName}（${node.username}）`;
    case 'ApiClient':
      return node.name;
    case 'Organization':
    case 'Person':
      return node.name;
    default:
      return null;
  }
}

function short(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The changes on one line: `field: before → after` for a change, `field: value` for a created record's fields. */
function changesSummary(entry: Entry, t: Translate): string {
  const changes = entry.changes;
  if (entry.action === SENSITIVE_READ && changes['records'] && typeof changes['records'] === 'object') {
    const records = changes['records'] as Record<string, unknown>;
    const fields = new Set(Object.values(records).flatMap((v) => (Array.isArray(v) ? v.map(String) : [])));
    return t('sensitiveSummary', { count: Object.keys(records).length, fields: [...fields].join('、') || '—' });
  }
  const text = Object.entries(changes)
    .map(([k, v]) => (Array.isArray(v) && v.length === 2 ? `${k}: ${short(v[0])} → ${short(v[1])}` : `${k}: ${short(v)}`))
    .join('; ');
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

function useTimestamp(): (iso: string) => string {
  const { language } = useLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    });
    return (iso: string) => format.format(new Date(iso));
  }, [language]);
}

export function AuditPage() {
  const t = useMessages(messages);
  const { search } = useLocation();
  const query = search.toString();
  const filters = useMemo(() => readFilters(new URLSearchParams(query)), [query]);
  const after = search.get('after');
  const before = search.get('before');
  // The actor's organization is named only for those who may read organizations (else the field is refused).
  const withOrganization = useSession().can('directory.organization:read');

  // The answer for the address it was asked for; the list is loading while the address has moved on.
  const [result, setResult] = useState<{ query: string; entries: Entry[]; pageInfo: PageInfo | null; total: number | null; error: unknown } | null>(null);
  const loading = result?.query !== query;
  const { entries, pageInfo, total, error } = result ?? { entries: null, pageInfo: null, total: null, error: null };

  useEffect(() => {
    let live = true;
    const variables: ConsoleAuditLogQueryVariables = before
      ? { filter: apiFilter(filters), last: PAGE_SIZE, before, withOrganization }
      : { filter: apiFilter(filters), first: PAGE_SIZE, after, withOrganization };
    request(ConsoleAuditLogDocument, variables)
      .then(({ auditLog }) => {
        if (live) setResult({ query, entries: auditLog.edges.map((e) => e.node), pageInfo: auditLog.pageInfo, total: auditLog.totalCount, error: null });
      })
      .catch((e: unknown) => {
        if (live) setResult({ query, entries: [], pageInfo: null, total: null, error: e });
      });
    return () => {
      live = false;
    };
  }, [query, filters, after, before, withOrganization]);

  const sensitiveOnly = filters.action === SENSITIVE_READ;

  return (
    <section className="audit">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {(filters.record || (filters.type && filters.entity)) && <RecordHeading filters={filters} t={t} />}
      <FilterForm key={query} filters={filters} t={t} />
      <div className="toolbar audit-quick">
        <button type="button" className={sensitiveOnly ? undefined : 'secondary'} aria-pressed={sensitiveOnly} onClick={() => navigate(auditPath({ ...filters, action: sensitiveOnly ? '' : SENSITIVE_READ }))}>
          {t('sensitive')}
        </button>
        <p role="status" className="muted audit-status">
          {loading ? t('loading') : total !== null ? t('total', { count: total }) : ''}
        </p>
      </div>
      <ErrorMessage error={error} />
      {entries && entries.length === 0 && !loading && !error && <p className="muted">{t('empty')}</p>}
      {entries && entries.length > 0 && <EntryTable entries={entries} filters={filters} t={t} />}
      {pageInfo && (pageInfo.hasPreviousPage || pageInfo.hasNextPage) && (
        <nav className="toolbar audit-paging" aria-label={t('paging')}>
          <button type="button" className="secondary" disabled={!pageInfo.hasPreviousPage || loading} onClick={() => navigate(auditPath(filters, { before: pageInfo.startCursor }))}>
            {t('previous')}
          </button>
          <button type="button" className="secondary" disabled={!pageInfo.hasNextPage || loading} onClick={() => navigate(auditPath(filters, { after: pageInfo.endCursor }))}>
            {t('next')}
          </button>
        </nav>
      )}
    </section>
  );
}

/** Which record a history is of (its name, read by its global id), with the way back to the whole log. */
function RecordHeading({ filters, t }: { filters: Filters; t: Translate }) {
  const [found, setFound] = useState<{ record: string; node: ConsoleAuditRecordLabelFragment | null } | null>(null);
  useEffect(() => {
    if (!filters.record) return;
    let live = true;
    const record = filters.record;
    request(ConsoleAuditRecordDocument, { nodeId: record })
      .then(({ node }) => live && setFound({ record, node }))
      .catch(() => live && setFound({ record, node: null }));
    return () => {
      live = false;
    };
  }, [filters.record]);
  const name = found?.record === filters.record ? (found.node ? (recordName(found.node) ?? found.node.__typename) : t('recordUnknown')) : null;
  const label = filters.record ? (name ?? filters.record) : `${filters.type} ${filters.entity}`;
  return (
    <div className="audit-record">
      <h2>{t('recordHistory', { name: label })}</h2>
      <Link to="/audit">{t('allEntries')}</Link>
    </div>
  );
}

/** Whether the screen is wide enough to show the filters open (on a phone they start folded, the list first). */
const wideScreen = () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 601px)').matches;

function FilterForm({ filters, t }: { filters: Filters; t: Translate }) {
  const [wide] = useState(wideScreen);
  const [values, setValues] = useState<Filters>(filters);
  const [actorText, setActorText] = useState(filters.actor);
  const [found, setFound] = useState<FoundUser[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const set = (key: keyof Filters) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const findActor = useCallback(async () => {
    const text = actorText.trim();
    setError(null);
    setProblem(null);
    if (!text) return;
    try {
      const { users } = await request(ConsoleAuditUsersDocument, { search: text });
      setFound(users.edges.map((e) => e.node));
    } catch (e) {
      setError(e);
    }
  }, [actorText]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = actorText.trim();
    let actor = values.actor;
    if (!text) actor = '';
    else if (UUID.test(text)) actor = text;
    else if (!actor) {
      setProblem(t('pickActor'));
      void findActor();
      return;
    }
    for (const k of ['from', 'to'] as const) {
      if (values[k] && !chinaTimeToIso(values[k])) {
        setProblem(t('badTime'));
        return;
      }
    }
    navigate(auditPath({ ...values, actor }));
  };

  const pick = (u: FoundUser) => {
    setValues((v) => ({ ...v, actor: u.id }));
    setActorText(`${u.displayName}（${u.username}）`);
    setFound(null);
    setProblem(null);
  };

  const active = FILTER_KEYS.filter((k) => filters[k]).length;
  return (
    <details className="audit-filter-box" open={wide || undefined}>
      <summary>{active ? t('filtersActive', { count: active }) : t('filters')}</summary>
      <form className="audit-filters" onSubmit={submit} aria-label={t('filters')}>
        <div className="audit-actor">
          <label>
            {t('actor')}
            <input
              value={actorText}
              placeholder={t('actorHint')}
              title={t('actorHelp')}
              autoComplete="off"
              onChange={(e) => {
                setActorText(e.target.value);
                setValues((v) => ({ ...v, actor: UUID.test(e.target.value.trim()) ? e.target.value.trim() : '' }));
              }}
            />
          </label>
          <button type="button" className="secondary" onClick={() => void findActor()}>
            {t('findActor')}
          </button>
          {found && (
            <div className="audit-found" aria-live="polite">
              {found.length === 0 ? (
                <p className="muted">{t('noUsers')}</p>
              ) : (
                <ul aria-label={t('actorResults')}>
                  {found.map((u) => (
                    <li key={u.id}>
                      <button type="button" className="link-button" onClick={() => pick(u)}>
                        {u.displayName}（{u.username}）
                      </button>
                      {u.organization && <span className="muted"> · {u.organization.name}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
        <label>
          {t('action')}
          <input value={values.action} placeholder={t('actionHint')} list="audit-actions" autoComplete="off" onChange={(e) => set('action')(e.target.value)} />
          <datalist id="audit-actions">
            {ACTION_SUGGESTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label>
          {t('record')}
          <input value={values.record} placeholder={t('recordHint')} autoComplete="off" spellCheck={false} onChange={(e) => set('record')(e.target.value)} />
        </label>
        <label>
          {t('entityType')}
          <input value={values.type} placeholder={t('entityTypeHint')} autoComplete="off" onChange={(e) => set('type')(e.target.value)} />
        </label>
        <label>
          {t('entityId')}
          <input value={values.entity} autoComplete="off" spellCheck={false} onChange={(e) => set('entity')(e.target.value)} />
        </label>
        <OrganizationPicker label={t('organization')} value={values.org || null} onChange={(id) => set('org')(id ?? '')} />
        <label>
          {t('from')}
          <input type="datetime-local" value={values.from} onChange={(e) => set('from')(e.target.value)} />
        </label>
        <label>
          {t('to')}
          <input type="datetime-local" value={values.to} onChange={(e) => set('to')(e.target.value)} />
        </label>
        <div className="audit-actions">
          <button type="submit">{t('apply')}</button>
          <button type="button" className="secondary" onClick={() => navigate('/audit')}>
            {t('clear')}
          </button>
        </div>
        {problem && (
          <p className="error audit-problem" role="alert">
            {problem}
          </p>
        )}
        <ErrorMessage error={error} />
      </form>
    </details>
  );
}

function EntryTable({ entries, filters, t }: { entries: Entry[]; filters: Filters; t: Translate }) {
  const time = useTimestamp();
  return (
    <div className="table-wrap">
      <table className="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('time')}</th>
            <th scope="col">{t('operator')}</th>
            <th scope="col">{t('operation')}</th>
            <th scope="col">{t('object')}</th>
            <th scope="col">{t('changes')}</th>
            <th scope="col">{t('requestId')}</th>
            <th scope="col">{t('ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className={e.action === SENSITIVE_READ ? 'audit-sensitive' : undefined}>
              <td className="audit-time">
                <time dateTime={e.occurredAt}>{time(e.occurredAt)}</time>
              </td>
              <td>
                <ActorCell entry={e} filters={filters} t={t} />
              </td>
              <td>
                <code>{e.action}</code>
                {e.action === SENSITIVE_READ && <span className="audit-badge">{t('sensitiveBadge')}</span>}
              </td>
              <td>
                <RecordCell entry={e} t={t} />
              </td>
              <td className="audit-changes">
                <ChangesCell entry={e} t={t} />
              </td>
              <td>
                <code className="audit-request">{e.requestId}</code>
              </td>
              <td>{e.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActorCell({ entry, filters, t }: { entry: Entry; filters: Filters; t: Translate }) {
  const a = entry.actor;
  let name: string;
  let detail: string | null = null;
  if (a?.__typename === 'User') {
    name = a.displayName;
    detail = a.username;
  } else if (a?.__typename === 'ApiClient') {
    name = a.name;
    detail = t('apiClient');
  } else if (entry.actorKind === 'SYSTEM') name = t('system');
  else if (entry.actorKind === 'ANONYMOUS') name = t('anonymous');
  else name = entry.actorKind === 'API_CLIENT' ? t('hiddenClient') : t('hiddenUser');
  const organization = entry.organization ? (
    filters.org === entry.organization.id ? (
      <span className="muted audit-detail">{entry.organization.name}</span>
    ) : (
      <Link to={auditPath({ ...filters, org: entry.organization.id })} title={t('onlyOrganization', { name: entry.organization.name })} className="audit-detail audit-org">
        {entry.organization.name}
      </Link>
    )
  ) : null;
  return (
    <>
      {!entry.actorId || filters.actor === entry.actorId ? (
        <span className="audit-actor-name">{name}</span>
      ) : (
        <Link to={auditPath({ ...filters, actor: entry.actorId })} title={t('onlyActor', { name })} className="audit-actor-name">
          {name}
        </Link>
      )}
      {detail && <span className="muted audit-detail">{detail}</span>}
      {organization}
    </>
  );
}

function RecordCell({ entry, t }: { entry: Entry; t: Translate }) {
  const name = recordName(entry.entity);
  // The record's history: by its global id when the API gives it, else by its type and id (a deleted record, one you may not read).
  const to = entry.entity ? auditPath({ record: entry.entity.nodeId }) : entry.entityId ? auditPath({ type: entry.entityType, entity: entry.entityId }) : null;
  const label = name ?? entry.entityId ?? entry.entityType;
  return (
    <>
      <span className="audit-type">{entry.entityType}</span>
      {name && <span className="audit-detail">{name}</span>}
      {to && (
        <Link to={to} aria-label={t('historyOf', { name: `${entry.entityType} ${label}` })} className="audit-history">
          {t('history')}
        </Link>
      )}
    </>
  );
}

function ChangesCell({ entry, t }: { entry: Entry; t: Translate }) {
  if (Object.keys(entry.changes).length === 0) return <span className="muted">{t('noChanges')}</span>;
  return (
    <details>
      <summary>{changesSummary(entry, t)}</summary>
      <pre>{JSON.stringify(entry.changes, null, 2)}</pre>
    </details>
  );
}
