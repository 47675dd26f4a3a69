#!/usr/bin/env node
// `npx dondoc …` in a checkout: run the TypeScript CLI through tsx, no build step.
'use strict';
require('tsx/cjs');
require('../client/cli/main.ts').runCli(process.argv.slice(2));
