/**
 * The suite's modules as the menu and the home tiles show them. A module the user's role cannot use
 * is left out (the server refuses it anyway); modules not built yet still get a page of their own.
 */
import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BankOutlined,
  CloudServerOutlined,
  DesktopOutlined,
  FileProtectOutlined,
  HomeOutlined,
  IdcardOutlined,
  LineChartOutlined,
  MedicineBoxOutlined,
  RocketOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  StarOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../../src-shared/domain/roles';
import type { MessageKey } from '../../../src-shared/i18n';

export interface ModuleEntry {
  path: string;
  label: MessageKey;
  description: MessageKey;
  icon: ReactNode;
  /** Needed to see the entry; absent: every signed-in user. */
  permission?: Permission;
  /**
   * Not built yet: the menu and the home tile mark it "Sắp có", and the route shows what will come,
   * what to do meanwhile, and where it stands in the plan.
   */
  underConstruction?: { coming: readonly MessageKey[]; meanwhile: MessageKey; plan: MessageKey };
}

export const HOME: ModuleEntry = {
  path: '/',
  label: 'nav.home',
  description: 'module.home.description',
  icon: <HomeOutlined aria-hidden="true" />,
};

export const MODULES: readonly ModuleEntry[] = [
  {
    path: '/records',
    label: 'nav.records',
    description: 'module.records.description',
    icon: <IdcardOutlined aria-hidden="true" />,
    permission: 'records.read',
  },
  {
    path: '/health',
    label: 'health.nav',
    description: 'health.module.description',
    icon: <MedicineBoxOutlined aria-hidden="true" />,
    permission: 'health.read',
  },
  {
    path: '/assessment',
    label: 'nav.assessment',
    description: 'module.assessment.description',
    icon: <StarOutlined aria-hidden="true" />,
    permission: 'assessment.read',
  },
  {
    path: '/reports',
    label: 'nav.reports',
    description: 'module.reports.description',
    icon: <LineChartOutlined aria-hidden="true" />,
    underConstruction: {
      coming: ['module.reports.coming1', 'module.reports.coming2', 'module.reports.coming3'],
      meanwhile: 'module.reports.meanwhile',
      plan: 'module.plan.unscheduled',
    },
  },
  {
    path: '/dx',
    label: 'nav.dx',
    description: 'module.dx.description',
    icon: <RocketOutlined aria-hidden="true" />,
    underConstruction: {
      coming: ['module.dx.coming1', 'module.dx.coming2', 'module.dx.coming3'],
      meanwhile: 'module.dx.meanwhile',
      plan: 'module.plan.unscheduled',
    },
  },
  {
    path: '/documents',
    label: 'nav.documents',
    description: 'module.documents.description',
    icon: <FileProtectOutlined aria-hidden="true" />,
    permission: 'documents.submit',
  },
  {
    path: '/lab',
    label: 'nav.lab',
    description: 'module.lab.description',
    icon: <DesktopOutlined aria-hidden="true" />,
    underConstruction: {
      coming: ['module.lab.coming1', 'module.lab.coming2', 'module.lab.coming3'],
      meanwhile: 'module.lab.meanwhile',
      plan: 'module.plan.unscheduled',
    },
  },
];

export const ADMIN_ICON = <SettingOutlined aria-hidden="true" />;

/** The Quản trị submenu; the school page itself is open read-only to everyone (linked from home). */
export const ADMIN_ENTRIES: readonly (ModuleEntry & { permission: Permission })[] = [
  {
    path: '/users',
    label: 'nav.users',
    description: 'module.users.description',
    icon: <TeamOutlined aria-hidden="true" />,
    permission: 'users.manage',
  },
  {
    path: '/school',
    label: 'nav.school',
    description: 'module.school.description',
    icon: <BankOutlined aria-hidden="true" />,
    permission: 'school.manage',
  },
  {
    path: '/audit',
    label: 'nav.audit',
    description: 'module.audit.description',
    icon: <AuditOutlined aria-hidden="true" />,
    permission: 'audit.read',
  },
  {
    path: '/backup',
    label: 'nav.backup',
    description: 'module.backup.description',
    icon: <CloudServerOutlined aria-hidden="true" />,
    permission: 'backup.manage',
  },
  // Also a section of Ký số & văn bản; listed here for the administrator, who does not see that module.
  {
    path: '/documents/settings',
    label: 'signingSettingsUi.section',
    description: 'signingSettingsUi.description',
    icon: <SafetyCertificateOutlined aria-hidden="true" />,
    permission: 'signing.manage',
  },
];

export const SCHOOL_ICON = <BankOutlined aria-hidden="true" />;

export function visibleEntries<T extends ModuleEntry>(entries: readonly T[], can: (p: Permission) => boolean): T[] {
  return entries.filter((e) => !e.permission || can(e.permission));
}
