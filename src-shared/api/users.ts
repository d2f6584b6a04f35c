import { z } from 'zod';
import { procedure } from './procedure';
import { id, newPassword, personName, username, version } from './common';
import { role, userView } from './auth';

export const usersApi = {
  'users.list': procedure({
    summary: 'All accounts, optionally filtered by a search over username and name.',
    input: z.strictObject({ search: z.string().max(100).optional(), includeDisabled: z.boolean().default(true) }),
    output: z.object({ users: z.array(userView) }),
    permission: 'users.manage',
    audit: 'none',
  }),
  'users.create': procedure({
    summary: 'Create an account with a role and an initial password.',
    input: z.strictObject({
      username,
      fullName: personName(100),
      role,
      password: newPassword,
      mustChangePassword: z.boolean().default(true),
    }),
    output: userView,
    permission: 'users.manage',
    audit: 'write',
  }),
  'users.update': procedure({
    summary: 'Change an account’s name or role (optimistic lock on version).',
    input: z.strictObject({ id, version, fullName: personName(100).optional(), role: role.optional() }),
    output: userView,
    permission: 'users.manage',
    audit: 'write',
  }),
  'users.password.reset': procedure({
    summary: 'Set a new password for an account; the user must change it at next sign-in.',
    input: z.strictObject({ id, newPassword }),
    output: userView,
    permission: 'users.manage',
    audit: 'write',
  }),
  'users.status.set': procedure({
    summary: 'Disable or re-enable an account; disabling ends its sessions.',
    input: z.strictObject({ id, disabled: z.boolean() }),
    output: userView,
    permission: 'users.manage',
    audit: 'write',
  }),
};
