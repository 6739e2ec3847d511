-- AlterTable
ALTER TABLE "FollowUpRound" ADD COLUMN     "itemIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
