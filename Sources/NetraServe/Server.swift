import Foundation
import Hummingbird
import Logging
import NIOCore
import HTTPTypes
import Synchronization
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender
import CZip

/// The request context: Hummingbird's, with the peer's address (for the failed-login count)
/// and the upload cap.
public struct ServeContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    public var maxUploadSize: Int { ServeContext.uploadCap.withLock { $0 } }
    static let uploadCap = Mutex(20 * 1024 * 1024)

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    var address: String { remoteAddress?.ipAddress ?? "unknown" }
}

/// `netra serve`: the pages and the API over workspaces and versions.
public struct NetraServer: Sendable {
    typealias S = Strings.Serve
    public let config: ServeConfig
    let store: ServeStore
    let sessions: Sessions
    let logger: Logger

    public init(config: ServeConfig, logger: Logger) throws {
        if let refusal = config.refusal { throw ServeError.failed(refusal) }
        self.config = config
        self.logger = logger
        store = try ServeStore(config: config)
        sessions = Sessions(passwordHash: config.passwordHash, index: store.index)
        ServeContext.uploadCap.withLock { $0 = config.maxUpload }
    }

    /// Runs until SIGTERM or SIGINT; running jobs (their requests) finish first.
    public func run(onRunning: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let router = Router(context: ServeContext.self)
        router.add(middleware: RequestLog(logger: logger))
        router.add(middleware: SecurityHeaders())
        routes(router)
        await sessions.removeExpired()
        let logger = self.logger
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(config.host, port: config.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info(
                    "netra serve: listening on http://\(channel.localAddress?.ipAddress ?? "?"):\(port) (data in \(self.config.dataDir), index in WAL mode)")
                onRunning(port)
            },
            logger: logger
        )
        try await app.runService()
        logger.info("netra serve: stopped")
    }

    // MARK: Routes

    func routes(_ router: Router<ServeContext>) {
        router.get("/static/serve.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.css)))
        }
        router.get("/static/copy.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.copyScript)))
        }
        router.get("/static/queue.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.queueScript)))
        }
        // No icon: an empty answer, not a 404 in every page's console.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/login") { req, ctx in try await self.loginPage(req, ctx, error: nil) }
        router.post("/login") { req, ctx in try await self.login(req, ctx) }
        router.post("/logout") { req, ctx in try await self.logout(req, ctx) }
        router.get("/") { req, ctx in
            try await self.page(req, ctx) { p in
                let ws = try await self.store.index.workspaces()
                let jobs = await self.store.slots.counts
                return p.html(S.workspaces.text(p.lang), Pages.home(ws, jobs: jobs, lang: p.lang, csrf: p.csrf))
            }
        }
        router.post("/settings") { req, ctx in try await self.postSettings(req, ctx) }
        router.get("/w/:id") { req, ctx in
            try await self.page(req, ctx) { p in
                let w = try await self.workspace(ctx)
                let versions = try await self.store.index.versions(of: w.id)
                let charts = versions.first.map { self.charts(of: $0) } ?? []
                let warnings = versions.first.map { self.store.warnings(of: $0) } ?? []
                let queue = await self.store.slots.counts
                return p.html(
                    w.office ?? w.id, Pages.workspace(w, versions: versions, warnings: warnings, charts: charts, lang: p.lang, csrf: p.csrf, queue: queue))
            }
        }
        router.post("/w/:id/upload") { req, ctx in try await self.pageUpload(req, ctx) }
        router.get("/w/:id/briefing") { req, ctx in
            try await self.page(req, ctx) { p in
                let w = try await self.workspace(ctx)
                let number = req.uri.queryParameters["v"].flatMap { Int(String($0)) }
                guard let v = try await self.store.index.version(of: w.id, number: number),
                    let month = req.uri.queryParameters["month"].flatMap({ Month(parsing: String($0)) })
                else { throw HTTPError(.notFound) }
                guard let folder = try await self.briefing(w, v, month) else {
                    return p.html(S.briefing.text(p.lang), Pages.message(S.noBriefing.text(p.lang), back: "/w/\(w.id)", lang: p.lang), status: .notFound)
                }
                let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                let pages = files.filter { $0.hasPrefix("briefing-sheet") && $0.hasSuffix(".png") }.count
                let caption = (try? String(contentsOfFile: folder + "/caption.txt", encoding: .utf8)) ?? ""
                return p.html(
                    S.briefing.text(p.lang) + " " + month.iso,
                    Pages.briefing(w, v, month: month.iso, pages: pages, caption: caption, pdf: files.contains(BriefingPDF.fileName), lang: p.lang))
            }
        }
        router.get("/w/:id/diff") { req, ctx in
            try await self.page(req, ctx) { p in
                let w = try await self.workspace(ctx)
                guard let a = req.uri.queryParameters["a"].flatMap({ Int(String($0)) }), let b = req.uri.queryParameters["b"].flatMap({ Int(String($0)) }),
                    let va = try await self.store.index.version(of: w.id, number: a), let vb = try await self.store.index.version(of: w.id, number: b)
                else { throw HTTPError(.notFound) }
                let store = self.store
                let (old, new) = try await Task.detached { () throws -> (Dataset, Dataset) in (try store.dataset(va), try store.dataset(vb)) }.value
                return p.html(S.compare.text(p.lang) + " \(a) → \(b)", Pages.diff(w, DatasetDiff(old: old, new: new), old: old, new: new, lang: p.lang))
            }
        }

        // The API.
        router.get("/api/workspaces") { req, ctx in
            try await self.api(req, ctx) {
                try json(try await self.store.index.workspaces())
            }
        }
        // The queue: jobs running and waiting; and where the job of a ticket is, in words too.
        router.get("/api/queue") { req, ctx in
            try await self.api(req, ctx) {
                let (running, waiting) = await self.store.slots.counts
                struct Queue: Encodable { var running: Int; var waiting: Int; var slots: Int }
                return try json(Queue(running: running, waiting: waiting, slots: self.config.jobSlots))
            }
        }
        router.get("/api/queue/:ticket") { req, ctx in
            try await self.api(req, ctx) {
                let ticket = ctx.parameters.get("ticket") ?? ""
                guard JobSlots.isTicket(ticket) else { throw HTTPError(.notFound) }
                let lang =
                    req.uri.queryParameters["lang"].flatMap { Language(rawValue: String($0)) }
                    ?? Language(rawValue: parseCookies(req.headers[.cookie])["netra_lang"] ?? "") ?? .id
                struct Place: Encodable { var state: String; var place: Int?; var text: String }
                switch await self.store.slots.state(of: ticket) {
                case .waiting(let place)?: return try json(Place(state: "waiting", place: place, text: S.queued(place).text(lang)))
                case .running?: return try json(Place(state: "running", place: nil, text: S.jobRunning.text(lang)))
                case nil: return try json(Place(state: "none", place: nil, text: ""))
                }
            }
        }
        router.put("/api/workspaces/:id") { req, ctx in try await self.api(req, ctx) { try await self.putWorkspace(req, ctx) } }
        router.get("/api/workspaces/:id") { req, ctx in try await self.api(req, ctx) { try json(try await self.workspace(ctx)) } }
        router.post("/api/workspaces/:id/versions") { req, ctx in try await self.api(req, ctx) { try await self.apiUpload(req, ctx) } }
        router.get("/api/workspaces/:id/versions") { req, ctx in
            try await self.api(req, ctx) {
                let w = try await self.workspace(ctx)
                return try json(try await self.store.index.versions(of: w.id))
            }
        }
        router.get("/api/workspaces/:id/template.xlsx") { req, ctx in
            try await self.api(req, ctx) {
                let w = try await self.workspace(ctx)
                let store = self.store
                let bytes = try await Task.detached { try store.template(w) }.value
                return file(bytes, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download: "dataset-\(w.id).xlsx")
            }
        }
        router.get("/api/workspaces/:id/versions/:version") { req, ctx in try await self.api(req, ctx) { try json(try await self.version(ctx).1) } }
        router.get("/api/workspaces/:id/versions/:version/report.html") { req, ctx in
            try await self.api(req, ctx) {
                let (_, v) = try await self.version(ctx)
                var r = try self.serve(self.store.versionFolder(v) + "/out/report.html", type: "text/html; charset=utf-8")
                // The report's own policy: its inline script and styles, nothing fetched, in a sandbox of its own.
                r.headers[.contentSecurityPolicy] =
                    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'; sandbox allow-scripts allow-popups"
                return r
            }
        }
        router.get("/api/workspaces/:id/versions/:version/netra.xlsx") { req, ctx in
            try await self.api(req, ctx) {
                let (w, v) = try await self.version(ctx)
                return try self.serve(
                    self.store.versionFolder(v) + "/out/netra.xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    download: "netra-\(w.id)-v\(v.number).xlsx")
            }
        }
        router.get("/api/workspaces/:id/versions/:version/csv.zip") { req, ctx in
            try await self.api(req, ctx) {
                let (w, v) = try await self.version(ctx)
                let bytes = try self.csvZip(v)
                return file(bytes, type: "application/zip", download: "netra-\(w.id)-v\(v.number)-csv.zip")
            }
        }
        router.get("/api/workspaces/:id/versions/:version/charts/:name") { req, ctx in
            try await self.api(req, ctx) {
                let (_, v) = try await self.version(ctx)
                let name = ctx.parameters.get("name") ?? ""
                // Only a chart the job made, by its exact name: never a path from the request.
                guard self.charts(of: v).contains(name) else { throw HTTPError(.notFound) }
                return try self.serve(self.store.versionFolder(v) + "/out/" + name, type: "image/png")
            }
        }
        router.get("/api/workspaces/:id/versions/:version/briefing/:month") { req, ctx in
            try await self.api(req, ctx) {
                let (w, v) = try await self.version(ctx)
                let name = ctx.parameters.get("month") ?? ""
                guard name.hasSuffix(".png"), let month = Month(parsing: String(name.dropLast(4))),
                    let folder = try await self.briefing(w, v, month)
                else { throw HTTPError(.notFound) }
                return try self.serve(folder + "/briefing-sheet.png", type: "image/png", download: "briefing-\(w.id)-\(month.iso).png")
            }
        }
        router.get("/api/workspaces/:id/versions/:version/briefing/:month/:file") { req, ctx in
            try await self.api(req, ctx) {
                let (w, v) = try await self.version(ctx)
                let name = ctx.parameters.get("file") ?? ""
                guard let month = ctx.parameters.get("month").flatMap(Month.init(parsing:)) else { throw HTTPError(.notFound) }
                let allowed: [String: String] = [
                    "caption.txt": "text/plain; charset=utf-8", BriefingPDF.fileName: "application/pdf",
                    "events.csv": "text/csv; charset=utf-8", "figures.csv": "text/csv; charset=utf-8",
                    "monthly.png": "image/png", "timeline.png": "image/png", "compare.png": "image/png"
                ]
                let page =
                    name.hasPrefix("briefing-sheet-") && name.hasSuffix(".png") && Int(name.dropFirst(15).dropLast(4)).map { (2...50).contains($0) } == true
                guard let type = allowed[name] ?? (page ? "image/png" : nil), let folder = try await self.briefing(w, v, month) else {
                    throw HTTPError(.notFound)
                }
                return try self.serve(folder + "/" + name, type: type, download: "\(w.id)-\(month.iso)-\(name)")
            }
        }
    }

    // MARK: Pages

    /// What a page handler gets: the language, the session's CSRF token and a way to answer.
    struct PageState {
        var lang: Language
        var csrf: String
        var loggedIn: Bool
        var path: String
        var cookies: [(String, String)]
        func html(_ title: String, _ body: String, status: HTTPResponse.Status = .ok) -> Response {
            var r = Response(
                status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: Pages.layout(title, lang: lang, path: path, loggedIn: loggedIn, csrf: csrf, body))))
            for (k, v) in cookies { r.headers.append(HTTPField(name: .setCookie, value: cookie(k, v))) }
            return r
        }
    }

    func state(_ req: Request) async -> (PageState, token: String, loggedIn: Bool) {
        let cookies = parseCookies(req.headers[.cookie])
        let (token, session) = await sessions.session(cookies["netra_session"])
        var set: [(String, String)] = []
        if token != cookies["netra_session"] { set.append(("netra_session", token)) }
        var lang = Language(rawValue: cookies["netra_lang"] ?? "") ?? .id
        if let q = req.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) {
            lang = q
            set.append(("netra_lang", q.rawValue))
        }
        return (
            PageState(lang: lang, csrf: session.csrf, loggedIn: session.loggedIn && config.passwordHash != nil, path: req.uri.path, cookies: set), token,
            session.loggedIn
        )
    }

    /// A page: logged in (or open on loopback), else the login form.
    func page(_ req: Request, _ ctx: ServeContext, _ body: (PageState) async throws -> Response) async throws -> Response {
        let (p, _, loggedIn) = await state(req)
        guard loggedIn else {
            var r = Response(status: .seeOther, headers: [.location: "/login"])
            for (k, v) in p.cookies { r.headers.append(HTTPField(name: .setCookie, value: cookie(k, v))) }
            return r
        }
        do { return try await body(p) } catch let e as HTTPError where e.status == .notFound {
            return p.html(S.notFound.text(p.lang), Pages.message(S.notFound.text(p.lang), back: "/", lang: p.lang), status: .notFound)
        }
    }

    /// A form's POST: a session whose CSRF token the form carries, else 403 and nothing done.
    func form(
        _ req: Request, _ ctx: ServeContext, fields: [String: String], needLogin: Bool = true,
        _ body: (PageState, String) async throws -> Response
    ) async throws -> Response {
        let (p, token, loggedIn) = await state(req)
        guard let sent = fields["csrf"], sameToken(sent, p.csrf), sameOrigin(req) else {
            logger.notice(
                "form refused: \(fields["csrf"] == nil ? "no CSRF token" : sameOrigin(req) ? "a CSRF token not of this session" : "posted from another origin") (\(req.uri.path))"
            )
            return p.html(S.badForm.text(p.lang), Pages.message(S.badForm.text(p.lang), back: "/", lang: p.lang), status: .forbidden)
        }
        if needLogin && !loggedIn { return Response(status: .seeOther, headers: [.location: "/login"]) }
        return try await body(p, token)
    }

    func loginPage(_ req: Request, _ ctx: ServeContext, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (p, _, _) = await state(req)
        return p.html(S.login.text(p.lang), Pages.login(lang: p.lang, csrf: p.csrf, error: error), status: status)
    }

    func login(_ req: Request, _ ctx: ServeContext) async throws -> Response {
        var req = req
        let fields = parseForm(try await req.collectBody(upTo: 64 * 1024))
        return try await form(req, ctx, fields: fields, needLogin: false) { p, token in
            switch await sessions.logIn(token, password: fields["password"] ?? "", address: ctx.address) {
            case .wait:
                var r = p.html(S.login.text(p.lang), Pages.login(lang: p.lang, csrf: p.csrf, error: S.tooManyLogins.text(p.lang)), status: .tooManyRequests)
                r.headers[.retryAfter] = "60"
                return r
            case .wrong:
                logger.notice("login refused from \(ctx.address)")
                return p.html(S.login.text(p.lang), Pages.login(lang: p.lang, csrf: p.csrf, error: S.wrongPassword.text(p.lang)), status: .unauthorized)
            case .loggedIn(let newToken):
                var r = Response(status: .seeOther, headers: [.location: "/"])
                r.headers.append(HTTPField(name: .setCookie, value: cookie("netra_session", newToken)))
                return r
            }
        }
    }

    func logout(_ req: Request, _ ctx: ServeContext) async throws -> Response {
        var req = req
        let fields = parseForm(try await req.collectBody(upTo: 64 * 1024))
        return try await form(req, ctx, fields: fields, needLogin: false) { _, token in
            await sessions.logOut(token)
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
    }

    func postSettings(_ req: Request, _ ctx: ServeContext) async throws -> Response {
        var req = req
        let fields = parseForm(try await req.collectBody(upTo: 64 * 1024))
        return try await form(req, ctx, fields: fields) { p, _ in
            let id = fields["id"] ?? ""
            guard ServeStore.isWorkspaceId(id) else {
                return p.html(S.settings.text(p.lang), Pages.message(S.badId.text(p.lang), back: "/", lang: p.lang), status: .unprocessableContent)
            }
            switch settingsRow(id: id, office: fields["office"], region: fields["region"], pair: fields["pair"], lang: fields["lang"]) {
            case .failure(let message):
                return p.html(S.settings.text(p.lang), Pages.message(message.description, back: "/", lang: p.lang), status: .unprocessableContent)
            case .success(let row):
                _ = try await store.index.put(row)
                logger.info("workspace \(id) settings saved")
                return Response(status: .seeOther, headers: [.location: "/w/\(id)"])
            }
        }
    }

    func pageUpload(_ req: Request, _ ctx: ServeContext) async throws -> Response {
        var req = req
        let body = try await req.collectBody(upTo: config.maxUpload)
        guard let boundary = req.headers[.contentType].flatMap(Multipart.boundary),
            let parts = Multipart.parse(Array(buffer: body), boundary: boundary)
        else { throw HTTPError(.badRequest) }
        var fields: [String: String] = [:]
        for p in parts where p.filename == nil { fields[p.name] = String(decoding: p.bytes.prefix(200), as: UTF8.self) }
        return try await form(req, ctx, fields: fields) { p, _ in
            let w = try await workspace(ctx)
            let files = parts.filter { $0.filename != nil && !$0.bytes.isEmpty }
            let named = files.compactMap { f in UploadName(field: f.name).map { (name: $0, bytes: f.bytes) } }
            guard named.count == files.count, !named.isEmpty else {
                return p.html(S.upload.text(p.lang), Pages.message(S.uploadHelp.text(p.lang), back: "/w/\(w.id)", lang: p.lang), status: .unprocessableContent)
            }
            let uploader = cleanName(fields["uploader"])
            let logger = self.logger
            let ticket = fields["ticket"].flatMap { JobSlots.isTicket($0) ? $0 : nil }
            switch try await store.upload(
                w, files: named, uploader: uploader, ticket: ticket, queued: { place in logger.info("job upload \(w.id) waits: place \(place) in the queue") })
            {
            case .stored(let v):
                logger.info("job upload \(w.id): stored version \(v.number) (\(v.events) events, \(v.warnings) warnings) by \(uploader)")
                return Response(status: .seeOther, headers: [.location: "/w/\(w.id)"])
            case .problems(let problems):
                logger.info("job upload \(w.id): refused, \(problems.count) problems")
                return p.html(S.upload.text(p.lang), Pages.problems(w, problems, lang: p.lang), status: .unprocessableContent)
            case .timedOut(let checking):
                logger.warning("job \(checking ? "check" : "upload") \(w.id): over its time limit, stopped")
                return p.html(
                    S.upload.text(p.lang), Pages.message((checking ? S.checkTimedOut : S.timedOut).text(p.lang), back: "/w/\(w.id)", lang: p.lang),
                    status: .serviceUnavailable)
            case .failed(let why):
                logger.error("job upload \(w.id): failed: \(why)")
                return p.html(
                    S.upload.text(p.lang), Pages.message(S.jobFailed.text(p.lang) + " " + why, back: "/w/\(w.id)", lang: p.lang), status: .internalServerError)
            }
        }
    }

    // MARK: API

    /// An API call: Basic authentication (or a logged-in session) when a password is set;
    /// five failures a minute from one address, then 429.
    func api(_ req: Request, _ ctx: ServeContext, _ body: () async throws -> Response) async throws -> Response {
        if req.method != .get && req.method != .head { guard sameOrigin(req) else { throw HTTPError(.forbidden) } }
        if config.passwordHash != nil {
            if await !sessions.isLoggedIn(parseCookies(req.headers[.cookie])["netra_session"]) {
                switch await sessions.checkBasic(req.headers[.authorization], address: ctx.address) {
                case .ok: break
                case .wait:
                    return Response(
                        status: .tooManyRequests, headers: [.retryAfter: "60", .contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"too many failed logins; wait a minute\"}")))
                case .refused:
                    logger.notice("api authentication refused from \(ctx.address)")
                    return Response(
                        status: .unauthorized, headers: [.wwwAuthenticate: "Basic realm=\"netra\", charset=\"UTF-8\"", .contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"authentication required\"}")))
                }
            }
        }
        return try await body()
    }

    func putWorkspace(_ req: Request, _ ctx: ServeContext) async throws -> Response {
        var req = req
        guard let id = ctx.parameters.get("id"), ServeStore.isWorkspaceId(id) else { return problem(.unprocessableContent, S.badId.en) }
        let body = try await req.collectBody(upTo: 64 * 1024)
        struct Settings: Decodable { var office: String?; var region: String?; var pair: String?; var lang: String? }
        guard let s = try? JSONDecoder().decode(Settings.self, from: Data(buffer: body)) else {
            return problem(.badRequest, "the body must be JSON: {\"office\": …, \"region\": …, \"pair\": \"a,b\", \"lang\": \"id\"|\"en\"}")
        }
        switch settingsRow(id: id, office: s.office, region: s.region, pair: s.pair, lang: s.lang) {
        case .failure(let message): return problem(.unprocessableContent, message.description)
        case .success(let row):
            let created = try await store.index.put(row)
            logger.info("workspace \(id) \(created ? "created" : "updated")")
            var r = try json(try await store.index.workspace(id))
            r.status = created ? .created : .ok
            return r
        }
    }

    func apiUpload(_ req: Request, _ ctx: ServeContext) async throws -> Response {
        var req = req
        let w = try await workspace(ctx)
        if let length = req.headers[.contentLength].flatMap(Int.init), length > config.maxUpload {
            return problem(.contentTooLarge, S.tooLarge.en + " (\(config.maxUpload) bytes)")
        }
        let body = try await req.collectBody(upTo: config.maxUpload)
        let contentType = req.headers[.contentType] ?? ""
        var files: [(name: UploadName, bytes: [UInt8])] = []
        var uploader = req.uri.queryParameters["uploader"].map { String($0) } ?? req.headers[HTTPField.Name("X-Netra-Uploader")!]
        var ticket = req.uri.queryParameters["ticket"].map { String($0) } ?? req.headers[HTTPField.Name("X-Netra-Ticket")!]
        if let boundary = Multipart.boundary(contentType) {
            guard let parts = Multipart.parse(Array(buffer: body), boundary: boundary) else {
                return problem(.badRequest, "the multipart body is not well formed")
            }
            for p in parts {
                if p.filename == nil && p.name == "uploader" { uploader = String(decoding: p.bytes.prefix(200), as: UTF8.self); continue }
                if p.filename == nil && p.name == "ticket" { ticket = String(decoding: p.bytes.prefix(64), as: UTF8.self); continue }
                // Known by its field name (or file name): one of the dataset's files, else refused.
                guard let n = UploadName(field: p.name) ?? p.filename.flatMap(UploadName.init(field:)) else {
                    return problem(
                        .unprocessableContent,
                        "'\(Diagnostic.printable(p.filename ?? p.name))' is not a dataset file; send dataset.xlsx, or events.csv, jurisdictions.csv and elections.csv"
                    )
                }
                files.append((n, p.bytes))
            }
        } else {
            files = [(.workbook, Array(buffer: body))]
        }
        guard !files.isEmpty, files.allSatisfy({ !$0.bytes.isEmpty }) else { return problem(.unprocessableContent, "the upload is empty") }
        let name = cleanName(uploader)
        let logger = self.logger
        let result = try await store.upload(
            w, files: files, uploader: name, ticket: ticket.flatMap { JobSlots.isTicket($0) ? $0 : nil },
            queued: { place in logger.info("job upload \(w.id) waits: place \(place) in the queue") })
        switch result {
        case .stored(let v):
            logger.info("job upload \(w.id): stored version \(v.number) (\(v.events) events, \(v.warnings) warnings) by \(name)")
            // The warnings listed at their cells, in the workspace's language as its problems are.
            struct Listed: Encodable { var place: String; var message: String }
            struct Stored: Encodable { var version: Int; var events: Int; var warnings: Int; var warningList: [Listed] }
            let lang = Language(rawValue: w.lang) ?? .id
            let listed = store.warnings(of: v).map { Listed(place: $0.place, message: $0.message(lang)) }
            var r = try json(Stored(version: v.number, events: v.events, warnings: v.warnings, warningList: listed))
            r.status = .created
            r.headers[.location] = "/api/workspaces/\(w.id)/versions/\(v.number)"
            return r
        case .problems(let problems):
            logger.info("job upload \(w.id): refused, \(problems.count) problems")
            struct Problems: Encodable { var problems: [UploadProblem] }
            var r = try json(Problems(problems: problems))
            r.status = .unprocessableContent
            return r
        case .timedOut(let checking):
            logger.warning("job \(checking ? "check" : "upload") \(w.id): over its time limit, stopped")
            return problem(.serviceUnavailable, (checking ? S.checkTimedOut : S.timedOut).en)
        case .failed(let why):
            logger.error("job upload \(w.id): failed: \(why)")
            return problem(.internalServerError, S.jobFailed.en + " " + why)
        }
    }

    // MARK: Helpers

    /// The workspace named in the path, or 404.
    func workspace(_ ctx: ServeContext) async throws -> WorkspaceRow {
        guard let id = ctx.parameters.get("id"), ServeStore.isWorkspaceId(id), let w = try await store.index.workspace(id) else { throw HTTPError(.notFound) }
        return w
    }

    /// The version named in the path (a number or `latest`) of that workspace only, or 404.
    func version(_ ctx: ServeContext) async throws -> (WorkspaceRow, VersionRow) {
        let w = try await workspace(ctx)
        let name = ctx.parameters.get("version") ?? ""
        let number: Int? = name == "latest" ? nil : Int(name)
        guard name == "latest" || (number ?? 0) > 0, let v = try await store.index.version(of: w.id, number: number) else { throw HTTPError(.notFound) }
        return (w, v)
    }

    func briefing(_ w: WorkspaceRow, _ v: VersionRow, _ month: Month) async throws -> String? {
        do { return try await store.briefingFolder(w, v, month: month) } catch ServeError.timedOut {
            logger.warning("job briefing \(w.id) v\(v.number) \(month.iso): over its time limit, stopped")
            throw HTTPError(.serviceUnavailable, message: S.timedOut.en)
        }
    }

    /// The top-level charts of a version's outputs.
    func charts(of v: VersionRow) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store.versionFolder(v) + "/out")) ?? []).filter { $0.hasSuffix(".png") }.sorted()
    }

    func serve(_ path: String, type: String, download: String? = nil) throws -> Response {
        guard let data = FileManager.default.contents(atPath: path) else { throw HTTPError(.notFound) }
        return file([UInt8](data), type: type, download: download)
    }

    /// The version's CSV exports as one zip (libzip), made in a job folder.
    func csvZip(_ v: VersionRow) throws -> [UInt8] {
        let out = store.versionFolder(v) + "/out"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
        let job = try store.newJobFolder()
        defer { try? FileManager.default.removeItem(atPath: job) }
        let target = job + "/csv.zip"
        var err: Int32 = 0
        guard let z = zip_open(target, ZIP_CREATE | ZIP_EXCL, &err) else { throw HTTPError(.internalServerError) }
        for n in names {
            guard let src = zip_source_file(z, out + "/" + n, 0, -1), zip_file_add(z, n, src, zip_flags_t(ZIP_FL_ENC_UTF_8)) >= 0 else {
                zip_discard(z)
                throw HTTPError(.internalServerError)
            }
        }
        guard zip_close(z) == 0, let data = FileManager.default.contents(atPath: target) else { throw HTTPError(.internalServerError) }
        return [UInt8](data)
    }

    /// A request that says where it comes from must come from this server (a page of another
    /// site cannot post here, even to an open loopback server).
    func sameOrigin(_ req: Request) -> Bool {
        guard let origin = req.headers[.origin] else { return true }
        guard let host = req.head.authority else { return false }
        return origin == "http://" + host || origin == "https://" + host
    }
}

/// The settings checked: a language of ours, a pair `a,b`, an office of a sensible length.
func settingsRow(id: String, office: String?, region: String?, pair: String?, lang: String?) -> Result<WorkspaceRow, SettingsProblem> {
    let l = (lang ?? "id").trimmingSpaces
    guard Language(rawValue: l) != nil else { return .failure(SettingsProblem("lang: id or en; got '\(Diagnostic.printable(l))'")) }
    let o = office?.trimmingSpaces ?? ""
    guard o.count <= DatasetSettings.maxOfficeLength, !o.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
        return .failure(SettingsProblem("office: at most \(DatasetSettings.maxOfficeLength) characters, on one line"))
    }
    let p = (pair ?? "").replacingOccurrences(of: " ", with: "")
    if !p.isEmpty {
        let ab = p.split(separator: ",", omittingEmptySubsequences: false)
        guard ab.count == 2,
            ab.allSatisfy({
                !$0.isEmpty && $0.utf8.count <= 100
                    && $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
            })
        else {
            return .failure(SettingsProblem("pair: two jurisdiction ids, a,b (e.g. kota-bekasi,kabupaten-bekasi)"))
        }
    }
    let r = region?.trimmingSpaces ?? ""
    guard r.count <= 200, !r.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
        return .failure(SettingsProblem("region: a Kemendagri code or name, on one line"))
    }
    let now = ISO8601DateFormatter().string(from: Date())
    return .success(WorkspaceRow(id: id, office: o.isEmpty ? nil : o, region: r.isEmpty ? nil : r, pair: p.isEmpty ? nil : p, lang: l, created: now))
}

struct SettingsProblem: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// The uploader's name as typed, on one line, at most 80 characters; "?" when none.
func cleanName(_ s: String?) -> String {
    let t = Diagnostic.printable((s ?? "").trimmingSpaces)
    return t.isEmpty ? "?" : String(t.prefix(80))
}

func json<T: Encodable>(_ value: T) throws -> Response {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys]
    let data = try e.encode(value)
    return Response(
        status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
        body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

func problem(_ status: HTTPResponse.Status, _ message: String) -> Response {
    let body = (try? JSONEncoder().encode(["error": message])) ?? Data()
    return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
}

func file(_ bytes: [UInt8], type: String, download: String? = nil) -> Response {
    var r = Response(status: .ok, headers: [.contentType: type, .cacheControl: "private, no-store"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    if let download { r.headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
    return r
}

func cookie(_ name: String, _ value: String) -> String {
    "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
}

func parseCookies(_ header: String?) -> [String: String] {
    var out: [String: String] = [:]
    for part in (header ?? "").split(separator: ";") {
        let kv = part.trimmingSpacesAround()
        guard let eq = kv.firstIndex(of: "=") else { continue }
        out[String(kv[..<eq])] = String(kv[kv.index(after: eq)...])
    }
    return out
}

/// `a=b&c=d` (application/x-www-form-urlencoded).
func parseForm(_ body: ByteBuffer) -> [String: String] {
    var out: [String: String] = [:]
    for pair in String(buffer: body).split(separator: "&") {
        let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let decode = { (s: Substring) in String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
        out[decode(kv[0])] = kv.count > 1 ? decode(kv[1]) : ""
    }
    return out
}

/// One line per request: method, path, status, time (never a header, a body or a query's values).
struct RequestLog<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let logger: Logger
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let who = context.remoteAddress?.ipAddress ?? "?"
        func line(_ status: Int) {
            let ms = (ContinuousClock.now - start).components
            let millis = ms.seconds * 1000 + ms.attoseconds / 1_000_000_000_000_000
            // The path as sent may hold control characters: never a forged log line.
            logger.info("\(who) \(request.method) \(Diagnostic.printable(request.uri.path)) \(status) \(millis)ms")
        }
        do {
            let r = try await next(request, context)
            line(r.status.code)
            return r
        } catch let e as any HTTPResponseError {
            line(e.status.code)
            throw e
        } catch {
            line(500)
            throw error
        }
    }
}

/// No framing, no sniffing, no referrer; a strict policy for every page (report.html sets its own).
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var r: Response
        do { r = try await next(request, context) } catch let e as any HTTPResponseError {
            r = try e.response(from: request, context: context)
        }
        r.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        r.headers[.xContentTypeOptions] = "nosniff"
        // same-origin, not no-referrer: under no-referrer a browser posts a form with `Origin: null`.
        r.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if r.headers[.contentSecurityPolicy] == nil {
            r.headers[.contentSecurityPolicy] =
                "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        }
        return r
    }
}
