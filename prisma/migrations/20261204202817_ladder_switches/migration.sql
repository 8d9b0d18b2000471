-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "celebrateHits" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "managerAlertsEnabled" BOOLEAN NOT NULL DEFAULT true;
