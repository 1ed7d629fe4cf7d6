import Foundation

/// Keeps what a customer may learn from a dependency graph: which visible item leads to which,
/// without revealing hidden items in between.
public enum DependencyBridging {
    /// Edges between visible items that are linked directly or through hidden items only.
    ///
    /// A → B → C with B hidden yields A → C; a path through another visible item is not
    /// shortcut (A → C → D yields A → C and C → D, not A → D). Ordered by first appearance of
    /// the predecessor in `edges`, then by discovery; no duplicates.
    public static func visibleEdges(_ edges: [DependencyEdge], visible: Set<UUID>) -> [DependencyEdge] {
        var successors: [UUID: [UUID]] = [:]
        var sources: [UUID] = []
        for edge in edges {
            if successors[edge.predecessor] == nil, visible.contains(edge.predecessor) { sources.append(edge.predecessor) }
            successors[edge.predecessor, default: []].append(edge.successor)
        }
        var result: [DependencyEdge] = []
        for source in sources {
            var reached: Set<UUID> = []
            var visitedHidden: Set<UUID> = []
            var stack = Array((successors[source] ?? []).reversed())
            var found: [UUID] = []
            while let node = stack.popLast() {
                if visible.contains(node) {
                    if node != source, reached.insert(node).inserted { found.append(node) }
                } else if visitedHidden.insert(node).inserted {
                    stack.append(contentsOf: (successors[node] ?? []).reversed())
                }
            }
            result += found.map { DependencyEdge(predecessor: source, successor: $0) }
        }
        return result
    }
}
