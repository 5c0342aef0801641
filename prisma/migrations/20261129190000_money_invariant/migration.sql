-- The money invariant (issue 11): an order may have several refunds (its sale's, and compensations of other
-- payments Toss charged for it), one per Toss payment; a claim column fences payment work on an order.
-- CreateEnum
CREATE TYPE "RefundKind" AS ENUM ('CANCEL', 'COMPENSATION', 'EXTERNAL');

-- DropIndex
DROP INDEX "Refund_orderId_key";

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "paymentClaimedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "kind" "RefundKind" NOT NULL DEFAULT 'CANCEL';

-- CreateIndex
CREATE UNIQUE INDEX "Refund_paymentKey_key" ON "Refund"("paymentKey");

-- CreateIndex
CREATE INDEX "Refund_orderId_idx" ON "Refund"("orderId");

-- CreateIndex
CREATE INDEX "Refund_status_createdAt_idx" ON "Refund"("status", "createdAt");

