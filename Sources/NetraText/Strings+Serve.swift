import NetraCore

/// The words of `netra serve`'s pages and of its API's messages.
extension Strings {
    public enum Serve {
        public static let appTitle = Phrase(id: "Netra untuk kantor", en: "Netra for the office")
        public static let workspaces = Phrase(id: "Ruang kerja", en: "Workspaces")
        public static let noWorkspaces = Phrase(id: "Belum ada ruang kerja. Buat satu di bawah ini.", en: "No workspace yet. Create one below.")
        public static let newWorkspace = Phrase(id: "Ruang kerja baru", en: "New workspace")
        public static let workspaceId = Phrase(id: "Kode ruang kerja (huruf kecil, angka, tanda -)", en: "Workspace id (lowercase letters, digits, -)")
        public static let office = Phrase(id: "Nama kantor", en: "Office")
        public static let region = Phrase(id: "Wilayah (kode Kemendagri, mis. 32.75)", en: "Region (Kemendagri code, e.g. 32.75)")
        public static let pair = Phrase(id: "Pasangan pembanding (a,b)", en: "Comparison pair (a,b)")
        public static let language = Phrase(id: "Bahasa", en: "Language")
        public static let save = Phrase(id: "Simpan", en: "Save")
        public static let settings = Phrase(id: "Pengaturan", en: "Settings")
        public static let upload = Phrase(id: "Unggah data", en: "Upload data")
        public static let uploadHelp = Phrase(
            id: "Satu dataset.xlsx, atau ketiga CSV (events.csv, jurisdictions.csv, elections.csv).",
            en: "One dataset.xlsx, or the three CSVs (events.csv, jurisdictions.csv, elections.csv).")
        public static let workbook = Phrase(id: "Buku kerja (.xlsx)", en: "Workbook (.xlsx)")
        public static let csvs = Phrase(id: "Atau tiga CSV", en: "Or three CSVs")
        public static let uploader = Phrase(id: "Nama pengunggah", en: "Your name")
        public static let send = Phrase(id: "Unggah dan periksa", en: "Upload and check")
        public static let versions = Phrase(id: "Versi", en: "Versions")
        public static let noVersions = Phrase(id: "Belum ada versi. Unggah data bulan ini.", en: "No version yet. Upload this month's data.")
        public static let version = Phrase(id: "Versi", en: "Version")
        public static let date = Phrase(id: "Tanggal", en: "Date")
        public static let events = Phrase(id: "Peristiwa", en: "Events")
        public static let warnings = Phrase(id: "Peringatan", en: "Warnings")
        public static let by = Phrase(id: "Pengunggah", en: "Uploaded by")
        public static let validated = Phrase(id: "Lolos pemeriksaan", en: "Validated")
        public static let latest = Phrase(id: "Versi terbaru", en: "Latest version")
        public static let report = Phrase(id: "Laporan (report.html)", en: "Report (report.html)")
        public static let workbookDownload = Phrase(id: "Buku kerja netra.xlsx", en: "Workbook netra.xlsx")
        public static let csvZip = Phrase(id: "Semua CSV (zip)", en: "Every CSV (zip)")
        public static let template = Phrase(id: "Templat kosong (dataset.xlsx)", en: "Empty template (dataset.xlsx)")
        public static let briefing = Phrase(id: "Briefing bulanan", en: "Monthly briefing")
        public static let month = Phrase(id: "Bulan", en: "Month")
        public static let show = Phrase(id: "Tampilkan", en: "Show")
        public static let caption = Phrase(id: "Keterangan untuk WhatsApp", en: "Caption for WhatsApp")
        public static let copy = Phrase(id: "Salin keterangan", en: "Copy the caption")
        public static let download = Phrase(id: "Unduh", en: "Download")
        public static let pdf = Phrase(id: "Briefing (PDF, A4)", en: "Briefing (PDF, A4)")
        public static let compare = Phrase(id: "Bandingkan versi", en: "Compare versions")
        public static let older = Phrase(id: "Versi lama", en: "Older version")
        public static let newer = Phrase(id: "Versi baru", en: "Newer version")
        public static let problems = Phrase(
            id: "Data belum bisa diterima; tidak ada yang diganti. Perbaiki masalah berikut lalu unggah lagi:",
            en: "The data cannot be taken yet; nothing was replaced. Fix these problems and upload again:")
        public static let stored = Phrase(id: "Tersimpan sebagai versi", en: "Stored as version")
        public static let login = Phrase(id: "Masuk", en: "Log in")
        public static let password = Phrase(id: "Kata sandi", en: "Password")
        public static let logout = Phrase(id: "Keluar", en: "Log out")
        public static let wrongPassword = Phrase(id: "Kata sandi salah.", en: "Wrong password.")
        public static let tooManyLogins = Phrase(
            id: "Terlalu banyak percobaan gagal. Tunggu satu menit lalu coba lagi.",
            en: "Too many failed attempts. Wait a minute and try again.")
        public static let badForm = Phrase(
            id: "Formulir kedaluwarsa atau tidak sah (token CSRF). Muat ulang halaman lalu coba lagi.",
            en: "The form has expired or is not valid (CSRF token). Reload the page and try again.")
        public static let notFound = Phrase(id: "Tidak ditemukan.", en: "Not found.")
        public static let badId = Phrase(
            id: "Kode ruang kerja hanya huruf kecil a-z, angka dan tanda -, paling banyak 63.",
            en: "A workspace id is lowercase letters a-z, digits and -, at most 63.")
        public static let tooLarge = Phrase(
            id: "Berkas terlalu besar untuk server ini (--max-upload).", en: "The upload is too large for this server (--max-upload).")
        public static let timedOut = Phrase(
            id: "Pekerjaan melewati batas waktunya dan dihentikan; tidak ada yang disimpan.",
            en: "The job went over its time limit and was stopped; nothing was stored.")
        public static let checkTimedOut = Phrase(
            id: "Pemeriksaan unggahan melewati batas waktunya dan dihentikan; tidak ada yang disimpan.",
            en: "Checking the upload went over its time limit and was stopped; nothing was stored.")
        public static let jobRunning = Phrase(
            id: "Giliran Anda: unggahan sedang diperiksa dan laporannya dibuat…",
            en: "Your turn: the upload is being checked and its report made…")
        public static let jobFailed = Phrase(id: "Pekerjaan gagal; tidak ada yang disimpan.", en: "The job failed; nothing was stored.")
        public static let noBriefing = Phrase(id: "Belum ada briefing untuk bulan ini.", en: "No briefing for this month.")
        public static let back = Phrase(id: "Kembali", en: "Back")
        public static let jobsNow = Phrase(id: "Pekerjaan berjalan / menunggu", en: "Jobs running / waiting")
        public static let keyFigures = Phrase(id: "Angka kunci", en: "Key figures")
        public static let jurisdictions = Phrase(id: "Wilayah", en: "Jurisdictions")
        public static let elections = Phrase(id: "Pemilihan", en: "Elections")
        public static let monthlyChart = Phrase(id: "Peristiwa per bulan", en: "Events per month")
        public static let open = Phrase(id: "Buka", en: "Open")
        public static let warningsListed = Phrase(
            id: "Data diterima, tetapi periksa sel berikut:", en: "The data was taken, but check these cells:")

        /// Below the listed warnings, those not listed.
        public static func moreWarnings(_ n: Int) -> Phrase {
            Phrase(id: "… dan \(n) peringatan lain", en: "… and \(n) more warning\(n == 1 ? "" : "s")")
        }

        /// A language by its own name, for the switch and the settings.
        public static func languageName(_ l: Language) -> String {
            switch l {
            case .id: return "Bahasa Indonesia"
            case .en: return "English"
            }
        }

        /// The language the switch in the header offers.
        public static func otherLanguage(_ l: Language) -> Language {
            switch l {
            case .id: return .en
            case .en: return .id
            }
        }

        /// A problem's words in `lang`.
        public static func said(_ s: Said, _ lang: Language) -> String {
            switch lang {
            case .id: return s.id
            case .en: return s.en
            }
        }

        /// "Antrean: posisi 3" — where a job waits.
        public static func queued(_ place: Int) -> Phrase {
            Phrase(id: "Menunggu giliran: posisi \(place) dalam antrean", en: "Waiting: place \(place) in the queue")
        }
    }
}
