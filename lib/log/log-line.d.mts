export type LogFormat = "text" | "json";
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | Error | undefined>;

export function logFormat(value: string | undefined): LogFormat;
export function redact(text: string): string;
export function formatLogLine(
  fmt: LogFormat,
  level: LogLevel,
  message: string,
  fields?: LogFields,
  now?: Date,
): string;
