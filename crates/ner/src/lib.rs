//! `dossier-ner`: a named-entity tagger for English news in pure Rust, without a neural network.
//!
//! An averaged structured perceptron over BILOU tags with constrained Viterbi decoding. Features: the word,
//! its affixes and shapes, a ±2 window, word clusters (spaCy's en_core_web_md vector table, clustered),
//! gazetteers (places, demonyms), document-level case statistics and the history of the tagger's own
//! earlier predictions in the document. Trained on CoNLL-2003 (see the crate's README for figures and the
//! training command); the trained model ships in `model/ner.bin`.
//!
//! ```
//! let tagger = dossier_ner::Tagger::shipped();
//! let spans = tagger.tag_document(&[vec!["Angela", "Merkel", "visited", "Paris", "."]]);
//! assert_eq!(spans[0].len(), 2);
//! ```

// Index loops over the fixed tag set and sentence positions read more plainly than iterator chains here.
#![allow(clippy::needless_range_loop)]

mod features;
pub use features::group;
mod hash;
mod model;
mod normalize;
mod resources;
mod tags;
pub mod train;

use features::DocState;
use model::{decode, Model, Scratch};
use resources::Resources;
use std::sync::OnceLock;

pub use resources::Clusters as WordClusters;

/// The clusters of a word in the embedded word-cluster table (built from word
/// vectors at compile time, see `build.rs`): words with similar vectors share
/// a cluster, so "stated" and "asserted" fall together even where one is rare.
/// The word is looked up as written (quotes and dashes normalised as the
/// tagger does), then lower-cased; `None` when neither form is in the table.
/// No decoding is needed: the table is read in place.
///
/// ```
/// let c = dossier_ner::word_clusters("said").expect("a common word");
/// assert_eq!(dossier_ner::word_clusters("Said").map(|_| ()), Some(()));
/// assert!(c.k128 < 128 && c.k1024 < 1024);
/// ```
pub fn word_clusters(word: &str) -> Option<WordClusters> {
    // Most words are their own normalised form: hashed in place, lower-cased
    // on the stack (a word longer than the buffer takes the general way).
    const SHORT: usize = 32;
    if word.len() <= SHORT && normalize::is_plain(word) && word != "''" {
        let exact = hash::hash_str(word);
        let lower = if word.bytes().any(|b| b.is_ascii_uppercase()) {
            let mut buf = [0u8; SHORT];
            let buf = &mut buf[..word.len()];
            buf.copy_from_slice(word.as_bytes());
            buf.make_ascii_lowercase();
            hash::hash_str_bytes(buf)
        } else {
            exact
        };
        return resources::clusters_of(exact, lower);
    }
    let mut norm = String::with_capacity(word.len());
    features::normalize_into(word, &mut norm);
    let exact = hash::hash_str(&norm);
    let mut lower = String::with_capacity(norm.len());
    features::normalize_lower(word, &mut lower);
    resources::clusters_of(exact, hash::hash_str(&lower))
}

/// Entity classes of the tagger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// A person (CoNLL PER).
    Person,
    /// An organization: company, team, institution, party (CoNLL ORG).
    Organization,
    /// A place: country, city, region, geographic feature (CoNLL LOC).
    Place,
    /// Other names: nationalities, events, works, products (CoNLL MISC).
    Misc,
}

impl EntityType {
    /// All types, in index order.
    pub const ALL: [EntityType; 4] = [EntityType::Person, EntityType::Organization, EntityType::Place, EntityType::Misc];

    /// Index of the type (0..4), in the order of [`EntityType::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The type of an index (0..4); indices past the end give `Misc`.
    pub fn from_index(i: usize) -> EntityType {
        *EntityType::ALL.get(i).unwrap_or(&EntityType::Misc)
    }

    /// The type's name as in the data and the analysis contract: person, organization, place, misc.
    pub fn name(self) -> &'static str {
        ["person", "organization", "place", "misc"][self.index()]
    }

    /// The type of a name (as [`EntityType::name`] gives; "other" is misc).
    pub fn from_name(s: &str) -> Option<EntityType> {
        match s {
            "person" => Some(EntityType::Person),
            "organization" => Some(EntityType::Organization),
            "place" => Some(EntityType::Place),
            "misc" | "other" => Some(EntityType::Misc),
            _ => None,
        }
    }
}

/// One entity found: token indices within its sentence, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSpan {
    /// First token of the entity.
    pub start: usize,
    /// One past the last token of the entity.
    pub end: usize,
    /// The entity's class.
    pub kind: EntityType,
}

/// Why a model could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The bytes are not a model of this format (not gzip, bad magic, wrong version, truncated, ...).
    Corrupt(String),
    /// The model was trained with other lexical resources (clusters, gazetteers) than this build embeds.
    ResourceMismatch,
    /// The embedded resources could not be decoded (a build defect).
    Resources(String),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::Corrupt(m) => write!(f, "corrupt NER model: {m}"),
            ModelError::ResourceMismatch => write!(f, "NER model was trained with other resources than this build's"),
            ModelError::Resources(m) => write!(f, "NER resources: {m}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// The named-entity tagger: a trained model plus the embedded lexical resources.
pub struct Tagger {
    model: Model,
    res: &'static Resources,
}

/// The shipped model (`model/ner.bin`), gunzipped at build time (see `build.rs`).
static SHIPPED_MODEL_RAW: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ner.raw"));

impl Tagger {
    /// The model shipped in the repository (embedded with `include_bytes!`, decoded once, lazily).
    ///
    /// # Panics
    /// If the shipped model does not load, which the crate's tests rule out.
    pub fn shipped() -> &'static Tagger {
        static SHIPPED: OnceLock<Tagger> = OnceLock::new();
        SHIPPED.get_or_init(|| match Model::from_raw(SHIPPED_MODEL_RAW).and_then(Tagger::with_model) {
            Ok(t) => t,
            Err(e) => panic!("the shipped NER model does not load: {e}"),
        })
    }

    /// A model from its serialized bytes (the format `train-ner` writes).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Tagger::with_model(Model::from_bytes(bytes)?)
    }

    /// The tagger of a decoded model, if it was trained with this build's resources.
    fn with_model(model: Model) -> Result<Tagger, ModelError> {
        let res = Resources::get().map_err(ModelError::Resources)?;
        if model.fingerprint() != res.fingerprint {
            return Err(ModelError::ResourceMismatch);
        }
        Ok(Tagger { model, res })
    }

    /// The serialized form of this model (what [`Tagger::from_bytes`] reads).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// Number of weighted features in the model.
    pub fn feature_count(&self) -> usize {
        self.model.n_features()
    }

    /// Tag a whole document given as sentences of tokens; returns, per sentence, the entities found.
    /// Document-level (non-local) features may use all sentences.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<TokenSpan>> {
        tag_with(&self.model, self.res, sentences, self.model.off)
    }
}

/// Tags a document with any scorer: sentences in order, each one's predictions feeding the history
/// features of the next ones.
pub(crate) fn tag_with<S: model::Scorer, T: AsRef<str>>(
    scorer: &S,
    res: &Resources,
    sentences: &[Vec<T>],
    off: u32,
) -> Vec<Vec<TokenSpan>> {
    let mut st = DocState::new(res, sentences, off);
    let mut scratch = Scratch::default();
    let mut out = Vec::with_capacity(sentences.len());
    for s in 0..st.len() {
        if st.sentence_len(s) == 0 {
            out.push(Vec::new());
            continue;
        }
        st.extract(s);
        decode(scorer, &st, &mut scratch);
        out.push(tags::tags_to_spans(&scratch.tags));
        st.remember(s, &scratch.tags);
    }
    out
}

#[cfg(test)]
mod cluster_tests {
    use super::word_clusters;

    /// Verbs of saying group together, apart from unrelated words; the
    /// lookup falls back to the lower-cased form.
    #[test]
    fn similar_words_share_clusters() {
        let c = |w: &str| word_clusters(w).unwrap_or_else(|| panic!("{w} not in the table"));
        assert_eq!(c("stated").row, c("asserted").row);
        assert_eq!(c("quipped").row, c("mused").row);
        assert_eq!(c("said").k1024, c("remarked").k1024);
        assert_eq!(c("lauded").k1024, c("praised").k1024);
        assert_ne!(c("said").k128, c("table").k128);
        assert_ne!(c("said").k128, c("Paris").k128);
        assert_eq!(c("Said"), c("said"));
        assert_eq!(word_clusters("\u{2019}"), word_clusters("'"));
        assert_eq!(word_clusters("qzxvjkwpf"), None);
    }
}
