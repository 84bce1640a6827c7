//! Words the attribution rules look for.

/// Hashing for the lexicon's sets of words: FNV-1a, a few instructions a
/// byte, where SipHash's rounds cost more than the set lookup itself.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct BuildWordHasher;

impl std::hash::BuildHasher for BuildWordHasher {
    type Hasher = WordHasher;
    fn build_hasher(&self) -> WordHasher {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

/// See [`BuildWordHasher`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Verbs of saying and reporting, in every form the rules accept as a cue.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding", "noted", "notes",
    "noting", "wrote", "writes", "write", "writing", "asked", "asks", "reported", "reports", "reporting",
    "announced", "announces", "announcing", "acknowledged", "acknowledges", "acknowledging", "argued", "argues",
    "argue", "arguing", "warned", "warns", "warning", "insisted", "insists", "insisting", "declared", "declares",
    "declaring", "signaled", "signalled", "signals", "claimed", "claims", "claim", "claiming", "stated", "states",
    "explained", "explains", "explaining", "suggested", "suggests", "suggesting", "tweeted", "tweets", "posted",
    "recalled", "recalls", "concluded", "concludes", "replied", "replies", "responded", "responds", "confirmed",
    "confirms", "denied", "denies", "predicted", "predicts", "promised", "promises", "estimated",
    "estimates", "admitted", "admits", "conceded", "concedes", "contended", "contends", "maintained", "maintains",
    "emphasized", "stressed", "stresses", "observed", "remarked", "commented", "testified", "alleged", "alleges",
    "asserted", "asserts", "disclosed", "revealed", "reveals", "indicated", "indicates", "hinted", "complained",
    "complains", "countered", "cautioned", "boasted", "joked", "vowed", "vows", "pledged", "urged", "urges",
    "believes", "believe", "believed", "thinks", "think", "thought", "feels", "felt", "fears", "feared", "hopes",
    "hoped", "expects", "expected", "agreed", "agrees", "continued", "shows", "show", "showed", "found", "finds",
    "wrote", "announces", "informed", "briefed", "learned", "explained", "mentioned", "mentions", "described",
];

/// Is `w` (lower case) one of [`SPEECH_VERBS`]? A set lookup: rules and
/// features ask it of most tokens, where a scan of the list compared ~190 words.
pub fn is_speech_verb(w: &str) -> bool {
    static SET: std::sync::LazyLock<std::collections::HashSet<&'static str, BuildWordHasher>> = std::sync::LazyLock::new(|| SPEECH_VERBS.iter().copied().collect());
    SET.contains(w)
}

/// Nouns of saying and thinking that a possessor may hold ("Mr. Trump's
/// claims", "in Ash's view", "his remarks about").
pub const NOUN_CUES: &[&str] = &[
    "claims", "claim", "view", "views", "desire", "remarks", "remark", "comments", "comment", "statement", "statements",
    "criticism", "assertion", "assertions", "insistence", "proposal", "proposals", "call", "calls", "warning", "warnings",
    "promise", "promises", "argument", "arguments", "belief", "beliefs", "fears", "fear", "concerns", "concern", "suggestion",
    "denial", "denials", "accusation", "accusations", "allegation", "allegations", "post", "tweet", "tweets", "speech",
    "description", "characterization", "position", "stance", "opinion", "pledge", "vow", "threat", "threats", "demand",
    "demands", "tone", "rhetoric", "attacks", "attack", "praise", "support", "opposition", "doubts", "hopes", "plea",
];

/// Nouns of reaction whose source follows "from" ("criticism from rivals").
pub const REACTION_NOUNS: &[&str] = &[
    "criticism", "opposition", "support", "calls", "complaints", "attacks", "praise", "scorn", "pressure", "advice",
    "challenge", "allegation", "allegations", "questions", "demands", "condemnation", "warnings", "warning", "boos",
    "applause", "backlash", "blowback", "objections", "protests", "pushback", "rebuke", "ridicule", "skepticism",
    "accusations", "threats", "endorsements", "endorsement", "backing", "ire", "outrage", "fire",
];

/// Cue verbs that take an object before their content ("told reporters that …").
pub const OBJECT_VERBS: &[&str] = &["told", "tells", "tell", "telling", "informed", "warned", "assured", "reminded", "briefed", "asked", "urged"];

/// Words between a subject and its cue that belong to the cue ("has also said").
pub const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "should",
    "did", "does", "do", "also", "later", "previously", "repeatedly", "then", "again", "once", "often", "publicly",
    "privately", "recently", "already", "still", "never", "been", "reportedly", "separately", "further", "further,",
    "first", "last", "earlier", "just", "even", "clearly", "flatly", "openly", "immediately", "quickly", "only", "long", "always",
];

/// Finite auxiliaries and modals: the words that show a clause has a verb of
/// its own, without a tagger.
pub const FINITE_AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could", "may", "might", "must", "should", "did", "does",
];

/// Nouns of anonymous and collective sources ("officials", "aides", "sources").
pub const ANONYMOUS_HEADS: &[&str] = &[
    "official", "officials", "aide", "aides", "source", "sources", "people", "person", "advisers", "adviser",
    "advisors", "diplomats", "diplomat", "analysts", "experts", "lawmakers", "insiders", "staffers", "spokesman",
    "spokeswoman", "spokesperson", "representative", "representatives", "members", "observers", "critics",
    "supporters", "negotiators", "investigators", "authorities", "administration", "residents", "witnesses",
];

/// Nouns of people a source may be a group of, anonymous when the head of
/// a source in lower case or opening its sentence ("Voters in Arizona …
/// said"; "the League of Conservation Voters" is a name).
pub const PEOPLE_HEADS: &[&str] = &[
    "voters", "workers", "protesters", "demonstrators", "employees", "executives", "activists", "investors", "drivers",
    "nurses", "teachers", "doctors", "passengers", "students", "parents", "farmers", "tenants", "landlords", "customers",
    "plaintiffs", "patients", "shoppers", "users", "fans", "players", "scientists", "researchers", "economists",
    "forecasters", "meteorologists", "firefighters", "soldiers", "officers", "prosecutors", "lawyers", "attorneys",
    "family", "families", "relatives", "hacker", "hackers", "witness", "witnesses", "neighbor", "neighbors", "resident",
    "residents", "bystander", "bystanders", "survivor", "survivors", "victim", "victims",
];

/// Nouns a company goes by in a definite description (the language
/// layer's list).
pub use dossier_language::entities::COMPANY_NOUNS;

/// Nouns of documents and reports ("the report", "a statement").
pub const DOCUMENT_HEADS: &[&str] = &[
    "report", "reports", "statement", "statements", "document", "documents", "filing", "letter", "memo", "study",
    "survey", "poll", "analysis", "article", "story", "release", "complaint", "lawsuit", "indictment", "ruling",
    "data", "records", "email", "emails", "transcript", "book", "op-ed", "editorial", "investigation", "audit",
    "summary", "summaries", "estimates", "figures", "notice", "opinion", "testimony", "polls", "surveys", "studies",
    "copy", "suit", "recount", "review", "inquiry", "assessment", "autopsy", "tally",
];

/// Nouns of the means by which something was said ("in an interview", "in
/// a guest column", "on a conference call").
pub const MEDIUM_NOUNS: &[&str] = &[
    "interview", "interviews", "statement", "statements", "email", "e-mail", "emails", "letter", "column", "post",
    "message", "messages", "op-ed", "speech", "tweet", "tweets", "filing", "description", "history", "call", "briefing",
    "conference", "podcast", "broadcast", "video", "memo", "report", "essay", "book", "note", "testimony", "hearing",
];

/// Nouns of bodies and offices ("the mayor's office", "the House caucus"):
/// a source they head is an organisation, whatever names qualify them.
pub const ORGANIZATION_HEADS: &[&str] = &[
    "office", "offices", "department", "agency", "committee", "campaign", "caucus", "board", "council", "company",
    "firm", "ministry", "government", "commission", "league", "association", "union", "court", "bureau", "authority",
    "panel", "legislature", "party", "foundation", "institute", "lab", "laboratory", "team", "coalition", "group",
    "force", "military", "army", "navy", "police", "embassy", "consulate", "parliament", "lender", "bank", "insurer",
    "retailer", "automaker", "carmaker", "airline", "manufacturer", "utility", "startup", "conglomerate", "chain", "command",
    "regime", "junta", "cabinet", "assembly", "mission", "delegation", "club", "franchise", "corporation", "drugmaker",
    "chipmaker", "start-up",
];

/// Pronouns that can be a source.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it", "who"];

/// Cue words mined from PolNeAR's training split (`data/cues.tsv`, rebuilt by
/// `data/build_cues.py`): each form with the share of its occurrences that are
/// the head of an annotated cue.
static MINED: std::sync::LazyLock<std::collections::HashMap<&'static str, f32, BuildWordHasher>> = std::sync::LazyLock::new(|| {
    include_str!("../data/cues.tsv")
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            let w = f.next()?;
            let rate = f.next()?.parse().ok()?;
            Some((w, rate))
        })
        .collect()
});

/// How often `word` (lower case) heads a cue in the training data, 0 if never seen as one.
pub fn cue_rate(word: &str) -> f32 {
    MINED.get(word).copied().unwrap_or(0.0)
}

/// The cue rate above which a mined word is taken as a cue.
pub const MIN_CUE_RATE: f32 = 0.4;
