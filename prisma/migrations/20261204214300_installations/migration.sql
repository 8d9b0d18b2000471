-- CreateTable
CREATE TABLE "Installation" (
    "workspaceId" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "appId" TEXT,
    "botToken" TEXT NOT NULL,
    "botId" TEXT,
    "botUserId" TEXT NOT NULL,
    "botScopes" TEXT[],
    "installerUserId" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("workspaceId")
);

-- AddForeignKey
ALTER TABLE "Installation" ADD CONSTRAINT "Installation_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
