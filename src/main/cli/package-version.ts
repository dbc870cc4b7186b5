// The version `bridgeport --version` prints: package.json's, read where the built CLI lies beside it.
import { readFileSync } from 'node:fs';

/** The `version` field of that package.json; when it cannot be read, a version that says so (never a guess). */
export function packageVersion(packageJsonPath: string): string {
  try {
    const { name, version } = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { name?: unknown; version?: unknown };
    if (name === 'bridgeport' && typeof version === 'string') return version;
    return `unknown (${packageJsonPath} is not Bridgeport's package.json)`;
  } catch (error) {
    return `unknown (cannot read ${packageJsonPath}: ${(error as Error).message})`;
  }
}
