import { VERSION } from "../version.js";

/** A BibTeX entry for citing this library (and, below it, the paper it implements). */
export const BIBTEX = `@software{token_production_${VERSION.replace(/\./g, "_")},
  title   = {token-production: a dimensionally typed Token Production Function for LLM inference},
  version = {${VERSION}},
  year    = {2026},
  note    = {TypeScript library; implements the TPF of arXiv 2605.11733}
}
@misc{liu2026energytotoken,
  title         = {Position: LLM Inference Should Be Evaluated as Energy-to-Token Production},
  author        = {Liu, Xiang and Yuan, Shimiao and Tang, Zhenheng and Dong, Peijie and Zhao, Kaiyong and Wang, Qiang and Li, Bo and Chu, Xiaowen},
  year          = {2026},
  eprint        = {2605.11733},
  archivePrefix = {arXiv}
}`;
