// The states each page is checked in (axe, phone layout, screenshots): the
// default screen and the result states a candidate reaches — blocked,
// expired, with errors, and the console with 300 codes loaded.

const simulatePurchase = async (page, { paid, now, status = "none", exam, online = "1200.00" }) => {
  await page.getByTestId("simulate").check();
  await page.getByTestId("paid-at").fill(paid);
  await page.getByTestId("pay-online").fill(online);
  await page.getByTestId("status").selectOption(status);
  if (exam) await page.getByTestId("exam-at").fill(exam);
  await page.getByTestId("now").fill(now);
};

/** The same page opened from a link with `query` (its language kept). */
const openLink = async (page, query) => {
  const url = new URL(page.url());
  await page.goto(`${url.origin}${url.pathname}?${query}&lang=${url.searchParams.get("lang") ?? "zh-CN"}`);
  await page.waitForSelector("body[data-ready=true]");
};

/** The state each page's screenshot shows: its default, or the one named here. */
export const SHOWN = { console: "300 codes" };

/** page → [[state name, async (page) => void], …]; "default" first, applied in order on one page. */
export const STATES = {
  index: [["default", async () => {}]],
  purchase: [
    ["default", async () => {}],
    // Booked, past the change window: the refund is blocked and the booking locked.
    ["blocked", (p) => simulatePurchase(p, { paid: "2026-11-21T10:00", now: "2026-11-24T10:00:00", status: "booked", exam: "2026-11-25T09:00" })],
    // An exam after the order's validity.
    ["expired", (p) => simulatePurchase(p, { paid: "2025-11-21T10:00", now: "2026-11-01T10:00:00", status: "booked", exam: "2026-12-20T09:00" })],
    ["errors", (p) => simulatePurchase(p, { paid: "2026-11-21T10:00", now: "2026-11-22T10:00:00", online: "12.345" })],
    // A link whose time cannot be read, and a booking without its exam time: refused beside the fields.
    ["errors: refused link", (p) => openLink(p, "paid_at=yesterday&status=booked&certification=nope")],
  ],
  booking: [
    ["default", async () => {}],
    ["expired", async (p) => {
      await p.getByTestId("simulate").check();
      await p.getByTestId("paid-at").fill("2025-11-21T10:00");
      await p.getByTestId("exam-date").fill("2026-12-20");
      await p.getByTestId("now").fill("2026-11-01T10:00:00");
    }],
    ["errors", async (p) => {
      await p.getByTestId("id_number").fill("11010519491231002");
      await p.getByTestId("phone").fill("12345");
      await p.getByTestId("email").fill("a@b");
      await p.getByTestId("surname").fill("Li1");
    }],
    ["errors: refused link", (p) => openLink(p, "paid_at=2026-11-21T10:00&exam_at=2026-02-30T09:00&flow=x")],
  ],
  certificates: [
    ["default", async () => {}],
    ["expired", async (p) => {
      await p.getByTestId("today").fill("2026-11-26");
      await p.locator("#passes input").first().fill("2020-01-10");
    }],
  ],
  practitioner: [
    ["default", async () => {}],
    ["errors", async (p) => {
      await p.getByTestId("new-score").fill("101");
      await p.getByTestId("add-attempt").click();
    }],
  ],
  training: [
    ["default", async () => {}],
    ["blocked", async (p) => {
      await p.getByTestId("today").fill("2026-11-26");
      await p.getByTestId("class-start").fill("2026-11-27");
    }],
    ["errors", async (p) => { await p.getByTestId("paid").fill("abc"); }],
  ],
  console: [
    ["default", async () => {}],
    ["300 codes", async (p) => {
      await p.getByTestId("sample-n").fill("300");
      const loads = Number(await p.evaluate(() => document.body.dataset.loads ?? 0));
      await p.getByTestId("sample").click();
      await p.waitForFunction((n) => Number(document.body.dataset.loads ?? 0) > n, loads);
    }],
  ],
  catalogue: [["default", async () => {}]],
};
