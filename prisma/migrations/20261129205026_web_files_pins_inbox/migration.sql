-- AlterTable
ALTER TABLE "WebMessage" ADD COLUMN     "awaitingBot" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pinnedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "WebFile" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebFile_messageId_idx" ON "WebFile"("messageId");

-- CreateIndex
CREATE INDEX "WebMessage_awaitingBot_seq_idx" ON "WebMessage"("awaitingBot", "seq");

-- AddForeignKey
ALTER TABLE "WebFile" ADD CONSTRAINT "WebFile_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "WebMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;
