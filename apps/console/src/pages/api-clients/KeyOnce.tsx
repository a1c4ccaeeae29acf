import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../../i18n/i18n';
import { messages } from './messages';

/**
 * A new API key (from createApiClient or rotateApiClientKey), shown this once: the API stores only its
 * hash. A copy button writes it to the clipboard and says so in a status line.
 */
export function KeyOnce({ name, apiKey, onDone }: { name: string; apiKey: string; onDone(): void }) {
  const t = useMessages(messages);
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');

  // A new key (the page mounts one KeyOnce per key): move the focus to it, the form or dialog that issued it is done.
  useEffect(() => {
    heading.current?.focus();
  }, [apiKey]);

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <section className="key-once" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {t('keyTitle', { name })}
      </h2>
      <p className="key-once-warning">{t('keyWarning')}</p>
      <div className="key-once-row">
        <label>
          {t('key')}
          <input className="key-once-key" readOnly value={apiKey} spellCheck={false} autoComplete="off" onFocus={(e) => e.currentTarget.select()} />
        </label>
        <button type="button" onClick={() => void copyKey()}>
          {t('copy')}
        </button>
      </div>
      <p role="status" className={copy === 'failed' ? 'error' : 'notice'}>
        {copy === 'copied' ? t('copied') : copy === 'failed' ? t('copyFailed') : ''}
      </p>
      <p className="muted">{t('keyUsage')}</p>
      <button type="button" className="secondary" onClick={onDone}>
        {t('keyDone')}
      </button>
    </section>
  );
}
