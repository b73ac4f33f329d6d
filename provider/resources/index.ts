import type { AnyDataSource, AnyResource } from '../framework';

// TODO(lead): register the netsapiens resources here (built on reconciler/kinds
// and the reconciler/platform client), e.g. netsapiens_user, netsapiens_ring_group.
// Each is a `defineResource({...})`; see provider/README.md for the API.
export const resources: readonly AnyResource[] = [];
export const dataSources: readonly AnyDataSource[] = [];
