-- Product options and variants (docs/variants.md): stock per variant; every order line, cart line and stock
-- reconciliation names one. Existing products get one implicit default variant holding their stock, and the
-- lines already written point at it.

-- CreateTable
CREATE TABLE "ProductOption" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "values" TEXT[],

    CONSTRAINT "ProductOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductVariant" (
    "id" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "optionValues" TEXT[],
    "priceDelta" INTEGER NOT NULL DEFAULT 0,
    "position" INTEGER NOT NULL DEFAULT 0,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL,
    "available" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductVariant_pkey" PRIMARY KEY ("id")
);

-- Data: every existing product's implicit default variant, holding its stock.
INSERT INTO "ProductVariant" ("id", "productId", "sku", "optionValues", "isDefault", "total", "available", "updatedAt")
SELECT gen_random_uuid(), p."id", 'default', '{}', true, COALESCE(i."total", 0), COALESCE(i."available", 0), CURRENT_TIMESTAMP
FROM "Product" p LEFT JOIN "Inventory" i ON i."productId" = p."id";

-- DropIndex
DROP INDEX "CartItem_cartId_productId_key";

-- AlterTable (filled from the default variants, then required)
ALTER TABLE "OrderItem" ADD COLUMN     "sku" TEXT,
ADD COLUMN     "variantId" UUID,
ADD COLUMN     "variantLabel" TEXT;
UPDATE "OrderItem" oi SET "variantId" = v."id" FROM "ProductVariant" v WHERE v."productId" = oi."productId" AND v."isDefault";
ALTER TABLE "OrderItem" ALTER COLUMN "variantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "StockReconciliation" ADD COLUMN     "variantId" UUID;

-- AlterTable
ALTER TABLE "CartItem" ADD COLUMN     "variantId" UUID;
UPDATE "CartItem" ci SET "variantId" = v."id" FROM "ProductVariant" v WHERE v."productId" = ci."productId" AND v."isDefault";
ALTER TABLE "CartItem" ALTER COLUMN "variantId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "ProductOption_productId_position_key" ON "ProductOption"("productId", "position");

-- CreateIndex
CREATE INDEX "ProductVariant_productId_position_idx" ON "ProductVariant"("productId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ProductVariant_productId_sku_key" ON "ProductVariant"("productId", "sku");

-- CreateIndex
CREATE INDEX "OrderItem_variantId_idx" ON "OrderItem"("variantId");

-- CreateIndex
CREATE INDEX "CartItem_variantId_idx" ON "CartItem"("variantId");

-- CreateIndex
CREATE UNIQUE INDEX "CartItem_cartId_variantId_key" ON "CartItem"("cartId", "variantId");

-- AddForeignKey
ALTER TABLE "ProductOption" ADD CONSTRAINT "ProductOption_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductVariant" ADD CONSTRAINT "ProductVariant_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CartItem" ADD CONSTRAINT "CartItem_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "ProductVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
