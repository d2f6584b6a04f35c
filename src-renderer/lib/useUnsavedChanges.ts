/**
 * Work on screen that the server does not hold yet, and what leaving it does. Each editor registers
 * how to tell whether it holds unsaved or invalid changes and, where it can, how to keep them without
 * asking (an autosave under way to wait for, a valid row to send). One guard in the app's frame reads
 * the editors when the user leaves: a menu item, a link, the browser's back button, signing out or
 * closing the window; it keeps what can be kept and asks about the rest.
 */
import { createContext, useContext, useEffect, useRef, useState } from 'react';

export interface UnsavedWork {
  /** Whether leaving now would lose something. Read when the user leaves, so it may look at refs. */
  isDirty(): boolean;
  /** Keeps what can be kept without asking; resolves once done (what is left is then asked about). */
  flush?(): Promise<void>;
}

export interface UnsavedChangesRegistry {
  register(work: { readonly current: UnsavedWork }): () => void;
  /** Resolves true when the user may go: nothing was unsaved, it was kept, or they chose to leave. */
  confirmLeave(): Promise<boolean>;
}

export const UnsavedChangesContext = createContext<UnsavedChangesRegistry | null>(null);

function useRegistry(): UnsavedChangesRegistry {
  const registry = useContext(UnsavedChangesContext);
  if (!registry) throw new Error('unsaved changes hook outside <UnsavedChangesGuard>');
  return registry;
}

/**
 * Registers an editor's unsaved work for as long as it is on screen. `markSaved` is for a form that
 * leaves by itself after a successful save: that navigation must not ask.
 */
export function useUnsavedChanges(work: UnsavedWork): { markSaved(): void } {
  const registry = useRegistry();
  const saved = useRef(false);
  const latest = useRef<UnsavedWork>(work);
  latest.current = work;
  const [handle] = useState(() => ({
    current: {
      isDirty: () => !saved.current && latest.current.isDirty(),
      flush: () => latest.current.flush?.() ?? Promise.resolve(),
    },
  }));
  useEffect(() => registry.register(handle), [registry, handle]);
  return useState(() => ({ markSaved: () => void (saved.current = true) }))[0];
}

/** Asks before an action that drops the screen's work without a navigation (signing out, a new day). */
export function useConfirmLeave(): () => Promise<boolean> {
  return useRegistry().confirmLeave;
}

/** Promises of saves under way, so that leaving can wait for them to be answered. */
export function useSavesUnderWay(): { track<T>(save: Promise<T>): Promise<T>; settled(): Promise<void> } {
  const [api] = useState(() => {
    const running = new Set<Promise<unknown>>();
    return {
      track<T>(save: Promise<T>): Promise<T> {
        running.add(save);
        void save.finally(() => running.delete(save)).catch(() => {});
        return save;
      },
      async settled(): Promise<void> {
        // A save may start another (a change typed while it ran): wait until none is left.
        while (running.size > 0) await Promise.allSettled([...running]);
      },
    };
  });
  return api;
}
