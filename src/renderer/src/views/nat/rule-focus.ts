// "Show me the rules behind this": another view hands the NAT view a set of rule ids to narrow to.
export interface RuleFocus {
  /** What the rules belong to, e.g. "0.0.0.0:8080/tcp → w1". */
  label: string;
  ruleIds: string[];
}
