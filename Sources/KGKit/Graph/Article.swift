/// A news article as kg reads it.
public struct Article: Sendable, Equatable {
    /// Content hash (SHA-256 of title and text): the article's identity in the graph.
    public var id: String { contentHash }
    public var contentHash: String
    /// The identifier the source gave (JSON `id`, or the file name for `.txt`).
    public var sourceID: String
    public var title: String
    /// The analysed text; evidence offsets are code-point offsets into it.
    public var text: String
    public var url: String?
    public var date: String?
    public var language: String

    public init(sourceID: String, title: String, text: String, url: String? = nil, date: String? = nil, language: String? = nil) {
        self.sourceID = sourceID
        self.title = title
        self.text = text
        self.url = url
        self.date = date
        self.language = language ?? LanguageDetector.detect(text.unicodeScalars)
        self.contentHash = SHA256.hex(title + "\u{1F}" + text)
    }
}
