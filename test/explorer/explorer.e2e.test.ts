import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "vite";
// @ts-expect-error: a plain JS script without types
import { serve } from "../../scripts/serve.mjs";

// End to end in headless Chromium (Debian's chromium, driven by playwright-core). .ci/run
// installs chromium when it is missing; on a machine without it these tests are skipped.
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
const root = fileURLToPath(new URL("../../", import.meta.url));

describe.runIf(CHROMIUM !== undefined)("explorer page", () => {
  let browser: Browser;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    await build({ configFile: `${root}explorer/vite.config.ts`, logLevel: "error" });
    server = await serve(`${root}explorer/dist`, 0);
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    page = await browser.newPage({ viewport: { width: 1300, height: 1500 } });
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the binding stave and changes it as delivered power drops", async () => {
    await expect.poll(() => page.getAttribute("#binding", "data-binding")).toBe("memory-bandwidth");
    let binding = "memory-bandwidth";
    for (const power of ["100 kW", "30 kW", "10 kW", "5 kW", "2 kW"]) {
      await page.fill("#field-deliveredPower", power);
      binding = (await page.getAttribute("#binding", "data-binding")) ?? "";
      if (binding !== "memory-bandwidth") break;
    }
    expect(binding).toBe("facility-power");
    expect(await page.textContent("#binding")).toContain("Binding stave: facility-power");
    expect(await page.locator("#staves-chart svg").count()).toBe(1);
    expect(await page.locator("#rate-chart svg").count()).toBe(1);
  });

  it("a lever toggle adds its row to the comparison table", async () => {
    expect(await page.locator('#levers tr[data-lever^="quantization"]').count()).toBe(0);
    await page.check("#lever-fp8");
    await expect.poll(() => page.locator('#levers tr[data-lever^="quantization"]').count()).toBe(1);
    expect(await page.textContent('#levers tr[data-lever^="quantization"]')).toContain("yes");
  });

  it("a bad field value shows the library's message under the field, not a blank page", async () => {
    await page.fill("#field-pue", "0.8");
    await expect.poll(() => page.textContent("#error-pue")).toContain("facility.pue: expected a ratio >= 1");
    expect(await page.locator("#binding").textContent()).not.toBe("");
    await page.fill("#field-pue", "1.2");
    await expect.poll(() => page.textContent("#error-pue")).toBe("");
  });

  it("the scenario JSON round-trips: copy, paste back, and invalid JSON shows the message", async () => {
    await page.click("#copy-json");
    const json = await page.inputValue("#scenario-json");
    const doc = JSON.parse(json) as { accelerator: string; levers?: unknown[] };
    expect(doc.accelerator).toBe("H100-SXM");
    expect(doc.levers).toHaveLength(1);
    await page.fill("#scenario-json", JSON.stringify({ ...doc, accelerator: "B200" }));
    await page.click("#load-json");
    await expect.poll(() => page.inputValue("#field-accelerator")).toBe("B200");
    expect(await page.textContent("#json-error")).toBe("");
    await page.fill("#scenario-json", JSON.stringify({ ...doc, facility: { pue: 0.5 } }));
    await page.click("#load-json");
    await expect.poll(() => page.textContent("#json-error")).toContain("facility.pue: expected a ratio >= 1");
    await page.fill("#scenario-json", "{ not json");
    await page.click("#load-json");
    await expect.poll(() => page.textContent("#json-error")).toContain("malformed JSON");
    mkdirSync(`${root}test-output`, { recursive: true });
    await page.screenshot({ path: `${root}test-output/explorer.png`, fullPage: true });
  });

  it("a scenario in the URL loads back", async () => {
    const doc = { accelerator: "B200", count: 4, model: "qwen3-32b", precision: "bf16", workload: { preset: "8k1k", concurrency: 32 }, facility: { deliveredPower: "50 kW", pue: 1.3 }, utilization: 0.5 };
    await page.goto(`${server.url}#s=${encodeURIComponent(JSON.stringify(doc))}`);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await page.inputValue("#field-model")).toBe("qwen3-32b");
    expect(await page.inputValue("#field-count")).toBe("4");
    expect(await page.textContent("#binding")).toContain("Binding stave:");
  });
});
