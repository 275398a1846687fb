import Foundation
import Vapor

/// A value the API sends in long lists, written field by field instead of through `JSONEncoder`.
protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

/// JSON written straight into bytes. Foundation's `JSONEncoder` builds a tree of every value, looks up the
/// generic metadata of each, sorts every object's keys and only then writes: with fifty sites a page that
/// was a quarter of each request. What this writes parses to what `JSONEncoder` with ISO 8601 dates sends
/// (`JSONWriterTests` holds it to that); keys come in the order written.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key follows another in the same object or array.
    private var followsValue = false

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        followsValue = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        followsValue = true
    }

    mutating func array<Items: Sequence>(_ items: Items, _ each: (inout JSONWriter, Items.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        followsValue = false
        for item in items { each(&self, item) }
        bytes.append(UInt8(ascii: "]"))
        followsValue = true
    }

    /// Starts a member of an object; the value written next is its value.
    mutating func key(_ name: String) {
        separate()
        quoted(name)
        bytes.append(UInt8(ascii: ":"))
        followsValue = false
    }

    mutating func string(_ value: String) {
        separate()
        quoted(value)
        followsValue = true
    }

    mutating func int(_ value: Int) {
        raw(String(value))
    }

    /// As `JSONEncoder` writes a number: the shortest text that reads back the same, without a trailing `.0`.
    /// JSON has no infinity or NaN, which `JSONEncoder` refuses; no stored value is either, so they are null.
    mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        let text = value.description
        raw(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    mutating func bool(_ value: Bool) {
        raw(value ? "true" : "false")
    }

    mutating func null() {
        raw("null")
    }

    mutating func uuid(_ value: UUID) {
        string(value.uuidString)
    }

    /// ISO 8601 in UTC to the second, as `JSONEncoder.DateEncodingStrategy.iso8601` writes it.
    mutating func date(_ value: Date) {
        let seconds = value.timeIntervalSince1970.rounded(.down)
        let day = CalendarDay(value)
        let ofDay = Int(seconds - Double(day.daysSince1970) * 86_400)
        guard (0..<86_400).contains(ofDay) else { return string(day.description + "T00:00:00Z") }
        string(
            day.description + "T" + (ofDay / 3600).zeroPadded(2) + ":" + (ofDay / 60 % 60).zeroPadded(2) + ":"
                + (ofDay % 60).zeroPadded(2) + "Z")
    }

    private mutating func raw(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
        followsValue = true
    }

    private mutating func separate() {
        if followsValue { bytes.append(UInt8(ascii: ",")) }
    }

    /// A string in quotes, escaping what JSON requires: the quote, the backslash and control characters.
    private mutating func quoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

extension JSONWriter {
    /// Members whose value is missing are left out, as `JSONEncoder` leaves out a nil optional.
    mutating func field(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    mutating func field(_ name: String, _ value: Double?) {
        guard let value else { return }
        key(name)
        double(value)
    }

    mutating func field(_ name: String, _ value: Bool?) {
        guard let value else { return }
        key(name)
        bool(value)
    }

    mutating func field(_ name: String, _ value: UUID?) {
        guard let value else { return }
        key(name)
        uuid(value)
    }

    mutating func field(_ name: String, _ value: Date?) {
        guard let value else { return }
        key(name)
        date(value)
    }

    mutating func field<Value: RawRepresentable<String>>(_ name: String, _ value: Value?) {
        field(name, value?.rawValue)
    }

    mutating func field<Value: CustomStringConvertible>(_ name: String, described value: Value?) {
        field(name, value?.description)
    }
}

extension Page where Item: JSONWritable {
    /// The page as JSON written by `JSONWriter`, for lists long enough for `JSONEncoder` to matter.
    func response() -> Response {
        var json = JSONWriter(capacity: 512 + items.count * 640)
        json.object { page in
            page.key("items")
            page.array(items) { json, item in item.write(to: &json) }
            page.field("limit", limit)
            page.field("offset", offset)
            page.field("total", total)
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(buffer: ByteBuffer(bytes: json.bytes)))
    }
}
