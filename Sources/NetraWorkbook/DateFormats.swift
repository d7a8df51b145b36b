import NetraCore

/// How a number cell reads, by its number format.
enum NumberKind: Equatable {
    case number
    /// A date, written as much of it as the format shows: `mmm-yy` or `yyyy-mm` is a month
    /// (`2024-03`), `yyyy` a year, anything with the day (or a time) the day.
    case date(DatePart)

    enum DatePart: Equatable { case day, month, year }

    /// Excel's built-in formats: 14–22, 27–36, 45–47 and 50–58 are dates and times.
    init(builtIn id: Int) {
        switch id {
        case 17: self = .date(.month)
        case 14...22, 27...36, 45...47, 50...58: self = .date(.day)
        default: self = .number
        }
    }

    /// A custom format code is a date when, outside quoted text, escapes and `[…]`, it has
    /// d, m or y (only its first section, the one for positive numbers, is looked at).
    init(code: String) {
        var d = false, m = false, y = false, time = false
        var quoted = false, bracket = false, escaped = false
        loop: for c in code.lowercased() {
            if escaped { escaped = false; continue }
            if quoted { if c == "\"" { quoted = false }; continue }
            if bracket { if c == "]" { bracket = false }; continue }
            switch c {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": escaped = true
            case ";": break loop
            case "d": d = true
            case "m": m = true
            case "y": y = true
            case "h", "s": time = true
            default: continue
            }
        }
        if d || time { self = .date(.day) } else if m { self = .date(.month) } else if y { self = .date(.year) } else { self = .number }
    }
}

/// Excel's day numbers (serials) as calendar days.
enum ExcelDate {
    struct Problem: Error { var said: Said }

    /// 1899-12-30: serial 0 in the 1900 system after its fictitious 1900-02-29.
    static let base1900 = Day(ordinal: -25_569)
    /// 1904-01-01: serial 0 in the 1904 system.
    static let base1904 = Day(ordinal: -24_107)

    /// The day a serial falls on (the time of day dropped). In the 1900 system serial 60 is
    /// 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug, kept by Excel): refused.
    /// Serials 1–59 are one day later than the count from 1899-12-30 says.
    static func day(serial: Double, date1904: Bool) -> Result<Day, Problem> {
        // 9999-12-31, the last day Excel has, is 2,958,465 (2,957,003 in the 1904 system).
        guard serial >= 0, serial < (date1904 ? 2_957_004 : 2_958_466) else {
            return .failure(
                Problem(
                    said: Said(
                        en: "date serial \(serial) is outside Excel's calendar (\(date1904 ? "1904" : "1900") to 9999)",
                        id: "nomor tanggal \(serial) di luar kalender Excel (\(date1904 ? "1904" : "1900") sampai 9999)")))
        }
        let whole = Int(serial.rounded(.down))
        if date1904 { return .success(base1904.adding(days: whole)) }
        if whole == 0 {
            return .failure(
                Problem(
                    said: Said(
                        en: "date serial 0 is no day (Excel shows it as 1900-01-00); type the date",
                        id: "nomor tanggal 0 bukan hari (Excel menampilkannya 1900-01-00); ketik tanggalnya")))
        }
        if whole == 60 {
            return .failure(
                Problem(
                    said: Said(
                        en: "date serial 60 is 1900-02-29, a day that never was (Excel's 1900 leap-year bug); type the date",
                        id: "nomor tanggal 60 adalah 1900-02-29, hari yang tidak pernah ada (galat tahun kabisat 1900 Excel); ketik tanggalnya")))
        }
        return .success(base1900.adding(days: whole < 60 ? whole + 1 : whole))
    }
}
