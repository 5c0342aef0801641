// JSON logs with pino. Every line logged while a request is handled carries its request id (taken from
// the AsyncLocalStorage that lib/http.ts fills). Personal data is never logged: redact the usual paths.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { env } from "@/lib/env";

export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export const log = pino({
  level: env.LOG_LEVEL,
  base: { service: "hurryup" },
  mixin: () => {
    const ctx = requestContext.getStore();
    return ctx ? { requestId: ctx.requestId } : {};
  },
  redact: {
    paths: ["email", "password", "name", "phone", "address", "*.email", "*.password", "*.name", "*.phone", "*.address", "headers.cookie", "headers.authorization"],
    censor: "[redacted]",
  },
});
