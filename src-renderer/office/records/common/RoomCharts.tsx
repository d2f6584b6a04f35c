/**
 * The room figures the rooms page and the facilities summary both show, drawn the same way: the
 * share of classrooms with a projector or Internet as a ring, and how the rooms are built as bars.
 */
import { Flex, Progress, Typography, type ProgressProps } from 'antd';
import type { CONSTRUCTIONS } from '../../../../src-shared/api/records';
import { useT } from '../../../i18n/LocaleContext';
import { constructionLabel } from './labels';

const CONSTRUCTION_COLORS: Record<(typeof CONSTRUCTIONS)[number], string> = {
  permanent: '#389e0d',
  semi_permanent: '#d48806',
  temporary: '#cf1322',
};

export function ClassroomGauge({
  label,
  percent,
  format,
  ariaLabel,
  caption,
}: {
  label: string;
  percent: number;
  format?: ProgressProps['format'];
  /** The figure in words, for screen readers: "Máy chiếu: 12 trên 20 phòng học". */
  ariaLabel: string;
  /** "12/20 phòng học". */
  caption: string;
}) {
  return (
    <Flex vertical align="center" gap={8}>
      <Progress type="circle" size={96} percent={percent} format={format} aria-label={ariaLabel} />
      <Typography.Text>{label}</Typography.Text>
      <Typography.Text type="secondary">{caption}</Typography.Text>
    </Flex>
  );
}

export function ConstructionBar({
  construction,
  percent,
  format,
  count,
}: {
  construction: (typeof CONSTRUCTIONS)[number];
  percent: number;
  format?: ProgressProps['format'];
  /** "5 phòng". */
  count: string;
}) {
  const t = useT();
  return (
    <div style={{ marginBottom: 8 }}>
      <Flex justify="space-between">
        <Typography.Text>{constructionLabel(t, construction)}</Typography.Text>
        <Typography.Text type="secondary">{count}</Typography.Text>
      </Flex>
      <Progress
        percent={percent}
        format={format}
        strokeColor={CONSTRUCTION_COLORS[construction]}
        aria-label={constructionLabel(t, construction)}
      />
    </div>
  );
}
