-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "consequencePolicy" TEXT NOT NULL DEFAULT 'Your lead allocation is reduced by 20% until you are back on target.',
ADD COLUMN     "escalatedKinds" "ActivityKind"[] DEFAULT ARRAY['dial', 'conversation']::"ActivityKind"[],
ADD COLUMN     "escalationEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "evaluationDay" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "evaluationTime" TEXT NOT NULL DEFAULT '18:00',
ADD COLUMN     "missThreshold" DOUBLE PRECISION NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "WeekEvaluation" (
    "id" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "levelBefore" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "kinds" JSONB NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WeekEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WeekEvaluation_teamId_week_idx" ON "WeekEvaluation"("teamId", "week");

-- CreateIndex
CREATE UNIQUE INDEX "WeekEvaluation_memberId_week_key" ON "WeekEvaluation"("memberId", "week");

-- AddForeignKey
ALTER TABLE "WeekEvaluation" ADD CONSTRAINT "WeekEvaluation_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeekEvaluation" ADD CONSTRAINT "WeekEvaluation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
