import Fluent
import Foundation
import ZIPFoundation

/// The package a coordinator uploads to HDX: each capability's open-data table as CSV with HXL, a metadata file
/// (title, source, date range, methodology, licence, contact, and each file's columns) and a README saying the
/// same for people. Nothing personal is in it, and counts of people below the threshold are left empty.
struct OpenDataPackage: Sendable {
    var files: [OpenDataFile]
    var metadata: Metadata

    struct Metadata: Codable, Sendable, Equatable {
        struct Resource: Codable, Sendable, Equatable {
            var name: String
            var title: String
            var description: String
            var rows: Int
            var columns: [String]
            var hashtags: [String]
        }

        var title: String
        var source: String
        var datasetDate: String
        var dateRange: String?
        var methodology: String
        var caveats: String
        var licence: String
        var contact: String
        var smallCellThreshold: Int
        var resources: [Resource]
    }

    static func make(_ context: OpenDataContext, settings: OpenDataSettings) async throws -> OpenDataPackage {
        var files: [OpenDataFile] = []
        for table in OpenDataTables.all { files.append(try await table.file(context)) }
        let from = files.compactMap(\.from).min()
        let to = files.compactMap(\.to).max()
        let metadata = Metadata(
            title: (settings.operation.isEmpty ? "" : "\(settings.operation): ")
                + "Displacement sites, population, severity and presence",
            source: settings.source, datasetDate: context.today.description,
            dateRange: from.flatMap { first in to.map { "\(first) to \($0)" } },
            methodology: """
                Compiled in Haven from the cluster's site registry, population counts by site management agencies, \
                site-monitoring rounds scored against the Sphere and cluster standards (severity 1-5; a sector at 3 or \
                worse is in need), partners' monthly 5W reports and the service directory of each site.
                """,
            caveats: """
                Counts of people below \(context.smallCellThreshold) are left empty, and where one cell of a site's sex \
                and age breakdown is, the next smallest is too, so that no small group can be worked out. Free-text \
                notes, contacts and anything said in complaints are never included.
                """,
            licence: settings.licence, contact: settings.contact, smallCellThreshold: context.smallCellThreshold,
            resources: files.map {
                .init(
                    name: $0.name, title: $0.title, description: $0.description, rows: $0.rows.count,
                    columns: $0.header, hashtags: $0.hashtags)
            })
        return OpenDataPackage(files: files, metadata: metadata)
    }

    var readme: String {
        var lines = [
            "# \(metadata.title)", "", "Source: \(metadata.source)", "Dataset date: \(metadata.datasetDate)",
        ]
        if let range = metadata.dateRange { lines.append("Date range: \(range)") }
        lines += [
            "Licence: \(metadata.licence)", "Contact: \(metadata.contact.isEmpty ? "–" : metadata.contact)", "",
            "## Methodology", "", metadata.methodology, "", "## Caveats", "", metadata.caveats, "", "## Files", "",
        ]
        for resource in metadata.resources {
            lines.append("- \(resource.name) (\(resource.rows) rows): \(resource.description)")
        }
        lines += ["", "Every CSV is UTF-8 with a header row and an HXL hashtag row (hxlstandard.org) under it."]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the package as a zip file at `url`.
    func write(to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let entries =
            files.map { ($0.name, Data($0.csv.utf8)) } + [
                ("metadata.json", try encoder.encode(metadata)), ("README.md", Data(readme.utf8)),
            ]
        for (name, data) in entries {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
