import { describe, expect, it } from 'vitest';
import { maxInFlight, parseVariant, peakRssKib } from './terraform-parallelism';

const a = (at: number, done?: number) => ({ at, done, rejected: false, method: 'GET', path: '/' });

describe('maxInFlight', () => {
  it('counts the requests open at the same time, not all of them', () => {
    expect(maxInFlight([a(0, 20), a(5, 25), a(30, 50)])).toBe(2);
    expect(maxInFlight([a(0, 20), a(1, 21), a(2, 22), a(21, 40)])).toBe(3);
  });
  it('a request sent the moment another ends is not two at once', () => {
    expect(maxInFlight([a(0, 20), a(20, 40), a(40, 60)])).toBe(1);
  });
  it('an answer never finished stays open', () => {
    expect(maxInFlight([a(0), a(100, 120), a(200, 220)])).toBe(2);
    expect(maxInFlight([])).toBe(0);
  });
});

describe('parseVariant', () => {
  it('reads P alone, or P with the environment Terraform runs with', () => {
    expect(parseVariant('32')).toEqual({ label: '32', parallelism: 32, env: {} });
    expect(parseVariant('10:GOGC=400')).toEqual({ label: '10:GOGC=400', parallelism: 10, env: { GOGC: '400' } });
    expect(parseVariant('10:GOGC=400,GOMEMLIMIT=2GiB').env).toEqual({ GOGC: '400', GOMEMLIMIT: '2GiB' });
  });
  it('refuses what is not a positive P or NAME=value, naming the part', () => {
    expect(() => parseVariant('0')).toThrow(/"0": P must be a positive integer/);
    expect(() => parseVariant('ten:GOGC=400')).toThrow(/P must be a positive integer/);
    expect(() => parseVariant('10:GOGC')).toThrow(/"GOGC" is not NAME=value/);
    expect(() => parseVariant('10:gogc=400')).toThrow(/"gogc=400" is not NAME=value/);
    expect(() => parseVariant('10:GOGC=')).toThrow(/is not NAME=value/);
  });
  it('refuses credentials in a label it prints, without repeating their value', () => {
    for (const spec of ['10:NS_API_KEY=s3cret', '10:GOGC=400,PBXCTL_TOKEN=s3cret', '10:VM_PIN=s3cret']) {
      expect(() => parseVariant(spec)).toThrow(/looks like a credential/);
      try {
        parseVariant(spec);
      } catch (e) {
        expect(String(e)).not.toContain('s3cret');
      }
    }
  });
});

describe('peakRssKib', () => {
  it("reads VmHWM, not VmRSS or VmPeak, from a process's /proc status", () => {
    const status = 'Name:\tterraform\nVmPeak:\t 2000000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n';
    expect(peakRssKib(status)).toBe(123456);
    expect(peakRssKib('Name:\tterraform\nVmRSS:\t 1 kB\n')).toBeUndefined();
  });
});
