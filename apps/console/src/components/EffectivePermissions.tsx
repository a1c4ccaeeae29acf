import { Fragment, useCallback, useId, useState, type FormEvent } from 'react';
import { request } from '../api/client';
import { usePagedList } from '../api/connection';
import { ConsoleEffectivePermissionsDocument, type ConsoleEffectivePermissionsQuery, type PrincipalKind } from '../generated/graphql';
import { defineMessages, useMessages } from '../i18n/i18n';
import { ErrorMessage } from './ErrorMessage';

/*
 * 有效权限: what a user or API client may do where, exactly as the API computes it (`effectivePermissions`):
 * each permission with its scope and the organization the scope starts from, grouped by module, 100 a
 * page. One beyond the administrator's reach answers an empty list, like one that does not exist.
 */

type Entry = ConsoleEffectivePermissionsQuery['effectivePermissions']['edges'][number]['node'];

const PAGE = 100;

const messages = defineMessages({
  zh: {
    title: '有效权限',
    prefix: '权限前缀',
    prefixHint: '如 directory. 或 access.user:',
    filter: '筛选',
    permission: '权限代码',
    scope: '范围',
    organization: '锚点组织',
    module: '模块：{module}',
    more: '加载更多',
    loading: '正在加载…',
    empty: '没有有效权限（无角色，或不在您的管理范围内）。',
    count: '共 {total} 项，已显示 {shown} 项',
    ALL: '全部',
    ORG_SUBTREE: '本级及下级',
    OWN_ORG: '本单位',
    everywhere: '全镇',
    hidden: '（无权查看该组织）',
  },
  en: {
    title: 'Effective permissions',
    prefix: 'Permission prefix',
    prefixHint: 'e.g. directory. or access.user:',
    filter: 'Filter',
    permission: 'Permission',
    scope: 'Scope',
    organization: 'Organization',
    module: 'Module: {module}',
    more: 'Load more',
    loading: 'Loading…',
    empty: 'No effective permissions (no roles, or beyond what you administer).',
    count: '{shown} of {total} shown',
    ALL: 'Everywhere',
    ORG_SUBTREE: 'Organization and below',
    OWN_ORG: 'Own organization',
    everywhere: 'Whole town',
    hidden: '(organization not readable)',
  },
});

export interface EffectivePermissionsProps {
  principalKind: Extract<PrincipalKind, 'USER' | 'API_CLIENT'>;
  principalId: string;
  /** Heading level text override; defaults to 有效权限. */
  title?: string;
}

export function EffectivePermissions({ principalKind, principalId, title }: EffectivePermissionsProps) {
  const t = useMessages(messages);
  const id = useId();
  const [prefixInput, setPrefixInput] = useState('');
  const [prefix, setPrefix] = useState('');
  const fetchPage = useCallback(
    async (after: string | null) =>
      (
        await request(ConsoleEffectivePermissionsDocument, {
          principalKind,
          principalId,
          first: PAGE,
          after,
          // Left out when empty: the API answers `filter: null` with INTERNAL_SERVER_ERROR (filterEffectivePermissions' default applies to undefined only).
          ...(prefix ? { filter: { permissionPrefix: prefix } } : {}),
        })
      ).effectivePermissions,
    [principalKind, principalId, prefix],
  );
  const { items, total, hasMore, loading, error, more } = usePagedList(fetchPage);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPrefix(prefixInput.trim());
  };

  // Grouped by module (the code's first segment), in the API's order within each.
  const groups = new Map<string, Entry[]>();
  for (const item of items) {
    const module = item.permission.split('.')[0] ?? item.permission;
    groups.set(module, [...(groups.get(module) ?? []), item]);
  }
  const scopeText = (scope: string) => (scope === 'ALL' || scope === 'ORG_SUBTREE' || scope === 'OWN_ORG' ? t(scope) : scope);

  return (
    <section className="effective-permissions" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title ?? t('title')}</h2>
      <form className="toolbar" onSubmit={submit}>
        <label>
          {t('prefix')}
          <input value={prefixInput} placeholder={t('prefixHint')} onChange={(e) => setPrefixInput(e.target.value)} />
        </label>
        <button type="submit" className="secondary">
          {t('filter')}
        </button>
      </form>
      <ErrorMessage error={error} />
      <p className="muted" aria-live="polite">
        {loading ? t('loading') : items.length === 0 ? t('empty') : t('count', { total, shown: items.length })}
      </p>
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('permission')}</th>
                <th scope="col">{t('scope')}</th>
                <th scope="col">{t('organization')}</th>
              </tr>
            </thead>
            <tbody>
              {[...groups].map(([module, entries]) => (
                <Fragment key={module}>
                  <tr className="group">
                    <th scope="colgroup" colSpan={3}>
                      {t('module', { module })}
                    </th>
                  </tr>
                  {entries.map((p) => (
                    <tr key={`${p.permission}|${p.scope}|${p.organizationId ?? ''}`}>
                      <td>
                        <code>{p.permission}</code>
                      </td>
                      <td>{scopeText(p.scope)}</td>
                      <td>{p.organizationId === null ? t('everywhere') : (p.organization?.name ?? t('hidden'))}</td>
                    </tr>
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore && (
        <button type="button" className="secondary" disabled={loading} onClick={() => void more()}>
          {t('more')}
        </button>
      )}
    </section>
  );
}
