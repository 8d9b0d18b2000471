-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "digestEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "nudgeEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "nudgeThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
ADD COLUMN     "nudgeTime" TEXT NOT NULL DEFAULT '13:00';

-- CreateTable
CREATE TABLE "NudgeMute" (
    "memberId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NudgeMute_pkey" PRIMARY KEY ("memberId","date")
);

-- AddForeignKey
ALTER TABLE "NudgeMute" ADD CONSTRAINT "NudgeMute_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
