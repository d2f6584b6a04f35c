/** The wrong cells of a sheet, listed under it by row: "Dòng 3 – Nguyễn Văn An, Mức đạt được: ...". */
import { Alert } from 'antd';
import { useT } from '../../../i18n/LocaleContext';

export interface SheetProblem {
  key: string;
  /** 1-based, as the STT column shows. */
  row: number;
  name: string;
  column: string;
  message: string;
}

const SHOWN = 20;

export function ProblemList({ problems }: { problems: readonly SheetProblem[] }) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginTop: 12 }}
      title={t('assessmentUi.problems.title', { count: problems.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.slice(0, SHOWN).map((p) => (
            <li key={p.key}>
              {t('assessmentUi.problems.line', { row: p.row, name: p.name, column: p.column, message: p.message })}
            </li>
          ))}
          {problems.length > SHOWN && <li>{t('assessmentUi.problems.more', { count: problems.length - SHOWN })}</li>}
        </ul>
      }
    />
  );
}
