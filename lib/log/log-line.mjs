// One log line, as text or JSON. Plain JavaScript so that the start script (scripts/start.mjs,
// run by node without a build) and the server code share it; types in log-line.d.mts.
const FORMATS = ["text", "json"];

/**
 * The format RAFTSCOPE_LOG_FORMAT asks for: `text` (default; unset or empty) or `json`.
 * Throws an Error naming the variable and the accepted values for anything else.
 */
export function logFormat(value) {
  const v = value?.trim().toLowerCase() || "text";
  if (!FORMATS.includes(v)) {
    throw new Error(`RAFTSCOPE_LOG_FORMAT: expected text or json, got "${value}"`);
  }
  return v;
}

// What a log must never carry: PEM blocks (certificates, keys), bearer tokens, session cookies,
// and token hashes. Applied to every message and field, whoever wrote it (Next included).
const SECRET_PATTERNS = [
  [/-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g, "[redacted PEM]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]"],
  [/\b(raftscope_session=)[^;\s"]+/g, "$1[redacted]"],
  [/\bscrypt\$[0-9$]+[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+/g, "[redacted hash]"],
];
const RESERVED = new Set(["time", "level", "message"]);
const SECRET_FIELD = /token|password|passwd|secret|authorization|cookie|private.?key/i;

/** `text` with every secret pattern replaced by a marker. */
export function redact(text) {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

function fieldValue(name, value) {
  if (SECRET_FIELD.test(name)) return "[redacted]";
  if (value instanceof Error) return redact(value.message);
  if (typeof value === "string") return redact(value);
  return value;
}

/**
 * One line without its newline. JSON: `{"time","level","message",...fields}`, one object per
 * line, fields after the fixed keys (a field named like one of them is dropped); text: `raftscope: message name=value …`. Secrets are
 * redacted from the message and the fields; fields named like a secret are dropped to a marker.
 */
export function formatLogLine(fmt, level, message, fields = {}, now = new Date()) {
  const clean = {};
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && !RESERVED.has(name)) clean[name] = fieldValue(name, value);
  }
  const text = redact(message);
  if (fmt === "json") {
    return JSON.stringify({ time: now.toISOString(), level, message: text, ...clean });
  }
  const pairs = Object.entries(clean).map(([k, v]) => {
    const s = String(v);
    return `${k}=${/[\s"=]/.test(s) || s === "" ? JSON.stringify(s) : s}`;
  });
  return [`raftscope: ${text}`, ...pairs].join(" ");
}
