-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "awardsRevealed" INTEGER NOT NULL DEFAULT 0;

-- Events decided before the reveal existed: their groups have already seen their outcomes,
-- so count every step as shown (the reveal clamps the count to the steps there are).
UPDATE "Event" SET "awardsRevealed" = 1000 WHERE "state" = 'DECIDED';
