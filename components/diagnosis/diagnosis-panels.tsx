import { ConsistencyPanel } from "@/components/consistency/consistency-panel";
import { DefragPanel } from "@/components/defrag/defrag-panel";
import { UpgradePanel } from "@/components/upgrade/upgrade-panel";

/** The read-only diagnosis panels of the cluster page: each advises, none acts. */
export function DiagnosisPanels({ clusterId }: { clusterId: string }) {
  return (
    <div className="grid items-start gap-5 lg:grid-cols-2">
      <ConsistencyPanel clusterId={clusterId} />
      <UpgradePanel clusterId={clusterId} />
      <DefragPanel clusterId={clusterId} />
    </div>
  );
}
