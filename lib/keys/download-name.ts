import { bytesText } from "./key-bytes";

/**
 * A file name for a value's download: the key's last "/" component with everything outside
 * [A-Za-z0-9._-] replaced, so it is safe inside a quoted Content-Disposition header.
 */
export function downloadName(key: Uint8Array): string {
  const text = bytesText(key);
  const last = text.slice(text.lastIndexOf("/") + 1);
  const safe = last
    .replace(/[^A-Za-z0-9._-]/g, "_")
    .replace(/^\.+/, "")
    .slice(0, 120);
  return safe || "value";
}
