-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "lastActivityAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WorkPlanItem" ADD COLUMN     "progress" TEXT,
ADD COLUMN     "progressAt" TIMESTAMP(3),
ADD COLUMN     "progressNote" TEXT,
ADD COLUMN     "sourceDeleted" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "followUpWeeks" INTEGER NOT NULL DEFAULT 4;

-- CreateTable
CREATE TABLE "FollowUpRound" (
    "clusterId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "messageId" TEXT,
    "quiet" BOOLEAN NOT NULL DEFAULT false,
    "postedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedAt" TIMESTAMP(3),

    CONSTRAINT "FollowUpRound_pkey" PRIMARY KEY ("clusterId","round")
);

-- AddForeignKey
ALTER TABLE "FollowUpRound" ADD CONSTRAINT "FollowUpRound_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
