import Fluent
import Vapor

/// The OpenRosa API that ODK Collect and KoboCollect speak: form list, form download, submission.
/// The operation is project 1, under `/v1/projects/1` as on ODK Central.
struct OpenRosaRoutes: RouteCollection {
    static let project = 1

    func boot(routes: any RoutesBuilder) throws {
        let project = routes.grouped("v1", "projects", ":project")
        project.get("formList", use: formList)
        project.get("forms", ":form", "manifest", use: manifest)
        project.get("forms", ":form", "attachments", ":name", use: attachment)
        project.on(.HEAD, "submission", use: submissionProbe)
        project.on(.POST, "submission", body: .collect(maxSize: "10mb"), use: submit)
    }

    func formList(req: Request) async throws -> Response {
        _ = try Self.project(req)
        let base = "\(req.baseURL)/v1/projects/\(Self.project)"
        var forms: [String] = []
        for form in try await ODKForms.current(req) {
            let media = try await ODKForms.form(form.id).media(on: req.db)
            let manifest = media.isEmpty ? "" : "<manifestUrl>\(base)/forms/\(form.id)/manifest</manifestUrl>"
            forms.append(
                "<xform><formID>\(form.id)</formID><name>\(form.title)</name><version>\(form.version)</version>"
                    + "<hash>\(ODKForms.hash(form.document))</hash><downloadUrl>\(base)/forms/\(form.id).xml</downloadUrl>"
                    + "\(manifest)</xform>")
        }
        return Self.xml(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <xforms xmlns="http://openrosa.org/xforms/xformsList">
            \(forms.joined(separator: "\n"))
            </xforms>
            """)
    }

    /// The files a form attaches, each with its hash, so Collect fetches a file again only when it changed.
    func manifest(req: Request) async throws -> Response {
        _ = try Self.project(req)
        let form = try ODKForms.form(req.parameters.get("form"))
        let base = "\(req.baseURL)/v1/projects/\(Self.project)/forms/\(form.formID)/attachments"
        let files = try await form.media(on: req.db).map { file in
            "<mediaFile><filename>\(file.name)</filename><hash>\(ODKForms.hash(file.content))</hash>"
                + "<downloadUrl>\(base)/\(file.name)</downloadUrl></mediaFile>"
        }
        return Self.xml(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest xmlns="http://openrosa.org/xforms/xformsManifest">\(files.joined())</manifest>
            """)
    }

    func attachment(req: Request) async throws -> Response {
        _ = try Self.project(req)
        let form = try ODKForms.form(req.parameters.get("form"))
        guard let file = try await form.media(on: req.db).first(where: { $0.name == req.parameters.get("name") })
        else { throw HavenError.notFound("Attachment") }
        let response = Response(status: .ok, body: .init(string: file.content))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        Self.openRosaHeaders(response)
        return response
    }

    func submissionProbe(req: Request) async throws -> Response {
        _ = try Self.project(req)
        let response = Response(status: .noContent)
        Self.openRosaHeaders(response)
        return response
    }

    func submit(req: Request) async throws -> Response {
        let user = try Self.project(req)
        do {
            guard let file = try? req.content.get(File.self, at: "xml_submission_file") else {
                throw HavenError.badRequest("The submission has no xml_submission_file part.")
            }
            let receipt = try await ODKForms.receive(Data(buffer: file.data), form: nil, from: user, on: req)
            return Self.response(receipt.message, nature: "submit_success", status: .created)
        } catch let error as HavenError where req.headers.first(name: "X-OpenRosa-Version") != nil {
            // ODK Collect shows the message of an OpenRosa response to the enumerator; a problem+json it cannot.
            // A refusal still goes on the audit trail, as the error middleware would have put it.
            if error.status == .forbidden { await Refusals.forbidden(user, why: error.detail, on: req) }
            return Self.response(Self.message(error), nature: "submit_error", status: error.status)
        }
    }

    /// What went wrong, in one message an enumerator can act on: every field refused and why.
    static func message(_ error: HavenError) -> String {
        guard case .invalid(let errors) = error, errors.count > 1 else { return error.detail }
        return error.detail + " " + errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }

    static func response(_ message: String, nature: String, status: HTTPResponseStatus) -> Response {
        xml(
            """
            <OpenRosaResponse xmlns="http://openrosa.org/http/response"><message nature="\(nature)">\(MarkupText.escaped(message))</message></OpenRosaResponse>
            """, status: status)
    }

    /// The signed-in user, once the project number is checked.
    static func project(_ req: Request) throws -> UserContext {
        let user = try req.requireUser()
        guard req.parameters.get("project") == String(project) else { throw HavenError.notFound("Project") }
        return user
    }

    static func xml(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status)
        response.headers.contentType = HTTPMediaType(type: "text", subType: "xml", parameters: ["charset": "utf-8"])
        openRosaHeaders(response)
        response.body = .init(string: body)
        return response
    }

    static func openRosaHeaders(_ response: Response) {
        response.headers.replaceOrAdd(name: "X-OpenRosa-Version", value: "1.0")
        response.headers.replaceOrAdd(name: "X-OpenRosa-Accept-Content-Length", value: "10485760")
    }
}

extension Request {
    /// This server's address as the client reached it, for links in form lists.
    var baseURL: String {
        let host = headers.first(name: .host) ?? "127.0.0.1"
        let scheme = headers.first(name: "X-Forwarded-Proto") == "https" ? "https" : "http"
        return "\(scheme)://\(host)"
    }
}
