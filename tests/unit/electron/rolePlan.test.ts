import { describe, expect, it } from 'vitest';
import { bindingSatisfied, canChooseRole, loadFailureAction, planForRole } from '../../../src-main/electron/rolePlan';

describe('what each role means for this PC', () => {
  it('runs a loopback server on a free port before a role is chosen', () => {
    expect(planForRole(null)).toEqual({ kind: 'local-server', binding: { host: '127.0.0.1', port: 5176 } });
  });

  it('keeps the school server on this PC only unless the LAN is enabled', () => {
    expect(planForRole({ role: 'server', lan: false })).toEqual({
      kind: 'local-server',
      binding: { host: '127.0.0.1', port: 5176 },
    });
    expect(planForRole({ role: 'server', lan: true })).toEqual({
      kind: 'local-server',
      binding: { host: '0.0.0.0', port: 5175 },
    });
    expect(planForRole({ role: 'server', lan: true }, 6000)).toEqual({
      kind: 'local-server',
      binding: { host: '0.0.0.0', port: 6000 },
    });
  });

  it('shows the school server on an office PC and its lab app in a kiosk on a lab PC', () => {
    expect(planForRole({ role: 'office', serverUrl: 'http://192.168.1.10:5175' })).toEqual({
      kind: 'remote-server',
      url: 'http://192.168.1.10:5175',
      kiosk: false,
    });
    expect(planForRole({ role: 'lab', serverUrl: 'http://192.168.1.10:5175' })).toEqual({
      kind: 'remote-server',
      url: 'http://192.168.1.10:5175/lab',
      kiosk: true,
    });
  });

  it('restarts the server only when it listens somewhere else than wanted', () => {
    expect(bindingSatisfied({ host: '127.0.0.1', port: 40000 }, { host: '127.0.0.1', port: 0 })).toBe(true);
    expect(bindingSatisfied({ host: '127.0.0.1', port: 40000 }, { host: '0.0.0.0', port: 5175 })).toBe(false);
    expect(bindingSatisfied({ host: '0.0.0.0', port: 5175 }, { host: '0.0.0.0', port: 5175 })).toBe(true);
    expect(bindingSatisfied({ host: '0.0.0.0', port: 5175 }, { host: '127.0.0.1', port: 0 })).toBe(false);
  });

  it('lets only the local UI choose the role', () => {
    expect(canChooseRole(null)).toBe(true);
    expect(canChooseRole({ role: 'server', lan: true })).toBe(true);
    expect(canChooseRole({ role: 'office', serverUrl: 'http://192.168.1.10:5175' })).toBe(false);
    expect(canChooseRole({ role: 'lab', serverUrl: 'http://192.168.1.10:5175' })).toBe(false);
  });

  it('asks an office user, retries quietly on a lab seat, and ignores aborted or sub-frame loads', () => {
    expect(loadFailureAction('office', -102, true)).toBe('ask-user');
    expect(loadFailureAction('lab', -102, true)).toBe('retry-later');
    expect(loadFailureAction('office', -3, true)).toBe('ignore');
    expect(loadFailureAction('office', -102, false)).toBe('ignore');
    expect(loadFailureAction('server', -102, true)).toBe('ignore');
    expect(loadFailureAction(null, -102, true)).toBe('ignore');
  });
});
