import "server-only";
import {
  formatLogLine,
  type LogFields,
  type LogFormat,
  type LogLevel,
  logFormat,
} from "../log/log-line.mjs";

function currentFormat(): LogFormat {
  try {
    return logFormat(process.env.RAFTSCOPE_LOG_FORMAT);
  } catch {
    // The start script refuses a bad value before the app loads; `next dev` falls back to text.
    return "text";
  }
}

const fmt = currentFormat();

function write(level: LogLevel, message: string, fields?: LogFields): void {
  const stream = level === "warn" || level === "error" ? process.stderr : process.stdout;
  stream.write(`${formatLogLine(fmt, level, message, fields)}\n`);
}

/**
 * The server's log: `RAFTSCOPE_LOG_FORMAT=json` gives one JSON object per line with time, level,
 * message and the fields (cluster, member, event, file, …); text is the default. Secrets are
 * redacted by the formatter (lib/log/log-line.mjs), whatever the caller passes.
 */
export const log = {
  info: (message: string, fields?: LogFields) => write("info", message, fields),
  warn: (message: string, fields?: LogFields) => write("warn", message, fields),
  error: (message: string, fields?: LogFields) => write("error", message, fields),
};
