// The site's one configuration: where the published policy file lives
// (docs/OPERATIONS.md). Relative to the pages; a missing file means the
// embedded default policy, which is not an error.
export const SITE = {
  policyUrl: "policy.json",
  // A file over this is refused unread (the engine's own limit is 1 MiB).
  policyMaxBytes: 1 << 20,
  // An open page reads the file again this often (and when it is shown
  // again), so that a new version or a rollback reaches it.
  policyRecheckSeconds: 300,
};
