-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "openSlot" BOOLEAN DEFAULT true;

-- Closed workshops hold no slot. Where a workspace already has several open ones (the takeover this prevents), the
-- newest keeps the slot, as `current` chose it until now, and the others stay readable by id.
UPDATE "Workshop" AS w SET "openSlot" = NULL
WHERE w."phase" = 'closed'
   OR EXISTS (
     SELECT 1 FROM "Workshop" AS newer
     WHERE newer."workspaceId" = w."workspaceId" AND newer."phase" <> 'closed'
       AND (newer."createdAt", newer."id") > (w."createdAt", w."id")
   );

-- CreateIndex
CREATE UNIQUE INDEX "Workshop_workspaceId_openSlot_key" ON "Workshop"("workspaceId", "openSlot");
