-- CreateEnum
CREATE TYPE "WebChannelKind" AS ENUM ('public', 'private', 'direct');

-- CreateEnum
CREATE TYPE "WebDialogStatus" AS ENUM ('open', 'pending', 'closed');

-- AlterEnum
ALTER TYPE "Platform" ADD VALUE 'web';

-- CreateTable
CREATE TABLE "WebAccount" (
    "userId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebAccount_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "WebInvite" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "WebInvite_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "WebSession" (
    "idHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebSession_pkey" PRIMARY KEY ("idHash")
);

-- CreateTable
CREATE TABLE "WebChannel" (
    "channelId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "kind" "WebChannelKind" NOT NULL,
    "nameKey" TEXT,
    "directKey" TEXT,
    "topic" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebChannel_pkey" PRIMARY KEY ("channelId")
);

-- CreateTable
CREATE TABLE "WebChannelMember" (
    "channelId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastReadSeq" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WebChannelMember_pkey" PRIMARY KEY ("channelId","userId")
);

-- CreateTable
CREATE TABLE "WebMessage" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "channelId" TEXT NOT NULL,
    "threadRootId" TEXT,
    "authorId" TEXT,
    "visibleToId" TEXT,
    "content" JSONB NOT NULL,
    "metadata" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),

    CONSTRAINT "WebMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebDialog" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "view" JSONB NOT NULL,
    "values" JSONB NOT NULL,
    "context" JSONB NOT NULL,
    "status" "WebDialogStatus" NOT NULL DEFAULT 'open',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebDialog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebHome" (
    "userId" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebHome_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "WebAccount_workspaceId_nameKey_key" ON "WebAccount"("workspaceId", "nameKey");

-- CreateIndex
CREATE INDEX "WebInvite_userId_idx" ON "WebInvite"("userId");

-- CreateIndex
CREATE INDEX "WebSession_userId_idx" ON "WebSession"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "WebChannel_workspaceId_nameKey_key" ON "WebChannel"("workspaceId", "nameKey");

-- CreateIndex
CREATE UNIQUE INDEX "WebChannel_workspaceId_directKey_key" ON "WebChannel"("workspaceId", "directKey");

-- CreateIndex
CREATE INDEX "WebChannelMember_userId_idx" ON "WebChannelMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "WebMessage_seq_key" ON "WebMessage"("seq");

-- CreateIndex
CREATE INDEX "WebMessage_channelId_threadRootId_seq_idx" ON "WebMessage"("channelId", "threadRootId", "seq");

-- CreateIndex
CREATE INDEX "WebMessage_threadRootId_seq_idx" ON "WebMessage"("threadRootId", "seq");

-- CreateIndex
CREATE INDEX "WebDialog_userId_status_idx" ON "WebDialog"("userId", "status");

-- AddForeignKey
ALTER TABLE "WebAccount" ADD CONSTRAINT "WebAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "PlatformUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebInvite" ADD CONSTRAINT "WebInvite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "WebAccount"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebSession" ADD CONSTRAINT "WebSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "WebAccount"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebChannel" ADD CONSTRAINT "WebChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "PlatformChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebChannelMember" ADD CONSTRAINT "WebChannelMember_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "WebChannel"("channelId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebChannelMember" ADD CONSTRAINT "WebChannelMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "WebAccount"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebMessage" ADD CONSTRAINT "WebMessage_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "WebChannel"("channelId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebMessage" ADD CONSTRAINT "WebMessage_threadRootId_fkey" FOREIGN KEY ("threadRootId") REFERENCES "WebMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebMessage" ADD CONSTRAINT "WebMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "WebAccount"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebMessage" ADD CONSTRAINT "WebMessage_visibleToId_fkey" FOREIGN KEY ("visibleToId") REFERENCES "WebAccount"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebDialog" ADD CONSTRAINT "WebDialog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "WebAccount"("userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebHome" ADD CONSTRAINT "WebHome_userId_fkey" FOREIGN KEY ("userId") REFERENCES "WebAccount"("userId") ON DELETE CASCADE ON UPDATE CASCADE;
