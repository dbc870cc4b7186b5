// The live snapshot: fetched once, then replaced by every pushed update (no polling).
import type { Snapshot } from '../../../shared/model';
import { useTopic } from './use-topic';

export interface SnapshotState {
  snapshot: Snapshot | null;
  error: string | null;
  connected: boolean;
}

export function useSnapshot(): SnapshotState {
  const { data, error, connected } = useTopic('snapshot');
  return { snapshot: data, error, connected };
}
