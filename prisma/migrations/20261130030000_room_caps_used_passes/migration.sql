-- Waiting-room caps per drop (places per client address range and per device cookie; null = the deployment
-- default, 0 = no cap) and the PostgreSQL record of used passes, so a pass buys once while Redis is away too
-- (docs/waiting-room.md).
-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "roomDeviceCap" INTEGER,
ADD COLUMN     "roomRangeCap" INTEGER;

-- CreateTable
CREATE TABLE "UsedRoomPass" (
    "productId" UUID NOT NULL,
    "passId" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "orderId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsedRoomPass_pkey" PRIMARY KEY ("productId","passId")
);

-- CreateIndex
CREATE INDEX "UsedRoomPass_expiresAt_idx" ON "UsedRoomPass"("expiresAt");

