/** Trình ký (/documents): submit a file to the principal, and follow one's own submissions. */
import { useState } from 'react';
import type { DocumentStatus } from '../../../../src-shared/api/documents';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { SubmitForm } from './SubmitForm';
import { MyDocumentsTable } from './MyDocumentsTable';

export function SubmitPage() {
  const t = useT();
  const [status, setStatus] = useState<DocumentStatus | undefined>(undefined);
  const list = useProcedure('documents.list', { scope: 'mine', limit: 500, ...(status ? { status } : {}) });
  return (
    <LoadGate loaded={list.data !== undefined} error={list.error} retry={list.reload}>
      <PageTitle title={t('documentsUi.submit.title')} />
      <SubmitForm onSubmitted={list.reload} />
      <MyDocumentsTable
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        loading={list.loading}
        error={list.data ? list.error : null}
        status={status}
        onStatus={setStatus}
        onChanged={list.reload}
      />
    </LoadGate>
  );
}
