const HEX = /^[0-9A-Fa-f]{2}$/;

/**
 * Why a URL path is malformed: its first "%" that is not followed by two hex digits (RFC 3986
 * §2.1, percent-encoding), named with its position in the path; undefined when every escape is
 * well formed. Next.js answers such a path with a bare 500 while it decodes the segments, so the
 * proxy refuses it first with this message. `pathname` is as sent, still percent-encoded.
 */
export function malformedPathEscape(pathname: string): string | undefined {
  for (let i = pathname.indexOf("%"); i >= 0; i = pathname.indexOf("%", i + 1)) {
    if (!HEX.test(pathname.slice(i + 1, i + 3))) {
      return `The address is malformed: "%" at position ${i} must be followed by two hex digits (write a literal "%" as %25)`;
    }
  }
  return undefined;
}
