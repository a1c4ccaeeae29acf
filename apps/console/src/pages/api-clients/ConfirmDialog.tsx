import { useEffect, useId, useRef, type ReactNode } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';

/**
 * A modal confirmation step (the native <dialog>: focus stays inside, Esc cancels) before a change that
 * cannot be taken back, such as revoking a client or rotating its key.
 */
export function ConfirmDialog(props: { title: string; children: ReactNode; confirm: string; cancel: string; danger?: boolean; busy: boolean; error: unknown; onConfirm(): void; onCancel(): void }) {
  const { title, children, confirm, cancel, danger, busy, error, onConfirm, onCancel } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <ErrorMessage error={error} />
      <div className="toolbar">
        <button type="button" className={danger ? 'danger' : undefined} disabled={busy} onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel} autoFocus>
          {cancel}
        </button>
      </div>
    </dialog>
  );
}
