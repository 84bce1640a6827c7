//! Grouping articles: copies of one text (near-duplicates) and articles about
//! one event (stories), decided pair by pair, then closed transitively.

use std::collections::HashMap;

use crate::fingerprint::{MinHash, DUPLICATE_SIMILARITY};

/// What the store knows of an article when deciding whether two articles tell
/// the same story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryFeatures<K = String> {
    /// Publication day as days since 1970-01-01, when known.
    pub day: Option<i64>,
    /// Shingle signature (see [`MinHash::of_shingles`]).
    pub shingles: MinHash,
    /// The headline's and lead's terms (see [`crate::fingerprint::story_terms`])
    /// weighted by their rarity in the corpus: `(term, weight)`, sorted by
    /// term, weights of unit length (see [`tf_idf`]). A term is its text, or
    /// (`K` another type, as a store's linking keeps many articles' terms at
    /// once) a key standing for it, such as a number from an interner; the
    /// terms are then sorted by key (see [`story_link_by`]).
    pub terms: Vec<(K, f64)>,
}

/// How two articles are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// Copies of one text (a syndicated wire story, a re-post).
    Duplicate,
    /// Different texts about the same event.
    Story,
}

impl LinkKind {
    /// Name used in the store and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Duplicate => "duplicate",
            LinkKind::Story => "story",
        }
    }
}

/// A decided link between two articles, with its score and a readable reason.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryLink {
    /// Duplicate or same story.
    pub kind: LinkKind,
    /// Strength of the evidence, 0 to 1.
    pub score: f64,
    /// Why, in words.
    pub reason: String,
}

/// Articles further apart than this many days are not linked as one story:
/// coverage of one event (and the immediate reactions to it) follows within
/// a day or two; later pieces are new developments of the same topic.
pub const STORY_WINDOW_DAYS: i64 = 3;
/// Share of the similarity lost per day between the two articles.
pub const STORY_DAY_DECAY: f64 = 0.2;
/// Similarity of the headlines and leads (cosine of their TF-IDF weights,
/// less [`STORY_DAY_DECAY`] per day apart) from which two articles tell one
/// story.
pub const STORY_SIMILARITY: f64 = 0.06;
/// Most shared terms named in a link's reason.
const REASON_TERMS: usize = 5;

/// Unit-length TF-IDF weights of an article's terms: `(1 + ln tf) * ln(n / df)`
/// for a corpus of `n` articles, where `df(term)` counts the articles having the
/// term (at least 1: the article itself). Terms no other article has weigh
/// most: they cannot be shared, but they are what makes an article other than
/// its neighbours. Terms every article has weigh nothing. Sorted by term.
pub fn tf_idf(terms: &[(String, f64)], n: usize, df: impl Fn(&str) -> usize) -> Vec<(String, f64)> {
    let mut v: Vec<(String, f64)> = terms
        .iter()
        .filter_map(|(t, tf)| {
            let d = df(t).max(1);
            if *tf <= 0.0 || n == 0 {
                return None;
            }
            let w = (1.0 + tf.max(1.0).ln()) * (n.max(d) as f64 / d as f64).ln();
            (w > 0.0).then(|| (t.clone(), w))
        })
        .collect();
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in &mut v {
            x.1 /= norm;
        }
    }
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// Cosine of two term vectors sorted by key, with the shared terms (their
/// texts, from `name`) and their contributions, largest first (ties by
/// term). The sum runs in that order, whatever the keys are, so that keys
/// standing for the terms give the very sum the terms give.
fn cosine<'a, K: Ord>(a: &'a [(K, f64)], b: &'a [(K, f64)], name: impl Fn(&'a K) -> &'a str) -> (f64, Vec<(f64, &'a str)>) {
    let (mut i, mut j) = (0, 0);
    let mut shared = Vec::new();
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared.push((a[i].1 * b[j].1, name(&a[i].0)));
                i += 1;
                j += 1;
            }
        }
    }
    shared.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(y.1)));
    (shared.iter().map(|x| x.0).sum(), shared)
}

/// The duplicate link of two articles whose shingle signatures estimate a
/// similarity of at least [`DUPLICATE_SIMILARITY`] (copies of one text, at
/// any dates), else `None`. The first test of [`story_link`].
pub fn copy_link(a: &MinHash, b: &MinHash) -> Option<StoryLink> {
    let copy = a.similarity(b);
    (copy >= DUPLICATE_SIMILARITY).then(|| StoryLink {
        kind: LinkKind::Duplicate,
        score: copy,
        reason: format!("copies of one text: {:.0}% of their five-word runs are shared", copy * 100.0),
    })
}

/// Decide whether two articles are copies of one text, tell the same story, or
/// neither. Symmetric: `story_link(a, b)` and `story_link(b, a)` agree.
///
/// Copies share most of their five-word runs. Two other articles tell one
/// story when their headlines and leads share terms that are rare in the
/// corpus (TF-IDF cosine), enough that the similarity, less a quarter per day
/// between them, reaches [`STORY_SIMILARITY`]; names everyone writes about
/// weigh little, an unusual name or phrase much.
pub fn story_link(a: &StoryFeatures, b: &StoryFeatures) -> Option<StoryLink> {
    story_link_by(a, b, String::as_str)
}

/// [`story_link`] of features whose terms are keys standing for the terms
/// (each list sorted by key), `name` giving a key's term: the same link as
/// of the features with the terms themselves.
pub fn story_link_by<'a, K: Ord>(a: &'a StoryFeatures<K>, b: &'a StoryFeatures<K>, name: impl Fn(&'a K) -> &'a str) -> Option<StoryLink> {
    if let Some(copy) = copy_link(&a.shingles, &b.shingles) {
        return Some(copy);
    }
    let apart = match (a.day, b.day) {
        (Some(x), Some(y)) => Some((x - y).abs()),
        _ => None,
    };
    if apart.is_some_and(|d| d > STORY_WINDOW_DAYS) {
        return None;
    }
    let (similarity, shared) = cosine(&a.terms, &b.terms, name);
    let score = similarity * (1.0 - STORY_DAY_DECAY * apart.unwrap_or(0) as f64);
    if score < STORY_SIMILARITY {
        return None;
    }
    // Name the rare terms that carry the link; a word already inside a named
    // phrase is not repeated.
    let mut named: Vec<&str> = Vec::new();
    for (_, t) in &shared {
        if named.len() == REASON_TERMS {
            break;
        }
        if named.iter().any(|n| n.split(' ').any(|w| w == *t) || t.split(' ').any(|w| w == *n)) {
            continue;
        }
        named.push(t);
    }
    let when = match apart {
        Some(0) => "published the same day".to_string(),
        Some(1) => "published a day apart".to_string(),
        Some(d) => format!("published {d} days apart"),
        None => "publication date unknown".to_string(),
    };
    let terms: Vec<String> = named.iter().map(|t| format!("\"{t}\"")).collect();
    Some(StoryLink {
        kind: LinkKind::Story,
        score: score.min(1.0),
        reason: format!(
            "same event: headlines and leads share rare terms {} ({:.0}% similar); {when}",
            terms.join(", "),
            similarity * 100.0
        ),
    })
}

/// Connected components over links between items (union-find with path
/// halving). Each component is named by its smallest member, so the grouping
/// does not depend on the order links are added.
#[derive(Debug, Default, Clone)]
pub struct Components {
    parent: HashMap<i64, i64>,
}

impl Components {
    /// No items yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add an item (alone in its component until linked).
    pub fn add(&mut self, x: i64) {
        self.parent.entry(x).or_insert(x);
    }

    /// The smallest member of `x`'s component.
    pub fn find(&mut self, x: i64) -> i64 {
        self.add(x);
        let mut x = x;
        loop {
            let p = self.parent[&x];
            if p == x {
                return x;
            }
            let gp = self.parent[&p];
            self.parent.insert(x, gp);
            x = gp;
        }
    }

    /// Put `a` and `b` in one component.
    pub fn union(&mut self, a: i64, b: i64) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent.insert(hi, lo);
        }
    }

    /// Every item with the smallest member of its component, in item order.
    pub fn assignments(&mut self) -> Vec<(i64, i64)> {
        let mut items: Vec<i64> = self.parent.keys().copied().collect();
        items.sort_unstable();
        items.into_iter().map(|x| (x, self.find(x))).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::fingerprint::story_terms;

    // A small corpus of one city's news: every piece names the city and its
    // mayor, so those names are weak evidence; the levy vote is the event.
    const LEVY: &str = "The Harbor City council voted on Tuesday to put a transit levy on the May ballot after months of debate \
        over the Eastside light rail line. Mayor Elena Ruiz praised the vote. Council member Tom Becker, the finance chair, \
        said residents would have the final word on the levy and the rail line.";
    const LEVY2: &str = "Harbor City voters will decide in May whether to pay for the Eastside light rail line with a transit levy, \
        after the council's vote Tuesday. Mayor Elena Ruiz called the levy a fair deal; critics on the council said the rail \
        line would cost more than promised.";
    const PARKS: &str = "Mayor Elena Ruiz of Harbor City opened two new parks on the waterfront on Saturday, promising a third \
        next year. Families from Harbor City crowded the ribbon cutting.";
    const SCHOOLS: &str = "Harbor City schools will hire forty teachers, Mayor Elena Ruiz said, after the council approved the \
        budget for the school district. Parents in Harbor City had asked for smaller classes.";
    const FIRE: &str = "A fire destroyed a warehouse on the Harbor City docks overnight. Mayor Elena Ruiz thanked firefighters \
        and said the council would review safety rules for the docks.";
    const CLINIC: &str = "The county's largest hospital system will close two rural clinics next year, its chief executive said, \
        citing staff shortages and falling payments from insurers. Patients will be referred to a hospital an hour away.";

    /// Features of `texts[i]` (with its day) against the corpus of all `texts`.
    fn corpus(texts: &[(i64, &str, &str)]) -> Vec<StoryFeatures> {
        let texts = texts.to_vec();
        let terms: Vec<Vec<(String, f64)>> = texts.iter().map(|(_, h, t)| story_terms(Some(h), t)).collect();
        let df = |term: &str| terms.iter().filter(|ts| ts.iter().any(|x| x.0 == term)).count();
        texts
            .iter()
            .zip(&terms)
            .map(|((day, _, text), ts)| StoryFeatures { day: Some(*day), shingles: MinHash::of_shingles(text, 5, 128), terms: tf_idf(ts, texts.len(), df) })
            .collect()
    }

    /// Other news of the city, on other days: the city, its mayor and its
    /// council are in every piece.
    const OTHER: [&str; 6] = ["library", "bridge", "snow", "airport", "festival", "zoo"];

    fn city(days: [i64; 6]) -> Vec<StoryFeatures> {
        let other: Vec<(String, String)> = OTHER
            .iter()
            .map(|t| (format!("Harbor City {t} news"), format!("Mayor Elena Ruiz told the Harbor City council about the {t} this week.")))
            .collect();
        let mut texts = vec![
            (days[0], "Council puts transit levy on May ballot", LEVY),
            (days[1], "Voters to decide rail levy", LEVY2),
            (days[2], "Mayor Ruiz opens waterfront parks", PARKS),
            (days[3], "Harbor City to hire teachers", SCHOOLS),
            (days[4], "Warehouse fire on Harbor City docks", FIRE),
            (days[5], "Hospital system to close clinics", CLINIC),
        ];
        texts.extend(other.iter().map(|(h, t)| (0, h.as_str(), t.as_str())));
        corpus(&texts)
    }

    #[test]
    fn copies_are_duplicates() {
        let f = corpus(&[(100, "Levy vote", LEVY), (101, "Levy vote", &format!("By Ana Lee. {LEVY}")), (100, "Clinics", CLINIC)]);
        let l = story_link(&f[0], &f[1]).expect("copies");
        assert_eq!(l.kind, LinkKind::Duplicate);
        assert!(l.reason.contains("five-word runs"), "{}", l.reason);
    }

    #[test]
    fn texts_sharing_half_their_runs_are_copies_and_a_quarter_are_not() {
        // Sets of 1000 runs in all: 500 shared (Jaccard 0.5), then 250
        // (0.25), over 200 draws.
        let set = |seed: u64, from: u64, to: u64| MinHash::of_hashes((from..to).map(|i| (seed << 32 | i).wrapping_mul(0x9e37_79b9_7f4a_7c15)), 128);
        let (mut half, mut quarter) = (0, 0);
        for seed in 0..200 {
            half += copy_link(&set(seed, 0, 750), &set(seed, 250, 1000)).is_some() as usize;
            quarter += copy_link(&set(seed, 0, 625), &set(seed, 375, 1000)).is_some() as usize;
        }
        assert!(half >= 195, "{half} of 200 copies at 0.5");
        assert_eq!(quarter, 0, "pairs at 0.25 taken for copies");
    }

    #[test]
    fn rare_shared_terms_make_one_story_symmetrically() {
        let f = city([100, 101, 100, 100, 101, 100]);
        let s = story_link(&f[0], &f[1]).expect("same story");
        assert_eq!(s.kind, LinkKind::Story);
        assert!(s.reason.contains("\"transit levy\"") || s.reason.contains("\"levy\""), "{}", s.reason);
        assert!(s.reason.contains("a day apart"), "{}", s.reason);
        assert!(!s.reason.contains("\"elena ruiz\""), "a name every article has is not evidence: {}", s.reason);
        assert_eq!(story_link(&f[1], &f[0]), Some(s), "symmetric");
    }

    #[test]
    fn names_every_article_shares_do_not_make_a_story() {
        let f = city([100, 101, 100, 100, 101, 100]);
        for (i, j) in [(0, 2), (0, 3), (2, 3), (2, 4), (3, 4), (1, 4), (0, 5)] {
            assert_eq!(story_link(&f[i], &f[j]), None, "{i} and {j} only share the city and its mayor");
        }
    }

    #[test]
    fn terms_are_weighted_by_rarity() {
        let f = city([100; 6]);
        let w = |t: &str| f[0].terms.iter().find(|x| x.0 == t).map(|x| x.1).unwrap_or(0.0);
        assert!(w("levy") > w("harbor"), "levy {} harbor {}", w("levy"), w("harbor"));
        assert!(w("finance") > w("harbor"), "a term no other article has counts, more than a common one");
        let norm: f64 = f[0].terms.iter().map(|x| x.1 * x.1).sum();
        assert!((norm - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_evidence_needed_grows_with_the_days_apart() {
        let near = city([100, 101, 100, 100, 100, 100]);
        let same = city([100, 100, 100, 100, 100, 100]);
        let far = city([100, 100 + STORY_WINDOW_DAYS + 1, 100, 100, 100, 100]);
        let a = story_link(&same[0], &same[1]).expect("same day").score;
        let b = story_link(&near[0], &near[1]).expect("a day apart").score;
        assert!((b - a * (1.0 - STORY_DAY_DECAY)).abs() < 1e-9, "{a} {b}");
        assert_eq!(story_link(&far[0], &far[1]), None, "outside the window");
    }

    /// Terms numbered against their order (the last term alphabetically is
    /// 0), each list sorted by number: every pair gets the link, score and
    /// reason it gets with the terms themselves.
    #[test]
    fn numbered_terms_link_as_the_terms_do() {
        let f = city([100, 101, 100, 100, 101, 100]);
        let mut vocab: Vec<&str> = f.iter().flat_map(|x| x.terms.iter().map(|t| t.0.as_str())).collect();
        vocab.sort_unstable();
        vocab.dedup();
        vocab.reverse();
        let id = |t: &str| vocab.iter().position(|v| *v == t).unwrap();
        let numbered: Vec<StoryFeatures<usize>> = f
            .iter()
            .map(|x| {
                let mut terms: Vec<(usize, f64)> = x.terms.iter().map(|(t, w)| (id(t), *w)).collect();
                terms.sort_by_key(|t| t.0);
                StoryFeatures { day: x.day, shingles: x.shingles.clone(), terms }
            })
            .collect();
        let mut links = 0;
        for i in 0..f.len() {
            for j in 0..f.len() {
                let by_number = story_link_by(&numbered[i], &numbered[j], |&k| vocab[k]);
                assert_eq!(by_number, story_link(&f[i], &f[j]), "{i} and {j}");
                links += by_number.is_some() as usize;
            }
        }
        assert!(links > f.len(), "only {links} links to compare");
    }

    #[test]
    fn components_are_named_by_their_smallest_member() {
        let mut c = Components::new();
        for x in [5, 3, 9, 7] {
            c.add(x);
        }
        c.union(9, 5);
        c.union(7, 3);
        c.union(5, 7);
        assert_eq!(c.assignments(), vec![(3, 3), (5, 3), (7, 3), (9, 3)]);
        let mut d = Components::new();
        d.union(1, 2);
        d.add(4);
        assert_eq!(d.assignments(), vec![(1, 1), (2, 1), (4, 4)]);
    }
}
