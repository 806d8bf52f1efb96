import { isServer, QueryClient } from "@tanstack/react-query";
import { shouldRetry } from "./should-retry";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live data arrives over the stream; a refetch on focus would only repeat it.
        staleTime: 2_000,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A fresh client per server request, one for the browser's lifetime. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
