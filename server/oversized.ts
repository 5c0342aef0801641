// The end of a connection whose request body was refused as too large (413, lib/body.ts). The answer says
// `connection: close`; Node's http server half-closes after it but keeps the socket open for reading
// (allowHalfOpen), so a client that keeps sending would hold it for ever. Closing at once with unread data
// would reset the connection, and the client could lose the 413 it has not read yet: the rest is read and
// dropped for a short while, then the socket is destroyed.
import type { IncomingMessage } from "node:http";

export const LINGER_MS = 2_000;

export function closeAfterRefusal(req: IncomingMessage) {
  const socket = req.socket;
  req.removeAllListeners("data");
  req.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}
