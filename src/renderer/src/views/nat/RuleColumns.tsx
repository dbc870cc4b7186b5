// The rule tables' columns. Every chain is its own <table>; fixed widths line them all up under
// the one header at the top of the list.
export function RuleColumns() {
  return (
    <colgroup>
      <col style={{ width: 56 }} />
      <col style={{ width: 96 }} />
      <col style={{ width: 96 }} />
      <col style={{ width: 130 }} />
      <col style={{ width: 120 }} />
      <col />
    </colgroup>
  );
}

export function RuleColumnsHeader() {
  return (
    <table className="bp-rules bp-rules-header">
      <RuleColumns />
      <thead>
        <tr>
          <th className="bp-num">#</th>
          <th className="bp-num">packets</th>
          <th className="bp-num">bytes</th>
          <th>owner</th>
          <th>container</th>
          <th>rule (what it does · as written)</th>
        </tr>
      </thead>
    </table>
  );
}
