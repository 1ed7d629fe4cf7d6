/// CSS for the Gantt chart: every repeated look is a class here, so rows stay small.
enum GanttStyle {
    static let css = """
        text{font:12px sans-serif;fill:#333}.t{font:600 16px sans-serif;fill:#111}.ax{font-size:11px;fill:#666}\
        .c{text-anchor:middle}.g{font-weight:600}.gh{fill:#eef1f4}.nw{fill:#f2f2f2}.grid{stroke:#e3e3e3;fill:none}\
        .b{fill:#dbe4ee}.p{fill:#7b8da3}.s-doing .b{fill:#cfe2ff}.s-doing .p{fill:#2f6fdb}\
        .s-done .b{fill:#cdebd3}.s-done .p{fill:#2e9e4f}.s-blocked .b{fill:#fde2cf}.s-blocked .p{fill:#e07b1f}\
        .crit .b{stroke:#d62728;stroke-width:2}.ms{fill:#6f42c1}.ms.done{fill:#2e9e4f}.ms.late{fill:#d62728}.lt{fill:#b3261e;font-size:11px;font-weight:600}.lt.e{text-anchor:end}\
        .dep{fill:none;stroke:#8a94a6;marker-end:url(#gantt-arrow)}.dep.crit{stroke:#d62728;marker-end:url(#gantt-arrow-crit)}\
        .today{stroke:#d62728;stroke-dasharray:4 3}.td{fill:#d62728;font-size:11px}.bl{fill:#9aa0a6}.sl{fill:#d62728}
        """

    static let defs = """
        <defs><marker id="gantt-arrow" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6" \
        orient="auto"><path d="M0 0L6 3L0 6z" fill="#8a94a6"/></marker><marker id="gantt-arrow-crit" viewBox="0 0 6 6" \
        refX="6" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0L6 3L0 6z" fill="#d62728"/></marker></defs>
        """
}
