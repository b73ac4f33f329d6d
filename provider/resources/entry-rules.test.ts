import { describe, expect, it } from 'vitest';
import { resources } from '.';

// Terraform validates a resource with the same rules across fields as the YAML loader (`Kind.check`).
describe('entry rules in Terraform validation', () => {
  const attendant = resources.find((r) => r.typeName === 'netsapiens_auto_attendant')!;
  const config = (noInput: string) => ({
    domain: 'acme.example.com',
    extension: '3000',
    name: 'Main',
    time_frame: null,
    greeting: null,
    options: [
      {
        digit: '1',
        destination: { user: '1000', ring_group: null, auto_attendant: null, call_queue: null, voicemail: null },
      },
    ],
    no_input: noInput,
    invalid: null,
  });

  it('no_input naming a key the menu lacks is a diagnostic on the attribute', () => {
    expect(attendant.validate?.(config('9') as never, { path: [] })).toEqual([
      expect.objectContaining({
        severity: 'error',
        summary: 'no_input: "9" is not a key of this menu',
        path: [{ attribute: 'no_input' }],
      }),
    ]);
    expect(attendant.validate?.(config('1') as never, { path: [] })).toEqual([]);
  });
});
