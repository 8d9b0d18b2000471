-- AlterTable
ALTER TABLE "WeekEvaluation" ADD COLUMN     "actionAt" TIMESTAMP(3),
ADD COLUMN     "actionBy" TEXT,
ADD COLUMN     "actionNote" TEXT,
ADD COLUMN     "actionOutcome" TEXT,
ADD COLUMN     "excuseReason" TEXT,
ADD COLUMN     "excusedAt" TIMESTAMP(3),
ADD COLUMN     "excusedBy" TEXT;
