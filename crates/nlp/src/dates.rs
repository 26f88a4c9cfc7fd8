//! Date resolution: date expressions in a sentence, resolved against the article date.
//!
//! A pure function of the article date and the sentence's tokens. Recognised expressions:
//! - weekdays: "on Friday" is the latest Friday on or before the article date; "last Friday"
//!   the latest strictly before; "next Friday" the first after;
//! - month and day, with or without a year: "September 3", "3 September 2020", "Sept. 3rd";
//!   without a year, the year that puts the date nearest the article date;
//! - month and year ("March 2019", "March of 2019"), and a month after a preposition ("in
//!   March", nearest such month);
//! - years ("the 2006 elections") after a preposition or determiner, and ISO dates;
//! - seasons with a year ("spring 2014", "the spring of 2014"): year value, season precision;
//! - "yesterday", "today", "tonight", "tomorrow";
//! - "last/this/next week|month|year", "earlier/later this week|month|year", "last weekend";
//! - "N days/weeks/months/years/decades ago" (digits or number words, "a"/"an").
//!
//! A week is given by its Monday, with [`Precision::Week`]. Expressions that name their year
//! have basis [`DateBasis::Explicit`]; those resolved against the article date,
//! [`DateBasis::Relative`].

use dyad_model::{Date, DateBasis, PartialDate, Span};

use crate::tokenize::tokenize;

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A day.
    Day,
    /// A week, given by its Monday (or a weekend, by its Saturday).
    Week,
    /// A month.
    Month,
    /// A season of a year; the date is the year.
    Season,
    /// A year.
    Year,
}

/// A date expression found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// The expression's bytes, from its first token to its last.
    pub span: Span,
    /// The resolved date.
    pub date: PartialDate,
    /// Explicit (the text names the year) or relative (resolved against the article date).
    pub basis: DateBasis,
    /// What the date is precise to.
    pub precision: Precision,
}

/// Finds and resolves the date expressions of a sentence given as `tokens` (spans into `text`).
pub fn find_dates(text: &str, tokens: &[Span], article_date: Date) -> Vec<DateMention> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let resolver = Resolver { words: &words, today: article_date };
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        match resolver.at(k) {
            Some((end, date, basis, precision)) => {
                let span = Span::new(tokens[k].start, tokens[end - 1].end);
                out.push(DateMention { span, date, basis, precision });
                k = end;
            }
            None => k += 1,
        }
    }
    out
}

/// [`find_dates`] on text that is not tokenized yet.
pub fn find_dates_in_text(text: &str, article_date: Date) -> Vec<DateMention> {
    find_dates(text, &tokenize(text), article_date)
}

/// The months' full names, lower-case, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names (`September`, `Sep`, `Sept.`, any case), 1 to 12.
pub fn month_number(word: &str) -> Option<u8> {
    let word = word.strip_suffix('.').unwrap_or(word);
    if word.len() < 3 {
        return None;
    }
    if word.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(word) || (word.len() == 3 && m[..3].eq_ignore_ascii_case(word))
        })
        .map(|i| i as u8 + 1)
}

fn weekday_number(word: &str) -> Option<u8> {
    const DAYS: [&str; 7] =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    DAYS.iter().position(|d| d.eq_ignore_ascii_case(word)).map(|i| i as u8)
}

/// First and last month of a season (northern hemisphere; winter starts in December).
fn season_months(word: &str) -> Option<(u8, u8)> {
    match word.to_ascii_lowercase().as_str() {
        "spring" => Some((3, 5)),
        "summer" => Some((6, 8)),
        "autumn" | "fall" => Some((9, 11)),
        "winter" => Some((12, 2)),
        _ => None,
    }
}

fn number_word(word: &str) -> Option<i64> {
    if !word.is_empty() && word.len() <= 4 && word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok();
    }
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
        return Some(1);
    }
    if let Some(n) = WORDS.iter().position(|w| w.eq_ignore_ascii_case(word)) {
        return Some(n as i64);
    }
    [("fifteen", 15), ("twenty", 20), ("thirty", 30), ("eighteen", 18)]
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, n)| n)
}

/// A four-digit year between 1800 and 2199.
fn year(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = word.parse().ok()?;
    (1800..2200).contains(&y).then_some(y)
}

/// A day of the month: `3`, `03`, `3rd`, `21st`.
fn day_of_month(word: &str) -> Option<u8> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let suffix = &word[digits..];
    if !(suffix.is_empty()
        || ["st", "nd", "rd", "th"].iter().any(|s| suffix.eq_ignore_ascii_case(s)))
    {
        return None;
    }
    let day: u8 = word[..digits].parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn is_capitalised(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
}

/// Words after which a bare year or month is a date.
const DATE_CUES: &[&str] = &[
    "in",
    "the",
    "of",
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "during",
    "from",
    "to",
    "early",
    "late",
    "mid",
    "between",
    "and",
    "through",
    "throughout",
    "around",
    "last",
    "next",
    "this",
    "for",
    "until",
    "circa",
];

type Found = (usize, PartialDate, DateBasis, Precision);

struct Resolver<'a> {
    words: &'a [&'a str],
    today: Date,
}

impl Resolver<'_> {
    fn word(&self, k: usize) -> &str {
        self.words.get(k).copied().unwrap_or("")
    }

    fn is(&self, k: usize, word: &str) -> bool {
        self.word(k).eq_ignore_ascii_case(word)
    }

    fn after_cue(&self, k: usize) -> bool {
        k > 0 && DATE_CUES.iter().any(|c| self.is(k - 1, c))
    }

    fn at(&self, k: usize) -> Option<Found> {
        self.ago(k)
            .or_else(|| self.month_first(k))
            .or_else(|| self.day_first(k))
            .or_else(|| self.season(k))
            .or_else(|| self.relative_unit(k))
            .or_else(|| self.weekday(k, 0))
            .or_else(|| self.single_word(k))
            .or_else(|| self.bare_year(k))
    }

    /// "15 months ago", "a week ago".
    fn ago(&self, k: usize) -> Option<Found> {
        let n = number_word(self.word(k))?;
        let unit = self.word(k + 1).to_ascii_lowercase();
        if !self.is(k + 2, "ago") {
            return None;
        }
        let unit = unit.strip_suffix('s').unwrap_or(&unit);
        let (date, precision) = match unit {
            "day" => (PartialDate::Day(self.today.add_days(-n)), Precision::Day),
            "week" => (PartialDate::Day(monday(self.today.add_days(-7 * n))), Precision::Week),
            "month" => {
                let d = self.today.add_months(-n);
                (PartialDate::Month(d.year, d.month), Precision::Month)
            }
            "year" => (PartialDate::Year(self.today.year - n as i32), Precision::Year),
            "decade" => (PartialDate::Year(self.today.year - 10 * n as i32), Precision::Year),
            _ => return None,
        };
        Some((k + 3, date, DateBasis::Relative, precision))
    }

    /// "September 3", "September 3, 2019", "Sept. 3rd", "March 2019", "March of 2019", "in March".
    fn month_first(&self, k: usize) -> Option<Found> {
        let word = self.word(k);
        if !is_capitalised(word) {
            return None;
        }
        let month = month_number(word)?;
        if let Some(day) = day_of_month(self.word(k + 1)) {
            let mut y = k + 2;
            if self.is(y, ",") {
                y += 1;
            }
            return self.day_month(month, day, year(self.word(y)).map(|year| (year, y + 1)), k + 2);
        }
        let y = if self.is(k + 1, "of") { k + 2 } else { k + 1 };
        if let Some(year) = year(self.word(y)) {
            return Some((
                y + 1,
                PartialDate::Month(year, month),
                DateBasis::Explicit,
                Precision::Month,
            ));
        }
        // A bare month only after a cue word: "May" and "March" are also other words.
        if !self.after_cue(k) {
            return None;
        }
        let this_month = self.today.year * 12 + i32::from(self.today.month) - 1;
        let candidates = [self.today.year - 1, self.today.year, self.today.year + 1];
        let index = |year: i32| year * 12 + i32::from(month) - 1;
        let year = if self.is(k - 1, "last") {
            *candidates.iter().rev().find(|&&y| index(y) < this_month)?
        } else if self.is(k - 1, "next") {
            *candidates.iter().find(|&&y| index(y) > this_month)?
        } else {
            *candidates.iter().min_by_key(|&&y| (index(y) - this_month).abs())?
        };
        Some((k + 1, PartialDate::Month(year, month), DateBasis::Relative, Precision::Month))
    }

    /// "3 September", "3 September 2020".
    fn day_first(&self, k: usize) -> Option<Found> {
        let day = day_of_month(self.word(k))?;
        let word = self.word(k + 1);
        if !is_capitalised(word) {
            return None;
        }
        let month = month_number(word)?;
        self.day_month(month, day, year(self.word(k + 2)).map(|year| (year, k + 3)), k + 2)
    }

    fn day_month(
        &self,
        month: u8,
        day: u8,
        year: Option<(i32, usize)>,
        end: usize,
    ) -> Option<Found> {
        if let Some((year, end)) = year {
            let date = Date::new(year, month, day).ok()?;
            return Some((end, PartialDate::Day(date), DateBasis::Explicit, Precision::Day));
        }
        let today = self.today.to_days();
        let date = [self.today.year - 1, self.today.year, self.today.year + 1]
            .iter()
            .filter_map(|&y| Date::new(y, month, day).ok())
            .min_by_key(|d| (d.to_days() - today).abs())?;
        Some((end, PartialDate::Day(date), DateBasis::Relative, Precision::Day))
    }

    /// "spring 2014", "spring of 2014", "last spring", "this summer".
    fn season(&self, k: usize) -> Option<Found> {
        let (first, last) = season_months(self.word(k))?;
        let y = if self.is(k + 1, "of") { k + 2 } else { k + 1 };
        if let Some(year) = year(self.word(y)) {
            return Some((y + 1, PartialDate::Year(year), DateBasis::Explicit, Precision::Season));
        }
        if k == 0 || self.is(k, "fall") {
            return None;
        }
        let month = self.today.month;
        let year = self.today.year;
        // The year in which the season's last month falls.
        let this_season_year = if first == 12 && month == 12 { year + 1 } else { year };
        let ended = if first == 12 { month > last && month < 12 } else { month > last };
        let result = if self.is(k - 1, "last") {
            if ended { this_season_year } else { this_season_year - 1 }
        } else if self.is(k - 1, "this") {
            this_season_year
        } else if self.is(k - 1, "next") {
            if ended { this_season_year + 1 } else { this_season_year }
        } else {
            return None;
        };
        Some((k + 1, PartialDate::Year(result), DateBasis::Relative, Precision::Season))
    }

    /// "last week", "this month", "next year", "earlier this month", "last weekend", "last Friday".
    fn relative_unit(&self, k: usize) -> Option<Found> {
        let (offset, unit_at) =
            if (self.is(k, "earlier") || self.is(k, "later")) && self.is(k + 1, "this") {
                (0, k + 2)
            } else if self.is(k, "last") || self.is(k, "past") {
                (-1, k + 1)
            } else if self.is(k, "this") {
                (0, k + 1)
            } else if self.is(k, "next") {
                (1, k + 1)
            } else {
                return None;
            };
        let unit = self.word(unit_at).to_ascii_lowercase();
        let today = self.today;
        let (date, precision) = match unit.as_str() {
            "week" => (PartialDate::Day(monday(today.add_days(7 * offset))), Precision::Week),
            "weekend" => {
                // The Saturday of the weekend before (or after) the article date.
                let saturday = if offset > 0 {
                    today.add_days(1 + (5 - i64::from(today.weekday())).rem_euclid(7))
                } else {
                    today.add_days(-1 - (i64::from(today.weekday()) + 1).rem_euclid(7))
                };
                (PartialDate::Day(saturday), Precision::Week)
            }
            "month" => {
                let d = today.add_months(offset);
                (PartialDate::Month(d.year, d.month), Precision::Month)
            }
            "year" => (PartialDate::Year(today.year + offset as i32), Precision::Year),
            _ => {
                if season_months(self.word(unit_at)).is_some() {
                    return self.season(unit_at);
                }
                if offset != 0 && weekday_number(self.word(unit_at)).is_some() {
                    let (end, date, basis, precision) = self.weekday(unit_at, offset)?;
                    return Some((end, date, basis, precision));
                }
                return None;
            }
        };
        Some((unit_at + 1, date, DateBasis::Relative, precision))
    }

    /// A weekday: `direction` 0 = on or before the article date, -1 = before, 1 = after.
    fn weekday(&self, k: usize, direction: i64) -> Option<Found> {
        let wanted = i64::from(weekday_number(self.word(k))?);
        let today = i64::from(self.today.weekday());
        let shift = match direction {
            0 => -(today - wanted).rem_euclid(7),
            d if d < 0 => -1 - (today - wanted - 1).rem_euclid(7),
            _ => 1 + (wanted - today - 1).rem_euclid(7),
        };
        Some((
            k + 1,
            PartialDate::Day(self.today.add_days(shift)),
            DateBasis::Relative,
            Precision::Day,
        ))
    }

    /// "yesterday", "today", "tonight", "tomorrow", and ISO dates.
    fn single_word(&self, k: usize) -> Option<Found> {
        let word = self.word(k);
        let shift = if word.eq_ignore_ascii_case("yesterday") {
            -1
        } else if word.eq_ignore_ascii_case("today") || word.eq_ignore_ascii_case("tonight") {
            0
        } else if word.eq_ignore_ascii_case("tomorrow") {
            1
        } else {
            let date = (word.len() == 10).then(|| word.parse::<Date>().ok()).flatten()?;
            return Some((k + 1, PartialDate::Day(date), DateBasis::Explicit, Precision::Day));
        };
        Some((
            k + 1,
            PartialDate::Day(self.today.add_days(shift)),
            DateBasis::Relative,
            Precision::Day,
        ))
    }

    /// "the 2006 elections", "in 2014".
    fn bare_year(&self, k: usize) -> Option<Found> {
        let year = year(self.word(k))?;
        if !self.after_cue(k) {
            return None;
        }
        Some((k + 1, PartialDate::Year(year), DateBasis::Explicit, Precision::Year))
    }
}

/// The Monday of the week of `date`.
fn monday(date: Date) -> Date {
    date.add_days(-i64::from(date.weekday()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, article: &str) -> Vec<(String, String, DateBasis, Precision)> {
        let today: Date = article.parse().unwrap();
        find_dates_in_text(text, today)
            .into_iter()
            .map(|m| (m.span.text(text).to_string(), m.date.to_string(), m.basis, m.precision))
            .collect()
    }

    fn one(text: &str, article: &str) -> (String, String, DateBasis, Precision) {
        let all = found(text, article);
        assert_eq!(all.len(), 1, "one date in {text:?}: {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn tass_article() {
        use DateBasis::{Explicit, Relative};
        let d = "2020-09-04";
        let cases: &[(&str, &str, &str, DateBasis, Precision)] = &[
            ("the ministry said on Friday after", "Friday", "2020-09-04", Relative, Precision::Day),
            (
                "the September 3 videoconference of",
                "September 3",
                "2020-09-03",
                Relative,
                Precision::Day,
            ),
            ("after the 2006 parliamentary elections", "2006", "2006", Explicit, Precision::Year),
            (
                "an agreement of the spring 2014, the",
                "spring 2014",
                "2014",
                Explicit,
                Precision::Season,
            ),
            ("It happened 15 months ago.", "15 months ago", "2019-06", Relative, Precision::Month),
        ];
        for (text, span, date, basis, precision) in cases {
            assert_eq!(
                one(text, d),
                (span.to_string(), date.to_string(), *basis, *precision),
                "{text}"
            );
        }
    }

    #[test]
    fn resolutions() {
        use DateBasis::{Explicit, Relative};
        use Precision::{Day, Month, Season, Week, Year};
        // 2020-09-04 is a Friday.
        let d = "2020-09-04";
        let cases: &[(&str, &str, &str, DateBasis, Precision)] = &[
            ("on Monday", "Monday", "2020-08-31", Relative, Day),
            ("last Friday", "last Friday", "2020-08-28", Relative, Day),
            ("next Friday", "next Friday", "2020-09-11", Relative, Day),
            ("on Saturday", "Saturday", "2020-08-29", Relative, Day),
            ("yesterday", "yesterday", "2020-09-03", Relative, Day),
            ("today", "today", "2020-09-04", Relative, Day),
            ("tomorrow", "tomorrow", "2020-09-05", Relative, Day),
            ("last week", "last week", "2020-08-24", Relative, Week),
            ("last weekend", "last weekend", "2020-08-29", Relative, Week),
            ("last month", "last month", "2020-08", Relative, Month),
            ("earlier this month", "earlier this month", "2020-09", Relative, Month),
            ("last year", "last year", "2019", Relative, Year),
            ("next year", "next year", "2021", Relative, Year),
            ("three days ago", "three days ago", "2020-09-01", Relative, Day),
            ("a year ago", "a year ago", "2019", Relative, Year),
            ("two weeks ago", "two weeks ago", "2020-08-17", Relative, Week),
            ("on August 28", "August 28", "2020-08-28", Relative, Day),
            ("on 3 September 2019", "3 September 2019", "2019-09-03", Explicit, Day),
            ("on Sept. 3rd, 2018", "Sept. 3rd, 2018", "2018-09-03", Explicit, Day),
            ("in March 2019", "March 2019", "2019-03", Explicit, Month),
            ("in March of 2019", "March of 2019", "2019-03", Explicit, Month),
            ("in March", "March", "2020-03", Relative, Month),
            ("since 1987", "1987", "1987", Explicit, Year),
            ("the spring of 2014", "spring of 2014", "2014", Explicit, Season),
            ("last spring", "last spring", "2020", Relative, Season),
            ("last winter", "last winter", "2020", Relative, Season),
            ("on 2019-11-02", "2019-11-02", "2019-11-02", Explicit, Day),
        ];
        for (text, span, date, basis, precision) in cases {
            assert_eq!(
                one(text, d),
                (span.to_string(), date.to_string(), *basis, *precision),
                "{text}"
            );
        }
    }

    #[test]
    fn month_and_day_take_the_nearest_year() {
        let expected = (
            "December 28".to_string(),
            "2020-12-28".to_string(),
            DateBasis::Relative,
            Precision::Day,
        );
        assert_eq!(one("on December 28", "2021-01-05"), expected);
        assert_eq!(one("on December 28", "2020-09-04").1, "2020-12-28");
        assert_eq!(one("on January 2", "2020-12-30").1, "2021-01-02");
    }

    #[test]
    fn not_dates() {
        for text in
            ["He may go.", "About 2000 soldiers", "Friday Night Lights is a show", "March on!"]
        {
            let all = found(text, "2020-09-04");
            // Only the weekday reading is allowed for "Friday Night Lights" (no cue to refuse it).
            assert!(all.iter().all(|(span, ..)| span == "Friday"), "{text}: {all:?}");
        }
        assert!(found("He may go. About 2000 soldiers. March on!", "2020-09-04").is_empty());
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("FEB"), Some(2));
        assert_eq!(month_number("OCt"), Some(10));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayday"), None);
    }
}
