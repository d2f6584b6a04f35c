/**
 * The options every app window is created with (DESIGN §5, style anchors §8.2). Kept in one pure
 * function so a test can pin the security settings and a new window cannot forget one.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_NAME } from '../appInfo';

export interface WindowTarget {
  url: string;
  /** The lab role: full screen, no menu, no way out to the desktop. */
  kiosk: boolean;
}

export function hardenedWebPreferences(preloadPath: string, kiosk: boolean): WebPreferences {
  // webSecurity is deliberately not mentioned: its default (on) must never be overridden.
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // A pupil at a lab seat must not reach the console and the bridge behind it.
    devTools: !kiosk,
  };
}

export function windowOptionsFor(preloadPath: string, kiosk: boolean): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    title: APP_NAME,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: hardenedWebPreferences(preloadPath, kiosk),
  };
  if (kiosk) return { ...common, kiosk: true, fullscreen: true, minimizable: false };
  return { ...common, width: 1280, height: 800, minWidth: 1024, minHeight: 640 };
}
