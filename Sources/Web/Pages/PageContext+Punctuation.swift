import Domain
import Foundation

extension PageContext {
    /// A label followed by the colon of the page's language: "End date: " in English, "结束日期：" in Chinese
    /// (full-width, no space), so Chinese pages never show an ASCII colon.
    func labelled(_ key: String) -> String {
        t(key) + (language == .zhHans ? "：" : ": ")
    }
}
