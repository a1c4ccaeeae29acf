import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ConsoleCreateRoleDocument, ConsoleGrantPermissionDocument, ConsoleRevokePermissionDocument } from '../../generated/graphql';
import { useMessages } from '../../i18n/i18n';
import { cellKey, loadCatalogue, loadRoles, reloadRoles, type Change, type GridRole, type Permission, type RolePage, type Scope } from './data';
import { messages } from './messages';
import { LockIcon } from './LockIcon';
import { RoleGrid } from './RoleGrid';
import { ReviewChanges, type Outcome } from './ReviewChanges';
import './roles.css';

/**
 * 角色与授权: the role × permission grid. Custom roles are edited in place (a scope per cell), the
 * changes reviewed as a diff and sent one by one (grantPermission / revokePermission); system roles are
 * read-only, as the API keeps them. Custom roles are created and deleted above the grid.
 */
export function RolesPage() {
  const t = useMessages(messages);
  const session = useSession();
  const canWrite = session.can('access.role:write');

  const [catalogue, setCatalogue] = useState<Permission[] | null>(null);
  const [roles, setRoles] = useState<RolePage | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [edits, setEdits] = useState<ReadonlyMap<string, Scope | null>>(new Map());
  const [step, setStep] = useState<'grid' | 'review'>('grid');
  const [outcomes, setOutcomes] = useState<readonly Outcome[] | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  const [moreBusy, setMoreBusy] = useState(false);

  useEffect(() => {
    let live = true;
    Promise.all([loadCatalogue(), loadRoles(null)]).then(
      ([c, r]) => {
        if (!live) return;
        setCatalogue(c);
        setRoles(r);
      },
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, []);

  const reload = useCallback(async () => {
    try {
      setRoles(await reloadRoles(roles?.roles.length ?? 0));
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, [roles]);

  const moreRoles = async () => {
    if (!roles) return;
    setMoreBusy(true);
    try {
      const next = await loadRoles(roles.endCursor);
      setRoles({ ...next, roles: [...roles.roles, ...next.roles] });
    } catch (e) {
      setLoadError(e);
    } finally {
      setMoreBusy(false);
    }
  };

  const changes = useMemo(() => pendingChanges(edits, roles?.roles ?? [], catalogue ?? []), [edits, roles, catalogue]);

  const edit = useCallback((role: GridRole, permission: string, to: Scope | null) => {
    setEdits((current) => {
      const next = new Map(current);
      const key = cellKey(role.role.id, permission);
      if ((role.grants.get(permission) ?? null) === to) next.delete(key);
      else next.set(key, to);
      return next;
    });
    setNotice('');
  }, []);

  const save = async () => {
    setSaving(true);
    setNotice('');
    const results: Outcome[] = [];
    for (const change of changes) {
      try {
        if (change.to === null) await request(ConsoleRevokePermissionDocument, { input: { roleId: change.role.id, permission: change.permission.code } });
        else await request(ConsoleGrantPermissionDocument, { input: { roleId: change.role.id, permission: change.permission.code, scope: change.to } });
        results.push({ change, error: null });
      } catch (error) {
        results.push({ change, error });
      }
    }
    const failed = results.filter((r) => r.error !== null);
    setEdits(new Map(failed.map((r) => [r.change.key, r.change.to])));
    setOutcomes(results);
    await reload();
    setSaving(false);
    setNotice(failed.length ? t('savedSome', { saved: results.length - failed.length, failed: failed.length }) : t('savedAll', { count: results.length }));
  };

  const backToGrid = () => {
    setStep('grid');
    setOutcomes(null);
  };

  return (
    <section className="roles-page" aria-labelledby="roles-title">
      <h1 id="roles-title">{t('title')}</h1>
      <p className="muted roles-intro">{t('intro')}</p>
      <p className="muted roles-intro" id="system-reason">
        <LockIcon /> <strong>{t('systemLock')}</strong>：{t('systemReason')}
      </p>
      {canWrite ? <p className="muted roles-intro">{t('reachNote')}</p> : <p className="notice-info">{t('readOnly')}</p>}
      <p className="notice" role="status">
        {notice}
      </p>
      <ErrorMessage error={loadError} />
      {canWrite && step === 'grid' && <CreateRoleForm onCreated={(text) => void reload().then(() => setNotice(text))} />}
      {!catalogue || !roles ? (
        !loadError && <p>{t('loading')}</p>
      ) : step === 'review' ? (
        <ReviewChanges changes={changes} outcomes={outcomes} saving={saving} onSave={() => void save()} onBack={backToGrid} />
      ) : (
        <>
          {changes.length > 0 && (
            <div className="toolbar pending-bar">
              <span>{t('pending', { count: changes.length })}</span>
              <button type="button" onClick={() => setStep('review')}>
                {t('review')}
              </button>
              <button type="button" className="secondary" onClick={() => setEdits(new Map())}>
                {t('discard')}
              </button>
            </div>
          )}
          <RoleGrid
            catalogue={catalogue}
            roles={roles}
            edits={edits}
            canWrite={canWrite}
            onEdit={edit}
            onDeleted={(text) => void reload().then(() => setNotice(text))}
            onMoreRoles={() => void moreRoles()}
            moreBusy={moreBusy}
          />
        </>
      )}
    </section>
  );
}

/** The pending changes, by role column order then permission. */
function pendingChanges(edits: ReadonlyMap<string, Scope | null>, roles: readonly GridRole[], catalogue: readonly Permission[]): Change[] {
  const out: Change[] = [];
  for (const r of roles) {
    for (const p of catalogue) {
      const key = cellKey(r.role.id, p.code);
      if (!edits.has(key)) continue;
      const from = r.grants.get(p.code) ?? null;
      const to = edits.get(key) ?? null;
      if (from !== to) out.push({ key, role: r.role, permission: p, from, to });
    }
  }
  return out;
}

function CreateRoleForm({ onCreated }: { onCreated: (notice: string) => void }) {
  const t = useMessages(messages);
  const [code, setCode] = useState('');
  const [nameZh, setNameZh] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { createRole } = await request(ConsoleCreateRoleDocument, { input: { code: code.trim(), nameZh: nameZh.trim(), description: description.trim() } });
      setCode('');
      setNameZh('');
      setDescription('');
      onCreated(t('created', { name: createRole.nameZh, code: createRole.code }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="create-role">
      <summary>{t('createTitle')}</summary>
      <form onSubmit={(e) => void submit(e)} aria-label={t('createTitle')}>
        <div className="toolbar">
          <label>
            {t('code')}
            <input value={code} onChange={(e) => setCode(e.target.value)} required placeholder="flood-duty" aria-describedby="role-code-hint" autoComplete="off" />
          </label>
          <label>
            {t('nameZh')}
            <input value={nameZh} onChange={(e) => setNameZh(e.target.value)} required maxLength={40} />
          </label>
          <label className="grow">
            {t('description')}
            <input value={description} onChange={(e) => setDescription(e.target.value)} required maxLength={300} />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t('creating') : t('create')}
          </button>
        </div>
        <p className="muted small" id="role-code-hint">
          {t('codeHint')}
        </p>
        <ErrorMessage error={error} />
      </form>
    </details>
  );
}
