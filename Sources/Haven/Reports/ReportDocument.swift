import Vapor

/// A report as a file to send on: its Markdown as written, or a standalone HTML page that prints on A4.
enum ReportDocument {
    static func markdown(_ report: SituationReport) -> Response {
        file(
            report.text, type: HTTPMediaType(type: "text", subType: "markdown", parameters: ["charset": "utf-8"]),
            name: "situation-report-\(report.month).md")
    }

    static func html(_ report: SituationReport) -> Response {
        let title = MarkupText.escaped(Markdown.title(report.text) ?? ReportDraft.title(report.reportingMonth))
        let status =
            report.status == .published
            ? "Published \(Format.moment(report.publishedAt))" : "Draft of \(Format.moment(report.draftedAt))"
        let page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>\(style)</style></head>
            <body><article>
            \(Markdown.html(report.text))
            <p class="status">\(MarkupText.escaped(status)) · Haven</p>
            </article></body></html>
            """
        return file(page, type: .html, name: "situation-report-\(report.month).html")
    }

    private static let style = """
        body { font: 11pt/1.4 system-ui, "Segoe UI", Roboto, sans-serif; color: #1d2733; max-width: 48rem; margin: 1rem auto; padding: 0 1rem; }
        table { border-collapse: collapse; width: 100%; font-size: 10pt; margin: .5rem 0; }
        th, td { text-align: left; padding: 2pt 5pt; border-bottom: 1px solid #d5dbe2; }
        th { background: #f6f8fa; } .num { text-align: right; }
        h1 { font-size: 16pt; } h2 { font-size: 12.5pt; border-bottom: 1px solid #d5dbe2; }
        .status { color: #5b6877; font-size: 9pt; }
        @page { size: A4; margin: 15mm; }
        @media print { body { margin: 0; max-width: none; } table { break-inside: avoid; } h2 { break-after: avoid; } }
        """

    private static func file(_ text: String, type: HTTPMediaType, name: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = type
        response.headers.contentDisposition = .init(.attachment, filename: name)
        return response
    }
}
