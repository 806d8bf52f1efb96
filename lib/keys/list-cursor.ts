import { BadRequestError } from "../errors";
import { base64UrlToBytes, bytesToBase64Url } from "./key-bytes";

// A version tag lets the format change without old links resuming at a wrong place.
const VERSION = "k1.";

/**
 * The opaque `after` cursor of a listing page: where the next page's range starts (the first key
 * past the last child shown), as base64url. Clients pass it back unchanged.
 */
export function encodeCursor(start: Uint8Array): string {
  return VERSION + bytesToBase64Url(start);
}

/** The resume key inside a cursor; throws BadRequestError when it is not one Raftscope made. */
export function decodeCursor(cursor: string): Uint8Array {
  const body = cursor.startsWith(VERSION) ? cursor.slice(VERSION.length) : undefined;
  const bytes = body === undefined ? undefined : base64UrlToBytes(body);
  // Only the canonical spelling is accepted, so one position has exactly one cursor.
  if (!bytes || bytes.length === 0 || bytesToBase64Url(bytes) !== body) {
    throw new BadRequestError("after is not a cursor from a previous page of this listing");
  }
  return bytes;
}
