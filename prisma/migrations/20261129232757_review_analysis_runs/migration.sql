-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "evidence" JSONB;

-- CreateTable
CREATE TABLE "AnalysisRun" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "requestedById" TEXT,
    "input" JSONB NOT NULL,
    "options" JSONB NOT NULL,
    "engineVersion" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "leftOut" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnalysisRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterReview" (
    "workshopId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterReview_pkey" PRIMARY KEY ("workshopId")
);

-- CreateTable
CREATE TABLE "ClusterEdit" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "personId" TEXT,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClusterEdit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterAnnouncement" (
    "clusterId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageId" TEXT,
    "contentHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterAnnouncement_pkey" PRIMARY KEY ("clusterId")
);

-- CreateTable
CREATE TABLE "ClusterResponse" (
    "clusterId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "projectId" TEXT,
    "answer" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterResponse_pkey" PRIMARY KEY ("clusterId","personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AnalysisRun_workshopId_number_key" ON "AnalysisRun"("workshopId", "number");

-- CreateIndex
CREATE INDEX "ClusterEdit_workshopId_createdAt_idx" ON "ClusterEdit"("workshopId", "createdAt");

-- AddForeignKey
ALTER TABLE "AnalysisRun" ADD CONSTRAINT "AnalysisRun_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterReview" ADD CONSTRAINT "ClusterReview_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterEdit" ADD CONSTRAINT "ClusterEdit_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterAnnouncement" ADD CONSTRAINT "ClusterAnnouncement_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterResponse" ADD CONSTRAINT "ClusterResponse_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
