// Finds a private subnet nothing on this host uses: no Docker network, no address, no route. Pure.
import { findOverlap, type HostReadings } from './find-overlap';
import { blockOf, formatIpv4, type Block } from './ipv4-block';
import { parseIpv4 } from '../../netcore/addresses/ipv4';

/**
 * Candidates in the order people expect them: Docker's own pool (172.17–172.31 /16), then
 * 10.x.0.0/16, then 192.168.x.0/24 for hosts where both are taken (a VPN on 10/8 and 172.16/12).
 */
function* candidates(): Generator<Block> {
  for (let b = 17; b <= 31; b++) yield blockOf(parseIpv4(`172.${b}.0.0`)!, 16);
  for (let b = 10; b <= 254; b++) yield blockOf(parseIpv4(`10.${b}.0.0`)!, 16);
  for (let c = 0; c <= 255; c++) yield blockOf(parseIpv4(`192.168.${c}.0`)!, 24);
}

export function suggestSubnet(readings: HostReadings): { subnet: string; gateway: string } {
  for (const block of candidates()) {
    if (findOverlap(block, readings) === null) return { subnet: block.text, gateway: formatIpv4(block.first + 1) };
  }
  throw new Error('no free private subnet: every 172.17-31.0.0/16, 10.x.0.0/16 and 192.168.x.0/24 overlaps a Docker network, an address or a route of this host');
}
