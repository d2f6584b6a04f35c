import { describe, expect, it } from 'vitest';
import { windowOptionsFor } from '../../../src-main/electron/windowOptions';

const PRELOAD = '/app/dist/electron/preload.cjs';

describe('window options', () => {
  it.each([false, true])('are hardened (kiosk: %s)', (kiosk) => {
    const prefs = windowOptionsFor(PRELOAD, kiosk).webPreferences!;
    expect(prefs).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    // Never relaxed, not even to "true": the default is what Electron hardens over time.
    expect(prefs).not.toHaveProperty('webSecurity');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('opens lab seats full screen in kiosk mode without developer tools', () => {
    const options = windowOptionsFor(PRELOAD, true);
    expect(options).toMatchObject({ kiosk: true, fullscreen: true });
    expect(options.webPreferences?.devTools).toBe(false);
  });

  it('opens office windows as ordinary windows', () => {
    const options = windowOptionsFor(PRELOAD, false);
    expect(options.kiosk).toBeUndefined();
    expect(options.fullscreen).toBeUndefined();
    expect(options.show).toBe(false);
  });
});
