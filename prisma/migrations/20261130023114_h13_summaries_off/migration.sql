-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "summariesOff" BOOLEAN NOT NULL DEFAULT false;
