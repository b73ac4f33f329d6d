/** Change windows are part of a domain's policy: defined in desired/change-window.ts. */
export * from '../desired/change-window';
