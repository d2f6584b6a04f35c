/**
 * What the principal reads before signing, above the file itself in the "Xem" drawer: the kind, the
 * summary, the submitter's note, who submitted it and when (the file follows, named by the viewer).
 */
import { Descriptions } from 'antd';
import type { DocumentView } from '../../../../src-shared/api/documents';
import { useLocale } from '../../../i18n/LocaleContext';
import { dateTimeOf, kindLabel } from '../labels';

export function DocumentDetails({ doc }: { doc: DocumentView }) {
  const { t } = useLocale();
  return (
    <Descriptions
      column={{ xs: 1, sm: 1, md: 2 }}
      size="small"
      bordered
      style={{ padding: 16 }}
      items={[
        { key: 'kind', label: t('documentsUi.col.kind'), children: kindLabel(t, doc.kind) },
        ...(doc.registerNumber
          ? [{ key: 'number', label: t('documentsUi.col.number'), children: doc.registerNumber }]
          : []),
        { key: 'summary', label: t('documentsUi.col.summary'), children: doc.summary || '—', span: 2 },
        { key: 'note', label: t('documentsUi.col.note'), children: doc.note || '—', span: 2 },
        { key: 'by', label: t('documentsUi.details.submittedBy'), children: doc.submittedBy.fullName },
        { key: 'at', label: t('documentsUi.details.submittedAt'), children: dateTimeOf(doc.submittedAt) },
      ]}
    />
  );
}
