import {
  infiniteQueryOptions,
  queryOptions,
  experimental_streamedQuery as streamedQuery,
} from "@tanstack/react-query";
import type { ValueFormat } from "../keys/decode/decoded-value";
import { currentRevisionSchema, keyListingSchema, keyValueSchema } from "../keys/key-api";
import { bytesToBase64 } from "../keys/key-bytes";
import { encodeKeyParam, keyQueryParam } from "../keys/key-param";
import { searchLineSchema } from "../keys/key-search-api";
import { addSearchLine, EMPTY_SEARCH } from "../keys/search-progress";
import { fetchJson } from "./fetch-json";
import { fetchNdjson } from "./fetch-ndjson";

/** How often the key browser refreshes the cluster's current revision. */
export const REVISION_POLL_MS = 5_000;

const enc = encodeURIComponent;
const keysBase = (id: string) => `/api/clusters/${enc(id)}/keys`;

/** The page after which to continue, pinned to the first page's revision for a consistent list. */
export interface ListPageParam {
  after: string;
  revision: number;
}

/** The raw download of a value (refused by the server when the value is redacted). */
export function rawValueUrl(id: string, key: Uint8Array, revision?: number): string {
  return `${keysBase(id)}/raw?${keyQueryParam("key", key)}${revision ? `&revision=${revision}` : ""}`;
}

/** Query keys and fetchers of the key browser; components never spell a key. */
export const keyQueries = {
  all: (id: string) => ["clusters", id, "keys"] as const,
  list: (id: string, prefix: Uint8Array, separator: Uint8Array, revision?: number) =>
    infiniteQueryOptions({
      queryKey: [
        ...keyQueries.all(id),
        "list",
        bytesToBase64(prefix),
        bytesToBase64(separator),
        revision ?? "latest",
      ] as const,
      queryFn: ({ pageParam, signal }) => {
        const rev = pageParam?.revision ?? revision;
        const url =
          `${keysBase(id)}?${keyQueryParam("prefix", prefix)}&separator=${encodeKeyParam(separator)}` +
          (rev ? `&revision=${rev}` : "") +
          (pageParam ? `&after=${pageParam.after}` : "");
        return fetchJson(url, keyListingSchema, signal);
      },
      initialPageParam: null as ListPageParam | null,
      getNextPageParam: (last): ListPageParam | null =>
        last.nextCursor ? { after: last.nextCursor, revision: last.revision } : null,
      // A listing is a snapshot at one revision; it changes only when the user refreshes.
      staleTime: Number.POSITIVE_INFINITY,
    }),
  value: (id: string, key: Uint8Array, revision?: number, format?: ValueFormat) =>
    queryOptions({
      queryKey: [
        ...keyQueries.all(id),
        "value",
        bytesToBase64(key),
        revision ?? "latest",
        format ?? "auto",
      ] as const,
      queryFn: ({ signal }) =>
        fetchJson(
          `${keysBase(id)}/value?${keyQueryParam("key", key)}` +
            (revision ? `&revision=${revision}` : "") +
            (format ? `&format=${format}` : ""),
          keyValueSchema,
          signal,
        ),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  revision: (id: string) =>
    queryOptions({
      queryKey: [...keyQueries.all(id), "revision"] as const,
      queryFn: ({ signal }) => fetchJson(`${keysBase(id)}/revision`, currentRevisionSchema, signal),
      refetchInterval: REVISION_POLL_MS,
    }),
  /** Keys under `prefix` whose name contains `q`, growing as the server's stream arrives. */
  search: (id: string, prefix: Uint8Array, q: string) =>
    queryOptions({
      queryKey: [...keyQueries.all(id), "search", bytesToBase64(prefix), q] as const,
      queryFn: streamedQuery({
        streamFn: ({ signal }) =>
          fetchNdjson(
            `${keysBase(id)}/search?${keyQueryParam("prefix", prefix)}&q=${enc(q)}`,
            searchLineSchema,
            signal,
          ),
        reducer: addSearchLine,
        initialValue: EMPTY_SEARCH,
      }),
      // A search is a scan of etcd: it runs again only when the user asks.
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
