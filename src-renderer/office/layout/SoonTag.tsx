import { Tag } from 'antd';
import { useT } from '../../i18n/LocaleContext';

/** The greyed text of a module not built yet; dark enough still to read (contrast above 4.5:1 on white). */
export const SOON_COLOR = 'rgba(0, 0, 0, 0.6)';

/** "Sắp có": the mark of a module that is not built yet, in the menu and on its home tile. */
export function SoonTag() {
  const t = useT();
  return (
    // Small, so that it fits beside the longest name in the side menu ("Báo cáo thống kê").
    <Tag
      color="default"
      style={{
        marginInlineStart: 4,
        marginInlineEnd: 0,
        fontWeight: 'normal',
        fontSize: 11,
        lineHeight: '16px',
        paddingInline: 4,
      }}
    >
      {t('module.soon')}
    </Tag>
  );
}
