import * as childProcess from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SubprocessInUnitLaneError } from './unit-guard';

// This file runs in the unit lane, whose setup file is tools/lanes/unit-guard.ts.
describe('unit lane guard', () => {
  it('makes named imports of node:child_process throw, naming the command and the fix', () => {
    expect(() => execFileSync('git', ['status'])).toThrow(SubprocessInUnitLaneError);
    expect(() => spawn('terraform', ['version'])).toThrow(/spawn\("terraform"\).*move this test under test\/e2e\//);
  });

  it('covers the namespace and require() views too', () => {
    expect(() => childProcess.spawnSync('node', ['-v'])).toThrow(SubprocessInUnitLaneError);
    const required = require('node:child_process') as typeof childProcess;
    expect(() => required.exec('ls')).toThrow(/exec\("ls"\)/);
    expect(() => required.fork('x.js')).toThrow(SubprocessInUnitLaneError);
  });
});
