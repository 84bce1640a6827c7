//! Names in the text: the shipped entity tagger (`dossier-ner`) run over the
//! sentences, its spans turned into [`NameSpan`]s over the document's tokens.

use std::collections::HashMap;
use std::sync::LazyLock;

use dossier_ner::{EntityType, Tagger};

use crate::doc::Doc;
use crate::entities::{Kind, NameSpan};

/// Tag the names of a document with the shipped model.
pub fn find(doc: &Doc) -> Vec<NameSpan> {
    find_with(Tagger::shipped(), doc)
}

/// Organisations the tagger often calls places or misses, matched as whole
/// token sequences (news metonymy: "the White House said").
const ORGANIZATIONS: &[&str] = &[
    "White House", "Kremlin", "Pentagon", "Congress", "Senate", "House of Representatives", "State Department",
    "Justice Department", "Defense Department", "Treasury Department", "Homeland Security", "Islamic State", "ISIS",
    "ISIL", "Hamas", "Hezbollah", "Taliban", "al-Qaeda", "al Qaeda", "NATO", "United Nations", "U.N.",
    "European Union", "Federal Reserve", "Supreme Court", "FBI", "CIA", "NSA", "Downing Street", "Elysee",
    "Democratic Party", "Republican Party", "GOP", "Democrats", "Republicans",
];

/// Companies and bodies in today's news that the tagger (trained on 1996
/// newswire) misses or takes for persons or places: "Microsoft said …" at a
/// sentence's start, "Google" anywhere. Words that are as often something
/// else are left out ("Snap", "Zoom", "Target", "Shell", "Ford",
/// "Bloomberg", "Signal"); "Amazon" after "the" is the river's.
const COMPANIES: &[&str] = &[
    "Google", "Alphabet", "Facebook", "Meta", "Instagram", "WhatsApp", "YouTube", "Twitter", "TikTok", "ByteDance",
    "Snapchat", "Reddit", "LinkedIn", "Microsoft", "Apple", "Amazon", "Netflix", "Uber", "Lyft", "Airbnb", "Tesla",
    "SpaceX", "OpenAI", "Anthropic", "Nvidia", "Intel", "IBM", "Oracle", "Samsung", "Huawei", "Alibaba", "Tencent",
    "Baidu", "Xiaomi", "Sony", "Spotify", "PayPal", "eBay", "Yahoo", "Salesforce", "Pinterest", "Wikipedia",
    "WikiLeaks", "Qualcomm", "Cisco", "Adobe", "Boeing", "Airbus", "Pfizer", "Moderna", "BioNTech", "AstraZeneca",
    "Walmart", "Starbucks", "McDonald's", "McDonald’s", "Disney", "Comcast", "Verizon", "AT&T", "ExxonMobil", "Exxon",
    "Chevron", "Goldman Sachs", "JPMorgan", "JPMorgan Chase", "Morgan Stanley", "Citigroup", "BlackRock", "Volkswagen",
    "Toyota", "Nike", "Mastercard", "FedEx", "Gazprom", "Rosneft", "Aramco", "EPA", "FDA", "CDC", "IRS", "SEC", "FTC",
    "FCC", "NIH", "IMF", "World Bank", "OPEC", "Interpol", "Europol", "NASA", "Amnesty International",
    "Human Rights Watch", "Greenpeace", "Lancet", "JAMA", "New England Journal of Medicine",
];

/// Words that make the name after them a person's.
const PERSON_TITLES: &[&str] = &[
    "President", "Sen.", "Senator", "Gov.", "Governor", "Rep.", "Mr.", "Mrs.", "Ms.", "Dr.", "Secretary", "Minister",
    "Ayatollah", "Chancellor", "Mayor", "Judge", "Justice", "Gen.", "General", "Col.", "Pope", "King", "Queen",
    "Prince", "Sheikh", "Rev.", "Prof.", "Premier", "Speaker", "Vice", "Lt.", "Sgt.", "Capt.",
];

/// Tag the names of a document with a given model, then apply the rules the
/// tagger (trained on 1996 newswire) needs for today's news: streets and
/// towns, known organisations and today's companies, a title makes a
/// person, no e-mail addresses, chambers apart from their leaders' titles,
/// frames only a company fits, one sense per name per document,
/// organisations' first words, datelines, places people live in, and a name
/// found once found again where the tagger missed it.
pub fn find_with(tagger: &Tagger, doc: &Doc) -> Vec<NameSpan> {
    let mut spans = tag(tagger, doc);
    streets_are_places(doc, &mut spans);
    known_organizations(doc, &mut spans);
    known_companies(doc, &mut spans);
    newspapers(doc, &mut spans);
    diseases(doc, &mut spans);
    persons_of_places(doc, &mut spans);
    products_and_carriers(doc, &mut spans);
    industry_names(doc, &mut spans);
    bodies_named_for(doc, &mut spans);
    first_names_make_persons(doc, &mut spans);
    given_names_in_speakers_frames(doc, &mut spans);
    titles_make_persons(doc, &mut spans);
    spans.retain(|s| !((s.start..s.end).any(|i| doc.w(i).contains('@')) || s.end == s.start + 1 && is_party_and_state(doc.w(s.start)) || is_chief_title(doc, s) || is_common_opener(doc, s)));
    chambers_before_titles(doc, &mut spans);
    laws_slogans_and_titles(doc, &mut spans);
    companies_by_their_frames(doc, &mut spans);
    one_sense_per_name(doc, &mut spans);
    first_words_of_organizations(doc, &mut spans);
    datelines_are_places(doc, &mut spans);
    demonyms_of_places(doc, &mut spans);
    places_after_prepositions(doc, &mut spans);
    coordinated_names(doc, &mut spans);
    names_found_elsewhere(doc, &mut spans);
    spans
}

/// "the Harvard T.H. Chan School of Public Health": a name right before a
/// body's word ("School", "Institute", "Center" …) is the body's name, on
/// through "of" and the capitalised words after it (the tagger had a person
/// "Harvard T.H. Chan" and an organisation "Public Health").
fn bodies_named_for(doc: &Doc, spans: &mut Vec<NameSpan>) {
    let n = doc.tokens.len();
    let mut i = 0;
    while i < spans.len() {
        let s = spans[i];
        // (Not a people's adjective, "the Egyptian Museum" of CoNLL's
        // annotators, nor a longer name, "Paris School District".)
        let body = s.kind != Kind::Misc
            && s.end < n
            && matches!(doc.w(s.end), "School" | "Institute" | "Center" | "Centre" | "Foundation" | "Hospital" | "Clinic" | "College" | "Museum" | "Library")
            && !(s.end + 1 < n && doc.w(s.end + 1).starts_with(char::is_uppercase));
        if !body {
            i += 1;
            continue;
        }
        let mut end = s.end + 1;
        if end + 1 < n && doc.w(end) == "of" && doc.w(end + 1).starts_with(char::is_uppercase) {
            end += 1;
            while end < n && (doc.w(end).starts_with(char::is_uppercase) || matches!(doc.w(end), "and" | "&") && end + 1 < n && doc.w(end + 1).starts_with(char::is_uppercase)) && doc.sentence_start(end) == doc.sentence_start(s.start) {
                end += 1;
            }
        }
        spans[i] = NameSpan { start: s.start, end, kind: Kind::Organization };
        // Spans the body's name now covers go.
        let mut j = i + 1;
        while j < spans.len() && spans[j].start < end {
            if spans[j].end <= end {
                spans.remove(j);
            } else {
                j += 1;
            }
        }
        i += 1;
    }
}

/// "The companies, Northway Markets and Fresh Basket, said …": an
/// organisation's span that joins two names with "and" is two names when
/// one of them stands alone elsewhere in the document ("Procter and
/// Gamble", "the Department of Health and Human Services" stay whole).
fn coordinated_names(doc: &Doc, spans: &mut Vec<NameSpan>) {
    let mut split = Vec::new();
    for (si, s) in spans.iter().enumerate() {
        if s.kind != Kind::Organization || s.end < s.start + 5 {
            continue;
        }
        let Some(j) = (s.start + 2..s.end - 2).find(|&k| doc.w(k) == "and") else { continue };
        if (s.start..s.end).any(|k| matches!(doc.w(k), "of" | "for" | "&")) {
            continue;
        }
        let words = |x: usize, y: usize| (x..y).map(|k| doc.w(k)).collect::<Vec<_>>();
        let alone = |part: Vec<&str>| {
            spans.iter().enumerate().any(|(oi, o)| oi != si && o.end - o.start == part.len() && (o.start..o.end).map(|k| doc.w(k)).eq(part.iter().copied()))
                || (0..doc.tokens.len().saturating_sub(part.len())).filter(|&i| i + part.len() <= s.start || i >= s.end).any(|i| part.iter().enumerate().all(|(k, w)| doc.w(i + k) == *w) && (i == 0 || !doc.w(i - 1).starts_with(char::is_uppercase)))
        };
        if alone(words(j + 1, s.end)) || alone(words(s.start, j)) {
            split.push((si, j));
        }
    }
    for &(si, j) in split.iter().rev() {
        let s = spans[si];
        spans[si] = NameSpan { start: s.start, end: j, kind: s.kind };
        spans.insert(si + 1, NameSpan { start: j + 1, end: s.end, kind: s.kind });
    }
}

/// A name the tagger found in one place is the same name where the
/// document writes it again and the tagger found nothing (it misses a
/// name it does not know at a sentence's start: "Microsoft said on
/// Tuesday …" beside "shares of Microsoft"): each untagged run of tokens
/// equal to a found name, not part of a longer run of capitalised words,
/// gets that name's kind.
fn names_found_elsewhere(doc: &Doc, spans: &mut Vec<NameSpan>) {
    let n = doc.tokens.len();
    let mut covered = vec![false; n];
    // The found names (their words and kind) by their first word.
    let mut names: HashMap<&str, Vec<(Vec<&str>, Kind)>> = HashMap::new();
    for s in spans.iter() {
        covered[s.start..s.end.min(n)].iter_mut().for_each(|c| *c = true);
        let words: Vec<&str> = (s.start..s.end.min(n)).map(|i| doc.w(i)).collect();
        // (not a contraction the tagger took for a name: "I’m")
        let Some(&first) = words.first() else { continue };
        if !first.starts_with(char::is_uppercase) || first.starts_with("I’") || first.starts_with("I'") {
            continue;
        }
        let same = names.entry(first).or_default();
        if !same.iter().any(|(x, _)| *x == words) {
            same.push((words, s.kind));
        }
    }
    if names.is_empty() {
        return;
    }
    let capitalised = |i: usize| doc.w(i).starts_with(char::is_uppercase);
    let mut added = Vec::new();
    let mut i = 0;
    while i < n {
        let found = (!covered[i] && capitalised(i) && !(i > 0 && capitalised(i - 1) && doc.sentence_start(i) < i))
            .then(|| names.get(doc.w(i)))
            .flatten()
            .and_then(|same| same.iter().filter(|(w, _)| i + w.len() <= n && w.iter().enumerate().all(|(k, x)| !covered[i + k] && doc.w(i + k) == *x)).max_by_key(|(w, _)| w.len()))
            .filter(|(w, _)| !(i + w.len() < n && capitalised(i + w.len())));
        match found {
            Some((w, kind)) => {
                added.push(NameSpan { start: i, end: i + w.len(), kind: *kind });
                i += w.len();
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// Nouns that, after "the" in an appositive, say the name before them is a
/// company's ("Brackwater, the contractor, …", "Fallow Creek Capital, the
/// private equity firm that …"); none names a person, a place or a party.
const COMPANY_NOUNS: &[&str] = &[
    "company", "firm", "corporation", "conglomerate", "retailer", "automaker", "carmaker", "insurer", "bank", "lender",
    "airline", "manufacturer", "startup", "start-up", "contractor", "subsidiary", "broadcaster", "supplier",
    "distributor", "wholesaler", "group", "association", "organization", "organisation", "nonprofit", "coalition",
    "lobby", "charity", "union", "drugmaker", "chipmaker", "utility",
];

/// Words of a company's that, after a name and its "'s" ("Tesla's
/// shares") or before "of" and a name ("shares of Tesla"), make the name a
/// company's; "chief executive" as well, as two words.
const COMPANY_PARTS: &[&str] = &["shares", "shareholders", "stockholders", "ceo", "subsidiary", "subsidiaries"];

/// A name the tagger read as a person or a place is a
/// company's (or another body's) everywhere in the document when one of
/// its mentions stands in a frame only a company fits: `shares of Tesla`,
/// `the chief executive of Google`, `Tesla's shares`, `Brackwater, the
/// contractor,` (the tagger, trained on 1996 newswire, knows few of
/// today's companies, and reads an unknown word as a surname or a place).
fn companies_by_their_frames(doc: &Doc, spans: &mut [NameSpan]) {
    let n = doc.tokens.len();
    let mut names: Vec<String> = Vec::new();
    for s in spans.iter().filter(|s| matches!(s.kind, Kind::Person | Kind::Place | Kind::Misc)) {
        let before = |k: usize| if s.start >= k { doc.low(s.start - k) } else { "" };
        // A name in apposition to a noun of `nouns`: the first of the next
        // five words that is one (written in lower case: "the Reform Party
        // candidate" is a person), among the words before the noun of the
        // appositive's phrase (not past a comma, a possessive, a preposition
        // or a relative: "the first woman to lead a bank"), and the phrase's
        // head: what follows it closes the appositive or goes on with a
        // relative or a preposition (", the bank said" is another clause's
        // subject).
        let appositive_of = |nouns: &dyn Fn(&str) -> bool| {
            doc.w(s.end) == "," && matches!(doc.low(s.end + 1), "the" | "a" | "an") && {
                (s.end + 2..(s.end + 7).min(n))
                    .take_while(|&k| !matches!(doc.low(k), "," | "." | "'s" | "’s" | ";" | ":" | "of" | "to" | "for" | "who" | "that" | "which" | "with" | "and" | "in" | "at"))
                    .find(|&k| nouns(doc.low(k)))
                    .is_some_and(|k| doc.w(k) == doc.low(k) && (matches!(doc.low(k + 1), "," | "." | ")" | "that" | "which" | "whose" | "based" | "in" | "of" | "with" | "representing" | "backed" | "funded" | "founded") || doc.low(k + 1).len() > 5 && doc.low(k + 1).ends_with("ing")))
            }
        };
        let company = |w: &str| COMPANY_NOUNS.contains(&w);
        // ("NetGuard, a trade group whose members …": an unknown name the
        // tagger left as a miscellany, in apposition to a body's noun too.)
        if s.kind == Kind::Misc {
            let body = |w: &str| company(w) || matches!(w, "group" | "nonprofit" | "organization" | "coalition" | "association" | "charity" | "alliance" | "lobby");
            if appositive_of(&body) {
                let name = doc.span_text(s.start, s.end);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            continue;
        }
        let of_frame = before(1) == "of" && (COMPANY_PARTS.contains(&before(2)) || before(3) == "chief" && before(2) == "executive");
        // ("Priya Natarajan, an analyst at Bernstein": where an analyst of
        // markets works is a firm; a one-word name only, "an analyst at
        // Raymond James" is one for CoNLL's annotators.)
        let at_frame = s.end == s.start + 1 && before(1) == "at" && matches!(before(2), "analyst" | "analysts" | "economist" | "economists" | "strategist" | "strategists" | "trader" | "traders") && !matches!(doc.w(s.end), "University" | "College");
        let possessive = matches!(doc.w(s.end), "'s" | "’s")
            && (COMPANY_PARTS.contains(&doc.low(s.end + 1)) || doc.low(s.end + 1) == "chief" && doc.low(s.end + 2) == "executive");
        let appositive = appositive_of(&company);
        // ("paid for by the drug's maker, Novo Nordisk": the company's noun
        // before the name, after a determiner or a possessive.)
        // (Not after a preposition: "a spokesman for the company, Dale
        // Ortiz," names the spokesman.)
        // ("the state energy company, Ukrenergo": up to two modifiers in
        // lower case between the determiner and the noun.)
        let determiner = (3..6).find(|&k| !(3..k).any(|j| before(j).is_empty() || !doc.w(s.start - j).starts_with(char::is_lowercase) || matches!(before(j), "of" | "for" | "at" | "with" | "from" | "by" | "and" | "in" | "to")) && matches!(before(k), "the" | "a" | "its" | "their" | "'s" | "’s" | "parent" | "drug")).unwrap_or(0);
        let noun_before = before(1) == "," && (COMPANY_NOUNS.contains(&before(2)) || before(2) == "maker") && determiner > 0 && !(matches!(before(determiner), "the" | "a" | "its" | "their") && matches!(before(determiner + 1), "for" | "of" | "at" | "with" | "from" | "by"));
        if of_frame || at_frame || possessive || appositive || noun_before {
            let name = doc.span_text(s.start, s.end);
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        return;
    }
    for s in spans.iter_mut() {
        if s.kind != Kind::Organization && names.iter().any(|x| *x == doc.span_text(s.start, s.end)) {
            s.kind = Kind::Organization;
        }
    }
}

/// A one-word name the tagger took for an organisation that the document
/// also writes after "downtown" or after "live in", "based in" ("whether any
/// of them live in Harrowgate", "downtown Harrowgate") is a place, everywhere in the
/// document ("Harrowgate’s riverfront", "a Harrowgate Democrat"); the known
/// organisations ("in Congress") keep their reading.
fn places_after_prepositions(doc: &Doc, spans: &mut [NameSpan]) {
    let mut places: Vec<&str> = Vec::new();
    for sp in spans.iter().filter(|sp| sp.kind == Kind::Organization && sp.end == sp.start + 1 && sp.start > 0) {
        let w = doc.w(sp.start);
        let next = if sp.end < doc.tokens.len() { doc.w(sp.end) } else { "" };
        let before = doc.w(sp.start - 1);
        let after_ok = !next.starts_with(char::is_uppercase) && !matches!(next, "’s" | "'s");
        // ("in" after a verb of dwelling: in sports news "in Leeds" is as
        // often the club.)
        let dwelling = before == "in" && sp.start >= 2 && matches!(doc.low(sp.start - 2), "live" | "lives" | "lived" | "living" | "based" | "located" | "born" | "headquartered" | "reside" | "resides" | "residents");
        // ("burglaries in north Phoenix": a compass part of a city.)
        let part = matches!(before, "north" | "south" | "east" | "west" | "northern" | "southern" | "eastern" | "western" | "northeast" | "northwest" | "southeast" | "southwest" | "central" | "suburban") && sp.start >= 2 && matches!(doc.low(sp.start - 2), "in" | "of" | "across" | "throughout" | "near");
        if (dwelling || part || matches!(before, "downtown" | "uptown")) && after_ok && !ORGANIZATIONS.contains(&w) && !places.contains(&w) {
            places.push(w);
        }
    }
    if places.is_empty() {
        return;
    }
    for sp in spans.iter_mut() {
        if sp.kind == Kind::Organization && sp.end == sp.start + 1 && places.contains(&doc.w(sp.start)) {
            sp.kind = Kind::Place;
        }
    }
}

/// Four misreadings of names in political news: an amendment is a law, a
/// miscellany ("the First Amendment", which the tagger calls an
/// organisation); "Big Tech" and its kin are slogans, not places; a
/// religion's or people's adjective is no person ("the Shiite
/// Muslim-dominated government"); and a title the tagger ran into a
/// state's name ("Texas Attorney" before "General Ken Paxton") is cut off
/// it, leaving the state.
fn laws_slogans_and_titles(doc: &Doc, spans: &mut [NameSpan]) {
    for s in spans.iter_mut() {
        let last = doc.w(s.end - 1);
        if s.kind == Kind::Person && s.end == s.start + 1 && matches!(last, "Shiite" | "Shia" | "Sunni" | "Muslim" | "Christian" | "Jewish" | "Catholic" | "Protestant" | "Evangelical" | "Hindu" | "Buddhist" | "Kurdish" | "Arab" | "Latino" | "Hispanic") {
            s.kind = Kind::Misc;
        } else if s.end - s.start >= 2 && last == "Amendment" {
            s.kind = Kind::Misc;
        } else if s.end - s.start == 2 && doc.w(s.start) == "Big" && matches!(last, "Tech" | "Pharma" | "Oil" | "Tobacco" | "Ag" | "Labor" | "Banks") {
            s.kind = Kind::Misc;
        } else if s.end - s.start >= 2
            && s.kind != Kind::Person
            && matches!(last, "Attorney" | "Secretary" | "Gov." | "Governor" | "Commissioner" | "Comptroller" | "Treasurer" | "Auditor" | "Lt." | "Lieutenant")
            && doc.tokens.get(s.end).is_some() && doc.w(s.end).starts_with(char::is_uppercase)
        {
            s.end -= 1;
            if s.end == s.start + 1 {
                s.kind = Kind::Place;
            }
        }
    }
}

/// "House Minority Leader Wendell Pryce": the chamber is the organisation,
/// "minority leader" the title ("Senate Majority Leader" alike).
fn chambers_before_titles(doc: &Doc, spans: &mut [NameSpan]) {
    for s in spans.iter_mut() {
        if s.kind == Kind::Organization && s.end - s.start >= 2 && matches!(doc.w(s.end - 1), "Minority" | "Majority") && matches!(doc.w(s.end), "Leader" | "Whip") {
            s.end -= 1;
        }
    }
}

/// The places of a dateline (`FENWICK, Ardmoor (LPA) — …`, `HARROWGATE, Ard.
/// — …`, `VIENNA — …`): a paragraph that opens with a word in capitals, then
/// up to three capitalised words after a comma, then an agency in
/// parentheses or none, then a dash. Every name of the document with the
/// text of one of them is a place ("Ardmoor" elsewhere in the article too,
/// where the tagger may have taken it for a person).
fn datelines_are_places(doc: &Doc, spans: &mut [NameSpan]) {
    let n = doc.tokens.len();
    let mut places: Vec<String> = Vec::new();
    for s in doc.sentences {
        let a = s.tokens.start;
        if a >= n {
            continue;
        }
        // the paragraph's first sentence: a line break (or nothing) before it
        let before = doc.text[..doc.tokens[a].bstart].trim_end_matches([' ', '\t']);
        if !(before.is_empty() || before.ends_with('\n')) {
            continue;
        }
        let caps = |w: &str| w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-') && w.chars().any(char::is_alphabetic);
        let mut k = a;
        while k < n && k < a + 3 && caps(doc.w(k)) {
            k += 1;
        }
        if k == a {
            continue;
        }
        let city = (a, k);
        let mut region = None;
        if k < n && doc.w(k) == "," {
            let r0 = k + 1;
            let mut r1 = r0;
            while r1 < n && r1 < r0 + 3 && doc.w(r1).starts_with(char::is_uppercase) {
                r1 += 1;
            }
            if r1 == r0 {
                continue;
            }
            region = Some((r0, r1));
            k = r1;
        }
        if k < n && doc.w(k) == "(" {
            match (k + 1..(k + 5).min(n)).find(|&j| doc.w(j) == ")") {
                Some(c) => k = c + 1,
                None => continue,
            }
        }
        if !(k < n && matches!(doc.w(k), "—" | "–" | "--")) {
            continue;
        }
        for (x, y) in std::iter::once(city).chain(region) {
            places.push(doc.span_text(x, y));
            // the dateline's own words, tagged or not
            if let Some(sp) = spans.iter_mut().find(|sp| sp.start == x && sp.end == y) {
                sp.kind = Kind::Place;
            }
        }
    }
    if places.is_empty() {
        return;
    }
    for sp in spans.iter_mut() {
        if places.iter().any(|p| *p == doc.span_text(sp.start, sp.end)) {
            sp.kind = Kind::Place;
        }
    }
}

/// A one-word name that opens a longer organisation's name in the document
/// is that organisation ("Brackwater" after "Brackwater Financial Group"),
/// or, when it opens several, the place they are named for ("Harrowgate" of
/// "Harrowgate City Council" and "Harrowgate Chamber of Commerce"), not the
/// person the tagger may take an unknown word for (only its person reading
/// is changed: on CoNLL dev, changing the others costs 0.3 F1, as with
/// "Leeds" beside "Leeds United"). A person's surname keeps its reading
/// ("Trump" beside "Donald Trump" and "Trump Organization").
fn first_words_of_organizations(doc: &Doc, spans: &mut [NameSpan]) {
    let mut opened: HashMap<String, Vec<String>> = HashMap::new();
    let mut surnames: Vec<String> = Vec::new();
    for s in spans.iter().filter(|s| s.end - s.start >= 2) {
        match s.kind {
            Kind::Organization => {
                let full = doc.span_text(s.start, s.end);
                let names = opened.entry(doc.w(s.start).to_string()).or_default();
                if !names.contains(&full) {
                    names.push(full);
                }
            }
            Kind::Person => surnames.push(doc.w(s.end - 1).to_string()),
            _ => {}
        }
    }
    if opened.is_empty() {
        return;
    }
    let honorific = |k: usize| k > 0 && is_surname_honorific(doc.w(k - 1));
    // ("Halvorsen Semiconductor … Ms. Halvorsen … Halvorsen expects": where
    // the text gives the person an honorific, the bare word is the company.)
    let styled: Vec<&str> = spans.iter().filter(|s| s.end == s.start + 1 && s.kind == Kind::Person && honorific(s.start)).map(|s| doc.w(s.start)).collect();
    for s in spans.iter_mut().filter(|s| s.end - s.start == 1 && matches!(s.kind, Kind::Person | Kind::Organization)) {
        let w = doc.w(s.start);
        let Some(names) = opened.get(w) else { continue };
        // ("Minnesota Governor Tim Walz" beside "the Minnesota Nurses
        // Association": a word before the title of an office a place elects
        // is that place.)
        if doc.w(s.end).starts_with(char::is_uppercase) && is_elected_title(doc.low(s.end)) {
            s.kind = Kind::Place;
            continue;
        }
        // ("median rents in Harrowgate" beside "Harrowgate City Council" and
        // "Harrowgate Property Owners Association": an "organisation" that
        // opens several is the place they are named for.)
        // (Only where one of them is a town's body: companies open their
        // subsidiaries' names, "Dacom International".)
        if s.kind == Kind::Organization {
            let civic = names.iter().any(|n| n.split(' ').any(|x| matches!(x, "City" | "County" | "Council" | "Police" | "Chamber" | "Schools" | "School" | "Township" | "Borough" | "Mayor")));
            if names.len() >= 2 && civic {
                s.kind = Kind::Place;
            }
            continue;
        }
        if surnames.iter().any(|n| n == w) && (honorific(s.start) || !styled.contains(&w)) {
            continue;
        }
        s.kind = if names.len() >= 2 { Kind::Place } else { Kind::Organization };
    }
}

/// "Ferris Avenue", "Elm Street": a name ending in a street word is a place.
/// So is a town named for its harbour, fort or mountain ("Port Alderny",
/// "Fort Worth", "Mount Vernon") or that ends as towns do ("Calder Falls",
/// "Sioux Rapids") that the tagger took for a person (an organisation keeps
/// its reading: "Port Authority"), and a city's or town's hall.
fn streets_are_places(doc: &Doc, spans: &mut [NameSpan]) {
    const STREET: &[&str] = &["Avenue", "Ave.", "Street", "St.", "Road", "Rd.", "Boulevard", "Blvd.", "Lane", "Drive", "Highway", "Square", "Plaza", "Bridge", "Park"];
    const TOWN: &[&str] = &["Port", "Fort", "Ft.", "Mount", "Mt."];
    // "Calder Falls", "Pine Heights": the last word of a town's or a
    // landmark's name, never a surname in the news.
    const TOWN_END: &[&str] = &["Falls", "Springs", "Heights", "Rapids", "Junction", "Creek", "Valley", "Township", "County", "Parish", "Borough"];
    for s in spans.iter_mut() {
        let two = s.end - s.start >= 2;
        if two && STREET.contains(&doc.w(s.end - 1))
            || two && s.kind == Kind::Person && TOWN.contains(&doc.w(s.start))
            || two && s.kind == Kind::Person && TOWN_END.contains(&doc.w(s.end - 1))
            || s.end - s.start == 2 && matches!(doc.w(s.start), "City" | "Town") && doc.w(s.start + 1) == "Hall"
            // ("in the Harbor Hill neighborhood": a name before a noun of
            // a part of town.)
            || s.kind == Kind::Person && s.start > 0 && doc.low(s.start - 1) == "the" && matches!(doc.low(s.end), "neighborhood" | "neighbourhood" | "district" | "area" | "suburb" | "suburbs" | "borough" | "section" | "quarter" | "village" | "region" | "corridor")
        {
            s.kind = Kind::Place;
        }
    }
}

/// Phrases of [`ORGANIZATIONS`] replace whatever the tagger found over them,
/// phrase after phrase in the list's order, each at its matches left to right.
/// "Alzheimer's drug", "Parkinson's disease", "Lyme disease": a disease
/// named for a person or a place is no organisation, person or place (the
/// tagger read "Alzheimer" as an organisation, which "the company" then
/// resolved to); nor is a named storm.
fn diseases(doc: &Doc, spans: &mut [NameSpan]) {
    const EPONYMS: &[&str] = &["Alzheimer", "Parkinson", "Huntington", "Crohn", "Hodgkin", "Asperger", "Tourette", "Lyme", "Addison", "Cushing", "Raynaud", "Lou Gehrig"];
    for s in spans.iter_mut().filter(|s| s.kind != Kind::Misc) {
        // ("Hurricane Dolores", "Tropical Storm Alberto", "Typhoon Haiyan":
        // a storm, which "the company" must not stand for.)
        let storm_word = |w: &str| matches!(w, "Hurricane" | "Typhoon" | "Cyclone");
        let storm = storm_word(doc.w(s.start)) && s.end > s.start + 1
            || s.start >= 1 && storm_word(doc.w(s.start - 1))
            || s.start >= 2 && doc.w(s.start - 2) == "Tropical" && doc.w(s.start - 1) == "Storm";
        if storm {
            s.kind = Kind::Misc;
            continue;
        }
        let disease = matches!(doc.low(s.end), "disease" | "diseases" | "syndrome") || matches!(doc.w(s.end), "'s" | "’s") && matches!(doc.low(s.end + 1), "disease" | "drug" | "drugs" | "patients" | "treatment" | "treatments" | "research" | "medication" | "medications" | "association" | "care");
        if disease && EPONYMS.contains(&doc.span_text(s.start, s.end).as_str()) {
            s.kind = Kind::Misc;
        }
    }
}

/// "The Ledger has learned": a one-word name after "The" that is a word
/// newspapers are named by is a newspaper (the tagger read a person).
fn newspapers(doc: &Doc, spans: &mut [NameSpan]) {
    // (The tagger's span may hold the "The": "The Ledger" a place.)
    for s in spans.iter_mut().filter(|s| s.kind != Kind::Organization) {
        let after_the = s.end == s.start + 1 && s.start > 0 && doc.w(s.start - 1) == "The" || s.end == s.start + 2 && doc.w(s.start) == "The";
        // ("seen by The Guardian": a known outlet's one word, too.)
        if after_the && (crate::entities::is_newspaper_word(doc.low(s.end - 1)) || crate::entities::is_media(doc.w(s.end - 1))) {
            s.kind = Kind::Organization;
        }
        // ("published in the journal Nature Medicine", "the magazine Wired":
        // a name after the outlet's common noun.)
        let outlet_noun = s.start >= 2 && matches!(doc.w(s.start - 1), "journal" | "magazine" | "newspaper" | "tabloid" | "website" | "broadcaster" | "network" | "outlet" | "weekly" | "daily" | "blog") && matches!(doc.low(s.start - 2), "the" | "a" | "in" | "by" | "to");
        if outlet_noun {
            s.kind = Kind::Organization;
        }
    }
}

fn known_organizations(doc: &Doc, spans: &mut Vec<NameSpan>) {
    // The phrases' words, and the phrases by their first word, made once: a
    // document's tokens are looked up once each instead of once per phrase.
    // (And the first bytes of first words, to pass over most tokens without a lookup.)
    type Index = (Vec<Vec<&'static str>>, HashMap<&'static str, Vec<usize>>, [bool; 256]);
    static PHRASES: LazyLock<Index> = LazyLock::new(|| {
        let words: Vec<Vec<&str>> = ORGANIZATIONS.iter().map(|p| p.split(' ').collect()).collect();
        let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut first_bytes = [false; 256];
        for (p, w) in words.iter().enumerate() {
            by_first.entry(w[0]).or_default().push(p);
            if let Some(&b) = w[0].as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        (words, by_first, first_bytes)
    });
    let (words, by_first, first_bytes) = &*PHRASES;
    let n_tok = doc.tokens.len();
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for i in 0..n_tok {
        let w = doc.w(i);
        if !w.as_bytes().first().is_some_and(|&b| first_bytes[usize::from(b)]) {
            continue;
        }
        let Some(phrases) = by_first.get(w) else { continue };
        for &p in phrases {
            let w = &words[p];
            if i + w.len() <= n_tok && w.iter().enumerate().all(|(k, x)| doc.w(i + k) == *x) {
                matches.push((p, i));
            }
        }
    }
    matches.sort_unstable();
    for (p, i) in matches {
        let n = words[p].len();
        spans.retain(|s| s.end <= i || s.start >= i + n);
        spans.push(NameSpan { start: i, end: i + n, kind: Kind::Organization });
    }
    spans.sort_by_key(|s| s.start);
}

/// Each mention of one of [`COMPANIES`] is an organisation: added where
/// the tagger found no name over it, retyped where it found exactly it; a
/// longer name holding it keeps its reading ("Google Maps", "Apple Music"
/// when the tagger took them whole), and a mention followed by another
/// capitalised word is left to the tagger.
fn known_companies(doc: &Doc, spans: &mut Vec<NameSpan>) {
    // The phrases by their first word, and the first words' first bytes
    // (most tokens are passed over without a lookup), made once.
    type Index = (HashMap<&'static str, Vec<Vec<&'static str>>>, [bool; 256]);
    static BY_FIRST: LazyLock<Index> = LazyLock::new(|| {
        let mut m: HashMap<&str, Vec<Vec<&str>>> = HashMap::new();
        let mut first_bytes = [false; 256];
        for p in COMPANIES {
            let words: Vec<&str> = p.split(' ').collect();
            first_bytes[usize::from(p.as_bytes()[0])] = true;
            m.entry(words[0]).or_default().push(words);
        }
        (m, first_bytes)
    });
    let (by_first, first_bytes) = &*BY_FIRST;
    let n = doc.tokens.len();
    let mut added = Vec::new();
    for i in 0..n {
        let w = doc.w(i);
        if !w.as_bytes().first().is_some_and(|&b| first_bytes[usize::from(b)]) {
            continue;
        }
        let Some(phrases) = by_first.get(w) else { continue };
        let Some(p) = phrases.iter().filter(|p| i + p.len() <= n && p.iter().enumerate().all(|(k, x)| doc.w(i + k) == *x)).max_by_key(|p| p.len()) else {
            continue;
        };
        let end = i + p.len();
        if w == "Amazon" && i > 0 && doc.low(i - 1) == "the" {
            continue;
        }
        // "Apple CEO Tim Cook", "Microsoft President Brad Smith": a title
        // after the company ends its name.
        let titled = end < n && is_title_word(doc.w(end));
        if end < n && doc.w(end).starts_with(char::is_uppercase) && !titled {
            // "Apple Music", "Amazon Prime Video": a product or service of
            // the company, never a person; found when the tagger missed it.
            let same_line = |k: usize| !doc.text[doc.tokens[k - 1].bend..doc.tokens[k].bstart].contains('\n');
            let last = (end..(end + 3).min(n)).take_while(|&k| doc.w(k).starts_with(char::is_uppercase) && doc.w(k).chars().all(char::is_alphabetic) && !is_title_word(doc.w(k)) && same_line(k)).last();
            match spans.iter_mut().find(|s| s.start < end && i < s.end) {
                Some(s) if s.start == i && s.kind == Kind::Person => s.kind = Kind::Misc,
                Some(_) => {}
                None => {
                    let dated = |k: usize| matches!(doc.low(k), "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january" | "february" | "march" | "april" | "june" | "july" | "august" | "september" | "october" | "november" | "december");
                    if let Some(last) = last.filter(|&k| !(end..=k).any(dated)) {
                        added.push(NameSpan { start: i, end: last + 1, kind: Kind::Misc });
                    }
                }
            }
            continue;
        }
        match spans.iter_mut().find(|s| s.start < end && i < s.end) {
            Some(s) if s.start == i && s.end == end => s.kind = Kind::Organization,
            // ("in The Lancet", the article in the name.)
            Some(s) if s.start + 1 == i && s.end == end && doc.low(s.start) == "the" => s.kind = Kind::Organization,
            // ("Apple CEO" taken as one name.)
            Some(s) if titled && s.start == i && s.end > end => {
                *s = NameSpan { start: i, end, kind: Kind::Organization };
            }
            Some(_) => {}
            None => added.push(NameSpan { start: i, end, kind: Kind::Organization }),
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// "every Utahn who wants to speak freely" beside "Utah": a one-word
/// "place" that is another place's name of the document with a people's
/// ending is that place's people, a miscellany as CoNLL's annotators mark
/// demonyms.
fn demonyms_of_places(doc: &Doc, spans: &mut [NameSpan]) {
    let places: Vec<&str> = spans.iter().filter(|s| s.kind == Kind::Place && s.end == s.start + 1).map(|s| doc.w(s.start)).collect();
    if places.len() < 2 {
        return;
    }
    for s in spans.iter_mut().filter(|s| s.kind == Kind::Place && s.end == s.start + 1) {
        let w = doc.w(s.start);
        let people = places.iter().any(|p| w.len() > p.len() && w.starts_with(p) && matches!(&w[p.len()..], "n" | "ns" | "an" | "ans" | "ian" | "ians"));
        if people {
            s.kind = Kind::Misc;
        }
    }
}

/// "Police arrested a man …", "Officials said …": a common plural noun
/// opening a sentence, which the tagger reads as a name for its capital.
fn is_common_opener(doc: &Doc, s: &NameSpan) -> bool {
    // (After a dateline's dash too: "PHOENIX — Police arrested …".)
    let opens = s.start == doc.sentence_start(s.start) || s.start > 0 && matches!(doc.w(s.start - 1), "—" | "–" | "--");
    s.end == s.start + 1
        && opens
        && matches!(
            doc.w(s.start),
            "Police" | "Officials" | "Authorities" | "Residents" | "Prosecutors" | "Investigators" | "Firefighters" | "Witnesses" | "Analysts" | "Economists"
                | "Researchers" | "Scientists" | "Protesters" | "Lawmakers" | "Regulators" | "Voters" | "Neighbors" | "Forecasters" | "Doctors" | "Experts"
                | "Airlines" | "Carriers" | "Banks" | "Lenders" | "Insurers" | "Automakers" | "Retailers" | "Hospitals" | "Companies" | "Employers"
                | "Landlords" | "Critics" | "Opponents" | "Supporters" | "Parents" | "Teachers" | "Farmers" | "Passengers" | "Shoppers" | "Customers"
        )
}

/// "Chief Financial Officer Tom Becker": a span of a chief's title words
/// (the tagger reads "Chief Financial" as an organisation) names no one.
fn is_chief_title(doc: &Doc, s: &NameSpan) -> bool {
    s.kind != Kind::Person
        && doc.w(s.start) == "Chief"
        && s.end > s.start + 1
        && (s.start + 1..s.end).all(|k| {
            matches!(
                doc.w(k),
                "Financial" | "Operating" | "Technology" | "Marketing" | "Medical" | "Executive" | "Information" | "Investment" | "Legal" | "Commercial" | "Digital"
                    | "Data" | "Science" | "Scientific" | "Product" | "People" | "Revenue" | "Risk" | "Strategy" | "Security" | "Creative" | "Content"
                    | "Communications" | "Officer" | "Economist" | "Nursing" | "Administrative" | "Accounting" | "Compliance" | "Growth" | "Customer"
            )
        })
}

/// A title written before a name, after its company ("CEO", "Chief" in
/// "Tesla Chief Executive Elon Musk").
fn is_title_word(w: &str) -> bool {
    matches!(
        w,
        "CEO" | "CFO" | "COO" | "CTO" | "Chief" | "President" | "Chairman" | "Chairwoman" | "Chair" | "Executive" | "Vice" | "Founder" | "Co-founder"
            | "Cofounder" | "Spokesman" | "Spokeswoman" | "Spokesperson" | "General" | "Senior" | "Director" | "Head" | "Managing" | "Deputy"
    )
}

/// Is this the last word of the name of a body? (A `match`: most words
/// are passed over by their length and first byte.)
fn is_body_word(w: &str) -> bool {
    matches!(
        w,
        "Fund" | "Foundation" | "Institute" | "Center" | "Centre" | "Council" | "Committee" | "Association" | "Agency" | "Corp." | "Inc." | "Group"
            | "University" | "College" | "Bank" | "Trust" | "Society" | "Union" | "Commission" | "Board" | "Authority" | "Department" | "Ministry"
            | "Company" | "Co." | "Holdings" | "Partners" | "Capital" | "Church" | "Club" | "Hospital" | "Coalition" | "Alliance" | "Federation"
            | "Project" | "PAC"
    )
}

/// A two-word "place" or "organisation" that opens with a common given name
/// is a person in apposition to a role ("A spokeswoman for the state
/// controller, Sarah Park, said …": the tagger reads a street's word). (Not
/// before "said" alone: a magazine, "Eva Tremila said", is on CoNLL's
/// training split.)
fn given_names_in_speakers_frames(doc: &Doc, spans: &mut [NameSpan]) {
    let n = doc.tokens.len();
    for s in spans.iter_mut() {
        if s.kind == Kind::Person || s.kind == Kind::Misc || !given_name_and_surname(doc, s) {
            continue;
        }
        let role = s.start >= 2 && doc.w(s.start - 1) == "," && s.end < n && doc.w(s.end) == "," && (s.start.saturating_sub(7)..s.start - 1).any(|k| crate::entities::ROLE_HEADS.contains(&doc.low(k)));
        // ("said Eugene Park, a law professor at …": the role after the
        // name, within its first few words.)
        let role_after = s.end + 2 < n && doc.w(s.end) == "," && matches!(doc.low(s.end + 1), "a" | "an" | "the") && (s.end + 2..(s.end + 6).min(n)).take_while(|&k| !matches!(doc.w(k), "," | "." | ";")).any(|k| crate::entities::ROLE_HEADS.contains(&doc.low(k)));
        if role || role_after {
            s.kind = Kind::Person;
        }
    }
}

/// Could the two-word span `s` be a person's name: a common given name, then
/// a word that ends no body's or company's name, the two no known
/// organisation?
fn given_name_and_surname(doc: &Doc, s: &NameSpan) -> bool {
    let last = doc.w(s.start + 1);
    s.end == s.start + 2
        && crate::gender::of_first_name(doc.w(s.start)) != crate::gender::Gender::Unknown
        && !is_body_word(last)
        && !is_industry_word(last)
        && !ORGANIZATIONS.contains(&doc.span_text(s.start, s.end).as_str())
}

/// An honorific a newspaper puts before a surname alone ("Ms. Crane").
/// (Its first byte first: most words are passed over without a compare.)
fn is_surname_honorific(w: &str) -> bool {
    matches!(w.as_bytes().first(), Some(b'M' | b'D')) && matches!(w, "Mr." | "Ms." | "Mrs." | "Dr." | "Mr" | "Ms" | "Mrs" | "Dr")
}

/// A two-word "organisation" the tagger found that opens with a common
/// given name is a person when the document calls its surname "Ms." or "Mr."
/// ("the nomination of Judith Crane to lead the agency … Ms. Crane": the
/// tagger had read an organisation; "Philip Morris" stays one).
fn first_names_make_persons(doc: &Doc, spans: &mut [NameSpan]) {
    let n = doc.tokens.len();
    // (Only the spans' own kind is looked at first: most documents have no
    // two-word organisation at all.)
    if !spans.iter().any(|s| s.kind == Kind::Organization && s.end == s.start + 2) {
        return;
    }
    let honoured: Vec<&str> = (1..n).filter(|&k| is_surname_honorific(doc.w(k - 1))).map(|k| doc.w(k)).collect();
    if honoured.is_empty() {
        return;
    }
    for s in spans.iter_mut() {
        if s.kind != Kind::Organization || s.end != s.start + 2 {
            continue;
        }
        let last = doc.w(s.start + 1);
        let surname = last.len() > 1 && last.starts_with(char::is_uppercase) && last[1..].chars().all(|c| c.is_lowercase() || c == '-' || c == '\'');
        // (Not a club or a county: "Ross County".)
        let club = matches!(last, "County" | "City" | "United" | "Town" | "Rovers" | "Athletic" | "Wanderers" | "Albion" | "Park" | "Villa" | "Rangers");
        if surname && !club && honoured.contains(&last) && given_name_and_surname(doc, s) {
            s.kind = Kind::Person;
        }
    }
}

/// Is this word (lower case) the title of an office a place elects, which the
/// place's name may stand before ("Minnesota Governor Tim Walz")?
pub(crate) fn is_elected_title(w: &str) -> bool {
    matches!(w, "governor" | "gov." | "mayor" | "senator" | "sen." | "rep." | "representative" | "lt.")
}

/// Does a company's name end in this word (an industry's, "Semiconductor",
/// or a company's, "Inc.", "Group", "Bank")? Its first words alone are then
/// the company's short name ("Halvorsen" of "Halvorsen Semiconductor").
pub(crate) fn is_company_end(w: &str) -> bool {
    is_industry_word(w)
        || matches!(w, "Inc." | "Inc" | "Corp." | "Corp" | "Corporation" | "Co." | "Company" | "Group" | "Holdings" | "Partners" | "Capital" | "Bank" | "Foods" | "Brands" | "Energy" | "Airways" | "Communications" | "Electric" | "Motor" | "Pharma" | "LLC" | "Ltd." | "Ltd" | "PLC" | "plc" | "AG" | "SA" | "Markets" | "Market" | "Stores" | "Wireless" | "Media")
}

/// Words that end only a company's name ("Halvorsen Semiconductor",
/// "Brightwater Therapeutics").
fn is_industry_word(w: &str) -> bool {
    matches!(
        w,
        "Semiconductor" | "Semiconductors" | "Technologies" | "Therapeutics" | "Pharmaceuticals" | "Biosciences" | "Biotech" | "Logistics" | "Networks"
            | "Software" | "Robotics" | "Industries" | "Motors" | "Airlines" | "Laboratories" | "Labs" | "Systems" | "Dynamics" | "Microsystems"
            | "Petroleum" | "Bancorp" | "Financial" | "Insurance" | "Telecommunications" | "Entertainment" | "Aerospace"
            | "Research" | "Analytics" | "Consulting" | "Securities" | "Investments" | "Ventures" | "Advisors" | "Advisers" | "Health" | "Healthcare"
            | "Foods" | "Pharma" | "Bio" | "Biologics" | "Brands" | "Airways" | "Energy" | "Electric" | "Communications"
    )
}

/// A name the tagger missed that ends in a word only a company's name ends
/// in (at a sentence's start it often reads nothing there: "Halvorsen
/// Semiconductor cut its forecast …"): the capitalised words before that
/// word, up to three, are an organisation.
fn industry_names(doc: &Doc, spans: &mut Vec<NameSpan>) {
    let n = doc.tokens.len();
    let covered = |spans: &[NameSpan], k: usize| spans.iter().any(|s| s.start <= k && k < s.end);
    // ("accusing Brightline Logistics of …": a "person" ending in such a
    // word is the company.)
    for s in spans.iter_mut() {
        if s.kind == Kind::Person && s.end - s.start >= 2 && is_industry_word(doc.w(s.end - 1)) {
            s.kind = Kind::Organization;
        }
        // "made by General Electric": "General" before a company's word is
        // the name's first word, not a general's title.
        if s.start > 0 && doc.w(s.start - 1) == "General" && (is_company_end(doc.w(s.end - 1)) || doc.w(s.end - 1) == "Mills") {
            s.start -= 1;
            s.kind = Kind::Organization;
        }
    }
    let mut added = Vec::new();
    for k in 1..n {
        // (A capital first: the word list is looked up for few tokens.)
        let w = doc.w(k);
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) || w.len() < 4 || !is_industry_word(w) || covered(spans, k) || covered(spans, k - 1) {
            continue;
        }
        let capital = |j: usize| doc.w(j).starts_with(char::is_uppercase) && doc.w(j).chars().any(char::is_lowercase) && !matches!(doc.low(j), "the" | "a" | "an" | "shares" | "at" | "in" | "of" | "for");
        let mut start = k;
        while start > 0 && k - start < 3 && capital(start - 1) && !covered(spans, start - 1) && doc.sentence_start(start - 1) == doc.sentence_start(k) {
            start -= 1;
        }
        if start < k {
            added.push(NameSpan { start, end: k + 1, kind: Kind::Organization });
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// Two misreadings of names of things: a one-word "person" after a number
/// is a product's name ("the 737 Max", not a man called Max); a company's
/// generic word the tagger took alone as an organisation joins the name
/// before it ("Ethiopian Airlines", which it splits into a miscellany and
/// an organisation).
fn products_and_carriers(doc: &Doc, spans: &mut Vec<NameSpan>) {
    for s in spans.iter_mut() {
        // (a model number on the same line: not a list's number, an age or
        // a year before a line break, "the 20-year-old Woods")
        let model_number = |w: &str| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_digit()) && !(w.len() == 4 && (w.starts_with("19") || w.starts_with("20")));
        let same_line = |i: usize| !doc.text[doc.tokens[i - 1].bend..doc.tokens[i].bstart].contains('\n');
        if s.kind == Kind::Person && s.end == s.start + 1 && s.start > 0 && model_number(doc.w(s.start - 1)) && same_line(s.start) {
            s.kind = Kind::Misc;
        }
    }
    // "after his weekly Angelus prayer": a one-word "person" after a
    // possessive determiner (an adjective between) and before a noun in
    // lower case qualifies that noun; no one is named.
    for s in spans.iter_mut() {
        if s.kind != Kind::Person || s.end != s.start + 1 || s.start < 1 || s.end >= doc.tokens.len() {
            continue;
        }
        let poss = |k: usize| matches!(doc.low(k), "his" | "her" | "their" | "its" | "our" | "my");
        // (Not a relative named: "her husband James sitting …".)
        let kin = |w: &str| matches!(w, "husband" | "wife" | "son" | "daughter" | "brother" | "sister" | "father" | "mother" | "friend" | "partner" | "colleague" | "boyfriend" | "girlfriend" | "cousin" | "uncle" | "aunt" | "nephew" | "niece" | "grandson" | "granddaughter" | "dog" | "cat");
        let determined = poss(s.start - 1) || s.start >= 2 && doc.w(s.start - 1).chars().all(|c| c.is_lowercase()) && !kin(doc.w(s.start - 1)) && poss(s.start - 2);
        let next = doc.low(s.end);
        let noun = doc.w(s.end).chars().all(|c| c.is_lowercase()) && next.len() > 2 && !next.ends_with("ing") && !next.ends_with("ed") && !matches!(next, "and" | "or" | "who" | "was" | "is" | "has" | "had" | "said" | "says" | "will" | "would");
        if determined && noun {
            s.kind = Kind::Misc;
        }
    }
    // A "person" whose last word names a body is the body ("Marshall
    // Fund", "Ford Foundation"), and so is a "place" named for a clinic
    // or a school ("Cleveland Clinic"; CoNLL's annotators call a hospital a
    // place).
    for s in spans.iter_mut() {
        // (A "miscellany" so too: "the World Food Program".)
        let body_misc = s.kind == Kind::Misc && matches!(doc.w(s.end - 1), "Program" | "Programme" | "Organization" | "Organisation" | "Agency" | "Commission");
        if s.end > s.start + 1 && (s.kind == Kind::Person && is_body_word(doc.w(s.end - 1)) || body_misc) {
            s.kind = Kind::Organization;
        }
        // "the radio station Cadena SER": an acronym beside a word in lower
        // case is no part of a person's name (a name in capitals, "JOHN
        // SMITH", is capitals throughout).
        // (Not a regnal number: "Henry VIII".)
        let acronym = |w: &str| w.len() >= 3 && w.chars().all(|c| c.is_ascii_uppercase()) && !w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'));
        if s.kind == Kind::Person && s.end > s.start + 1 && (s.start..s.end).any(|k| acronym(doc.w(k))) && (s.start..s.end).any(|k| doc.w(k).chars().any(char::is_lowercase)) {
            s.kind = Kind::Organization;
        }
        if s.kind == Kind::Place && s.end > s.start + 1 && matches!(doc.w(s.end - 1), "Clinic" | "University" | "College" | "Institute" | "Foundation") {
            s.kind = Kind::Organization;
        }
    }
    let mut k = 1;
    while k < spans.len() {
        let (a, b) = (spans[k - 1], spans[k]);
        let generic = matches!(doc.w(b.start), "Airlines" | "Airways" | "Air" | "Railways" | "Motors" | "Telecom" | "Petroleum" | "Steel" | "Shipping");
        if b.kind == Kind::Organization && generic && a.end == b.start && a.end == a.start + 1 && matches!(a.kind, Kind::Misc | Kind::Place) {
            spans[k - 1] = NameSpan { start: a.start, end: b.end, kind: Kind::Organization };
            spans.remove(k);
        } else {
            k += 1;
        }
    }
}

/// "D-N.Y.", "R-Ky.", "I-Vt.": a legislator's party and state, written after
/// the name in American news, is no name of its own.
fn is_party_and_state(s: &str) -> bool {
    // The states as AP style and the post office write them (full names
    // of the short ones), without their stops.
    const STATES: &[&str] = &[
        "Ala", "Alaska", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Hawaii", "Idaho", "Ill", "Ind", "Iowa", "Kan", "Kans", "Ky",
        "La", "Maine", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "NH", "NJ", "NM", "NY", "NC", "ND", "Ohio", "Okla",
        "Ore", "Pa", "RI", "SC", "SD", "Tenn", "Texas", "Tex", "Utah", "Vt", "Va", "Wash", "WVa", "Wis", "Wyo", "AL", "AK", "AZ", "AR", "CA",
        "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
        "OH", "OK", "OR", "PA", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR",
    ];
    let Some(rest) = s.strip_prefix("D-").or_else(|| s.strip_prefix("R-")).or_else(|| s.strip_prefix("I-")) else { return false };
    let state: String = rest.chars().filter(|&c| c != '.').collect();
    STATES.contains(&state.as_str())
}

/// "Sen. Rand Paul of Kentucky", "Rand Paul of Kentucky": a person and the
/// place they are of, which the tagger may take as one name (even as an
/// organisation's when a title opens it). Split at "of" when a title opens
/// the span or the tagger called it a person, and one or two capitalised
/// words follow "of" ("University of Kentucky" keeps its reading).
fn persons_of_places(doc: &Doc, spans: &mut Vec<NameSpan>) {
    let mut split = Vec::new();
    for s in spans.iter_mut() {
        let titled = PERSON_TITLES.contains(&doc.w(s.start)) || s.start > 0 && PERSON_TITLES.contains(&doc.w(s.start - 1));
        if !(titled || s.kind == Kind::Person) || s.kind == Kind::Place {
            continue;
        }
        let Some(of) = (s.start + 2..s.end.saturating_sub(1)).find(|&k| doc.w(k) == "of") else { continue };
        let place = (of + 1, s.end);
        if place.1 - place.0 > 2 || !(place.0..place.1).all(|k| doc.w(k).starts_with(char::is_uppercase)) {
            continue;
        }
        s.end = of;
        s.kind = Kind::Person;
        split.push(NameSpan { start: place.0, end: place.1, kind: Kind::Place });
    }
    if !split.is_empty() {
        spans.extend(split);
        spans.sort_by_key(|s| s.start);
    }
}

/// A name right after a person's title is a person's ("President Obama").
fn titles_make_persons(doc: &Doc, spans: &mut [NameSpan]) {
    for s in spans.iter_mut() {
        if s.kind == Kind::Person {
            continue;
        }
        let before = s.start.checked_sub(1).map(|i| doc.w(i));
        let first = doc.w(s.start);
        if before.is_some_and(|w| PERSON_TITLES.contains(&w)) || PERSON_TITLES.contains(&first) && s.end - s.start > 1 && s.kind != Kind::Organization {
            s.kind = Kind::Person;
        }
        // "the North's leader, Kim Jong Un,": a name of two words or more in
        // apposition after a person's role (the role's head a lower-case
        // noun right before the comma).
        let role_before = s.start >= 2 && doc.w(s.start - 1) == "," && {
            let head = doc.w(s.start - 2);
            head.starts_with(char::is_lowercase) && crate::entities::ROLE_HEADS.contains(&head) && !matches!(head, "head" | "member" | "partner" | "owner" | "producer" | "trader" | "banker" | "agent" | "advocate" | "challenger" | "incumbent" | "lobbyist" | "architect")
        };
        if role_before && s.end - s.start >= 2 && s.kind == Kind::Organization {
            s.kind = Kind::Person;
        }
    }
}

/// Every span with the same text gets the person reading if any span of it has
/// one, else its most frequent kind ("Obama" is a person throughout once one
/// mention is; "the Obama administration" is another text).
fn one_sense_per_name(doc: &Doc, spans: &mut [NameSpan]) {
    let mut votes: HashMap<String, [usize; 5]> = HashMap::new();
    let idx = |k: Kind| match k {
        Kind::Person => 0,
        Kind::Organization => 1,
        Kind::Place => 2,
        Kind::Misc => 3,
        Kind::Group => 4,
    };
    for s in spans.iter() {
        votes.entry(doc.span_text(s.start, s.end)).or_default()[idx(s.kind)] += 1;
    }
    let kinds = [Kind::Person, Kind::Organization, Kind::Place, Kind::Misc, Kind::Group];
    for s in spans.iter_mut() {
        let v = votes[&doc.span_text(s.start, s.end)];
        let best = if v[0] > 0 {
            0
        } else {
            (0..5).max_by_key(|&k| (v[k], usize::from(k == idx(s.kind)))).unwrap_or(0)
        };
        s.kind = kinds[best];
    }
}

fn tag(tagger: &Tagger, doc: &Doc) -> Vec<NameSpan> {
    let sentences: Vec<Vec<&str>> = doc.sentences.iter().map(|s| s.tokens.clone().map(|i| doc.w(i)).collect()).collect();
    let tagged = tagger.tag_document(&sentences);
    let mut out = Vec::new();
    for (s, spans) in doc.sentences.iter().zip(tagged) {
        for sp in spans {
            let kind = match sp.kind {
                EntityType::Person => Kind::Person,
                EntityType::Organization => Kind::Organization,
                EntityType::Place => Kind::Place,
                EntityType::Misc => Kind::Misc,
            };
            let (start, end) = (s.tokens.start + sp.start, s.tokens.start + sp.end);
            if start < end && end <= doc.tokens.len() {
                out.push(NameSpan { start, end, kind });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::tokenise;

    /// The names found in `text`, as written, with their kinds.
    fn names_of(text: &str) -> Vec<(String, Kind)> {
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        find(&doc).iter().map(|n| (doc.span_text(n.start, n.end), n.kind)).collect()
    }

    #[test]
    fn the_shipped_model_finds_names_in_news_text() {
        let text = "The White House declined to comment Thursday on a report that President Obama wrote to Iranian supreme leader Ayatollah Ali Khamenei.";
        let names = names_of(text);
        assert!(names.contains(&("White House".to_string(), Kind::Organization)), "{names:?}");
        assert!(names.iter().any(|(n, k)| n.ends_with("Obama") && *k == Kind::Person), "{names:?}");
        assert!(names.iter().any(|(n, k)| n.ends_with("Khamenei") && *k == Kind::Person), "{names:?}");
    }

    #[test]
    fn rules_over_the_tagger() {
        let text = "President Obama met the White House staff on Ferris Avenue. Obama said Islamic State fighters were retreating.";
        let names = names_of(text);
        assert_eq!(names.iter().filter(|(n, k)| n == "Obama" && *k == Kind::Person).count(), 2, "{names:?}");
        assert!(names.contains(&("White House".to_string(), Kind::Organization)), "{names:?}");
        assert!(names.contains(&("Islamic State".to_string(), Kind::Organization)), "{names:?}");
        assert!(names.contains(&("Ferris Avenue".to_string(), Kind::Place)), "{names:?}");
    }

    #[test]
    fn towns_and_halls_are_places() {
        let text = "The bridge links downtown Port Alderny and the east side, Maria Okafor said at a news conference outside City Hall. \
                    The Port Authority of New York said nothing.";
        let names = names_of(text);
        assert!(names.contains(&("Port Alderny".to_string(), Kind::Place)), "{names:?}");
        assert!(names.contains(&("City Hall".to_string(), Kind::Place)), "{names:?}");
        assert!(names.contains(&("Maria Okafor".to_string(), Kind::Person)), "{names:?}");
        assert!(!names.iter().any(|(n, k)| n.starts_with("Port Authority") && *k == Kind::Place), "{names:?}");
        // A given name and a street's word in a speaker's frame: a person.
        let names = names_of("A spokesman for the state controller, Sarah Park, said workers would be paid.");
        assert!(names.contains(&("Sarah Park".to_string(), Kind::Person)), "{names:?}");
        // A common noun opening a sentence is no name ("Police" had been a place).
        let names = names_of("PHOENIX — Police arrested a 34-year-old man on Friday in connection with more than 20 burglaries in north Phoenix, the Phoenix Police Department said.");
        assert!(names.iter().all(|(n, _)| n != "Police" && n != "Officials"), "{names:?}");
        // ("Airlines" had been SkyWest Airlines's short name.)
        let carriers = names_of("The pilots landed the SkyWest Airlines jet safely. Airlines said they did not expect significant disruptions.");
        assert!(carriers.iter().all(|(n, _)| n != "Airlines"), "{carriers:?}");
        // A place's people, beside the place ("Utahn" had been a place).
        let text = "Utah passed the law. It hurts every Utahn, Utah officials said.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Utah"], Kind::Place, 0), (&["Utahn"], Kind::Place, 0), (&["Utah"], Kind::Place, 1)]);
        demonyms_of_places(&doc, &mut spans);
        assert_eq!(spans.iter().map(|s| s.kind).collect::<Vec<_>>(), [Kind::Place, Kind::Misc, Kind::Place]);
        // A compass part of a city is a place ("north Phoenix" had been an organisation).
        assert!(names.contains(&("Phoenix".to_string(), Kind::Place)), "{names:?}");
        // A chief's title is no organisation ("Chief Financial" had been one).
        let names = names_of("Chief Financial Officer Tom Becker said the cuts would save money.");
        assert!(names.iter().all(|(n, _)| !n.starts_with("Chief")), "{names:?}");
        // The role after the name ("Eugene Park" had been a place).
        let names = names_of("“Courts have been consistent,” said Eugene Park, a law professor at the University of Utah.");
        assert!(names.contains(&("Eugene Park".to_string(), Kind::Person)), "{names:?}");
    }

    #[test]
    fn a_miscellany_ending_in_a_bodys_word_is_the_body() {
        // "World Food Program" had been a miscellany.
        let text = "According to the World Food Program, millions face hunger.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["World", "Food", "Program"], Kind::Misc, 0)]);
        products_and_carriers(&doc, &mut spans);
        assert_eq!(spans[0].kind, Kind::Organization);
    }

    #[test]
    fn a_word_after_a_possessive_before_a_noun_names_no_one() {
        // "Angelus" had been a person (and "he said" his).
        let text = "The pope spoke after his weekly Angelus prayer. With her husband James sitting nearby, she spoke.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Angelus"], Kind::Person, 0), (&["James"], Kind::Person, 0)]);
        products_and_carriers(&doc, &mut spans);
        assert_eq!(spans.iter().map(|s| s.kind).collect::<Vec<_>>(), [Kind::Misc, Kind::Person]);
    }

    #[test]
    fn a_name_before_a_bodys_word_names_the_body() {
        // "Harvard T.H. Chan" had been a person and "Public Health" an organisation.
        let names = names_of("“The message is clear,” said Dr. Mingyang Song, an epidemiologist at the Harvard T.H. Chan School of Public Health and one of the study's authors.");
        assert!(names.contains(&("Harvard T.H. Chan School of Public Health".to_string(), Kind::Organization)), "{names:?}");
        assert!(names.iter().all(|(n, _)| n != "Public Health"), "{names:?}");
        // Not after a people's adjective, nor before another capitalised
        // word, as CoNLL marks them.
        let text = "Mohammed Saleh, director of the Egyptian Museum, spoke. The Paris School District sold bonds.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Egyptian"], Kind::Misc, 0), (&["Paris"], Kind::Place, 0)]);
        bodies_named_for(&doc, &mut spans);
        assert_eq!(spans.iter().map(|s| (s.end - s.start, s.kind)).collect::<Vec<_>>(), [(1, Kind::Misc), (1, Kind::Place)]);
    }

    #[test]
    fn two_names_joined_by_and_are_two_when_one_stands_alone() {
        let text = "The companies, Northway Markets and Fresh Basket, said they were disappointed. Fresh Basket's shares fell. Procter and Gamble rose.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Northway", "Markets", "and", "Fresh", "Basket"], Kind::Organization, 0), (&["Fresh", "Basket"], Kind::Organization, 1), (&["Procter", "and", "Gamble"], Kind::Organization, 0)]);
        coordinated_names(&doc, &mut spans);
        let names: Vec<String> = spans.iter().map(|s| doc.span_text(s.start, s.end)).collect();
        assert_eq!(names, ["Northway Markets", "Fresh Basket", "Fresh Basket", "Procter and Gamble"]);
    }

    #[test]
    fn a_person_ending_in_an_industry_word_is_a_company() {
        let names = names_of("A court revived a lawsuit accusing Brightline Logistics of ignoring warnings.");
        assert!(names.contains(&("Brightline Logistics".to_string(), Kind::Organization)), "{names:?}");
        let names = names_of("\"They need the capital,\" said Renata Cruz, who covers banks for Halden Research.");
        assert!(names.contains(&("Halden Research".to_string(), Kind::Organization)), "{names:?}");
        // "General" before a company's word is no general's title ("Electric"
        // had been a person titled general).
        let names = names_of("Investigators found signs of metal fatigue in the blade, which was made by General Electric.");
        assert!(names.contains(&("General Electric".to_string(), Kind::Organization)), "{names:?}");
        let names = names_of("General Electric said on Friday that it would cut jobs.");
        assert!(names.contains(&("General Electric".to_string(), Kind::Organization)), "{names:?}");
        // An acronym beside a word in lower case ("Cadena SER" had been a
        // person); a regnal number is none ("Henry VIII").
        let names = names_of("Fernando Hierro told the radio station Cadena SER that the price was madness.");
        assert!(names.contains(&("Cadena SER".to_string(), Kind::Organization)), "{names:?}");
        let names = names_of("Daughter of Henry VIII and his second wife Anne Boleyn, she was born in 1533.");
        assert!(names.contains(&("Henry VIII".to_string(), Kind::Person)), "{names:?}");
    }

    #[test]
    fn a_name_people_live_in_is_a_place() {
        let text = "The Harrowgate lender has not said whether any of the borrowers live in Harrowgate. Its tower anchors downtown Harrowgate.";
        let names = names_of(text);
        assert!(names.iter().filter(|(n, _)| n == "Harrowgate").all(|(_, k)| *k == Kind::Place), "{names:?}");
        // An "organisation" that opens a town's bodies' names.
        let text = "The Harrowgate City Council voted on Tuesday. Arthur Pell, the president of the Harrowgate Property Owners Association, objected. \
                    According to city data, median rents in Harrowgate rose 11 percent last year.";
        let names = names_of(text);
        assert!(names.contains(&("Harrowgate".to_string(), Kind::Place)), "{names:?}");
    }

    #[test]
    fn datelines_towns_and_addresses() {
        let text = "FENWICK, Ardmoor (LPA) — Ardmoor Attorney General Simon Achterberg said on Wednesday that Ardmoor would act.\n\
                    Miriam Hollins runs a sugarhouse outside Calder Falls. Write to rkearney@northbankbusiness.example with tips.\n\
                    The Fenwick mayor said FENWICK, Ardmoor would not matter mid-line — here.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let spans = find(&doc);
        let names: Vec<(String, Kind)> = spans.iter().map(|n| (doc.span_text(n.start, n.end), n.kind)).collect();
        assert!(names.contains(&("FENWICK".to_string(), Kind::Place)), "{names:?}");
        assert!(names.iter().filter(|(n, _)| n == "Ardmoor").all(|(_, k)| *k == Kind::Place), "{names:?}");
        assert!(names.contains(&("Calder Falls".to_string(), Kind::Place)), "{names:?}");
        assert!(!names.iter().any(|(n, _)| n.contains('@')), "{names:?}");
        let text3 = "House Minority Leader Wendell Pryce said no.";
        let t3 = tokenise(text3);
        let doc3 = Doc::new(text3, &t3.tokens, &t3.sentences);
        let names3: Vec<(String, Kind)> = find(&doc3).iter().map(|n| (doc3.span_text(n.start, n.end), n.kind)).collect();
        assert!(!names3.iter().any(|(n, _)| n == "House Minority"), "{names3:?}");
        // a dateline only opens a paragraph
        let mut inner = spans.clone();
        let before: Vec<Kind> = inner.iter().map(|s| s.kind).collect();
        let text2 = "The mayor of FENWICK, Ardmoor (LPA) — said little.";
        let t2 = tokenise(text2);
        let doc2 = Doc::new(text2, &t2.tokens, &t2.sentences);
        let mut spans2 = vec![NameSpan { start: 3, end: 4, kind: Kind::Organization }];
        datelines_are_places(&doc2, &mut spans2);
        assert_eq!(spans2[0].kind, Kind::Organization);
        datelines_are_places(&doc, &mut inner);
        assert_eq!(inner.iter().map(|s| s.kind).collect::<Vec<_>>(), before);
    }

    /// The rule on spans as a tagger might give them: unknown one-word names
    /// taken for persons.
    #[test]
    fn first_words_of_organizations_are_theirs() {
        let text = "Brackwater Financial Group and Trump Organization met. Brackwater and Trump agreed. \
                    Harrowgate City Council and Harrowgate Chamber of Commerce met in Harrowgate. Donald Trump spoke.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let span = |words: &[&str], kind: Kind, nth: usize| {
            let start = (0..doc.tokens.len()).filter(|&i| (0..words.len()).all(|k| doc.w(i + k) == words[k])).nth(nth).unwrap();
            NameSpan { start, end: start + words.len(), kind }
        };
        let mut spans = vec![
            span(&["Brackwater", "Financial", "Group"], Kind::Organization, 0),
            span(&["Trump", "Organization"], Kind::Organization, 0),
            span(&["Brackwater"], Kind::Person, 1),
            span(&["Trump"], Kind::Person, 1),
            span(&["Harrowgate", "City", "Council"], Kind::Organization, 0),
            span(&["Harrowgate", "Chamber", "of", "Commerce"], Kind::Organization, 0),
            span(&["Harrowgate"], Kind::Person, 2),
            span(&["Donald", "Trump"], Kind::Person, 0),
        ];
        first_words_of_organizations(&doc, &mut spans);
        let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
        // the company's short name, a surname kept, the town of several bodies
        assert_eq!(kinds[2], Kind::Organization);
        assert_eq!(kinds[3], Kind::Person);
        assert_eq!(kinds[6], Kind::Place);
    }

    /// Today's companies, which the tagger (1996 newswire) misses or calls
    /// persons and places, through the shipped model and the rules.
    #[test]
    fn todays_companies_are_organizations() {
        let text = "Microsoft said on Tuesday it would appeal the ruling. Shares of Tesla fell 5 percent. Tesla declined to comment. \
                    Sundar Pichai, the chief executive of Google, said the company would appeal. Amazon declined to comment. \
                    The fires in the Amazon spread.";
        let names = names_of(text);
        let kinds = |name: &str| names.iter().filter(|(n, _)| n == name).map(|(_, k)| *k).collect::<Vec<_>>();
        assert_eq!(kinds("Microsoft"), [Kind::Organization]);
        assert_eq!(kinds("Tesla"), [Kind::Organization, Kind::Organization]);
        assert_eq!(kinds("Google"), [Kind::Organization]);
        assert_eq!(kinds("Sundar Pichai"), [Kind::Person]);
        // the company, and the river after "the" (whatever the tagger says of it)
        let amazon = kinds("Amazon");
        assert_eq!(amazon[0], Kind::Organization);
        assert!(amazon.len() == 1 || amazon[1] != Kind::Organization, "{names:?}");
        // A journal with its article, which the tagger takes for a place.
        let names = names_of("The risk is higher, according to a study published on Wednesday in The Lancet.");
        assert!(names.contains(&("The Lancet".to_string(), Kind::Organization)), "{names:?}");
    }

    /// A company before a title is named alone; a company's product or
    /// service is no person and is found when the tagger missed it.
    #[test]
    fn companies_before_titles_and_their_products() {
        let text = "Apple CEO Tim Cook said on Monday that the fee would stay. Microsoft President Brad Smith disagreed. \
                    Spotify raised prices. Apple Music, its main rival, did so last year. Amazon Prime Video will cost more. \
                    Google Thursday said nothing.";
        let names = names_of(text);
        let kind = |name: &str| names.iter().find(|(n, _)| n == name).map(|(_, k)| *k);
        assert_eq!(kind("Apple"), Some(Kind::Organization), "{names:?}");
        assert_eq!(kind("Tim Cook"), Some(Kind::Person));
        assert_eq!(kind("Microsoft"), Some(Kind::Organization));
        assert_eq!(kind("Brad Smith"), Some(Kind::Person));
        assert_eq!(kind("Apple Music"), Some(Kind::Misc));
        assert_eq!(kind("Amazon Prime Video"), Some(Kind::Misc));
        // A day after the company is no part of a product's name.
        assert_eq!(kind("Google Thursday"), None);
    }

    #[test]
    fn laws_slogans_and_titles_are_read_as_such() {
        let text = "Texas Attorney General Ken Paxton said in a statement that he was confident. Paul Clement, a lawyer for NetChoice, a trade group representing Meta, argued the laws were wrong. \
                    Justices said the laws could violate the First Amendment. He vowed to protect Texans from Big Tech censorship.";
        let names = names_of(text);
        let kind = |name: &str| names.iter().find(|(n, _)| n == name).map(|(_, k)| *k);
        assert_eq!(kind("Texas"), Some(Kind::Place), "{names:?}");
        assert_eq!(kind("Texas Attorney"), None);
        assert_eq!(kind("NetChoice"), Some(Kind::Organization));
        let names = names_of("NetGuard, a trade group whose members include several large platforms, had sued to stop the law.");
        assert!(names.iter().any(|(n, k)| n == "NetGuard" && *k == Kind::Organization), "{names:?}");
        assert_eq!(kind("First Amendment"), Some(Kind::Misc));
        assert_eq!(kind("Big Tech"), Some(Kind::Misc));
        // A name in apposition after a person's role is a person.
        let names = names_of("The launch came hours after the North's leader, Kim Jong Un, warned of a nuclear counterattack.");
        assert!(names.iter().any(|(n, k)| n == "Kim Jong Un" && *k == Kind::Person), "{names:?}");
        let names = names_of("The talks worried the Israelis and the Shiite Muslim-dominated government of Iraq.");
        assert!(names.iter().all(|(n, k)| !(n == "Shiite" && *k == Kind::Person)), "{names:?}");
        // A company named after its noun; a clinic is no place.
        let names = names_of("The trial was paid for by the drug's maker, Novo Nordisk. Dr. A. Michael Lincoff, a cardiologist at the Cleveland Clinic, led the study.");
        let kind = |name: &str| names.iter().find(|(n, _)| n == name).map(|(_, k)| *k);
        assert_eq!(kind("Novo Nordisk"), Some(Kind::Organization), "{names:?}");
        assert_eq!(kind("Cleveland Clinic"), Some(Kind::Organization), "{names:?}");
        // A name before a part of town's noun is a place.
        let names = names_of("Carol Pruitt, who lives alone in the Harbor Hill neighborhood, said she had called six times.");
        assert!(names.iter().any(|(n, k)| n == "Harbor Hill" && *k == Kind::Place), "{names:?}");
        // A given name and a surname the tagger took for an organisation.
        let names = names_of("The committee advanced the nomination of Judith Crane to lead the Environmental Protection Agency. Ms. Crane did not comment.");
        assert!(names.iter().any(|(n, k)| n == "Judith Crane" && *k == Kind::Person), "{names:?}");
        // The bare word of a company named for its chief, where the text
        // calls the chief "Ms.", is the company.
        let names = names_of("Halvorsen Semiconductor cut its forecast. Its chief executive, Ingrid Halvorsen, spoke. The board backed Ms. Halvorsen. Halvorsen expects revenue of $4 billion.");
        assert_eq!(names.iter().filter(|(n, _)| n == "Halvorsen").map(|(_, k)| *k).collect::<Vec<_>>(), [Kind::Person, Kind::Organization], "{names:?}");
        // A company the tagger missed at a sentence's start, by its last word.
        let names = names_of("Halvorsen Semiconductor cut its forecast on Thursday.");
        assert!(names.iter().any(|(n, k)| n == "Halvorsen Semiconductor" && *k == Kind::Organization), "{names:?}");
        // Not the name after a company's noun that is a preposition's object.
        let names = names_of("A spokesman for the company, Dale Ortiz, declined to comment on the board's deliberations.");
        assert!(names.iter().any(|(n, k)| n == "Dale Ortiz" && *k == Kind::Person), "{names:?}");
    }

    /// The spans of `text` the given (word sequence, kind, nth occurrence) name.
    fn spans_of(doc: &Doc, given: &[(&[&str], Kind, usize)]) -> Vec<NameSpan> {
        given
            .iter()
            .map(|&(words, kind, nth)| {
                let start = (0..doc.tokens.len()).filter(|&i| (0..words.len()).all(|k| doc.w(i + k) == words[k])).nth(nth).unwrap();
                NameSpan { start, end: start + words.len(), kind }
            })
            .collect()
    }

    #[test]
    fn frames_only_a_company_fits() {
        let text = "Brackwater, the contractor, denied it. Brackwater said so. Flavio Cotti, the chairman of the bank, spoke. \
                    Julius Nyerere, the negotiator for Burundi, the ministry said, met Tesla's shareholders. \
                    Ross Perot, the Reform Party candidate, and Clinton's chief of staff met Valeant's chief executive.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(
            &doc,
            &[
                (&["Brackwater"], Kind::Person, 0),
                (&["Brackwater"], Kind::Person, 1),
                (&["Flavio", "Cotti"], Kind::Person, 0),
                (&["Julius", "Nyerere"], Kind::Person, 0),
                (&["Burundi"], Kind::Place, 0),
                (&["Tesla"], Kind::Place, 0),
                (&["Ross", "Perot"], Kind::Person, 0),
                (&["Clinton"], Kind::Person, 0),
                (&["Valeant"], Kind::Person, 0),
            ],
        );
        companies_by_their_frames(&doc, &mut spans);
        let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
        use Kind::*;
        assert_eq!(kinds, [Organization, Organization, Person, Person, Place, Organization, Person, Person, Organization]);
    }

    #[test]
    fn a_start_up_doing_something() {
        // "Helion Forge" had stayed a person.
        let text = "Helion Forge, a start-up developing small nuclear reactors, said it had raised money.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Helion", "Forge"], Kind::Person, 0)]);
        companies_by_their_frames(&doc, &mut spans);
        assert_eq!(spans[0].kind, Kind::Organization);
    }

    #[test]
    fn a_company_noun_with_modifiers_before_the_name() {
        // "Ukrenergo" had stayed a person.
        let text = "According to the state energy company, Ukrenergo, power will return. A spokesman for the state energy company, Dale Ortiz, spoke.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Ukrenergo"], Kind::Person, 0), (&["Dale", "Ortiz"], Kind::Person, 0)]);
        companies_by_their_frames(&doc, &mut spans);
        let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Organization, Kind::Person]);
    }

    #[test]
    fn a_firm_an_analyst_works_at_a_health_company_and_a_governors_state() {
        // "Bernstein" had been a place, "Allina Health" a person and
        // "Minnesota" (opening the association's name) an organisation.
        let text = "Priya Natarajan, an analyst at Bernstein, agreed. Allina Health said so. The Minnesota Nurses Association and Minnesota Governor Tim Walz spoke.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Bernstein"], Kind::Place, 0), (&["Allina", "Health"], Kind::Person, 0), (&["Minnesota", "Nurses", "Association"], Kind::Organization, 0), (&["Minnesota"], Kind::Person, 1)]);
        companies_by_their_frames(&doc, &mut spans);
        industry_names(&doc, &mut spans);
        first_words_of_organizations(&doc, &mut spans);
        let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Organization, Kind::Organization, Kind::Organization, Kind::Place]);
    }

    #[test]
    fn a_newspapers_name_after_the() {
        // "Ledger" had been a person.
        let text = "Harlan will close 200 stores, The Ledger has learned. Herald Smith spoke. The letter was seen by The Guardian.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Ledger"], Kind::Person, 0), (&["Herald", "Smith"], Kind::Person, 0), (&["Guardian"], Kind::Misc, 0)]);
        newspapers(&doc, &mut spans);
        let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Organization, Kind::Person, Kind::Organization]);
        assert!(crate::entities::is_media("Calder Valley Sentinel") && crate::entities::is_media("Ledger") && !crate::entities::is_media("Harlan & Co."));
    }

    #[test]
    fn an_outlets_name_after_its_noun_and_companies_by_their_last_word() {
        // "Nature Medicine" and "Wired" had been persons, so had "Harlow
        // Foods", "Castell Bio" and "Norwell Pharma".
        let text = "It was published in the journal Nature Medicine. The magazine Wired said so. Harlow Foods, Castell Bio and Norwell Pharma fell. Ruth Bader spoke.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Nature", "Medicine"], Kind::Person, 0), (&["Wired"], Kind::Person, 0), (&["Harlow", "Foods"], Kind::Person, 0), (&["Castell", "Bio"], Kind::Person, 0), (&["Norwell", "Pharma"], Kind::Person, 0), (&["Ruth", "Bader"], Kind::Person, 0)]);
        newspapers(&doc, &mut spans);
        industry_names(&doc, &mut spans);
        let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
        use Kind::*;
        assert_eq!(kinds, [Organization, Organization, Organization, Organization, Organization, Person]);
    }

    #[test]
    fn diseases_named_for_people() {
        // "Alzheimer" had been an organisation.
        let text = "Meridian paused a trial of its Alzheimer's drug. Parkinson's disease is common. The Alzheimer's Association said so.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Alzheimer"], Kind::Organization, 0), (&["Parkinson"], Kind::Person, 0)]);
        diseases(&doc, &mut spans);
        let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Misc, Kind::Misc]);
        // Nor a named storm ("Hurricane Dolores" had been an organisation).
        let text = "Hurricane Dolores could strengthen, and Tropical Storm Alberto weakened. Dolores Huerta spoke.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Hurricane", "Dolores"], Kind::Organization, 0), (&["Alberto"], Kind::Person, 0), (&["Dolores", "Huerta"], Kind::Person, 0)]);
        diseases(&doc, &mut spans);
        let kinds: Vec<Kind> = spans.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, [Kind::Misc, Kind::Misc, Kind::Person]);
    }

    #[test]
    fn a_name_found_once_is_found_again() {
        let text = "Valeant said on Monday it would cut prices. Critics of Valeant said the cuts were small. \
                    I’m sure, said Smith. I’m not, said Jones.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Valeant"], Kind::Organization, 1), (&["I’m"], Kind::Organization, 0)]);
        names_found_elsewhere(&doc, &mut spans);
        let found: Vec<(String, Kind)> = spans.iter().map(|s| (doc.span_text(s.start, s.end), s.kind)).collect();
        // the first "Valeant" is found; a contraction the tagger took for a name is not spread
        assert_eq!(found, [("Valeant".to_string(), Kind::Organization), ("Valeant".into(), Kind::Organization), ("I’m".into(), Kind::Organization)]);
    }

    /// "Sen. Rand Paul of Kentucky": a senator and a state; "D-N.Y." no name.
    #[test]
    fn legislators_their_states_and_parties() {
        let names = names_of("Sen. Rand Paul of Kentucky said the measure does nothing. Senate Majority Leader Chuck Schumer, D-N.Y., called the bill a compromise. The University of Kentucky agreed.");
        let found: Vec<(&str, Kind)> = names.iter().map(|(n, k)| (n.as_str(), *k)).collect();
        assert!(found.contains(&("Rand Paul", Kind::Person)) && found.contains(&("Kentucky", Kind::Place)), "{found:?}");
        assert!(found.contains(&("University of Kentucky", Kind::Organization)), "{found:?}");
        assert!(!found.iter().any(|(n, _)| n.starts_with("D-")), "{found:?}");
        assert!(is_party_and_state("R-Texas") && is_party_and_state("D-N.Y") && !is_party_and_state("Rolls-Royce") && !is_party_and_state("D-Day"));
    }

    /// A model number's name is no person; a carrier's generic word joins
    /// the name before it.
    #[test]
    fn products_and_carriers_are_not_persons_or_pieces() {
        let text = "Regulators approved the 737 Max in 2017. The 20-year-old Woods won. Ethiopian Airlines flew on.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Max"], Kind::Person, 0), (&["Woods"], Kind::Person, 0), (&["Ethiopian"], Kind::Misc, 0), (&["Airlines"], Kind::Organization, 0)]);
        products_and_carriers(&doc, &mut spans);
        let found: Vec<(String, Kind)> = spans.iter().map(|s| (doc.span_text(s.start, s.end), s.kind)).collect();
        assert_eq!(found, [("Max".to_string(), Kind::Misc), ("Woods".into(), Kind::Person), ("Ethiopian Airlines".into(), Kind::Organization)]);
        // A "person" named like a body is the body.
        let text = "Bonnie Glaser of the German Marshall Fund spoke.";
        let t = tokenise(text);
        let doc = Doc::new(text, &t.tokens, &t.sentences);
        let mut spans = spans_of(&doc, &[(&["Bonnie", "Glaser"], Kind::Person, 0), (&["Marshall", "Fund"], Kind::Person, 0)]);
        products_and_carriers(&doc, &mut spans);
        assert_eq!(spans.iter().map(|s| s.kind).collect::<Vec<_>>(), [Kind::Person, Kind::Organization]);
    }
}
