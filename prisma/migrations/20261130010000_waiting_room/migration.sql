-- The waiting room per drop (docs/waiting-room.md). Off for existing products (they keep selling as they did);
-- the seller service turns it on by default for new limited drops.
-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "admissionRate" INTEGER,
ADD COLUMN     "preQueueMinutes" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "waitingRoom" BOOLEAN NOT NULL DEFAULT false;

