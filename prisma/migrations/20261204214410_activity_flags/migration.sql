-- CreateEnum
CREATE TYPE "FlagReason" AS ENUM ('late', 'burst', 'large');

-- CreateEnum
CREATE TYPE "FlagResolution" AS ENUM ('accepted', 'voided');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "burstDialsPerMinute" INTEGER NOT NULL DEFAULT 10,
ADD COLUMN     "flagsEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "largeEntryDays" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "lateAfterDays" INTEGER NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "ActivityFlag" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "reason" "FlagReason" NOT NULL,
    "detail" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolution" "FlagResolution",
    "resolvedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolutionNote" TEXT,

    CONSTRAINT "ActivityFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ActivityFlag_memberId_resolution_idx" ON "ActivityFlag"("memberId", "resolution");

-- CreateIndex
CREATE UNIQUE INDEX "ActivityFlag_entryId_reason_key" ON "ActivityFlag"("entryId", "reason");

-- AddForeignKey
ALTER TABLE "ActivityFlag" ADD CONSTRAINT "ActivityFlag_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
