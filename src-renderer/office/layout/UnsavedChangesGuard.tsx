/**
 * The one place that stops the user leaving unsaved work: a navigation inside the app (menu, links,
 * back button, a changed class or tab in the address) is held while the editors keep what they can;
 * what is still unsaved or invalid is asked about in a dialog. Closing or reloading the window asks
 * through the browser's own dialog, the only one a page may show then.
 * react-router runs one blocker at a time, so the editors register here rather than block themselves.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Modal } from 'antd';
import { useBlocker } from 'react-router';
import { useT } from '../../i18n/LocaleContext';
import { UnsavedChangesContext, type UnsavedChangesRegistry, type UnsavedWork } from '../../lib/useUnsavedChanges';

export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const t = useT();
  const works = useRef(new Set<{ readonly current: UnsavedWork }>());
  const [asking, setAsking] = useState(false);
  // The answer awaited; a second question (the back button while signing out asks) settles the first as "stay".
  const pending = useRef<((leave: boolean) => void) | null>(null);

  const anyDirty = useCallback(() => [...works.current].some((w) => w.current.isDirty()), []);

  const confirmLeave = useCallback(async (): Promise<boolean> => {
    // In the order they registered, inner first: a sheet's cell being typed is handed to its owner
    // before the owner waits for its saves.
    for (const work of [...works.current]) {
      if (work.current.isDirty()) await work.current.flush?.();
    }
    if (!anyDirty()) return true;
    return new Promise<boolean>((resolve) => {
      pending.current?.(false);
      pending.current = resolve;
      setAsking(true);
    });
  }, [anyDirty]);

  const registry = useMemo<UnsavedChangesRegistry>(
    () => ({
      register(work) {
        works.current.add(work);
        return () => void works.current.delete(work);
      },
      confirmLeave,
    }),
    [confirmLeave],
  );

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search) &&
      anyDirty(),
  );
  const latestBlocker = useRef(blocker);
  latestBlocker.current = blocker;
  const deciding = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || deciding.current) return;
    deciding.current = true;
    void confirmLeave().then((leave) => {
      deciding.current = false;
      const held = latestBlocker.current;
      if (held.state !== 'blocked') return;
      if (leave) held.proceed();
      else held.reset();
    });
  }, [blocker.state, confirmLeave]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!anyDirty()) return;
      event.preventDefault();
      // Older Chromium (and Electron) show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [anyDirty]);

  const answer = (leave: boolean) => {
    const resolve = pending.current;
    pending.current = null;
    setAsking(false);
    resolve?.(leave);
  };

  return (
    <UnsavedChangesContext.Provider value={registry}>
      {children}
      <Modal
        open={asking}
        title={t('unsaved.title')}
        okText={t('unsaved.leave')}
        cancelText={t('unsaved.stay')}
        okButtonProps={{ danger: true }}
        // Staying is the safe answer: it has the focus, and Escape or the close button mean it too.
        cancelButtonProps={{ autoFocus: true }}
        onOk={() => answer(true)}
        onCancel={() => answer(false)}
        mask={{ closable: false }}
      >
        <p>{t('unsaved.text')}</p>
      </Modal>
    </UnsavedChangesContext.Provider>
  );
}
