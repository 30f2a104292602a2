#!/usr/bin/env node
// The `marginalia` command. It runs the TypeScript CLI through tsx, so it works right after
// `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main/cli/index.ts');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
