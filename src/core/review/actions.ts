// The ids the review's buttons, forms and announcement buttons route by.
export const reviewActions = {
  /** Open the current review; value: workshop id. */
  open: "review.open",
  /** Previous/Next page; value: page number. */
  page: "review.page",
  /** value: cluster id, for these five. */
  rename: "review.rename",
  move: "review.move",
  merge: "review.merge",
  split: "review.split",
  drop: "review.drop",
  /** Put an unclustered result into a cluster; value: workshop id. */
  add: "review.add",
  approve: "review.approve",
  /** Approve although the design rule is broken (after seeing the warnings). */
  approveAnyway: "review.approve.anyway",
  history: "review.history",
  /** Run the analysis again at another granularity; value: coarse | normal | fine. */
  rerun: "review.rerun",
  /** Adopt a new run although the review was edited; value: "<run id>:<review version seen>". */
  replace: "review.replace",
  /** Keep the edited review; value: run id. */
  keep: "review.keep",
  /** Under an announced cluster; value: cluster id. */
  join: "cluster.join",
  decline: "cluster.decline",
} as const;

export const reviewForms = {
  rename: "review.rename",
  move: "review.move",
  merge: "review.merge",
  split: "review.split",
  add: "review.add",
} as const;

export const reviewScreenId = "review.clusters";
