//! The pipeline's prefilter: which sentences are worth tagging and parsing. An event needs a
//! source and a target (two actor or agent phrases) and a site: a word that can be one of the
//! dictionaries' verbs or event nouns. Parsing is by far the dearest stage, and most news
//! sentences fail one of these tests.
//!
//! Verbs are stored as lemmas (dyad) or surface forms (PETRARCH), and the prefilter runs before
//! the lemmatizer, so each word is tried as written and under the lemmas it could have: regular
//! suffixes stripped, and English irregular forms. Over-generation is harmless here (a sentence
//! is parsed for nothing); under-generation would lose events.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use dyad_dictionaries::Dictionaries;
use dyad_dictionaries::matcher::FastHasher;

/// English irregular verb forms (past and past participle) with their lemma: facts of the
/// language, as `form:lemma` pairs.
const IRREGULAR: &str = "\
arose:arise arisen:arise ate:eat eaten:eat awoke:awake awoken:awake bore:bear borne:bear \
born:bear beat:beat beaten:beat became:become began:begin begun:begin bent:bend bet:bet \
bid:bid bit:bite bitten:bite bled:bleed blew:blow blown:blow broke:break broken:break \
bred:breed brought:bring broadcast:broadcast built:build burnt:burn burst:burst bought:buy \
cast:cast caught:catch chose:choose chosen:choose clung:cling came:come cost:cost crept:creep \
cut:cut dealt:deal dug:dig did:do done:do drew:draw drawn:draw drank:drink drunk:drink \
drove:drive driven:drive fell:fall fallen:fall fed:feed felt:feel fought:fight found:find \
fled:flee flung:fling flew:fly flown:fly forbade:forbid forbidden:forbid forecast:forecast \
foresaw:foresee foreseen:foresee forgot:forget forgotten:forget forgave:forgive \
forgiven:forgive froze:freeze frozen:freeze got:get gotten:get gave:give given:give went:go \
gone:go ground:grind grew:grow grown:grow hung:hang had:have has:have heard:hear hid:hide \
hidden:hide hit:hit held:hold hurt:hurt kept:keep knelt:kneel knew:know known:know laid:lay \
led:lead leapt:leap left:leave lent:lend let:let lay:lie lain:lie lit:light lost:lose \
made:make meant:mean met:meet mistook:mistake mistaken:mistake misled:mislead \
overcame:overcome overcome:overcome overran:overrun overrun:overrun oversaw:oversee \
overseen:oversee overtook:overtake overtaken:overtake overthrew:overthrow \
overthrown:overthrow paid:pay put:put quit:quit ran:run rang:ring rung:ring rebuilt:rebuild \
rid:rid rode:ride ridden:ride rose:rise risen:rise said:say saw:see seen:see sought:seek \
sold:sell sent:send set:set shook:shake shaken:shake shed:shed shone:shine shot:shoot \
showed:show shown:show shut:shut sang:sing sung:sing sank:sink sunk:sink sat:sit slept:sleep \
slid:slide slung:sling slit:slit spoke:speak spoken:speak sped:speed spent:spend spun:spin \
spat:spit split:split spread:spread sprang:spring sprung:spring stood:stand stole:steal \
stolen:steal stuck:stick stung:sting struck:strike stricken:strike strove:strive \
striven:strive swore:swear sworn:swear swept:sweep swam:swim swum:swim swung:swing took:take \
taken:take taught:teach tore:tear torn:tear told:tell thought:think threw:throw \
thrown:throw thrust:thrust trod:tread undertook:undertake undertaken:undertake \
understood:understand underwent:undergo undergone:undergo upheld:uphold upset:upset \
woke:wake woken:wake wore:wear worn:wear wove:weave woven:weave wept:weep won:win \
wound:wind withdrew:withdraw withdrawn:withdraw withheld:withhold withstood:withstand \
wrote:write written:write was:be were:be been:be is:be are:be am:be";

type WordSet = HashSet<Box<str>, BuildHasherDefault<FastHasher>>;

/// The words (lower case) that can name an event site: every verb form's inflecting word and
/// every event noun's head, with English irregular forms.
#[derive(Clone, Debug, Default)]
pub struct SiteWords {
    lemmas: WordSet,
    irregular:
        std::collections::HashMap<&'static str, &'static str, BuildHasherDefault<FastHasher>>,
}

impl SiteWords {
    /// The site words of a dictionary set.
    pub fn new(dictionaries: &Dictionaries) -> SiteWords {
        let mut lemmas = WordSet::default();
        for block in dictionaries.verbs.blocks.iter().chain(&dictionaries.nouns) {
            for verb in &block.verbs {
                for form in &verb.forms {
                    lemmas.insert(form.head_word().to_lowercase().into_boxed_str());
                }
            }
        }
        let irregular =
            IRREGULAR.split_whitespace().filter_map(|pair| pair.split_once(':')).collect();
        SiteWords { lemmas, irregular }
    }

    /// Whether `word` (any case) can be a site: as written, under a regular suffix stripped
    /// (-s, -es, -ies, -ed, -d, -ied, -ing, doubled consonants, a dropped e), or as an
    /// irregular form.
    pub fn contains(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let has = |w: &str| self.lemmas.contains(w);
        if has(&lower) {
            return true;
        }
        if let Some(lemma) = self.irregular.get(lower.as_str()) {
            return has(lemma);
        }
        let stem_fits = |stem: &str| {
            if stem.is_empty() {
                return false;
            }
            if has(stem) || has(&format!("{stem}e")) {
                return true;
            }
            // Doubled final consonant: stopped, stopping.
            let bytes = stem.as_bytes();
            bytes.len() >= 2
                && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
                && has(&stem[..stem.len() - 1])
        };
        if let Some(stem) = lower.strip_suffix("ies").or_else(|| lower.strip_suffix("ied"))
            && has(&format!("{stem}y"))
        {
            return true;
        }
        ["ing", "ed", "es", "s", "d"]
            .iter()
            .any(|suffix| lower.strip_suffix(suffix).is_some_and(stem_fits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_and_irregular_forms_find_their_lemma() {
        let text = "@format dyad-dictionary 1\nverb meet = 040\nverb stop = 190\nverb carry out = 190\nverb accuse = 112\nverb deny = 016\nnoun telephone conversation = 041\n";
        let (set, diagnostics) = Dictionaries::read_dyad([("v.dyad", text)]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let words = SiteWords::new(&set);
        for word in [
            "met",
            "Meets",
            "meeting",
            "stopped",
            "stopping",
            "carried",
            "accused",
            "accusing",
            "denies",
            "denied",
            "conversations",
            "Conversation",
        ] {
            assert!(words.contains(word), "{word}");
        }
        for word in ["Moscow", "the", "told", "conversion"] {
            assert!(!words.contains(word), "{word}");
        }
    }
}
