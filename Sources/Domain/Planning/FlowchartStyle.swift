/// CSS and marker definitions of the dependency flowchart.
enum FlowchartStyle {
    static let css = """
        text{font:12px sans-serif;fill:#222}.t{font:600 16px sans-serif;fill:#111}.n text{text-anchor:middle}\
        .nb{fill:#eef1f4;stroke:#7b8da3;stroke-width:1.5}.s-doing .nb{fill:#cfe2ff;stroke:#2f6fdb}\
        .s-done .nb{fill:#cdebd3;stroke:#2e9e4f}.s-blocked .nb{fill:#fde2cf;stroke:#e07b1f}\
        .crit .nb{stroke:#d62728;stroke-width:3}.e{fill:none;stroke:#8a94a6;stroke-width:1.5;marker-end:url(#flow-arrow)}\
        .e.crit{stroke:#d62728;stroke-width:2.5;marker-end:url(#flow-arrow-crit)}
        """

    static let defs = """
        <defs><marker id="flow-arrow" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6" \
        orient="auto"><path d="M0 0L6 3L0 6z" fill="#8a94a6"/></marker><marker id="flow-arrow-crit" viewBox="0 0 6 6" \
        refX="6" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0L6 3L0 6z" fill="#d62728"/></marker></defs>
        """
}
