import Foundation

/// Left-to-right layering of a dependency graph: a node's layer is its longest-path depth, and
/// nodes within a layer are ordered by the mean position of their predecessors.
struct FlowchartLayout {
    /// Predecessor indices of each node (unknown ids and self-links dropped).
    let predecessors: [[Int]]
    let layerOf: [Int]
    /// Node indices per layer, top to bottom.
    let layers: [[Int]]
    let positionOf: [Int]

    init(nodes: [FlowchartNode]) {
        var indexOf: [UUID: Int] = [:]
        for (index, node) in nodes.enumerated() where indexOf[node.id] == nil { indexOf[node.id] = index }
        var predecessors = [[Int]](repeating: [], count: nodes.count)
        var successors = [[Int]](repeating: [], count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for id in node.predecessors {
                guard let pred = indexOf[id], pred != index, !predecessors[index].contains(pred) else { continue }
                predecessors[index].append(pred)
                successors[pred].append(index)
            }
        }
        self.predecessors = predecessors
        var layerOf = Self.longestPathLayers(predecessors: predecessors, successors: successors)
        // Nodes on a cycle cannot be layered; they go into one extra layer at the end.
        let deepest = layerOf.max() ?? -1
        for index in layerOf.indices where layerOf[index] < 0 { layerOf[index] = deepest + 1 }
        self.layerOf = layerOf
        var layers = [[Int]](repeating: [], count: (layerOf.max() ?? -1) + 1)
        for index in nodes.indices { layers[layerOf[index]].append(index) }
        var positionOf = [Int](repeating: 0, count: nodes.count)
        for layer in layers.indices {
            if layer > 0 {
                let center: (Int) -> Double = { node in
                    let preds = predecessors[node].filter { layerOf[$0] < layer }
                    guard !preds.isEmpty else { return Double(node) }
                    return Double(preds.reduce(0) { $0 + positionOf[$1] }) / Double(preds.count)
                }
                let keyed = layers[layer].map { (center($0), $0) }
                layers[layer] = keyed.sorted { $0 < $1 }.map(\.1)
            }
            for (position, node) in layers[layer].enumerated() { positionOf[node] = position }
        }
        self.layers = layers
        self.positionOf = positionOf
    }

    /// Longest-path depth by Kahn's algorithm; -1 for nodes on or behind a cycle.
    private static func longestPathLayers(predecessors: [[Int]], successors: [[Int]]) -> [Int] {
        var remaining = predecessors.map(\.count)
        var layer = [Int](repeating: -1, count: predecessors.count)
        var queue: [Int] = []
        for index in remaining.indices where remaining[index] == 0 {
            layer[index] = 0
            queue.append(index)
        }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in successors[node] {
                layer[next] = max(layer[next], layer[node] + 1)
                remaining[next] -= 1
                if remaining[next] == 0 { queue.append(next) }
            }
        }
        for index in remaining.indices where remaining[index] > 0 { layer[index] = -1 }
        return layer
    }
}
