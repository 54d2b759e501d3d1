// Seam's custom LSP messages, declared once. Each says who sends it.

export const Requests = {
  /** Client → server: drop the index and build it again from disk. No params, no result. */
  reindex: 'seam/reindex',
  /** Server → client notification: the number of findings after each check ({ findings }). */
  status: 'seam/status',
  /** Client → server: the pairs of the types in one file (PairsForFileParams → PairSummary[]). */
  pairsForFile: 'seam/pairsForFile',
} as const;

export interface StatusParams {
  findings: number;
}

export interface PairsForFileParams {
  uri: string;
}

export interface PairSummary {
  frontend: string;
  backend: string;
  direction: 'response' | 'request' | 'both';
  score: number;
  evidence: string[];
  /** file:// URIs and ranges of both sides, for "go to". */
  frontendLocation: { uri: string; range: unknown };
  backendLocation: { uri: string; range: unknown };
}
