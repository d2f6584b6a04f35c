import { z } from 'zod';
import { procedure } from './procedure';
import { empty, id, isoDateTime, newPassword, version } from './common';
import { ROLES } from '../domain/roles';

export const role = z.enum(ROLES);

export const userView = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  role,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: isoDateTime,
  lastLoginAt: isoDateTime.nullable(),
  version,
});
export type UserView = z.infer<typeof userView>;

export const sessionView = z.object({
  token: z.string(),
  expiresAt: isoDateTime,
  user: userView,
});

export const authApi = {
  'auth.login': procedure({
    summary: 'Sign in with username and password; returns a bearer token.',
    input: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
    output: sessionView,
    permission: 'public',
    audit: 'write',
  }),
  'auth.logout': procedure({
    summary: 'End the current session.',
    input: empty,
    output: empty,
    permission: 'session',
    audit: 'write',
  }),
  'auth.me': procedure({
    summary: 'The signed-in user, their permissions and the school name.',
    input: empty,
    output: z.object({
      user: userView,
      permissions: z.array(z.string()),
      schoolName: z.string().nullable(),
      demo: z.boolean(),
    }),
    permission: 'session',
    audit: 'none',
  }),
  'auth.password.change': procedure({
    summary: 'Change one’s own password; other sessions of the user end.',
    input: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword }),
    output: empty,
    permission: 'session',
    audit: 'write',
  }),
};
