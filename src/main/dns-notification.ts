// The desktop notification for a DNS sync: what changed, in one line. Electron's Notification is
// passed in, so this is tested without the Electron binary.
import type { DnsEvent } from '../shared/dns-model';
import { notificationFor } from './engine/dns/describe-sync';

export interface NotificationApi {
  isSupported(): boolean;
  new (options: { title: string; body: string; silent?: boolean }): { show(): void };
}

export function showDnsNotification(events: readonly DnsEvent[], Notification: NotificationApi): boolean {
  const text = notificationFor(events);
  if (!text || !Notification.isSupported()) return false;
  new Notification({ ...text, silent: true }).show();
  return true;
}
