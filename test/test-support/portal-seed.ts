/**
 * A portal-like domain for the doctor's tests (issue 12 must-show 5): a `system-…` ring group with a code
 * the default profile does not name, an unknown spam value, a desk phone with a MAC under a non-extension
 * name — and ordinary users with names, e-mails, PINs, DIDs and shared contacts. `PERSONAL` lists every
 * personal or secret value in it: none may appear in a doctor record.
 */
export const PORTAL_DOMAIN = 'portal.example.com';

/** The three things the doctor must name (`PORTAL_SEED`). */
export const PORTAL_SEED = {
  domains: {
    [PORTAL_DOMAIN]: {
      users: [
        {
          user: '1000',
          'name-first-name': 'Grace',
          'name-last-name': 'Hopper',
          'email-address': 'grace@portal.example.com',
          'user-scope': 'Basic User',
          'caller-id-number': '12125550100',
          'voicemail-login-pin': '4821',
        },
        { user: '1001', 'name-first-name': 'Alan', 'name-last-name': 'Turing', 'user-scope': 'Basic User' },
        { user: '2000', 'name-first-name': 'Front Desk', 'name-last-name': '', 'service-code': 'system-hunt' },
      ],
      answerrules: [
        {
          user: '1000',
          'time-frame': '*',
          'forward-on-spam-call': { enabled: 'yes', parameters: ['<Reject>'] },
        },
        {
          user: '2000',
          'time-frame': '*',
          'simultaneous-ring': { enabled: 'yes', parameters: ['1000', '1001;delay=5'] },
        },
      ],
      devices: [{ user: '1001', device: 'desk-7', 'device-provisioning-mac-address': '000413aabbcc' }],
    },
  },
};

const base = PORTAL_SEED.domains[PORTAL_DOMAIN];

/** The same domain with everything `--record` reads: DIDs, contacts, a block list, a time frame, more people. */
export const FULL_PORTAL_SEED = {
  domains: {
    [PORTAL_DOMAIN]: {
      domain: {
        description: 'Hopper Consulting',
        'caller-id-name': 'Hopper Consulting',
        'time-zone': 'America/Chicago',
      },
      users: [
        ...base.users,
        {
          user: '1002',
          'name-first-name': 'Katherine',
          'name-last-name': 'Johnson',
          'email-address': 'kjohnson@langley.example.net',
          'user-scope': 'Office Manager',
          'caller-id-number': '13125550177',
          'caller-id-name': 'Katherine Johnson',
          'voicemail-login-pin': '73915',
          department: 'Research',
        },
      ],
      answerrules: [
        ...base.answerrules,
        {
          user: '1002',
          'time-frame': '*',
          'forward-no-answer': { enabled: 'yes', parameters: ['13125550199'] },
        },
      ],
      devices: [
        ...base.devices,
        {
          user: '1000',
          device: '1000',
          'device-provisioning-mac-address': '0004f2778899',
          'device-models-model': 'yealink-t54w',
          'device-sip-registration-password': 'Zq7pSecretSip9xYw',
        },
      ],
      contacts: [
        {
          'name-first-name': 'Ada',
          'name-last-name': 'Lovelace',
          company: 'Analytical Engines',
          email: 'ada@engines.example.org',
          'phonenumber-work': '14155550123',
          'phonenumber-cell': '14155550188',
          tags: 'vendor',
        },
        { 'name-first-name': 'Charles', 'name-last-name': 'Babbage', company: '', 'phonenumber-work': '14155550145' },
      ],
      number_filters: ['19005550111', 'anonymous'],
      phonenumbers: [
        {
          phonenumber: '12125550100',
          'dial-rule-application': 'to-user',
          'dial-rule-translation-destination-user': '1000',
          'dial-rule-description': 'Grace direct line',
        },
        {
          phonenumber: '13125550177',
          'dial-rule-application': 'to-user',
          'dial-rule-translation-destination-user': '2000',
        },
      ],
      timeframes: [
        {
          'timeframe-id': '7d1c0f5e2b9a4c3d8e6f1a2b3c4d5e6f',
          'timeframe-name': 'Business Hours',
          'timeframe-type': 'days-of-week',
          'timeframe-days-of-week-array': [
            {
              'timeframe-id': '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b',
              'timeframe-recurrence-type': 'weekly',
              'timeframe-weekly-monday-begin-time-1': '0900',
              'timeframe-weekly-monday-end-time-1': '1700',
            },
          ],
        },
      ],
    },
  },
};

/** Every personal or secret value of `FULL_PORTAL_SEED` (MACs in both spellings). */
export const PERSONAL = [
  'Grace',
  'Hopper',
  'Alan',
  'Turing',
  'Katherine',
  'Johnson',
  'Ada',
  'Lovelace',
  'Charles',
  'Babbage',
  'Analytical',
  'Front Desk',
  'grace@portal.example.com',
  'kjohnson',
  'langley',
  'engines.example.org',
  '12125550100',
  '2125550100',
  '13125550177',
  '13125550199',
  '14155550123',
  '14155550188',
  '14155550145',
  '19005550111',
  '4821',
  '73915',
  '000413aabbcc',
  '0004f2778899',
  'Zq7pSecretSip9xYw',
];
