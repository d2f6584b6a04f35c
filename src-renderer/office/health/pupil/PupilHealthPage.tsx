/**
 * A pupil's health page: the profile (editable by the nurse), BMI-for-age over time, and every check
 * with the nurse's add, correct and delete. Opened from the class list or from the pupil's record.
 */
import { useState } from 'react';
import { App, Button, Card, Space, Tag } from 'antd';
import { ArrowLeftOutlined, IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import type { CheckView } from '../../../../src-shared/api/health';
import { formatIsoDateVn, todayIso } from '../../../../src-shared/domain/dates';
import { ageInMonths } from '../../../../src-shared/domain/growth';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { NotFoundPage } from '../../common/NotFoundPage';
import { PageTitle } from '../../common/PageTitle';
import { useTypedConfirm } from '../../common/useTypedConfirm';
import { useGoBack } from '../../records/common/useGoBack';
import { ageLabel } from '../labels';
import { ProfileContent } from './ProfileCard';
import { ChecksTable } from './ChecksTable';
import { CheckFormModal } from './CheckFormModal';
import { GrowthChart } from './GrowthChart';

export function PupilHealthPage() {
  const t = useT();
  const client = useClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const typedConfirm = useTypedConfirm();
  const { can } = useSignedIn();
  const manage = can('health.manage');
  const rawId = Number(useParams().id);
  const id = Number.isInteger(rawId) && rawId > 0 ? rawId : null;
  const health = useProcedure('health.pupil.get', id === null ? null : { pupilId: id });
  // undefined: no dialog; null: a new check.
  const [editing, setEditing] = useState<CheckView | null | undefined>(undefined);
  const goBack = useGoBack('/health/classes');

  if (id === null || health.error?.code === 'not_found') return <NotFoundPage />;
  const data = health.data;

  const remove = (check: CheckView) =>
    // A check's measurements exist nowhere else once deleted: the nurse types XÓA.
    typedConfirm({
      title: t('health.pupil.deleteConfirm', { date: formatIsoDateVn(check.date) }),
      okText: t('common.delete'),
      onOk: async () => {
        const result = await client.call('health.checks.delete', { id: check.id, version: check.version });
        if (result.ok) void message.success(t('delete.done'));
        else void message.error(result.error.message);
        health.reload();
      },
    });

  return (
    <LoadGate loaded={data !== undefined} error={health.error} retry={health.reload}>
      {data && (
        <>
          <PageTitle
            title={t('health.pupil.title', { name: data.pupil.fullName })}
            extra={
              <Space wrap>
                <Button icon={<ArrowLeftOutlined />} onClick={goBack}>
                  {t('common.back')}
                </Button>
                {can('records.read') && (
                  <Button icon={<IdcardOutlined />} onClick={() => void navigate(`/records/pupils/${data.pupil.id}`)}>
                    {t('health.pupil.records')}
                  </Button>
                )}
              </Space>
            }
          />
          <Space wrap style={{ marginBottom: 16 }}>
            {data.pupil.className && <Tag color="blue">{t('class.label', { name: data.pupil.className })}</Tag>}
            <span>{t('health.pupil.born', { date: formatIsoDateVn(data.pupil.birthDate) })}</span>
            <span>({ageLabel(t, Math.max(0, ageInMonths(data.pupil.birthDate, todayIso())))})</span>
          </Space>
          <Card title={t('health.pupil.profile')} style={{ marginBottom: 16 }}>
            <ProfileContent profile={data.profile} editable={manage} onSaved={health.reload} />
          </Card>
          <Card title={t('health.pupil.growth')} style={{ marginBottom: 16 }}>
            <GrowthChart name={data.pupil.fullName} checks={data.checks} />
          </Card>
          <Card
            title={t('health.pupil.checks')}
            extra={
              manage && (
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                  {t('health.pupil.addCheck')}
                </Button>
              )
            }
          >
            <ChecksTable
              checks={data.checks}
              onEdit={manage ? setEditing : undefined}
              onDelete={manage ? remove : undefined}
            />
          </Card>
          {editing !== undefined && (
            <CheckFormModal
              pupil={data.pupil}
              check={editing}
              onClose={() => setEditing(undefined)}
              onSaved={() => {
                setEditing(undefined);
                health.reload();
              }}
            />
          )}
        </>
      )}
    </LoadGate>
  );
}
