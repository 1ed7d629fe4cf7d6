import Foundation
import Testing
@testable import Domain

/// Design → Build → Launch (critical) and Design → Docs → QA → Launch.
let flowNodes = [
    FlowchartNode(
        id: itemID(4), label: "Launch 上线", kind: .milestone, status: .todo, isCritical: true,
        predecessors: [itemID(2), itemID(5)]),
    FlowchartNode(id: itemID(1), label: "Design 设计", status: .done, isCritical: true),
    FlowchartNode(id: itemID(3), label: "Docs", status: .blocked, isCritical: false, predecessors: [itemID(1)]),
    FlowchartNode(id: itemID(2), label: "Build 开发", status: .doing, isCritical: true, predecessors: [itemID(1)]),
    FlowchartNode(id: itemID(5), label: "QA", status: .todo, isCritical: false, predecessors: [itemID(3)]),
]

@Suite struct DependencyFlowchartTests {
    @Test func nodesAreLayeredByLongestPathDepth() {
        // given / when
        let layout = FlowchartLayout(nodes: flowNodes)
        // then Launch waits for QA, three steps after Design
        #expect(layout.layerOf == [3, 0, 1, 1, 2])
    }

    @Test func nodesWithinALayerFollowTheirPredecessorsPositions() {
        // given Left and Right sources; X depends on Right, Y on Left, listed X first
        let nodes = [
            FlowchartNode(id: itemID(1), label: "Left", status: .todo, isCritical: false),
            FlowchartNode(id: itemID(2), label: "Right", status: .todo, isCritical: false),
            FlowchartNode(id: itemID(3), label: "X", status: .todo, isCritical: false, predecessors: [itemID(2)]),
            FlowchartNode(id: itemID(4), label: "Y", status: .todo, isCritical: false, predecessors: [itemID(1)]),
        ]
        // when
        let layout = FlowchartLayout(nodes: nodes)
        // then Y goes above X, so the edges do not cross
        #expect(layout.layers[1] == [3, 2])
    }

    @Test func outputIsWellFormedAndAccessible() {
        // given / when
        let svg = parseSVG(DependencyFlowchart.render(title: "Plan <v2>", nodes: flowNodes, labels: .english))
        // then
        #expect(svg.isWellFormed)
        #expect(svg.elements.first?.attributes["role"] == "img")
        #expect(svg.elements[1].name == "title" && svg.elements[1].text == "Plan <v2>")
        #expect(svg.elements[2].text.contains("Design 设计 → Build 开发 → Launch 上线"))
    }

    @Test func everyNodeIsAGroupWithATitle() {
        // given / when
        let svg = parseSVG(DependencyFlowchart.render(title: "Plan", nodes: flowNodes, labels: .english))
        // then
        #expect(svg.all("g", class: "n").count == 5)
        #expect(svg.all("title").contains { $0.text == "Milestone: Launch 上线, To do, Critical path" })
    }

    @Test func onlyEdgesBetweenCriticalNodesAreHighlighted() {
        // given / when
        let svg = parseSVG(DependencyFlowchart.render(title: "Plan", nodes: flowNodes, labels: .english))
        // then Design→Build and Build→Launch of five edges
        #expect(svg.all("path", class: "e").count == 5)
        #expect(svg.all("path", class: "e").filter { $0.attributes["class"] == "e crit" }.count == 2)
    }

    @Test func aCycleDoesNotStopTheDrawing() {
        // given A ↔ B
        let nodes = [
            FlowchartNode(id: itemID(1), label: "A", status: .todo, isCritical: false, predecessors: [itemID(2)]),
            FlowchartNode(id: itemID(2), label: "B", status: .todo, isCritical: false, predecessors: [itemID(1)]),
        ]
        // when
        let svg = parseSVG(DependencyFlowchart.render(title: "Loop", nodes: nodes, labels: .english))
        // then
        #expect(svg.isWellFormed && svg.all("g", class: "n").count == 2)
    }
}

@Suite struct DependencyBridgingTests {
    @Test func aPathThroughHiddenItemsBecomesAVisibleEdge() {
        // given A → B → C with B hidden
        let edges = [
            DependencyEdge(predecessor: itemID(1), successor: itemID(2)),
            DependencyEdge(predecessor: itemID(2), successor: itemID(3)),
        ]
        // when
        let visible = DependencyBridging.visibleEdges(edges, visible: [itemID(1), itemID(3)])
        // then
        #expect(visible == [DependencyEdge(predecessor: itemID(1), successor: itemID(3))])
    }

    @Test func aPathThroughAVisibleItemIsNotShortcut() {
        // given A → C → D, all visible
        let edges = [
            DependencyEdge(predecessor: itemID(1), successor: itemID(3)),
            DependencyEdge(predecessor: itemID(3), successor: itemID(4)),
        ]
        // when
        let visible = DependencyBridging.visibleEdges(edges, visible: [itemID(1), itemID(3), itemID(4)])
        // then
        #expect(visible == edges)
    }

    @Test func edgesThatOnlyTouchHiddenItemsDisappear() {
        // given A → H1 → H2, nothing visible after A
        let edges = [
            DependencyEdge(predecessor: itemID(1), successor: itemID(8)),
            DependencyEdge(predecessor: itemID(8), successor: itemID(9)),
        ]
        // when
        let visible = DependencyBridging.visibleEdges(edges, visible: [itemID(1)])
        // then
        #expect(visible.isEmpty)
    }

    @Test func aDirectAndABridgedLinkToTheSameItemGiveOneEdge() {
        // given A → C directly and A → H → C
        let edges = [
            DependencyEdge(predecessor: itemID(1), successor: itemID(3)),
            DependencyEdge(predecessor: itemID(1), successor: itemID(8)),
            DependencyEdge(predecessor: itemID(8), successor: itemID(3)),
        ]
        // when
        let visible = DependencyBridging.visibleEdges(edges, visible: [itemID(1), itemID(3)])
        // then
        #expect(visible == [DependencyEdge(predecessor: itemID(1), successor: itemID(3))])
    }
}
