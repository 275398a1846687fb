/// The Markdown people write in Haven (reports, minutes), made into HTML that can carry no markup of its own:
/// headings, paragraphs, lists, tables, rules, bold, italic, code and links. Every character of the text is
/// escaped; raw HTML shows as the text it is; links go only to web, mail or local addresses. One pass over the
/// lines and one over each line's characters, so no text makes it slow.
enum Markdown {
    static func html(_ text: String) -> String {
        var blocks = Blocks()
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            blocks.read(String(line))
        }
        blocks.close()
        return blocks.html
    }

    /// People's words (a site's name) placed inside a line of Markdown, so that they read as written: the marks
    /// that mean something inside a line escaped, line breaks made spaces.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isNewline {
                result.append(" ")
                continue
            }
            if "\\*_`[]|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A table in Markdown from cells already written in Markdown; columns in `numbers` align right.
    static func table(_ header: [String], _ rows: [[String]], numbers: Set<Int> = []) -> String {
        let rule = header.indices.map { numbers.contains($0) ? "---:" : "---" }
        return ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n")
    }

    /// A link whose words are people's words.
    static func link(_ text: String, to path: String) -> String { "[\(escaped(text))](\(path))" }

    /// The first heading of a text, without its marks: a report's title.
    static func title(_ text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("#") { return String(trimmed.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    private enum Open {
        case none
        case paragraph([String])
        case list(ordered: Bool, [String])
        case table([[String]], alignments: [String?])
    }

    private struct Blocks {
        var html = ""
        var open = Open.none
        /// A line that may begin a table, held until the next shows whether it is a heading row.
        var pendingRow: String?

        mutating func read(_ raw: String) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let row = pendingRow {
                pendingRow = nil
                if let alignments = Self.separator(line) {
                    close()
                    open = .table([Self.cells(row)], alignments: alignments)
                    return
                }
                paragraph(row)
            }
            if case .table(var rows, let alignments) = open, line.hasPrefix("|") {
                rows.append(Self.cells(line))
                open = .table(rows, alignments: alignments)
                return
            }
            if line.isEmpty { return close() }
            if let level = Self.headingLevel(line) {
                close()
                let words = line.dropFirst(level).trimmingCharacters(in: .whitespaces)
                html += "<h\(level)>\(Inline.html(words))</h\(level)>\n"
            } else if line.count >= 3, line.allSatisfy({ $0 == "-" }) || line.allSatisfy({ $0 == "*" }) {
                close()
                html += "<hr>\n"
            } else if let item = Self.listItem(line) {
                if case .list(item.ordered, var items) = open {
                    items.append(item.text)
                    open = .list(ordered: item.ordered, items)
                } else {
                    close()
                    open = .list(ordered: item.ordered, [item.text])
                }
            } else if line.hasPrefix("|") {
                pendingRow = line
            } else {
                paragraph(line)
            }
        }

        mutating func paragraph(_ line: String) {
            if case .paragraph(var lines) = open {
                lines.append(line)
                open = .paragraph(lines)
            } else {
                close()
                open = .paragraph([line])
            }
        }

        mutating func close() {
            if let row = pendingRow {
                pendingRow = nil
                paragraph(row)
            }
            switch open {
            case .none: break
            case .paragraph(let lines): html += "<p>\(Inline.html(lines.joined(separator: " ")))</p>\n"
            case .list(let ordered, let items):
                let tag = ordered ? "ol" : "ul"
                html += "<\(tag)>" + items.map { "<li>\(Inline.html($0))</li>" }.joined() + "</\(tag)>\n"
            case .table(let rows, let alignments): html += Self.table(rows, alignments: alignments)
            }
            open = .none
        }

        static func table(_ rows: [[String]], alignments: [String?]) -> String {
            func cells(_ row: [String], _ tag: String) -> String {
                alignments.indices.map { index in
                    let style = alignments[index].map { " class=\"\($0)\"" } ?? ""
                    let text = index < row.count ? row[index] : ""
                    return "<\(tag)\(style)>\(Inline.html(text))</\(tag)>"
                }.joined()
            }
            let head = rows.first.map { "<thead><tr>\(cells($0, "th"))</tr></thead>" } ?? ""
            let body = rows.dropFirst().map { "<tr>\(cells($0, "td"))</tr>" }.joined()
            return "<div class=\"table-wrap\"><table>\(head)<tbody>\(body)</tbody></table></div>\n"
        }

        static func headingLevel(_ line: String) -> Int? {
            let marks = line.prefix { $0 == "#" }.count
            guard (1...6).contains(marks), line.dropFirst(marks).first == " " else { return nil }
            return marks
        }

        static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
            if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") {
                return (false, String(line.dropFirst(2)))
            }
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            guard (1...9).contains(digits.count), line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
            return (true, String(line.dropFirst(digits.count + 2)))
        }

        /// A table row's cells; `\|` is a bar inside a cell.
        static func cells(_ line: String) -> [String] {
            var inner = Substring(line)
            if inner.hasPrefix("|") { inner = inner.dropFirst() }
            if inner.hasSuffix("|") && !inner.hasSuffix("\\|") { inner = inner.dropLast() }
            var cells: [String] = []
            var cell = ""
            var escaping = false
            for character in inner {
                if character == "|" && !escaping {
                    cells.append(cell.trimmingCharacters(in: .whitespaces))
                    cell = ""
                } else {
                    cell.append(character)
                }
                escaping = character == "\\" && !escaping
            }
            cells.append(cell.trimmingCharacters(in: .whitespaces))
            return cells
        }

        /// `|---|:--:|--:|`: the row under a table's heading, with each column's alignment.
        static func separator(_ line: String) -> [String?]? {
            guard line.hasPrefix("|") else { return nil }
            let cells = cells(line)
            guard !cells.isEmpty, cells.count <= 64 else { return nil }
            var alignments: [String?] = []
            for cell in cells {
                let dashes = cell.filter { $0 != ":" }
                guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
                switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
                case (true, true): alignments.append("center")
                case (false, true): alignments.append("num")
                default: alignments.append(nil)
                }
            }
            return alignments
        }
    }

    /// Bold, italic, code and links inside a line; their contents are plain text. A mark that is never closed is
    /// shown as written. Where each mark next occurs is worked out once per line, so finding a closing mark costs
    /// nothing however many opening marks the line holds.
    enum Inline {
        static func html(_ text: String) -> String {
            let characters = Array(text)
            var next: [[Character]: [Int?]] = [:]
            /// The first place after `start` (content cannot be empty) where `mark` begins.
            func closing(_ mark: [Character], after start: Int) -> Int? {
                if next[mark] == nil { next[mark] = occurrences(of: mark, in: characters) }
                let from = start + 1
                guard from < characters.count, let table = next[mark] else { return nil }
                return table[from]
            }
            var out = ""
            var index = 0
            while index < characters.count {
                let character = characters[index]
                let doubled = index + 1 < characters.count && characters[index + 1] == character
                if character == "\\", index + 1 < characters.count, escapable.contains(characters[index + 1]) {
                    out += MarkupText.escaped(String(characters[index + 1]))
                    index += 2
                } else if character == "`", let end = closing(["`"], after: index) {
                    out += "<code>\(escaped(characters[(index + 1)..<end]))</code>"
                    index = end + 1
                } else if character == "*" || character == "_", doubled,
                    let end = closing([character, character], after: index + 1)
                {
                    out += "<strong>\(escaped(characters[(index + 2)..<end]))</strong>"
                    index = end + 2
                } else if character == "*" || character == "_", !doubled, let end = closing([character], after: index) {
                    out += "<em>\(escaped(characters[(index + 1)..<end]))</em>"
                    index = end + 1
                } else if character == "[", let middle = closing(["]", "("], after: index),
                    let end = closing([")"], after: middle + 1),
                    case let target = String(characters[(middle + 2)..<end]).trimmingCharacters(in: .whitespaces),
                    allowed(target)
                {
                    out += "<a href=\"\(MarkupText.escaped(target))\">\(escaped(characters[(index + 1)..<middle]))</a>"
                    index = end + 1
                } else {
                    out += MarkupText.escaped(String(character))
                    index += 1
                }
            }
            return out
        }

        /// What a backslash makes plain text.
        static let escapable: Set<Character> = ["\\", "*", "_", "`", "[", "]", "(", ")", "|", "#", "-", "+", "!", "."]

        /// For each position, where `mark` next begins at or after it.
        private static func occurrences(of mark: [Character], in characters: [Character]) -> [Int?] {
            var table = [Int?](repeating: nil, count: characters.count + 1)
            var position = characters.count - mark.count
            while position >= 0 {
                let here =
                    characters[position..<position + mark.count].elementsEqual(mark)
                    && (position == 0 || characters[position - 1] != "\\")
                table[position] = here ? position : table[position + 1]
                position -= 1
            }
            return table
        }

        /// Web and mail addresses, and paths within Haven; never `javascript:` or `data:`.
        static func allowed(_ target: String) -> Bool {
            let lower = target.lowercased()
            guard !target.isEmpty, !target.contains(where: { $0.isWhitespace || $0 == "\\" }) else { return false }
            return lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:")
                || (target.hasPrefix("/") && !target.hasPrefix("//")) || target.hasPrefix("#")
        }

        private static func escaped(_ characters: ArraySlice<Character>) -> String {
            MarkupText.escaped(String(characters))
        }
    }
}
