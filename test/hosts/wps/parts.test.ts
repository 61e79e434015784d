// The WPS host's small parts: cells packed into rectangles and union addresses under the
// Range() length limit, addresses WPS hands back, BGR colours, error codes, Value2 shapes, and
// the halving reader that asks a union once and splits it only where the cells differ.
import { MAX_ADDRESS_CHARS, chunkAddresses, parseAddressList, rectangles, unionAddresses } from '../../../src/hosts/wps/address';
import { MIXED, cellChunks, probe, rowChunks, columnChunks } from '../../../src/hosts/wps/probe';
import { HostError } from '../../../src/hosts/host';
import { as2D, bgrToHex, hexToBgr, placeValues, toCellContent, toGridValue } from '../../../src/hosts/wps/values';
import { wpsApplication } from '../../../src/hosts/wps/app';

describe('addresses', () => {
  test('cells → the fewest rectangles a row sweep finds', () => {
    const cells = [
      ...[0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => ({ row, col }))), // A1:C3
      { row: 5, col: 3 },
      { row: 6, col: 3 }, // D6:D7
      { row: 9, col: 0 },
      { row: 9, col: 2 }, // A10, C10
    ];
    expect(rectangles(cells)).toEqual([
      { top: 0, left: 0, bottom: 2, right: 2 },
      { top: 5, left: 3, bottom: 6, right: 3 },
      { top: 9, left: 0, bottom: 9, right: 0 },
      { top: 9, left: 2, bottom: 9, right: 2 },
    ]);
    expect(unionAddresses(cells)).toEqual(['A1:C3,D6:D7,A10,C10']);
  });

  test('unions stay under the address length WPS accepts in Range()', () => {
    const scattered = Array.from({ length: 400 }, (_, i) => ({ row: i * 2, col: i % 7 }));
    const unions = unionAddresses(scattered);
    expect(unions.length).toBeGreaterThan(1);
    for (const u of unions) expect(u.length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
    expect(unions.join(',').split(',')).toHaveLength(400);
    expect(chunkAddresses(['A1', 'B2', 'C3'], 5)).toEqual([['A1', 'B2'], ['C3']]);
    expect(rowChunks([3, 4, 5, 9]).map((c) => c.text)).toEqual(['3:5,9:9']);
    expect(columnChunks([0, 1, 27]).map((c) => c.text)).toEqual(['A:B,AB:AB']);
  });

  test('addresses WPS gives back: $, sheet prefixes, several areas', () => {
    expect(parseAddressList('$A$1:$C$3')).toEqual([{ top: 0, left: 0, bottom: 2, right: 2 }]);
    expect(parseAddressList("'表 1'!$B$2,表2!D4:E5")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 4, right: 4 },
    ]);
  });
});

describe('values', () => {
  test('Interior.Color is BGR: red in the low byte', () => {
    expect(hexToBgr('#FFC7CE')).toBe(0xcec7ff);
    expect(bgrToHex(0xcec7ff)).toBe('#FFC7CE');
    expect(bgrToHex(hexToBgr('#0a0B0c'))).toBe('#0A0B0C');
    expect(hexToBgr('red')).toBeNull();
    expect(bgrToHex(null)).toBeNull();
  });

  test('Value2: a scalar for one cell, rows for more; errors arrive as COM error codes', () => {
    expect(as2D(5, 1, 1, '表1')).toEqual([[5]]);
    expect(as2D([[1, 2]], 1, 2, '表1')).toEqual([[1, 2]]);
    // any other shape: a clear error naming the place, never a misread sheet
    expect(() => as2D(5, 2, 2, '工作表“表1”的 A1:B2')).toThrow('工作表“表1”的 A1:B2');
    expect(() => as2D([[1, 2]], 2, 2, '工作表“表1”的 A1:B2')).toThrow('应为 2 行 × 2 列');
    expect(() => as2D([1, 2] as never, 1, 2, '表1')).toThrow(HostError);
    expect(toGridValue(-2146826281)).toEqual({ error: '#DIV/0!' });
    expect(toGridValue('')).toBeNull();
    expect(
      placeValues(
        [
          [null, 'a'],
          [undefined, 3],
        ],
        2,
        1,
      ),
    ).toEqual([[], [], [null, null, 'a'], [null, null, 3]]);
    expect(toCellContent('=SUM(A1:A2)', 3)).toEqual({ formula: 'SUM(A1:A2)', result: 3 });
    expect(toCellContent('=文字', '=文字')).toBe('=文字'); // text that starts with "=" is not a formula
    expect(toCellContent('12.5', 12.5)).toBe(12.5);
  });

  test('window.Application, or wps.EtApplication(), or nothing', () => {
    const app = { ActiveWorkbook: null };
    expect(wpsApplication({ Application: app })).toBe(app);
    expect(wpsApplication({ wps: { EtApplication: () => app } })).toBe(app);
    expect(wpsApplication({})).toBeUndefined();
  });
});

describe('the halving reader', () => {
  test('one read for uniform cells; splits only where they differ', () => {
    const colour = (r: number) => (r < 50 ? 'red' : 'blue');
    const cells = Array.from({ length: 100 }, (_, row) => ({ row, col: 1 }));
    const reads: string[] = [];
    const out = new Map<number, string>();
    probe(
      cells,
      (ks) => cellChunks(ks),
      (address) => {
        reads.push(address);
        const rows = address.split(',').flatMap((a) => {
          const [from, to] = a.split(':');
          const r0 = Number(from.slice(1)) - 1;
          const r1 = Number((to ?? from).slice(1)) - 1;
          return Array.from({ length: r1 - r0 + 1 }, (_, i) => r0 + i);
        });
        const values = new Set(rows.map(colour));
        return values.size === 1 ? [...values][0] : MIXED;
      },
      () => 'none',
      (rc, v) => out.set(rc.row, v),
    );
    expect(reads).toEqual(['B1:B100', 'B1:B50', 'B51:B100']);
    expect(out.get(0)).toBe('red');
    expect(out.get(99)).toBe('blue');
  });
});
