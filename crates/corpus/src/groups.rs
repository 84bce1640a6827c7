//! Grouping articles: copies of one text (near-duplicates) and articles about
//! one event (stories), decided pair by pair, then closed transitively.

use std::collections::HashMap;

use crate::fingerprint::{MinHash, DUPLICATE_SIMILARITY};

/// What the store knows of an article when deciding whether two articles tell
/// the same story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryFeatures {
    /// Publication day as days since 1970-01-01, when known.
    pub day: Option<i64>,
    /// Corpus entities (persons and organisations) the article names, with
    /// their display name and how many times it mentions them.
    pub entities: Vec<(i64, String, u32)>,
    /// Shingle signature (see [`MinHash::of_shingles`]).
    pub shingles: MinHash,
    /// Vocabulary signature (see [`MinHash::of_vocabulary`]).
    pub vocabulary: MinHash,
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

/// Articles further apart than this many days are not linked as one story.
pub const STORY_WINDOW_DAYS: i64 = 3;
/// Vocabulary similarity from which two articles sharing a named person or
/// organisation are one story.
pub const STORY_VOCABULARY: f64 = 0.2;
/// Vocabulary similarity from which two articles are one story even with no
/// entity in common.
pub const STORY_VOCABULARY_ALONE: f64 = 0.35;

/// The entities worth comparing: those mentioned at least twice, or all when
/// there are few.
fn salient(f: &StoryFeatures) -> Vec<&(i64, String, u32)> {
    let many: Vec<_> = f.entities.iter().filter(|e| e.2 >= 2).collect();
    if many.len() >= 2 {
        many
    } else {
        f.entities.iter().collect()
    }
}

/// Decide whether two articles are copies of one text, tell the same story, or
/// neither. Symmetric: `story_link(a, b)` and `story_link(b, a)` agree.
pub fn story_link(a: &StoryFeatures, b: &StoryFeatures) -> Option<StoryLink> {
    let copy = a.shingles.similarity(&b.shingles);
    if copy >= DUPLICATE_SIMILARITY {
        return Some(StoryLink {
            kind: LinkKind::Duplicate,
            score: copy,
            reason: format!("copies of one text: {:.0}% of their five-word runs are shared", copy * 100.0),
        });
    }
    if let (Some(x), Some(y)) = (a.day, b.day) {
        if (x - y).abs() > STORY_WINDOW_DAYS {
            return None;
        }
    }
    let vocab = a.vocabulary.similarity(&b.vocabulary);
    let (sa, sb) = (salient(a), salient(b));
    let mut shared: Vec<&str> = sa.iter().filter(|e| sb.iter().any(|f| f.0 == e.0)).map(|e| e.1.as_str()).collect();
    shared.sort();
    shared.dedup();
    let linked = (!shared.is_empty() && vocab >= STORY_VOCABULARY) || vocab >= STORY_VOCABULARY_ALONE;
    if !linked {
        return None;
    }
    let entity_share = shared.len() as f64 / sa.len().min(sb.len()).max(1) as f64;
    let score = (0.5 * vocab / STORY_VOCABULARY_ALONE).min(0.5) + 0.5 * entity_share.min(1.0);
    let names = if shared.is_empty() { "no named person or organisation".to_string() } else { shared.join(", ") };
    Some(StoryLink {
        kind: LinkKind::Story,
        score,
        reason: format!("same event: both name {names}; {:.0}% shared vocabulary; published within {STORY_WINDOW_DAYS} days", vocab * 100.0),
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

    fn features(day: i64, ents: &[(i64, &str, u32)], text: &str) -> StoryFeatures {
        StoryFeatures {
            day: Some(day),
            entities: ents.iter().map(|(i, n, c)| (*i, n.to_string(), *c)).collect(),
            shingles: MinHash::of_shingles(text, 5, 128),
            vocabulary: MinHash::of_vocabulary(text, 64),
        }
    }

    const LEVY: &str = "The Harbor City council voted on Tuesday to put a transit levy on the May ballot after months of debate \
        over the Eastside light rail line. Mayor Elena Ruiz praised the vote. Council member Tom Becker, the finance chair, \
        said residents would have the final word on the levy and the rail line.";
    const LEVY2: &str = "Harbor City voters will decide in May whether to pay for the Eastside light rail line with a transit levy, \
        after the council's vote Tuesday. Mayor Elena Ruiz called the levy a fair deal; critics on the council said the rail \
        line would cost more than promised.";
    const CLINIC: &str = "The county's largest hospital system will close two rural clinics next year, its chief executive said, \
        citing staff shortages and falling payments from insurers. Patients will be referred to a hospital an hour away.";

    #[test]
    fn copies_same_story_and_unrelated() {
        let a = features(100, &[(1, "Elena Ruiz", 2), (2, "Tom Becker", 1)], LEVY);
        let copy = features(101, &[(1, "Elena Ruiz", 2), (2, "Tom Becker", 1)], &format!("By Ana Lee. {LEVY}"));
        let b = features(101, &[(1, "Elena Ruiz", 2)], LEVY2);
        let c = features(101, &[(3, "Mercy Health", 2)], CLINIC);
        assert_eq!(story_link(&a, &copy).unwrap().kind, LinkKind::Duplicate);
        let s = story_link(&a, &b).expect("same story");
        assert_eq!(s.kind, LinkKind::Story);
        assert!(s.reason.contains("Elena Ruiz"), "{}", s.reason);
        assert_eq!(story_link(&b, &a).map(|l| l.kind), Some(LinkKind::Story));
        assert_eq!(story_link(&a, &c), None);
        let late = features(130, &[(1, "Elena Ruiz", 2)], LEVY2);
        assert_eq!(story_link(&a, &late), None, "a month apart");
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
