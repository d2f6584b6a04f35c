/**
 * Thiết bị & máy tính: the summary the statistics form needs, then the computers and the equipment
 * inventory, each on its own tab (kept in the address, so a link opens the right one).
 */
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import type { RoomView } from '../../../../src-shared/api/records';
import { useProcedure } from '../../../lib/useProcedure';
import { useT } from '../../../i18n/LocaleContext';
import { useSignedIn } from '../../session/SessionContext';
import { LoadGate } from '../../common/LoadGate';
import { PageTitle } from '../../common/PageTitle';
import { useExportJob, type ExportJob } from '../common/useExportJob';
import { FacilitiesSummaryPanel } from './FacilitiesSummaryPanel';
import { ComputersTab } from './ComputersTab';
import { EquipmentTab } from './EquipmentTab';

type Tab = 'computers' | 'equipment';

/** What the page hands each tab. */
export interface FacilityTabProps {
  rooms: RoomView[];
  manage: boolean;
  exporter: ExportJob;
  /** Something changed: the summary above is out of date. */
  onChanged(): void;
}

export function FacilitiesPage() {
  const t = useT();
  const { can } = useSignedIn();
  const manage = can('records.manage');
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'equipment' ? 'equipment' : 'computers';
  const summary = useProcedure('records.facilities.summary', {});
  const rooms = useProcedure('records.rooms.list', {});
  const exporter = useExportJob();
  const roomRows = rooms.data?.rows ?? [];
  const shared: FacilityTabProps = { rooms: roomRows, manage, exporter, onChanged: summary.reload };

  return (
    <LoadGate
      loaded={summary.data !== undefined && rooms.data !== undefined}
      error={summary.error ?? rooms.error}
      retry={() => {
        summary.reload();
        rooms.reload();
      }}
    >
      <PageTitle title={t('facilities.title')} />
      {summary.data && <FacilitiesSummaryPanel summary={summary.data} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'computers' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'computers', label: t('facilities.tab.computers'), children: <ComputersTab {...shared} /> },
          { key: 'equipment', label: t('facilities.tab.equipment'), children: <EquipmentTab {...shared} /> },
        ]}
      />
    </LoadGate>
  );
}
