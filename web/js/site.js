// The site's one configuration: where the published policy patch lives
// (docs/OPERATIONS.md). Relative to the pages; a missing file means the
// embedded default policy, which is not an error.
export const SITE = {
  policyUrl: "policy.json",
  // A patch over this is refused unread (the engine's own limit is 1 MiB).
  policyMaxBytes: 1 << 20,
};
