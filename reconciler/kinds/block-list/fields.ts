import type { FieldSpec } from '../kind';

/**
 * The one field of `block_list:` (a set kind: the section value is this field's value, and the key is
 * the domain). The loader wraps `block_list: [...]` as `{ numbers: [...] }`.
 */
export const BLOCK_LIST_FIELDS: readonly FieldSpec[] = [
  {
    name: 'numbers',
    type: 'list',
    items: 'phone',
    set: true,
    pii: true,
    class: 'routing',
    description: 'Numbers rejected for the whole domain (domain number filter); `anonymous` and `unknown` are allowed.',
  },
];
