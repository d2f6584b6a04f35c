/** One audit row as read by a principal (the sentence and its values), and its technical details. */
import { Descriptions, Typography } from 'antd';
import type { AuditRow } from '../../../../src-shared/api/audit';
import type { AuditSentence } from '../../../../src-shared/domain/auditSentences';
import { useT } from '../../../i18n/LocaleContext';
import { actionLabel } from './auditLabels';

export function AuditRowSentence({ described }: { described: AuditSentence }) {
  const t = useT();
  return (
    <div style={{ overflowWrap: 'anywhere' }}>
      <div>{described.sentence}</div>
      {described.changes.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {described.changes.map((c, i) => (
            <span key={c.field}>
              {i > 0 && ' · '}
              {c.label}: <Typography.Text strong>{c.value}</Typography.Text>
            </span>
          ))}
        </Typography.Paragraph>
      )}
      {described.fields.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('audit.fieldsGiven', { fields: described.fields.join(', ') })}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** What the sentence leaves out, for whoever helps the school: the procedure, the raw target, the IP. */
export function AuditRowDetails({ row }: { row: AuditRow }) {
  const t = useT();
  const label = actionLabel(t, row.action);
  return (
    <Descriptions
      size="small"
      column={1}
      title={t('audit.technical')}
      items={[
        {
          key: 'action',
          label: t('audit.col.action'),
          children: (
            <span>
              {label && `${label} — `}
              <Typography.Text code>{row.action}</Typography.Text>
            </span>
          ),
        },
        { key: 'target', label: t('audit.col.target'), children: row.target ?? '—' },
        { key: 'ip', label: t('audit.col.ip'), children: row.ip ?? '—' },
        ...(row.details
          ? [
              {
                key: 'details',
                label: t('audit.col.details'),
                children: (
                  <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {JSON.stringify(row.details)}
                  </pre>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
