import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/Config';

/**
 * The one logger. Message text, names and contact details are never passed to it; the redact
 * list is a second line of defence for fields that must never reach a log (secrets, text).
 */
export function createLogger(level: LogLevel): Logger {
  return pino({
    level,
    base: { service: 'sen-support-assistant' },
    redact: {
      paths: ['text', '*.text', 'q', '*.q', 'query', '*.query', 'name', '*.name', 'phone', '*.phone', 'email', '*.email', 'contact', '*.contact', 'authorization', '*.authorization', 'password', '*.password', 'secret', '*.secret'],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
