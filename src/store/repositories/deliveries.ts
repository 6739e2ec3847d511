import type { PrismaClient } from "../../generated/prisma/client.ts";

/** Remembers handled deliveries so a retried or double-sent request changes nothing the second time. */
export function deliveryRepository(prisma: PrismaClient) {
  return {
    /** True the first time a key is seen, false for every repeat (atomic, safe across replicas). */
    async firstTime(key: string): Promise<boolean> {
      const { count } = await prisma.processedDelivery.createMany({ data: [{ key }], skipDuplicates: true });
      return count === 1;
    },

    /** True when the key has been seen (without recording it). */
    async seen(key: string): Promise<boolean> {
      return (await prisma.processedDelivery.count({ where: { key } })) > 0;
    },

    async forgetOlderThan(cutoff: Date): Promise<number> {
      const { count } = await prisma.processedDelivery.deleteMany({ where: { createdAt: { lt: cutoff } } });
      return count;
    },
  };
}
