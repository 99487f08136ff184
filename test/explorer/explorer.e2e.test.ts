import { existsSync, mkdirSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, preview, type PreviewServer } from "vite";
import { compareLevers, evaluate, parseLevers, parseScenario, siteAnswer } from "../../src/index.js";
import { featuresOf, tenDocuments, type Doc } from "./documents.js";

// End to end in headless Chromium (Debian's chromium, driven by playwright-core), against the
// built page served by `vite preview` — the same server as `npm run explorer`. .ci/run
// installs chromium when it is missing; on a machine without it these tests are skipped.
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find(existsSync);
const root = fileURLToPath(new URL("../../", import.meta.url));
const output = `${root}test-output/`;
const WIDTHS = [360, 390, 768, 1440] as const;

/** Raw numbers the page shows: data-field → data-value. */
const figures = (page: Page): Promise<Record<string, string>> =>
  page.$$eval("[data-field]", (nodes) => Object.fromEntries(nodes.map((n) => [n.getAttribute("data-field")!, n.getAttribute("data-value")!])));

const at = (object: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined), object);

/** Compares every raw number on the page with the library run in Node on the same document. */
const expectSameNumbers = (shown: Record<string, string>, doc: Doc, label: string): number => {
  const parsed = parseScenario(doc);
  const levers = parseLevers(doc.levers);
  if (E.isLeft(parsed) || E.isLeft(levers)) throw new Error(`${label}: the document does not parse`);
  const result = evaluate(parsed.right);
  const site = siteAnswer(parsed.right, { replicas: doc.replicas === undefined ? "fill-site" : "scenario" });
  const rows = new Map(compareLevers(parsed.right, levers.right).map((row) => [row.id, row]));
  let compared = 0;
  for (const [field, raw] of Object.entries(shown)) {
    let expected: unknown;
    if (field.startsWith("levers.")) {
      const id = field.slice("levers.".length, -".outputTokensPerSecond".length);
      expected = rows.get(id)?.outputTokensPerSecond;
    } else {
      const [head, ...rest] = field.split(".");
      expected = head === "site" ? at(site, rest) : at(result, [head!, ...rest]);
    }
    if (typeof expected === "number") {
      const value = Number(raw);
      expect(Math.abs(value - expected), `${label} ${field}: page ${raw}, evaluate ${expected}`).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
    } else {
      expect(raw, `${label} ${field}`).toBe(expected === null || expected === undefined ? "null" : String(expected));
    }
    compared += 1;
  }
  return compared;
};

/** The scenario document the page holds and evaluates (its copy is what `tpf evaluate` gets). */
const pageDocument = async (page: Page): Promise<unknown> => JSON.parse((await page.getAttribute("#results", "data-document")) ?? "null");

const waitForDocument = (page: Page, doc: Doc) =>
  page.waitForFunction((expected) => document.querySelector("#results")?.getAttribute("data-document") === expected, JSON.stringify(doc), { timeout: 30_000 });

const get = (url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> =>
  new Promise((resolve, reject) => {
    const req = request(url, { headers }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    req.on("error", reject);
    req.end();
  });

describe.runIf(CHROMIUM !== undefined)("explorer page", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: PreviewServer;
  let url: string;
  const consoleErrors: string[] = [];

  const watch = (p: Page): Page => {
    p.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    p.on("pageerror", (error) => consoleErrors.push(error.message));
    return p;
  };

  beforeAll(async () => {
    mkdirSync(output, { recursive: true });
    await build({ configFile: `${root}explorer/vite.config.ts`, logLevel: "error" });
    server = await preview({ configFile: `${root}explorer/vite.config.ts`, preview: { port: 0, strictPort: false }, logLevel: "error" });
    url = server.resolvedUrls!.local[0]!;
    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = watch(await context.newPage());
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the server: 400 for a malformed URI without dying, gzip, a favicon", async () => {
    expect((await get(`${url}50%`)).status).toBe(400);
    expect((await get(`${url}%E0%A4%A`)).status).toBe(400);
    expect((await get(url)).status).toBe(200);
    const html = await page.content();
    const script = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await get(`${url}${script}`, { "accept-encoding": "gzip" });
    expect(js.status).toBe(200);
    expect(js.headers["content-encoding"]).toBe("gzip");
    expect((await get(`${url}favicon.svg`)).status).toBe(200);
  });

  it("lays out from 360 px up: every visible element inside the viewport, nothing clipped by overflow-x, results first on a phone", async () => {
    for (const width of WIDTHS) {
      const p = watch(await context.newPage());
      await p.setViewportSize({ width, height: 900 });
      await p.goto(url);
      await p.waitForSelector("body[data-charts]", { timeout: 30_000 });
      const report = await p.evaluate(() => {
        const viewport = document.documentElement.clientWidth;
        const outside: string[] = [];
        const clipped: string[] = [];
        const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.getAttribute("class") ? `.${e.getAttribute("class")}` : ""}`;
        for (const element of document.querySelectorAll("body *")) {
          const style = getComputedStyle(element);
          if (style.display === "none" || style.visibility === "hidden") continue;
          const box = element.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          if (box.left < -0.5 || box.right > viewport + 0.5) outside.push(`${name(element)} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
          if ((style.overflowX === "hidden" || style.overflowX === "clip") && element.scrollWidth > element.clientWidth + 1) clipped.push(name(element));
        }
        for (const element of [document.documentElement, document.body]) {
          const overflow = getComputedStyle(element).overflowX;
          if (overflow === "hidden" || overflow === "clip") clipped.push(element.tagName);
        }
        const top = (id: string) => document.getElementById(id)!.getBoundingClientRect().top;
        return { viewport, checked: document.querySelectorAll("body *").length, scrollWidth: document.documentElement.scrollWidth, outside, clipped, resultsFirst: top("results") < top("inputs") };
      });
      expect(report.checked, `${width} px: elements checked`).toBeGreaterThan(300);
      expect(report.outside, `${width} px`).toEqual([]);
      expect(report.clipped, `${width} px`).toEqual([]);
      expect(report.scrollWidth, `${width} px`).toBeLessThanOrEqual(report.viewport);
      if (width < 900) expect(report.resultsFirst, `${width} px: results before the form`).toBe(true);
      await p.screenshot({ path: `${output}explorer-${width}.png`, fullPage: true });
      await p.close();
    }
  });

  it("ten seeded documents round-trip exactly through the URL and through Load: the page's numbers are evaluate's", async () => {
    const docs = tenDocuments();
    expect(docs).toHaveLength(10);
    const seen = new Map<string, number>();
    for (const doc of docs) for (const feature of featuresOf(doc)) seen.set(feature, (seen.get(feature) ?? 0) + 1);
    for (const feature of ["custom workload", "precision set", "accelerator override", "model override", "lever combination", "facility fields", "replicas"]) {
      expect(seen.get(feature) ?? 0, feature).toBeGreaterThanOrEqual(2);
    }
    let compared = 0;
    for (const [i, doc] of docs.entries()) {
      // Through the URL: a fresh load of the page with the document in its address (the query
      // makes each a real navigation, not a same-document hash change).
      await page.goto(`${url}?load=${i}#s=${encodeURIComponent(JSON.stringify(doc))}`);
      await waitForDocument(page, doc);
      expect(await pageDocument(page), `document ${i} via URL`).toEqual(doc);
      compared += expectSameNumbers(await figures(page), doc, `document ${i} via URL`);
      expect(JSON.parse(await page.inputValue("#scenario-json")), `document ${i}: the box shows it`).toEqual(doc);
      expect(await page.textContent("#banner")).toBe("");
      // What the form cannot show is listed under Advanced.
      const hidden = await page.$$eval("#advanced-list li", (items) => items.map((li) => li.getAttribute("data-path")));
      if (featuresOf(doc).has("custom workload")) expect(hidden).toContain("workload.inputTokens");
      if (featuresOf(doc).has("lever combination")) expect(hidden.some((p) => p?.startsWith("levers."))).toBe(true);
      // Through Load: the next document replaces this one whole (nothing of this one may stay).
      const next = docs[(i + 1) % docs.length]!;
      await page.fill("#scenario-json", JSON.stringify(next));
      await page.click("#load-json");
      await waitForDocument(page, next);
      expect(await pageDocument(page), `document ${(i + 1) % docs.length} via Load`).toEqual(next);
      expect(decodeURIComponent(new URL(page.url()).hash.replace(/^#s=/, ""))).toBe(JSON.stringify(next));
      compared += expectSameNumbers(await figures(page), next, `document ${(i + 1) % docs.length} via Load`);
    }
    // Each document shows at least the two modes' rates, bindings and six ceilings.
    expect(compared).toBeGreaterThan(10 * 2 * 20);
  });

  it("editing one field keeps everything the form cannot show, and never overwrites the user's unloaded JSON", async () => {
    // The issue's case: fp8 weights with fp32 compute and a custom 2000/500 workload.
    const doc: Doc = { accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: { weights: "fp8", compute: "fp32" }, workload: { inputTokens: 2000, outputTokens: 500, concurrency: 64 }, facility: { deliveredPower: "1 MW", pue: 1.2 }, levers: [[{ kind: "kv-compression", ratio: 4 }, { kind: "facility", pue: 1.1 }]] };
    await page.goto(`${url}?edit`);
    await page.waitForSelector("body[data-ready=true]");
    await page.fill("#scenario-json", JSON.stringify(doc));
    await page.click("#load-json");
    await waitForDocument(page, doc);
    // The binding stave the library gives for this document (fp32 matmuls on CUDA cores cost
    // ~15× bf16's energy per FLOP, so the 700 W limit may bind before the fp32 peak does).
    const parsedDoc = parseScenario(doc);
    if (E.isLeft(parsedDoc)) throw new Error("the issue's document does not parse");
    expect(await page.getAttribute("#binding", "data-binding")).toBe(evaluate(parsedDoc.right).estimate.binding);
    await page.fill("#field-pue", "1.3");
    const edited = { ...doc, facility: { deliveredPower: "1 MW", pue: 1.3 } };
    await waitForDocument(page, edited);
    expectSameNumbers(await figures(page), edited, "after editing PUE");
    expect(await page.getAttribute("#binding", "data-binding")).toBe(evaluate(parsedDoc.right).estimate.binding);
    expect(await page.$$eval("#advanced-list li", (items) => items.map((li) => li.getAttribute("data-path")))).toEqual(["precision.compute", "workload.inputTokens", "workload.outputTokens", "levers.0"]);
    // Text typed in the box and not loaded survives a form edit; the page says it is not loaded.
    await page.fill("#scenario-json", "{ \"half\": ");
    await page.fill("#field-pue", "1.25");
    await waitForDocument(page, { ...doc, facility: { deliveredPower: "1 MW", pue: 1.25 } });
    expect(await page.inputValue("#scenario-json")).toBe("{ \"half\": ");
    expect(await page.locator("#json-dirty").isVisible()).toBe(true);
    await page.click("#revert-json");
    expect(JSON.parse(await page.inputValue("#scenario-json"))).toEqual({ ...doc, facility: { deliveredPower: "1 MW", pue: 1.25 } });
  });

  it("a new #s= in an open tab loads without a reload", async () => {
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const doc: Doc = { accelerator: "B200", count: 4, model: "qwen3-32b", precision: { weights: "fp8", compute: "fp8" }, workload: { inputTokens: 2000, outputTokens: 500, concurrency: 32 }, facility: { deliveredPower: "50 kW", pue: 1.3 }, utilization: 0.5 };
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `s=${encodeURIComponent(JSON.stringify(doc))}`);
    await waitForDocument(page, doc);
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.inputValue("#field-model")).toBe("qwen3-32b");
    expect(await page.inputValue("#field-workload")).toBe("custom");
    expectSameNumbers(await figures(page), doc, "hash change");
  });

  it("a bad link shows its error at the top, keeps the link and its text, and says what the results show", async () => {
    const bad = { accelerator: "H100-SXM", count: 8, model: "llama-3.1-70b", precision: "fp8", workload: "chat", facility: { deliveredPower: "1 MW", pue: 0.8 } };
    const hash = `#s=${encodeURIComponent(JSON.stringify(bad))}`;
    await page.goto(`${url}?bad${hash}`);
    await page.waitForSelector("body[data-ready=true]");
    const banner = page.locator("#banner");
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain("facility.pue: expected a ratio in [1, 10], got 0.8");
    expect(await banner.textContent()).toContain("default scenario");
    const bannerTop = (await banner.boundingBox())!.y;
    const resultsTop = (await page.locator("#results").boundingBox())!.y;
    expect(bannerTop).toBeLessThan(resultsTop);
    expect(new URL(page.url()).hash).toBe(hash);
    expect(JSON.parse(await page.inputValue("#scenario-json"))).toEqual(bad);
    await page.screenshot({ path: `${output}explorer-bad-link.png` });
    // Malformed JSON in a link: the same, with the parser's message.
    await page.evaluate(() => {
      location.hash = "s=%7B%20not%20json";
    });
    await expect.poll(() => banner.textContent()).toContain("malformed JSON");
    expect(await page.inputValue("#scenario-json")).toBe("{ not json");
    // The user's own unloaded text in the box is never replaced by a bad link's.
    await page.fill("#scenario-json", "my notes");
    await page.evaluate(() => {
      location.hash = "s=%7B%7D";
    });
    await expect.poll(() => banner.textContent()).toContain("your own unloaded text");
    expect(await page.inputValue("#scenario-json")).toBe("my notes");
  });

  it("the power slider follows the text field on a log scale; TPOT without a unit is ms", async () => {
    await page.goto(`${url}?slider`);
    await page.waitForSelector("body[data-ready=true]");
    await page.fill("#field-deliveredPower", "10 kW");
    expect(Number(await page.inputValue("#slider-deliveredPower"))).toBeCloseTo(4, 6);
    await page.focus("#slider-deliveredPower");
    await page.keyboard.press("ArrowRight");
    // One step is 0.01 decade: 10 kW × 10^0.01 ≈ 10.2 kW, not 1,120,000 W.
    expect(await page.inputValue("#field-deliveredPower")).toBe("10.2 kW");
    const doc = (await pageDocument(page)) as { facility: { deliveredPower: string }; targets: { tpot: string } };
    expect(doc.facility.deliveredPower).toBe("10.2 kW");
    await page.fill("#field-tpot", "50");
    await expect.poll(async () => ((await pageDocument(page)) as { targets: { tpot: string } }).targets.tpot).toBe("50 ms");
    expect(await page.textContent(".field[data-field-name=tpot] .unit")).toBe("ms");
  });

  it("an input error shows under its own field and marks the old results stale", async () => {
    await page.fill("#field-concurrency", "0");
    await expect.poll(() => page.textContent("#error-concurrency")).toContain("workload.concurrency");
    expect(await page.textContent("#error-workload")).toBe("");
    expect(await page.getAttribute("#results", "data-stale")).toBe("true");
    expect(await page.locator("#stale-note").isVisible()).toBe(true);
    await page.screenshot({ path: `${output}explorer-stale.png` });
    await page.fill("#field-concurrency", "64");
    await expect.poll(() => page.getAttribute("#results", "data-stale")).toBe("false");
  });

  it("a lever toggle adds its row; the binding stave changes as delivered power drops", async () => {
    await page.check("#lever-fp8");
    await expect.poll(() => page.locator('#levers tr[data-lever^="quantization"]').count()).toBe(1);
    await page.fill("#field-deliveredPower", "2 kW");
    await expect.poll(() => page.getAttribute("#binding", "data-binding")).toBe("facility-power");
    await page.waitForSelector("#staves-chart svg");
    expect(await page.locator("#staves-chart svg").count()).toBe(1);
  });

  it("shows where the energy at the meter goes: idle, active, dynamic, hosts, cooling and distribution, summing to 1", async () => {
    await page.waitForSelector("#energy-shares .share");
    const values = await page.$$eval("#energy-shares .share", (spans) => spans.map((s) => Number(s.getAttribute("data-value"))));
    expect(values).toHaveLength(5);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it("an infeasible scenario keeps its binding stave in the staves chart", async () => {
    await page.fill("#field-tpot", "1 ms");
    await expect.poll(() => page.textContent("#status")).toContain("Infeasible");
    await expect.poll(() => page.locator("#staves-chart svg text", { hasText: "binding (infeasible)" }).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: `${output}explorer-infeasible.png`, fullPage: true });
  });

  it("reports the median time to the first chart over 5 loads", async () => {
    const times: number[] = [];
    const numbers: number[] = [];
    for (let i = 0; i < 5; i++) {
      // A fresh context each time: empty cache, as a first visit.
      const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const p = watch(await fresh.newPage());
      await p.goto(url);
      await p.waitForSelector("#staves-chart svg", { timeout: 30_000 });
      const [numbersAt, chartAt] = await p.evaluate(() => ["first-numbers", "first-chart"].map((mark) => performance.getEntriesByName(mark)[0]!.startTime));
      numbers.push(numbersAt!);
      times.push(chartAt!);
      await fresh.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
    console.log(
      `explorer: first chart after ${Math.round(median(times))} ms, numbers after ${Math.round(median(numbers))} ms ` +
        `(medians of 5 cold loads at 1440 px; first chart: ${times.map(Math.round).join(", ")} ms)`,
    );
    expect(median(numbers)).toBeLessThan(median(times));
  });

  it("no console errors on any page", () => {
    expect(consoleErrors).toEqual([]);
  });
});
