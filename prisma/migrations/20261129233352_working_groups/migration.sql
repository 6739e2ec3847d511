-- AlterTable
ALTER TABLE "WorkPlanItem" ADD COLUMN     "authorId" TEXT,
ADD COLUMN     "confirmationId" TEXT,
ADD COLUMN     "ipr" TEXT,
ADD COLUMN     "sourceText" TEXT,
ADD COLUMN     "topic" TEXT;

-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "groupChannelsPrivate" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "WorkingGroupPost" (
    "clusterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkingGroupPost_pkey" PRIMARY KEY ("clusterId","kind")
);

-- CreateIndex
CREATE INDEX "WorkingGroupPost_externalId_idx" ON "WorkingGroupPost"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkPlanItem_sourceMessageId_key" ON "WorkPlanItem"("sourceMessageId");

-- AddForeignKey
ALTER TABLE "WorkPlanItem" ADD CONSTRAINT "WorkPlanItem_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupPost" ADD CONSTRAINT "WorkingGroupPost_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
