//! One person or organisation across articles: comparable name keys and the
//! rules that merge names, each merge with the reason a person can read.

use std::collections::HashMap;

/// Titles and honorifics dropped from the front of a person's name.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "president", "vice", "gov", "governor", "sen", "senator",
    "rep", "representative", "mayor", "judge", "justice", "gen", "general", "col", "capt", "captain", "lt", "sgt", "rev", "chief",
    "secretary", "minister", "prime", "councilman", "councilwoman", "councillor", "commissioner", "sheriff", "pope", "king", "queen",
    "prince", "princess", "lord", "lady", "ambassador", "chancellor", "speaker", "attorney", "deputy", "former", "sens", "reps",
];
/// Suffixes dropped from the end of a person's name.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"];
/// Legal-form words dropped from the end of an organisation's name.
const ORG_SUFFIXES: &[&str] = &["inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "lp", "llp", "ag", "sa", "nv"];
/// Words left out when an organisation's name is read as an acronym.
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "on", "in", "&"];

/// Fold a few common accented Latin letters to ASCII, so "José" and "Jose" meet.
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        _ => c,
    }
}

/// Words of a name, lower-cased, accents folded, apostrophes joined
/// ("O’Brien" → "obrien"), a final possessive dropped.
fn name_words(name: &str) -> Vec<String> {
    if name.is_ascii() {
        // Most names: one lower-cased copy, words cut from it (ASCII has
        // nothing to fold and no typographic apostrophe).
        let lower = name.to_ascii_lowercase();
        let mut rest = lower.as_str();
        while let Some(r) = rest.strip_suffix("'s") {
            rest = r;
        }
        return rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '&'))
            .filter(|w| w.bytes().any(|b| b != b'\''))
            .map(|w| if w.contains('\'') { w.replace('\'', "") } else { w.to_string() })
            .collect();
    }
    words_general(name)
}

/// [`name_words`] for any name (Unicode lower-casing, folding, both
/// apostrophes).
fn words_general(name: &str) -> Vec<String> {
    let lower: String = name.to_lowercase().chars().map(fold).collect();
    let lower = lower.trim_end_matches("'s").trim_end_matches("’s").to_string();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '&'))
        .map(|w| w.chars().filter(|c| *c != '\'' && *c != '’').collect::<String>())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The key under which names of one kind are compared across articles: for a
/// person, the name without titles, suffixes and middle initials ("President
/// Barack H. Obama" → "barack obama"); for an organisation, without a leading
/// "the" and a legal form ("The Acme Corp." → "acme"); otherwise the folded
/// words.
pub fn name_key(name: &str, kind: &str) -> String {
    let mut w = name_words(name);
    match kind {
        "person" => {
            while w.len() > 1 && TITLES.contains(&w[0].as_str()) {
                w.remove(0);
            }
            while w.len() > 1 && SUFFIXES.contains(&w[w.len() - 1].as_str()) {
                w.pop();
            }
            if w.len() > 2 {
                let keep: Vec<String> = w.iter().enumerate().filter(|(i, x)| *i == 0 || *i == w.len() - 1 || x.chars().count() > 1).map(|(_, x)| x.clone()).collect();
                w = keep;
            }
        }
        "organization" => {
            if w.len() > 1 && w[0] == "the" {
                w.remove(0);
            }
            while w.len() > 1 && ORG_SUFFIXES.contains(&w[w.len() - 1].as_str()) {
                w.pop();
            }
        }
        _ => {
            if w.len() > 1 && w[0] == "the" {
                w.remove(0);
            }
        }
    }
    w.join(" ")
}

/// One distinct name as used in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameUse {
    /// Entity type (`person`, `organization`, …).
    pub kind: String,
    /// The name as written.
    pub name: String,
    /// How many articles use it.
    pub count: u64,
}

/// Where one name belongs: the corpus entity (its kind and key), the name it
/// is shown under, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The corpus entity's kind.
    pub kind: String,
    /// The corpus entity's key (see [`name_key`]).
    pub key: String,
    /// The corpus entity's display name: its most used full name.
    pub display: String,
    /// Why this name belongs to it.
    pub reason: String,
    /// The name's own probe ([`name_probe`]), else its own key: what names
    /// whose resolutions depend on each other share.
    pub probe: String,
}

/// The name under which a name of this kind and [`name_key`] meets the
/// others in [`resolve_names`]: a multi-word person's surname, a
/// multi-word organisation's initials (two or more), a one-word name its
/// key (a lone surname, an acronym); `None` for others (places, one
/// initial). Names whose resolutions depend on each other share a key or a
/// probe.
pub fn name_probe(kind: &str, key: &str) -> Option<String> {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    match (kind, words.len()) {
        (_, 0) => None,
        ("person" | "organization", 1) => Some(key.to_string()),
        ("person", _) => Some(words[words.len() - 1].to_string()),
        ("organization", _) => {
            let initials: String = words.iter().filter(|w| !ACRONYM_SKIP.contains(w)).filter_map(|w| w.chars().next()).collect();
            (initials.chars().count() >= 2).then_some(initials)
        }
        _ => None,
    }
}

/// Resolve distinct names to corpus entities. Names with the same kind and
/// [`name_key`] are one entity. A person's lone surname ("Obama") joins the
/// only person of the corpus with that surname ("Barack Obama"), and an
/// organisation's acronym ("FBI") the only organisation whose initials it is;
/// when several would fit, the name stays an entity of its own and the reason
/// says so. The result is in the order of `names` and does not depend on it.
pub fn resolve_names(names: &[NameUse]) -> Vec<Resolution> {
    // Groups by (kind, key), each with its best display name: the most used
    // spelling; ties go to the longer, then the alphabetically first.
    let keys: Vec<String> = names.iter().map(|n| name_key(&n.name, &n.kind)).collect();
    let mut spellings: HashMap<(String, String), HashMap<&str, u64>> = HashMap::new();
    for (n, key) in names.iter().zip(&keys) {
        *spellings.entry((n.kind.clone(), key.clone())).or_default().entry(n.name.as_str()).or_default() += n.count;
    }
    let groups: HashMap<(String, String), (String, u64)> = spellings
        .into_iter()
        .map(|(gk, s)| {
            let total = s.values().sum();
            // A spelling in capitals only (a dateline's "FENWICK") is shown only when there is no other.
            let cased = |n: &str| n.chars().any(|c| c.is_lowercase());
            let best = s
                .into_iter()
                .max_by(|a, b| (cased(a.0), a.1, a.0.chars().count(), std::cmp::Reverse(a.0)).cmp(&(cased(b.0), b.1, b.0.chars().count(), std::cmp::Reverse(b.0))))
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            (gk, (best, total))
        })
        .collect();
    // Surnames and acronyms of multi-word entities.
    let mut by_surname: HashMap<String, Vec<&(String, String)>> = HashMap::new();
    let mut by_initials: HashMap<String, Vec<&(String, String)>> = HashMap::new();
    for gk in groups.keys() {
        let words: Vec<&str> = gk.1.split(' ').filter(|w| !w.is_empty()).collect();
        if words.len() < 2 {
            continue;
        }
        if gk.0 == "person" {
            by_surname.entry(words[words.len() - 1].to_string()).or_default().push(gk);
        } else if gk.0 == "organization" {
            let initials: String = words.iter().filter(|w| !ACRONYM_SKIP.contains(w)).filter_map(|w| w.chars().next()).collect();
            if initials.chars().count() >= 2 {
                by_initials.entry(initials).or_default().push(gk);
            }
        }
    }
    let mut sorted = |v: &mut Vec<&(String, String)>| v.sort();
    by_surname.values_mut().for_each(&mut sorted);
    by_initials.values_mut().for_each(&mut sorted);

    names
        .iter()
        .zip(&keys)
        .map(|(n, key)| {
            let gk = (n.kind.clone(), key.clone());
            let display = groups[&gk].0.clone();
            let probe = name_probe(&n.kind, key).unwrap_or_else(|| key.clone());
            let own = |reason: String| Resolution { kind: n.kind.clone(), key: key.clone(), display: display.clone(), reason, probe: probe.clone() };
            let single = !key.contains(' ') && !key.is_empty();
            let target = match n.kind.as_str() {
                "person" if single => by_surname.get(key).map(|v| (v, "surname")),
                "organization" if single && n.name.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) => {
                    by_initials.get(key).map(|v| (v, "acronym"))
                }
                _ => None,
            };
            match target {
                Some((v, what)) if v.len() == 1 => {
                    let t = v[0];
                    let tdisplay = groups[t].0.clone();
                    let reason = if what == "surname" {
                        format!("“{}” gives only the surname of {tdisplay}, the only person of that surname in the corpus", n.name)
                    } else {
                        format!("“{}” is the acronym of {tdisplay}, the only organisation with those initials in the corpus", n.name)
                    };
                    Resolution { kind: t.0.clone(), key: t.1.clone(), display: tdisplay, reason, probe }
                }
                Some((v, what)) => {
                    let list: Vec<String> = v.iter().map(|t| groups[*t].0.clone()).collect();
                    own(format!("“{}” could be the {what} of several: {}; kept apart", n.name, list.join(", ")))
                }
                None if n.name == display => own("its own name".to_string()),
                None => own(format!("“{}” and “{display}” are the same name once titles, initials and case are set aside", n.name)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(kind: &str, name: &str, count: u64) -> NameUse {
        NameUse { kind: kind.into(), name: name.into(), count }
    }

    #[test]
    fn keys_drop_titles_initials_and_legal_forms() {
        assert_eq!(name_key("President Barack H. Obama", "person"), "barack obama");
        assert_eq!(name_key("Mr. O’Brien", "person"), "obrien");
        assert_eq!(name_key("Martin Luther King Jr.", "person"), "martin luther king");
        assert_eq!(name_key("José Álvarez", "person"), "jose alvarez");
        assert_eq!(name_key("The Acme Corp.", "organization"), "acme");
        assert_eq!(name_key("the Wall Street Journal", "organization"), "wall street journal");
        assert_eq!(name_key("Iran's", "place"), "iran");
    }

    #[test]
    fn surnames_and_acronyms_join_the_only_fit() {
        let names = [
            u("person", "Barack Obama", 3),
            u("person", "President Obama", 1),
            u("person", "Obama", 5),
            u("person", "Josh Earnest", 1),
            u("person", "Earnest", 2),
            u("organization", "Federal Bureau of Investigation", 1),
            u("organization", "FBI", 2),
            u("person", "Ann Lee", 1),
            u("person", "Tom Lee", 1),
            u("person", "Lee", 1),
        ];
        let r = resolve_names(&names);
        assert_eq!(r[1].key, "barack obama");
        assert!(r[1].reason.contains("surname"), "{}", r[1].reason);
        assert!(resolve_names(&[u("person", "Barack Obama", 2), u("person", "BARACK  OBAMA", 1)])[1].reason.contains("same name"));
        assert_eq!((r[2].key.as_str(), r[2].display.as_str()), ("barack obama", "Barack Obama"));
        assert!(r[2].reason.contains("surname"));
        assert_eq!(r[4].key, "josh earnest");
        assert_eq!(r[6].key, "federal bureau of investigation");
        assert!(r[6].reason.contains("acronym"));
        assert_eq!(r[9].key, "lee");
        assert!(r[9].reason.contains("several: Ann Lee, Tom Lee"), "{}", r[9].reason);
        assert_eq!(r[0].reason, "its own name");
    }

    #[test]
    fn the_result_does_not_depend_on_order() {
        let caps = resolve_names(&[u("place", "FENWICK", 3), u("place", "Fenwick", 1)]);
        assert_eq!(caps[0].display, "Fenwick", "capitals only are the dateline's, not the name's spelling");
        let mut names = vec![u("person", "Obama", 5), u("person", "Barack Obama", 3), u("person", "barack obama", 3)];
        let a = resolve_names(&names);
        names.reverse();
        let mut b = resolve_names(&names);
        b.reverse();
        assert_eq!(a.iter().map(|r| (&r.key, &r.display)).collect::<Vec<_>>(), b.iter().map(|r| (&r.key, &r.display)).collect::<Vec<_>>());
    }

    /// The names sharing a probe (else a key) with a name, resolved alone,
    /// resolve as among all names: what a store resolves when a few
    /// articles come in.
    #[test]
    fn names_resolve_among_those_sharing_a_key_or_probe_as_among_all() {
        let all: Vec<NameUse> = [
            ("person", "Barack Obama", 5),
            ("person", "President Obama", 2),
            ("person", "Obama", 9),
            ("person", "Michelle Obama", 1),
            ("person", "Josh Earnest", 3),
            ("person", "Earnest", 4),
            ("organization", "Federal Bureau of Investigation", 2),
            ("organization", "FBI", 6),
            ("organization", "Fbi", 1),
            ("organization", "Central Intelligence Agency", 1),
            ("organization", "CIA", 2),
            ("place", "Tehran", 3),
        ]
        .iter()
        .map(|(k, n, c)| NameUse { kind: (*k).into(), name: (*n).into(), count: *c })
        .collect();
        let global = resolve_names(&all);
        for new in &all {
            // As the store finds them: by a probe, or the key where there is none.
            let probe = |n: &NameUse| {
                let key = name_key(&n.name, &n.kind);
                name_probe(&n.kind, &key).unwrap_or(key)
            };
            let key = name_key(&new.name, &new.kind);
            let mut probes = vec![probe(new)];
            if !key.contains(' ') {
                probes.push(key.clone());
            }
            let closed: Vec<usize> = (0..all.len()).filter(|&i| all[i].kind == new.kind && probes.contains(&probe(&all[i]))).collect();
            let uses: Vec<NameUse> = closed.iter().map(|&i| all[i].clone()).collect();
            let local = resolve_names(&uses);
            for (j, &i) in closed.iter().enumerate() {
                assert_eq!(local[j], global[i], "{} among those of {}", all[i].name, new.name);
            }
        }
        assert_eq!(name_probe("person", "barack obama").as_deref(), Some("obama"));
        assert_eq!(name_probe("organization", "federal bureau of investigation").as_deref(), Some("fbi"));
        assert_eq!(name_probe("place", "tehran"), None);
    }

    proptest::proptest! {
        /// An ASCII name has the words the general path gives it.
        #[test]
        fn ascii_names_have_the_general_paths_words(name in "[A-Za-z0-9 '&.,-]{0,24}(s|'s|'s's|')?") {
            proptest::prop_assert_eq!(name_words(&name), words_general(&name));
        }
    }
}
