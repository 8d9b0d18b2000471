-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "dailyPostEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "dailyPostTime" TEXT NOT NULL DEFAULT '16:30',
ADD COLUMN     "trackedKinds" "ActivityKind"[] DEFAULT ARRAY['dial', 'conversation']::"ActivityKind"[],
ADD COLUMN     "weeklyBoardEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "weeklyBoardTime" TEXT NOT NULL DEFAULT '09:00';

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "teamId" TEXT,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL,
    "jobRunId" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "messageTs" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_slot_key" ON "JobRun"("slot");

-- CreateIndex
CREATE INDEX "JobRun_job_createdAt_idx" ON "JobRun"("job", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_jobRunId_recipient_key" ON "Delivery"("jobRunId", "recipient");

-- AddForeignKey
ALTER TABLE "Delivery" ADD CONSTRAINT "Delivery_jobRunId_fkey" FOREIGN KEY ("jobRunId") REFERENCES "JobRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
