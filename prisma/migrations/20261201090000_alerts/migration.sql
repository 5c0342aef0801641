-- Drop alerts (docs/alerts.md): a buyer's request to be mailed when a drop opens or a sold-out size is restocked.
-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('OPENING', 'RESTOCK');

-- CreateTable
CREATE TABLE "AlertSubscription" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "variantId" UUID,
    "sentAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscription_key_key" ON "AlertSubscription"("key");

-- CreateIndex
CREATE INDEX "AlertSubscription_productId_kind_variantId_sentAt_idx" ON "AlertSubscription"("productId", "kind", "variantId", "sentAt");

-- CreateIndex
CREATE INDEX "AlertSubscription_userId_createdAt_idx" ON "AlertSubscription"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "AlertSubscription_variantId_idx" ON "AlertSubscription"("variantId");

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSubscription" ADD CONSTRAINT "AlertSubscription_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

