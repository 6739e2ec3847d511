-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "labelByFacilitator" BOOLEAN NOT NULL DEFAULT false;
