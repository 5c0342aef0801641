import "dotenv/config";
// `npm run db:seed`: idempotent demo data — accounts, then the catalog, then Redis made to agree with
// PostgreSQL for every seeded product (the stock tier's own loader, forced, since sale windows moved).
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { stockGate } from "@/lib/stock/gate";
import { loadSeededStock, seedCatalog } from "./seed/catalog";
import { seedUsers } from "./seed/users";

async function main() {
  const { sellerId } = await seedUsers(db);
  console.log(`seeded demo users (seller ${sellerId})`);
  const productIds = await seedCatalog(db, sellerId, clock.nowMs());
  console.log(`seeded ${productIds.length} products`);
  const gate = stockGate();
  // The PostgreSQL-only mode (STOCK_STORE=postgres) has no Redis to load: PostgreSQL is the stock.
  if (gate.mode === "redis") {
    await loadSeededStock(gate.store, productIds);
    console.log(`loaded stock of ${productIds.length} products into Redis`);
  }
  await gate.close();
}

main()
  .then(() => db.$disconnect())
  .then(() => process.exit(0))
  .catch(async (err) => {
    console.error(err);
    await db.$disconnect();
    process.exit(1);
  });
