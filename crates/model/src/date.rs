//! Calendar dates without a time zone, with the arithmetic that date resolution needs.

use std::fmt;
use std::str::FromStr;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year, e.g. 2020.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of month, 1 to 31.
    pub day: u8,
}

/// Why a date string or triple was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DateError {}

/// Days in `month` of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// True for Gregorian leap years.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

impl Date {
    /// A checked date.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        if !(1..=12).contains(&month) {
            return Err(DateError(format!("month {month} is not 1-12")));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(DateError(format!("day {day} does not exist in {year}-{month:02}")));
        }
        Ok(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's civil-from-days algorithm.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `days` (may be negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.to_days() + days)
    }

    /// Day of week, 0 = Monday .. 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.to_days() + 3).rem_euclid(7) as u8
    }

    /// This date moved by whole months, clamping the day to the target month's length.
    pub fn add_months(self, months: i64) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = index.div_euclid(12) as i32;
        let month = (index.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD`, or `YYMMDD` (YY <= 30 means 20YY, as in TABARI).
    pub fn parse_compact(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        if text.contains('-') {
            return text.parse();
        }
        let bad = || DateError(format!("`{text}` is not a date (YYYYMMDD or YYMMDD)"));
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let number = |s: &str| s.parse::<i32>().map_err(|_| bad());
        match text.len() {
            8 => Date::new(
                number(&text[..4])?,
                number(&text[4..6])? as u8,
                number(&text[6..])? as u8,
            ),
            6 => {
                let yy = number(&text[..2])?;
                let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
                Date::new(year, number(&text[2..4])? as u8, number(&text[4..])? as u8)
            }
            _ => Err(bad()),
        }
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Parses `YYYY-MM-DD`.
    fn from_str(text: &str) -> Result<Date, DateError> {
        let bad = || DateError(format!("`{text}` is not a date (YYYY-MM-DD)"));
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year = y.parse().map_err(|_| bad())?;
        let month = m.parse().map_err(|_| bad())?;
        let day = d.parse().map_err(|_| bad())?;
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        for days in -800_000..800_000 {
            if days % 997 == 0 {
                assert_eq!(Date::from_days(days).to_days(), days);
            }
        }
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
        assert_eq!(Date::new(2020, 9, 4).unwrap().weekday(), 4); // a Friday
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!("2020-09-04".parse::<Date>().unwrap(), Date { year: 2020, month: 9, day: 4 });
        assert!("2020-02-30".parse::<Date>().is_err());
        assert!("2020-9-4".parse::<Date>().is_err());
        assert_eq!(Date::parse_compact("950601").unwrap().to_string(), "1995-06-01");
        assert_eq!(Date::parse_compact("130119").unwrap().to_string(), "2013-01-19");
        assert_eq!(Date::parse_compact("20100112").unwrap().to_string(), "2010-01-12");
        assert!(Date::parse_compact("2010011").is_err());
    }

    #[test]
    fn month_arithmetic_clamps() {
        let d = Date::new(2020, 1, 31).unwrap();
        assert_eq!(d.add_months(1).to_string(), "2020-02-29");
        assert_eq!(d.add_months(-15).to_string(), "2018-10-31");
    }
}
