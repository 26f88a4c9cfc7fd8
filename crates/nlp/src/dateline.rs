//! Wire-service datelines at the head of an article: place of filing and agency.
//!
//! Recognised shapes (place in capitals, then optional parts, then a separator):
//! `MOSCOW, September 4. /TASS/.`, `WASHINGTON (Reuters) -`, `NAIROBI, Kenya --`,
//! `BHUBANESWAR:`, `SALVADOR, Feb 26 -`, `PHOENIX, Ariz., April 13 -`, `GENEVA (dyad) -`.
//! Without a separator there is no dateline: an all-capitals headline is not one. Wire copy
//! sometimes keeps its headline above the dateline, on lines of its own or run into the
//! dateline's line (`BICC SEEKS EARNINGS GROWTH LONDON, March 25 -`): a dated dateline is
//! found after such a headline too.

use dyad_model::Span;

use crate::Dateline;

/// Longest dateline considered, in bytes; real ones are far shorter.
const MAX_DATELINE: usize = 120;

/// Headline lines looked through for a dateline below them.
const MAX_HEADLINE_LINES: usize = 3;

/// Words that open many two-word places (`NEW YORK`, `HONG KONG`), for a place run into a
/// headline, where the capitals alone cannot say where the headline ends.
const PLACE_OPENERS: &[&str] = &[
    "NEW", "SAN", "SANTA", "ST.", "ST", "LOS", "LAS", "HONG", "KUALA", "TEL", "ABU", "BUENOS",
    "RIO", "SAO", "PORT", "FORT", "KANSAS", "SALT", "BATON", "CORPUS", "PALM", "CAPE", "ADDIS",
];

/// Finds the dateline at the start of `text` (after leading white space) or right after a
/// headline in capitals, if there is one.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    find_with(text, 0, true, false)
        .or_else(|| find_with(text, 0, false, false))
        .or_else(|| agency_alone(text))
        .or_else(|| after_headline(text))
}

/// A dateline opening a later paragraph of a wire digest (`ROME - Israeli Foreign Minister
/// Shimon Peres discussed ...`): a place in capitals and a dash, as at an article's head. Colons
/// are left out, since speakers' names open paragraphs of transcripts (`BLAIR: We will ...`).
pub(crate) fn paragraph_dateline(text: &str, start: usize) -> Option<Dateline> {
    // Most paragraphs open with a word in lower case after its capital, or hold no dash near
    // their start: no dateline, and no need to read one.
    let near = &text.as_bytes()[start..text.len().min(start + MAX_DATELINE)];
    let capitals = matches!(near, [a, b, ..] if a.is_ascii_uppercase() && !b.is_ascii_lowercase());
    // A dash is `-` or starts with the byte 0xE2 (`–`, `—`).
    if !capitals || !near.iter().any(|&b| b == b'-' || b == 0xE2) {
        return None;
    }
    let found = find_with(text, start, true, false)?;
    let separator = text[start..found.span.end].trim_end();
    separator.ends_with(['-', '–', '—']).then_some(found)
}

/// `(Reuters) - The FBI ...`: an agency with no place, as web copies of wire stories open.
fn agency_alone(text: &str) -> Option<Dateline> {
    let start = text.len() - text.trim_start().len();
    let mut cursor = Cursor { text, pos: start };
    if !cursor.eat("(") {
        return None;
    }
    let agency = cursor.until(b')')?;
    let name = agency.text(text);
    // `(AP)`, `(Reuters)`; not `(CORRECTION)`.
    let shouted = !name.contains(char::is_lowercase) && name.len() > 6;
    let is_name = !shouted
        && name.starts_with(|c: char| c.is_uppercase())
        && name.split(' ').count() <= 3
        && name.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '&'));
    cursor.skip_spaces();
    let dash = cursor.eat("--") || cursor.eat("—") || cursor.eat("-") || cursor.eat("–");
    let spaced = text[cursor.pos..].starts_with(char::is_whitespace);
    (is_name && dash && spaced && cursor.pos < text.len()).then(|| Dateline {
        place: None,
        agency: Some(name.to_string()),
        span: Span::new(start, cursor.pos),
    })
}

/// A dated dateline with its place in capitals below headline lines, or run into the end of
/// one: every letter before it is a capital, except on short lines (`repeat from late
/// yesterday`).
fn after_headline(text: &str) -> Option<Dateline> {
    let mut line_start = 0;
    for _ in 0..MAX_HEADLINE_LINES {
        let line_end = text[line_start..].find('\n').map_or(text.len(), |n| line_start + n);
        let line = &text[line_start..line_end];
        if let Some(found) = run_into_headline(text, line_start, line_end) {
            return Some(found);
        }
        let capitals = !line.contains(|c: char| c.is_lowercase());
        if !capitals && line.split_whitespace().count() > 5 {
            return None;
        }
        line_start = line_end + 1;
        while text[line_start.min(text.len())..].starts_with(['\n', '\r', ' ', '\t']) {
            line_start += 1;
        }
        if line_start >= text.len() {
            return None;
        }
        if let Some(found) = find_with(text, line_start, true, true) {
            return Some(found);
        }
    }
    None
}

/// `MIDLAND RIGHTS ISSUE STILL EXPECTED SAY ANALYSTS LONDON, March 4 -`: the place is the
/// last word before the first comma of the line (with the word before it when that opens many
/// places), and the dateline must be dated.
fn run_into_headline(text: &str, line_start: usize, line_end: usize) -> Option<Dateline> {
    let comma = line_start + text[line_start..line_end].find(',')?;
    let head = text[line_start..comma].trim_end();
    if head.contains(|c: char| c.is_lowercase()) {
        return None;
    }
    let mut words: Vec<(usize, &str)> = head
        .split(' ')
        .scan(line_start, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return None;
    }
    let (mut place_start, _) = words.pop()?;
    if let Some(&(opener_start, opener)) = words.last()
        && PLACE_OPENERS.contains(&opener)
        && words.len() > 1
    {
        place_start = opener_start;
    }
    find_with(text, place_start, true, true).filter(|d| d.span.end <= line_end + 1)
}

/// With `capitals`, the place must be written in capitals (`MOSCOW`); without, any case will
/// do (`Toronto, April 9 -`), but then a date must follow it, so a sentence is not mistaken
/// for a dateline. With `dated_only`, a date must follow in any case.
fn find_with(text: &str, from: usize, capitals: bool, dated_only: bool) -> Option<Dateline> {
    let bytes = text.as_bytes();
    // Wire flashes mark urgent stories with asterisks before the dateline ("****LONDON, March
    // 5 - ..."): they are not part of the place.
    let rest = &text[from..];
    let start = text.len() - rest.trim_start_matches(|c: char| c.is_whitespace() || c == '*').len();
    let mut cursor = Cursor { text, pos: start };
    let place_end = if capitals { cursor.place()? } else { cursor.loose_place()? };
    let place = &text[start..place_end];
    let mut agency: Option<Span> = None;
    let mut dated = false;
    // Up to three comma qualifiers: regions (`Kenya`, `Calif.`) and/or a date (`Feb 26`).
    for _ in 0..3 {
        let save = cursor.pos;
        if cursor.eat(",") || cursor.eat(" ,") {
            // Wire copy drops the space before a date now and then (`PARIS,March 16 -`).
            let spaced = cursor.eat(" ");
            if cursor.date() {
                dated = true;
                continue;
            }
            if spaced && cursor.region() {
                continue;
            }
        }
        // ... or the comma before it (`JOHANNESBURG March 13 -`, `RICHMOND, Va. Feb 26 -`).
        cursor.pos = save;
        if !dated && cursor.eat(" ") && cursor.date() {
            dated = true;
            continue;
        }
        cursor.pos = save;
        break;
    }
    // A stray comma after the date (`CHICAGO, March 4, -`).
    if dated {
        let save = cursor.pos;
        if !(cursor.eat(",") && text[cursor.pos..].starts_with([' ', '-'])) {
            cursor.pos = save;
        }
    }
    // A place in capitals had its chance above: read loosely, it would run into a headline
    // (`BICC SEEKS GROWTH LONDON, March 25 -`).
    if !capitals && !place.contains(char::is_lowercase) {
        return None;
    }
    // A slash in capitals is as often a headline's pair (`GOLD/EXCHANGE CLOSING -`) as a twin
    // place: only a date makes it a place.
    if (!capitals || place.contains('/')) && !dated {
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
        let inner = cursor.until(b'/')?;
        // An agency is a name (`TASS`), not a table's units (`CTS/BBL, WTI NOW 19 DLRS/`).
        if inner.text(text).contains(|c: char| c.is_ascii_digit()) {
            return None;
        }
        agency = Some(inner);
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
    if end - start > MAX_DATELINE || end >= text.len() || (dated_only && !dated) {
        return None;
    }
    // Without a date, what follows must read as a story: a date there (`ZURICH GOLD CLOSING -
    // APRIL 7`) or a line all in capitals (`CORRECTION - TOKYO STOCK EXCHANGE CUTS HOURS`)
    // makes the line a header.
    if !dated && agency.is_none() {
        let line = text[end..].trim_start();
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let mut after = Cursor { text: line, pos: 0 };
        if after.date() || !line.contains(char::is_lowercase) {
            return None;
        }
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
            let mut word_len =
                rest.find([' ', ',', ':', '(', '\n', '\t', '/', '—']).unwrap_or(rest.len());
            // Twin places (`DALLAS/FORT WORTH`) join with a slash between capitals; the
            // slashes of an agency (`/TASS/`) follow a space.
            while rest[word_len..].starts_with('/')
                && rest[..word_len].ends_with(|c: char| c.is_uppercase())
                && rest[word_len + 1..].starts_with(|c: char| c.is_uppercase())
            {
                word_len += 1;
                word_len += rest[word_len..]
                    .find([' ', ',', ':', '(', '\n', '\t', '/', '—'])
                    .unwrap_or(rest.len() - word_len);
            }
            // A long dash ends the place even without a space (`WASHINGTON--A`).
            let word_len = rest[..word_len].find("--").unwrap_or(word_len);
            let word = &self.rest()[..word_len];
            let cased = word.chars().filter(|c| c.is_alphabetic()).count();
            let upper = word.chars().filter(|c| c.is_uppercase()).count();
            let shape_ok = word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '’' | '/'));
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
    /// The date of a dateline is not read, only recognised, so a misspelt month (`Narch 2`,
    /// `Apri 13`) or day (`March 119`) still makes one.
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
        let word = &self.rest()[..n];
        if n < 3 || (crate::dates::month_number(word).is_none() && !misspelt_month(word)) {
            return false;
        }
        self.pos += n;
        self.eat(".");
        true
    }

    fn day(&mut self) -> bool {
        // Typists' digits: a letter O for a zero (`2O`), a letter l for a one (`April l`).
        let rest = self.rest().as_bytes();
        let n = rest.iter().take_while(|b| b.is_ascii_digit() || matches!(b, b'O' | b'l')).count();
        let digits = rest[..n].iter().filter(|b| b.is_ascii_digit()).count();
        let glued = rest.get(n).is_some_and(u8::is_ascii_alphanumeric);
        if n == 0 || n > 3 || (digits == 0 && n > 1) || glued {
            return false;
        }
        self.pos += n;
        true
    }

    /// One to three capitalised words (`Kenya`, `Calif.`, `New Mexico`, `MO.`), perhaps after
    /// `the` (`the Netherlands`).
    fn region(&mut self) -> bool {
        let mut words = 0;
        let save = self.pos;
        if !(self.eat("the ") && self.rest().starts_with(|c: char| c.is_uppercase())) {
            self.pos = save;
        }
        loop {
            let rest = self.rest();
            let n = rest.find([' ', ',', '(', '\n', ':']).unwrap_or(rest.len());
            let word = &rest[..n];
            let ok = word.starts_with(|c: char| c.is_uppercase())
                && word.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-');
            // `Va. Feb 26`: the date that follows a region is not part of it.
            let mut date = Cursor { text: rest, pos: 0 };
            if words > 0 && date.date() {
                self.pos -= 1; // the space before the date
                break;
            }
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
        if words == 0 {
            self.pos = save;
        }
        words > 0
    }
}

/// A month's full name with one letter added, dropped, changed or swapped with its neighbour
/// (`Narch`, `Marchg`, `Mach`, `Macrh`, `Apri`, `Jne`), in any case.
fn misspelt_month(word: &str) -> bool {
    let word = word.to_ascii_lowercase();
    word.len() >= 3
        && crate::dates::MONTHS
            .iter()
            .any(|m| m.len() >= 4 && one_edit_apart(word.as_bytes(), m.as_bytes()))
}

/// Whether `a` and `b` differ by exactly one insertion, deletion, substitution or
/// transposition of neighbours.
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 if prefix < short.len() => {
            let (s, l) = (&short[prefix..], &long[prefix..]);
            s[1..] == l[1..] || (s.len() >= 2 && s[0] == l[1] && s[1] == l[0] && s[2..] == l[2..])
        }
        1 => short[prefix..] == long[prefix + 1..],
        _ => false,
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
            ("PARIS,March 16 - Club", "PARIS", None, "PARIS,March 16 -"),
            ("JOHANNESBURG March 13 - Gold", "JOHANNESBURG", None, "JOHANNESBURG March 13 -"),
            ("RICHMOND, Va. Feb 26 - Dominion", "RICHMOND", None, "RICHMOND, Va. Feb 26 -"),
            ("CHICAGO, March 4, - The", "CHICAGO", None, "CHICAGO, March 4, -"),
            ("BELGRADE, March 2O - Yugoslav", "BELGRADE", None, "BELGRADE, March 2O -"),
            (
                "REGGIO CALABRIA, Italy, April l - A",
                "REGGIO CALABRIA",
                None,
                "REGGIO CALABRIA, Italy, April l -",
            ),
            ("RENO, Nev., Mach 4 - Porsche", "RENO", None, "RENO, Nev., Mach 4 -"),
            ("ROSEMONT, Ill., Macrh 31 - LyphoMed", "ROSEMONT", None, "ROSEMONT, Ill., Macrh 31 -"),
            ("ATLANTA, Apri 1 - Digital", "ATLANTA", None, "ATLANTA, Apri 1 -"),
            ("BOSTON, March 187 - Eastern", "BOSTON", None, "BOSTON, March 187 -"),
            (
                "DALLAS/FORT WORTH, Texas, March 3 - AMR",
                "DALLAS/FORT WORTH",
                None,
                "DALLAS/FORT WORTH, Texas, March 3 -",
            ),
            (
                "ARNHEM, the Netherlands, April 1 - Enka",
                "ARNHEM",
                None,
                "ARNHEM, the Netherlands, April 1 -",
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
            "BUS,PRS JOHANNESBURG CLSG - 7 April",
            "LONDON PLATINUM/PALLADIUM AFTERNOON - Platinum",
            "SOUTHLAND CORP RAISED CRUDE OIL POSTINGS 50 CTS/BBL, WTI NOW 19 DLRS/BBL",
            "ROME, Mayor 3 - a typo that is no month",
            "ZURICH GOLD CLOSING - APRIL 7 pool 417.00-420.00",
            "CORRECTION - TOKYO STOCK EXCHANGE CUTS HOURS\n\nIn the story",
            "NASDAQ HALT - ALLEGHENY BEVERAGE CORP <ABEV>, NEWS PENDING",
        ] {
            assert_eq!(dateline(text), None, "{text:?}");
        }
    }

    #[test]
    fn an_agency_alone() {
        let found = find_dateline("(Reuters) - The FBI is offering a reward").unwrap();
        assert_eq!((found.place, found.agency.as_deref()), (None, Some("Reuters")));
        assert_eq!(found.span, Span::new(0, 11));
        for text in ["(see below) - more", "(1987) - The", "(Reuters)", "(CORRECTION) - X"] {
            assert!(find_dateline(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn datelines_below_a_headline() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "U.S. OIL <USOL> TO SELL SHARES\n\nNEW YORK, March 31 - U.S. Oil Co said",
                "NEW YORK",
                "NEW YORK, March 31 -",
            ),
            (
                "RENOUF EXTENDS OFFER\n\nrepeat\n\nNEW YORK, March 16 - Renouf said",
                "NEW YORK",
                "NEW YORK, March 16 -",
            ),
            (
                "BICC SEEKS ACCELERATED EARNINGS GROWTH LONDON, March 25 - BICC Plc said",
                "LONDON",
                "LONDON, March 25 -",
            ),
            ("MILLS TO CLOSE NEW YORK, June 2 - The mills", "NEW YORK", "NEW YORK, June 2 -"),
        ];
        for (text, place, span) in cases {
            let found = dateline(text);
            assert_eq!(
                found,
                Some((place.to_string(), None, span.to_string())),
                "dateline of {text:?}"
            );
        }
        // Undated, or below prose, a capitals line is no dateline.
        for text in [
            "GOLD PRICES RISE\n\nLONDON - Gold rose",
            "Prices rose in the morning and then fell.\n\nLONDON, March 2 - More",
            "LIVERPOOL COTTON SHIPMENTS\n\nAMER N.O/TEXAS 1 INCH APR/MAY 59.00",
        ] {
            assert_eq!(dateline(text), None, "{text:?}");
        }
    }
}
