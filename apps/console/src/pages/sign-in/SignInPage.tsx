import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { defineMessages, useMessages } from '../../i18n/i18n';

const messages = defineMessages({
  zh: { title: '登录管理控制台', username: '用户名', password: '密码', submit: '登录', busy: '正在登录…', refused: '用户名或密码不正确，或账号已停用或暂时锁定。' },
  en: { title: 'Sign in to the admin console', username: 'Username', password: 'Password', submit: 'Sign in', busy: 'Signing in…', refused: 'Wrong username or password, or the account is disabled or locked for now.' },
});

/** 登录: the platform's own sign-in (login → access and refresh tokens). */
export function SignInPage() {
  const t = useMessages(messages);
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('title')}</h1>
        <label>
          {t('username')}
          <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? (
          <p className="error" role="alert">
            {t('refused')}
          </p>
        ) : (
          <ErrorMessage error={error} />
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('busy') : t('submit')}
        </button>
      </form>
    </main>
  );
}
