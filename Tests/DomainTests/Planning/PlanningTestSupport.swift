import Foundation
@testable import Domain
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A date from `YYYY-MM-DD`; test inputs are literals, so a bad one is a test bug.
func ymd(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { fatalError("bad test date \(text)") }
    return date
}

/// A readable, stable id: `00000000-0000-0000-0000-0000000000NN`.
func itemID(_ number: Int) -> UUID {
    UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))!
}

/// SplitMix64: a tiny seeded generator, so random tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// What an SVG parse found: whether it is well-formed XML, and its elements in document order.
struct ParsedSVG {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
    }

    let isWellFormed: Bool
    let elements: [Element]

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    func all(_ name: String, class cls: String) -> [Element] {
        elements.filter { $0.name == name && ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(cls)) }
    }
    var texts: [String] { elements.map(\.text).filter { !$0.isEmpty } }
}

/// Parses `svg` with Foundation's XMLParser.
func parseSVG(_ svg: String) -> ParsedSVG {
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [ParsedSVG.Element] = []
        var open: [Int] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
            qualifiedName: String?, attributes: [String: String]
        ) {
            open.append(elements.count)
            elements.append(.init(name: name, attributes: attributes, text: ""))
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
    }
    let collector = Collector()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = collector
    let ok = parser.parse()
    return ParsedSVG(isWellFormed: ok, elements: collector.elements)
}
