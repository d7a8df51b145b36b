import NetraCore

/// The words of the template `netra init` writes (`dataset.xlsx`).
extension Strings {
    /// The sheet of instructions.
    public static let templateSheet = Phrase(id: "Petunjuk", en: "Instructions")
    public static let templateTitle = Phrase(id: "Cara mengisi dataset Netra", en: "How to fill in a Netra dataset")
    /// Shown when a `links` cell is selected.
    public static let templateLinksPrompt = Phrase(
        id: "Pilih hubungan, lalu ketik id peristiwa: responds_to:id-peristiwa; beberapa dipisah ;",
        en: "Pick a relation, then type the event's id: responds_to:event-id; several separated by ;")
    /// The Petunjuk sheet, a line each.
    public static let templateSteps: [Phrase] = [
        Phrase(
            id: "1. Satu baris per peristiwa di sheet events. Wajib: id, date, precision, kind, jurisdiction, title, source.",
            en: "1. One row per event in the events sheet. Required: id, date, precision, kind, jurisdiction, title, source."),
        Phrase(
            id: "2. id: huruf kecil a-z, angka, tanda - dan _, misalnya kota-2023-11-02-ikrar; unik dan jangan diubah lagi.",
            en: "2. id: lowercase letters a-z, digits, - and _, e.g. kota-2023-11-02-pledge; unique, and never changed later."),
        Phrase(
            id: "3. date: tanggal (2023-11-02), bulan (2023-11) atau tahun (2023); precision: day, month atau year sesuai yang diketahui.",
            en: "3. date: a day (2023-11-02), a month (2023-11) or a year (2023); precision: day, month or year, as much as is known."),
        Phrase(
            id: "4. kind, precision, status dan jurisdiction dipilih dari daftar (klik sel, lalu panah). jurisdiction adalah id di sheet jurisdictions.",
            en:
                "4. kind, precision, status and jurisdiction are picked from the list (click the cell, then the arrow). jurisdiction is an id of the jurisdictions sheet."
        ),
        Phrase(
            id: "5. links: hubungan dan id peristiwa yang dirujuk, misalnya reports:kota-2023-12-29-foto; beberapa dipisah titik koma.",
            en: "5. links: a relation and the id of the event it points to, e.g. reports:kota-2023-12-29-photo; several separated by semicolons."),
        Phrase(
            id: "6. count: bilangan bulat tanpa titik ribuan (24013); source: nama media atau instansi; source_url: alamat beritanya.",
            en: "6. count: a whole number without thousands separators (24013); source: the outlet or office; source_url: the article's address."),
        Phrase(
            id:
                "7. jurisdictions: wilayah dengan kode Kemendagri (kode); tambahkan baris bila perlu. elections: id, nama, tanggal pemungutan suara, scope (id wilayah).",
            en: "7. jurisdictions: regions with their Kemendagri code (kode); add rows as needed. elections: id, name, polling day, scope (a jurisdiction id)."),
        Phrase(
            id: "8. Periksa dengan: netra validate --dataset FOLDER; lalu netra report --dataset FOLDER untuk grafik, ekspor dan netra.xlsx.",
            en: "8. Check it with: netra validate --dataset FOLDER; then netra report --dataset FOLDER for charts, exports and netra.xlsx."),
        Phrase(
            id: "Panduan lengkap kolom: datasets/README.md di repositori Netra.",
            en: "Every column in full: datasets/README.md in Netra's repository.")
    ]
}

/// The settings table `netra init` writes: a note beside each key.
extension Strings {
    public static let templateSettingsNote = Phrase(id: "keterangan", en: "note")
    public static func templateSetting(_ key: DatasetSettings.Key) -> Phrase {
        switch key {
        case .office:
            return Phrase(
                id: "Nama kantor di kepala setiap halaman briefing, kaki setiap grafik dan report.html (misalnya Bawaslu Kota Bogor); kosong: tanpa nama.",
                en: "The office's name, heading every briefing page, chart footer and report.html (e.g. Bawaslu Kota Bogor); empty: none.")
        case .region: return Phrase(id: "Wilayah kantor: kode Kemendagri (32.71).", en: "The office's region: a Kemendagri code (32.71).")
        case .pair:
            return Phrase(
                id: "Dua id wilayah yang dibandingkan, dipisah koma (kota-bogor,kabupaten-bogor); --pair menggantinya.",
                en: "The two jurisdiction ids compared, separated by a comma (kota-bogor,kabupaten-bogor); --pair overrides it.")
        case .lang: return Phrase(id: "Bahasa keluaran: id atau en; --lang menggantinya.", en: "Language of the outputs: id or en; --lang overrides it.")
        }
    }

    /// An unknown --region, with the nearest names.
    public static func unknownRegion(_ text: String, nearest: [String]) -> Phrase {
        let near = nearest.joined(separator: ", ")
        return Phrase(
            id: "netra: --region: wilayah '\(text)' tidak dikenal; berikan kode Kemendagri (32.71 atau 3271) atau nama (Kota Bogor)"
                + (near.isEmpty ? "" : "; yang terdekat: \(near)") + "; netra regions TEKS mencarinya",
            en: "netra: --region: unknown region '\(text)'; give a Kemendagri code (32.71 or 3271) or a name (Kota Bogor)"
                + (near.isEmpty ? "" : "; nearest: \(near)") + "; netra regions TEXT looks them up")
    }

    @usableFromInline package static var initSamples: [Phrase] {
        [
            templateSettingsNote, unknownRegion("x", nearest: ["32.71 Kota Bogor"]), unknownRegion("x", nearest: []),
            noRegionMatches("x", nearest: ["32.71 Kota Bogor"]), noRegionMatches("x", nearest: [])
        ]
            + DatasetSettings.Key.allCases.map(templateSetting)
    }
}

extension Strings {
    /// `netra regions TEXT` that matches nothing.
    public static func noRegionMatches(_ text: String, nearest: [String]) -> Phrase {
        let near = nearest.joined(separator: ", ")
        return Phrase(
            id: "netra: tidak ada wilayah yang cocok dengan '\(text)'"
                + (near.isEmpty ? "; netra regions tanpa teks mendaftar semuanya" : "; yang terdekat: \(near)"),
            en: "netra: no region matches '\(text)'" + (near.isEmpty ? "; netra regions without text lists them all" : "; nearest: \(near)"))
    }
}
