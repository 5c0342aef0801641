-- When Toss's record of a DONE payment was last compared with ours (the paid-order sweep of reconciliation).
ALTER TABLE "Payment" ADD COLUMN "checkedAt" TIMESTAMP(3);
