import type { ComponentType } from 'react';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { ApiClientsPage } from './pages/api-clients/ApiClientsPage';
import { AuditPage } from './pages/audit/AuditPage';
import { RolesPage } from './pages/roles/RolesPage';
import { SignInPage } from './pages/sign-in/SignInPage';
import { defineMessages, useLanguage, useMessages } from './i18n/i18n';
import { Link, useLocation } from './app/router';
import { useSession } from './app/session';

const messages = defineMessages({
  zh: {
    title: '管理控制台',
    platform: '南平镇安全生产数据平台',
    roles: '角色与授权',
    accounts: '账号',
    apiClients: 'API 客户端',
    audit: '审计日志',
    signOut: '退出',
    loading: '正在加载…',
    notAdmin: '此账号没有访问管理权限（需要 access.role:read、access.user:read、access.api-client:read 或 kernel.audit:read 之一）。',
    notFound: '没有这个页面。',
    nav: '管理功能',
    language: 'English',
  },
  en: {
    title: 'Admin console',
    platform: 'Nanping town safety data platform',
    roles: 'Roles and grants',
    accounts: 'Accounts',
    apiClients: 'API clients',
    audit: 'Audit log',
    signOut: 'Sign out',
    loading: 'Loading…',
    notAdmin: 'This account holds no access-administration permission (one of access.role:read, access.user:read, access.api-client:read, kernel.audit:read).',
    notFound: 'There is no such page.',
    nav: 'Administration',
    language: '中文',
  },
});

/** The pages, their path under /console, their title key and the permission that opens them. */
const PAGES: readonly { path: string; title: 'roles' | 'accounts' | 'apiClients' | 'audit'; permission: string; page: ComponentType }[] = [
  { path: '/roles', title: 'roles', permission: 'access.role:read', page: RolesPage },
  { path: '/accounts', title: 'accounts', permission: 'access.user:read', page: AccountsPage },
  { path: '/api-clients', title: 'apiClients', permission: 'access.api-client:read', page: ApiClientsPage },
  { path: '/audit', title: 'audit', permission: 'kernel.audit:read', page: AuditPage },
];

function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  const t = useMessages(messages);
  return (
    <button type="button" className="link-button" onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')} lang={language === 'zh' ? 'en' : 'zh'}>
      {t('language')}
    </button>
  );
}

export function App() {
  const t = useMessages(messages);
  const session = useSession();
  const { path } = useLocation();
  if (session.status === 'loading') return <p className="loading">{t('loading')}</p>;
  if (session.status === 'signed-out' || !session.viewer) {
    return (
      <>
        <header className="top">
          <span className="brand">{t('platform')}</span>
          <LanguageSwitch />
        </header>
        <SignInPage />
      </>
    );
  }
  const open = PAGES.filter((p) => session.can(p.permission));
  const current = path === '/' ? open[0] : PAGES.find((p) => path === p.path || path.startsWith(`${p.path}/`));
  const allowed = current && open.includes(current);
  const Page = allowed ? current.page : null;
  return (
    <>
      <header className="top">
        <span className="brand">
          {t('platform')} · {t('title')}
        </span>
        <nav aria-label={t('nav')}>
          {open.map((p) => (
            <Link key={p.path} to={p.path} aria-current={p === current ? 'page' : undefined}>
              {t(p.title)}
            </Link>
          ))}
        </nav>
        <span className="who">{session.viewer.displayName}</span>
        <LanguageSwitch />
        <button type="button" className="link-button" onClick={() => void session.signOut()}>
          {t('signOut')}
        </button>
      </header>
      <main className="page">{open.length === 0 ? <p role="alert">{t('notAdmin')}</p> : Page ? <Page /> : <p role="alert">{current ? t('notAdmin') : t('notFound')}</p>}</main>
    </>
  );
}

