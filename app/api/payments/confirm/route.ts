// POST /api/payments/confirm — confirm the caller's payment ({paymentKey, orderId, amount} from the success URL); 200 with the outcome and order, 401/403/404/409/422/503
import { route } from "@/lib/http";
import { handleConfirmPayment } from "@/lib/payments/handlers";

export const POST = route(handleConfirmPayment);
