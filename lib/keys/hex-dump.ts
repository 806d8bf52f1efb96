/** Bytes per hex dump row, as in `xxd` and `hexdump -C`. */
export const HEX_ROW_BYTES = 16;

export interface HexRow {
  offset: string;
  hex: string;
  /** Printable ASCII as is, everything else as ".". */
  ascii: string;
}

/** Row `row` of a hex dump of `bytes`. */
export function hexDumpRow(bytes: Uint8Array, row: number): HexRow {
  const start = row * HEX_ROW_BYTES;
  const slice = bytes.subarray(start, start + HEX_ROW_BYTES);
  const hex = Array.from(slice, (b) => b.toString(16).padStart(2, "0"));
  return {
    offset: start.toString(16).padStart(8, "0"),
    // Two groups of eight, padded so the ASCII column lines up on a short last row.
    hex: `${hex.slice(0, 8).join(" ")}  ${hex.slice(8).join(" ")}`.padEnd(HEX_ROW_BYTES * 3, " "),
    ascii: Array.from(slice, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : ".")).join(
      "",
    ),
  };
}

/** Rows a dump of `length` bytes has. */
export function hexRowCount(length: number): number {
  return Math.ceil(length / HEX_ROW_BYTES);
}
