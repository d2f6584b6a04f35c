/**
 * A pupil's profile: details, family, class history and status history, with the clerk's actions —
 * sửa, chuyển lớp, chuyển đi, thôi học while the pupil is at the school; nhận lại once they have left,
 * and on the day a leaving was recorded, its undo (when the server says it is still possible).
 */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table, Tag, type TableColumnsType } from 'antd';
import {
  ArrowLeftOutlined,
  EditOutlined,
  LoginOutlined,
  LogoutOutlined,
  MedicineBoxOutlined,
  StopOutlined,
  SwapOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { PupilView } from '../../../../src-shared/api/records';
import {
  codeName,
  DISABILITY_TYPES,
  ETHNICITIES,
  POLICY_GROUPS,
  PUPIL_STATUSES,
  RELIGIONS,
} from '../../../../src-shared/domain/codeLists';
import { formatIsoDateVn } from '../../../../src-shared/domain/dates';
import { isPresent } from '../../../../src-shared/domain/pupilStatus';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { NotFoundPage } from '../../common/NotFoundPage';
import { PageTitle } from '../../common/PageTitle';
import { relationLabel, sexLabel } from '../common/labels';
import { useGoBack } from '../common/useGoBack';
import { ClassHistoryTable } from './ClassHistoryTable';
import { StatusHistoryTable } from './StatusHistoryTable';
import { MoveClassModal } from './MoveClassModal';
import { TransferOutModal } from './TransferOutModal';
import { DropOutModal } from './DropOutModal';
import { ReadmitModal } from './ReadmitModal';

type Guardian = PupilView['guardians'][number];
type Dialog = 'move' | 'transferOut' | 'dropOut' | 'readmit' | null;

function PupilDetails({ pupil }: { pupil: PupilView }) {
  const t = useT();
  const orDash = (text: string | null | undefined) => (text ? text : '—');
  return (
    <Descriptions
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'fullName', label: t('pupil.fullName'), children: pupil.fullName },
        { key: 'sex', label: t('pupil.sex'), children: sexLabel(t, pupil.sex) },
        { key: 'birthDate', label: t('pupil.birthDate'), children: formatIsoDateVn(pupil.birthDate) },
        { key: 'birthPlace', label: t('pupil.birthPlace'), children: orDash(pupil.birthPlace) },
        { key: 'ethnicity', label: t('pupil.ethnicity'), children: codeName(ETHNICITIES, pupil.ethnicity) },
        {
          key: 'religion',
          label: t('pupil.religion'),
          children: pupil.religion ? codeName(RELIGIONS, pupil.religion) : '—',
        },
        { key: 'nationality', label: t('pupil.nationality'), children: pupil.nationality },
        { key: 'sectorId', label: t('pupil.sectorId'), children: orDash(pupil.sectorId) },
        // Shown only to those the server shows it to.
        ...(pupil.personalId !== null
          ? [{ key: 'personalId', label: t('pupil.personalId'), children: orDash(pupil.personalId) }]
          : []),
        { key: 'address', label: t('pupil.address'), children: orDash(pupil.address) },
        {
          key: 'disability',
          label: t('pupil.disability'),
          children: pupil.disabilityType ? codeName(DISABILITY_TYPES, pupil.disabilityType) : t('pupil.noDisability'),
        },
        {
          key: 'policyGroup',
          label: t('pupil.policyGroup'),
          children: pupil.policyGroup ? codeName(POLICY_GROUPS, pupil.policyGroup) : '—',
        },
      ]}
    />
  );
}

function GuardiansTable({ guardians }: { guardians: Guardian[] }) {
  const t = useT();
  const columns: TableColumnsType<Guardian> = [
    { title: t('guardian.relation'), key: 'relation', render: (_v, g) => relationLabel(t, g.relation) },
    { title: t('guardian.fullName'), dataIndex: 'fullName', key: 'fullName' },
    { title: t('guardian.birthYear'), key: 'birthYear', render: (_v, g) => g.birthYear ?? '' },
    { title: t('guardian.occupation'), dataIndex: 'occupation', key: 'occupation' },
    { title: t('guardian.phone'), dataIndex: 'phone', key: 'phone' },
  ];
  return (
    <Table<Guardian>
      rowKey="id"
      columns={columns}
      dataSource={guardians}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('guardian.none') }}
    />
  );
}

export function PupilProfilePage() {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useSignedIn();
  const rawId = Number(useParams().id);
  const id = Number.isInteger(rawId) && rawId > 0 ? rawId : null;
  const pupil = useProcedure('records.pupils.get', id === null ? null : { id });
  const [dialog, setDialog] = useState<Dialog>(null);
  const goBack = useGoBack('/records/pupils');
  const client = useClient();
  const { modal, message } = App.useApp();

  if (id === null || pupil.error?.code === 'not_found') return <NotFoundPage />;
  const p = pupil.data;
  const present = p ? isPresent(p.status) : false;
  const currentClass = p?.enrolments.find((e) => e.endDate === null) ?? null;
  const done = () => {
    setDialog(null);
    pupil.reload();
  };
  const undoable = p?.events.find((e) => e.id === p.undoableLeaving) ?? null;
  const undoLabel = undoable ? t(undoable.kind === 'dropout' ? 'pupils.undo.dropout' : 'pupils.undo.transfer_out') : '';
  const confirmUndo = (view: PupilView) =>
    modal.confirm({
      title: t('pupils.undoTitle', { action: undoLabel, name: view.fullName }),
      content: t('pupils.undoContent', { className: view.enrolments[0]?.className ?? '' }),
      okText: undoLabel,
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await client.call('records.pupils.undoLeaving', { id: view.id, version: view.version });
        if (result.ok) void message.success(t('pupils.undone', { name: view.fullName }));
        else void message.error(result.error.message);
        pupil.reload();
      },
    });

  return (
    <LoadGate loaded={p !== undefined} error={pupil.error} retry={pupil.reload}>
      {p && (
        <>
          <PageTitle
            title={p.fullName}
            extra={
              <Space wrap>
                <Button icon={<ArrowLeftOutlined />} onClick={goBack}>
                  {t('common.back')}
                </Button>
                {/* Health data stays out of the records screens: only a link, for those who may read it. */}
                {can('health.read') && (
                  <Button icon={<MedicineBoxOutlined />} onClick={() => void navigate(`/health/pupils/${p.id}`)}>
                    {t('health.pupilLink')}
                  </Button>
                )}
                {can('records.manage') && (
                  <>
                    <Button icon={<EditOutlined />} onClick={() => void navigate(`/records/pupils/${p.id}/edit`)}>
                      {t('common.edit')}
                    </Button>
                    {present ? (
                      <>
                        <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
                          {t('pupils.moveClass')}
                        </Button>
                        <Button icon={<LogoutOutlined />} onClick={() => setDialog('transferOut')}>
                          {t('pupils.transferOut')}
                        </Button>
                        <Button danger icon={<StopOutlined />} onClick={() => setDialog('dropOut')}>
                          {t('pupils.dropOut')}
                        </Button>
                      </>
                    ) : (
                      <>
                        {undoable && (
                          <Button type="primary" icon={<UndoOutlined />} onClick={() => confirmUndo(p)}>
                            {undoLabel}
                          </Button>
                        )}
                        <Button icon={<LoginOutlined />} onClick={() => setDialog('readmit')}>
                          {t('pupils.readmit')}
                        </Button>
                      </>
                    )}
                  </>
                )}
              </Space>
            }
          />
          <Space wrap style={{ marginBottom: 16 }}>
            <Tag color={present ? 'green' : 'default'}>{codeName(PUPIL_STATUSES, p.status)}</Tag>
            {p.statusDate && <span>{t('pupils.statusSince', { date: formatIsoDateVn(p.statusDate) })}</span>}
            {currentClass && <Tag color="blue">{t('class.label', { name: currentClass.className })}</Tag>}
          </Space>
          <Card title={t('pupils.section.pupil')} style={{ marginBottom: 16 }}>
            <PupilDetails pupil={p} />
          </Card>
          <Card title={t('pupils.section.family')} style={{ marginBottom: 16 }}>
            <GuardiansTable guardians={p.guardians} />
          </Card>
          <Card title={t('pupils.section.classHistory')} style={{ marginBottom: 16 }}>
            <ClassHistoryTable enrolments={p.enrolments} />
          </Card>
          <Card title={t('pupils.section.statusHistory')}>
            <StatusHistoryTable events={p.events} />
          </Card>
          {dialog === 'move' && (
            <MoveClassModal
              pupilIds={[p.id]}
              pupilName={p.fullName}
              fromClassId={currentClass?.classId ?? null}
              onClose={() => setDialog(null)}
              onMoved={done}
            />
          )}
          {dialog === 'transferOut' && <TransferOutModal pupil={p} onClose={() => setDialog(null)} onDone={done} />}
          {dialog === 'dropOut' && <DropOutModal pupil={p} onClose={() => setDialog(null)} onDone={done} />}
          {dialog === 'readmit' && <ReadmitModal pupil={p} onClose={() => setDialog(null)} onDone={done} />}
        </>
      )}
    </LoadGate>
  );
}
