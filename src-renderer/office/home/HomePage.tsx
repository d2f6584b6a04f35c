/** Trang chủ: who and where the user is, and a tile per module they can open. */
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../i18n/LocaleContext';
import { useProcedure } from '../../lib/useProcedure';
import { formatIsoDateVn } from '../../../src-shared/domain/dates';
import { useSignedIn } from '../session/SessionContext';
import { ADMIN_ENTRIES, MODULES, SCHOOL_ICON, visibleEntries, type ModuleEntry } from '../layout/modules';
import { PageTitle } from '../common/PageTitle';

function ModuleTile({ entry }: { entry: ModuleEntry }) {
  const t = useT();
  return (
    <Col xs={24} sm={12} lg={8} xl={6}>
      <Link to={entry.path} className="ts-tile">
        <Card hoverable style={{ height: '100%' }}>
          <Card.Meta
            avatar={
              <span className="ts-tile-icon" aria-hidden="true">
                {entry.icon}
              </span>
            }
            title={t(entry.label)}
            description={t(entry.description)}
          />
        </Card>
      </Link>
    </Col>
  );
}

export function HomePage() {
  const t = useT();
  const { user, schoolName, can } = useSignedIn();
  const years = useProcedure('school.years.list', {});
  const current = years.data?.years.find((y) => y.isCurrent);

  const adminTiles = visibleEntries(ADMIN_ENTRIES, can);
  // Everyone may read the school's details; those who cannot edit them reach the page from here.
  const schoolTile: ModuleEntry | null = can('school.manage')
    ? null
    : { path: '/school', label: 'nav.schoolInfo', description: 'module.schoolInfo.description', icon: SCHOOL_ICON };

  return (
    <>
      <PageTitle title={t('home.welcome', { name: user.fullName })} />
      <Card style={{ marginBottom: 24 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'school', label: t('home.school'), children: schoolName ?? '—' },
            { key: 'role', label: t('home.role'), children: t(`role.${user.role}`) },
            {
              key: 'year',
              label: t('home.currentYear'),
              children: current
                ? t('home.yearSpan', {
                    name: current.name,
                    start: formatIsoDateVn(current.startDate),
                    end: formatIsoDateVn(current.endDate),
                  })
                : years.data
                  ? t('home.noCurrentYear')
                  : '…',
            },
          ]}
        />
      </Card>
      <Typography.Title level={3}>{t('home.modules')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {visibleEntries(MODULES, can).map((m) => (
          <ModuleTile key={m.path} entry={m} />
        ))}
        {schoolTile && <ModuleTile entry={schoolTile} />}
      </Row>
      {adminTiles.length > 0 && (
        <>
          <Typography.Title level={3} style={{ marginTop: 24 }}>
            {t('nav.admin')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            {adminTiles.map((m) => (
              <ModuleTile key={m.path} entry={m} />
            ))}
          </Row>
        </>
      )}
    </>
  );
}
