import { useEffect, useId, useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { OrganizationPicker } from '../../components/OrganizationPicker';
import { ConsoleApiClientRolesDocument, ConsoleCreateApiClientDocument, type ConsoleApiClientRolesQuery, type ConsoleCreateApiClientMutation } from '../../generated/graphql';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { messages } from './messages';

type Role = ConsoleApiClientRolesQuery['roles']['edges'][number]['node'];
const DAY = 86_400_000;

/** A day `days` from today in China time, as YYYY-MM-DD. */
function chinaDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * DAY));
}

/** Every role (the roles list, page by page), for the role select. */
async function allRoles(): Promise<Role[]> {
  const roles: Role[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ConsoleApiClientRolesQuery = await request(ConsoleApiClientRolesDocument, { after });
    roles.push(...page.roles.edges.map((e) => e.node));
    if (!page.roles.pageInfo.hasNextPage || !page.roles.pageInfo.endCursor) return roles;
    after = page.roles.pageInfo.endCursor;
  }
}

/** 新建 API 客户端: name, home organization, a first role there (with access.role:assign) and the expiry day. */
export function CreateApiClientForm({ onCreated, onCancel }: { onCreated(created: ConsoleCreateApiClientMutation['createApiClient']): void; onCancel(): void }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { can } = useSession();
  const titleId = useId();
  const mayAssign = can('access.role:assign');
  const [name, setName] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [roleId, setRoleId] = useState('');
  const [expires, setExpires] = useState(() => chinaDay(365));
  const [roles, setRoles] = useState<Role[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!mayAssign) return;
    let live = true;
    allRoles()
      .then((r) => live && setRoles(r))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [mayAssign]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { createApiClient } = await request(ConsoleCreateApiClientDocument, {
        input: { name: name.trim(), organizationId: organizationId || null, roleId: roleId || null, expiresAt: `${expires}T00:00:00+08:00` },
      });
      setName('');
      setRoleId('');
      onCreated(createApiClient);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t('createTitle')}</h2>
      <form className="create-client" onSubmit={submit}>
        <label>
          {t('name')}
          <input value={name} autoFocus onChange={(e) => setName(e.target.value)} placeholder={t('namePlaceholder')} required maxLength={200} />
        </label>
        <div>
          <OrganizationPicker label={t('organization')} value={organizationId || null} onChange={(id) => setOrganizationId(id ?? '')} />
          <span className="muted hint">{organizationId ? '' : t('organizationDefault')}</span>
        </div>
        {mayAssign ? (
          <div>
            <label htmlFor={`${titleId}-role-select`}>{t('role')}</label>
            <select id={`${titleId}-role-select`} value={roleId} onChange={(e) => setRoleId(e.target.value)} aria-describedby={`${titleId}-role`}>
              <option value="">{t('noRole')}</option>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {language === 'zh' ? `${r.nameZh}（${r.code}）` : `${r.code} (${r.nameZh})`}
                </option>
              ))}
            </select>
            <span id={`${titleId}-role`} className="muted hint">
              {t('roleHint')}
            </span>
          </div>
        ) : null}
        <div>
          <label>
            {t('expiresAt')}
            <input type="date" value={expires} min={chinaDay(1)} max={chinaDay(730)} onChange={(e) => setExpires(e.target.value)} required aria-describedby={`${titleId}-expires`} />
          </label>
          <span id={`${titleId}-expires`} className="muted hint">
            {t('expiresHint')}
          </span>
        </div>
        <div className="create-client-submit">
          <button type="submit" disabled={busy}>
            {busy ? t('creating') : t('create')}
          </button>
          <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
    </section>
  );
}
