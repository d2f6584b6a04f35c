/** Thông tin trường & năm học: everyone may read it; school.manage may change it. */
import { useT } from '../../../i18n/LocaleContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { SchoolProfileCard } from './SchoolProfileCard';
import { YearsCard } from './YearsCard';

export function SchoolPage() {
  const t = useT();
  const { can } = useSignedIn();
  const profile = useProcedure('school.profile.get', {});
  const years = useProcedure('school.years.list', {});
  const canEdit = can('school.manage');

  return (
    <LoadGate
      loaded={profile.data !== undefined && years.data !== undefined}
      error={profile.error ?? years.error}
      retry={() => {
        profile.reload();
        years.reload();
      }}
    >
      <PageTitle title={t('nav.school')} />
      {profile.data && <SchoolProfileCard profile={profile.data} canEdit={canEdit} onChanged={profile.reload} />}
      {years.data && <YearsCard years={years.data.years} canEdit={canEdit} onChanged={years.reload} />}
    </LoadGate>
  );
}
