//! Wire-service datelines at the head of an article: place of filing and agency.
//!
//! Recognised shapes (place in capitals, then optional parts, then a separator):
//! `MOSCOW, September 4. /TASS/.`, `WASHINGTON (Reuters) -`, `NAIROBI, Kenya --`,
//! `BHUBANESWAR:`, `SALVADOR, Feb 26 -`, `PHOENIX, Ariz., April 13 -`, `GENEVA (dyad) -`.
//! Without a separator there is no dateline: an all-capitals headline is not one.

use dyad_model::Span;

use crate::Dateline;

/// Longest dateline considered, in bytes; real ones are far shorter.
const MAX_DATELINE: usize = 120;

/// Finds the dateline at the start of `text` (after leading white space), if there is one.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    find_with(text, true).or_else(|| find_with(text, false))
}

/// With `capitals`, the place must be written in capitals (`MOSCOW`); without, any case will
/// do (`Toronto, April 9 -`), but then a date must follow it, so a sentence is not mistaken
/// for a dateline.
fn find_with(text: &str, capitals: bool) -> Option<Dateline> {
    let bytes = text.as_bytes();
    // Wire flashes mark urgent stories with asterisks before the dateline ("****LONDON, March
    // 5 - ..."): they are not part of the place.
    let start = text.len() - text.trim_start_matches(|c: char| c.is_whitespace() || c == '*').len();
    let mut cursor = Cursor { text, pos: start };
    let place_end = if capitals { cursor.place()? } else { cursor.loose_place()? };
    let place = &text[start..place_end];
    let mut agency: Option<Span> = None;
    let mut dated = false;
    // Up to three comma qualifiers: regions (`Kenya`, `Calif.`) and/or a date (`Feb 26`).
    for _ in 0..3 {
        let save = cursor.pos;
        if cursor.eat(", ") || cursor.eat(" , ") {
            if cursor.date() {
                dated = true;
                continue;
            }
            if cursor.region() {
                continue;
            }
        }
        cursor.pos = save;
        break;
    }
    if !capitals && !dated {
        return None;
    }
    let save = cursor.pos;
    if cursor.eat(" (") {
        match cursor.until(b')') {
            Some(inner) => agency = Some(inner),
            None => cursor.pos = save,
        }
    }
    // The separator: `. /TASS/.` or a dash or colon followed by white space.
    let save = cursor.pos;
    cursor.eat(".");
    cursor.skip_spaces();
    let end = if cursor.eat("/") {
        agency = Some(cursor.until(b'/')?);
        cursor.eat(".");
        cursor.pos
    } else {
        cursor.pos = save;
        cursor.skip_spaces();
        let long_dash = cursor.eat("--") || cursor.eat("—");
        let dash = long_dash || cursor.eat("-") || cursor.eat("–") || cursor.eat(":");
        let spaced = bytes.get(cursor.pos).is_some_and(u8::is_ascii_whitespace);
        // `WASHINGTON--A tremendous`: a long dash may touch the first word, if a capital.
        let touching = long_dash && bytes.get(cursor.pos).is_some_and(u8::is_ascii_uppercase);
        if !dash || !(spaced || touching) {
            return None;
        }
        cursor.pos
    };
    if end - start > MAX_DATELINE || end >= text.len() {
        return None;
    }
    Some(Dateline {
        place: Some(place.trim_end_matches(',').to_string()),
        agency: agency.map(|s| s.text(text).trim().to_string()).filter(|a| !a.is_empty()),
        span: Span::new(start, end),
    })
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn skip_spaces(&mut self) {
        while self.rest().starts_with(' ') {
            self.pos += 1;
        }
    }

    /// Consumes up to `close` on the same line, returning the span inside.
    fn until(&mut self, close: u8) -> Option<Span> {
        let rest = self.rest().as_bytes();
        let n = rest.iter().take(40).position(|&b| b == close || b == b'\n')?;
        if rest[n] != close || n == 0 {
            return None;
        }
        let inner = Span::new(self.pos, self.pos + n);
        self.pos += n + 1;
        Some(inner)
    }

    /// A run of capitalised words separated by single spaces; returns its end.
    fn place(&mut self) -> Option<usize> {
        let mut words = 0;
        let mut letters = 0;
        let mut end = None;
        loop {
            let rest = self.rest();
            let word_len =
                rest.find([' ', ',', ':', '(', '\n', '\t', '/', '—']).unwrap_or(rest.len());
            // A long dash ends the place even without a space (`WASHINGTON--A`).
            let word_len = rest[..word_len].find("--").unwrap_or(word_len);
            let word = &self.rest()[..word_len];
            let cased = word.chars().filter(|c| c.is_alphabetic()).count();
            let upper = word.chars().filter(|c| c.is_uppercase()).count();
            let shape_ok =
                word.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '’'));
            if word.is_empty() || !shape_ok || cased == 0 || upper * 10 < cased * 8 {
                break;
            }
            words += 1;
            letters += upper;
            self.pos += word_len;
            end = Some(self.pos);
            if words == 3 || !self.rest().starts_with(' ') {
                break;
            }
            let save = self.pos;
            self.pos += 1;
            if !self.rest().starts_with(|c: char| c.is_uppercase()) {
                self.pos = save;
                break;
            }
        }
        let end = end?;
        self.pos = end;
        // Lower-case letters are tolerated in a long all-capitals place (McALLEN) only.
        (letters >= 2).then_some(end)
    }

    /// One to four words of letters in any case (`Sioux Falls`, `omaha`); returns the end.
    fn loose_place(&mut self) -> Option<usize> {
        let start = self.pos;
        let mut words = 0;
        loop {
            let rest = self.rest();
            let n = rest
                .find(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '\'' | '-')))
                .unwrap_or(rest.len());
            if n == 0 || !rest.starts_with(char::is_alphabetic) {
                break;
            }
            self.pos += n;
            words += 1;
            if words == 4
                || !self.rest().starts_with(' ')
                || !self.rest()[1..].starts_with(char::is_alphabetic)
            {
                break;
            }
            self.pos += 1;
        }
        (words > 0 && self.pos > start + 1).then_some(self.pos)
    }

    /// `September 4`, `Feb 26`, `Sept. 4`, `4 September`; the cursor moves past it on success.
    fn date(&mut self) -> bool {
        let save = self.pos;
        let month_then_day = self.month() && self.eat(" ") && self.day();
        if month_then_day {
            return true;
        }
        self.pos = save;
        if self.day() && self.eat(" ") && self.month() {
            return true;
        }
        self.pos = save;
        false
    }

    fn month(&mut self) -> bool {
        let n = self.rest().find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(self.rest().len());
        if n < 3 || crate::dates::month_number(&self.rest()[..n]).is_none() {
            return false;
        }
        self.pos += n;
        self.eat(".");
        true
    }

    fn day(&mut self) -> bool {
        let n = self.rest().bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > 2 {
            return false;
        }
        self.pos += n;
        true
    }

    /// One to three capitalised words (`Kenya`, `Calif.`, `New Mexico`, `MO.`).
    fn region(&mut self) -> bool {
        let mut words = 0;
        loop {
            let rest = self.rest();
            let n = rest.find([' ', ',', '(', '\n', ':']).unwrap_or(rest.len());
            let word = &rest[..n];
            let ok = word.starts_with(|c: char| c.is_uppercase())
                && word.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-');
            if !ok {
                break;
            }
            self.pos += n;
            words += 1;
            if words == 3
                || !self.rest().starts_with(' ')
                || !self.rest()[1..].starts_with(|c: char| c.is_uppercase())
            {
                break;
            }
            self.pos += 1;
        }
        words > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dateline(text: &str) -> Option<(String, Option<String>, String)> {
        find_dateline(text).map(|d| (d.place.unwrap(), d.agency, d.span.text(text).to_string()))
    }

    #[test]
    fn recognised_shapes() {
        let cases: &[(&str, &str, Option<&str>, &str)] = &[
            (
                "MOSCOW, September 4. /TASS/. Russian envoy",
                "MOSCOW",
                Some("TASS"),
                "MOSCOW, September 4. /TASS/.",
            ),
            ("WASHINGTON (Reuters) - The", "WASHINGTON", Some("Reuters"), "WASHINGTON (Reuters) -"),
            ("NAIROBI, Kenya -- Police", "NAIROBI", None, "NAIROBI, Kenya --"),
            ("BHUBANESWAR: The state", "BHUBANESWAR", None, "BHUBANESWAR:"),
            ("WASHINGTON--A tremendous", "WASHINGTON", None, "WASHINGTON--"),
            ("SALVADOR, Feb 26 - Showers", "SALVADOR", None, "SALVADOR, Feb 26 -"),
            ("GENEVA (dyad) - Talks", "GENEVA", Some("dyad"), "GENEVA (dyad) -"),
            (
                "GENEVA, March 15 (dyad) - Turkish",
                "GENEVA",
                Some("dyad"),
                "GENEVA, March 15 (dyad) -",
            ),
            ("PHOENIX, Ariz., April 13 - StateWest", "PHOENIX", None, "PHOENIX, Ariz., April 13 -"),
            (
                "KANSAS CITY, MO., March 19 - Harmon",
                "KANSAS CITY",
                None,
                "KANSAS CITY, MO., March 19 -",
            ),
            ("NEW YORK, MARCH 11 - Tenneco", "NEW YORK", None, "NEW YORK, MARCH 11 -"),
            ("DALLAS, OCt 19 - Shr", "DALLAS", None, "DALLAS, OCt 19 -"),
            ("  ST. LOUIS, June 2 - The", "ST. LOUIS", None, "ST. LOUIS, June 2 -"),
            ("****LONDON, March 5 - India", "LONDON", None, "LONDON, March 5 -"),
            ("Sioux Falls, April 7 - Hog", "Sioux Falls", None, "Sioux Falls, April 7 -"),
            ("omaha, april 7 - barrow", "omaha", None, "omaha, april 7 -"),
            ("NEW YORK , March 20 - American", "NEW YORK", None, "NEW YORK , March 20 -"),
            (
                "Vancouver, British Columbia, April 1 - Cominco",
                "Vancouver",
                None,
                "Vancouver, British Columbia, April 1 -",
            ),
        ];
        for (text, place, agency, span) in cases {
            let got = dateline(text);
            assert_eq!(
                got,
                Some((place.to_string(), agency.map(str::to_string), span.to_string())),
                "dateline of {text:?}"
            );
        }
    }

    #[test]
    fn not_datelines() {
        for text in [
            "REAGAN SAYS U.S., ALLIES MUST HONOR ACCORDS ON EXCHANGE RATE STABILITY",
            "The talks went on - slowly.",
            "NATO-led forces",
            "U.S. PERSONAL INCOME ROSE 0.9 PCT IN FEBRUARY, SPENDING UP 1.7 PCT",
            "I - and you - went",
            "Toronto - the city - grew.",
            "Shares rose, analysts said - a sign.",
            "",
            "MOSCOW -",
        ] {
            assert_eq!(dateline(text), None, "{text:?}");
        }
    }
}
