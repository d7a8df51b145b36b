import Foundation
import NetraCore
import NetraText
import NetraAnalytics
import NetraRender

/// The pages of `netra serve`: plain HTML from the catalogue's words, no script but the one
/// static file that copies a caption, every value from the data escaped.
enum Pages {
    typealias S = Strings.Serve

    /// `&`, `<`, `>`, `"` and `'` as entities: text from the data is never markup.
    static func esc(_ s: String) -> String { Markup.text(s) }

    static func layout(_ title: String, lang: Language, path: String, loggedIn: Bool, csrf: String, _ body: String) -> String {
        let other = S.otherLanguage(lang)
        var nav =
            "<a href=\"/\">\(esc(S.workspaces.text(lang)))</a> <a class=\"lang\" href=\"\(esc(path))?lang=\(other.rawValue)\">\(S.languageName(other))</a>"
        if loggedIn {
            nav += " <form method=\"post\" action=\"/logout\" class=\"inline\">\(csrfField(csrf))<button>\(esc(S.logout.text(lang)))</button></form>"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(lang.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(title)) · Netra</title>
            <link rel="stylesheet" href="/static/serve.css">
            </head><body>
            <header><strong>Netra</strong> <nav>\(nav)</nav></header>
            <main>
            <h1>\(esc(title))</h1>
            \(body)
            </main></body></html>
            """
    }

    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(token))\">"
    }

    static func home(_ workspaces: [WorkspaceRow], jobs: (running: Int, waiting: Int), lang: Language, csrf: String) -> String {
        var b = ""
        if workspaces.isEmpty {
            b += "<p>\(esc(S.noWorkspaces.text(lang)))</p>"
        } else {
            b += "<ul class=\"list\">"
            for w in workspaces {
                b += "<li><a href=\"/w/\(w.id)\">\(esc(w.office ?? w.id))</a> <small>\(esc(w.id))</small></li>"
            }
            b += "</ul>"
        }
        b += "<p><small>\(esc(S.jobsNow.text(lang))): \(jobs.running) / \(jobs.waiting)</small></p>"
        b += "<h2>\(esc(S.newWorkspace.text(lang)))</h2>"
        b += settingsForm(nil, lang: lang, csrf: csrf)
        return b
    }

    static func settingsForm(_ w: WorkspaceRow?, lang: Language, csrf: String) -> String {
        var b = "<form method=\"post\" action=\"/settings\">\(csrfField(csrf))"
        if let w {
            b += "<input type=\"hidden\" name=\"id\" value=\"\(esc(w.id))\">"
        } else {
            b += "<label>\(esc(S.workspaceId.text(lang)))<input name=\"id\" required pattern=\"[a-z0-9][a-z0-9\\-]{0,62}\"></label>"
        }
        b += "<label>\(esc(S.office.text(lang)))<input name=\"office\" value=\"\(esc(w?.office ?? ""))\"></label>"
        b += "<label>\(esc(S.region.text(lang)))<input name=\"region\" value=\"\(esc(w?.region ?? ""))\"></label>"
        b += "<label>\(esc(S.pair.text(lang)))<input name=\"pair\" value=\"\(esc(w?.pair ?? ""))\"></label>"
        b += "<label>\(esc(S.language.text(lang)))<select name=\"lang\">"
        for l in Language.allCases {
            b += "<option value=\"\(l.rawValue)\"\((w?.lang ?? lang.rawValue) == l.rawValue ? " selected" : "")>\(S.languageName(l))</option>"
        }
        b += "</select></label><button>\(esc(S.save.text(lang)))</button></form>"
        return b
    }

    static func workspace(
        _ w: WorkspaceRow, versions: [VersionRow], warnings: [UploadWarning], charts: [String], lang: Language, csrf: String,
        queue: (running: Int, waiting: Int)
    ) -> String {
        var b = ""
        let base = "/api/workspaces/\(w.id)/versions"
        if let v = versions.first {
            b += "<h2>\(esc(S.keyFigures.text(lang))) · \(esc(S.version.text(lang))) \(v.number)</h2><dl class=\"figures\">"
            b += "<div><dt>\(esc(S.events.text(lang)))</dt><dd>\(v.events)</dd></div>"
            b += "<div><dt>\(esc(S.jurisdictions.text(lang)))</dt><dd>\(v.jurisdictions)</dd></div>"
            b += "<div><dt>\(esc(S.elections.text(lang)))</dt><dd>\(v.elections)</dd></div>"
            b += "<div><dt>\(esc(S.warnings.text(lang)))</dt><dd>\(v.warnings)</dd></div></dl>"
            // The latest version's warnings at their cells: a year typed 0024 is taken, but said.
            if !warnings.isEmpty {
                b += "<p>\(esc(S.warningsListed.text(lang)))</p><ol class=\"problems warnings\">"
                for x in warnings { b += "<li><code>\(esc(x.place))</code> \(esc(x.message(lang)))</li>" }
                b += "</ol>"
                if v.warnings > warnings.count { b += "<p>\(esc(S.moreWarnings(v.warnings - warnings.count).text(lang)))</p>" }
            }
            if charts.contains("monthly.png") {
                b +=
                    "<figure><a href=\"\(base)/\(v.number)/charts/monthly.png\"><img src=\"\(base)/\(v.number)/charts/monthly.png\" alt=\"\(esc(S.monthlyChart.text(lang)))\" width=\"1600\" height=\"900\"></a></figure>"
            }
            b += "<ul class=\"links\">"
            b += "<li><a href=\"\(base)/\(v.number)/report.html\">\(esc(S.report.text(lang)))</a></li>"
            b += "<li><a href=\"\(base)/\(v.number)/netra.xlsx\" download>\(esc(S.workbookDownload.text(lang)))</a></li>"
            b += "<li><a href=\"\(base)/\(v.number)/csv.zip\" download>\(esc(S.csvZip.text(lang)))</a></li>"
            b += "</ul>"
            if let latest = v.latestMonth {
                b += "<h2>\(esc(S.briefing.text(lang)))</h2><form method=\"get\" action=\"/w/\(w.id)/briefing\">"
                b += "<input type=\"hidden\" name=\"v\" value=\"\(v.number)\">"
                b +=
                    "<label>\(esc(S.month.text(lang)))<input type=\"month\" name=\"month\" value=\"\(esc(latest))\" min=\"\(esc(v.firstMonth ?? latest))\" max=\"\(esc(latest))\"></label>"
                b += "<button>\(esc(S.show.text(lang)))</button></form>"
            }
        }
        b += "<h2>\(esc(S.upload.text(lang)))</h2>"
        if queue.waiting > 0 { b += "<p>\(esc(S.queued(queue.waiting + 1).text(lang)))</p>" }
        b += "<p>\(esc(S.uploadHelp.text(lang)))</p>"
        // The ticket names this upload's job, so the page can show its place while it waits.
        let ticket = randomHex(16)
        b +=
            "<form method=\"post\" action=\"/w/\(w.id)/upload\" enctype=\"multipart/form-data\" id=\"upload\" data-ticket=\"\(ticket)\" data-lang=\"\(lang.rawValue)\">\(csrfField(csrf))"
        b += "<input type=\"hidden\" name=\"ticket\" value=\"\(ticket)\">"
        b += "<label>\(esc(S.uploader.text(lang)))<input name=\"uploader\" maxlength=\"80\" required></label>"
        b += "<label>\(esc(S.workbook.text(lang)))<input type=\"file\" name=\"dataset.xlsx\" accept=\".xlsx\"></label>"
        b += "<fieldset><legend>\(esc(S.csvs.text(lang)))</legend>"
        for n in ["events.csv", "jurisdictions.csv", "elections.csv"] {
            b += "<label>\(n)<input type=\"file\" name=\"\(n)\" accept=\".csv\"></label>"
        }
        b += "</fieldset><button>\(esc(S.send.text(lang)))</button></form>"
        b += "<p id=\"queue-place\" class=\"queue\" role=\"status\" aria-live=\"polite\"></p><script src=\"/static/queue.js\"></script>"
        b += "<p><a href=\"/api/workspaces/\(w.id)/template.xlsx\" download>\(esc(S.template.text(lang)))</a></p>"

        b += "<h2>\(esc(S.versions.text(lang)))</h2>"
        if versions.isEmpty {
            b += "<p>\(esc(S.noVersions.text(lang)))</p>"
        } else {
            b +=
                "<div class=\"scroll\"><table><thead><tr><th>\(esc(S.version.text(lang)))</th><th>\(esc(S.date.text(lang)))</th><th>\(esc(S.events.text(lang)))</th><th>\(esc(S.warnings.text(lang)))</th><th>\(esc(S.by.text(lang)))</th><th>\(esc(S.validated.text(lang)))</th></tr></thead><tbody>"
            for v in versions {
                b +=
                    "<tr><td><a href=\"\(base)/\(v.number)/report.html\">\(v.number)</a></td><td>\(esc(when(v.uploaded)))</td><td>\(v.events)</td><td>\(v.warnings)</td><td>\(esc(v.uploader))</td><td>\(esc((v.validated ? StringKey.yes : StringKey.no).text(lang)))</td></tr>"
            }
            b += "</tbody></table></div>"
            if versions.count > 1 {
                b += "<h2>\(esc(S.compare.text(lang)))</h2><form method=\"get\" action=\"/w/\(w.id)/diff\">"
                b += versionSelect("a", S.older.text(lang), versions, selected: versions[1].number)
                b += versionSelect("b", S.newer.text(lang), versions, selected: versions[0].number)
                b += "<button>\(esc(S.show.text(lang)))</button></form>"
            }
        }
        b += "<h2>\(esc(S.settings.text(lang)))</h2>" + settingsForm(w, lang: lang, csrf: csrf)
        return b
    }

    static func versionSelect(_ name: String, _ label: String, _ versions: [VersionRow], selected: Int) -> String {
        var b = "<label>\(esc(label))<select name=\"\(name)\">"
        for v in versions {
            b += "<option value=\"\(v.number)\"\(v.number == selected ? " selected" : "")>\(v.number) · \(esc(when(v.uploaded)))</option>"
        }
        return b + "</select></label>"
    }

    /// `2026-12-06T21:48:50Z` as `2026-12-06 21:48 UTC`.
    static func when(_ iso: String) -> String {
        guard iso.count == 20, iso.hasSuffix("Z") else { return iso }
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    static func problems(_ w: WorkspaceRow, _ problems: [UploadProblem], lang: Language) -> String {
        var b = "<p class=\"bad\">\(esc(S.problems.text(lang)))</p><ol class=\"problems\">"
        for p in problems { b += "<li><code>\(esc(p.place))</code> \(esc(p.message))</li>" }
        return b + "</ol><p><a href=\"/w/\(w.id)\">\(esc(S.back.text(lang)))</a></p>"
    }

    static func message(_ text: String, back: String, lang: Language) -> String {
        "<p>\(esc(text))</p><p><a href=\"\(esc(back))\">\(esc(S.back.text(lang)))</a></p>"
    }

    static func briefing(_ w: WorkspaceRow, _ v: VersionRow, month: String, pages: Int, caption: String, pdf: Bool, lang: Language) -> String {
        let base = "/api/workspaces/\(w.id)/versions/\(v.number)/briefing/\(month)"
        var b = ""
        for n in 1...max(1, pages) {
            let src = n == 1 ? "\(base).png" : "\(base)/briefing-sheet-\(n).png"
            b +=
                "<figure><img src=\"\(src)\" alt=\"\(esc(S.briefing.text(lang))) \(esc(month)) (\(n))\" width=\"1240\"><figcaption><a href=\"\(src)\" download>\(esc(S.download.text(lang))) \(n)</a></figcaption></figure>"
        }
        b += "<h2>\(esc(S.caption.text(lang)))</h2><textarea id=\"caption\" readonly rows=\"8\">\(esc(caption))</textarea>"
        b +=
            "<p><button type=\"button\" id=\"copy\" data-target=\"caption\">\(esc(S.copy.text(lang)))</button> <a href=\"\(base)/caption.txt\" download>caption.txt</a></p>"
        if pdf { b += "<p><a href=\"\(base)/briefing.pdf\" download>\(esc(S.pdf.text(lang)))</a></p>" }
        b += "<p><a href=\"/w/\(w.id)\">\(esc(S.back.text(lang)))</a></p><script src=\"/static/copy.js\"></script>"
        return b
    }

    /// The diff's summary line, then one item per change with the event's title and date.
    static func diff(_ w: WorkspaceRow, _ diff: DatasetDiff, old: Dataset, new: Dataset, lang: Language) -> String {
        var titles: [String: String] = [:]
        for d in [old, new] { for e in d.events { titles[e.id] = e.date.written.text + " · " + e.title(lang) } }
        let lines = diff.text(lang).split(separator: "\n", omittingEmptySubsequences: false)
        var b = "<p><strong>\(esc(String(lines.first ?? "")))</strong></p><ul class=\"diff\">"
        for (line, e) in zip(lines.dropFirst(), diff.entries) {
            b += "<li>\(esc(String(line)))"
            if e.table == .events, let t = titles[e.id] { b += "<br><small>\(esc(t))</small>" }
            b += "</li>"
        }
        return b + "</ul><p><a href=\"/w/\(w.id)\">\(esc(S.back.text(lang)))</a></p>"
    }

    static func login(lang: Language, csrf: String, error: String?) -> String {
        var b = ""
        if let error { b += "<p class=\"bad\">\(esc(error))</p>" }
        b +=
            "<form method=\"post\" action=\"/login\">\(csrfField(csrf))<input type=\"text\" name=\"username\" value=\"netra\" autocomplete=\"username\" hidden><label>\(esc(S.password.text(lang)))<input type=\"password\" name=\"password\" autocomplete=\"current-password\" required></label><button>\(esc(S.login.text(lang)))</button></form>"
        return b
    }

    static let css = """
        *{box-sizing:border-box}body{margin:0;font:18px/1.5 "DejaVu Sans",system-ui,sans-serif;color:#1b1b1b;background:#fafafa}
        header{display:flex;flex-wrap:wrap;gap:12px;align-items:center;padding:8px 16px;background:#7a1f1f;color:#fff}
        header a,header button{color:#fff}nav{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
        main{max-width:1000px;margin:0 auto;padding:12px 16px}h1{font-size:26px}h2{font-size:21px;margin-top:28px}
        a,button,input,select,textarea,summary{min-height:44px}a{display:inline-flex;align-items:center;min-width:44px;color:#7a1f1f}
        label{display:block;margin:10px 0}input,select,textarea{display:block;width:100%;font:inherit;padding:8px;border:1px solid #888;border-radius:4px}
        input[type=file]{padding:6px}button{font:inherit;padding:8px 16px;min-width:44px;border:0;border-radius:4px;background:#7a1f1f;color:#fff;cursor:pointer}
        header button{background:transparent;border:1px solid #fff}form.inline{display:inline}fieldset{border:1px solid #ccc;border-radius:4px}
        img{max-width:100%;height:auto;border:1px solid #ddd;background:#fff}figure{margin:12px 0}
        .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px}.figures div{background:#fff;border:1px solid #ddd;padding:8px}
        dt{font-size:15px;color:#555}dd{margin:0;font-size:26px;font-weight:bold}.scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:8px;border-bottom:1px solid #ddd;vertical-align:top}
        .bad{color:#a00;font-weight:bold}.queue{font-weight:bold}.problems code{word-break:break-all}ul.links li,ul.list li{margin:4px 0}
        """

    /// While the upload form is sent (the answer comes when the job ends), asks the server each
    /// second where its job is and shows it: its place in the queue, then that it runs.
    static let queueScript = """
        (() => {
          const form = document.getElementById('upload'), out = document.getElementById('queue-place');
          if (!form || !out) return;
          form.addEventListener('submit', () => {
            const url = '/api/queue/' + encodeURIComponent(form.dataset.ticket) + '?lang=' + encodeURIComponent(form.dataset.lang);
            const ask = () => fetch(url, { credentials: 'same-origin', cache: 'no-store' })
              .then((r) => r.ok ? r.json() : null)
              .then((j) => { if (j && j.text) { out.textContent = j.text; out.dataset.state = j.state; out.dataset.place = j.place || ''; } })
              .catch(() => {});
            setInterval(ask, 1000);
            ask();
          });
        })();
        """

    static let copyScript = """
        document.getElementById('copy')?.addEventListener('click', () => {
          const t = document.getElementById('caption');
          if (navigator.clipboard) { navigator.clipboard.writeText(t.value); } else { t.select(); document.execCommand('copy'); }
        });
        """
}
