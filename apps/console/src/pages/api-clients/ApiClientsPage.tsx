import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { request } from '../../api/client';
import { usePagedList } from '../../api/connection';
import { useSession } from '../../app/session';
import { EffectivePermissions } from '../../components/EffectivePermissions';
import { ErrorMessage } from '../../components/ErrorMessage';
import {
  ConsoleApiClientsDocument,
  ConsoleRevokeApiClientDocument,
  ConsoleRotateApiClientKeyDocument,
  type ApiClientOrder,
  type ConsoleApiClientRowFragment,
} from '../../generated/graphql';
import { useDateTime, useLanguage, useMessages } from '../../i18n/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { CreateApiClientForm } from './CreateApiClientForm';
import { KeyOnce } from './KeyOnce';
import { messages } from './messages';
import './api-clients.css';

/*
 * API 客户端: the API clients within the administrator's reach (`apiClients`, 50 a page with a "more"
 * control), each with its organization, status, key prefix, expiry, last use, roles and trusted-documents
 * lock; create one (the key shown once), rotate its key (the new key shown once), revoke it (after a
 * confirmation), and see its effective permissions as the API computes them.
 */

type Client = ConsoleApiClientRowFragment;
const PAGE = 50;

const SORTS = {
  created: [{ field: 'CREATED_AT', direction: 'DESC' }],
  expires: [{ field: 'EXPIRES_AT', direction: 'ASC' }],
  lastUsed: [{ field: 'LAST_USED_AT', direction: 'DESC' }],
} as const satisfies Record<string, ApiClientOrder[]>;
type Sort = keyof typeof SORTS;

export function ApiClientsPage() {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const dateTime = useDateTime();
  const { can } = useSession();
  const mayWrite = can('access.api-client:write');

  const [sort, setSort] = useState<Sort>('created');
  const [notice, setNotice] = useState('');
  const [newKey, setNewKey] = useState<{ name: string; key: string } | null>(null);
  const [confirm, setConfirm] = useState<{ action: 'rotate' | 'revoke'; client: Client } | null>(null);
  const [confirmBusy, setConfirmBusy] = useState(false);
  const [confirmError, setConfirmError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const formId = useId();
  const [inspected, setInspected] = useState<Client | null>(null);
  const permissionsPanel = useRef<HTMLDivElement>(null);

  // One page of the list; the first page again whenever the order changes.
  const fetchPage = useCallback(async (after: string | null) => (await request(ConsoleApiClientsDocument, { first: PAGE, after, orderBy: [...SORTS[sort]] })).apiClients, [sort]);
  const { items, total, hasMore, loading, error, receivedAt: now, more, edit } = usePagedList(fetchPage);

  // Opening a client's permissions moves there (they show below the list).
  const inspectedId = inspected?.id;
  useEffect(() => {
    if (inspectedId) permissionsPanel.current?.focus();
  }, [inspectedId]);

  const replace = (client: Client) => {
    edit((prev) => prev.map((c) => (c.id === client.id ? client : c)));
    setInspected((i) => (i?.id === client.id ? client : i));
  };

  const runConfirmed = async () => {
    if (!confirm) return;
    const { action, client } = confirm;
    setConfirmBusy(true);
    setConfirmError(null);
    try {
      if (action === 'rotate') {
        const { rotateApiClientKey } = await request(ConsoleRotateApiClientKeyDocument, { input: { id: client.id, version: client.version } });
        replace(rotateApiClientKey.apiClient);
        setNotice(t('rotated', { name: client.name }));
        setNewKey({ name: client.name, key: rotateApiClientKey.key });
      } else {
        const { revokeApiClient } = await request(ConsoleRevokeApiClientDocument, { input: { id: client.id, version: client.version } });
        replace(revokeApiClient);
        setNotice(t('revokedNotice', { name: client.name }));
      }
      setConfirm(null);
    } catch (e) {
      setConfirmError(e);
    } finally {
      setConfirmBusy(false);
    }
  };

  const ask = (action: 'rotate' | 'revoke', client: Client) => {
    setConfirmError(null);
    setConfirm({ action, client });
  };

  const status = (c: Client) => {
    if (c.status === 'DISABLED') return <span className="client-status revoked">{t('revoked')}</span>;
    if (new Date(c.expiresAt).getTime() <= now) return <span className="client-status expired">{t('expired')}</span>;
    return <span className="client-status active">{t('active')}</span>;
  };

  return (
    <div className="api-clients">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>

      <p className="notice" role="status">
        {notice}
      </p>

      {newKey ? <KeyOnce key={newKey.key} name={newKey.name} apiKey={newKey.key} onDone={() => setNewKey(null)} /> : null}

      {mayWrite ? (
        <>
          <button type="button" aria-expanded={creating} aria-controls={formId} onClick={() => setCreating((v) => !v)}>
            {t('createOpen')}
          </button>
          <div id={formId}>
            {creating ? (
              <CreateApiClientForm
                onCancel={() => setCreating(false)}
                onCreated={(created) => {
                  edit((prev) => [created.apiClient, ...prev.filter((c) => c.id !== created.apiClient.id)], 1);
                  setNotice(t('created', { name: created.apiClient.name }));
                  setCreating(false);
                  setNewKey({ name: created.apiClient.name, key: created.key });
                }}
              />
            ) : null}
          </div>
        </>
      ) : (
        <p className="muted">{t('readOnly')}</p>
      )}

      <h2>{t('listTitle')}</h2>
      <div className="toolbar">
        <div className="sort">
          <label htmlFor="api-clients-sort">{t('sort')}</label>
          <select id="api-clients-sort" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
            <option value="created">{t('sortCreated')}</option>
            <option value="expires">{t('sortExpires')}</option>
            <option value="lastUsed">{t('sortLastUsed')}</option>
          </select>
        </div>
        <p className="muted" aria-live="polite">
          {loading && items.length === 0 ? t('loading') : items.length === 0 ? t('empty') : t('shown', { shown: items.length, total })}
        </p>
      </div>
      <ErrorMessage error={error} />

      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="api-client-table">
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colOrganization')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colKeyPrefix')}</th>
                <th scope="col">{t('colExpires')}</th>
                <th scope="col">{t('colLastUsed')}</th>
                <th scope="col">{t('colRoles')}</th>
                <th scope="col">{t('colTrusted')}</th>
                <th scope="col">{t('colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{c.name}</th>
                  <td>{c.organization?.name ?? (c.organizationId ? t('orgHidden') : '—')}</td>
                  <td>{status(c)}</td>
                  <td>
                    <code>{c.keyPrefix}</code>
                  </td>
                  <td>{dateTime(c.expiresAt)}</td>
                  <td>{c.lastUsedAt ? dateTime(c.lastUsedAt) : <span className="muted">{t('neverUsed')}</span>}</td>
                  <td className="roles">
                    {c.assignments.edges.length === 0 ? (
                      <span className="muted">{t('noRoles')}</span>
                    ) : (
                      <ul className="client-roles">
                        {c.assignments.edges.map(({ node: a }) => (
                          <li key={a.id} title={a.role.code}>
                            {language === 'zh' ? a.role.nameZh : a.role.code}
                            <span className="muted"> @ {a.organization?.name ?? t('orgHidden')}</span>
                          </li>
                        ))}
                        {c.assignments.totalCount > c.assignments.edges.length ? <li className="muted">{t('moreRoles', { count: c.assignments.totalCount - c.assignments.edges.length })}</li> : null}
                      </ul>
                    )}
                  </td>
                  <td className="trusted">{c.trustedDocumentsOnly ? <strong>{t('locked', { count: c.trustedDocuments.totalCount })}</strong> : t('unlocked', { count: c.trustedDocuments.totalCount })}</td>
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary" aria-pressed={inspected?.id === c.id} onClick={() => setInspected((i) => (i?.id === c.id ? null : c))}>
                        {t('permissions')}
                      </button>
                      {mayWrite && c.status === 'ACTIVE' ? (
                        <>
                          <button type="button" className="secondary" onClick={() => ask('rotate', c)}>
                            {t('rotate')}
                          </button>
                          <button type="button" className="danger" onClick={() => ask('revoke', c)}>
                            {t('revoke')}
                          </button>
                        </>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {hasMore ? (
        <button type="button" className="secondary more" disabled={loading} onClick={() => void more()}>
          {t('more')}
        </button>
      ) : null}
      <p className="muted small">{t('rateLimitNote')}</p>

      {inspected ? (
        <div className="client-permissions" ref={permissionsPanel} tabIndex={-1}>
          <EffectivePermissions key={inspected.id} principalKind="API_CLIENT" principalId={inspected.id} title={t('permissionsTitle', { name: inspected.name })} />
          <button type="button" className="secondary" onClick={() => setInspected(null)}>
            {t('close')}
          </button>
        </div>
      ) : null}

      {confirm ? (
        <ConfirmDialog
          title={t(confirm.action === 'rotate' ? 'confirmRotateTitle' : 'confirmRevokeTitle', { name: confirm.client.name })}
          confirm={t(confirm.action === 'rotate' ? 'confirmRotate' : 'confirmRevoke')}
          cancel={t('cancel')}
          danger={confirm.action === 'revoke'}
          busy={confirmBusy}
          error={confirmError}
          onConfirm={() => void runConfirmed()}
          onCancel={() => setConfirm(null)}
        >
          <p>{t(confirm.action === 'rotate' ? 'confirmRotateText' : 'confirmRevokeText')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
