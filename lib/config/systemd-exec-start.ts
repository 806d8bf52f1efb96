/**
 * The argv of a systemd unit's `ExecStart=` in its `[Service]` section, split as systemd does
 * (systemd.syntax(7), systemd.service(5) "Command lines"): a trailing backslash continues the
 * line, `#` and `;` start comment lines, words split on whitespace, double and single quotes
 * group, C-style backslash escapes apply, and the prefixes `-@:+!` on the path are dropped. The
 * last `ExecStart=` wins; an empty one resets. Undefined when the unit has none.
 *
 * Not handled (named here so nobody relies on it): `$VAR` / `${VAR}` substitution from
 * `Environment=`, and specifiers such as `%i`; such words are kept as written.
 */
export function systemdExecStart(unitText: string): string[] | undefined {
  let section = "";
  let execStart: string | undefined;
  for (const line of logicalLines(unitText)) {
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header?.[1]) {
      section = header[1];
      continue;
    }
    if (section !== "Service") continue;
    const eq = trimmed.indexOf("=");
    if (eq < 0 || trimmed.slice(0, eq).trim() !== "ExecStart") continue;
    const value = trimmed.slice(eq + 1).trim();
    execStart = value === "" ? undefined : value;
  }
  if (execStart === undefined) return undefined;
  const words = splitWords(execStart);
  if (words[0]) words[0] = words[0].replace(/^[-@:+!]+/, "");
  return words;
}

/** Physical lines joined where a line ends in a backslash (not inside a comment line). */
function logicalLines(text: string): string[] {
  const out: string[] = [];
  let pending = "";
  for (const raw of text.split(/\r?\n/)) {
    const isComment = pending === "" && /^\s*[#;]/.test(raw);
    if (!isComment && raw.endsWith("\\")) {
      pending += `${raw.slice(0, -1)} `;
      continue;
    }
    // A comment line inside a continuation is skipped; the continuation goes on after it.
    if (pending !== "" && /^\s*[#;]/.test(raw)) continue;
    out.push(pending + raw);
    pending = "";
  }
  if (pending !== "") out.push(pending);
  return out;
}

const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  '"': '"',
  "'": "'",
  s: " ",
};

function splitWords(text: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\\" && i + 1 < text.length) {
      const e = text[++i] ?? "";
      word += ESCAPES[e] ?? e;
      inWord = true;
    } else if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
