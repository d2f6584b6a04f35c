/** Preparing and checking the server through its public procedures, as any client would. */
import type { Result } from '../../../src-shared/api/envelope';

export async function callApi<T>(baseUrl: string, name: string, input: unknown = {}, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

export const SCHOOL_SETUP = {
  school: { name: 'Trường Tiểu học Hòa Bình', code: 'HB01' },
  admin: { username: 'admin', fullName: 'Đỗ Minh Quản', password: 'admin-pass-1' },
  year: {
    name: '2025-2026',
    startDate: '2025-09-05',
    term1End: '2026-01-15',
    term2Start: '2026-01-16',
    endDate: '2026-05-31',
  },
};

/** Sets the school up through school.setup; returns the administrator's token. */
export async function setUpSchool(baseUrl: string): Promise<string> {
  const session = await callApi<{ token: string }>(baseUrl, 'school.setup', SCHOOL_SETUP);
  return session.token;
}

export async function usernames(baseUrl: string, token: string): Promise<string[]> {
  const { users } = await callApi<{ users: { username: string }[] }>(baseUrl, 'users.list', {}, token);
  return users.map((u) => u.username);
}
