-- CreateTable
CREATE TABLE "ScheduleTick" (
    "queue" TEXT NOT NULL,
    "lastTickAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduleTick_pkey" PRIMARY KEY ("queue")
);

