// Where Bridgeport keeps what the user configured: $BRIDGEPORT_CONFIG_DIR, else the XDG config dir
// of the user the engine runs as (~/.config/bridgeport). `sudo bridgeport` thus keeps root's own.
import envPaths from 'env-paths';

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.BRIDGEPORT_CONFIG_DIR || envPaths('bridgeport', { suffix: '' }).config;
}
