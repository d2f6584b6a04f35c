/**
 * The Electron preload's `window.truongso` (DESIGN §3): present in the desktop app, absent in a plain
 * browser, where the UI simply goes without the things only a desktop can do.
 */
import type { DesktopBridge } from '../../src-shared/api/bridge';

declare global {
  interface Window {
    truongso?: DesktopBridge;
  }
}

export function desktopBridge(): DesktopBridge | null {
  if (typeof window === 'undefined') return null;
  const bridge = window.truongso;
  return bridge && bridge.isDesktop === true ? bridge : null;
}
