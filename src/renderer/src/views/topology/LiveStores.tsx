// The live stores the topology's nodes and cables read (traffic rates, drop marks), outside React
// Flow's data so a tick re-renders only what changed.
import type { ReactNode } from 'react';
import { LinkRatesContext } from './CableEdge';
import type { DropMarksStore } from './drop-marks';
import { DropMarksContext } from './use-drop-marks';
import type { LinkRates } from './link-rates';

export function LiveStores({ rates, drops, children }: { rates: LinkRates; drops: DropMarksStore; children: ReactNode }) {
  return (
    <LinkRatesContext.Provider value={rates}>
      <DropMarksContext.Provider value={drops}>{children}</DropMarksContext.Provider>
    </LinkRatesContext.Provider>
  );
}
