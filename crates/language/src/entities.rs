//! From name spans (the tagger's output) to the article's entities: roles and
//! titles, name variants merged, descriptions ("the president") and pronouns
//! ("he") resolved to the entity they refer to.
//!
//! Every rule here is a small function over tokens, tested on sentences of its
//! own. The order is: names (with titles split off as roles) → appositive and
//! possessive roles → merging name variants into entities → nominal mentions →
//! pronouns.

use std::collections::HashMap;

use crate::doc::Doc as Words;
use crate::gender::Gender;
use crate::sentences::Sentence;
use crate::tokens::Token;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A person.
    Person,
    /// An organisation (companies, governments, parties, news outlets).
    Organization,
    /// A place (countries, cities, regions).
    Place,
    /// Other names: nationalities, events, laws.
    Misc,
    /// An unnamed or collective source: "presidential aides", "Iranian officials".
    Group,
}

impl Kind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Misc => "misc",
            Kind::Group => "group",
        }
    }
}

/// A name found in the text: a token range (global token indices, end
/// exclusive) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its kind.
    pub kind: Kind,
}

/// How a mention refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// By name.
    Name,
    /// By description ("the press secretary").
    Nominal,
    /// By pronoun.
    Pronoun,
}

/// One mention: token range and code-point range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub tok_start: usize,
    /// One past the last token.
    pub tok_end: usize,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// How it names the entity.
    pub kind: MentionKind,
}

/// An entity of the article and all its mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The fullest name in the article.
    pub name: String,
    /// Its kind.
    pub kind: Kind,
    /// Roles and titles, in order of appearance ("president", "White House press secretary").
    pub roles: Vec<String>,
    /// What it belongs to, when the text says ("Iran").
    pub affiliation: Option<String>,
    /// A news outlet.
    pub media: bool,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
}

/// Titles written before a name that are not part of it.
const HONORIFICS: &[&str] = &[
    "mr.", "mrs.", "ms.", "miss", "dr.", "ayatollah", "sheikh", "rev.", "sir", "dame", "lord", "lady", "imam", "rabbi",
    "father", "sister", "brother", "mullah",
];

/// Words a role before a name is made of ("Iranian supreme leader", "Secretary of State").
const ROLE_WORDS: &[&str] = &[
    "president", "vice", "supreme", "leader", "secretary", "press", "state", "minister", "prime", "foreign", "defense",
    "defence", "interior", "finance", "justice", "chief", "executive", "spokesman", "spokeswoman", "spokesperson",
    "senator", "sen.", "gov.", "governor", "rep.", "representative", "congressman", "congresswoman", "mayor",
    "chairman", "chairwoman", "chair", "director", "general", "gen.", "col.", "colonel", "lt.", "lieutenant",
    "admiral", "adm.", "sgt.", "sergeant", "capt.", "captain", "commander", "king", "queen", "prince", "princess",
    "pope", "judge", "attorney", "commissioner", "ambassador", "envoy", "chancellor", "premier", "speaker",
    "majority", "minority", "whip", "coach", "manager", "founder", "ceo", "cfo", "head", "deputy", "assistant",
    "special", "national", "security", "adviser", "advisor", "economic", "sheriff", "police", "officer", "detective",
    "former", "acting", "top", "senior", "white", "house", "homeland", "treasury", "health", "education", "energy",
    "trade", "labor", "transportation", "commerce", "agriculture", "army", "navy", "air", "force", "of", "the",
    "crown", "first", "lady", "foreign-policy", "u.s.", "federal", "district", "state's", "campaign", "party",
    "opposition", "rebel", "militant", "cleric", "analyst", "professor", "prof.", "economist", "lawyer", "scientist",
    "councilman", "councilwoman", "councilmember", "alderman", "alderwoman", "assemblyman", "assemblywoman", "superintendent", "treasurer", "comptroller", "auditor", "archbishop", "bishop", "cardinal",
    "counsel", "strategist", "consultant", "pollster", "president-elect", "vice-president", "regulator", "prosecutor",
    "investor", "owner", "partner", "researcher", "historian", "activist", "organizer", "organiser", "solicitor", "inspector",
    "surgeon", "administrator", "quarterback", "pitcher", "shortstop", "goalkeeper", "striker", "linebacker", "receiver",
    "midfielder", "outfielder", "catcher", "environment", "climate", "culture", "tourism", "transport", "housing",
    "sporting", "technical", "artistic", "editorial",
];

/// The fields an officer or director heads ("chief medical officer",
/// "communications director"): words of a role, in lower case in it.
const ROLE_FIELDS: &[&str] = &[
    "medical", "financial", "operating", "technology", "marketing", "information", "revenue", "legal", "communications", "science",
    "scientific",
];

/// Is `w` (lower case) a word of a role ([`ROLE_WORDS`], [`ROLE_FIELDS`])?
fn is_role_word(w: &str) -> bool {
    ROLE_WORDS.contains(&w) || ROLE_FIELDS.contains(&w)
}

/// Head nouns a role phrase ends with ("press secretary", "chief executive").
pub const ROLE_HEADS: &[&str] = &[
    "president", "leader", "secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "senator",
    "governor", "representative", "congressman", "congresswoman", "mayor", "chairman", "chairwoman", "chair",
    "director", "general", "colonel", "lieutenant", "admiral", "sergeant", "captain", "commander", "king", "queen",
    "prince", "princess", "pope", "judge", "attorney", "commissioner", "ambassador", "envoy", "chancellor",
    "premier", "speaker", "whip", "coach", "manager", "founder", "ceo", "cfo", "head", "adviser", "advisor",
    "sheriff", "officer", "detective", "chief", "analyst", "professor", "economist", "lawyer", "scientist",
    "executive", "cleric", "aide", "official", "correspondent", "editor", "reporter", "negotiator", "member",
    "councilman", "councilwoman", "councilmember", "alderman", "alderwoman", "assemblyman", "assemblywoman", "superintendent", "treasurer", "comptroller", "auditor", "archbishop", "bishop", "cardinal",
    "counsel", "strategist", "consultant", "pollster", "president-elect", "vice-president", "regulator", "prosecutor",
    "investor", "owner", "partner", "researcher", "historian", "activist", "organizer", "organiser", "administrator",
    "cardiologist", "physician", "doctor", "surgeon", "nurse", "epidemiologist", "psychologist", "psychiatrist", "pediatrician",
    "oncologist", "virologist", "biologist", "chemist", "physicist", "meteorologist", "forecaster", "engineer", "scholar",
    "endocrinologist", "neurologist", "dermatologist", "immunologist", "radiologist", "pharmacologist", "toxicologist",
    "neuroscientist", "sociologist", "criminologist", "anthropologist", "archaeologist", "ecologist", "geologist",
    "seismologist", "climatologist", "hydrologist", "demographer", "statistician", "pharmacist", "dentist", "therapist",
    "nutritionist", "dietitian", "veterinarian", "paramedic", "midwife", "coordinator", "specialist", "firefighter",
    "lecturer", "fellow", "author", "columnist", "commentator", "pastor", "rabbi", "imam", "priest", "accountant", "planner",
    "quarterback", "pitcher", "shortstop", "goalkeeper", "striker", "linebacker", "receiver", "midfielder", "outfielder", "catcher",
    "defender", "winger", "agent", "recorder", "clerk", "advocate", "teacher", "schoolteacher", "principal", "dean",
    "candidate", "nominee", "challenger", "incumbent", "lobbyist", "diplomat", "journalist", "writer", "novelist", "producer",
    "filmmaker", "architect", "banker", "trader", "entrepreneur", "mediator", "magistrate", "chaplain", "ombudsman",
];

/// Nationality and place adjectives, to the place they name.
pub const DEMONYMS: &[(&str, &str)] = &[
    ("american", "United States"), ("u.s.", "United States"), ("iranian", "Iran"), ("israeli", "Israel"),
    ("iraqi", "Iraq"), ("syrian", "Syria"), ("russian", "Russia"), ("chinese", "China"), ("british", "Britain"),
    ("french", "France"), ("german", "Germany"), ("italian", "Italy"), ("spanish", "Spain"), ("japanese", "Japan"),
    ("korean", "Korea"), ("north korean", "North Korea"), ("south korean", "South Korea"), ("indian", "India"),
    ("pakistani", "Pakistan"), ("afghan", "Afghanistan"), ("saudi", "Saudi Arabia"), ("egyptian", "Egypt"),
    ("turkish", "Turkey"), ("ukrainian", "Ukraine"), ("canadian", "Canada"), ("mexican", "Mexico"),
    ("brazilian", "Brazil"), ("palestinian", "Palestine"), ("lebanese", "Lebanon"), ("jordanian", "Jordan"),
    ("european", "Europe"), ("african", "Africa"), ("australian", "Australia"), ("polish", "Poland"),
    ("dutch", "Netherlands"), ("swiss", "Switzerland"), ("greek", "Greece"), ("cuban", "Cuba"),
    ("venezuelan", "Venezuela"), ("nigerian", "Nigeria"), ("kenyan", "Kenya"), ("qatari", "Qatar"),
    ("emirati", "United Arab Emirates"), ("yemeni", "Yemen"), ("libyan", "Libya"), ("irish", "Ireland"),
    ("scottish", "Scotland"), ("swedish", "Sweden"), ("norwegian", "Norway"), ("danish", "Denmark"),
    ("finnish", "Finland"), ("belgian", "Belgium"), ("austrian", "Austria"), ("hungarian", "Hungary"),
    ("czech", "Czech Republic"), ("romanian", "Romania"), ("serbian", "Serbia"), ("vietnamese", "Vietnam"),
    ("thai", "Thailand"), ("indonesian", "Indonesia"), ("filipino", "Philippines"), ("taiwanese", "Taiwan"),
    ("argentine", "Argentina"), ("colombian", "Colombia"), ("chilean", "Chile"), ("peruvian", "Peru"),
    ("presidential", ""), ("federal", ""),
];

/// The place a demonym or place adjective names ("Iranian" → "Iran").
pub fn demonym_place(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    DEMONYMS.iter().find(|(d, _)| *d == w).map(|(_, p)| *p).filter(|p| !p.is_empty())
}

/// Names of news outlets (lower case, without a leading "the").
const MEDIA: &[&str] = &[
    "wall street journal", "journal", "new york times", "times", "washington post", "post", "los angeles times",
    "la times", "l.a. times", "associated press", "ap", "reuters", "afp", "agence france-presse", "bloomberg",
    "bloomberg news", "cnn", "bbc", "bbc news", "nbc", "nbc news", "cbs", "cbs news", "abc", "abc news", "fox news",
    "msnbc", "npr", "pbs", "politico", "axios", "the hill", "guardian", "financial times", "economist",
    "al jazeera", "usa today", "new yorker", "atlantic", "time", "newsweek", "huffington post", "buzzfeed news",
    "daily mail", "telegraph", "independent", "sky news", "xinhua", "tass", "ria novosti", "irna", "fars",
    "tasnim", "press tv", "chicago tribune", "boston globe", "miami herald", "new york post", "daily beast",
    "vox", "propublica", "the intercept", "wired", "forbes", "fortune", "cnbc", "yonhap", "kyodo", "der spiegel",
    "le monde", "haaretz", "jerusalem post", "times of israel", "al-monitor", "al arabiya",
];

/// Is this organisation name a news outlet?
pub fn is_media(name: &str) -> bool {
    let n = name.to_lowercase();
    let n = n.strip_prefix("the ").unwrap_or(&n);
    MEDIA.contains(&n) || n.rsplit(' ').next().is_some_and(is_newspaper_word)
}

/// Words a newspaper's name ends in ("The Ledger", "Calder Valley
/// Sentinel"), in lower case.
pub fn is_newspaper_word(w: &str) -> bool {
    matches!(w, "ledger" | "gazette" | "tribune" | "herald" | "sentinel" | "chronicle" | "dispatch" | "courier" | "inquirer" | "examiner" | "bulletin" | "daily" | "star-ledger" | "courant")
}

/// Other names of the same place, to one canonical key.
fn alias_key(name: &str) -> String {
    let n = name.to_lowercase();
    let n = n.strip_prefix("the ").unwrap_or(&n).to_string();
    match n.as_str() {
        "u.s." | "us" | "u.s.a." | "usa" | "united states" | "united states of america" | "america" => "united states".into(),
        "u.k." | "uk" | "britain" | "great britain" | "united kingdom" => "united kingdom".into(),
        "u.n." | "un" | "united nations" => "united nations".into(),
        "e.u." | "eu" | "european union" => "european union".into(),
        "isis" | "isil" | "islamic state" | "islamic state of iraq and syria" => "islamic state".into(),
        // Agencies by their initials and by their names.
        "fed" | "federal reserve" | "federal reserve board" => "federal reserve".into(),
        "fbi" | "federal bureau of investigation" => "fbi".into(),
        "cia" | "central intelligence agency" => "cia".into(),
        "nsa" | "national security agency" => "nsa".into(),
        "faa" | "federal aviation administration" => "faa".into(),
        "fda" | "food and drug administration" => "fda".into(),
        "epa" | "environmental protection agency" => "epa".into(),
        "sec" | "securities and exchange commission" => "sec".into(),
        "ftc" | "federal trade commission" => "ftc".into(),
        "fcc" | "federal communications commission" => "fcc".into(),
        "irs" | "internal revenue service" => "irs".into(),
        "cdc" | "centers for disease control and prevention" | "centers for disease control" => "cdc".into(),
        "imf" | "international monetary fund" => "imf".into(),
        "nato" | "north atlantic treaty organization" => "nato".into(),
        "doj" | "justice department" | "department of justice" | "u.s. justice department" => "justice department".into(),
        "state department" | "department of state" | "u.s. state department" => "state department".into(),
        "gop" | "republican party" => "republican party".into(),
        _ => n,
    }
}

/// The organisation among `entities` whose name's initials are `name`
/// ("F.T.C.", "NTSB"): the capitalised words' first letters, "of", "and",
/// "for" and "the" left out; exactly one such organisation.
fn initials_of_named(entities: &[Entity], name: &str) -> Option<usize> {
    // (Most names are no initials: looked at without a new string.)
    if name.len() > 12 || !name.bytes().all(|c| c.is_ascii_uppercase() || c == b'.') {
        return None;
    }
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    if !(2..=6).contains(&letters.len()) {
        return None;
    }
    let initials = |n: &str| n.split(' ').filter(|w| !matches!(*w, "of" | "and" | "for" | "the" | "on" | "&")).filter_map(|w| w.chars().next()).collect::<String>();
    let mut found = entities.iter().enumerate().filter(|(_, e)| e.kind == Kind::Organization && e.name.contains(' ') && initials(&e.name) == letters).map(|(i, _)| i);
    match (found.next(), found.next()) {
        (Some(i), None) => Some(i),
        _ => None,
    }
}

/// Build the article's entities from the tagger's name spans.
pub fn build(text: &str, tokens: &[Token], sentences: &[Sentence], names: &[NameSpan]) -> Vec<Entity> {
    build_in(&Words::new(text, tokens, sentences), names)
}

/// [`build`] over a document already indexed.
pub fn build_in(words: &Words, names: &[NameSpan]) -> Vec<Entity> {
    let tokens = words.tokens;
    let mut entities: Vec<Entity> = Vec::new();
    // Which entity each name mention joined, by its first token.
    let mut person_at: Vec<(usize, usize)> = Vec::new(); // (token, entity index)
    // The alias key of each name mention of each entity, kept as mentions
    // join (only those of non-persons, the ones looked up by key), so that
    // a lookup does not remake the keys of every mention so far.
    let mut alias_keys: Vec<Vec<String>> = Vec::new();
    let mut names: Vec<NameSpan> = names.to_vec();
    names.sort_by_key(|n| n.start);
    for n in names.iter().copied() {
        let (start, end) = (n.start, n.end.min(tokens.len()));
        if start >= end {
            continue;
        }
        let (start, role_before) = if n.kind == Kind::Person { split_titles(words, start, end, &names) } else { (start, None) };
        if start >= end {
            continue;
        }
        let name = words.span_text(start, end);
        let mention = words.mention(start, end, MentionKind::Name);
        let key = (n.kind != Kind::Person).then(|| alias_key(&name));
        // "the Federal Trade Commission … the F.T.C.": initials (dotted or
        // not) of an organisation named before are that organisation,
        // whatever kind the tagger gave them.
        let by_initials = initials_of_named(&entities, &name);
        let idx = match &key {
            _ if by_initials.is_some() => by_initials,
            None => find_person(&entities, words, start, end),
            Some(key) => entities.iter().zip(&alias_keys).position(|(e, keys)| e.kind == n.kind && keys.contains(key)).or_else(|| {
                // "the Northbank Business Journal … the Journal", "The
                // Washington Post … the Post": a one-word organisation that
                // is the last word of exactly one news outlet named before
                // it is that outlet. (Not any organisation: the tagger calls
                // some persons organisations, "Trump" is no "Hold Melania
                // Trump".)
                if n.kind != Kind::Organization {
                    return None;
                }
                // "Halvorsen Semiconductor … Halvorsen expects", "Goldman
                // Sachs Group … Goldman Sachs": a company's first words, of
                // exactly one company named before.
                let short = |e: &Entity| e.kind == Kind::Organization && name.len() < e.name.len() && e.name.starts_with(name.as_str()) && e.name.as_bytes()[name.len()] == b' ' && e.name.rsplit(' ').next().is_some_and(crate::names::is_company_end);
                let mut found = entities.iter().enumerate().filter(|(_, e)| short(e)).map(|(i, _)| i);
                if let (Some(i), None) = (found.next(), found.next()) {
                    return Some(i);
                }
                if end != start + 1 {
                    return None;
                }
                let outlet = is_media(&name);
                // ("The Seattle Mariners … the Mariners": a team by its plural.)
                let team = name.len() > 3 && name.ends_with('s') && !name.ends_with("'s") && !name.ends_with("’s") && name.starts_with(char::is_uppercase);
                let mut found = entities.iter().enumerate().filter(|(_, e)| e.kind == Kind::Organization && (e.media || outlet || team) && ends_in_word(&e.name, &name)).map(|(i, _)| i);
                match (found.next(), found.next()) {
                    (Some(i), None) => Some(i),
                    _ => None,
                }
            }),
        };
        let idx = match idx {
            Some(i) => {
                let e = &mut entities[i];
                if fuller(&name, &e.name) {
                    e.name = name.clone();
                }
                e.mentions.push(mention);
                i
            }
            None => {
                entities.push(Entity {
                    name: name.clone(),
                    kind: n.kind,
                    roles: Vec::new(),
                    affiliation: None,
                    media: n.kind == Kind::Organization && is_media(&name),
                    mentions: vec![mention],
                });
                alias_keys.push(Vec::new());
                entities.len() - 1
            }
        };
        alias_keys[idx].extend(key);
        if n.kind == Kind::Person {
            person_at.push((start, idx));
            let mut found = Vec::new();
            if let Some(r) = role_before {
                found.push(r);
            }
            // ("Senator Chuck Schumer of New York, the minority leader":
            // after the place the name is of.)
            // (A determined noun phrase after it, not the clause's verb:
            // "Senator Lisa Murkowski of Alaska, said through a spokeswoman".)
            let of_place = (words.low(end) == "of")
                .then(|| names.iter().find(|p| p.start == end + 1 && p.kind == Kind::Place && words.w(p.end) == "," && matches!(words.low(p.end + 1), "the" | "a" | "an" | "another" | "his" | "her" | "their" | "its")))
                .flatten();
            found.extend(appositive_role(words, of_place.map_or(end, |p| p.end), &names));
            // ("the company's chief medical officer, Dr. Raj Patel", "Its
            // president, Sgt. Amy Kowalski": before the honorific or title.)
            let mut pre = start;
            while pre > 0 && (HONORIFICS.contains(&words.low(pre - 1)) || is_title_word(words.low(pre - 1))) && words.w(pre - 1).starts_with(char::is_uppercase) {
                pre -= 1;
            }
            found.extend(possessive_role_before(words, pre, &names));
            found.extend(role_phrase_before(words, pre, &names));
            for (role, aff) in found {
                // "Kent Walker, the company's general counsel": the company
                // is the organisation named last before him.
                let (role, aff) = match aff {
                    // ("The agency's director general, Zainab Musa": the body
                    // named last whose name ends in the noun, "… Management
                    // Agency"; none, "the campaign's press secretary", and
                    // the noun stays in the role.)
                    Some(a) if BODY_NOUNS.contains(&a.as_str()) => match organization_named_last_where(&entities, start, |e| ends_in_word(&e.name, &a)) {
                        Some(e) => (role, Some(e.name.clone())),
                        None => (format!("{a}'s {role}"), None),
                    },
                    other => (role, other),
                };
                let aff = match aff {
                    // ("the mayor's lawyer, Patricia Hume": the person who
                    // holds that role, named before.)
                    Some(a) if ROLE_HEADS.contains(&a.as_str()) && a.chars().all(|c| c.is_lowercase()) => {
                        let holder = entities
                            .iter()
                            .filter(|e| e.kind == Kind::Person && e.roles.iter().any(|r| r.rsplit(' ').next() == Some(a.as_str()) || r == &a))
                            .filter_map(|e| e.mentions.iter().filter(|m| m.tok_end <= start).map(|m| m.tok_end).max().map(|at| (at, e)))
                            .max_by_key(|(at, _)| *at)
                            .map(|(_, e)| e.name.clone());
                        holder.or(Some(a))
                    }
                    Some(a) if COMPANY_NOUNS.contains(&a.as_str()) => {
                        Some(company_named_last(&entities, words, start).map_or(a, |e| e.name.clone()))
                    }
                    // ("Its general counsel": any body named last, a public one too.)
                    Some(a) if a == "its" => organization_named_last(&entities, start).map(|e| e.name.clone()),
                    other => other,
                };
                add_role(&mut entities[idx], role, aff);
            }
            // "Mark Zandi of Moody's Analytics": the organisation a person
            // is of, when the text gives no role.
            // ("Judge Helen Okafor of the U.S. District Court": past "the" too.)
            if entities[idx].affiliation.is_none() && words.low(end) == "of" {
                let at = if words.low(end + 1) == "the" { end + 2 } else { end + 1 };
                if let Some(org) = names.iter().find(|o| o.start == at && o.kind == Kind::Organization) {
                    entities[idx].affiliation = Some(words.span_text(org.start, org.end));
                }
            }
        }
    }
    // ("Marlowe's chief executive" of "Marlowe Financial … Marlowe's"):
    // an affiliation written as another name of an organisation is that
    // organisation's full name.
    let full_names: Vec<(String, String)> = entities
        .iter()
        .filter(|e| e.kind == Kind::Organization)
        .flat_map(|e| e.mentions.iter().filter(|m| m.kind == MentionKind::Name).map(move |m| (words.span_text(m.tok_start, m.tok_end), e.name.clone())))
        .filter(|(short, full)| short != full)
        .collect();
    for e in entities.iter_mut().filter(|e| e.kind == Kind::Person) {
        if let Some(full) = e.affiliation.as_ref().and_then(|a| full_names.iter().find(|(short, _)| short == a)).map(|(_, full)| full.clone()) {
            e.affiliation = Some(full);
        }
    }
    nominals(words, &mut entities);
    groups(words, &mut entities);
    pronouns(words, &mut entities);
    plural_pronouns(words, &mut entities);
    organizations_saying_it(words, &mut entities);
    for e in &mut entities {
        e.mentions.sort_by_key(|m| m.start);
        e.mentions.dedup_by_key(|m| (m.start, m.end));
    }
    entities
}

/// The organisation named last before token `before`: what "the company"
/// refers to ("Kent Walker, the company's general counsel", "a spokeswoman
/// for the company").
pub fn organization_named_last(entities: &[Entity], before: usize) -> Option<&Entity> {
    organization_named_last_where(entities, before, |_| true)
}

/// [`organization_named_last`] among the organisations `keep` accepts ("the
/// company" passes over a ministry named since).
pub fn organization_named_last_where(entities: &[Entity], before: usize, keep: impl Fn(&Entity) -> bool) -> Option<&Entity> {
    entities
        .iter()
        .filter(|e| e.kind == Kind::Organization && keep(e))
        .filter_map(|e| e.mentions.iter().filter(|m| m.kind == MentionKind::Name && m.tok_end <= before).map(|m| m.tok_end).max().map(|at| (at, e)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, e)| e)
}

/// What "the company" refers to before token `before`: the company named
/// last, passing over a party or a public body named since; a company the
/// text has made a sentence's subject ("Halvorsen Semiconductor cut its
/// forecast …") is preferred to one named since only as someone's workplace
/// ("an analyst at Corbin & Lowe").
pub fn company_named_last<'e>(entities: &'e [Entity], words: &Words, before: usize) -> Option<&'e Entity> {
    let public = |n: &str| ["Democrat", "Republican", "Party", "GOP", "Congress", "Senate", "House", "Department", "Administration", "Commission", "Agency", "Court", "Council", "Ministry"].iter().any(|w| n.contains(w));
    let workplace_only = |ent: &Entity| {
        ent.mentions.iter().filter(|m| m.tok_end <= before).all(|m| m.tok_start >= 2 && matches!(words.low(m.tok_start - 1), "at" | "of" | "for" | "with" | "from") && ROLE_HEADS.contains(&words.low(m.tok_start - 2)))
    };
    // (After a dateline's dash too: "MADRID — Real Madrid completed …".)
    let opens = |k: usize| words.sentence_start(k) == k || k >= 1 && matches!(words.w(k - 1), "—" | "–" | "--");
    let subject = |ent: &Entity| ent.mentions.iter().any(|m| m.tok_end <= before && m.kind == MentionKind::Name && opens(m.tok_start) && words.sentence_end(m.tok_start) >= m.tok_end + 4);
    // (Nor an outlet only cited: "According to The Guardian, an email was
    // sent from the club's executive director"; "Politico's chief
    // executive … the company's" is Politico.)
    let cited_only = |ent: &Entity| {
        ent.media
            && ent.mentions.iter().filter(|m| m.tok_end <= before).all(|m| {
                let k = if m.tok_start >= 1 && words.low(m.tok_start - 1) == "the" { m.tok_start - 1 } else { m.tok_start };
                k >= 1 && matches!(words.low(k - 1), "to" | "told" | "by" | "in" | "on")
            })
    };
    organization_named_last_where(entities, before, |ent| !public(&ent.name) && !cited_only(ent) && !workplace_only(ent) && subject(ent))
        .or_else(|| organization_named_last_where(entities, before, |ent| !public(&ent.name) && !cited_only(ent)))
}

/// Nouns of public and civic bodies, which stand for the body named last
/// whose name ends in them ("the agency's director general"). (Not "court":
/// an article names several, "the court's chief judge" is seldom the last.)
const BODY_NOUNS: &[&str] = &[
    "agency", "ministry", "department", "commission", "council", "committee", "union", "association", "board",
    "authority", "bureau", "office", "service", "university", "institute", "foundation", "organization", "party",
    "campaign", "coalition", "center", "fund",
];

/// Nouns a company goes by in a definite description ("the company", "the
/// airline", "the lender's general counsel"): the company named last.
pub const COMPANY_NOUNS: &[&str] = &[
    "company", "firm", "corporation", "airline", "automaker", "carmaker", "retailer", "lender", "bank", "insurer",
    "manufacturer", "conglomerate", "startup", "drugmaker", "chipmaker", "contractor", "team", "club", "franchise",
    "chain", "utility", "start-up",
];

/// Is `word` the last of the several words of `name`, whatever their case
/// ("Journal" of "Northbank Business Journal", "department" of "State
/// Department")?
pub fn ends_in_word(name: &str, word: &str) -> bool {
    name.contains(' ') && name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(word))
}

/// Is `new` a fuller name than `old`? More words first ("United States" over
/// "America"), then more letters ("Khamenei" under "Ali Khamenei").
fn fuller(new: &str, old: &str) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    (words(new), new.chars().count()) > (words(old), old.chars().count())
}

fn add_role(e: &mut Entity, role: String, affiliation: Option<String>) {
    let role = role.trim().to_string();
    if role.is_empty() {
        return;
    }
    if !e.roles.iter().any(|r| r.eq_ignore_ascii_case(&role)) {
        e.roles.push(role);
    }
    if e.affiliation.is_none() {
        e.affiliation = affiliation;
    }
}

/// Split honorifics and titles off the front of a person span: returns the
/// name's first token and the role the title gives (with its affiliation),
/// looking also at role words just before the span ("Iranian supreme leader
/// Ayatollah Ali Khamenei").
fn split_titles(words: &Words, start: usize, end: usize, names: &[NameSpan]) -> (usize, Option<(String, Option<String>)>) {
    let mut s = start;
    // Titles inside the span ("President Obama" tagged as one name).
    while s + 1 < end && (is_role_word(words.low(s)) && is_title_word(words.low(s)) || HONORIFICS.contains(&words.low(s))) {
        s += 1;
    }
    // Role words before the span (and any honorific between).
    let mut k = start;
    while k > 0 && HONORIFICS.contains(&words.low(k - 1)) {
        k -= 1;
    }
    let mut role_start = k;
    while role_start > words.sentence_start(start) {
        let w = words.low(role_start - 1);
        if is_role_word(w) && !matches!(w, "the" | "of") || w == "of" && role_start >= 2 && is_role_word(words.low(role_start - 2)) {
            role_start -= 1;
        } else {
            break;
        }
    }
    // Title tokens inside the span belong to the role too.
    let mut role_tokens: Vec<usize> = (role_start..k).collect();
    role_tokens.extend((start..s).filter(|&i| !HONORIFICS.contains(&words.low(i))));
    role_tokens.retain(|&i| !HONORIFICS.contains(&words.low(i)));
    while role_tokens.first().is_some_and(|&i| matches!(words.low(i), "former" | "acting" | "top" | "of" | "the")) {
        role_tokens.remove(0);
    }
    let role = role_tokens.iter().map(|&i| words.w(i)).collect::<Vec<_>>().join(" ");
    let role = normalise_role(&role);
    let affiliation = role_start.checked_sub(1).and_then(|i| demonym_place(words.w(i))).map(str::to_string);
    // "Apple CEO Tim Cook": the organisation named right before the title.
    let affiliation = affiliation.or_else(|| {
        // ("Minnesota Governor Tim Walz": the place an elected office is of.)
        let elected = |n: &NameSpan| n.kind == Kind::Place && crate::names::is_elected_title(words.low(role_start));
        let org = names.iter().find(|n| n.end == role_start && (n.kind == Kind::Organization || elected(n)) && role_start < k)?;
        Some(words.span_text(org.start, org.end))
    });
    let role_ok = role_tokens.iter().any(|&i| ROLE_HEADS.contains(&words.low(i)) || is_title_word(words.low(i)));
    (s, if role_ok { Some((role, affiliation)) } else { None })
}

fn is_title_word(w: &str) -> bool {
    matches!(
        w,
        "president" | "sen." | "senator" | "gov." | "governor" | "rep." | "representative" | "secretary" | "minister"
            | "mayor" | "gen." | "general" | "col." | "lt." | "adm." | "sgt." | "capt." | "captain" | "king" | "queen"
            | "prince" | "princess" | "pope" | "judge" | "chancellor" | "premier" | "speaker" | "chairman" | "commissioner"
            | "ambassador" | "prof." | "professor" | "sheriff" | "detective" | "coach" | "leader"
            | "councilman" | "councilwoman" | "councilmember" | "alderman" | "alderwoman" | "assemblyman" | "assemblywoman"
            | "superintendent" | "archbishop" | "bishop" | "cardinal" | "justice"
    )
}

/// Role words to a readable role: lower case except proper names inside
/// ("White House press secretary"), abbreviations spelled out.
/// Words that qualify a title ("former", "deputy", "acting"), written in
/// lower case in a role.
const ROLE_MODIFIERS: &[&str] = &[
    "former", "deputy", "vice", "acting", "senior", "chief", "assistant", "associate", "interim", "longtime", "top",
    "press", "national", "general", "managing", "executive", "then", "the", "prime", "foreign", "defence", "defense",
    "finance", "interior", "justice", "party", "city", "county", "district", "majority", "minority", "solicitor", "inspector",
    "surgeon", "investment", "commercial", "digital", "data", "product", "people", "risk", "strategy", "creative", "content",
    "nursing", "administrative", "accounting", "compliance", "growth", "customer",
];

fn normalise_role(role: &str) -> String {
    // (Is the word before a name's, kept in capitals? Then a modifier after
    // it is the name's last word: "Pima County recorder".)
    let mut after_name = false;
    let words: Vec<String> = role
        .split_whitespace()
        .map(|w| {
            let out = normalise_role_word(w, after_name);
            after_name = out.starts_with(char::is_uppercase) && out.chars().any(char::is_lowercase);
            out
        })
        .collect();
    // "transit authority 's general manager": the possessive back on its word
    let role = words.join(" ");
    // ("the Dodgers' manager": a plural's apostrophe too.)
    if role.contains(" 's ") || role.contains(" ’s ") || role.contains(" ' ") || role.contains(" ’ ") {
        role.replace(" 's ", "'s ").replace(" ’s ", "’s ").replace(" ' ", "' ").replace(" ’ ", "’ ")
    } else {
        role
    }
}

/// One word of a role as [`normalise_role`] writes it; `after_name`: the word
/// before it is a name's.
fn normalise_role_word(w: &str, after_name: bool) -> String {
    match w.to_lowercase().as_str() {
        "sen." => "senator".to_string(),
        "gov." => "governor".to_string(),
        "rep." => "representative".to_string(),
        "gen." => "general".to_string(),
        "col." => "colonel".to_string(),
        "lt." => "lieutenant".to_string(),
        "adm." => "admiral".to_string(),
        "sgt." => "sergeant".to_string(),
        "capt." => "captain".to_string(),
        "prof." => "professor".to_string(),
        // Title words and their modifiers in lower case ("Former
        // Secretary" → "former secretary"); other capitalised words are
        // names and keep their capitals ("Republican strategist",
        // "Washington director", "White House press secretary").
        l => {
            // (Acronyms keep theirs: "CEO", "CFO".)
            let acronym = w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase());
            let names_end = after_name && matches!(l, "county" | "city" | "district" | "state") && w.starts_with(char::is_uppercase);
            if !acronym && !names_end && (ROLE_HEADS.contains(&l) || is_title_word(l) || ROLE_MODIFIERS.contains(&l) || ROLE_FIELDS.contains(&l) || l == "state") {
                l.to_string()
            } else {
                w.to_string()
            }
        }
    }
}

/// "NAME, the White House press secretary," → the role after a name.
fn appositive_role(words: &Words, end: usize, names: &[NameSpan]) -> Option<(String, Option<String>)> {
    if words.w(end) != "," {
        return None;
    }
    let mut k = end + 1;
    // ("“… confidence in Ms. Benton,” the White House press secretary, Nadia
    // Flores, said": a quotation closes after the comma; what follows is
    // the speaker's, not the name's.)
    if words.quote_marks(k, k + 1) > 0 {
        return None;
    }
    // ("Anita Dunn, now a partner at …", "Rahm Emanuel, his chief of
    // staff": what the role is, not when or whose.)
    if matches!(words.low(k), "now" | "currently" | "then" | "also") {
        k += 1;
    }
    let article = matches!(words.low(k), "the" | "a" | "an" | "another" | "his" | "her" | "their" | "its");
    if article {
        k += 1;
    }
    let start = k;
    // ("The team's general manager, Ryan Poles, declined to comment
    // through a spokesman": the sentence's verb after the name's closing
    // comma, no role.)
    let w = words.low(start);
    if !article && words.w(start).starts_with(char::is_lowercase) && (w.len() > 4 && w.ends_with("ed") || matches!(w, "said" | "says" | "told" | "tells" | "wrote" | "writes" | "spoke" | "made" | "gave" | "took" | "sent" | "went" | "came" | "won" | "lost" | "led")) {
        return None;
    }
    let sentence_end = words.sentences.get(words.sentence_of[end]).map_or(words.tokens.len(), |s| s.tokens.end);
    // (A relative clause is no appositive: "Stuart Stevens, who was …";
    // nor a clause: "Bernie Sanders, they are hearing …", "…, because
    // Republicans are hoping …".)
    if matches!(words.low(start), "who" | "whose" | "which" | "that" | "is" | "was" | "are" | "were" | "has" | "had" | "will" | "would")
        || matches!(words.low(start), "he" | "she" | "they" | "we" | "i" | "you" | "it" | "because" | "although" | "while" | "if" | "when" | "as" | "since" | "and" | "but")
        || matches!(words.low(start), "during" | "after" | "before" | "in" | "on" | "with" | "without" | "despite" | "until" | "where" | "whom")
    {
        return None;
    }
    while k < sentence_end && k < start + 16 && !matches!(words.w(k), "," | "." | ";" | ":" | "—" | "“" | "”" | "(" | ")") {
        k += 1;
    }
    // ("a longtime strategist for progressive causes whose agency …": the
    // role ends before a relative.)
    if let Some(r) = (start + 1..k).find(|&i| matches!(words.low(i), "who" | "whose" | "which" | "that")) {
        k = r;
        if !ROLE_HEADS.contains(&words.low(k - 1)) && !(start..k).any(|i| matches!(words.low(i), "of" | "for" | "at" | "to" | "in" | "on" | "with")) {
            return None;
        }
    }
    // ("a cardiologist at Lakeside University and the study's lead
    // author": the first of two roles.)
    if let Some(c) = (start + 2..k).find(|&i| words.low(i) == "and" && matches!(words.low(i + 1), "the" | "a" | "an" | "his" | "her" | "its" | "their" | "one")) {
        k = c;
    }
    // (It ends at a comma or a stop, or at the relative found above.)
    let relative = k < words.tokens.len() && matches!(words.low(k), "who" | "whose" | "which" | "that" | "and");
    if k == start || !matches!(words.w(k), "," | "." | ";" | "—" | ")") && !relative {
        return None;
    }
    // ("L. Brent Bozell Jr. was the ghost writer of …": a verb, no role.)
    if (start..k).any(|i| matches!(words.low(i), "is" | "was" | "are" | "were" | "has" | "have" | "had" | "will")) {
        return None;
    }
    // The head: the last word, or the last before a preposition ("the
    // European commissioner for competition", "the head of the agency");
    // a role does not end in a preposition or an article ("chief
    // strategist of “…”" stopped at the quotation).
    let preposition = |i: usize| matches!(words.low(i), "of" | "for" | "at" | "to" | "in" | "on" | "with");
    if preposition(k - 1) || matches!(words.low(k - 1), "the" | "a" | "an") {
        return None;
    }
    let head_at = if ROLE_HEADS.contains(&words.low(k - 1)) { k - 1 } else { (start + 1..k).find(|&i| preposition(i)).unwrap_or(k) - 1 };
    let head = words.low(head_at);
    if !ROLE_HEADS.contains(&head) {
        return None;
    }
    // "Iran's president" / "Iranian president": the affiliation.
    let mut first = start;
    let mut affiliation = None;
    // ("the study's lead author": a thing's, no body's; the role keeps it.)
    let thing = words.w(start).starts_with(char::is_lowercase) && !COMPANY_NOUNS.contains(&words.low(start)) && !BODY_NOUNS.contains(&words.low(start));
    // ("the European Commission's executive vice president": a possessor
    // of several capitalised words, too.)
    let possessive = (start + 1..(start + 5).min(head_at)).find(|&i| matches!(words.w(i), "’s" | "'s")).filter(|&i| (start..i).all(|j| words.w(j).starts_with(char::is_uppercase)));
    if (words.w(start + 1) == "’s" || words.w(start + 1) == "'s") && !thing {
        affiliation = Some(words.w(start).to_string());
        first = start + 2;
    } else if let Some(i) = possessive.filter(|&i| i > start + 1) {
        // (Without its honorific: "Mr. Obama's deputy" is Obama's.)
        let from = if matches!(words.w(start), "Mr." | "Mrs." | "Ms." | "Dr.") { start + 1 } else { start };
        affiliation = Some(words.span_text(from, i));
        first = i + 1;
    } else if let Some(p) = demonym_place(words.w(start)) {
        affiliation = Some(p.to_string());
        first = start + 1;
    }
    // (What follows the head keeps its capitals: "director general of the
    // International Atomic Energy Agency".)
    // "spokeswoman for Brackwater", "director of the Harrowgate Consumer
    // Law Clinic": the capitalised name after the head's preposition.
    if affiliation.is_none() && head_at + 1 < k && matches!(words.low(head_at + 1), "of" | "for" | "at" | "with") {
        let mut a = head_at + 2;
        while a < k && matches!(words.low(a), "the" | "mr." | "mrs." | "ms." | "dr." | "president" | "sen." | "gov.") {
            a += 1;
        }
        let mut b = a;
        while b < k && (words.w(b).starts_with(char::is_uppercase) || b > a && b + 1 < k && matches!(words.low(b), "of" | "for" | "and" | "&") && words.w(b + 1).starts_with(char::is_uppercase)) {
            b += 1;
        }
        if b > a && b == k {
            affiliation = Some(words.span_text(a, b));
        }
    }
    // "the Pima County recorder", "the White House press secretary": a
    // body's name (or a place's, before a title) opening the role.
    if affiliation.is_none() {
        // (A place's officer, not its professor: "the Minnesota attorney
        // general", "a Florida law professor".)
        let office = matches!(head, "governor" | "senator" | "representative" | "mayor" | "secretary" | "minister" | "president" | "general" | "treasurer" | "comptroller" | "auditor" | "sheriff" | "premier" | "chancellor");
        let body = |n: &&NameSpan| n.kind == Kind::Organization || n.kind == Kind::Place && office;
        // (Role words only after the name: not "Democracy for America’s
        // executive director".)
        let role_words = |n: &NameSpan| (n.end..=head_at).all(|i| words.w(i).starts_with(char::is_lowercase) && !matches!(words.low(i), "of" | "for" | "at" | "to" | "in" | "and"));
        if let Some(n) = names.iter().filter(body).find(|n| n.start == first && n.end <= head_at && role_words(n)) {
            affiliation = Some(words.span_text(n.start, n.end));
        }
    }
    let role = (first..(head_at + 1).max(first)).map(|i| words.w(i)).collect::<Vec<_>>().join(" ");
    let rest = (head_at + 1..k).map(|i| words.w(i)).collect::<Vec<_>>().join(" ");
    let role = if rest.is_empty() { normalise_role(&role) } else { format!("{} {rest}", normalise_role(&role)) };
    // ("the world 's 1.2 billion Roman Catholics": the possessive back on its word.)
    Some((role.replace(" 's ", "'s ").replace(" ’s ", "’s ").replace(" ' ", "' ").replace(" ’ ", "’ "), affiliation))
}

/// "Iran’s president, NAME" → the role, with the possessor as affiliation.
fn possessive_role_before(words: &Words, start: usize, names: &[NameSpan]) -> Option<(String, Option<String>)> {
    if start < 3 || words.w(start - 1) != "," {
        return None;
    }
    // The head before the comma, or before its complement ("Crestline's
    // head of safety, Priya Raman").
    let head = if ROLE_HEADS.contains(&words.low(start - 2)) { start - 2 } else { head_with_complement(words, start, 6)? };
    let mut k = head;
    while k > 0 && is_role_word(words.low(k - 1)) && !matches!(words.low(k - 1), "the" | "of") {
        k -= 1;
    }
    let poss = k.checked_sub(1).map(|i| words.w(i));
    // (A complement only after a possessive: "A spokesman for the company,
    // Dale Ortiz" is the role phrase's, `role_phrase_before`.)
    if head + 2 < start && !matches!(poss, Some("’s" | "'s" | "Its" | "its")) {
        return None;
    }
    // ("Its general counsel, Amara Lind": "its", which the caller resolves.)
    // (The whole name before the possessive: "Fresh Basket's chief
    // executive", not "Basket".)
    let affiliation = if matches!(poss, Some("’s") | Some("'s")) {
        let whole = names.iter().find(|n| n.end + 1 == k).map(|n| {
            let from = if n.end > n.start + 1 && HONORIFICS.contains(&words.low(n.start)) { n.start + 1 } else { n.start };
            words.span_text(from, n.end)
        });
        whole.or_else(|| k.checked_sub(2).map(|i| words.w(i).to_string()))
    } else if matches!(poss, Some("Its" | "its")) {
        Some("its".to_string())
    } else if poss == Some("whose") && k >= 3 && words.w(k - 2) == "," {
        // ("Columbus Taxpayers United, whose chairman, Douglas Reed": the
        // name before the relative.)
        names.iter().find(|n| n.end == k - 2 && n.kind != Kind::Person).map(|n| words.span_text(n.start, n.end))
    } else {
        // ("A National Security Council spokesman, John Kirby": a body's
        // name right before the role.)
        names.iter().find(|n| n.end == k && n.kind == Kind::Organization && n.start > 0 && matches!(words.low(n.start - 1), "a" | "an" | "the")).map(|n| words.span_text(n.start, n.end))
    };
    let role = (k..=head).map(|i| words.w(i)).collect::<Vec<_>>().join(" ");
    let role = if head + 1 < start - 1 { format!("{} {}", normalise_role(&role), words.span_text(head + 1, start - 1)) } else { normalise_role(&role) };
    Some((role, affiliation))
}

/// The head of a role and its complement that end right before the comma
/// before the name at `start`, within `reach` words ("head of safety",
/// "spokesman for the company", "lawyer for NetChoice"): a role's head
/// followed by "of", "for", "at" or "with", and no stop, comma, possessive or
/// quotation mark after it.
fn head_with_complement(words: &Words, start: usize, reach: usize) -> Option<usize> {
    (start.saturating_sub(reach)..start.saturating_sub(2)).rev().find(|&h| {
        ROLE_HEADS.contains(&words.low(h))
            && matches!(words.low(h + 1), "of" | "for" | "at" | "with")
            && (h + 1..start - 1).all(|j| !matches!(words.w(j), "," | "." | ";" | ":" | "’s" | "'s"))
            && words.quote_marks(h + 1, start - 1) == 0
    })
}

/// "A spokesman for the company, NAME", "a lawyer for NetChoice, NAME": a
/// role and what it is for, before the name and its comma (the affiliation
/// the name after the preposition, or the company's noun, which the caller
/// resolves).
fn role_phrase_before(words: &Words, start: usize, names: &[NameSpan]) -> Option<(String, Option<String>)> {
    if start < 5 || words.w(start - 1) != "," {
        return None;
    }
    let head = head_with_complement(words, start, 8)?;
    // The phrase opens its clause: "a" or "an" first.
    let mut k = head;
    while k > 0 && is_role_word(words.low(k - 1)) && !matches!(words.low(k - 1), "the" | "of" | "a" | "an") {
        k -= 1;
    }
    if k == 0 || !matches!(words.low(k - 1), "a" | "an") {
        return None;
    }
    let role = (k..=head).map(|i| words.w(i)).collect::<Vec<_>>().join(" ");
    let (x, y) = (head + 2, start - 1);
    let affiliation = match names.iter().find(|n| n.start >= x && n.end == y) {
        Some(n) => Some(words.span_text(n.start, n.end)),
        None if y == x + 2 && words.low(x) == "the" && COMPANY_NOUNS.contains(&words.low(x + 1)) => Some(words.low(x + 1).to_string()),
        None => None,
    };
    Some((normalise_role(&role), affiliation))
}

/// The person entity a name mention belongs to: the most recent person whose
/// name contains every token of this one ("Khamenei" ⊂ "Ali Khamenei"), or
/// whose name this one extends.
fn find_person(entities: &[Entity], words: &Words, start: usize, end: usize) -> Option<usize> {
    let toks: Vec<&str> = (start..end).map(|i| words.low(i)).collect();
    // Is a word of a name, lower-cased, the (lower-cased) token `t`? Without
    // a new string for an ASCII word (`t`, lower-cased, has no ASCII capital).
    let same = |word: &str, t: &str| if word.is_ascii() { word.eq_ignore_ascii_case(t) } else { word.to_lowercase() == t };
    // ("His daughter, Claire Haldane, said …. Mr. Haldane served …": an
    // honorific's gender against the first name's, when both are known.)
    let honorific = if start > 0 { crate::gender::of_honorific(words.w(start - 1)) } else { Gender::Unknown };
    let mut best = None;
    for (i, e) in entities.iter().enumerate() {
        if e.kind != Kind::Person {
            continue;
        }
        if honorific != Gender::Unknown {
            let first = crate::gender::of_first_name(e.name.split(' ').next().unwrap_or(""));
            if first != Gender::Unknown && first != honorific {
                continue;
            }
        }
        let name = || e.name.split_whitespace();
        let contains = toks.iter().all(|t| name().any(|w| same(w, t)));
        let last_same = match (toks.last(), name().last()) {
            (Some(t), Some(w)) => same(w, t),
            (None, None) => true,
            _ => false,
        };
        let extends = name().all(|w| toks.iter().any(|t| same(w, t))) && last_same;
        if contains || extends {
            best = Some(i);
        }
    }
    best
}

/// "the president", "the Iranian leader", "the press secretary": a description
/// of a person already named, resolved to the most recent person whose roles
/// have the same head (and the same affiliation when the description gives one).
fn nominals(words: &Words, entities: &mut [Entity]) {
    let n = words.tokens.len();
    let mut i = 0;
    while i + 1 < n {
        if words.low(i) != "the" {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        let mut affiliation = None;
        if let Some(p) = demonym_place(words.w(k)) {
            affiliation = Some(p);
            k += 1;
        }
        // Up to three role words ending in a head noun, not followed by a name.
        let mut head = None;
        for j in k..(k + 3).min(n) {
            let w = words.low(j);
            if ROLE_HEADS.contains(&w) {
                head = Some(j);
            } else if !is_role_word(w) || w == "the" {
                break;
            }
        }
        let Some(h) = head else {
            i += 1;
            continue;
        };
        let next = words.w(h + 1);
        let followed_by_name = next.chars().next().is_some_and(char::is_uppercase) && !words.in_quote(h + 1) && h + 1 < words.sentences.get(words.sentence_of[h]).map_or(0, |s| s.tokens.end);
        let plural_or_of = next == "of" || words.low(h).ends_with('s') && !matches!(words.low(h), "boss");
        if followed_by_name || plural_or_of || words.sentence_of[h] != words.sentence_of[i] {
            i = h + 1;
            continue;
        }
        let head_word = words.low(h);
        let modifier: Vec<&str> = (k..h).map(|j| words.low(j)).collect();
        let start_char = words.tokens[i].start;
        // The most recent person mentioned before this, with a matching role.
        let mut best: Option<(usize, usize)> = None;
        for (ei, e) in entities.iter().enumerate() {
            if e.kind != Kind::Person {
                continue;
            }
            let role_match = e.roles.iter().any(|r| {
                let r = r.to_lowercase();
                r.split_whitespace().last() == Some(head_word) && modifier.iter().all(|m| r.contains(*m))
            });
            let aff_match = affiliation.is_none_or(|a| e.affiliation.as_deref() == Some(a));
            if !role_match || !aff_match {
                continue;
            }
            if let Some(last) = e.mentions.iter().filter(|m| m.start < start_char).map(|m| m.start).max() {
                if best.is_none_or(|(_, b)| last > b) {
                    best = Some((ei, last));
                }
            }
        }
        if let Some((ei, _)) = best {
            entities[ei].mentions.push(words.mention(i, h + 1, MentionKind::Nominal));
        }
        i = h + 1;
    }
}

/// Nouns of unnamed, collective sources.
const GROUP_HEADS: &[&str] = &[
    "officials", "aides", "advisers", "advisors", "diplomats", "sources", "lawmakers", "analysts", "experts",
    "negotiators", "investigators", "residents", "witnesses", "leaders", "officers", "staffers", "insiders",
    "executives", "spokesmen", "prosecutors", "authorities", "researchers", "scientists", "economists", "doctors",
    "physicians", "scholars", "historians", "pollsters", "strategists", "activists", "lawyers", "attorneys", "critics",
    "employees", "teachers",
];

/// Words that may qualify a group's head ("senior administration officials").
const GROUP_MODIFIERS: &[&str] = &[
    "senior", "top", "administration", "government", "military", "intelligence", "police", "federal", "state",
    "local", "campaign", "company", "party", "western", "european", "arab", "presidential", "congressional",
    "defense", "security", "foreign", "other", "two", "three", "several", "some", "many", "former", "current",
];

/// "presidential aides", "Iranian officials", "senior administration
/// officials": unnamed collective sources become entities of kind `Group`,
/// with the affiliation the words give, so that "they" and "who" can refer to
/// them and attributions can rest on them.
fn groups(words: &Words, entities: &mut Vec<Entity>) {
    let n = words.tokens.len();
    for h in 0..n {
        // (Not in a line set in capitals: "CALLED OUT BY FELLOW DOCTORS".)
        // (Nor a noun that qualifies a body's: "the local teachers union".)
        // (Every head is a plural in -s or "spokesmen": most tokens are
        // passed over without a look at the list.)
        let w = words.low(h);
        if !(w.ends_with('s') || w == "spokesmen") || !GROUP_HEADS.contains(&w) || !words.w(h).chars().any(char::is_lowercase) || matches!(words.low(h + 1), "union" | "unions" | "association" | "group" | "groups" | "council" | "committee" | "federation" | "coalition" | "organization" | "lobby") {
            continue;
        }
        // (Nor a word of a name: "the Union of Concerned Scientists".)
        if words.w(h).starts_with(char::is_uppercase) && entities.iter().any(|e| e.kind != Kind::Group && e.mentions.iter().any(|m| m.kind == MentionKind::Name && m.tok_start <= h && h < m.tok_end)) {
            continue;
        }
        let mut s = h;
        let mut affiliation: Option<String> = None;
        // (Not into the sentence before: "… wrote on X.\n\nEconomists at …".)
        while s > words.sentence_start(h) {
            let w = words.w(s - 1);
            let l = w.to_lowercase();
            let capital = w.chars().next().is_some_and(char::is_uppercase) && s - 1 != words.sentence_start(h);
            if let Some(p) = demonym_place(w) {
                affiliation.get_or_insert_with(|| p.to_string());
            } else if w == "House" && s >= 2 && words.w(s - 2) == "White" {
                // ("White House officials": the two words.)
                affiliation.get_or_insert_with(|| "White House".to_string());
            } else if l == "presidential" || l == "white" && words.low(s) == "house" {
                affiliation.get_or_insert_with(|| if l == "white" { "White House".to_string() } else { "the president".to_string() });
            } else if capital && !GROUP_MODIFIERS.contains(&l.as_str()) {
                affiliation.get_or_insert_with(|| w.to_string());
            } else if !GROUP_MODIFIERS.contains(&l.as_str()) && !(l == "house" && s >= 2 && words.low(s - 2) == "white") {
                break;
            }
            s -= 1;
        }
        // "Researchers at the University of Copenhagen", "officials at the
        // White House": a name after "at", "from" or "with" qualifies it too,
        // and is its affiliation.
        let mut end = h + 1;
        if end + 1 < n && matches!(words.low(end), "at" | "from" | "with") {
            let first = if words.low(end + 1) == "the" { end + 2 } else { end + 1 };
            let mut last = first;
            while last < n && last < first + 8 && words.sentence_of[last] == words.sentence_of[h] && (words.w(last).starts_with(char::is_uppercase) || last > first && matches!(words.low(last), "of" | "for" | "and" | "&") && words.w(last + 1).starts_with(char::is_uppercase)) {
                last += 1;
            }
            if last > first {
                affiliation.get_or_insert_with(|| words.span_text(first, last));
                end = last;
            }
        }
        // A bare head ("officials said") is a group only when something qualifies it.
        if s == h && end == h + 1 {
            continue;
        }
        // Names inside are kept as their own entities; the group spans the phrase.
        let name = words.span_text(s, end);
        let mention = words.mention(s, end, MentionKind::Nominal);
        match entities.iter_mut().find(|e| e.kind == Kind::Group && e.name.eq_ignore_ascii_case(&name)) {
            Some(e) => e.mentions.push(mention),
            None => entities.push(Entity { name, kind: Kind::Group, roles: Vec::new(), affiliation, media: false, mentions: vec![mention] }),
        }
    }
}

/// They, them, their: the most recent group mentioned before, in this
/// sentence or the two before it (outside quotes).
fn plural_pronouns(words: &Words, entities: &mut [Entity]) {
    let mut group_mentions: Vec<(usize, usize)> = Vec::new(); // (token, entity)
    for (ei, e) in entities.iter().enumerate() {
        if e.kind == Kind::Group {
            group_mentions.extend(e.mentions.iter().map(|m| (m.tok_start, ei)));
        }
    }
    group_mentions.sort();
    let mut found = Vec::new();
    for i in 0..words.tokens.len() {
        if !matches!(words.low(i), "they" | "them" | "their" | "themselves") || words.in_quote(i) {
            continue;
        }
        let si = words.sentence_of[i];
        if let Some(&(_, ei)) = group_mentions.iter().rev().find(|&&(t, _)| t < i && words.sentence_of[t] + 2 >= si && !words.in_quote(t)) {
            found.push((ei, words.mention(i, i + 1, MentionKind::Pronoun)));
        }
    }
    for (ei, m) in found {
        entities[ei].mentions.push(m);
    }
}

/// He, him, his, she, her: resolved to a person. Inside a sentence, the most
/// recent person mentioned before the pronoun (outside quotes); at the start of
/// a sentence, or when the sentence has none, the first person (the subject)
/// of the nearest earlier sentence that mentions one.
/// "Google said it would appeal. It said the ruling was wrong.": "it" as
/// the subject of a verb of saying (or of a refusal) outside quotations is
/// the organisation mentioned last before it (an expletive "it" is the
/// subject of other verbs: "it was reported", "it is clear").
fn organizations_saying_it(words: &Words, entities: &mut [Entity]) {
    const SAYING: &[&str] = &[
        "said", "says", "added", "announced", "declined", "denied", "argued", "warned", "told", "stated", "noted", "acknowledged",
        "confirmed", "insisted", "wrote", "disputed", "rejected", "refused", "responded", "replied", "did", "does", "has", "had",
    ];
    // (token after the mention, entity), mentions outside quotations
    let mut orgs: Vec<(usize, usize)> = Vec::new();
    for (ei, e) in entities.iter().enumerate() {
        if e.kind == Kind::Organization {
            orgs.extend(e.mentions.iter().filter(|m| !words.in_quote(m.tok_start)).map(|m| (m.tok_end, ei)));
        }
    }
    if orgs.is_empty() {
        return;
    }
    orgs.sort();
    let mut found = Vec::new();
    for i in 0..words.tokens.len() {
        if words.low(i) != "it" || words.in_quote(i) {
            continue;
        }
        // (an adverb between: "It also said", "it later denied")
        let mut v = i + 1;
        while v < words.tokens.len() && matches!(words.low(v), "also" | "later" | "then" | "previously" | "has" | "had" | "again") && v < i + 3 {
            v += 1;
        }
        let verb = words.low(v);
        // ("did not respond", "has not commented", not "does not explain";
        // "declined to", not "declined in almost every state"; "told
        // reporters", not "told the story")
        let refusal = |k: usize| matches!(words.low(k), "respond" | "comment" | "return" | "say" | "confirm" | "deny" | "responded" | "commented" | "returned" | "said" | "confirmed" | "denied" | "disclosed" | "disclose");
        let ok = match verb {
            "did" | "does" | "has" | "had" => matches!(words.low(v + 1), "not" | "n't") && refusal(v + 2),
            "declined" | "refused" => words.low(v + 1) == "to",
            "told" => words.w(v + 1).starts_with(char::is_uppercase) || matches!(words.low(v + 1), "reporters" | "me" | "us" | "them" | "him" | "her" | "investigators" | "lawmakers"),
            _ => SAYING.contains(&verb),
        };
        if !ok {
            continue;
        }
        // The organisation named last, in this sentence or the two before,
        // unless a document or another thing that "says" was named after it
        // ("The report … It said", "the email read. It stated").
        let Some(&(end, ei)) = orgs.iter().rev().find(|&&(end, _)| end <= i) else { continue };
        let si = words.sentence_of[i];
        if si > words.sentence_of[end.saturating_sub(1)] + 2 {
            continue;
        }
        // ("Lumen AI said in a statement that …. It did not deny …": where
        // it said it is no thing that says.)
        let medium = |k: usize| k >= 2 && matches!(words.low(k - 1), "a" | "an" | "its" | "their") && words.low(k - 2) == "in";
        let thing_after = (end..i).any(|k| {
            !medium(k) && matches!(
                words.low(k),
                "report" | "statement" | "email" | "e-mail" | "memo" | "memorandum" | "letter" | "newspaper" | "paper" | "study" | "survey" | "poll"
                    | "book" | "ad" | "article" | "editorial" | "document" | "filing" | "complaint" | "lawsuit" | "bill" | "law" | "plan" | "proposal"
                    | "story" | "video" | "committee" | "panel" | "court" | "message" | "post" | "tweet" | "release" | "analysis" | "review" | "audit"
            )
        });
        if !thing_after {
            found.push((ei, words.mention(i, i + 1, MentionKind::Pronoun)));
        }
    }
    for (ei, m) in found {
        entities[ei].mentions.push(m);
    }
}

/// What the text shows of a person's gender: the honorifics before its
/// names ("Mr. Hale"), else its first name and its roles; `Unknown` when
/// the evidence disagrees.
fn gender_of(words: &Words, e: &Entity) -> Gender {
    if e.kind != Kind::Person {
        return Gender::Unknown;
    }
    let mut honorific = Gender::Unknown;
    for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name && m.tok_start > 0) {
        let g = crate::gender::of_honorific(words.w(m.tok_start - 1));
        if g != Gender::Unknown {
            if honorific != Gender::Unknown && honorific != g {
                return Gender::Unknown;
            }
            honorific = g;
        }
    }
    if honorific != Gender::Unknown {
        return honorific;
    }
    let first = crate::gender::of_first_name(e.name.split(' ').next().unwrap_or(""));
    let role = e.roles.iter().map(|r| crate::gender::of_role(r)).find(|&g| g != Gender::Unknown).unwrap_or(Gender::Unknown);
    match (first, role) {
        (Gender::Unknown, g) | (g, Gender::Unknown) => g,
        (f, r) if f == r => f,
        _ => Gender::Unknown,
    }
}

/// Verbs of saying that mark the name next to them as a sentence's speaker.
const SPEAKING: &[&str] = &["said", "says", "told", "added", "noted", "explained", "continued", "wrote", "recalled", "argued", "insisted", "acknowledged", "warned", "stated", "replied"];

fn pronouns(words: &Words, entities: &mut [Entity]) {
    // Person mentions by token, in order.
    let mut persons: Vec<(usize, usize)> = Vec::new(); // (token, entity)
    for (ei, e) in entities.iter().enumerate() {
        if e.kind == Kind::Person {
            for m in &e.mentions {
                persons.push((m.tok_start, ei));
            }
        }
    }
    persons.sort();
    // Each sentence's first person outside quotations; but its speaker
    // when it has one ("Investigators believe Hale was turned away, Thomas
    // said. “…,” he said.": he is Thomas, not Hale).
    let mut speaker_of_sentence: HashMap<usize, usize> = HashMap::new();
    for (ei, e) in entities.iter().enumerate() {
        if e.kind != Kind::Person {
            continue;
        }
        for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name && !words.in_quote(m.tok_start)) {
            let after = words.low(m.tok_end);
            let before = if m.tok_start > 0 { words.low(m.tok_start - 1) } else { "" };
            // ("Thomas said", "…, said Thomas." / "said Thomas, a lawyer";
            // not "said Trump will win", "said Sanders’ attack")
            if SPEAKING.contains(&after) || SPEAKING.contains(&before) && matches!(after, "," | "." | ";" | "") {
                let si = words.sentence_of[m.tok_start];
                let first = speaker_of_sentence.entry(si).or_insert(ei);
                // (the first speaker of the sentence)
                if entities[*first].mentions.iter().filter(|x| words.sentence_of.get(x.tok_start) == Some(&si)).map(|x| x.tok_start).min() > Some(m.tok_start) {
                    *first = ei;
                }
            }
        }
    }
    // Each sentence's persons outside quotations, its speaker first, then
    // in order: a pronoun takes the first of the nearest sentence's whose
    // gender agrees with it ("Ms. Morrow told jurors …. She said she had
    // told Mr. Hale": she is Morrow, whoever else the sentence names).
    let mut candidates_of_sentence: HashMap<usize, Vec<usize>> = HashMap::new();
    for (&si, &ei) in &speaker_of_sentence {
        candidates_of_sentence.entry(si).or_default().push(ei);
    }
    for &(t, ei) in &persons {
        if !words.in_quote(t) {
            let c = candidates_of_sentence.entry(words.sentence_of[t]).or_default();
            if !c.contains(&ei) {
                c.push(ei);
            }
        }
    }
    let genders: Vec<Gender> = entities.iter().map(|e| gender_of(words, e)).collect();
    let mut found = Vec::new();
    for i in 0..words.tokens.len() {
        let lw = words.low(i);
        if !matches!(lw, "he" | "him" | "his" | "she" | "her" | "hers" | "himself" | "herself") || words.in_quote(i) {
            continue;
        }
        let pronoun = Gender::of_pronoun(lw);
        let si = words.sentence_of[i];
        let sent_start = words.sentence_start(i);
        let in_sentence = persons.iter().rev().find(|&&(t, e)| t < i && t >= sent_start && !words.in_quote(t) && genders[e].agrees(pronoun)).map(|&(_, e)| e);
        let target = in_sentence.or_else(|| (0..si).rev().find_map(|s| candidates_of_sentence.get(&s).and_then(|c| c.iter().copied().find(|&e| genders[e].agrees(pronoun)))));
        if let Some(ei) = target {
            found.push((ei, words.mention(i, i + 1, MentionKind::Pronoun)));
        }
    }
    for (ei, m) in found {
        entities[ei].mentions.push(m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{sentences, tokens};

    /// Tag the given names (by text, in order of appearance) and build entities.
    fn run(text: &str, names: &[(&str, Kind)]) -> Vec<Entity> {
        let toks = tokens::tokenize(text);
        let sents = sentences::split(text, &toks);
        let mut spans = Vec::new();
        let mut from = 0;
        for (name, kind) in names {
            let parts: Vec<&str> = name.split(' ').collect();
            let start = (from..toks.len()).find(|&i| parts.iter().enumerate().all(|(k, p)| toks.get(i + k).is_some_and(|t| t.text(text) == *p))).unwrap_or_else(|| panic!("{name} not found"));
            spans.push(NameSpan { start, end: start + parts.len(), kind: *kind });
            from = start + parts.len();
        }
        build(text, &toks, &sents, &spans)
    }

    fn mentions(e: &Entity, text: &str) -> Vec<String> {
        e.mentions.iter().map(|m| text.chars().skip(m.start).take(m.end - m.start).collect()).collect()
    }

    fn by_name<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no entity {name}: {es:?}"))
    }

    #[test]
    fn title_before_a_name_is_a_role() {
        let t = "President Obama wrote to Iranian supreme leader Ayatollah Ali Khamenei last month.";
        let es = run(t, &[("Obama", Kind::Person), ("Iranian", Kind::Misc), ("Ali Khamenei", Kind::Person)]);
        assert_eq!(by_name(&es, "Obama").roles, ["president"]);
        let k = by_name(&es, "Ali Khamenei");
        assert_eq!(k.roles, ["supreme leader"]);
        assert_eq!(k.affiliation.as_deref(), Some("Iran"));
        // A title tagged inside the name is split off too.
        let es = run("President Obama spoke.", &[("President Obama", Kind::Person)]);
        assert_eq!(es[0].name, "Obama");
        assert_eq!(es[0].roles, ["president"]);
        // Local offices are titles too.
        let es = run("Councilman Theo Marchetti and Superintendent Ann Lee spoke.", &[("Theo Marchetti", Kind::Person), ("Ann Lee", Kind::Person)]);
        assert_eq!(by_name(&es, "Theo Marchetti").roles, ["councilman"]);
        assert_eq!(by_name(&es, "Ann Lee").roles, ["superintendent"]);
    }

    #[test]
    fn a_pronoun_agrees_with_its_person() {
        // "She" had been Mr. Hale, the person named first.
        let t = "Bridget Morrow, a former aide to Gov. Mark Hale, testified on Tuesday. Mr. Hale was not in court. She said she had told Mr. Hale in August. He denied it.";
        let es = run(t, &[("Bridget Morrow", Kind::Person), ("Mark Hale", Kind::Person), ("Hale", Kind::Person), ("Hale", Kind::Person)]);
        let morrow = mentions(by_name(&es, "Bridget Morrow"), t);
        assert_eq!(morrow.iter().filter(|m| m.as_str() == "She" || m.as_str() == "she").count(), 2, "{morrow:?}");
        let hale = mentions(by_name(&es, "Mark Hale"), t);
        assert!(hale.contains(&"He".to_string()) && !hale.iter().any(|m| m.eq_ignore_ascii_case("she")), "{hale:?}");
        // A name that tells nothing agrees with either.
        let t = "Jordan Reyes spoke first. She said the vote was close.";
        let es = run(t, &[("Jordan Reyes", Kind::Person)]);
        assert_eq!(mentions(&es[0], t), ["Jordan Reyes", "She"]);
    }

    #[test]
    fn a_possessor_of_several_words_is_the_affiliation() {
        // The role had been "Commission's executive vice president for
        // competition", the affiliation "Europe" (from "European").
        let t = "Teresa Ribera, the European Commission's executive vice president for competition, said so. Tina Tchen, Mrs. Obama's chief of staff, agreed.";
        let es = run(t, &[("Teresa Ribera", Kind::Person), ("European Commission", Kind::Organization), ("Tina Tchen", Kind::Person), ("Obama", Kind::Person)]);
        let ribera = es.iter().find(|e| e.name == "Teresa Ribera").unwrap();
        assert_eq!((ribera.roles.as_slice(), ribera.affiliation.as_deref()), (&["executive vice president for competition".to_string()][..], Some("European Commission")));
        let tchen = es.iter().find(|e| e.name == "Tina Tchen").unwrap();
        assert_eq!((tchen.roles.as_slice(), tchen.affiliation.as_deref()), (&["chief of staff".to_string()][..], Some("Obama")));
    }

    #[test]
    fn a_plural_inside_a_name_makes_no_group() {
        // "Concerned Scientists" had been a group affiliated to "Concerned".
        let t = "Edwin Lyman, director of nuclear power safety at the Union of Concerned Scientists, said so.";
        let es = run(t, &[("Edwin Lyman", Kind::Person), ("Union of Concerned Scientists", Kind::Organization)]);
        assert!(es.iter().all(|e| e.kind != Kind::Group), "{es:?}");
    }

    #[test]
    fn a_verb_after_the_names_comma_is_no_role() {
        // The role had been "declined to comment through a spokesman".
        let t = "The team's general manager, Ryan Poles, declined to comment through a spokesman.";
        let es = run(t, &[("Ryan Poles", Kind::Person)]);
        assert!(es[0].roles.iter().all(|r| !r.contains("declined")), "{:?}", es[0].roles);
        // An adjective after an article stays: "a retired general".
        let t = "Jim Mattis, a retired general, spoke.";
        let es = run(t, &[("Jim Mattis", Kind::Person)]);
        assert!(es[0].roles.iter().any(|r| r == "retired general"), "{:?}", es[0].roles);
    }

    #[test]
    fn an_honorific_joins_a_surname_of_its_gender() {
        // "Mr. Haldane" had joined his daughter, named last.
        let t = "Richard Haldane died on Monday. His daughter, Claire Haldane, said so. Mr. Haldane served three terms.";
        let es = run(t, &[("Richard Haldane", Kind::Person), ("Claire Haldane", Kind::Person), ("Haldane", Kind::Person)]);
        let richard = es.iter().find(|e| e.name == "Richard Haldane").expect("Richard Haldane");
        assert!(mentions(richard, t).contains(&"Haldane".to_string()), "{es:?}");
    }

    #[test]
    fn a_role_keeps_its_possessive_on_its_word() {
        assert_eq!(normalise_role("Transit Authority ’s general manager"), "Transit Authority’s general manager");
        assert_eq!(normalise_role("the agency 's Sen. liaison"), "the agency's senator liaison");
        // A chief's title words in lower case ("chief Financial officer" had
        // kept its capital); a department's name keeps its own.
        assert_eq!(normalise_role("Chief Financial Officer"), "chief financial officer");
        assert_eq!(normalise_role("Homeland Security secretary"), "Homeland Security secretary");
    }

    #[test]
    fn appositive_and_possessive_roles() {
        let t = "Josh Earnest, the White House press secretary, said no. Khamenei has authorized Iran’s president, Hassan Rouhani, to negotiate.";
        let es = run(t, &[("Josh Earnest", Kind::Person), ("White House", Kind::Organization), ("Khamenei", Kind::Person), ("Iran", Kind::Place), ("Hassan Rouhani", Kind::Person)]);
        assert_eq!(by_name(&es, "Josh Earnest").roles, ["White House press secretary"]);
        let r = by_name(&es, "Hassan Rouhani");
        assert_eq!(r.roles, ["president"]);
        assert_eq!(r.affiliation.as_deref(), Some("Iran"));
    }

    /// Roles with what follows their head, after "now", "another" or a
    /// possessive pronoun; no relative clause; names keep their capitals,
    /// title words do not; "the company" is the organisation named last.
    #[test]
    fn appositive_roles_with_their_complements() {
        let t = "Margrethe Vestager, the European commissioner for competition, said Google had broken the rules. \
                 Google will appeal, Kent Walker, the company's general counsel, said. \
                 Robert Oldendick, a University of South Carolina political science professor, said so. \
                 Stuart Stevens, who was Mitt Romney's top adviser in 2012, agreed. \
                 Anita Dunn, now a partner at SKDKnickerbocker, disagreed, as did Alan Hartman, another partner at Centerview. \
                 Benjamin Netanyahu, the Prime Minister, and Sara Fagen, a Republican strategist, spoke.";
        let es = run(
            t,
            &[
                ("Margrethe Vestager", Kind::Person),
                ("European", Kind::Misc),
                ("Google", Kind::Organization),
                ("Google", Kind::Organization),
                ("Kent Walker", Kind::Person),
                ("Robert Oldendick", Kind::Person),
                ("University of South Carolina", Kind::Organization),
                ("Stuart Stevens", Kind::Person),
                ("Mitt Romney", Kind::Person),
                ("Anita Dunn", Kind::Person),
                ("SKDKnickerbocker", Kind::Organization),
                ("Alan Hartman", Kind::Person),
                ("Centerview", Kind::Organization),
                ("Benjamin Netanyahu", Kind::Person),
                ("Sara Fagen", Kind::Person),
            ],
        );
        let v = by_name(&es, "Margrethe Vestager");
        assert_eq!((v.roles.as_slice(), v.affiliation.as_deref()), (["commissioner for competition".to_string()].as_slice(), Some("Europe")));
        // "the Journal" after "the Northbank Business Journal" is that outlet; a
        // last word two names share ("the Party") joins neither.
        let es3 = run(
            "The Northbank Business Journal reported the breach. A copy was reviewed by the Journal. The Republican Party and the Democratic Party met. The Party said nothing.",
            &[("Northbank Business Journal", Kind::Organization), ("Journal", Kind::Organization), ("Republican Party", Kind::Organization), ("Democratic Party", Kind::Organization), ("Party", Kind::Organization)],
        );
        assert_eq!(by_name(&es3, "Northbank Business Journal").mentions.len(), 2);
        assert_eq!(by_name(&es3, "Party").mentions.len(), 1);
        let w = by_name(&es, "Kent Walker");
        let es4 = run(
            "Dave Roberts, the Dodgers' manager, spoke. Solicitor General Elizabeth B. Prelogar agreed. Justice Clarence Thomas did not.",
            &[("Dave Roberts", Kind::Person), ("Dodgers", Kind::Organization), ("Elizabeth B. Prelogar", Kind::Person), ("Justice Clarence Thomas", Kind::Person)],
        );
        assert_eq!(by_name(&es4, "Dave Roberts").roles, ["Dodgers' manager"]);
        assert_eq!(by_name(&es4, "Elizabeth B. Prelogar").roles, ["solicitor general"]);
        assert_eq!(by_name(&es4, "Clarence Thomas").roles, ["justice"]);
        // A role and what it is for before the name: the company named
        // last that was a sentence's subject, not an analyst's workplace.
        let es6 = run(
            "Halvorsen Semiconductor cut its forecast. \"It hurts,\" said Marcus Bell, an analyst at Corbin & Lowe. A spokesman for the company, Dale Ortiz, declined to comment.",
            &[("Halvorsen Semiconductor", Kind::Organization), ("Marcus Bell", Kind::Person), ("Corbin & Lowe", Kind::Organization), ("Dale Ortiz", Kind::Person)],
        );
        let z = run("The National Emergency Management Agency said 212 had died. The agency's director general, Zainab Musa, spoke. Ali Bello, the agency's spokesman, agreed.", &[("National Emergency Management Agency", Kind::Organization), ("Zainab Musa", Kind::Person), ("Ali Bello", Kind::Person)]);
        assert_eq!(by_name(&z, "Zainab Musa").affiliation.as_deref(), Some("National Emergency Management Agency"));
        assert_eq!(by_name(&z, "Ali Bello").affiliation.as_deref(), Some("National Emergency Management Agency"));
        let c = run("Crestline Motors recalled them. Crestline's head of safety, Priya Raman, said so.", &[("Crestline Motors", Kind::Organization), ("Crestline", Kind::Organization), ("Priya Raman", Kind::Person)]);
        let p = by_name(&c, "Priya Raman");
        // (The company's full name, "Crestline" being its short one.)
        assert_eq!((p.roles.as_slice(), p.affiliation.as_deref()), (["head of safety".to_string()].as_slice(), Some("Crestline Motors")));
        let f = run("Brian Fallon, the campaign's press secretary, said so.", &[("Brian Fallon", Kind::Person)]);
        let b = by_name(&f, "Brian Fallon");
        assert_eq!((b.roles.as_slice(), b.affiliation.as_deref()), (["campaign's press secretary".to_string()].as_slice(), None));
        let l = run("NetGuard had sued. Its general counsel, Amara Lind, called the ruling a win.", &[("NetGuard", Kind::Organization), ("Amara Lind", Kind::Person)]);
        assert_eq!(by_name(&l, "Amara Lind").affiliation.as_deref(), Some("NetGuard"));
        let j = run("Judge Helen Okafor of the U.S. District Court wrote the ruling.", &[("Judge Helen Okafor", Kind::Person), ("U.S. District Court", Kind::Organization)]);
        assert_eq!(by_name(&j, "Helen Okafor").affiliation.as_deref(), Some("U.S. District Court"));
        // A profession, a relative after the role, the first of two roles.
        let r = run(
            "\"It held,\" said Dr. Amit Rao, a cardiologist at Lakeside University and the study's lead author. Dr. Helen Park, a nutrition researcher who was not involved in the study, disagreed.",
            &[("Amit Rao", Kind::Person), ("Lakeside University", Kind::Organization), ("Helen Park", Kind::Person)],
        );
        let a = by_name(&r, "Amit Rao");
        assert_eq!((a.roles.as_slice(), a.affiliation.as_deref()), (["cardiologist at Lakeside University".to_string()].as_slice(), Some("Lakeside University")));
        assert_eq!(by_name(&r, "Helen Park").roles, ["nutrition researcher"]);
        // A thing's role is no body's.
        let l = run("\"It held,\" said Dr. Mette Larsen, the study's lead author.", &[("Mette Larsen", Kind::Person)]);
        let m = by_name(&l, "Mette Larsen");
        assert_eq!((m.roles.as_slice(), m.affiliation.as_deref()), (["study's lead author".to_string()].as_slice(), None));
        let q = run("The Mariners signed quarterback Devon Price on Sunday.", &[("Mariners", Kind::Organization), ("Devon Price", Kind::Person)]);
        assert_eq!(by_name(&q, "Devon Price").roles, ["quarterback"]);
        let o = by_name(&es6, "Dale Ortiz");
        assert_eq!((o.roles.as_slice(), o.affiliation.as_deref()), (["spokesman".to_string()].as_slice(), Some("Halvorsen Semiconductor")));
        // A possessive role before an honorific, with its modifiers.
        let h = run("Meridian Therapeutics paused the trial. \"Safety first,\" the company's chief medical officer, Dr. Raj Patel, said.", &[("Meridian Therapeutics", Kind::Organization), ("Raj Patel", Kind::Person)]);
        let p = by_name(&h, "Raj Patel");
        assert_eq!((p.roles.as_slice(), p.affiliation.as_deref()), (["chief medical officer".to_string()].as_slice(), Some("Meridian Therapeutics")));
        // A chain's executive works for the company named last.
        let h = run("Harlan & Co. will close stores. The chain's chief executive, Andrea Voss, agreed.", &[("Harlan & Co.", Kind::Organization), ("Andrea Voss", Kind::Person)]);
        assert_eq!(by_name(&h, "Andrea Voss").affiliation.as_deref(), Some("Harlan & Co."));
        // Not an outlet only cited since.
        let h = run("Friends of Abe closed. According to The Guardian, an email was sent from the club's executive director, Jeremy Boreing.", &[("Friends of Abe", Kind::Organization), ("Guardian", Kind::Organization), ("Jeremy Boreing", Kind::Person)]);
        assert_eq!(by_name(&h, "Jeremy Boreing").affiliation.as_deref(), Some("Friends of Abe"));
        // After the place the name is of.
        let g = run("Senator Chuck Schumer of New York, the minority leader, said so.", &[("Chuck Schumer", Kind::Person), ("New York", Kind::Place)]);
        assert_eq!(by_name(&g, "Chuck Schumer").roles, ["senator", "minority leader"]);
        let g = run("One of them, Senator Lisa Murkowski of Alaska, said through a spokeswoman that she would not comment.", &[("Lisa Murkowski", Kind::Person), ("Alaska", Kind::Place)]);
        assert_eq!(by_name(&g, "Lisa Murkowski").roles, ["senator"]);
        // The place an elected office is of.
        let g = run("Minnesota Governor Tim Walz praised the deal.", &[("Minnesota", Kind::Place), ("Tim Walz", Kind::Person)]);
        assert_eq!(by_name(&g, "Tim Walz").affiliation.as_deref(), Some("Minnesota"));
        let es5 = run("Mark Zandi of Moody Analytics disagreed.", &[("Mark Zandi", Kind::Person), ("Moody Analytics", Kind::Organization)]);
        assert_eq!(by_name(&es5, "Mark Zandi").affiliation.as_deref(), Some("Moody Analytics"));
        let es2 = run("Apple CEO Tim Cook spoke. Tesla Chief Executive Elon Musk did not.", &[("Apple", Kind::Organization), ("Tim Cook", Kind::Person), ("Tesla", Kind::Organization), ("Elon Musk", Kind::Person)]);
        // The company named before the title (and an acronym's capitals kept).
        let c = by_name(&es2, "Tim Cook");
        assert_eq!((c.roles.as_slice(), c.affiliation.as_deref()), (["CEO".to_string()].as_slice(), Some("Apple")));
        let m = by_name(&es2, "Elon Musk");
        assert_eq!((m.roles.as_slice(), m.affiliation.as_deref()), (["chief executive".to_string()].as_slice(), Some("Tesla")));
        assert_eq!((w.roles.as_slice(), w.affiliation.as_deref()), (["general counsel".to_string()].as_slice(), Some("Google")));
        assert_eq!(by_name(&es, "Robert Oldendick").roles, ["University of South Carolina political science professor"]);
        assert_eq!(by_name(&es, "Robert Oldendick").affiliation.as_deref(), Some("University of South Carolina"));
        assert!(by_name(&es, "Stuart Stevens").roles.is_empty());
        let d = by_name(&es, "Anita Dunn");
        assert_eq!((d.roles.as_slice(), d.affiliation.as_deref()), (["partner at SKDKnickerbocker".to_string()].as_slice(), Some("SKDKnickerbocker")));
        assert_eq!(by_name(&es, "Alan Hartman").roles, ["partner at Centerview"]);
        assert_eq!(by_name(&es, "Benjamin Netanyahu").roles, ["prime minister"]);
        assert_eq!(by_name(&es, "Sara Fagen").roles, ["Republican strategist"]);
        // A long appositive; a predicate is none.
        let t = "“They will make noise,” said Bonnie Glaser, director of the Asia program at the German Marshall Fund of the United States. \
                 Jay Carney, is now senior vice president at Amazon.";
        let es = run(t, &[("Bonnie Glaser", Kind::Person), ("Jay Carney", Kind::Person), ("Amazon", Kind::Organization)]);
        assert_eq!(by_name(&es, "Bonnie Glaser").roles, ["director of the Asia program at the German Marshall Fund of the United States"]);
        assert!(by_name(&es, "Jay Carney").roles.is_empty());
    }

    /// "he" after a sentence with a speaker is the speaker, not the first
    /// person that sentence names ("Investigators believe Hale …, Thomas
    /// said. “…,” he said."); "said Trump will win" makes no speaker.
    #[test]
    fn he_is_the_last_speaker() {
        let t = "Investigators believe Hale was turned away from the club, Thomas said. \"This was senseless,\" he said. \
                 Ada Fisher said Trump will exceed expectations. \"I think so,\" she said.";
        let es = run(t, &[("Hale", Kind::Person), ("Thomas", Kind::Person), ("Ada Fisher", Kind::Person), ("Trump", Kind::Person)]);
        let he = t.find("he said").unwrap();
        let she = t.find("she said").unwrap();
        assert!(by_name(&es, "Thomas").mentions.iter().any(|m| m.start == he), "{:?}", es);
        assert!(by_name(&es, "Ada Fisher").mentions.iter().any(|m| m.start == she), "{:?}", es);
    }

    /// "It" as the subject of a verb of saying is the organisation named
    /// last; not an expletive "it", not after a document named since.
    #[test]
    fn organizations_say_it() {
        let t = "Twitter suspended the accounts. It said the posts broke its rules. It is clear that the rules changed. \
                 Twitter published a report on Friday. It said nothing new. It declined in almost every state.";
        let es = run(t, &[("Twitter", Kind::Organization), ("Twitter", Kind::Organization)]);
        let tw = by_name(&es, "Twitter");
        let pronouns: Vec<usize> = tw.mentions.iter().filter(|m| m.kind == MentionKind::Pronoun).map(|m| m.start).collect();
        assert_eq!(pronouns, [t.find("It said").unwrap()], "{:?}", mentions(tw, t));
        // Where it said it is no thing that says.
        let t = "Lumen AI said in a statement that it was cooperating. It did not deny that some data had been kept.";
        let es = run(t, &[("Lumen AI", Kind::Organization)]);
        assert!(mentions(by_name(&es, "Lumen AI"), t).contains(&"It".to_string()), "{es:?}");
    }

    #[test]
    fn name_variants_merge() {
        let t = "Ayatollah Ali Khamenei spoke. Later Khamenei left. The U.S. and the United States and America.";
        let es = run(t, &[("Ali Khamenei", Kind::Person), ("Khamenei", Kind::Person), ("U.S.", Kind::Place), ("United States", Kind::Place), ("America", Kind::Place)]);
        assert_eq!(es.len(), 2, "{es:?}");
        assert_eq!(mentions(by_name(&es, "Ali Khamenei"), t), ["Ali Khamenei", "Khamenei"]);
        assert_eq!(by_name(&es, "United States").mentions.len(), 3);
        // An agency by its name and its initials (or short name) is one.
        let t = "The Federal Reserve held rates. The Fed meets again in April. The FAA and the Federal Aviation Administration agreed.";
        let es = run(t, &[("Federal Reserve", Kind::Organization), ("Fed", Kind::Organization), ("FAA", Kind::Organization), ("Federal Aviation Administration", Kind::Organization)]);
        assert_eq!(es.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect::<Vec<_>>(), [("Federal Reserve", 2), ("Federal Aviation Administration", 2)]);
    }

    #[test]
    fn professions_are_roles() {
        let t = "Dr. Alan Greene, an endocrinologist at Johns Hopkins University, noted that. Mia Roth, a demographer, agreed.";
        let es = run(t, &[("Alan Greene", Kind::Person), ("Johns Hopkins University", Kind::Organization), ("Mia Roth", Kind::Person)]);
        let g = by_name(&es, "Alan Greene");
        assert_eq!((g.roles.as_slice(), g.affiliation.as_deref()), (["endocrinologist at Johns Hopkins University".to_string()].as_slice(), Some("Johns Hopkins University")));
        assert_eq!(by_name(&es, "Mia Roth").roles, ["demographer"]);
        let es = run("Ibrahim Sule, a rescue coordinator in Kogi State, said so.", &[("Ibrahim Sule", Kind::Person), ("Kogi State", Kind::Place)]);
        assert_eq!(by_name(&es, "Ibrahim Sule").roles, ["rescue coordinator in Kogi State"]);
    }

    /// A person's first role and affiliation ("" when none).
    fn role_of(es: &[Entity], name: &str) -> (String, String) {
        let e = by_name(es, name);
        (e.roles.first().cloned().unwrap_or_default(), e.affiliation.clone().unwrap_or_default())
    }

    #[test]
    fn officers_advocates_and_candidates_have_roles() {
        // (These had no role: "recorder", "advocate", "schoolteacher",
        // "candidate", "agent" were no heads, "sporting" and "environment" no
        // role words; a county's name lost its capital.)
        let t = "“I hope so,” said Gabriella Ruiz, the Pima County recorder. Freeze your credit, said Eva Lindqvist, a consumer advocate with the Public Interest Research Group. \
                 Dortmund's sporting director, Lars Ricken, agreed. India's environment minister, Bhupender Yadav, said no. The Democratic candidate, Rosa Delgado, won.";
        let es = run(
            t,
            &[
                ("Gabriella Ruiz", Kind::Person),
                ("Pima County", Kind::Organization),
                ("Eva Lindqvist", Kind::Person),
                ("Public Interest Research Group", Kind::Organization),
                ("Dortmund", Kind::Organization),
                ("Lars Ricken", Kind::Person),
                ("India", Kind::Place),
                ("Bhupender Yadav", Kind::Person),
                ("Rosa Delgado", Kind::Person),
            ],
        );
        let role = |n: &str| role_of(&es, n);
        assert_eq!(role("Gabriella Ruiz"), ("Pima County recorder".into(), "Pima County".into()));
        assert_eq!(role("Eva Lindqvist"), ("consumer advocate with the Public Interest Research Group".into(), "Public Interest Research Group".into()));
        assert_eq!(role("Lars Ricken"), ("sporting director".into(), "Dortmund".into()));
        assert_eq!(role("Bhupender Yadav"), ("environment minister".into(), "India".into()));
        assert_eq!(role("Rosa Delgado"), ("candidate".into(), String::new()));
        // A clause after the comma is no appositive.
        // A second role after "and one of" is cut ("… and one of the study's
        // authors" had been in the role).
        let es = run("Dr. Mingyang Song, an epidemiologist at Harvard University and one of the study's authors, said so.", &[("Mingyang Song", Kind::Person), ("Harvard University", Kind::Organization)]);
        assert_eq!(role_of(&es, "Mingyang Song"), ("epidemiologist at Harvard University".into(), "Harvard University".into()));
        // The holder of the possessor's role ("mayor" had been the
        // affiliation).
        let es = run("Mayor Richard Kowalczyk denied it. The mayor's lawyer, Patricia Hume, pressed the witness.", &[("Richard Kowalczyk", Kind::Person), ("Patricia Hume", Kind::Person)]);
        assert_eq!(by_name(&es, "Patricia Hume").affiliation.as_deref(), Some("Richard Kowalczyk"));
        // The name a "whose" stands for ("chairman" had had none).
        let es = run("It faces a group, Columbus Taxpayers United, whose chairman, Douglas Reed, objected.", &[("Columbus Taxpayers United", Kind::Organization), ("Douglas Reed", Kind::Person)]);
        assert_eq!(role_of(&es, "Douglas Reed"), ("chairman".into(), "Columbus Taxpayers United".into()));
        // A body's name before the role ("spokesman" had had none).
        let es = run("A National Security Council spokesman, John Kirby, declined to discuss it.", &[("National Security Council", Kind::Organization), ("John Kirby", Kind::Person)]);
        assert_eq!(role_of(&es, "John Kirby"), ("spokesman".into(), "National Security Council".into()));
        // A possessor's whole name ("Basket" had been the affiliation).
        let es = run("Fresh Basket's chief executive, Mark Jensen, told employees.", &[("Fresh Basket", Kind::Organization), ("Mark Jensen", Kind::Person)]);
        assert_eq!(by_name(&es, "Mark Jensen").affiliation.as_deref(), Some("Fresh Basket"));
        let es = run("Voters like Bernie Sanders, they are hearing a candidate. Merrick Garland, because Republicans want a nominee, waits.", &[("Bernie Sanders", Kind::Person), ("Merrick Garland", Kind::Person)]);
        assert!(by_name(&es, "Bernie Sanders").roles.is_empty() && by_name(&es, "Merrick Garland").roles.is_empty());
    }

    #[test]
    fn initials_are_the_organisation_named_before() {
        // "F.T.C." had been a place of its own.
        let t = "The Federal Trade Commission sued. Lina Patel, the chair of the F.T.C., called it a victory. The FTC will appeal.";
        let es = run(t, &[("Federal Trade Commission", Kind::Organization), ("Lina Patel", Kind::Person), ("F.T.C.", Kind::Place), ("FTC", Kind::Organization)]);
        let ftc = by_name(&es, "Federal Trade Commission");
        assert_eq!(mentions(ftc, t), ["Federal Trade Commission", "F.T.C.", "FTC"]);
        assert_eq!(by_name(&es, "Lina Patel").affiliation.as_deref(), Some("Federal Trade Commission"));
    }

    #[test]
    fn group_heads_are_plurals_in_s() {
        assert!(GROUP_HEADS.iter().all(|h| h.ends_with('s') || *h == "spokesmen"));
    }

    #[test]
    fn a_group_qualified_by_a_name_after_it() {
        let t = "Researchers at the University of Copenhagen followed 180,000 workers. They found a link. Officials said so.";
        let es = run(t, &[("University of Copenhagen", Kind::Organization)]);
        let g = by_name(&es, "Researchers at the University of Copenhagen");
        assert_eq!((g.kind, g.affiliation.as_deref()), (Kind::Group, Some("University of Copenhagen")));
        assert_eq!(mentions(g, t), ["Researchers at the University of Copenhagen", "They"]);
        // A bare head is none, nor one in a line of capitals.
        assert_eq!(es.len(), 2, "{es:?}");
        let t = "Analysts at Barrow & Finch wrote that the cost was manageable.";
        let es = run(t, &[("Barrow & Finch", Kind::Organization)]);
        assert_eq!(by_name(&es, "Analysts at Barrow & Finch").affiliation.as_deref(), Some("Barrow & Finch"));
        let es = run("The local teachers union endorsed it.", &[]);
        assert!(es.is_empty(), "{es:?}");
        // Not into the paragraph before (an "X." had opened the group).
        let t = "She wrote on X.\n\nEconomists at the Institute for Fiscal Studies have estimated the cost.";
        let es = run(t, &[("Institute for Fiscal Studies", Kind::Organization)]);
        assert!(es.iter().any(|e| e.name == "Economists at the Institute for Fiscal Studies"), "{es:?}");
        let es = run("DR. OZ HAS BEEN CALLED OUT BY FELLOW DOCTORS.", &[]);
        assert!(es.is_empty(), "{es:?}");
    }

    #[test]
    fn a_quotation_closing_after_a_name_ends_its_appositive() {
        let t = "\"The president has full confidence in Ms. Benton,\" the White House press secretary, Nadia Flores, said. White House officials agreed.";
        let es = run(t, &[("Benton", Kind::Person), ("White House", Kind::Organization), ("Nadia Flores", Kind::Person), ("White House", Kind::Organization)]);
        assert!(by_name(&es, "Benton").roles.is_empty(), "{es:?}");
        assert_eq!(by_name(&es, "Nadia Flores").roles, ["White House press secretary"]);
        assert_eq!(by_name(&es, "White House officials").affiliation.as_deref(), Some("White House"));
    }

    #[test]
    fn a_team_by_its_plural() {
        let t = "The Seattle Mariners traded him to the New York Yankees. The Mariners' manager agreed. The Yankees declined to comment.";
        let es = run(t, &[("Seattle Mariners", Kind::Organization), ("New York Yankees", Kind::Organization), ("Mariners", Kind::Organization), ("Yankees", Kind::Organization)]);
        assert_eq!(es.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect::<Vec<_>>(), [("Seattle Mariners", 2), ("New York Yankees", 2)]);
    }

    #[test]
    fn a_company_by_its_first_words_is_the_company() {
        let t = "Halvorsen Semiconductor cut its forecast. Halvorsen expects less. Goldman Sachs Group rose and Goldman Sachs fell.";
        let es = run(t, &[("Halvorsen Semiconductor", Kind::Organization), ("Halvorsen", Kind::Organization), ("Goldman Sachs Group", Kind::Organization), ("Goldman Sachs", Kind::Organization)]);
        assert_eq!(es.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect::<Vec<_>>(), [("Halvorsen Semiconductor", 2), ("Goldman Sachs Group", 2)]);
        // Not a body's first word ("the Senate" is no committee), nor a
        // word that opens two companies' names.
        let t = "The Senate Judiciary Committee met. The Senate voted. Acme Foods and Acme Bank grew. Acme fell.";
        let es = run(t, &[("Senate Judiciary Committee", Kind::Organization), ("Senate", Kind::Organization), ("Acme Foods", Kind::Organization), ("Acme Bank", Kind::Organization), ("Acme", Kind::Organization)]);
        assert_eq!(es.len(), 5, "{es:?}");
        // "Wireless", "Markets" end companies' names too ("Meridian" had
        // been an organisation of its own).
        let t = "Meridian Wireless said hackers took data. Meridian declined to comment. Northway Markets rose; Northway said so.";
        let es = run(t, &[("Meridian Wireless", Kind::Organization), ("Meridian", Kind::Organization), ("Northway Markets", Kind::Organization), ("Northway", Kind::Organization)]);
        assert_eq!(es.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect::<Vec<_>>(), [("Meridian Wireless", 2), ("Northway Markets", 2)]);
    }

    #[test]
    fn descriptions_resolve_to_the_person_with_that_role() {
        let t = "President Obama wrote to Iranian supreme leader Ali Khamenei. The president now has a motive to write to the Iranian leader.";
        let es = run(t, &[("Obama", Kind::Person), ("Iranian", Kind::Misc), ("Ali Khamenei", Kind::Person)]);
        assert_eq!(mentions(by_name(&es, "Obama"), t), ["Obama", "The president"]);
        assert_eq!(mentions(by_name(&es, "Ali Khamenei"), t), ["Ali Khamenei", "the Iranian leader"]);
    }

    #[test]
    fn a_title_before_a_name_is_not_a_description() {
        let t = "President Obama spoke. The president Barack Obama is here.";
        let es = run(t, &[("Obama", Kind::Person), ("Barack Obama", Kind::Person)]);
        assert!(mentions(&es[0], t).iter().all(|m| m != "The president"), "{:?}", mentions(&es[0], t));
    }

    #[test]
    fn pronouns_follow_the_subject_across_sentences_and_the_nearest_name_within() {
        let t = "Josh Earnest, the press secretary, said he could not comment on “any letter to President Obama.”\n\nHe noted that talks continue. Obama sought Khamenei’s help, and his aides agreed.";
        let es = run(t, &[("Josh Earnest", Kind::Person), ("Obama", Kind::Person), ("Obama", Kind::Person), ("Khamenei", Kind::Person)]);
        let earnest = by_name(&es, "Josh Earnest");
        // The appositive description is a mention of him too.
        assert_eq!(mentions(earnest, t), ["Josh Earnest", "the press secretary", "he", "He"]);
        let kh = by_name(&es, "Khamenei");
        assert_eq!(mentions(kh, t), ["Khamenei", "his"]);
    }

    #[test]
    fn collective_sources_are_groups_and_they_refer_to_them() {
        let t = "Iranian officials declined to comment. They met on Monday. A deal is the top priority, according to presidential aides. Senior administration officials said so.";
        let es = run(t, &[("Iranian", Kind::Misc)]);
        let iran = by_name(&es, "Iranian officials");
        assert_eq!(iran.kind, Kind::Group);
        assert_eq!(iran.affiliation.as_deref(), Some("Iran"));
        assert_eq!(mentions(iran, t), ["Iranian officials", "They"]);
        assert_eq!(by_name(&es, "presidential aides").affiliation.as_deref(), Some("the president"));
        assert_eq!(by_name(&es, "Senior administration officials").kind, Kind::Group);
        // A bare head is not a group.
        let es = run("Officials said so.", &[]);
        assert!(es.is_empty(), "{es:?}");
    }

    #[test]
    fn media_outlets_are_marked() {
        let es = run("The report, in the Wall Street Journal, said so.", &[("Wall Street Journal", Kind::Organization)]);
        assert!(es[0].media);
        let es = run("The White House said so.", &[("White House", Kind::Organization)]);
        assert!(!es[0].media);
    }
}
