import { describe, expect, it } from 'vitest';
import { networkCreateSchema } from '../../../src/shared/network-model';
import { isIpv4, isIpv4Cidr } from '../../../src/renderer/src/format/address-text';
import { linkNameProblem as linkNameSaid, mtuOrProblem } from '../../../src/renderer/src/views/networks/field-problems';
import { checkNetworkForm, emptyNetworkForm, fieldOptions, parseExtraOptions, type NetworkFormValues } from '../../../src/renderer/src/views/networks/network-form';
import { networksEnglish } from './networks-say';

const parseMtu = (text: string) => mtuOrProblem(text, networksEnglish);
const linkNameProblem = (text: string, role: 'interface' | 'bridge' = 'interface') => linkNameSaid(text, role, networksEnglish);

const form = (patch: Partial<NetworkFormValues>): NetworkFormValues => ({ ...emptyNetworkForm(), name: 'e2enet', ...patch });

describe('address shapes', () => {
  it('knows an IPv4 address and a CIDR', () => {
    for (const ok of ['0.0.0.0', '172.31.0.1', '255.255.255.255', ' 10.0.0.1 ']) expect(isIpv4(ok)).toBe(true);
    for (const bad of ['', '256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', 'a.b.c.d', '1.2.3.4/24', '::1']) expect(isIpv4(bad)).toBe(false);
    for (const ok of ['172.31.0.0/24', '10.0.0.0/8', '0.0.0.0/0', '192.168.1.7/32']) expect(isIpv4Cidr(ok)).toBe(true);
    for (const bad of ['172.31.0.0', '172.31.0.0/33', '172.31.0.0/', '/24', '172.31.0/24', '172.31.0.0/24/1', 'fd00::/64', '172.31.0.0/024']) expect(isIpv4Cidr(bad)).toBe(false);
  });

  it('reads an MTU: empty is "leave it", 68–65535, a sentence otherwise', () => {
    expect(parseMtu('')).toBeUndefined();
    expect(parseMtu(' 1450 ')).toBe(1450);
    expect(parseMtu('68')).toBe(68);
    expect(parseMtu('65535')).toBe(65535);
    expect(parseMtu('67')).toBe('MTU goes from 68 to 65535');
    expect(parseMtu('65536')).toBe('MTU goes from 68 to 65535');
    expect(parseMtu('1500.5')).toMatch(/is not an MTU/);
    expect(parseMtu('-1')).toMatch(/is not an MTU/);
    expect(parseMtu('9999999')).toMatch(/is not an MTU/);
  });

  it('checks interface names: at most 15 characters of a safe alphabet', () => {
    expect(linkNameProblem('bre2e0')).toBeNull();
    expect(linkNameProblem('a23456789012345')).toBeNull();
    expect(linkNameProblem('')).toBe('Give an interface name');
    expect(linkNameProblem('a234567890123456', 'bridge')).toBe('A bridge name is at most 15 characters (this one has 16)');
    for (const bad of ['br e2e', 'br/0', 'br;rm', '-br0', '.br', 'bré0']) expect(linkNameProblem(bad)).toMatch(/has only letters, digits/);
  });
});

describe('the create-network form', () => {
  it('makes the seed bridge network with every -o option', () => {
    const check = checkNetworkForm(
      form({
        subnet: '172.31.0.0/24',
        gateway: '172.31.0.1',
        ipRange: '172.31.0.128/25',
        bridgeName: 'bre2e0',
        icc: false,
        masquerade: false,
        hostBindingIpv4: '127.0.0.1',
        mtu: '1450',
        internal: true,
        attachable: true,
      }),
      networksEnglish,
    );
    expect(check.errors).toBeUndefined();
    expect(check.input).toEqual({
      name: 'e2enet',
      driver: 'bridge',
      subnet: '172.31.0.0/24',
      gateway: '172.31.0.1',
      ipRange: '172.31.0.128/25',
      internal: true,
      attachable: true,
      options: {
        'com.docker.network.bridge.name': 'bre2e0',
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.enable_ip_masquerade': 'false',
        'com.docker.network.bridge.host_binding_ipv4': '127.0.0.1',
        'com.docker.network.driver.mtu': '1450',
      },
    });
    expect(networkCreateSchema.strict().safeParse(check.input).success).toBe(true);
  });

  it('sends only what differs from Docker’s defaults, and nothing left empty', () => {
    expect(checkNetworkForm(form({ name: '  plain  ' }), networksEnglish).input).toEqual({ name: 'plain', driver: 'bridge', internal: false, attachable: false, options: {} });
  });

  it('makes macvlan and ipvlan with their parent and mode, without bridge options', () => {
    const macvlan = checkNetworkForm(form({ driver: 'macvlan', parent: 'dummy0', bridgeName: 'ignored', mtu: '9000', icc: false }), networksEnglish);
    expect(macvlan.input?.options).toEqual({ parent: 'dummy0', macvlan_mode: 'bridge' });
    const ipvlan = checkNetworkForm(form({ driver: 'ipvlan', parent: 'dummy0', mode: 'l3' }), networksEnglish);
    expect(ipvlan.input?.options).toEqual({ parent: 'dummy0', ipvlan_mode: 'l3' });
    expect(networkCreateSchema.safeParse(ipvlan.input).success).toBe(true);
    expect(checkNetworkForm(form({ driver: 'macvlan' }), networksEnglish).errors).toEqual({ parent: 'Pick the host NIC the macvlan network sits on' });
    expect(checkNetworkForm(form({ driver: 'ipvlan', parent: 'dummy0', mode: 'vepa' }), networksEnglish).errors).toEqual({ mode: 'Pick one of l2, l3, l3s' });
  });

  it('leaves overlay to the engine (which says whether Swarm is active)', () => {
    expect(checkNetworkForm(form({ driver: 'overlay', attachable: true }), networksEnglish).input).toMatchObject({ driver: 'overlay', attachable: true, options: {} });
  });

  it('names each wrong field and makes no request', () => {
    const check = checkNetworkForm(
      form({
        name: 'bad name',
        subnet: '172.31.0.0',
        gateway: '172.31.0.300',
        ipRange: 'all',
        bridgeName: 'a-very-long-bridge',
        hostBindingIpv4: 'localhost',
        mtu: '20',
        extraOptions: 'oops',
      }),
      networksEnglish,
    );
    expect(check.input).toBeUndefined();
    expect(check.errors).toEqual({
      name: 'A name has only letters, digits, _ . and -',
      subnet: '“172.31.0.0” is not a subnet: write one like 172.30.0.0/24',
      gateway: '“172.31.0.300” is not an IPv4 address: write one like 172.30.0.1',
      ipRange: '“all” is not a range: write one like 172.30.0.128/25',
      bridgeName: 'A bridge name is at most 15 characters (this one has 18)',
      hostBindingIpv4: '“localhost” is not an IPv4 address: write one like 127.0.0.1',
      mtu: 'MTU goes from 68 to 65535',
      extraOptions: 'Line 1: write key=value, e.g. com.docker.network.bridge.enable_icc=false',
    });
  });

  it('asks for a name and for the subnet a gateway or range belongs to', () => {
    expect(checkNetworkForm(form({ name: '' }), networksEnglish).errors).toEqual({ name: 'Give a name' });
    expect(checkNetworkForm(form({ name: 'x'.repeat(129) }), networksEnglish).errors).toEqual({ name: 'A name is at most 128 characters' });
    expect(checkNetworkForm(form({ gateway: '172.31.0.1', ipRange: '172.31.0.0/25' }), networksEnglish).errors).toEqual({
      gateway: 'A gateway needs the subnet it belongs to',
      ipRange: 'An IP range needs the subnet it is part of',
    });
  });

  it('leaves overlap and "gateway outside the subnet" to the engine', () => {
    expect(checkNetworkForm(form({ subnet: '172.17.0.0/16', gateway: '10.0.0.1' }), networksEnglish).errors).toBeUndefined();
  });
});

describe('extra -o lines', () => {
  it('reads key=value lines, skipping blanks and comments, tolerating a leading -o', () => {
    expect(parseExtraOptions('', networksEnglish)).toEqual({});
    expect(parseExtraOptions('a=1\n\n# note\n -o com.docker.network.bridge.inhibit_ipv4=true \nempty=', networksEnglish)).toEqual({
      a: '1',
      'com.docker.network.bridge.inhibit_ipv4': 'true',
      empty: '',
    });
    expect(parseExtraOptions('x=a=b', networksEnglish)).toEqual({ x: 'a=b' });
  });

  it('names the bad line', () => {
    expect(parseExtraOptions('a=1\n=2', networksEnglish)).toBe('Line 2: write key=value, e.g. com.docker.network.bridge.enable_icc=false');
    expect(parseExtraOptions('a b=1', networksEnglish)).toBe('Line 1: an option name has only letters, digits, _ . and -');
    expect(parseExtraOptions('a=1\na=2', networksEnglish)).toBe('Line 2: a is given twice');
    expect(parseExtraOptions(`a=${'v'.repeat(257)}`, networksEnglish)).toBe('Line 1: a value is at most 256 characters');
  });

  it('adds them to the options, refusing one a field already sets', () => {
    expect(checkNetworkForm(form({ extraOptions: 'com.docker.network.bridge.inhibit_ipv4=true' }), networksEnglish).input?.options).toEqual({
      'com.docker.network.bridge.inhibit_ipv4': 'true',
    });
    expect(checkNetworkForm(form({ bridgeName: 'bre2e0', extraOptions: 'com.docker.network.bridge.name=other' }), networksEnglish).errors).toEqual({
      extraOptions: 'com.docker.network.bridge.name is already set by its field above',
    });
    // A switch left at Docker's default sets nothing: the line may say it.
    expect(checkNetworkForm(form({ extraOptions: 'com.docker.network.bridge.enable_icc=true' }), networksEnglish).input?.options).toEqual({
      'com.docker.network.bridge.enable_icc': 'true',
    });
  });

  it('makes field options only for the chosen driver', () => {
    expect(fieldOptions(form({ driver: 'overlay', bridgeName: 'x', parent: 'eth0' }))).toEqual({});
  });
});
