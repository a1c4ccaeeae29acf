import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { request } from '../api/client';
import { usePagedList } from '../api/connection';
import { ConsoleOrganizationNameDocument, ConsoleOrganizationTreeDocument, type ConsoleOrganizationTreeQuery } from '../generated/graphql';
import { defineMessages, useMessages } from '../i18n/i18n';
import { ErrorMessage } from './ErrorMessage';
import './OrganizationPicker.css';

/*
 * 组织机构选择: a searchable tree picker (ARIA combobox + listbox). Without text it lists the organizations
 * you may read in tree order (`organizations`, orderBy TREE), indented by depth, 100 at a time; typing
 * filters by name, short name or code (the API's `search` filter), each match shown with its ancestors.
 * Arrow keys move, Enter picks, Escape closes; the clear button picks none.
 */

type OrgNode = ConsoleOrganizationTreeQuery['organizations']['edges'][number]['node'];

const PAGE = 100;

const messages = defineMessages({
  zh: {
    placeholder: '输入名称筛选…',
    clear: '清除',
    more: '加载更多组织',
    loading: '正在加载…',
    none: '没有匹配的组织。',
    count: '{count} 个组织',
  },
  en: {
    placeholder: 'Type a name to filter…',
    clear: 'Clear',
    more: 'Load more organizations',
    loading: 'Loading…',
    none: 'No organization matches.',
    count: '{count} organizations',
  },
});

export interface OrganizationPickerProps {
  label: string;
  value: string | null;
  onChange(id: string | null, name: string | null): void;
}

export function OrganizationPicker({ label, value, onChange }: OrganizationPickerProps) {
  const t = useMessages(messages);
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [named, setNamed] = useState<{ id: string; name: string } | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // What the open list shows: the text typed (after a short pause, so each keystroke is not a request); null while closed.
  const [wanted, setWanted] = useState<string | null>(null);
  const wrap = useRef<HTMLDivElement>(null);

  // The name of a value set from outside (e.g. from the address bar) is read once.
  useEffect(() => {
    if (!value || named?.id === value) return;
    let live = true;
    request(ConsoleOrganizationNameDocument, { id: value })
      .then((r) => live && setNamed({ id: value, name: r.organization?.name ?? '' }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [value, named]);
  const selectedName = value && named?.id === value ? named.name : null;

  // Filter as one types; read again each time the list opens.
  useEffect(() => {
    const timer = setTimeout(
      () => {
        setWanted(open ? text.trim() : null);
        setActive(0);
      },
      open && text ? 250 : 0,
    );
    return () => clearTimeout(timer);
  }, [open, text]);

  const fetchPage = useCallback(
    async (after: string | null) => (await request(ConsoleOrganizationTreeDocument, { first: PAGE, after, ...(wanted ? { filter: { search: wanted } } : {}) })).organizations,
    [wanted],
  );
  const { items, total, hasMore, loading, error, more } = usePagedList(wanted === null ? null : fetchPage);

  // Clicking elsewhere closes the list.
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const pick = (o: OrgNode) => {
    setNamed({ id: o.id, name: o.name });
    setText('');
    setOpen(false);
    onChange(o.id, o.name);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, Math.max(items.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Home' && open) {
      setActive(0);
    } else if (e.key === 'End' && open) {
      setActive(Math.max(items.length - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && items[active]) {
        e.preventDefault();
        pick(items[active]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setText('');
      }
    }
  };

  // Keep the active option in view.
  useEffect(() => {
    if (!open) return;
    document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open, id]);

  const searching = text.trim() !== '';
  const minDepth = items.length ? Math.min(...items.map((o) => o.depth)) : 0;

  return (
    <div className="org-picker" ref={wrap}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="org-picker-field">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && items[active] ? `${id}-opt-${active}` : undefined}
          autoComplete="off"
          placeholder={selectedName ?? t('placeholder')}
          value={open ? text : (selectedName ?? '')}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        {value && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setText('');
              onChange(null, null);
            }}
          >
            {t('clear')}
          </button>
        )}
      </div>
      {open && (
        <div className="org-picker-popup">
          <ul id={listId} role="listbox" aria-label={label}>
            {items.map((o, i) => (
              <li
                key={o.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={o.id === value}
                className={i === active ? 'active' : undefined}
                style={{ paddingLeft: `${0.5 + (o.depth - (searching ? 0 : minDepth)) * 1.1}rem` }}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => pick(o)}
              >
                <span className="org-name">{o.name}</span>
                {searching && o.ancestors.length > 0 && <span className="muted org-path"> {o.ancestors.map((a) => a.name).join(' › ')}</span>}
              </li>
            ))}
          </ul>
          <div className="org-picker-foot" aria-live="polite">
            {loading ? t('loading') : items.length === 0 ? t('none') : t('count', { count: total })}
            {hasMore && !loading && (
              <button type="button" className="link-button" onMouseDown={(e) => e.preventDefault()} onClick={() => void more()}>
                {t('more')}
              </button>
            )}
          </div>
          <ErrorMessage error={error} />
        </div>
      )}
    </div>
  );
}
