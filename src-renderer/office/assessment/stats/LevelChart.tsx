/**
 * T/H/C per subject as grouped horizontal bars, in plain SVG: the subject's name on the left, three
 * bars (Hoàn thành tốt, Hoàn thành, Chưa hoàn thành) with their counts.
 */
import { Flex } from 'antd';
import { SUBJECT_LEVELS, type SubjectLevel } from '../../../../src-shared/domain/tt27';
import { useT } from '../../../i18n/LocaleContext';
import { LEVEL_FILLS, levelLabel } from '../labels';

export interface ChartLine {
  key: string;
  label: string;
  counts: Record<SubjectLevel, number>;
}

const LABEL_WIDTH = 190;
const CHART_WIDTH = 720;
const BAR = 12;
const GAP = 14;

export function LevelChart({ title, lines }: { title: string; lines: readonly ChartLine[] }) {
  const t = useT();
  const max = Math.max(1, ...lines.flatMap((l) => SUBJECT_LEVELS.map((v) => l.counts[v])));
  const group = BAR * SUBJECT_LEVELS.length + GAP;
  const height = Math.max(group, lines.length * group) + 8;
  const span = CHART_WIDTH - LABEL_WIDTH - 50;
  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: CHART_WIDTH, display: 'block' }}
      >
        <title>{title}</title>
        {lines.map((line, i) => {
          const top = i * group + 4;
          return (
            <g key={line.key}>
              <text x={LABEL_WIDTH - 8} y={top + (BAR * 3) / 2 + 4} textAnchor="end" fontSize={12} fill="#262626">
                {line.label}
              </text>
              {SUBJECT_LEVELS.map((level, k) => {
                const count = line.counts[level];
                const width = (count / max) * span;
                const y = top + k * BAR;
                return (
                  <g key={level}>
                    <rect
                      x={LABEL_WIDTH}
                      y={y}
                      width={Math.max(width, count > 0 ? 1 : 0)}
                      height={BAR - 2}
                      fill={LEVEL_FILLS[level]}
                    >
                      <title>
                        {t('assessmentUi.stats.barTitle', { subject: line.label, level: levelLabel(t, level), count })}
                      </title>
                    </rect>
                    <text x={LABEL_WIDTH + width + 4} y={y + BAR - 3} fontSize={10} fill="#595959">
                      {count}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} stroke="#bfbfbf" />
      </svg>
      <Flex wrap gap="middle" style={{ marginTop: 8 }} component="figcaption">
        {SUBJECT_LEVELS.map((level) => (
          <Flex key={level} align="center" gap={6}>
            <span
              style={{
                width: 12,
                height: 12,
                borderRadius: 2,
                background: LEVEL_FILLS[level],
                display: 'inline-block',
              }}
            />
            {levelLabel(t, level)}
          </Flex>
        ))}
      </Flex>
    </figure>
  );
}
