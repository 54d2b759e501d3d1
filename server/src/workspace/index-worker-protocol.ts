// The messages between the server and the worker thread that builds a root's first index. Facts
// are plain data and cross the thread boundary by structured clone.
import type { FileFacts } from '../core/facts';
import type { TsPathConfig } from '../core/index/typescript-modules';

export interface IndexWorkerInput {
  root: string;
  include?: string[];
  exclude?: string[];
  /** This worker's share of the files, when several workers split a root between them. */
  files?: string[];
}

export type IndexWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'log'; level: 'info' | 'warn'; message: string }
  | { kind: 'facts'; facts: FileFacts[] }
  | {
      kind: 'done';
      tsConfigs: TsPathConfig[];
      files: string[];
      skipped: { file: string; reason: string }[];
      milliseconds: number;
    }
  | { kind: 'failed'; error: string };
