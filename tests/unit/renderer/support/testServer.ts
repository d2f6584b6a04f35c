/**
 * A real school server for the renderer tests, in the test's own process, over a fresh data folder,
 * and the helpers that prepare it through its own procedures (never by mocking it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../../../src-main/server/start';
import { silentLogger } from '../../../../src-main/core/app';
import { ProcedureClient } from '../../../../src-renderer/api/client';
import type { Role } from '../../../../src-shared/domain/roles';

export interface RendererTestServer {
  server: RunningServer;
  url: string;
  /** A fresh client with no session, as the app starts. */
  newClient(): ProcedureClient;
  close(): Promise<void>;
}

/** `demo`: seed the demo school (15 classes, ~540 pupils, staff; admin/principal/clerk/teacher, password demo). */
export async function startRendererServer(options: { demo?: boolean } = {}): Promise<RendererTestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-renderer-'));
  const server = await startServer({ dataDir, port: 0, schedule: false, log: silentLogger, demo: options.demo });
  // The page is served by the school server, as in a browser: the /events socket refuses other origins.
  // jsdom fixes the origin its WebSocket sends when the window is made, so that is set along with the URL.
  const dom = (globalThis as { jsdom?: { reconfigure(options: { url: string }): void; window: object } }).jsdom;
  dom?.reconfigure({ url: `${server.url}/` });
  if (dom) Object.assign(dom.window, { _origin: new URL(server.url).origin });
  return {
    server,
    url: server.url,
    newClient: () => new ProcedureClient(server.url, null),
    async close() {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN = { username: 'admin', fullName: 'Nguyễn Văn Quản', password: 'admin-pass-1' };

export const SETUP_INPUT = {
  school: {
    name: 'Trường Tiểu học Kim Đồng',
    code: 'KD01',
    educationOffice: 'Phòng GDĐT phường Ba Đình',
    educationDepartment: '',
    province: 'Hà Nội',
    ward: 'Ba Đình',
    address: '',
    principalName: '',
    phone: '',
    email: '',
  },
  admin: ADMIN,
  year: {
    name: '2025-2026',
    startDate: '2025-09-05',
    term1End: '2026-01-15',
    term2Start: '2026-01-16',
    endDate: '2026-05-31',
  },
};

/** Sets the school up through school.setup; returns a client signed in as its administrator. */
export async function setUpSchool(ts: RendererTestServer): Promise<ProcedureClient> {
  const client = ts.newClient();
  const session = await client.get('school.setup', SETUP_INPUT);
  client.setToken(session.token);
  return client;
}

/** Creates an account through users.create as the administrator; returns a client signed in as it. */
export async function signedInAs(
  ts: RendererTestServer,
  admin: ProcedureClient,
  user: { username: string; fullName: string; role: Role; password: string },
): Promise<ProcedureClient> {
  await admin.get('users.create', { ...user, mustChangePassword: false });
  const client = ts.newClient();
  const session = await client.get('auth.login', { username: user.username, password: user.password });
  client.setToken(session.token);
  return client;
}

/** A client signed in with an existing account (the demo school's clerk, teacher...). */
export async function signIn(ts: RendererTestServer, username: string, password: string): Promise<ProcedureClient> {
  const client = ts.newClient();
  const session = await client.get('auth.login', { username, password });
  client.setToken(session.token);
  return client;
}
