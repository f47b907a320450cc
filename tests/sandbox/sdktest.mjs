// sdktest.mjs: starts amiable-sandbox and drives it with the AWS SDK for JavaScript v3; prints TAP
// Copyright 2026 The Amiable authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The EC2 operations added since 2023 (image references, disabled images, the Recycle Bin,
// Block Public Access, Allowed AMIs, ancestry, usage reports) are newer than Debian's awscli, so
// the sandbox's conformance for them is checked with the official JavaScript SDK, an independent
// client with its own signer and its own XML parser built from the service model.
//
// A test file imports { test, run, Sandbox, ec2 } from here, registers its cases with
// test(name, async (sb) => { ... }) and calls run(). build-aux/deps.sh --tests installs the SDK
// into tests/sandbox/sdk/node_modules (AMIABLE_SDK_DIR).

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const sdkDir = process.env.AMIABLE_SDK_DIR;
if (!sdkDir || !existsSync(path.join(sdkDir, 'node_modules', '@aws-sdk', 'client-ec2'))) {
  console.log('1..0');
  console.log(`Bail out! @aws-sdk/client-ec2 is not installed in ${sdkDir}: run build-aux/deps.sh --tests`);
  process.exit(1);
}
const require = createRequire(path.join(sdkDir, 'package.json'));
export const ec2 = require('@aws-sdk/client-ec2');

export const ACCOUNTS = {
  alice: ['111122223333', 'AKIAIOSFODNN7SANDBOX', 'sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY'],
  bob: ['444455556666', 'AKIAI44QH8DHBSANDBOX', 'sandbox/bob/je7MtGbClwBF2Zp9Utk/h3yCo8nvbE'],
};

export class Sandbox {
  constructor (...extraArgs) {
    this.program = process.env.AMIABLE_SANDBOX_PROGRAM;
    if (!this.program)
      throw new Error('AMIABLE_SANDBOX_PROGRAM is not set');
    this.home = mkdtempSync(path.join(tmpdir(), 'amiable-sdk-'));
    this.dataDir = path.join(this.home, 'data');
    this.extraArgs = extraArgs;
    this.url = null;
    this.child = null;
  }

  async start () {
    this.child = spawn(this.program, ['--data-dir', this.dataDir, ...this.extraArgs],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = readline.createInterface({ input: this.child.stdout });
    const first = await new Promise((resolve, reject) => {
      lines.once('line', resolve);
      this.child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening`)));
    });
    const prefix = 'listening on ';
    if (!first.startsWith(prefix + 'http://127.0.0.1:'))
      throw new Error(`unexpected first line from the sandbox: ${first}`);
    this.url = first.slice(prefix.length);
    return this;
  }

  // An EC2 client for one of the sandbox's accounts; no retries, so a refusal is seen as it is.
  client (account = 'alice', region = 'us-east-1') {
    const [, accessKeyId, secretAccessKey] = ACCOUNTS[account];
    return new ec2.EC2Client({
      region,
      endpoint: this.url,
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
    });
  }

  async stop () {
    if (!this.child)
      return;
    const child = this.child;
    this.child = null;
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }

  async cleanup () {
    await this.stop();
    rmSync(this.home, { recursive: true, force: true });
  }
}

// Runs fn and returns the error it throws; fails when it does not throw.
export async function refused (fn) {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal, the call succeeded');
}

export function assert (condition, message) {
  if (!condition)
    throw new Error(message || 'assertion failed');
}

export function assertEqual (actual, expected, what = 'value') {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e)
    throw new Error(`${what}: expected ${e}, got ${a}`);
}

const cases = [];

// Registers a case; each case gets a fresh sandbox started with sandboxArgs.
export function test (name, fn, ...sandboxArgs) {
  cases.push({ name, fn, sandboxArgs });
}

export async function run () {
  console.log(`1..${cases.length}`);
  let failed = 0;
  for (const [i, c] of cases.entries()) {
    const sb = new Sandbox(...c.sandboxArgs);
    try {
      await sb.start();
      await c.fn(sb);
      console.log(`ok ${i + 1} - ${c.name}`);
    } catch (e) {
      failed++;
      console.log(`not ok ${i + 1} - ${c.name}`);
      for (const line of String(e && e.stack ? e.stack : e).split('\n'))
        console.log(`# ${line}`);
      if (e && e.name)
        console.log(`# error code: ${e.name}`);
    } finally {
      await sb.cleanup();
    }
  }
  process.exit(failed ? 1 : 0);
}
