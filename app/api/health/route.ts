// GET /api/health — the process is up (no dependencies checked; see /api/ready).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", uptime: Math.round(process.uptime()) });
}
