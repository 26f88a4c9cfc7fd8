// Browser test of the dashboard: Debian's headless chromium, driven by playwright-core, against a
// live `dyad serve --demo` whose address scripts/browser-test passes in DYAD_URL. Run by
// scripts/browser-test (and so by scripts/test and CI), with node's own test runner.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const url = process.env.DYAD_URL;
const executablePath = process.env.DYAD_CHROMIUM || "/usr/bin/chromium";
// Each wait is bounded, so that a broken page fails in seconds with the step that broke.
const STEP_MS = 15000;

let browser, page;
const pageErrors = [];

before(async () => {
  assert.ok(url, "DYAD_URL is not set (run scripts/browser-test)");
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"], timeout: STEP_MS });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(STEP_MS);
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") pageErrors.push(message.text()); });
  await page.goto(url, { waitUntil: "load" });
});

after(async () => { await browser?.close(); });

test("the weekly chart draws bars and the Goldstein line", async () => {
  await page.waitForSelector("#chart svg[data-rows]", { state: "attached" });
  const bars = await page.locator("#chart rect.bar").count();
  assert.ok(bars > 0, "the chart has no bars");
  const rows = Number(await page.locator("#chart svg").getAttribute("data-rows"));
  assert.ok(rows > 0, "the chart has no weeks");
  assert.equal(await page.locator("#chart polyline.goldstein").count(), 1, "no Goldstein line");
  const status = await page.locator("#status").textContent();
  assert.equal(status, "", `the page reported an error: ${status}`);
});

test("a click on an event shows its sentence with the verb and actors highlighted", async () => {
  const first = page.locator("#events tbody tr").first();
  await first.waitFor();
  const listed = await first.locator("td").last().textContent();
  await first.click();
  const verb = page.locator("#detail .mention mark.verb").first();
  await verb.waitFor();
  const sentence = await page.locator("#detail .mention .sentence").first().textContent();
  const verbText = await verb.textContent();
  assert.ok(verbText.trim().length > 0, "empty verb highlight");
  assert.ok(sentence.includes(verbText), "the highlighted verb is not in the sentence");
  // The table shows the start of the same sentence the detail shows in full.
  assert.ok(sentence.startsWith(listed.replace(/…$/, "")), `detail "${sentence}" is not the listed "${listed}"`);
  assert.ok(await page.locator("#detail mark.source").count() > 0, "no source highlight");
  assert.match(await page.locator("#detail .rule").first().textContent(), /rule \S+:\d+/, "the rule is not shown");
  assert.equal(await page.locator("#events tbody tr.selected").count(), 1, "the clicked row is not marked");
});

test("the map draws located events over the land and a click on one filters the table", async () => {
  // Every actor: the sample articles' located events all show.
  await page.fill("#actor", "");
  await page.click("#show");
  await page.waitForFunction(() => document.querySelectorAll("#map circle.place").length > 0);
  assert.equal(await page.locator("#map path.land").count(), 1, "no land outline");
  const circles = page.locator("#map circle.place");
  const counts = await circles.evaluateAll((all) => all.map((c) => Number(c.getAttribute("data-events"))));
  const biggest = counts.indexOf(Math.max(...counts));
  const circle = circles.nth(biggest);
  const name = await circle.getAttribute("data-name");
  const events = Number(await circle.getAttribute("data-events"));
  const allRows = await page.locator("#events tbody tr").count();
  await circle.click();
  await page.locator("#place-filter").getByText(`at ${name}`).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll("#events tbody tr").length === n, Math.min(events, 50));
  assert.ok(events < allRows, `the filter should narrow ${allRows} rows (${name} has ${events})`);
  // The first listed event is located at the clicked place.
  await page.locator("#events tbody tr").first().click();
  await page.locator("#detail .mention").first().waitFor();
  const id = await page.locator("#events tbody tr").first().getAttribute("data-id");
  const detail = await page.evaluate(async (id) => (await fetch(`/api/events/${id}`)).json(), id);
  assert.equal(detail.location?.name, name);
  await page.locator("#place-filter button").click();
  await page.waitForFunction((n) => document.querySelectorAll("#events tbody tr").length === n, allRows);
});

test("the page raised no script errors", () => {
  assert.deepEqual(pageErrors, []);
});
