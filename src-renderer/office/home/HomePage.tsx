/**
 * Trang chủ: what is due for the signed-in user (signing queue, returned documents, entry progress,
 * headcounts, backups, reporting deadline), then a tile per module they can open. Everything due comes
 * from one call, home.summary; each part shows only for the roles it concerns.
 */
import { Alert, Card, Col, Descriptions, Flex, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useLocale, useT } from '../../i18n/LocaleContext';
import { useProcedure } from '../../lib/useProcedure';
import { formatInstantVn, formatIsoDateVn } from '../../../src-shared/domain/dates';
import type { HomeSummary } from '../../../src-shared/api/home';
import { useSignedIn } from '../session/SessionContext';
import { ADMIN_ENTRIES, MODULES, SCHOOL_ICON, visibleEntries, type ModuleEntry } from '../layout/modules';
import { SOON_COLOR, SoonTag } from '../layout/SoonTag';
import { PageTitle } from '../common/PageTitle';
import { pointLabel } from '../assessment/labels';

function ModuleTile({ entry }: { entry: ModuleEntry }) {
  const t = useT();
  const soon = entry.underConstruction !== undefined;
  return (
    <Col xs={24} sm={12} lg={8} xl={6}>
      <Link
        to={entry.path}
        className="ts-tile"
        aria-label={soon ? t('module.soonLabel', { name: t(entry.label) }) : undefined}
      >
        <Card hoverable style={{ height: '100%', ...(soon ? { background: '#fafafa', borderStyle: 'dashed' } : {}) }}>
          <Card.Meta
            avatar={
              <span className="ts-tile-icon" aria-hidden="true" style={soon ? { color: SOON_COLOR } : undefined}>
                {entry.icon}
              </span>
            }
            // The whole name on as many lines as it needs: "Báo cáo thống kê" is not to end in "…".
            title={
              <span style={{ whiteSpace: 'normal', ...(soon ? { color: SOON_COLOR } : {}) }}>
                {t(entry.label)}
                {soon && <SoonTag />}
              </span>
            }
            description={t(entry.description)}
          />
        </Card>
      </Link>
    </Col>
  );
}

/** A count that asks for action, with the link that leads to it. */
function CountCard({
  title,
  count,
  none,
  note,
  link,
}: {
  title: string;
  count: number;
  none: string;
  note?: string;
  link: { to: string; label: string };
}) {
  const t = useT();
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <Statistic
        value={count}
        suffix={count > 0 ? t('home.documentsUnit') : undefined}
        styles={{ content: { color: count > 0 ? '#d46b08' : undefined } }}
        formatter={count > 0 ? undefined : () => <Typography.Text type="secondary">{none}</Typography.Text>}
      />
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      <div style={{ marginTop: 8 }}>
        <Link to={link.to}>{link.label}</Link>
      </div>
    </Card>
  );
}

function BackupCard({ backup }: { backup: NonNullable<HomeSummary['backup']> }) {
  const t = useT();
  const { offDisk } = backup;
  return (
    <Card size="small" title={t('home.backup.title')} style={{ height: '100%' }}>
      <Flex vertical gap={4}>
        <Typography.Text>
          {backup.lastBackupAt
            ? t('home.backup.last', { at: formatInstantVn(backup.lastBackupAt) })
            : t('home.backup.never')}
        </Typography.Text>
        <Typography.Text>
          {offDisk.lastCopyAt
            ? t('home.backup.offDiskLast', { at: formatInstantVn(offDisk.lastCopyAt) })
            : t('home.backup.offDiskNever')}
        </Typography.Text>
        {offDisk.overdue && (
          <Alert type="warning" showIcon title={t('home.backup.offDiskOverdue', { days: offDisk.warnAfterDays })} />
        )}
        <Link to="/backup">{t('home.backup.open')}</Link>
      </Flex>
    </Card>
  );
}

function DeadlineCard() {
  const t = useT();
  return (
    <Card
      size="small"
      title={
        <span style={{ color: SOON_COLOR }}>
          {t('home.deadline.title')} <SoonTag />
        </span>
      }
      style={{ height: '100%', background: '#fafafa' }}
    >
      <Typography.Text type="secondary">{t('home.deadline.notBuilt')}</Typography.Text>
      <div style={{ marginTop: 8 }}>
        <Link to="/reports">{t('nav.reports')}</Link>
      </div>
    </Card>
  );
}

type ProgressRow = NonNullable<HomeSummary['progress']>['classes'][number];

const percent = (done: number, expected: number) => (expected === 0 ? 100 : Math.floor((done * 100) / expected));

function ProgressCard({ progress, mine }: { progress: NonNullable<HomeSummary['progress']>; mine: boolean }) {
  const t = useT();
  const title = (
    <Flex gap="small" align="center" wrap>
      <span>{t('home.progress.title', { point: pointLabel(t, progress.point) })}</span>
      {progress.locked && <Tag color="green">{t('home.progress.locked')}</Tag>}
    </Flex>
  );
  const gradebook = (r: ProgressRow) => `/assessment/gradebook?class=${r.classId}&point=${progress.point}`;
  return (
    <Card
      size="small"
      title={title}
      extra={
        mine ? undefined : (
          <Link to={`/assessment/progress?point=${progress.point}`}>{t('home.progress.openBoard')}</Link>
        )
      }
      style={{ height: '100%' }}
    >
      <Table<ProgressRow>
        size="small"
        rowKey="classId"
        pagination={false}
        dataSource={progress.classes}
        locale={{ emptyText: mine ? t('home.progress.noneMine') : t('home.progress.none') }}
        columns={[
          {
            key: 'name',
            title: t('home.progress.class'),
            width: 64,
            render: (_, r) => (
              <Link to={gradebook(r)} aria-label={t('home.progress.openGradebook', { name: r.name })}>
                {r.name}
              </Link>
            ),
          },
          {
            key: 'subjects',
            title: t('home.progress.subjects'),
            render: (_, r) => (
              <Progress
                percent={percent(r.subjectsDone, r.subjectsExpected)}
                size="small"
                format={() => t('home.progress.cells', { done: r.subjectsDone, expected: r.subjectsExpected })}
              />
            ),
          },
          {
            key: 'qualities',
            title: t('home.progress.qualities'),
            render: (_, r) => (
              <Progress
                percent={percent(r.qualitiesDone, r.qualitiesExpected)}
                size="small"
                format={() => t('home.progress.cells', { done: r.qualitiesDone, expected: r.qualitiesExpected })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

type HeadcountRow = NonNullable<HomeSummary['headcounts']>[number];

const BOYS_FILL = '#1677ff';
const GIRLS_FILL = '#eb2f96';

/** One bar split into boys and girls: the class's mix at a glance, its numbers beside it. */
function SexBar({ row }: { row: HeadcountRow }) {
  const t = useT();
  const label = t('home.headcount.chartLabel', { boys: row.boys, girls: row.girls });
  if (row.pupils === 0) return null;
  return (
    <div role="img" aria-label={label} title={label} style={{ display: 'flex', height: 10, minWidth: 80 }}>
      <div style={{ flex: row.boys, background: BOYS_FILL, borderRadius: '3px 0 0 3px' }} />
      <div style={{ flex: row.girls, background: GIRLS_FILL, borderRadius: '0 3px 3px 0' }} />
    </div>
  );
}

function HeadcountCard({ rows }: { rows: HeadcountRow[] }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (v: number) => v.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
  const total = rows.reduce(
    (sum, r) => ({ pupils: sum.pupils + r.pupils, boys: sum.boys + r.boys, girls: sum.girls + r.girls }),
    { pupils: 0, boys: 0, girls: 0 },
  );
  return (
    <Card size="small" title={t('home.headcount.title')} style={{ height: '100%' }}>
      <Table<HeadcountRow>
        size="small"
        rowKey="classId"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('home.headcount.none') }}
        columns={[
          { key: 'name', title: t('home.headcount.class'), dataIndex: 'name', width: 64 },
          { key: 'pupils', title: t('home.headcount.pupils'), align: 'right', render: (_, r) => n(r.pupils) },
          { key: 'boys', title: t('home.headcount.boys'), align: 'right', render: (_, r) => n(r.boys) },
          { key: 'girls', title: t('home.headcount.girls'), align: 'right', render: (_, r) => n(r.girls) },
          { key: 'chart', title: t('home.headcount.chart'), render: (_, r) => <SexBar row={r} /> },
        ]}
        summary={() =>
          rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('home.headcount.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{n(total.pupils)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong>{n(total.boys)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <strong>{n(total.girls)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} />
            </Table.Summary.Row>
          ) : null
        }
      />
    </Card>
  );
}

function DueSection({ summary }: { summary: HomeSummary }) {
  const t = useT();
  const { user, can } = useSignedIn();
  const cards = [
    summary.toSign && (
      <CountCard
        key="toSign"
        title={t('home.toSign.title')}
        count={summary.toSign.count}
        none={t('home.toSign.none')}
        link={{ to: '/documents/queue', label: t('home.toSign.open') }}
      />
    ),
    summary.returnedToMe && (
      <CountCard
        key="returned"
        title={t('home.returned.title')}
        count={summary.returnedToMe.count}
        none={t('home.returned.none')}
        note={t('home.returned.days', { days: summary.returnedToMe.days })}
        link={{ to: '/documents', label: t('home.returned.open') }}
      />
    ),
    summary.backup && <BackupCard key="backup" backup={summary.backup} />,
    // The deadline concerns those who send the reports: the principal and the clerk.
    can('documents.register') && <DeadlineCard key="deadline" />,
  ].filter(Boolean);
  const mine = user.role === 'teacher';
  return (
    <>
      {cards.length > 0 && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {cards.map((card, i) => (
            <Col key={i} xs={24} md={12} xl={8}>
              {card}
            </Col>
          ))}
        </Row>
      )}
      {summary.year === null && (summary.progress !== null || can('records.read')) && (
        <Alert type="info" showIcon title={t('home.noYear')} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        {summary.progress && (
          <Col xs={24} xl={summary.headcounts ? 14 : 24}>
            <ProgressCard progress={summary.progress} mine={mine} />
          </Col>
        )}
        {summary.headcounts && (
          <Col xs={24} xl={summary.progress ? 10 : 24}>
            <HeadcountCard rows={summary.headcounts} />
          </Col>
        )}
      </Row>
    </>
  );
}

export function HomePage() {
  const t = useT();
  const { user, schoolName, can } = useSignedIn();
  const years = useProcedure('school.years.list', {});
  const summary = useProcedure('home.summary', {});
  const current = years.data?.years.find((y) => y.isCurrent);

  const adminTiles = visibleEntries(ADMIN_ENTRIES, can);
  // Everyone may read the school's details; those who cannot edit them reach the page from here.
  const schoolTile: ModuleEntry | null = can('school.manage')
    ? null
    : { path: '/school', label: 'nav.schoolInfo', description: 'module.schoolInfo.description', icon: SCHOOL_ICON };

  return (
    <>
      <PageTitle title={t('home.welcome', { name: user.fullName })} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
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
      <section aria-label={t('home.due')} style={{ marginBottom: 24 }}>
        <Typography.Title level={3}>{t('home.due')}</Typography.Title>
        {summary.error ? (
          <Alert type="error" showIcon title={summary.error.message} />
        ) : summary.data ? (
          <DueSection summary={summary.data} />
        ) : (
          <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>
        )}
      </section>
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
