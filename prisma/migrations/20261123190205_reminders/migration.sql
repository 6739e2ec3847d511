-- DropIndex
DROP INDEX "ScheduledJob_workshopId_idx";

-- AlterTable
ALTER TABLE "ScheduledJob" ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "target" TEXT;

-- CreateTable
CREATE TABLE "ReminderSnooze" (
    "workshopId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSnooze_pkey" PRIMARY KEY ("workshopId","personId")
);

-- CreateIndex
CREATE INDEX "ScheduledJob_workshopId_kind_target_idx" ON "ScheduledJob"("workshopId", "kind", "target");

-- AddForeignKey
ALTER TABLE "ReminderSnooze" ADD CONSTRAINT "ReminderSnooze_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSnooze" ADD CONSTRAINT "ReminderSnooze_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
