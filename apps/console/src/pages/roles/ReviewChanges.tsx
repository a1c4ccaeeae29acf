import { ErrorMessage } from '../../components/ErrorMessage';
import { useMessages } from '../../i18n/i18n';
import type { Change } from './data';
import { messages } from './messages';
import { scopeText } from './RoleGrid';

/** One change as it was sent: refused with the API's error, or saved (error null). */
export interface Outcome {
  readonly change: Change;
  readonly error: unknown;
}

interface Props {
  readonly changes: readonly Change[];
  /** After a save: what became of each change sent. */
  readonly outcomes: readonly Outcome[] | null;
  readonly saving: boolean;
  onSave(): void;
  onBack(): void;
}

/** The review step: every changed cell as role, permission, from → to; after saving, each change's result. */
export function ReviewChanges({ changes, outcomes, saving, onSave, onBack }: Props) {
  const t = useMessages(messages);
  const rows: readonly Outcome[] = outcomes ?? changes.map((change) => ({ change, error: undefined }));
  return (
    <section className="review" aria-labelledby="review-title">
      <h2 id="review-title">{t('reviewTitle')}</h2>
      <p className="muted">{t('reviewIntro')}</p>
      <div className="table-wrap">
        <table className="diff">
          <thead>
            <tr>
              <th scope="col">{t('colRole')}</th>
              <th scope="col">{t('colPermission')}</th>
              <th scope="col">{t('colChange')}</th>
              <th scope="col">{t('colResult')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ change: c, error }) => (
              <tr key={c.key}>
                <td>
                  {c.role.nameZh} <code>{c.role.code}</code>
                </td>
                <td>
                  {c.permission.nameZh} <code>{c.permission.code}</code>
                </td>
                <td className="diff-change">
                  <del>{scopeText(t, c.from)}</del> → <ins>{scopeText(t, c.to)}</ins>
                </td>
                <td>{error === undefined ? <span className="muted">{t('resultPending')}</span> : error === null ? <span className="notice">{t('resultSaved')}</span> : <ErrorMessage error={error} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar">
        {!outcomes && (
          <button type="button" onClick={onSave} disabled={saving || changes.length === 0}>
            {saving ? t('saving') : t('save', { count: changes.length })}
          </button>
        )}
        <button type="button" className="secondary" onClick={onBack} disabled={saving}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}
