import { expect } from "chai";
import fc from "fast-check";
import { createCollection, MAX_BATCH_ITEMS } from "../../../../lib/resources/collections/index.js";
import { FakeBucket, keysOf, Router } from "./fakeS3.js";
import { keysFrom, objectsSource } from "./sources.js";

/** The server's page size when a request names none, and its cap (S3's 1,000, scaled down). */
const SERVER_PAGE = 7;

const plans = fc.record({
  total: fc.integer({ min: 0, max: 40 }),
  limit: fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined }),
  pageSize: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
});

describe("collection properties", function () {
  // Thousands of keys through the SDK's XML (de)serializers: seconds on a loaded machine.
  this.timeout(20_000);

  // One client for every run: building a session's client class costs more than a run.
  const router = new Router();

  it("limit and pageSize give the first min(limit, total) items in order, in ceil(n / page) requests", async () => {
    await fc.assert(
      fc.asyncProperty(plans, async ({ total, limit, pageSize }) => {
        const bucket = (router.bucket = new FakeBucket(keysOf(total), { defaultPageSize: SERVER_PAGE }));
        let collection = createCollection(objectsSource(router.client));
        if (limit !== undefined) collection = collection.limit(limit);
        if (pageSize !== undefined) collection = collection.pageSize(pageSize);

        const wanted = Math.min(limit ?? Infinity, total);
        expect(await keysFrom(collection)).to.deep.equal(keysOf(wanted));

        const page = Math.min(pageSize ?? SERVER_PAGE, SERVER_PAGE);
        const requests = limit === 0 ? 0 : Math.max(1, Math.ceil(wanted / page));
        expect(bucket.lists).to.have.length(requests);

        // Each request asks for min(pageSize, what the limit still needs), or names no size at all.
        let remaining = limit ?? Infinity;
        for (const request of bucket.lists) {
          const asked = Math.min(pageSize ?? Infinity, remaining);
          expect(request.query["max-keys"]).to.equal(asked === Infinity ? undefined : String(asked));
          remaining -= Math.min(asked, SERVER_PAGE);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a batch action covers every item once, in order, in requests of at most 1,000", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3200 }),
        fc.integer({ min: 150, max: 1500 }),
        fc.integer({ min: 1, max: 5 }),
        async (total, serverPage, concurrency) => {
          const bucket = (router.bucket = new FakeBucket(keysOf(total), { defaultPageSize: serverPage }));
          const result = await createCollection(objectsSource(router.client)).delete(undefined, {
            concurrency,
          });
          const full = Math.floor(total / MAX_BATCH_ITEMS);
          const rest = total % MAX_BATCH_ITEMS;
          const expected = [...Array<number>(full).fill(MAX_BATCH_ITEMS), ...(rest > 0 ? [rest] : [])];
          // Requests in flight together may reach the server in any order; outputs keep request order.
          expect(result.outputs.map((o) => o.Deleted?.length)).to.deep.equal(expected);
          expect(result.outputs.flatMap((o) => o.Deleted?.map((d) => d.Key))).to.deep.equal(keysOf(total));
          expect(bucket.deletes.flatMap((r) => r.keys).sort()).to.deep.equal(keysOf(total));
          expect(result.items).to.equal(total);
        },
      ),
      { numRuns: 12 },
    );
  });
});
