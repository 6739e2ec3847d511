-- AlterTable
ALTER TABLE "ExploitableResult" ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "editedById" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "resultsEditedAt" TIMESTAMP(3),
ADD COLUMN     "resultsEditedById" TEXT,
ADD COLUMN     "resultsVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Workshop" ADD COLUMN     "setupEditedAt" TIMESTAMP(3),
ADD COLUMN     "setupEditedById" TEXT,
ADD COLUMN     "setupVersion" INTEGER NOT NULL DEFAULT 0;
