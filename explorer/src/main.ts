// The explorer page. The scenario document is the state: the form edits single paths of it,
// Load and links replace it whole, and every number is `evaluate` (and `siteAnswer`) of it.
import * as E from "fp-ts/lib/Either.js";
import { compareLevers, evaluate, parseLevers, parseScenario, replicaSourceOf, siteAnswer, type ScenarioIssue } from "../../src/index.js";
import { preloadUnits } from "../../src/units/index.js";
import { linkOf, linkedText } from "./address.js";
import { hiddenEntries } from "./advanced.js";
import { followResizes, redraw } from "./charts.js";
import { byId, h } from "./dom.js";
import { FIELDS, fieldOwning } from "./fields.js";
import { buildForm, fillForm, showDefaults, type Edit } from "./form.js";
import { renderEnergy, renderEnergyShares, renderGiven, renderLevers, renderSite } from "./results.js";
import { DEFAULT_DOCUMENT, copyOf, isObject, valueAt, type ScenarioDocument } from "./scenarioDocument.js";

/** The document in force: exactly what was loaded or typed. */
let current: ScenarioDocument = copyOf(DEFAULT_DOCUMENT);
/** True while the JSON box holds text that is not loaded. */
let boxDirty = false;
/** True while that text is a failed link's, not the user's own (a later link may replace it). */
let boxHoldsLink = false;
/** Set while a bad link's text waits in the box: the address stays as the user gave it. */
let keepAddress = false;
/** The hash the page itself last wrote (replaceState fires no hashchange; this is a guard). */
let ownHash = "";
/** Whether any scenario has been shown yet. */
let shown = false;

const box = byId<HTMLTextAreaElement>("scenario-json");
const pretty = (doc: ScenarioDocument): string => JSON.stringify(doc, null, 2);

// ---- messages ----------------------------------------------------------------------------

const showBanner = (text: string): void => {
  const banner = byId("banner");
  banner.textContent = text;
  banner.hidden = text === "";
};

const issueText = (issue: ScenarioIssue): string => `${issue.path === "" ? "scenario" : issue.path}: ${issue.message}`;

/** Marks the results stale (or fresh): greyed, with a note, and `data-stale` for machines. */
const markStale = (stale: boolean): void => {
  byId("results").dataset.stale = String(stale);
  byId("stale-note").hidden = !stale;
};

/** Puts each issue under its field and the rest in the status line. */
const showIssues = (issues: readonly ScenarioIssue[]): void => {
  const loose: string[] = [];
  for (const issue of issues) {
    const field = fieldOwning(issue.path);
    if (field === undefined) loose.push(issueText(issue));
    else byId(`error-${field.name}`).textContent = issueText(issue);
  }
  byId("status").textContent = loose.join("\n");
};

// ---- the JSON box, the address, the advanced panel ----------------------------------------

const setBoxDirty = (dirty: boolean): void => {
  boxDirty = dirty;
  boxHoldsLink = false;
  byId("json-dirty").hidden = !dirty;
};

/** The box follows the document unless it holds the user's own unloaded edits. */
const syncBox = (): void => {
  if (!boxDirty) box.value = pretty(current);
};

const syncAddress = (): void => {
  if (keepAddress) return;
  ownHash = linkOf(current);
  if (location.hash !== ownHash) history.replaceState(null, "", ownHash);
};

const renderAdvanced = (doc: ScenarioDocument): void => {
  const entries = hiddenEntries(doc);
  byId("advanced-summary").textContent =
    entries.length === 0 ? "Advanced: nothing beyond the form" : `Advanced: ${entries.length} more field${entries.length === 1 ? "" : "s"} in this scenario`;
  byId("advanced-list").replaceChildren(
    ...entries.map((entry) =>
      h("li", { "data-path": entry.path }, h("code", {}, entry.path), " = ", h("code", { class: "json" }, JSON.stringify(entry.value)), entry.note === undefined ? null : ` (${entry.note})`),
    ),
  );
  const details = byId<HTMLDetailsElement>("advanced");
  if (entries.length > 0) details.open = true;
};

// ---- evaluation ----------------------------------------------------------------------------

/** Evaluates the current document and shows it, or shows why it can't be (old results stale). */
const update = (): void => {
  for (const field of FIELDS) byId(`error-${field.name}`).textContent = "";
  renderAdvanced(current);
  syncBox();
  const parsed = parseScenario(current);
  const levers = parseLevers(valueAt(current, "levers"));
  if (E.isLeft(parsed) || E.isLeft(levers)) {
    showIssues([...(E.isLeft(parsed) ? parsed.left.issues : []), ...(E.isLeft(levers) ? levers.left : [])]);
    markStale(true);
    return;
  }
  markStale(false);
  const scenario = parsed.right;
  const result = evaluate(scenario);
  const answer = siteAnswer(scenario, { replicas: replicaSourceOf(current) });
  showDefaults(scenario);
  renderSite(answer, scenario);
  renderGiven(result, scenario);
  renderEnergy(result);
  renderEnergyShares(result);
  renderLevers(compareLevers(scenario, levers.right));
  byId("status").textContent = result.estimate.feasible ? "" : `Infeasible: ${result.estimate.infeasibleReason ?? "no output"}`;
  byId("results").dataset.document = JSON.stringify(current);
  syncAddress();
  shown = true;
  if (performance.getEntriesByName("first-numbers").length === 0) performance.mark("first-numbers");
  redraw(scenario, result);
};

/** A form edit: one path of the document changes. */
const edit = (change: Edit): void => {
  current = change(current);
  keepAddress = false;
  update();
};

// ---- loading whole documents -------------------------------------------------------------

/** Replaces the whole scenario with a document, or says why not (at the top for links). */
const load = (text: string, source: "link" | "box"): boolean => {
  const fail = (message: string): false => {
    if (source === "link") {
      const what = shown ? "the scenario that was on the page before" : "the default scenario";
      const where = boxDirty && !boxHoldsLink
        ? "Its text is in the address; your own unloaded text in the Scenario JSON box was left as it was."
        : "Its text is in the Scenario JSON box below; fix it and press Load.";
      showBanner(`This link's scenario was not loaded — ${message}. ${where} The results show ${what}.`);
    } else byId("json-error").textContent = message;
    return false;
  };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fail(`scenario: malformed JSON (${error instanceof Error ? error.message : "parse error"})`);
  }
  if (!isObject(doc)) return fail("scenario: expected a JSON object");
  const parsed = parseScenario(doc);
  const levers = parseLevers(doc.levers);
  const issues = [...(E.isLeft(parsed) ? parsed.left.issues : []), ...(E.isLeft(levers) ? levers.left : [])];
  if (issues.length > 0) return fail(issues.map(issueText).join("; "));
  current = copyOf(doc);
  keepAddress = false;
  showBanner("");
  byId("json-error").textContent = "";
  setBoxDirty(false);
  fillForm(current);
  update();
  return true;
};

/**
 * Loads the address's scenario. On failure the address stays as given and its text waits in
 * the box — unless the box holds the user's own unloaded edits, which are never overwritten.
 */
const loadLink = (): boolean => {
  const text = linkedText(location.hash);
  if (text === null) return false;
  const ownEdits = boxDirty && !boxHoldsLink;
  if (load(text, "link")) return true;
  keepAddress = true;
  if (ownEdits) return false;
  box.value = text;
  setBoxDirty(true);
  boxHoldsLink = true;
  return false;
};

// ---- start -------------------------------------------------------------------------------

const start = async (): Promise<void> => {
  await preloadUnits();
  buildForm(byId<HTMLFormElement>("inputs"), edit);
  byId("copy-json").addEventListener("click", () => {
    const text = pretty(current);
    setBoxDirty(false);
    box.value = text;
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  });
  byId("load-json").addEventListener("click", () => load(box.value, "box"));
  byId("revert-json").addEventListener("click", () => {
    setBoxDirty(false);
    byId("json-error").textContent = "";
    syncBox();
  });
  box.addEventListener("input", () => setBoxDirty(box.value !== pretty(current)));
  window.addEventListener("hashchange", () => {
    if (location.hash !== ownHash) loadLink();
  });
  followResizes();
  if (!loadLink()) {
    fillForm(current);
    update();
  }
  document.body.dataset.ready = "true";
};

start().catch((error: unknown) => {
  showBanner(`The explorer failed to start: ${error instanceof Error ? error.message : String(error)}`);
});
