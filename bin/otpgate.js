#!/usr/bin/env node
// The sources are TypeScript run through tsx, so the command needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
