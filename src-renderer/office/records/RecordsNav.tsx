/** The Hồ sơ module's sections, as tabs above each page. */
import { useT } from '../../i18n/LocaleContext';
import { SectionTabs, type Section } from '../common/SectionTabs';

const SECTIONS: readonly Section[] = [
  { path: '/records/pupils', label: 'recordsNav.pupils' },
  { path: '/records/classes', label: 'recordsNav.classes' },
  { path: '/records/staff', label: 'recordsNav.staff' },
  { path: '/records/rooms', label: 'recordsNav.rooms' },
  { path: '/records/facilities', label: 'facilities.nav' },
];

export function RecordsNav() {
  const t = useT();
  return <SectionTabs label={t('recordsNav.label')} sections={SECTIONS} />;
}
