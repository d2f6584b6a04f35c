/**
 * Which role may open which page: one table for the side menu, the section tabs and the route guard,
 * so a page the menu does not offer a role cannot be reached by typing its address either. The
 * server refuses the data anyway; this keeps the screens from pretending otherwise.
 *
 * A module's entry (modules.tsx) covers its whole address space; a page under it that needs more is
 * listed here. Addresses not covered at all are open to every signed-in user (the 404 page among them).
 */
import { matchPath } from 'react-router';
import { roleHas, type Permission, type Role } from '../../../src-shared/domain/roles';
import { DOCUMENTS_SECTIONS } from '../documents/DocumentsNav';
import { ADMIN_ENTRIES, HOME, MODULES } from './modules';

export type Access = { permission: Permission } | { roles: readonly Role[] } | { everyone: true };

export interface RouteRule {
  /** A react-router pattern; `:id` stands for a record's id. */
  pattern: string;
  access: Access;
}

/** Pages that need more than their module's entry does, most specific first. */
const PAGE_RULES: readonly RouteRule[] = [
  { pattern: '/change-password', access: { everyone: true } },
  // Quản trị lists the school page for those who edit it; everyone else reads it from the home page.
  { pattern: '/school', access: { everyone: true } },
  { pattern: '/records/pupils', access: { permission: 'records.read' } },
  { pattern: '/records/pupils/import', access: { permission: 'records.manage' } },
  { pattern: '/records/pupils/new', access: { permission: 'records.manage' } },
  { pattern: '/records/pupils/:id', access: { permission: 'records.read' } },
  { pattern: '/records/pupils/:id/edit', access: { permission: 'records.manage' } },
  { pattern: '/records/classes', access: { permission: 'records.read' } },
  // Lên lớp cuối năm moves every class into the next year: the records' managers' job.
  { pattern: '/records/classes/promotion', access: { permission: 'records.manage' } },
  { pattern: '/records/staff', access: { permission: 'records.read' } },
  { pattern: '/records/staff/import', access: { permission: 'records.manage' } },
  { pattern: '/records/staff/new', access: { permission: 'records.manage' } },
  { pattern: '/records/staff/:id/edit', access: { permission: 'records.manage' } },
  { pattern: '/records/rooms', access: { permission: 'records.read' } },
  { pattern: '/records/facilities', access: { permission: 'records.read' } },
  { pattern: '/health/classes', access: { permission: 'health.read' } },
  { pattern: '/health/summary', access: { permission: 'health.read' } },
  { pattern: '/health/pupils/:id', access: { permission: 'health.read' } },
  { pattern: '/assessment/gradebook', access: { permission: 'assessment.read' } },
  // The progress board and the locks are the management's; a teacher follows their own gradebook.
  { pattern: '/assessment/progress', access: { roles: ['principal', 'clerk'] } },
  { pattern: '/assessment/stats', access: { permission: 'assessment.read' } },
  ...DOCUMENTS_SECTIONS.map((s) => ({ pattern: s.path, access: { permission: s.permission } })),
];

/** Whole modules: the menu's own entries, by their address prefix. */
const MODULE_RULES: readonly RouteRule[] = [...MODULES, ...ADMIN_ENTRIES]
  .map((e) => ({ pattern: e.path, access: e.permission ? { permission: e.permission } : { everyone: true as const } }))
  .sort((a, b) => b.pattern.length - a.pattern.length);

/** Every page the table names, for tests and for the layout walk. */
export const ROUTE_RULES: readonly RouteRule[] = [
  { pattern: HOME.path, access: { everyone: true } },
  ...MODULE_RULES.filter((m) => !PAGE_RULES.some((p) => p.pattern === m.pattern)),
  ...PAGE_RULES,
];

function allows(access: Access, role: Role): boolean {
  if ('everyone' in access) return true;
  if ('roles' in access) return access.roles.includes(role);
  return roleHas(role, access.permission);
}

/** The rule that decides `pathname`: the page's own, else its module's; null when none covers it. */
export function ruleFor(pathname: string): RouteRule | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  const page = PAGE_RULES.find((r) => matchPath({ path: r.pattern, end: true }, path));
  if (page) return page;
  return MODULE_RULES.find((r) => path === r.pattern || path.startsWith(`${r.pattern}/`)) ?? null;
}

/**
 * Whether the module `pathname` belongs to is open to `role` (its pages are then checked one by one
 * under the module's tabs, by PageGuard); true where no module covers the address.
 */
export function moduleOpen(role: Role, pathname: string): boolean {
  const path = pathname.replace(/\/+$/, '') || '/';
  const covering = MODULE_RULES.filter((r) => path === r.pattern || path.startsWith(`${r.pattern}/`));
  // Any entry covering the address will do: a teacher at /documents/settings (the administrators'
  // entry) is in the documents module, and sees its tabs above the 403.
  return covering.length === 0 || covering.some((r) => allows(r.access, role));
}

export function mayOpen(role: Role, pathname: string): boolean {
  const rule = ruleFor(pathname);
  return rule === null || allows(rule.access, role);
}
