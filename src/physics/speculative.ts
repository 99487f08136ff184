/**
 * Expected tokens a sequence gains per verification step of speculative decoding
 * (tokens): E = (1 − α^(k+1)) / (1 − α) for acceptance rate α and draft length k, and k + 1
 * when every draft is accepted (Leviathan, Kalman, Matias, "Fast Inference from Transformers
 * via Speculative Decoding", ICML 2023, arXiv 2211.17192, eq. 1).
 * @example expectedTokensPerStep(0.8, 4) // 3.3616
 */
export const expectedTokensPerStep = (acceptanceRate: number, draftLength: number): number =>
  acceptanceRate >= 1
    ? draftLength + 1
    : (1 - acceptanceRate ** (draftLength + 1)) / (1 - acceptanceRate);
