//! English irregular inflections (verbs' past forms, nouns' plurals): the lemmatizer's fallback
//! for words the treebank never showed it (its suffix rules turn an unseen "fled" into "fl" and
//! "fought" into "fink", learned from "thought"), and the coder's prefilter's, which runs before
//! the lemmatizer.

use std::collections::HashMap;
use std::sync::OnceLock;

/// `base past participle` per verb; a slash separates variants ("dreamt/dreamed").
const VERBS: &str = "
arise arose arisen
awake awoke awoken
be was/were been
bear bore borne/born
beat beat beaten
become became become
begin began begun
bend bent bent
bet bet bet
bid bid bid
bind bound bound
bite bit bitten
bleed bled bled
blow blew blown
break broke broken
breed bred bred
bring brought brought
broadcast broadcast broadcast
build built built
burn burnt burnt
burst burst burst
buy bought bought
cast cast cast
catch caught caught
choose chose chosen
cling clung clung
come came come
cost cost cost
creep crept crept
cut cut cut
deal dealt dealt
dig dug dug
do did done
draw drew drawn
dream dreamt dreamt
drink drank drunk
drive drove driven
dwell dwelt dwelt
eat ate eaten
fall fell fallen
feed fed fed
feel felt felt
fight fought fought
find found found
flee fled fled
fling flung flung
fly flew flown
forbid forbade forbidden
forecast forecast forecast
foresee foresaw foreseen
forget forgot forgotten
forgive forgave forgiven
freeze froze frozen
get got got/gotten
give gave given
go went gone
grind ground ground
grow grew grown
hang hung hung
have had had
hear heard heard
hide hid hidden
hit hit hit
hold held held
hurt hurt hurt
keep kept kept
kneel knelt knelt
know knew known
lay laid laid
lead led led
lean leant leant
leap leapt leapt
learn learnt learnt
leave left left
lend lent lent
let let let
lie lay lain
light lit lit
lose lost lost
make made made
mean meant meant
meet met met
mislead misled misled
mistake mistook mistaken
overcome overcame overcome
overrun overran overrun
oversee oversaw overseen
overtake overtook overtaken
overthrow overthrew overthrown
pay paid paid
prove proved proven
put put put
quit quit quit
read read read
rebuild rebuilt rebuilt
repay repaid repaid
rid rid rid
ride rode ridden
ring rang rung
rise rose risen
run ran run
say said said
see saw seen
seek sought sought
sell sold sold
send sent sent
set set set
shake shook shaken
shed shed shed
shine shone shone
shoot shot shot
show showed shown
shrink shrank shrunk
shut shut shut
sing sang sung
sink sank sunk
sit sat sat
slay slew slain
sleep slept slept
slide slid slid
sling slung slung
slit slit slit
speak spoke spoken
speed sped sped
spend spent spent
spin spun spun
spit spat spat
split split split
spread spread spread
spring sprang sprung
stand stood stood
steal stole stolen
stick stuck stuck
sting stung stung
stink stank stunk
stride strode stridden
strike struck struck/stricken
strive strove striven
swear swore sworn
sweep swept swept
swim swam swum
swing swung swung
take took taken
teach taught taught
tear tore torn
tell told told
think thought thought
throw threw thrown
thrust thrust thrust
tread trod trodden
undergo underwent undergone
understand understood understood
undertake undertook undertaken
uphold upheld upheld
upset upset upset
wake woke woken
wear wore worn
weave wove woven
weep wept wept
win won won
wind wound wound
withdraw withdrew withdrawn
withhold withheld withheld
withstand withstood withstood
wring wrung wrung
write wrote written
";

/// `plural singular` for nouns whose plural no suffix rule undoes.
const NOUNS: &str = "
analyses analysis
bases basis
children child
crises crisis
criteria criterion
diagnoses diagnosis
feet foot
geese goose
halves half
hypotheses hypothesis
knives knife
leaves leaf
lives life
loaves loaf
men man
mice mouse
oases oasis
phenomena phenomenon
selves self
shelves shelf
syntheses synthesis
teeth tooth
theses thesis
thieves thief
wives wife
wolves wolf
women woman
";

/// The base of an irregular past form (`VBD`, `VBN`), if `lower` is one.
pub fn verb_base(lower: &str) -> Option<&'static str> {
    static BASES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    let bases = BASES.get_or_init(|| {
        let mut bases = HashMap::new();
        for line in VERBS.lines() {
            let mut fields = line.split_whitespace();
            let Some(base) = fields.next() else { continue };
            // The first verb listing a form keeps it ("lay" is the past of "lie").
            for form in fields.flat_map(|forms| forms.split('/')) {
                bases.entry(form).or_insert(base);
            }
        }
        bases
    });
    bases.get(lower).copied()
}

/// The singular of an irregular plural (`NNS`), if `lower` is one; compounds keep their head's
/// plural ("policemen" -> "policeman", "chairwomen" -> "chairwoman").
pub fn noun_singular(lower: &str) -> Option<String> {
    NOUNS.lines().find_map(|line| {
        let (plural, singular) = line.split_once(' ')?;
        let stem = lower.strip_suffix(plural)?;
        // A compound's head is "men" / "women"; other plurals must be the whole word.
        (stem.is_empty() || plural.ends_with("men")).then(|| format!("{stem}{singular}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_forms_and_plurals() {
        assert_eq!(verb_base("fled"), Some("flee"));
        assert_eq!(verb_base("fought"), Some("fight"));
        assert_eq!(verb_base("were"), Some("be"));
        assert_eq!(verb_base("gotten"), Some("get"));
        assert_eq!(verb_base("walked"), None);
        assert_eq!(noun_singular("policemen").as_deref(), Some("policeman"));
        assert_eq!(noun_singular("crises").as_deref(), Some("crisis"));
        assert_eq!(noun_singular("ministers"), None);
    }
}
