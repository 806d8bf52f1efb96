import type { SearchLine } from "./key-search-api";

/** A name search as far as its stream has come: the matches so far, progress, and its end. */
export interface SearchProgress {
  matches: Array<{ key: string; keyBase64: string }>;
  /** Keys read so far. */
  scanned: number;
  /** Keys under the prefix when the search began (0 until the first page). */
  total: number;
  revision: number | null;
  /** Set by the last line: why the search stopped. */
  stoppedBy: "complete" | "matches" | "scanned" | null;
  error: { code: string; message: string } | null;
}

export const EMPTY_SEARCH: SearchProgress = {
  matches: [],
  scanned: 0,
  total: 0,
  revision: null,
  stoppedBy: null,
  error: null,
};

/** Folds one line of the search stream (lib/keys/key-search-api.ts) into the progress so far. */
export function addSearchLine(state: SearchProgress, line: SearchLine): SearchProgress {
  switch (line.type) {
    case "match":
      return {
        ...state,
        matches: [...state.matches, { key: line.key, keyBase64: line.keyBase64 }],
      };
    case "progress":
      return { ...state, scanned: line.scanned, total: line.total, revision: line.revision };
    case "done":
      return {
        ...state,
        scanned: line.scanned,
        total: Math.max(state.total, line.scanned),
        revision: line.revision,
        stoppedBy: line.stoppedBy,
      };
    case "error":
      return { ...state, error: { code: line.code, message: line.message } };
  }
}
