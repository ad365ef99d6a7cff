#!/usr/bin/env node
// Entry point of the `netnotes` command. It registers tsx so the TypeScript
// pipeline runs without a compile step, in a checkout as well as through npx.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
