import { readFileSync } from "node:fs";

export interface Election {
  /** Name of the member whose log recorded the win. */
  member: string;
  term: number;
  /** Epoch milliseconds, from the log line's timestamp. */
  at: number;
}

// etcd 3.4 with --logger=zap writes one JSON object per line, e.g.
// {"level":"info","ts":"2026-11-24T00:28:52.814Z","caller":"raft/raft.go:771",
//  "msg":"2e1259d415f2a040 became leader at term 2"}
const BECAME_LEADER = /^[0-9a-f]+ became leader at term (\d+)$/;

/** Elections won by `member`, read from the text of its etcd log. Non-JSON lines are skipped. */
export function parseElections(logText: string, member: string): Election[] {
  const elections: Election[] = [];
  for (const line of logText.split("\n")) {
    if (!line.includes("became leader at term")) continue;
    const entry = parseLine(line);
    if (entry === undefined) continue;
    const match = BECAME_LEADER.exec(entry.msg);
    const at = parseTimestamp(entry.ts);
    if (match?.[1] === undefined || at === undefined) continue;
    elections.push({ member, term: Number(match[1]), at });
  }
  return elections;
}

/** The last `count` lines of a log file, or a note that it cannot be read. */
export function logTail(logFile: string, count = 15): string {
  try {
    const lines = readFileSync(logFile, "utf8").trimEnd().split("\n");
    return lines.slice(-count).join("\n");
  } catch (error) {
    return `(cannot read ${logFile}: ${error instanceof Error ? error.message : String(error)})`;
  }
}

function parseLine(line: string): { ts: string; msg: string } | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== "object" || value === null) return undefined;
    const { ts, msg } = value as Record<string, unknown>;
    return typeof ts === "string" && typeof msg === "string" ? { ts, msg } : undefined;
  } catch {
    return undefined;
  }
}

function parseTimestamp(ts: string): number | undefined {
  // zap's ISO 8601 encoder writes offsets as +0100; Date.parse wants +01:00.
  const at = Date.parse(ts.replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));
  return Number.isNaN(at) ? undefined : at;
}
