"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { hexDumpRow, hexRowCount } from "@/lib/keys/hex-dump";
import { ScrollRegion } from "./scroll-region";

const ROW_HEIGHT = 20;

/** A hex dump (offset, bytes, ASCII), virtualized: a 256 KiB value is 16,384 rows. */
export function HexDumpView({ bytes }: { bytes: Uint8Array }) {
  const scrollRef = useRef<HTMLElement>(null);
  const rows = hexRowCount(bytes.length);
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
    useFlushSync: false,
  });
  if (rows === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">The value is empty.</p>;
  return (
    <ScrollRegion
      ref={scrollRef}
      label={`Hex dump, ${bytes.length.toLocaleString("en")} bytes`}
      className="max-h-[60vh] rounded-md bg-slate-50 p-3 font-mono text-xs dark:bg-slate-950"
    >
      <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = hexDumpRow(bytes, item.index);
          return (
            <div
              key={item.index}
              className="absolute left-0 flex w-full gap-4 whitespace-pre"
              style={{ top: item.start, height: ROW_HEIGHT }}
            >
              <span className="text-slate-500 dark:text-slate-400">{row.offset}</span>
              <span>{row.hex}</span>
              <span className="text-slate-700 dark:text-slate-300">|{row.ascii}|</span>
            </div>
          );
        })}
      </div>
    </ScrollRegion>
  );
}
