//! Tokenization as UD English EWT tokenizes text, with byte spans into the untouched text.
//!
//! The rules, in the order they are tried on each whitespace-separated chunk:
//! - URLs (`http://`, `https://`, `ftp://`, `www.`) and e-mail addresses are one token, less
//!   trailing punctuation.
//! - A word is a run of letters and digits, joined across `.` (`U.S`, `5.93`, `Amazon.com`),
//!   `,`, `:` and `/` between digits (`155,221`, `10:30`, `11/28/2000`), `&` between capitals
//!   (`AT&T`), `_` (`file_name`), apostrophes
//!   inside names (`O'Brien`) and some hyphens (below). A final `.` joins the word when it is an
//!   abbreviation: a known one (`Gen.`, `Inc.`, `Jan.`, `No.` before a number), an initial (`J.`)
//!   or a dotted one (`U.S.`, `a.m.`).
//! - Clitics are split: `'s 're 've 'll 'd 'm` start a token, `n't` too (`do|n't`, `ca|n't`,
//!   `wo|n't`), and so are fused words as in EWT (`can|not`, `gon|na`, `do|nt`).
//! - Hyphens: EWT splits most hyphenated words (`Hamas - controlled`) but keeps prefixes whole
//!   (`e-mail`, `non-stop`, `pre-war`) and digit groups (`713-853-3989`). [`Hyphens`] selects the
//!   policy; the default also keeps Arabic name particles whole (`al-Salhi`), see its docs.
//! - Anything else is punctuation: one token per character, except runs of `.` (`...`), `-`
//!   (`--`), `!`/`?`, backquotes, doubled apostrophes, repeated symbols (`*****`) and emoticons.
//!
//! The tokenizer never allocates per token: it pushes spans into a caller's vector.

use dyad_model::Span;

/// What to do with a hyphen between two words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Hyphens {
    /// As EWT, except that Arabic name particles stay joined to the name (`al-Salhi`,
    /// `bin-Laden`), so dictionary entries for such names match one token. On the EWT dev set
    /// this costs under 0.1 point of token F1 against [`Hyphens::Split`] (ARCHITECTURE.md).
    #[default]
    Names,
    /// Exactly as EWT: split at every hyphen except after prefixes and between digits.
    Split,
    /// Keep every hyphenated word whole (`Hamas-controlled`).
    Keep,
}

/// Tokenizes all of `text`.
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut tokens = Vec::new();
    tokenize_into(text, Span::new(0, text.len()), Hyphens::default(), &mut tokens);
    tokens
}

/// Appends the tokens of `text[range]` to `out`. `range` must lie on char boundaries.
pub fn tokenize_into(text: &str, range: Span, hyphens: Hyphens, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end.min(text.len());
    while i < end {
        let b = bytes[i];
        if b < 0x80 {
            if is_ascii_space(b) {
                i += 1;
                continue;
            }
        } else {
            let (c, len) = char_at(text, i);
            if is_space(c) {
                i += len;
                continue;
            }
        }
        // Most chunks are one plain word, ASCII letters and digits up to the white space: no
        // URL, e-mail address, abbreviation or clitic can be in it, only a fused word
        // (`cannot`), so it is pushed at once.
        let word_end = next_flagged(bytes, i, non_word_lanes).map_or(end, |stop| stop.min(end));
        if word_end > i && (word_end == end || is_ascii_space(bytes[word_end])) {
            push_word(text, i, word_end, out);
            i = word_end;
            continue;
        }
        // The chunk runs to the next white space. Eight bytes are tested at once for the
        // bytes that need a look (white space, `@`, control and non-ASCII bytes), which spares
        // a mispredicted branch at the end of most chunks. The word bytes before `word_end`
        // are none of these.
        let mut j = word_end;
        let mut has_at = false;
        while j < end {
            let Some(stop) = next_flagged(bytes, j, chunk_lanes) else {
                j = end;
                break;
            };
            j = stop;
            if j >= end {
                j = end;
                break;
            }
            let b = bytes[j];
            if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                has_at |= b == b'@';
                j += 1;
            } else {
                let (c, len) = char_at(text, j);
                if is_space(c) {
                    break;
                }
                j += len;
            }
        }
        tokenize_chunk(text, i, j, has_at, hyphens, out);
        i = j;
    }
}

/// Eight bytes as one word, lane `k` holding byte `k`.
const LANES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every lane.
const HIGH: u64 = LANES << 7;

/// The lanes (their high bit) of `x` whose byte is a 7-bit value below `n` (`n <= 0x80`).
/// Exact lane by lane: every lane is at least 0x80 before the subtraction, so none borrows.
#[inline]
fn lanes_below(low7: u64, n: u8) -> u64 {
    !((low7 | HIGH) - LANES * u64::from(n)) & HIGH
}

/// The lanes of `x` that the chunk scan must look at: ASCII white space and control bytes,
/// `@`, and bytes of multi-byte chars.
#[inline]
fn chunk_lanes(x: u64) -> u64 {
    let low7 = x & !HIGH;
    let at = lanes_below(low7 ^ (LANES * u64::from(b'@')), 1);
    (x & HIGH) | lanes_below(low7, 0x21) | at
}

/// The lanes of `x` that are not ASCII word bytes (letters, digits, `_`).
#[inline]
fn non_word_lanes(x: u64) -> u64 {
    let low7 = x & !HIGH;
    let folded = low7 | (LANES * 0x20);
    let letter = lanes_below(folded, b'z' + 1) & !lanes_below(folded, b'a');
    let digit = lanes_below(low7, b'9' + 1) & !lanes_below(low7, b'0');
    let underscore = lanes_below(low7 ^ (LANES * u64::from(b'_')), 1);
    (x & HIGH) | (!(letter | digit | underscore) & HIGH)
}

/// The first byte at or after `i` that `lanes` flags, testing eight bytes at a time while the
/// text lasts; `None` when no byte up to the end of `bytes` is flagged. Bytes past the caller's
/// range may be tested: callers clamp the answer.
#[inline]
fn next_flagged(bytes: &[u8], mut i: usize, lanes: fn(u64) -> u64) -> Option<usize> {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let flagged = lanes(x);
        if flagged != 0 {
            return Some(i + (flagged.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let x = bytes.get(i..).unwrap_or(&[]);
    let mut tail = [0u8; 8];
    tail[..x.len()].copy_from_slice(x);
    // Only the lanes that hold text count.
    let valid = if x.is_empty() { 0 } else { HIGH >> (8 * (8 - x.len())) };
    let flagged = lanes(u64::from_le_bytes(tail)) & valid;
    (flagged != 0).then(|| i + (flagged.trailing_zeros() / 8) as usize)
}

/// True for the ASCII bytes that [`is_space`] accepts (vertical tab included, unlike
/// `u8::is_ascii_whitespace`).
#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// True for characters that separate chunks: Unicode white space and invisible joiners.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}')
}

/// The char starting at byte `i` and its length in bytes; `i` must be a char boundary.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// The char ending just before byte `i`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn tokenize_chunk(text: &str, s: usize, e: usize, has_at: bool, hy: Hyphens, out: &mut Vec<Span>) {
    let mut i = s;
    while i < e {
        if let Some(j) = url_at(text, i, e, has_at) {
            out.push(Span::new(i, j));
            i = j;
            continue;
        }
        let (c, len) = char_at(text, i);
        i = if is_word_char(c) {
            scan_word(text, i, e, hy, out)
        } else {
            scan_punct(text, i, len, e, out)
        };
    }
}

/// The end of a URL or e-mail address starting at `i`, if one does.
fn url_at(text: &str, i: usize, e: usize, has_at: bool) -> Option<usize> {
    let rest = &text.as_bytes()[i..e];
    if !has_at && !url_prefix(rest) {
        return None;
    }
    let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    let mut end =
        if starts(b"http://") || starts(b"https://") || starts(b"ftp://") || starts(b"www.") {
            e
        } else if has_at {
            email_end(text, i, e)?
        } else {
            return None;
        };
    // Trailing punctuation belongs to the sentence, not the address; a closing bracket stays
    // only when the address opened one (Wikipedia links).
    let opened = text[i..end].contains('(');
    while end > i {
        let Some(c) = char_before(text, end) else { break };
        let trailing =
            matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | ']' | '}' | '>')
                || matches!(c, '”' | '’' | '»')
                || (c == ')' && !opened);
        if !trailing {
            break;
        }
        end -= c.len_utf8();
    }
    (end > i).then_some(end)
}

/// Whether `rest` may start with `http`, `ftp:` or `www.` (ASCII case ignored): one
/// comparison of its first four bytes, which almost never succeeds in running text.
#[inline]
pub(crate) fn url_prefix(rest: &[u8]) -> bool {
    let Some(head) = rest.first_chunk::<4>() else { return false };
    // Setting bit 5 lower-cases letters and leaves `.`, `:` and `/` as they are.
    let folded = u32::from_le_bytes(*head) | 0x2020_2020;
    [*b"http", *b"ftp:", *b"www."].iter().any(|p| folded == u32::from_le_bytes(*p))
}

/// The end of an e-mail address starting at `i`: local part, `@`, dotted domain.
fn email_end(text: &str, i: usize, e: usize) -> Option<usize> {
    let bytes = &text.as_bytes()[i..e];
    let local =
        bytes.iter().take_while(|&&b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b)).count();
    if local == 0 || bytes.get(local) != Some(&b'@') {
        return None;
    }
    let domain = &bytes[local + 1..];
    let n =
        domain.iter().take_while(|&&b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-').count();
    let domain = &domain[..n];
    let trimmed =
        domain.len() - domain.iter().rev().take_while(|&&b| b == b'.' || b == b'-').count();
    let domain = &domain[..trimmed];
    let dot = domain.iter().rposition(|&b| b == b'.')?;
    (dot > 0 && dot + 1 < domain.len()).then_some(i + local + 1 + trimmed)
}

/// Scans a word starting at `i` and pushes it (split in two for `n't` and fused words).
fn scan_word(text: &str, i: usize, e: usize, hy: Hyphens, out: &mut Vec<Span>) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    // Start of the current hyphen-separated part, for the prefix test.
    let mut part = i;
    loop {
        j = word_run_end(text, j, e);
        if j >= e {
            break;
        }
        let (c, len) = char_at(text, j);
        let after = j + len;
        let next = if after < e { Some(char_at(text, after).0) } else { None };
        let next_is_word = next.is_some_and(is_word_char);
        let prev_digit = bytes[j - 1].is_ascii_digit();
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
        match c {
            '.' if next_is_word => j = after,
            ',' | ':' if prev_digit && next_digit => j = after,
            // Dates (11/28/2000) and one-letter pairs (b/c, I/C).
            '/' if prev_digit && next_digit => j = after,
            '/' if j - i == 1 && next_is_word && word_run_end(text, after, e) == after + 1 => {
                j = after
            }
            '&' if bytes[j - 1].is_ascii_uppercase()
                && next.is_some_and(|n| n.is_ascii_uppercase()) =>
            {
                j = after
            }
            '-' if next_is_word && keep_hyphen(&text[part..j], text, after, hy) => {
                j = after;
                part = after;
            }
            '\'' | '’' if next_is_word => {
                let suffix_end = word_run_end(text, after, e);
                let suffix = &text[after..suffix_end];
                // The suffix runs to the end of the word characters, so it is a whole clitic.
                if is_clitic(suffix) {
                    break;
                }
                if suffix.eq_ignore_ascii_case("t")
                    && j - i >= 2
                    && matches!(bytes[j - 1], b'n' | b'N')
                {
                    // do|n't, ca|n't, wo|n't: the n goes with the negation.
                    out.push(Span::new(i, j - 1));
                    out.push(Span::new(j - 1, suffix_end));
                    return suffix_end;
                }
                j = after;
            }
            _ => break,
        }
    }
    let word = &text[i..j];
    if let Some(tail) = fused_tail(word) {
        out.push(Span::new(i, j - tail));
        out.push(Span::new(j - tail, j));
        return j;
    }
    if j < e
        && bytes[j] == b'.'
        && bytes.get(j + 1) != Some(&b'.')
        && takes_period(word, &text[j + 1..])
    {
        j += 1;
    }
    out.push(Span::new(i, j));
    j
}

/// Pushes the word `text[i..j]`, split in two when EWT splits it (`can|not`).
#[inline]
fn push_word(text: &str, i: usize, j: usize, out: &mut Vec<Span>) {
    match fused_tail(&text[i..j]) {
        Some(tail) => {
            out.push(Span::new(i, j - tail));
            out.push(Span::new(j - tail, j));
        }
        None => out.push(Span::new(i, j)),
    }
}

/// End of the run of word characters starting at `i`.
#[inline(always)]
fn word_run_end(text: &str, mut i: usize, e: usize) -> usize {
    // ASCII letters and digits first, eight bytes at a time; any other char goes the slow way.
    i = next_flagged(text.as_bytes(), i, non_word_lanes).map_or(e, |stop| stop.min(e));
    while i < e {
        let (c, len) = char_at(text, i);
        if !is_word_char(c) {
            break;
        }
        i += len;
    }
    i
}

/// The length in bytes of the second part of a word that EWT splits although no apostrophe
/// marks it (`can|not`, `gon|na`, `do|nt`), if `word` is one.
fn fused_tail(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    let n = b.len();
    if !(2..=8).contains(&n) {
        return None;
    }
    // Most words are rejected by their last two bytes, with one table look-up (a `match` on
    // them costs a mispredicted jump).
    let (x, y) = (usize::from(b[n - 2] & 31), b[n - 1] & 31);
    if FUSED_ENDS[x] >> y & 1 == 0 {
        return None;
    }
    let mut lower = [0u8; 8];
    for (d, s) in lower.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let key = u64::from_le_bytes(lower);
    FUSED.iter().find(|&&(fused, _)| fused == key).map(|&(_, tail)| tail)
}

/// Eight bytes of `word` (at most eight long), zero-padded, as one number.
const fn word_key(word: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    let mut i = 0;
    while i < word.len() {
        bytes[i] = word[i];
        i += 1;
    }
    u64::from_le_bytes(bytes)
}

/// Bit `y % 32` of `FUSED_ENDS[x % 32]` is set when a fused word ends in the bytes `x`, `y`
/// (so in either case; other bytes may share the bits, which only costs a look in [`FUSED`]).
const FUSED_ENDS: [u32; 32] = {
    let mut table = [0u32; 32];
    let mut k = 0;
    while k < FUSED.len() {
        let word = FUSED[k].0.to_le_bytes();
        let mut n = 8;
        while word[n - 1] == 0 {
            n -= 1;
        }
        table[(word[n - 2] & 31) as usize] |= 1 << (word[n - 1] & 31);
        k += 1;
    }
    table
};

/// The fused words ([`word_key`]) and the length in bytes of their second part.
const FUSED: [(u64, usize); 24] = [
    (word_key(b"cannot"), 3),
    (word_key(b"alot"), 3),
    (word_key(b"thats"), 1),
    (word_key(b"im"), 1),
    (word_key(b"gonna"), 2),
    (word_key(b"wanna"), 2),
    (word_key(b"gotta"), 2),
    (word_key(b"outta"), 2),
    (word_key(b"dont"), 2),
    (word_key(b"doesnt"), 2),
    (word_key(b"didnt"), 2),
    (word_key(b"cant"), 2),
    (word_key(b"wont"), 2),
    (word_key(b"isnt"), 2),
    (word_key(b"arent"), 2),
    (word_key(b"wasnt"), 2),
    (word_key(b"werent"), 2),
    (word_key(b"havent"), 2),
    (word_key(b"hasnt"), 2),
    (word_key(b"hadnt"), 2),
    (word_key(b"couldnt"), 2),
    (word_key(b"wouldnt"), 2),
    (word_key(b"shouldnt"), 2),
    (word_key(b"ive"), 2),
];

/// The clitics that EWT splits off after an apostrophe.
fn is_clitic(suffix: &str) -> bool {
    ["s", "re", "ve", "ll", "d", "m"].iter().any(|c| suffix.eq_ignore_ascii_case(c))
}

/// Prefixes that EWT keeps joined to the word after their hyphen (`non-stop`, `e-mail`).
const HYPHEN_PREFIXES: &[&str] = &[
    "e", "non", "pre", "post", "anti", "pro", "mid", "co", "re", "ex", "multi", "semi", "inter",
    "un", "sub", "bi", "counter", "neo", "de", "micro", "macro", "mis", "over", "under", "intra",
    "trans", "ultra", "mini", "quasi", "pseudo", "socio", "extra", "infra", "tri", "uni", "x",
];

/// Arabic name particles kept joined to a capitalised name under [`Hyphens::Names`].
const NAME_PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "abu", "abd", "ul", "ad", "ud", "ben"];

/// Whether the hyphen after `left` (the part since the previous hyphen) joins the next part.
fn keep_hyphen(left: &str, text: &str, right: usize, hy: Hyphens) -> bool {
    if hy == Hyphens::Keep {
        return true;
    }
    let bytes = text.as_bytes();
    if left.bytes().all(|b| b.is_ascii_digit()) && bytes[right].is_ascii_digit() {
        return true;
    }
    if HYPHEN_PREFIXES.iter().any(|p| left.eq_ignore_ascii_case(p)) {
        return true;
    }
    hy == Hyphens::Names
        && bytes[right].is_ascii_uppercase()
        && NAME_PARTICLES.iter().any(|p| left.eq_ignore_ascii_case(p))
}

/// Abbreviations written with a final full stop, as they are capitalised in running text.
/// Titles, months and `No` never end a sentence; see [`abbreviation_may_end_sentence`].
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr",
    "Cdr", "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon",
    "Pres", "Supt", "Insp", "Det", "Fr", "St", "Ste", "Mt", "Ft", "Gens", "Amb", "Atty", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos",
    "Nr", "Vol", "Ch", "Art", "Fig", "Figs", "pp", "vol", "no", "nos", "Ave", "Blvd", "Rd", "Hwy",
];

/// Abbreviations that may also end a sentence (`... Exxon Corp.`).
const ENDING: &[&str] = &[
    "Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Jr", "Sr", "Assn", "Dept", "Univ", "Intl", "Mfg",
    "etc", "al", "vs", "approx", "cf", "esp", "incl", "Ala", "Ariz", "Ark", "Calif", "Colo",
    "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich",
    "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va",
    "Vt", "Wash", "Wis", "Wyo", "Ky", "Ont", "Que", "Sask", "Alta",
];

/// Whether `word` followed by `.` is one token. `rest` is the text after the full stop.
fn takes_period(word: &str, rest: &str) -> bool {
    let b = word.as_bytes();
    if b.len() == 1 {
        // An initial (J. R. R. Tolkien).
        return b[0].is_ascii_uppercase();
    }
    if b.contains(&b'.') {
        // U.S., a.m., Ph.D.: every dotted part short and alphabetic.
        return word
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|c| c.is_ascii_alphabetic()));
    }
    if word == "No" || word == "no" || word == "Nos" || word == "nos" || word == "Nr" {
        // No. 5, but "He said no."
        return rest.trim_start().bytes().next().is_some_and(|c| c.is_ascii_digit());
    }
    is_listed(&TITLES_PACKED, word) || is_listed(&ENDING_PACKED, word)
}

/// A word of at most six bytes as one number (bytes, then the length in the top byte), so
/// that the abbreviation lists are searched without comparing strings: `takes_period` runs at
/// every word before a full stop.
const fn pack(word: &[u8]) -> u64 {
    let mut packed = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() && i < 7 {
        packed |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    packed
}

const fn pack_all<const N: usize>(words: &[&str]) -> [u64; N] {
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N {
        assert!(words[i].len() <= 6, "abbreviations have at most six bytes");
        out[i] = pack(words[i].as_bytes());
        i += 1;
    }
    out
}

const TITLES_PACKED: [u64; TITLES.len()] = pack_all(TITLES);
const ENDING_PACKED: [u64; ENDING.len()] = pack_all(ENDING);

/// Whether `word` is one of the packed abbreviations.
fn is_listed(packed: &[u64], word: &str) -> bool {
    word.len() <= 6 && packed.contains(&pack(word.as_bytes()))
}

/// Whether a token that ends in `.` (an abbreviation) may also end its sentence.
pub fn abbreviation_may_end_sentence(token: &str) -> bool {
    let Some(word) = token.strip_suffix('.') else { return false };
    if word.contains('.') {
        return true; // U.S., a.m.
    }
    is_listed(&ENDING_PACKED, word)
}

/// Scans punctuation starting at `i` (a char of `len` bytes) and pushes it.
fn scan_punct(text: &str, i: usize, len: usize, e: usize, out: &mut Vec<Span>) -> usize {
    let bytes = text.as_bytes();
    let run = |pred: &dyn Fn(u8) -> bool| {
        let mut j = i;
        while j < e && pred(bytes[j]) {
            j += 1;
        }
        j
    };
    let j = match bytes[i] {
        b'.' => run(&|b| b == b'.'),
        b'-' => run(&|b| b == b'-'),
        b'!' | b'?' => run(&|b| b == b'!' || b == b'?'),
        b'`' => run(&|b| b == b'`'),
        // Rules and decorations (`*****`, `=====`, `>>`, `$$$`) are one token.
        c
        @ (b'*' | b'=' | b'~' | b'+' | b'<' | b'>' | b'^' | b'$' | b'#' | b'|' | b'\\' | b'/') => {
            let j = run(&|b| b == c);
            if c == b'=' && j == i + 1 { emoticon_end(bytes, i, e).unwrap_or(j) } else { j }
        }
        b'\'' if bytes.get(i + 1) == Some(&b'\'') => i + 2,
        b':' | b';' => emoticon_end(bytes, i, e).unwrap_or(i + 1),
        _ if is_apostrophe(char_at(text, i).0) => {
            let suffix_end = word_run_end(text, i + len, e);
            let suffix = &text[i + len..suffix_end];
            // A clitic after a word (`Paris’s` written as `Paris` `’s`); after a space the
            // apostrophe is an opening quote.
            if is_clitic(suffix) && i > 0 && !char_before(text, i).is_some_and(is_space) {
                suffix_end
            } else {
                i + len
            }
        }
        _ => i + len,
    };
    out.push(Span::new(i, j));
    j
}

/// The end of an emoticon (`:)`, `:-(`, `;-)`) starting at `i`, when it stands alone.
fn emoticon_end(bytes: &[u8], i: usize, e: usize) -> Option<usize> {
    let mut j = i + 1;
    if j < e && bytes[j] == b'-' {
        j += 1;
    }
    if j < e
        && matches!(bytes[j], b')' | b'(' | b'D' | b'P' | b'p')
        && (j + 1 == e || !bytes[j + 1].is_ascii_alphanumeric())
    {
        Some(j + 1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|s| s.text(text)).collect()
    }

    fn tokens_with(text: &str, hy: Hyphens) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize_into(text, Span::new(0, text.len()), hy, &mut out);
        out.iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("Russia’s readiness", &["Russia", "’s", "readiness"]),
            ("Hamas's leader", &["Hamas", "'s", "leader"]),
            ("the students' union", &["the", "students", "'", "union"]),
            ("I don't know", &["I", "do", "n't", "know"]),
            ("we can't, won't", &["we", "ca", "n't", ",", "wo", "n't"]),
            ("DIDN’T", &["DID", "N’T"]),
            ("I'm sure they're", &["I", "'m", "sure", "they", "'re"]),
            ("O'Brien said", &["O'Brien", "said"]),
            ("the U.S. Army", &["the", "U.S.", "Army"]),
            ("Gen. Smith and Mr. Jones", &["Gen.", "Smith", "and", "Mr.", "Jones"]),
            ("Kansas City, Mo., said", &["Kansas", "City", ",", "Mo.", ",", "said"]),
            ("on Jan. 5", &["on", "Jan.", "5"]),
            ("No. 5 and no.", &["No.", "5", "and", "no", "."]),
            ("J. R. R. Tolkien", &["J.", "R.", "R.", "Tolkien"]),
            ("Exxon Corp. and Acme Inc.", &["Exxon", "Corp.", "and", "Acme", "Inc."]),
            ("155,221 bags of 5.93 mln", &["155,221", "bags", "of", "5.93", "mln"]),
            ("at 10:30 a.m. today", &["at", "10:30", "a.m.", "today"]),
            ("see http://example.com/a?b=1.", &["see", "http://example.com/a?b=1", "."]),
            ("(www.dyad.org)", &["(", "www.dyad.org", ")"]),
            ("mail jo.smith@example.co.uk.", &["mail", "jo.smith@example.co.uk", "."]),
            ("Amazon.com sells", &["Amazon.com", "sells"]),
            ("Bassam al-Salhi", &["Bassam", "al-Salhi"]),
            ("the Hamas-controlled Gaza", &["the", "Hamas", "-", "controlled", "Gaza"]),
            ("an e-mail, non-stop", &["an", "e-mail", ",", "non-stop"]),
            ("call 713-853-3989", &["call", "713-853-3989"]),
            ("\"Yes,\" he said.", &["\"", "Yes", ",", "\"", "he", "said", "."]),
            ("“Yes” (no) [maybe]", &["“", "Yes", "”", "(", "no", ")", "[", "maybe", "]"]),
            ("Wait... what?!", &["Wait", "...", "what", "?!"]),
            ("so -- then", &["so", "--", "then"]),
            ("$5 or 10%", &["$", "5", "or", "10", "%"]),
            ("AT&T and R&D", &["AT&T", "and", "R&D"]),
            ("gonna go", &["gon", "na", "go"]),
            ("I cannot, dont", &["I", "can", "not", ",", "do", "nt"]),
            ("on 11/28/2000 b/c", &["on", "11/28/2000", "b/c"]),
            ("*** ==== >> x_y", &["***", "====", ">>", "x_y"]),
            ("fine :-) ok", &["fine", ":-)", "ok"]),
            ("end.", &["end", "."]),
            ("Paris ’s", &["Paris", "’", "s"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(&tokens(text), want, "tokenizing {text:?}");
        }
    }

    #[test]
    fn hyphen_policies() {
        assert_eq!(tokens_with("al-Salhi", Hyphens::Split), ["al", "-", "Salhi"]);
        assert_eq!(tokens_with("al-Salhi", Hyphens::Names), ["al-Salhi"]);
        assert_eq!(tokens_with("Hamas-controlled", Hyphens::Keep), ["Hamas-controlled"]);
        assert_eq!(tokens_with("Hamas-controlled", Hyphens::Names), ["Hamas", "-", "controlled"]);
    }

    #[test]
    fn lane_tests_agree_with_byte_tests() {
        // Every byte value in every lane, beside neighbours that could borrow or carry.
        for b in 0..=255u8 {
            for lane in 0..8 {
                for fill in [0u8, b'a', 0x80, 0xff, b' '] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let x = u64::from_le_bytes(bytes);
                    let flagged = |lanes: u64, k: usize| lanes >> (8 * k + 7) & 1 == 1;
                    for (k, &c) in bytes.iter().enumerate() {
                        let needs_look = c >= 0x80 || c <= b' ' || c == b'@';
                        assert_eq!(flagged(chunk_lanes(x), k), needs_look, "{bytes:?} {k}");
                        let word = c.is_ascii_alphanumeric() || c == b'_';
                        assert_eq!(flagged(non_word_lanes(x), k), !word, "{bytes:?} {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn next_flagged_stops_at_the_first_flagged_byte() {
        let text = "abcdefghijklmnopq rest";
        assert_eq!(next_flagged(text.as_bytes(), 0, chunk_lanes), Some(17));
        assert_eq!(next_flagged(text.as_bytes(), 18, chunk_lanes), None);
        assert_eq!(next_flagged(b"ab", 0, non_word_lanes), None);
        assert_eq!(next_flagged(b"ab,", 0, non_word_lanes), Some(2));
        assert_eq!(next_flagged(b"", 0, non_word_lanes), None);
    }

    #[test]
    fn fused_words_split_in_either_case() {
        assert_eq!(tokens("CANNOT Dont IVE im"), ["CAN", "NOT", "Do", "nt", "I", "VE", "i", "m"]);
        assert_eq!(tokens("president data its"), ["president", "data", "its"]);
    }

    #[test]
    fn abbreviations_that_end_sentences() {
        assert!(abbreviation_may_end_sentence("Corp."));
        assert!(abbreviation_may_end_sentence("U.S."));
        assert!(!abbreviation_may_end_sentence("Gen."));
        assert!(!abbreviation_may_end_sentence("Corp"));
    }
}
