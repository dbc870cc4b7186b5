// The CLI's engine: privileged operations run in this process, so they work under sudo and are
// refused with a clear sentence otherwise (the desktop app hands the engine its helper instead).
import { Engine, type EngineOptions } from '../engine/engine';
import { rootExecutor } from '../privileged/root-executor';

export function cliEngine(options: Omit<EngineOptions, 'executor'> = {}): Engine {
  return new Engine({ executor: rootExecutor, ...options });
}
