-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);
