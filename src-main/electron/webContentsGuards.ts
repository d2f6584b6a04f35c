/**
 * The navigation, new-window, webview and permission rules applied to every web page the app shows
 * (DESIGN §5). The decisions live in urlPolicy.ts; this file only attaches them to Electron's events.
 */
import { dialog, shell, type Session, type WebContents } from 'electron';
import { APP_NAME } from '../appInfo';
import { MESSAGES } from './messages';
import { externalUrlToOpen, isSameOriginNavigation } from './urlPolicy';

/** Hands an allowlisted link to the system browser or mail client; anything else is dropped. */
export function openExternalIfAllowed(raw: string): boolean {
  const safe = externalUrlToOpen(raw);
  if (safe === null) return false;
  shell.openExternal(safe).catch(() => {
    // No browser or mail client configured: nothing the app can do about it.
  });
  return true;
}

/**
 * @param trustedOrigin the origin of the school server the app currently shows; read on every event
 *   because it changes when the role is chosen.
 */
export function guardWebContents(contents: WebContents, trustedOrigin: () => string | null): void {
  contents.on('will-navigate', (event) => {
    if (isSameOriginNavigation(event.url, trustedOrigin())) return;
    event.preventDefault();
    // A plain link to the Ministry's site is still useful: open it outside the app.
    openExternalIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isSameOriginNavigation(event.url, trustedOrigin())) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The page holds unsaved work (its beforeunload handler said so). A browser would ask; Electron
  // only keeps the window open, which looks like a window that will not close. Ask as the page does.
  contents.on('will-prevent-unload', (event) => {
    const answer = dialog.showMessageBoxSync({
      type: 'question',
      title: APP_NAME,
      message: MESSAGES.unsavedTitle,
      detail: MESSAGES.unsavedText,
      buttons: [...MESSAGES.unsavedButtons],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // Preventing this event is what lets the page go.
    if (answer === 0) event.preventDefault();
  });
}

/** The UI needs no camera, microphone, location, notifications or devices: refuse them all. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
