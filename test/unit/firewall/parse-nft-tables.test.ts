import { describe, expect, it } from 'vitest';
import { isIptablesNftTable } from '../../../src/main/netcore/nft/parse-nft-json';
import { parseNftTables } from '../../../src/main/netcore/nft/parse-nft-tables';

describe('parseNftTables', () => {
  it('lists family and name, skipping metainfo; only native tables are read with nft', () => {
    const tables = parseNftTables(
      JSON.stringify({
        nftables: [
          { metainfo: { version: '1.0.6', json_schema_version: 1 } },
          { table: { family: 'ip', name: 'nat', handle: 1 } },
          { table: { family: 'ip', name: 'docker-bridges', handle: 2 } },
          { table: { family: 'inet', name: 'filter', handle: 3 } },
        ],
      }),
    );
    expect(tables).toEqual([
      { family: 'ip', name: 'nat' },
      { family: 'ip', name: 'docker-bridges' },
      { family: 'inet', name: 'filter' },
    ]);
    expect(tables.filter((t) => !isIptablesNftTable(t.family, t.name)).map((t) => `${t.family} ${t.name}`)).toEqual(['ip docker-bridges', 'inet filter']);
    expect(parseNftTables('')).toEqual([]);
  });

  it('names each table once from a chain listing (nft -j list chains, which needs no rules loaded)', () => {
    const chain = (family: string, table: string, name: string) => ({ chain: { family, table, name, handle: 1 } });
    const listing = { nftables: [{ metainfo: { version: '1.0.6' } }, chain('ip', 'nat', 'DOCKER'), chain('inet', 'netavark', 'INPUT'), chain('ip', 'nat', 'PREROUTING'), chain('inet', 'netavark', 'FORWARD')] };
    expect(parseNftTables(JSON.stringify(listing))).toEqual([
      { family: 'ip', name: 'nat' },
      { family: 'inet', name: 'netavark' },
    ]);
  });
});
