/** Types for scripts/build-cli.mjs (plain JavaScript: `prepare` runs it before anything compiles). */
export declare const OUT_DIR: string;
export declare const BUNDLE: string;
export declare const CODE: string;
export declare const CODE_CACHE: string;
export declare const INPUTS: string;
/** Builds the CLI; the milliseconds it took, or null when esbuild is not installed. */
export declare function buildCli(): Promise<number | null>;
/** vitest's global setup (builds again before each rerun in watch mode). */
export default function setup(project?: {
  onTestsRerun?: (rerun: () => Promise<void>) => void;
}): Promise<void>;
