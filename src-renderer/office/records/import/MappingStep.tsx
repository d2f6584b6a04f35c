/**
 * Step 2 of an import: which sheet, which row holds the headers, and which field each column fills.
 * The server's suggestions come pre-filled; required fields are starred, a field chosen for two
 * columns is flagged, and the first rows show how the file reads.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { ImportPreviewView } from '../../../../src-shared/api/records';
import { useT } from '../../../i18n/LocaleContext';
import { duplicateFields, missingRequired, type ColumnChoices } from './mapping';

type Column = ImportPreviewView['columns'][number];

const SKIP = '';

export interface MappingStepProps {
  preview: ImportPreviewView;
  choices: ColumnChoices;
  busy: boolean;
  /** Why the chosen sheet or header row could not be read; the previous reading stays below. */
  previewError: string | null;
  onChoices(choices: ColumnChoices): void;
  onReread(sheet: string, headerRow: number | undefined): void;
}

export function MappingStep({ preview, choices, busy, previewError, onChoices, onReread }: MappingStepProps) {
  const t = useT();
  const [sheet, setSheet] = useState(preview.sheet);
  const [headerRow, setHeaderRow] = useState<number | null>(preview.headerRow);
  const duplicates = duplicateFields(choices);
  const missing = missingRequired(preview, choices);
  const letterOf = (index: number) => preview.columns.find((c) => c.index === index)?.letter ?? String(index);

  const fieldOptions = [
    { value: SKIP, label: t('import.skipColumn') },
    ...preview.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} *` : f.label })),
  ];

  const columns: TableColumnsType<Column> = [
    { title: t('import.col.letter'), dataIndex: 'letter', key: 'letter', width: 70 },
    {
      title: t('import.col.header'),
      key: 'header',
      render: (_v, c) => c.header || <Typography.Text type="secondary">{t('import.noHeader')}</Typography.Text>,
    },
    {
      title: t('import.col.sample'),
      key: 'sample',
      render: (_v, c) => {
        const position = preview.columns.indexOf(c);
        const values = preview.sampleRows
          .map((row) => row[position] ?? '')
          .filter(Boolean)
          .slice(0, 2);
        return <Typography.Text type="secondary">{values.join('; ')}</Typography.Text>;
      },
    },
    {
      title: t('import.col.field'),
      key: 'field',
      width: 300,
      render: (_v, c) => {
        const field = choices[c.index];
        const others = field ? (duplicates.get(field) ?? []).filter((i) => i !== c.index) : [];
        return (
          <>
            <Select<string>
              virtual={false}
              aria-label={t('import.fieldFor', { letter: c.letter, header: c.header || t('import.noHeader') })}
              value={field ?? SKIP}
              status={others.length > 0 ? 'error' : undefined}
              onChange={(value) => onChoices({ ...choices, [c.index]: value === SKIP ? undefined : value })}
              options={fieldOptions}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
            />
            {others.length > 0 && (
              <Typography.Text type="danger" role="alert">
                {t('import.usedTwice', { columns: others.map(letterOf).join(', ') })}
              </Typography.Text>
            )}
          </>
        );
      },
    },
  ];

  const sampleColumns: TableColumnsType<{ key: number; cells: string[] }> = preview.columns.map((c, position) => ({
    title: (
      <>
        {c.letter}
        {c.header ? ` · ${c.header}` : ''}
        {choices[c.index] && (
          <>
            <br />
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {preview.fields.find((f) => f.key === choices[c.index])?.label ?? choices[c.index]}
            </Tag>
          </>
        )}
      </>
    ),
    key: String(c.index),
    render: (_v, row) => row.cells[position] ?? '',
  }));

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={() => onReread(sheet, headerRow ?? undefined)} style={{ rowGap: 8 }}>
          <Form.Item label={t('import.sheet')} htmlFor="import-sheet">
            <Select<string>
              virtual={false}
              id="import-sheet"
              value={sheet}
              onChange={(value) => {
                setSheet(value);
                setHeaderRow(null);
                // A new sheet has its own header row: let the server find it.
                onReread(value, undefined);
              }}
              options={preview.sheets.map((s) => ({
                value: s.name,
                label: s.hidden ? t('import.sheetHidden', { name: s.name }) : s.name,
              }))}
              style={{ minWidth: 200 }}
            />
          </Form.Item>
          <Form.Item label={t('import.headerRow')} htmlFor="import-header-row">
            <InputNumber<number>
              id="import-header-row"
              min={1}
              max={1000}
              precision={0}
              value={headerRow}
              onChange={setHeaderRow}
            />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={busy}>
              {t('import.reread')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('import.readSummary', { sheet: preview.sheet, row: preview.headerRow, rows: preview.dataRows })}
        </Typography.Paragraph>
      </Card>
      {previewError && <Alert type="error" showIcon title={previewError} role="alert" style={{ marginBottom: 16 }} />}
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('import.missingRequired', { fields: missing.map((f) => f.label).join(', ') })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card
            title={t('import.mappingTitle')}
            extra={<Typography.Text type="secondary">{t('import.requiredNote')}</Typography.Text>}
          >
            <Table<Column>
              rowKey="index"
              columns={columns}
              dataSource={preview.columns}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('import.sampleTitle', { count: preview.sampleRows.length, total: preview.dataRows })}>
            <Table<{ key: number; cells: string[] }>
              columns={sampleColumns}
              dataSource={preview.sampleRows.map((cells, key) => ({ key, cells }))}
              pagination={false}
              size="small"
              scroll={{ x: 'max-content' }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
