// GET /api/payments/fail?code=&message=&orderId= — the payment window's failure as JSON (what the failUrl page
// shows): the outcome (canceled, declined, failed), whether the order can still be paid, and the order; 400/401/404
import { route } from "@/lib/http";
import { handlePaymentFailure } from "@/lib/payments/handlers";

export const dynamic = "force-dynamic";

export const GET = route(handlePaymentFailure);
