-- Phone verification (SMS codes, one verified number per account), a per-drop phone requirement, the
-- per-number purchase counter, and the order's number and address range for fleet flagging.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "phoneHash" TEXT,
ADD COLUMN     "phoneVerifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedPhoneEnc" TEXT;

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "phoneRequired" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "clientNet" TEXT,
ADD COLUMN     "phoneHash" TEXT;

-- CreateTable
CREATE TABLE "PhoneVerification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "phoneHash" TEXT NOT NULL,
    "phoneEnc" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhoneVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DevSms" (
    "id" UUID NOT NULL,
    "to" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DevSms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhonePurchaseCounter" (
    "phoneHash" TEXT NOT NULL,
    "productId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "PhonePurchaseCounter_pkey" PRIMARY KEY ("phoneHash","productId")
);

-- CreateIndex
CREATE INDEX "PhoneVerification_userId_createdAt_idx" ON "PhoneVerification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "PhoneVerification_phoneHash_createdAt_idx" ON "PhoneVerification"("phoneHash", "createdAt");

-- CreateIndex
CREATE INDEX "DevSms_to_idx" ON "DevSms"("to");

-- CreateIndex
CREATE UNIQUE INDEX "User_phoneHash_key" ON "User"("phoneHash");

-- AddForeignKey
ALTER TABLE "PhoneVerification" ADD CONSTRAINT "PhoneVerification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhonePurchaseCounter" ADD CONSTRAINT "PhonePurchaseCounter_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

