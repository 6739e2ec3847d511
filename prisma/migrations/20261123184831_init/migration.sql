-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('slack', 'teams');

-- CreateEnum
CREATE TYPE "WorkshopPhase" AS ENUM ('setup', 'homework', 'analysis', 'announced', 'working', 'closed');

-- CreateEnum
CREATE TYPE "ResultStatus" AS ENUM ('draft', 'submitted');

-- CreateEnum
CREATE TYPE "InterestLevel" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "InterestKind" AS ENUM ('use', 'co_develop', 'integrate', 'validate', 'license', 'joint_exploitation');

-- CreateEnum
CREATE TYPE "ClusterStatus" AS ENUM ('suggested', 'approved', 'announced');

-- CreateEnum
CREATE TYPE "WorkPlanStatus" AS ENUM ('proposed', 'agreed', 'in_progress', 'done', 'dropped');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('pending', 'done', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "platform" "Platform" NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "timezone" TEXT,
    "awayUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformUser" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "conversationRef" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformChannel" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "conversationRef" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformMessage" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "threadId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workshop" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "theme" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "homeworkDeadline" TIMESTAMP(3),
    "maxResultsPerProject" INTEGER NOT NULL DEFAULT 3,
    "reminderCadenceDays" INTEGER[] DEFAULT ARRAY[7, 3, 1, 0]::INTEGER[],
    "phase" "WorkshopPhase" NOT NULL DEFAULT 'setup',
    "announcementChannelId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workshop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkshopFacilitator" (
    "workshopId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "isOwner" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkshopFacilitator_pkey" PRIMARY KEY ("workshopId","personId")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "acronym" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "programme" TEXT,
    "reopenedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerOrganisation" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT,

    CONSTRAINT "PartnerOrganisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMember" (
    "projectId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectMember_pkey" PRIMARY KEY ("projectId","personId")
);

-- CreateTable
CREATE TABLE "ExploitableResult" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "type" TEXT,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "usp" TEXT,
    "trlNow" INTEGER,
    "trlExpected" INTEGER,
    "iprWithin" TEXT,
    "iprProtection" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "iprOutside" TEXT,
    "targetMarket" TEXT,
    "timeToMarket" TEXT,
    "needs" TEXT,
    "status" "ResultStatus" NOT NULL DEFAULT 'draft',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExploitableResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Interest" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "level" "InterestLevel" NOT NULL,
    "kind" "InterestKind" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Interest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "label" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "cohesion" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "status" "ClusterStatus" NOT NULL DEFAULT 'suggested',
    "editedByFacilitator" BOOLEAN NOT NULL DEFAULT false,
    "channelId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterMembership" (
    "clusterId" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "pinned" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ClusterMembership_pkey" PRIMARY KEY ("clusterId","resultId")
);

-- CreateTable
CREATE TABLE "WorkPlanItem" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "leadPartner" TEXT,
    "contributors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "milestone" TEXT,
    "resources" TEXT,
    "expectedBenefit" TEXT,
    "status" "WorkPlanStatus" NOT NULL DEFAULT 'proposed',
    "sourceMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkPlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledJob" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 5,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduledJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessedDelivery" (
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessedDelivery_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SlackInstallation" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL DEFAULT '',
    "enterpriseId" TEXT NOT NULL DEFAULT '',
    "isEnterprise" BOOLEAN NOT NULL DEFAULT false,
    "botUserId" TEXT,
    "encryptedBundle" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackInstallation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ExploitableResultToPartnerOrganisation" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ExploitableResultToPartnerOrganisation_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_platform_externalId_key" ON "Workspace"("platform", "externalId");

-- CreateIndex
CREATE INDEX "PlatformUser_personId_idx" ON "PlatformUser"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformUser_workspaceId_externalId_key" ON "PlatformUser"("workspaceId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformChannel_workspaceId_externalId_key" ON "PlatformChannel"("workspaceId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "PlatformMessage_channelId_externalId_key" ON "PlatformMessage"("channelId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Workshop_workspaceId_name_key" ON "Workshop"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Project_workshopId_acronym_key" ON "Project"("workshopId", "acronym");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerOrganisation_projectId_name_key" ON "PartnerOrganisation"("projectId", "name");

-- CreateIndex
CREATE INDEX "ProjectMember_personId_idx" ON "ProjectMember"("personId");

-- CreateIndex
CREATE INDEX "ExploitableResult_projectId_position_idx" ON "ExploitableResult"("projectId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ExploitableResult_projectId_title_key" ON "ExploitableResult"("projectId", "title");

-- CreateIndex
CREATE INDEX "Interest_resultId_idx" ON "Interest"("resultId");

-- CreateIndex
CREATE UNIQUE INDEX "Interest_projectId_resultId_key" ON "Interest"("projectId", "resultId");

-- CreateIndex
CREATE INDEX "Cluster_workshopId_idx" ON "Cluster"("workshopId");

-- CreateIndex
CREATE INDEX "ClusterMembership_resultId_idx" ON "ClusterMembership"("resultId");

-- CreateIndex
CREATE INDEX "WorkPlanItem_clusterId_idx" ON "WorkPlanItem"("clusterId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledJob_dedupeKey_key" ON "ScheduledJob"("dedupeKey");

-- CreateIndex
CREATE INDEX "ScheduledJob_status_dueAt_idx" ON "ScheduledJob"("status", "dueAt");

-- CreateIndex
CREATE INDEX "ScheduledJob_workshopId_idx" ON "ScheduledJob"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackInstallation_enterpriseId_teamId_key" ON "SlackInstallation"("enterpriseId", "teamId");

-- CreateIndex
CREATE INDEX "_ExploitableResultToPartnerOrganisation_B_index" ON "_ExploitableResultToPartnerOrganisation"("B");

-- AddForeignKey
ALTER TABLE "PlatformUser" ADD CONSTRAINT "PlatformUser_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformUser" ADD CONSTRAINT "PlatformUser_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformChannel" ADD CONSTRAINT "PlatformChannel_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformMessage" ADD CONSTRAINT "PlatformMessage_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "PlatformChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_announcementChannelId_fkey" FOREIGN KEY ("announcementChannelId") REFERENCES "PlatformChannel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopFacilitator" ADD CONSTRAINT "WorkshopFacilitator_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkshopFacilitator" ADD CONSTRAINT "WorkshopFacilitator_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerOrganisation" ADD CONSTRAINT "PartnerOrganisation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMember" ADD CONSTRAINT "ProjectMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExploitableResult" ADD CONSTRAINT "ExploitableResult_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ExploitableResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "PlatformChannel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMembership" ADD CONSTRAINT "ClusterMembership_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterMembership" ADD CONSTRAINT "ClusterMembership_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ExploitableResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkPlanItem" ADD CONSTRAINT "WorkPlanItem_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkPlanItem" ADD CONSTRAINT "WorkPlanItem_sourceMessageId_fkey" FOREIGN KEY ("sourceMessageId") REFERENCES "PlatformMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledJob" ADD CONSTRAINT "ScheduledJob_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ExploitableResultToPartnerOrganisation" ADD CONSTRAINT "_ExploitableResultToPartnerOrganisation_A_fkey" FOREIGN KEY ("A") REFERENCES "ExploitableResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ExploitableResultToPartnerOrganisation" ADD CONSTRAINT "_ExploitableResultToPartnerOrganisation_B_fkey" FOREIGN KEY ("B") REFERENCES "PartnerOrganisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
