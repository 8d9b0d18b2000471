-- CreateEnum
CREATE TYPE "AbsenceKind" AS ENUM ('pto', 'sick', 'ramp');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "workDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
ADD COLUMN     "workdayEnd" TEXT NOT NULL DEFAULT '17:00',
ADD COLUMN     "workdayStart" TEXT NOT NULL DEFAULT '09:00';

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GoalPlan" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "memberId" TEXT,
    "effectiveFrom" TEXT NOT NULL,
    "revenueTarget" INTEGER NOT NULL,
    "averageDealSize" INTEGER NOT NULL,
    "closeRate" DOUBLE PRECISION NOT NULL,
    "presentationToOpportunity" DOUBLE PRECISION NOT NULL,
    "conversationToPresentation" DOUBLE PRECISION NOT NULL,
    "dialToConversation" DOUBLE PRECISION NOT NULL,
    "overrides" JSONB,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GoalPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Absence" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kind" "AbsenceKind" NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT NOT NULL,
    "rampPercent" INTEGER,
    "note" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMP(3),
    "cancelledBy" TEXT,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_teamId_date_key" ON "Holiday"("teamId", "date");

-- CreateIndex
CREATE INDEX "GoalPlan_teamId_effectiveFrom_idx" ON "GoalPlan"("teamId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "GoalPlan_memberId_effectiveFrom_idx" ON "GoalPlan"("memberId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "Absence_memberId_startDate_idx" ON "Absence"("memberId", "startDate");

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalPlan" ADD CONSTRAINT "GoalPlan_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GoalPlan" ADD CONSTRAINT "GoalPlan_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
