-- Fulfilment by the seller (docs/fulfilment.md): the refused return, each shop's fallback timers (null = the
-- deployment default, 0 = off) and the shipment (courier and tracking number) of an order.
-- AlterEnum
ALTER TYPE "OrderStatus" ADD VALUE 'RETURN_REFUSED' AFTER 'RETURNED';

-- AlterTable
ALTER TABLE "Seller" ADD COLUMN     "autoCompleteReturnSeconds" INTEGER,
ADD COLUMN     "autoDeliverSeconds" INTEGER,
ADD COLUMN     "autoShipSeconds" INTEGER;

-- CreateTable
CREATE TABLE "Shipment" (
    "orderId" TEXT NOT NULL,
    "courier" TEXT NOT NULL,
    "trackingNumber" TEXT NOT NULL,
    "shippedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("orderId")
);

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

