-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "profileReadAt" TIMESTAMP(3);
