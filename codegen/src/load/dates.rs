//! Dates as Excel shows them in Japan, from Excel's serial numbers.

/// An Excel date serial as Excel shows it by default in Japan: `2025/4/1`, with the time
/// when there is one (`2025/4/1 9:30`).
pub fn excel_date(serial: f64, is_1904: bool) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return format!("{serial}");
    }
    let mut days = serial.trunc() as i64;
    // Day 0 is 1899-12-31 in the 1900 system, which counts a 29 February 1900 that never
    // was; 1904-01-01 in the 1904 system.
    let (y, m, d) = if is_1904 {
        civil_from_days(days + days_from_civil(1904, 1, 1))
    } else if days == 60 {
        (1900, 2, 29)
    } else {
        if days > 60 {
            days -= 1;
        }
        civil_from_days(days + days_from_civil(1899, 12, 31))
    };
    let seconds = ((serial.fract()) * 86_400.0).round() as i64;
    if seconds == 0 {
        format!("{y}/{m}/{d}")
    } else {
        format!("{y}/{m}/{d} {}:{:02}", seconds / 3600, seconds % 3600 / 60)
    }
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn dates_as_excel_shows_them() {
        assert_eq!(excel_date(45748.0, false), "2025/4/1");
        assert_eq!(excel_date(1.0, false), "1900/1/1");
        assert_eq!(excel_date(61.0, false), "1900/3/1");
        assert_eq!(excel_date(45748.5, false), "2025/4/1 12:00");
        assert_eq!(excel_date(0.0, true), "1904/1/1");
    }
}
