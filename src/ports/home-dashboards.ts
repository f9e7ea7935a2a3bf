/** The dashboards people keep open (Slack's App Home): republished when new cost data lands. */
export interface HomeDashboards {
  /** Republishes every dashboard that has been opened; returns how many. */
  refreshAll(): Promise<number>;
}
