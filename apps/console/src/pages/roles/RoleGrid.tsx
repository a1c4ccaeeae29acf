import { memo, useId, useMemo, useState } from 'react';
import { request } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ConsoleDeleteRoleDocument } from '../../generated/graphql';
import { useMessages } from '../../i18n/i18n';
import { SCOPES, cellKey, type GridRole, type Permission, type RolePage, type Scope } from './data';
import { messages } from './messages';
import { LockIcon } from './LockIcon';

type T = ReturnType<typeof useMessages<(typeof messages)['zh']>>;

export const scopeText = (t: T, scope: Scope | null): string => (scope ? t(`scope${scope}`) : t('scopeNone'));

interface GridProps {
  readonly catalogue: readonly Permission[];
  readonly roles: RolePage;
  readonly edits: ReadonlyMap<string, Scope | null>;
  readonly canWrite: boolean;
  onEdit(role: GridRole, permission: string, to: Scope | null): void;
  onDeleted(notice: string): void;
  onMoreRoles(): void;
  readonly moreBusy: boolean;
}

/** The role × permission grid, grouped by module, with a module filter and a search over code and names. */
export function RoleGrid({ catalogue, roles, edits, canWrite, onEdit, onDeleted, onMoreRoles, moreBusy }: GridProps) {
  const t = useMessages(messages);
  const [module, setModule] = useState('');
  const [search, setSearch] = useState('');
  const [deleteError, setDeleteError] = useState<unknown>(null);
  // Custom roles (the editable columns) first, then the system roles, each by code as the API lists them.
  const columns = useMemo(() => [...roles.roles.filter((r) => !r.role.isSystem), ...roles.roles.filter((r) => r.role.isSystem)], [roles]);
  const modules = useMemo(() => [...new Set(catalogue.map((p) => p.module))].sort(), [catalogue]);
  const groups = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const shown = catalogue.filter(
      (p) => (!module || p.module === module) && (!needle || p.code.toLowerCase().includes(needle) || p.nameZh.toLowerCase().includes(needle) || p.description.toLowerCase().includes(needle)),
    );
    const byModule = new Map<string, Permission[]>();
    for (const p of shown) byModule.set(p.module, [...(byModule.get(p.module) ?? []), p]);
    return { count: shown.length, list: [...byModule.entries()] };
  }, [catalogue, module, search]);

  return (
    <>
      <div className="toolbar">
        <label>
          {t('module')}
          <select value={module} onChange={(e) => setModule(e.target.value)}>
            <option value="">{t('allModules')}</option>
            {modules.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          {t('search')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('searchPlaceholder')} />
        </label>
        <span className="muted">{t('permissionsShown', { shown: groups.count, total: catalogue.length })}</span>
        <span className="muted">{t('rolesShown', { shown: roles.roles.length, total: roles.totalCount })}</span>
        {roles.hasNextPage && (
          <button type="button" className="secondary" onClick={onMoreRoles} disabled={moreBusy}>
            {t('moreRoles')}
          </button>
        )}
      </div>
      <ErrorMessage error={deleteError} />
      {groups.count === 0 ? (
        <p>{t('noMatch')}</p>
      ) : (
        <div className="table-wrap roles-grid" tabIndex={0} role="region" aria-label={t('grid')}>
          <table>
            <thead>
              <tr>
                <th scope="col" className="corner">
                  {t('permission')}
                </th>
                {columns.map((r) => (
                  <RoleHeader key={r.role.id} role={r} canWrite={canWrite} onDeleted={onDeleted} onError={setDeleteError} />
                ))}
              </tr>
            </thead>
            {groups.list.map(([name, permissions]) => (
              <tbody key={name}>
                <tr className="module-row">
                  <th scope="rowgroup" colSpan={columns.length + 1}>
                    <span className="module-name">{t('moduleGroup', { name, count: permissions.length })}</span>
                  </th>
                </tr>
                {permissions.map((p) => (
                  <PermissionRow key={p.code} permission={p} roles={columns} edits={edits} canWrite={canWrite} onEdit={onEdit} />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </>
  );
}

function RoleHeader({ role: { role }, canWrite, onDeleted, onError }: { role: GridRole; canWrite: boolean; onDeleted(notice: string): void; onError(e: unknown): void }) {
  const t = useMessages(messages);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    onError(null);
    try {
      await request(ConsoleDeleteRoleDocument, { input: { id: role.id, version: role.version } });
      onDeleted(t('deleted', { name: role.nameZh }));
    } catch (e) {
      onError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <th scope="col" className={role.isSystem ? 'role-col system' : 'role-col'} title={role.description}>
      <span className="role-name">{role.nameZh}</span>
      <code className="role-code">{role.code}</code>
      {role.isSystem ? (
        <span className="role-kind locked-kind" title={t('systemReason')}>
          <LockIcon /> {t('systemLock')}
        </span>
      ) : (
        <span className="role-kind">{t('custom')}</span>
      )}
      {!role.isSystem && canWrite && (
        <span className="role-actions">
          {confirming ? (
            <>
              <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
                {t('deleteConfirm', { name: role.nameZh })}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="link-button" onClick={() => setConfirming(true)} title={t('deleteHint')} aria-label={`${t('delete')} ${role.nameZh}`}>
              {t('delete')}
            </button>
          )}
        </span>
      )}
    </th>
  );
}

interface RowProps {
  readonly permission: Permission;
  readonly roles: readonly GridRole[];
  readonly edits: ReadonlyMap<string, Scope | null>;
  readonly canWrite: boolean;
  onEdit(role: GridRole, permission: string, to: Scope | null): void;
}

/** One permission: its names, then one cell per role. */
const PermissionRow = memo(function PermissionRow({ permission: p, roles, edits, canWrite, onEdit }: RowProps) {
  const t = useMessages(messages);
  const descriptionId = useId();
  return (
    <tr>
      <th scope="row" className="permission" title={p.description}>
        <span className="permission-name">{p.nameZh}</span>
        {p.sensitive && <span className="tag">{t('sensitive')}</span>}
        <code className="permission-code">{p.code}</code>
        <span className="permission-description" id={descriptionId} lang="en">
          {p.description}
        </span>
      </th>
      {roles.map((r) => {
        const key = cellKey(r.role.id, p.code);
        const held = r.grants.get(p.code) ?? null;
        const changed = edits.has(key);
        const value = changed ? (edits.get(key) ?? null) : held;
        if (r.role.isSystem) {
          return (
            <td key={r.role.id} className={`cell locked scope-${held ?? 'none'}`} title={t('lockedCell', { role: r.role.nameZh, scope: scopeText(t, held) })}>
              <LockIcon />
              <span className="scope">{held ? scopeText(t, held) : '—'}</span>
            </td>
          );
        }
        if (!canWrite) {
          return (
            <td key={r.role.id} className={`cell scope-${held ?? 'none'}`}>
              <span className="scope">{held ? scopeText(t, held) : '—'}</span>
            </td>
          );
        }
        return (
          <td key={r.role.id} className={`cell scope-${value ?? 'none'}${changed ? ' changed' : ''}`}>
            <select
              aria-label={`${r.role.nameZh} · ${p.code}`}
              aria-describedby={descriptionId}
              value={value ?? ''}
              onChange={(e) => onEdit(r, p.code, (e.target.value || null) as Scope | null)}
            >
              <option value="">{t('scopeNone')}</option>
              {SCOPES.map((s) => (
                <option key={s} value={s}>
                  {scopeText(t, s)} {s}
                </option>
              ))}
            </select>
            {changed && (
              <span className="changed-mark" title={t('changedMark')}>
                ●<span className="visually-hidden">{t('changedMark')}</span>
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
});
