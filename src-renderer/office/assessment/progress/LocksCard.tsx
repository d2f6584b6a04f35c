/**
 * Khóa sổ: one switch per periodic point of the year. Locking asks once; unlocking asks why, and the
 * server keeps the reason in the audit log. Without the right, the switches only show the state.
 */
import { useState } from 'react';
import { App, Card, Divider, Flex, Form, Input, Switch, Typography } from 'antd';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { PERIODIC_POINTS, type PeriodicPoint } from '../../../../src-shared/domain/tt27';
import { formatInstantVn } from '../../../../src-shared/domain/dates';
import { useClient } from '../../../lib/ClientContext';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { FormModal } from '../../common/FormModal';
import { pointLabel } from '../labels';

export function LocksCard({
  schoolYearId,
  yearName,
  canLock,
  onChanged,
}: {
  schoolYearId: number;
  yearName: string;
  canLock: boolean;
  onChanged(): void;
}) {
  const t = useT();
  const client = useClient();
  const { modal, message } = App.useApp();
  const locks = useProcedure('assessment.locks.list', { schoolYearId });
  const [unlocking, setUnlocking] = useState<PeriodicPoint | null>(null);
  const [busy, setBusy] = useState<PeriodicPoint | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const set = async (point: PeriodicPoint, locked: boolean, reason = ''): Promise<boolean> => {
    setBusy(point);
    const result = await client.call('assessment.locks.set', { schoolYearId, point, locked, reason });
    setBusy(null);
    if (!result.ok) {
      if (locked) void message.error(result.error.message);
      else setError(result.error.message);
      return false;
    }
    void message.success(
      t(locked ? 'assessmentUi.locks.lockedDone' : 'assessmentUi.locks.unlockedDone', { point: pointLabel(t, point) }),
    );
    locks.reload();
    onChanged();
    return true;
  };

  const toggle = (point: PeriodicPoint, lock: boolean) => {
    if (lock) {
      modal.confirm({
        title: t('assessmentUi.locks.confirmLock', { point: pointLabel(t, point), year: yearName }),
        content: t('assessmentUi.locks.confirmLockText'),
        okText: t('assessmentUi.locks.lock'),
        cancelText: t('common.cancel'),
        onOk: async () => {
          await set(point, true);
        },
      });
    } else {
      setError(null);
      setUnlocking(point);
    }
  };

  const points = locks.data?.points ?? [];
  return (
    <Card title={t('assessmentUi.locks.title', { year: yearName })} loading={locks.data === undefined && !locks.error}>
      {locks.error && (
        <Typography.Text type="danger" role="alert">
          {locks.error.message}
        </Typography.Text>
      )}
      {PERIODIC_POINTS.map((point, i) => {
        const lock = points.find((l) => l.point === point) ?? { point, locked: false, lockedAt: null, lockedBy: null };
        return (
          <div key={point}>
            {i > 0 && <Divider style={{ margin: '12px 0' }} />}
            <Flex justify="space-between" align="center" gap="middle">
              <div>
                <Typography.Text strong>
                  {lock.locked ? <LockOutlined aria-hidden="true" /> : <UnlockOutlined aria-hidden="true" />}{' '}
                  {pointLabel(t, point)}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary">
                  {lock.locked
                    ? t('assessmentUi.locks.lockedBy', {
                        name: lock.lockedBy ?? '—',
                        at: lock.lockedAt ? formatInstantVn(lock.lockedAt) : '—',
                      })
                    : t('assessmentUi.locks.open')}
                </Typography.Text>
              </div>
              {/* The state is written beside the switch: inside it, the text is cut to "Đang". */}
              <Flex align="center" gap="small" style={{ flex: 'none' }}>
                <Typography.Text
                  className="ts-lock-state"
                  type={lock.locked ? 'warning' : 'success'}
                  style={{ whiteSpace: 'nowrap' }}
                  aria-hidden
                >
                  {t(lock.locked ? 'assessmentUi.locks.locked' : 'assessmentUi.locks.unlocked')}
                </Typography.Text>
                <Switch
                  checked={lock.locked}
                  loading={busy === point}
                  disabled={!canLock}
                  aria-label={t('assessmentUi.locks.switch', { point: pointLabel(t, point) })}
                  onChange={(checked) => toggle(point, checked)}
                />
              </Flex>
            </Flex>
          </div>
        );
      })}
      <FormModal<{ reason: string }>
        open={unlocking !== null}
        title={t('assessmentUi.locks.unlockTitle', {
          point: unlocking ? pointLabel(t, unlocking) : '',
          year: yearName,
        })}
        okText={t('assessmentUi.locks.unlock')}
        form={form}
        busy={busy !== null}
        error={error}
        danger
        onCancel={() => setUnlocking(null)}
        onFinish={(values) => {
          if (!unlocking) return;
          void set(unlocking, false, values.reason).then((ok) => ok && setUnlocking(null));
        }}
      >
        <Typography.Paragraph>{t('assessmentUi.locks.unlockText')}</Typography.Paragraph>
        <Form.Item
          name="reason"
          label={t('assessmentUi.locks.reason')}
          rules={[{ required: true, whitespace: true, message: t('assessment.unlock.reason') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={300} showCount />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
