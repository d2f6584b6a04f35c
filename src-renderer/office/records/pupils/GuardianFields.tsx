/**
 * Bố, mẹ, người giám hộ: up to four, each with họ tên, năm sinh, nghề nghiệp, điện thoại. Each field's
 * accessible name says whose it is, since the same labels repeat from card to card.
 */
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, type FormListFieldData } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { GUARDIAN_RELATIONS } from '../../../../src-shared/api/records';
import { useT } from '../../../i18n/LocaleContext';
import { options, relationLabel, type GuardianRelation } from '../common/labels';
import type { GuardianValues } from './pupilForm';

const MAX_GUARDIANS = 4;

function GuardianCard({ field, onRemove }: { field: FormListFieldData; onRemove(): void }) {
  const t = useT();
  const relation = Form.useWatch<GuardianRelation | undefined>(['guardians', field.name, 'relation']);
  const who = relationLabel(t, relation ?? 'guardian');
  const whose = (label: string) => t('guardian.fieldOf', { label, who: who.toLowerCase() });
  return (
    <Card
      size="small"
      title={who}
      extra={
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('guardian.remove', { who: who.toLowerCase() })}
          onClick={onRemove}
        />
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('guardian.relation')}
            name={[field.name, 'relation']}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              virtual={false}
              aria-label={whose(t('guardian.relation'))}
              options={options(GUARDIAN_RELATIONS, relationLabel, t)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item
            label={t('guardian.fullName')}
            name={[field.name, 'fullName']}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input aria-label={whose(t('guardian.fullName'))} maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('guardian.birthYear')} name={[field.name, 'birthYear']}>
            <InputNumber
              aria-label={whose(t('guardian.birthYear'))}
              min={1900}
              max={2100}
              precision={0}
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('guardian.occupation')} name={[field.name, 'occupation']}>
            <Input aria-label={whose(t('guardian.occupation'))} maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('guardian.phone')} name={[field.name, 'phone']}>
            <Input aria-label={whose(t('guardian.phone'))} inputMode="tel" maxLength={16} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function GuardianFields() {
  const t = useT();
  return (
    <Form.List name="guardians">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field) => (
            <GuardianCard key={field.key} field={field} onRemove={() => remove(field.name)} />
          ))}
          {fields.length < MAX_GUARDIANS && (
            <Space wrap>
              {GUARDIAN_RELATIONS.map((relation) => (
                <Button
                  key={relation}
                  icon={<PlusOutlined />}
                  onClick={() => add({ relation, fullName: '' } satisfies GuardianValues)}
                >
                  {t('guardian.add', { who: relationLabel(t, relation).toLowerCase() })}
                </Button>
              ))}
            </Space>
          )}
        </Space>
      )}
    </Form.List>
  );
}
