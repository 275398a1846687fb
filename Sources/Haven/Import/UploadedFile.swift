import Vapor

extension Request {
    /// The file of an upload form (a multipart part named `file`); a body that holds none, or is not a
    /// multipart form at all, is a 400 that says so rather than a decoding failure.
    func uploadedFile() throws -> File {
        guard let upload = try? content.decode(FileUpload.self) else {
            throw HavenError.badRequest("Send the file as a multipart/form-data upload, in a part named file.")
        }
        return upload.file
    }
}

/// An upload form's one file.
private struct FileUpload: Content {
    var file: File
}
