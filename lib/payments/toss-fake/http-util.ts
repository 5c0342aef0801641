// Small helpers for the fake's plain node:http handlers.
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY = 64 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON body or `undefined` when it is missing or not JSON. */
export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

export function sendJson(res: ServerResponse, reply: Reply) {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), ...reply.headers });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html), "Cache-Control": "no-store" });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string) {
  res.writeHead(303, { Location: location, "Content-Length": 0 });
  res.end();
}

export const tossError = (status: number, code: string, message: string): Reply => ({ status, body: { code, message } });

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Date as Toss writes it: ISO 8601 in Korea time, e.g. 2024-02-13T12:18:14+09:00. */
export function kstIso(ms: number): string {
  const kst = new Date(ms + 9 * 3600_000).toISOString().slice(0, 19);
  return `${kst}+09:00`;
}
